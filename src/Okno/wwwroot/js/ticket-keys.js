// Keyboard shortcuts of the ticket page: "r" (outside any input) puts the cursor in the reply editor. The physical
// key counts, so it also works with a Russian layout (where it types "к").
let bound = false;

export function bindReplyShortcut() {
    if (bound) return;
    bound = true;
    document.documentElement.dataset.replyShortcut = 'on';
    document.addEventListener('keydown', event => {
        if ((event.code !== 'KeyR' && event.key !== 'r') || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
        const target = event.target;
        if (target instanceof HTMLElement
            && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
        const editor = document.getElementById('reply-body');
        if (!editor) return;
        event.preventDefault();
        editor.focus();
    });
}
