// Keyboard shortcuts of the agent workspace. The keys are handled by the .NET component (it owns the selection);
// this only listens, and ignores keys typed into fields or pressed with a modifier.
function typingInField(event) {
    const target = event.target;
    if (!target || !(target instanceof Element)) return false;
    return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null;
}

export function listenKeys(component, keys) {
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
    document.documentElement.dataset.oknoKeys = "on";
    return {
        dispose: () => {
            document.removeEventListener("keydown", handler);
            delete document.documentElement.dataset.oknoKeys;
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
