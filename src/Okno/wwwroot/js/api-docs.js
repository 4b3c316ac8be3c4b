// API docs page (Scalar), loaded before Scalar itself. Scalar's bundled zod probes whether it may compile code with
// Function('') — under Okno's script-src 'self' that probe is a Content-Security-Policy violation (and fails; zod then
// validates without compiling). "jitless" tells zod not to probe at all, so the page runs with no violation.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
