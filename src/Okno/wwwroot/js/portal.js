// Customer portal: live updates of a ticket page. Polls the portal's own endpoint (the portal cookie, checked per
// ticket on every poll) for public messages after the last one shown and appends them; no other script runs here.
(function () {
    const timeline = document.getElementById('portal-timeline');
    if (!timeline) return;
    const ticketId = timeline.dataset.ticketId;
    let lastId = Number(timeline.dataset.lastId || '0');
    const lang = timeline.dataset.lang || 'en';

    function render(message) {
        const item = document.createElement('li');
        item.className = 'portal-message ' + (message.fromCustomer ? 'from-customer' : 'from-support');
        item.dataset.messageId = message.id;
        const head = document.createElement('div');
        head.className = 'portal-message-head';
        const author = document.createElement('strong');
        author.textContent = message.author;
        const time = document.createElement('time');
        time.dateTime = message.at;
        time.textContent = new Date(message.at).toLocaleString(lang);
        head.append(author, time);
        const body = document.createElement('div');
        body.className = 'portal-message-body';
        body.textContent = message.text;
        item.append(head, body);
        if (message.attachments && message.attachments.length) {
            const list = document.createElement('ul');
            list.className = 'portal-attachments';
            for (const file of message.attachments) {
                const li = document.createElement('li');
                const link = document.createElement('a');
                link.href = '/portal/attachments/' + file.id;
                link.textContent = file.fileName;
                li.append(link);
                list.append(li);
            }
            item.append(list);
        }
        return item;
    }

    async function poll() {
        try {
            const response = await fetch('/portal/api/tickets/' + ticketId + '/messages?after=' + lastId, { credentials: 'same-origin', cache: 'no-store' });
            if (response.ok) {
                const data = await response.json();
                for (const message of data.items) {
                    if (message.id <= lastId || timeline.querySelector('[data-message-id="' + message.id + '"]')) continue;
                    timeline.append(render(message));
                    lastId = message.id;
                }
            } else if (response.status === 401 || response.status === 404) {
                return; // signed out or no longer theirs: stop asking
            }
        } catch (e) {
            // offline for a moment: the next poll tries again
        }
        setTimeout(poll, document.hidden ? 15000 : 4000);
    }
    setTimeout(poll, 4000);
})();
