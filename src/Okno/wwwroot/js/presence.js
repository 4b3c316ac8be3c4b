// The workspace's presence beacon for automatic distribution. The browser beats, not a server timer: the server keeps a
// closed tab's circuit for minutes, and only the browser knows whether its agent is still touching the page.
// Every `everyMs` it tells .NET whether the agent touched the page since the last beat (pointer, keys, wheel, scroll,
// focus); a workspace just opened counts as touched. After an untouched beat the next touch beats at once, so an agent
// coming back from away is online (and gets the waiting tickets) without waiting for the next beat.
const inputs = ["pointerdown", "pointermove", "keydown", "wheel", "scroll", "focus", "touchstart"];

export function startPresence(component, everyMs) {
    let touched = true;
    let idle = false;
    let timer = null;

    const beat = () => {
        const active = touched;
        touched = false;
        idle = !active;
        component.invokeMethodAsync("Beat", active).catch(() => { /* reconnecting: the next beat tries again */ });
    };
    const beatNowAndEvery = () => {
        clearInterval(timer);
        beat();
        timer = setInterval(beat, everyMs);
    };
    const onInput = () => {
        touched = true;
        if (idle) beatNowAndEvery();
    };
    const onVisible = () => {
        if (document.visibilityState === "visible") onInput();
    };

    // Capturing on the window: scroll and focus do not bubble, and a component that stops a click must not hide it.
    for (const name of inputs) window.addEventListener(name, onInput, { capture: true, passive: true });
    document.addEventListener("visibilitychange", onVisible);
    beatNowAndEvery();
    // Lets a test see that the beacon is live.
    document.documentElement.dataset.oknoPresence = "on";
    return {
        dispose: () => {
            clearInterval(timer);
            for (const name of inputs) window.removeEventListener(name, onInput, { capture: true });
            document.removeEventListener("visibilitychange", onVisible);
            delete document.documentElement.dataset.oknoPresence;
        }
    };
}
