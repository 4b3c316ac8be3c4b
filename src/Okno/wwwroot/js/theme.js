// The workspace's light/dark theme: the agent's choice ("system", "light", "dark") is kept in this browser; "system"
// follows the operating system's setting, live.
const key = "okno.theme";
const query = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

export function choice() {
    const stored = localStorage.getItem(key);
    return stored === "light" || stored === "dark" ? stored : "system";
}

export function setChoice(value) {
    if (value === "light" || value === "dark") localStorage.setItem(key, value);
    else localStorage.removeItem(key);
}

export function systemIsDark() {
    return query ? query.matches : false;
}

export function watchSystem(component) {
    if (!query) return { dispose: () => { } };
    const handler = event => component.invokeMethodAsync("SystemThemeChanged", event.matches).catch(() => { });
    query.addEventListener("change", handler);
    return { dispose: () => query.removeEventListener("change", handler) };
}
