// The reply editor: a contenteditable box with a toolbar, driven by the browser's own editing commands
// (document.execCommand), so there is nothing to build or vendor. The server never trusts what it produces: the HTML
// is sanitized to an allow-list there and its plain-text part derived from it. The .NET component hears only whether
// the box is empty and the text just before the cursor (for @mentions), never the whole text on every key, so a long
// reply stays within the circuit's message size; the HTML is read once, on send, as a stream.
const imageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];

export function attach(box, toolbar, component, options) {
    document.execCommand("defaultParagraphSeparator", false, "p");
    let timer = null;
    const report = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            component.invokeMethodAsync("OnEditorInput", isEmpty(box), textBeforeCursor(box)).catch(() => { });
        }, 120);
    };
    const addImage = file => {
        if (!imageTypes.includes(file.type)) return;
        if (file.size > options.maxImageBytes) {
            component.invokeMethodAsync("OnImageTooLarge", file.name).catch(() => { });
            return;
        }
        const reader = new FileReader();
        reader.onload = () => {
            restore();
            document.execCommand("insertHTML", false, `<img src="${reader.result}" alt="${escapeAttribute(file.name || "image")}">`);
            report();
        };
        reader.readAsDataURL(file);
    };
    const onKey = event => {
        if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
        const key = event.code && event.code.startsWith("Key") ? event.code.slice(3).toLowerCase() : event.key;
        if (key === "k") {
            event.preventDefault();
            link(box, options.linkPrompt);
        } else if (key === "b" || key === "i") {
            // Browsers do these too, but not all of them (and not with a Russian layout's physical keys).
            event.preventDefault();
            document.execCommand(key === "b" ? "bold" : "italic");
        } else if (event.key === "Enter") {
            event.preventDefault();
            component.invokeMethodAsync("OnSendShortcut").catch(() => { });
        }
    };
    const onPaste = event => {
        const files = [...(event.clipboardData?.files ?? [])].filter(f => imageTypes.includes(f.type));
        if (files.length > 0) {
            event.preventDefault();
            files.forEach(addImage);
        }
    };
    // The last place of the cursor inside the box: a toolbar button takes the focus, and the command goes back there.
    let saved = null;
    const remember = () => {
        const selection = window.getSelection();
        if (selection.rangeCount && box.contains(selection.anchorNode)) saved = selection.getRangeAt(0).cloneRange();
    };
    const restore = () => {
        box.focus();
        const selection = window.getSelection();
        if (saved && !(selection.rangeCount && box.contains(selection.anchorNode))) {
            selection.removeAllRanges();
            selection.addRange(saved);
        }
    };
    document.addEventListener("selectionchange", remember);
    const picker = document.createElement("input");
    picker.type = "file";
    picker.accept = imageTypes.join(",");
    picker.multiple = true;
    picker.hidden = true;
    picker.id = box.id + "-image-picker";
    picker.addEventListener("change", () => {
        [...picker.files].forEach(addImage);
        picker.value = "";
    });
    // Outside the editor's own markup, which Blazor owns (and whose file field is the attachments' one).
    document.body.append(picker);
    // A toolbar button keeps the focus and the selection in the box (mousedown), and acts at once (click).
    const onToolbarDown = event => { if (event.target.closest("[data-command]")) event.preventDefault(); };
    const onToolbarClick = event => {
        const button = event.target.closest("[data-command]");
        if (button && !button.disabled) api.command(button.dataset.command);
    };
    toolbar.addEventListener("mousedown", onToolbarDown);
    toolbar.addEventListener("click", onToolbarClick);
    box.addEventListener("input", report);
    box.addEventListener("keydown", onKey);
    box.addEventListener("paste", onPaste);
    const api = {
        command: (name) => {
            restore();
            switch (name) {
                case "bold": document.execCommand("bold"); break;
                case "italic": document.execCommand("italic"); break;
                case "bullets": document.execCommand("insertUnorderedList"); break;
                case "numbers": document.execCommand("insertOrderedList"); break;
                case "quote": toggleBlock(box, "blockquote"); break;
                case "codeblock": toggleBlock(box, "pre"); break;
                case "code": inlineCode(); break;
                case "link": link(box, options.linkPrompt); break;
                case "image": picker.click(); break;
            }
            report();
        },
        // Bytes, so .NET reads them as a stream however long the reply is.
        content: () => new TextEncoder().encode(box.innerHTML),
        insertText: (text) => {
            const html = text.split(/\n{2,}/).map(p => "<p>" + escapeText(p).replace(/\n/g, "<br>") + "</p>").join("");
            if (isEmpty(box)) box.innerHTML = html;
            else box.insertAdjacentHTML("beforeend", html);
            placeCursorAtEnd(box);
            report();
        },
        // Replaces the "@query" typed just before the cursor with "@Name ".
        completeMention: (query, name) => {
            restore();
            const selection = window.getSelection();
            if (!selection.rangeCount) return;
            const range = selection.getRangeAt(0);
            const node = range.startContainer;
            if (node.nodeType !== Node.TEXT_NODE) return;
            const start = range.startOffset - query.length - 1;
            if (start < 0 || node.data[start] !== "@") return;
            const typed = document.createRange();
            typed.setStart(node, start);
            typed.setEnd(node, range.startOffset);
            selection.removeAllRanges();
            selection.addRange(typed);
            document.execCommand("insertText", false, "@" + name + "\u00a0");
            report();
        },
        clear: () => {
            box.innerHTML = "";
            report();
        },
        setEnabled: (enabled) => box.setAttribute("contenteditable", enabled ? "true" : "false"),
        dispose: () => {
            clearTimeout(timer);
            document.removeEventListener("selectionchange", remember);
            box.removeEventListener("input", report);
            box.removeEventListener("keydown", onKey);
            box.removeEventListener("paste", onPaste);
            toolbar.removeEventListener("mousedown", onToolbarDown);
            toolbar.removeEventListener("click", onToolbarClick);
            picker.remove();
        }
    };
    // Typed (or filled in) before this ran: the component hears of it now.
    if (!isEmpty(box)) report();
    // Lets a test (or a curious agent) see that the toolbar and shortcuts are live.
    box.dataset.editor = "on";
    return api;
}

function isEmpty(box) {
    return box.innerText.trim().length === 0 && box.querySelector("img") === null;
}

function textBeforeCursor(box) {
    const selection = window.getSelection();
    if (!selection.rangeCount || !box.contains(selection.anchorNode)) return "";
    const range = document.createRange();
    range.selectNodeContents(box);
    range.setEnd(selection.anchorNode, selection.anchorOffset);
    return range.toString().replace(/\u00a0/g, " ").slice(-64);
}

function link(box, prompt) {
    const selection = window.getSelection();
    const saved = selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    const url = window.prompt(prompt, "https://");
    if (!url || !/^(https?:\/\/|mailto:)\S+$/i.test(url.trim())) return;
    box.focus();
    if (saved) {
        selection.removeAllRanges();
        selection.addRange(saved);
    }
    if (selection.isCollapsed) document.execCommand("insertHTML", false, `<a href="${escapeAttribute(url.trim())}">${escapeText(url.trim())}</a>`);
    else document.execCommand("createLink", false, url.trim());
}

function toggleBlock(box, tag) {
    const selection = window.getSelection();
    const inside = selection.anchorNode && (selection.anchorNode.nodeType === Node.ELEMENT_NODE ? selection.anchorNode : selection.anchorNode.parentElement)?.closest(tag);
    document.execCommand("formatBlock", false, inside && box.contains(inside) ? "p" : tag);
}

function inlineCode() {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    const text = selection.toString();
    document.execCommand("insertHTML", false, "<code>" + escapeText(text) + "</code>");
}

function placeCursorAtEnd(box) {
    box.focus();
    const range = document.createRange();
    range.selectNodeContents(box);
    range.collapse(false);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
}

function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text) {
    return escapeText(text).replace(/"/g, "&quot;");
}
