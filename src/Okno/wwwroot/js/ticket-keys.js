// Keyboard shortcut of the ticket page: "r" (outside any field, no modifier) puts the cursor in the reply editor.
// By the physical key, so it also works with a Russian layout (where it types "к").
export function bindReplyShortcut() {
    const handler = event => {
        if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.isComposing || event.defaultPrevented) return;
        if (event.code !== 'KeyR' && event.key !== 'r') return;
        const target = event.target;
        if (target instanceof Element
            && target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null) return;
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
