// Help center: article suggestions under a search or subject box while typing. Plain JavaScript, no framework;
// without it the forms still submit normally.
(function () {
    'use strict';

    function attach(input) {
        var box = document.createElement('div');
        box.className = 'help-suggest';
        box.hidden = true;
        box.id = (input.id || 'help-input') + '-suggestions';
        if (input.dataset.suggestTitle) {
            var title = document.createElement('p');
            title.className = 'help-suggest-title';
            title.textContent = input.dataset.suggestTitle;
            box.appendChild(title);
        }
        var list = document.createElement('ul');
        box.appendChild(list);
        input.insertAdjacentElement('afterend', box);
        input.setAttribute('autocomplete', 'off');
        input.setAttribute('aria-controls', box.id);

        var timer = 0;
        var latest = 0;
        function hide() { box.hidden = true; list.textContent = ''; }
        input.addEventListener('input', function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                var q = input.value.trim();
                var mine = ++latest;
                if (q.length < 2) { hide(); return; }
                fetch('/help/api/suggest?q=' + encodeURIComponent(q) + '&lang=' + encodeURIComponent(input.dataset.lang || ''),
                    { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
                    .then(function (r) { return r.ok ? r.json() : { items: [] }; })
                    .then(function (data) {
                        if (mine !== latest) return;
                        list.textContent = '';
                        (data.items || []).forEach(function (item) {
                            var li = document.createElement('li');
                            var a = document.createElement('a');
                            a.href = item.url;
                            a.textContent = item.title;
                            li.appendChild(a);
                            list.appendChild(li);
                        });
                        box.hidden = list.children.length === 0;
                    })
                    .catch(function () { if (mine === latest) hide(); });
            }, 150);
        });
        input.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });
    }

    document.querySelectorAll('input[data-help-suggest]').forEach(attach);
})();
