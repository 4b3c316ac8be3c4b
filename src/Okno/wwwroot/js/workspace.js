// Keyboard shortcuts of the agent workspace. The keys are handled by the .NET component (it owns the selection);
// this only listens, and ignores keys typed into fields or pressed with a modifier.
function typingInField(event) {
    const target = event.target;
    if (!target || !(target instanceof Element)) return false;
    return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null;
}

let listenerCount = 0;

// scope names the page that listens ("inbox", "ticket"): the marker on <html> says which page's keys are live, so a test
// does not press a key while the page it left still holds the marker and the new one has not bound yet.
export function listenKeys(component, keys, scope) {
    const id = String(++listenerCount);
    const handler = event => {
        if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || typingInField(event)) return;
        // By the physical key, so j/k/r work the same with a Russian layout (where they type о/л/к).
        const key = event.code && event.code.startsWith("Key") ? event.code.slice(3).toLowerCase() : event.key;
        if (!keys.includes(key)) return;
        event.preventDefault();
        component.invokeMethodAsync("OnShortcut", key);
    };
    document.addEventListener("keydown", handler);
    // Lets a test (or a curious agent) see that the shortcuts are live.
    const marks = document.documentElement.dataset;
    marks.oknoKeys = scope;
    marks.oknoKeysId = id;
    return {
        dispose: () => {
            document.removeEventListener("keydown", handler);
            // A page disposed after the next one bound its keys leaves the newer marker alone.
            if (marks.oknoKeysId === id) {
                delete marks.oknoKeys;
                delete marks.oknoKeysId;
            }
        }
    };
}

// The ticket page's presence heartbeat: tells the server every few seconds that this screen is still open, so a
// colleague's "viewing" disappears soon after this browser dies (the server keeps a dead browser's circuit for minutes).
export function startHeartbeat(component, everyMs) {
    const timer = setInterval(() => component.invokeMethodAsync("StillHere").catch(() => { /* reconnecting: the next beat tries again */ }), everyMs);
    return { dispose: () => clearInterval(timer) };
}

export function scrollIntoView(selector) {
    document.querySelector(selector)?.scrollIntoView({ block: "nearest" });
}

export function focus(selector) {
    const element = document.querySelector(selector);
    element?.focus();
    return element !== null;
}

// The ticket page's shortcut: "r" (outside any field, no modifier) puts the cursor in the reply editor.
export function bindReplyShortcut() {
    const handler = event => {
        if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.isComposing || event.defaultPrevented) return;
        if (event.code !== 'KeyR' && event.key !== 'r') return;
        if (typingInField(event)) return;
        const editor = document.getElementById('reply-body');
        if (!editor) return;
        event.preventDefault();
        editor.focus();
    };
    document.addEventListener('keydown', handler);
    // Lets a test see that the shortcut is live.
    document.documentElement.dataset.replyShortcut = 'on';
    return {
        dispose: () => {
            document.removeEventListener('keydown', handler);
            delete document.documentElement.dataset.replyShortcut;
        }
    };
}

// "Next/previous ticket" on the ticket page walks the inbox list the agent came from: the inbox remembers the order it
// showed (this tab only).
const orderKey = "okno.inboxOrder";

export function rememberOrder(ids) {
    try { sessionStorage.setItem(orderKey, JSON.stringify(ids)); } catch { /* storage full or off: no next/previous */ }
}

export function neighbour(id, step) {
    try {
        const ids = JSON.parse(sessionStorage.getItem(orderKey) || "[]");
        const at = ids.indexOf(id);
        return at < 0 ? null : ids[at + step] ?? null;
    } catch {
        return null;
    }
}

// "?" anywhere outside a field opens the list of shortcuts; "/" puts the cursor in the search box.
export function listenHelpKey(component) {
    const handler = event => {
        if ((event.key !== "?" && event.key !== "/") || event.ctrlKey || event.metaKey || event.altKey || typingInField(event)) return;
        event.preventDefault();
        if (event.key === "/") document.getElementById("header-search")?.focus();
        else component.invokeMethodAsync("ShowShortcuts");
    };
    document.addEventListener("keydown", handler);
    document.documentElement.dataset.helpKey = "on";
    return { dispose: () => document.removeEventListener("keydown", handler) };
}

// Opens a MudSelect found by its wrapper (the status field on "s").
export function openSelect(selector) {
    const control = document.querySelector(selector + " .mud-input-control");
    if (!control) return false;
    control.click();
    return true;
}

export function scrollToEnd(selector) {
    const pane = document.querySelector(selector);
    if (pane) pane.scrollTop = pane.scrollHeight;
}

// The browser's IANA time zone ("Europe/Moscow"), for clock times the server renders (the inbox's SLA due times).
export function timeZone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch { return null; }
}
