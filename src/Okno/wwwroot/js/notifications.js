// Browser notifications for the bell. The agent's choice is kept in this browser (the permission is the browser's
// too); the server only tells the open bell that something new arrived.
const key = "okno.browserNotifications";

export function browserNotificationsOn() {
    return "Notification" in window && Notification.permission === "granted" && localStorage.getItem(key) === "on";
}

export async function setBrowserNotifications(on) {
    if (!on) {
        localStorage.removeItem(key);
        return false;
    }
    if (!("Notification" in window)) return false;
    const permission = Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    if (permission !== "granted") return false;
    localStorage.setItem(key, "on");
    return true;
}

export function show(title, body, url, tag) {
    if (!browserNotificationsOn() || document.visibilityState === "visible" && document.hasFocus()) return;
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
        window.focus();
        location.assign(url);
        notification.close();
    };
}
