/* Okno live-chat widget (issue 17). One tag on any site:
 *   <script src="https://okno.example/widget.js" data-channel="KEY" async></script>
 * Plain JavaScript, no framework, no build step; the whole file is one IIFE and defines no globals.
 * It talks to Okno only through {base}/widget/v1/{key}/… (the widget contract: session, messages, files, events…).
 * The file starts with a UTF-8 byte-order mark on purpose: a script's BOM wins over the host page's charset, so the
 * Russian strings survive on a windows-1251 page and on a server that sends no charset. Keep it when editing.
 * Size: 15192 bytes gzipped, measured with `gzip -9 -c widget.js | wc -c`. */
(function () {
  'use strict';
  var d = document, w = window;
  var script = d.currentScript || d.querySelector('script[data-channel][src*="widget.js"]');
  if (!script || !script.dataset.channel) return;
  var ds = script.dataset, KEY = ds.channel;
  // Loaded twice (a site that put the tag in twice): the first one serves.
  if (d.querySelector('okno-chat[data-okno-key="' + KEY.replace(/["\\]/g, '') + '"]')) return;
  // Okno's address: where this file came from (origin and path prefix) without /widget.js.
  var BASE = new URL(script.src, location.href).href.replace(/\/widget\.js([?#].*)?$/, '') + '/';
  var API = BASE + 'widget/v1/' + encodeURIComponent(KEY);
  var LANG = ((ds.lang || d.documentElement.lang || navigator.language || 'en') + '').toLowerCase().slice(0, 2) === 'ru' ? 'ru' : 'en';

  var T = {
    en: {
      chat: 'Chat', open: 'Open chat', close: 'Close chat', menu: 'Chat menu', transcript: 'Email me the transcript',
      end: 'End chat', online: 'We are online', offline: 'We are offline', ph: 'Type a message…', send: 'Send',
      attach: 'Attach a file', sending: 'Sending…', sent: 'Sent', read: 'Read', failed: 'Not sent', retry: 'Retry', discard: 'Delete',
      typing: '{0} is typing…', agent: 'Agent', intro: 'Please introduce yourself before we start.',
      offIntro: 'Leave your email and we will answer there.', name: 'Name', email: 'Email', phone: 'Phone',
      start: 'Start chat', req: 'This field is required.', badEmail: 'This is not an email address.',
      big: 'The file is larger than {0}.', type: 'Files of this type cannot be sent.', long: 'The message is longer than {0} characters.',
      rate: 'How did we do?', star: '{0} of 5', comment: 'Comment (optional)', rateSend: 'Send rating',
      thanks: 'Thank you for your rating!', tSent: 'The transcript is on its way.', tEmail: 'Your email for the transcript',
      earlier: 'Earlier messages', connecting: 'Connecting…', error: 'Something went wrong. Please try again.',
      dismiss: 'Dismiss', unread: '{0} unread', ended: 'The chat has ended.', noConn: 'No connection. Your messages will be sent when it is back.',
      slow: 'Too many messages at once; they will go in a moment.', badPhone: 'This is not a phone number.', noMail: 'Email is not set up for this chat.'
    },
    ru: {
      chat: 'Чат', open: 'Открыть чат', close: 'Закрыть чат', menu: 'Меню чата', transcript: 'Прислать переписку на почту',
      end: 'Завершить чат', online: 'Мы на связи', offline: 'Сейчас нас нет на месте', ph: 'Напишите сообщение…', send: 'Отправить',
      attach: 'Прикрепить файл', sending: 'Отправляется…', sent: 'Отправлено', read: 'Прочитано', failed: 'Не отправлено',
      retry: 'Повторить', discard: 'Удалить', typing: '{0} печатает…', agent: 'Оператор', intro: 'Представьтесь, пожалуйста, прежде чем мы начнём.',
      offIntro: 'Оставьте адрес почты, и мы ответим туда.', name: 'Имя', email: 'Почта', phone: 'Телефон',
      start: 'Начать чат', req: 'Это поле нужно заполнить.', badEmail: 'Это не адрес почты.',
      big: 'Файл больше {0}.', type: 'Файлы такого типа отправить нельзя.', long: 'Сообщение длиннее {0} знаков.',
      rate: 'Как мы справились?', star: '{0} из 5', comment: 'Комментарий (необязательно)', rateSend: 'Отправить оценку',
      thanks: 'Спасибо за оценку!', tSent: 'Переписка отправлена на почту.', tEmail: 'Ваша почта для переписки',
      earlier: 'Более ранние сообщения', connecting: 'Подключение…', error: 'Что-то пошло не так. Попробуйте ещё раз.',
      dismiss: 'Скрыть', unread: 'Непрочитанных: {0}', ended: 'Чат завершён.', noConn: 'Нет связи. Сообщения уйдут, когда она вернётся.',
      slow: 'Слишком много сообщений подряд; они уйдут чуть позже.', badPhone: 'Это не номер телефона.', noMail: 'Для этого чата не настроена почта.'
    }
  }[LANG];
  function t(k, a) { return T[k].replace('{0}', a); }

  // localStorage can throw (blocked storage, private modes): then everything is kept in memory for this page.
  var mem = {};
  function store(kind) {
    return {
      get: function (k) { try { var v = w[kind].getItem(k); return v == null ? mem[kind + k] : v; } catch (e) { return mem[kind + k]; } },
      set: function (k, v) { mem[kind + k] = v; try { w[kind].setItem(k, v); } catch (e) { /* in memory only */ } },
      del: function (k) { delete mem[kind + k]; try { w[kind].removeItem(k); } catch (e) { /* in memory only */ } }
    };
  }
  var ls = store('localStorage'), ss = store('sessionStorage');
  var SK = 'okno.chat.' + KEY;

  function uuid() {
    try { if (crypto.randomUUID) return crypto.randomUUID(); } catch (e) { /* insecure context */ }
    var s = '';
    for (var i = 0; i < 32; i++) s += (Math.random() * 16 | 0).toString(16);
    try { s = Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).slice(1); }).join(''); } catch (e) { /* Math.random then */ }
    return s;
  }
  function json(s, dflt) { try { return JSON.parse(s) || dflt; } catch (e) { return dflt; } }
  function page() { return { url: location.href, title: d.title }; }
  function delay(n) { return [1, 2, 5, 10][Math.min(n, 3)] * 1000; }
  function bytes(n) { return n >= 1048576 ? Math.round(n / 104857.6) / 10 + ' MB' : n >= 1024 ? Math.round(n / 1024) + ' KB' : n + ' B'; }

  // ---- state ----
  var token = ls.get(SK) || null;
  var config = null, visitor = {}, conv = { status: 'none', rated: false };
  var byId = {}, maxId = 0, readUpTo = 0, hasMore = false;
  var seenUpTo = +ls.get(SK + '.seen') || 0, seenSent = 0;
  var outbox = json(ls.get(SK + '.outbox'), []);
  var files = {}; // clientId → File: files cannot live in localStorage, so a file upload waits in memory only
  var isOpen = false, ready = false, online = true;

  // ---- DOM: one host element, everything else inside its shadow root ----
  // mode 'open' only so Playwright's CSS engine can reach inside in tests; isolation from the host page's CSS
  // comes from the shadow root itself (and `all: initial` on the host), not from closing it.
  var host = d.createElement('okno-chat');
  host.setAttribute('data-okno-key', KEY);
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('z-index', '2147483000', 'important');
  host.style.setProperty('bottom', '0', 'important');
  host.style.setProperty('right', '0', 'important');
  var root = host.attachShadow({ mode: 'open' });

  function el(tag, attrs, kids) {
    var e = d.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] != null && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  function show(e, on) { e.hidden = !on; }

  root.appendChild(el('style', {
    text:
      ':host{all:initial}*{box-sizing:border-box;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:inherit;margin:0}' +
      '[hidden]{display:none!important}' +
      'button,input,textarea{font:inherit;color:inherit}button{cursor:pointer}' +
      ':focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #0b0c0c}' +
      '.w{--a:#1565c0;--at:#fff;color:#1d1d1f}' +
      '#okno-launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:var(--a);color:var(--at);box-shadow:0 4px 14px rgba(0,0,0,.3);display:flex;align-items:center;justify-content:center}' +
      '#okno-launcher svg{width:28px;height:28px;fill:currentColor}' +
      '#okno-badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#c62828;color:#fff;font-size:12px;font-weight:700;line-height:20px;text-align:center}' +
      '#okno-invite{position:fixed;right:20px;bottom:88px;max-width:280px;background:#fff;border-radius:12px;box-shadow:0 4px 18px rgba(0,0,0,.25);padding:12px 36px 12px 14px}' +
      '#okno-invite-text{background:none;border:0;padding:0;text-align:left}' +
      '.x{position:absolute;top:6px;right:6px;background:none;border:0;width:28px;height:28px;font-size:18px;line-height:1;border-radius:6px}' +
      '#okno-panel{position:fixed;right:20px;bottom:88px;width:370px;height:min(600px,calc(100vh - 110px));background:#fff;border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden}' +
      '@media (max-width:479px){#okno-panel{inset:0;width:100%;height:100%;border-radius:0}.o #okno-launcher{display:none}}' +
      '.h{background:var(--a);color:var(--at);padding:12px 8px 12px 16px;display:flex;align-items:center;gap:4px;position:relative}' +
      '.h>div{flex:1;min-width:0}#okno-title{font-weight:700;font-size:16px}#okno-online{font-size:12px;opacity:.95}' +
      '.h button{background:none;border:0;color:var(--at);width:36px;height:36px;border-radius:8px;font-size:20px;line-height:1}' +
      '#okno-menu{position:absolute;top:52px;right:8px;background:#fff;color:#1d1d1f;border-radius:10px;box-shadow:0 4px 18px rgba(0,0,0,.25);padding:6px;z-index:2;display:flex;flex-direction:column}' +
      '#okno-menu button{width:auto;height:auto;color:#1d1d1f;font-size:14px;text-align:left;padding:8px 12px}' +
      '#okno-menu button:hover{background:#eef2f7}' +
      '#okno-offline{background:#fff4e5;color:#5d3a00;padding:8px 16px;font-size:13px}' +
      '#okno-notice{background:#fdecea;color:#8a1c14;padding:8px 16px;font-size:13px}' +
      '#okno-log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}' +
      '.m{max-width:85%;display:flex;flex-direction:column;gap:2px}' +
      '.m[data-author=visitor]{align-self:flex-end;align-items:flex-end}.m[data-author=system]{align-self:center;max-width:95%}' +
      '.b{padding:8px 12px;border-radius:14px;background:#fff;border:1px solid #dde1e6;white-space:pre-wrap;overflow-wrap:anywhere}' +
      '.m[data-author=visitor] .b{background:var(--a);color:var(--at);border-color:transparent}' +
      '.m[data-author=system] .b{background:none;border:0;color:#555;font-size:13px;text-align:center}' +
      '.b a{color:inherit;text-decoration:underline}.b img{display:block;max-width:100%;max-height:220px;border-radius:8px;margin-top:4px}' +
      '.b p{margin:0 0 .5em}.b p:last-child{margin:0}' +
      '.n,.s{font-size:11px;color:#555}.s[data-state=failed]{color:#b3261e}.s button{background:none;border:0;color:#1565c0;text-decoration:underline;padding:0 4px;font-size:11px}' +
      '#okno-typing{padding:0 16px 4px;font-size:12px;color:#555;font-style:italic;min-height:18px;background:#f6f7f9}' +
      '.f{padding:16px;display:flex;flex-direction:column;gap:8px;overflow-y:auto}' +
      '.f label{display:flex;flex-direction:column;gap:3px;font-size:13px;color:#333}' +
      '.f input,.f textarea{border:1px solid #8a9099;border-radius:8px;padding:8px;background:#fff}' +
      '.e{color:#b3261e;font-size:12px}' +
      '.p{background:var(--a);color:var(--at);border:0;border-radius:8px;padding:9px 14px;font-weight:600}' +
      '#okno-rating>div{display:flex;flex-direction:column;gap:8px;align-items:flex-start}#okno-rating textarea{align-self:stretch}' +
      '#okno-stars{display:flex;gap:4px}#okno-stars button{background:none;border:0;font-size:28px;line-height:1;color:#8a9099;padding:2px}' +
      '#okno-stars button[aria-pressed=true]{color:#e6a100}' +
      '.c{display:flex;align-items:flex-end;gap:6px;padding:8px;border-top:1px solid #dde1e6}' +
      '#okno-input{flex:1;resize:none;border:1px solid #8a9099;border-radius:10px;padding:8px 10px;max-height:120px;min-height:38px;background:#fff}' +
      '.c button{width:38px;height:38px;border-radius:10px;border:0;display:flex;align-items:center;justify-content:center;flex:none}' +
      '.c svg{width:20px;height:20px;fill:currentColor}#okno-attach{background:#eef2f7;color:#333}#okno-send{background:var(--a);color:var(--at)}' +
      '#okno-earlier{align-self:center;background:none;border:1px solid #8a9099;border-radius:12px;padding:3px 10px;font-size:12px}' +
      '.k{display:flex;flex-wrap:wrap;gap:6px;margin-top:4px}.k button{background:#fff;color:var(--a);border:1px solid var(--a);border-radius:14px;padding:5px 12px;text-align:left}' +
      '.k button:hover:not(:disabled){background:var(--a);color:var(--at)}.k button:disabled{opacity:.55;cursor:default}'
  }));

  function svg(path) {
    var s = d.createElementNS('http://www.w3.org/2000/svg', 'svg');
    s.setAttribute('viewBox', '0 0 24 24');
    s.setAttribute('aria-hidden', 'true');
    var p = d.createElementNS('http://www.w3.org/2000/svg', 'path');
    p.setAttribute('d', path);
    s.appendChild(p);
    return s;
  }
  var badge = el('span', { id: 'okno-badge', hidden: true });
  var launcher = el('button', { id: 'okno-launcher', type: 'button', 'aria-label': T.open, 'aria-expanded': 'false', 'aria-controls': 'okno-panel', onclick: function () { openPanel(!isOpen); } },
    [svg('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z'), badge]);
  var inviteText = el('button', { id: 'okno-invite-text', type: 'button', onclick: function () { show(invite, false); openPanel(true); } });
  var invite = el('div', { id: 'okno-invite', hidden: true, role: 'status' },
    [inviteText, el('button', { 'class': 'x', type: 'button', 'aria-label': T.dismiss, text: '×', onclick: function () { show(invite, false); } })]);

  var title = el('div', { id: 'okno-title', text: T.chat });
  var onlineLine = el('div', { id: 'okno-online', text: T.connecting });
  var menuBtn = el('button', { id: 'okno-menu-button', type: 'button', 'aria-label': T.menu, 'aria-haspopup': 'true', 'aria-expanded': 'false', text: '⋮', onclick: function () { toggleMenu(); } });
  var menu = el('div', { id: 'okno-menu', role: 'menu', hidden: true }, [
    el('button', { id: 'okno-transcript', type: 'button', role: 'menuitem', text: T.transcript, onclick: function () { toggleMenu(false); transcript(); } }),
    el('button', { id: 'okno-end', type: 'button', role: 'menuitem', text: T.end, onclick: function () { toggleMenu(false); endChat(); } }),
    el('button', { id: 'okno-menu-close', type: 'button', role: 'menuitem', text: T.close, onclick: function () { toggleMenu(false); openPanel(false); } })
  ]);
  var closeBtn = el('button', { id: 'okno-close', type: 'button', 'aria-label': T.close, text: '×', onclick: function () { openPanel(false); } });
  var offlineBox = el('div', { id: 'okno-offline', hidden: true });
  var notice = el('div', { id: 'okno-notice', role: 'alert', hidden: true });
  var earlier = el('button', { id: 'okno-earlier', type: 'button', text: T.earlier, hidden: true, onclick: loadEarlier });
  var log = el('div', { id: 'okno-log', role: 'log', 'aria-live': 'polite', tabindex: '0', 'aria-label': T.chat }, [earlier]);
  var typingLine = el('div', { id: 'okno-typing', 'aria-live': 'polite' });

  // Pre-chat (and offline: email) form.
  var pre = el('form', { id: 'okno-prechat', 'class': 'f', hidden: true, novalidate: true, onsubmit: submitProfile });
  var preIntro = el('p', {});
  var preFields = {};
  pre.appendChild(preIntro);
  ['name', 'email', 'phone'].forEach(function (f) {
    var input = el('input', { id: 'okno-prechat-' + f, name: f, type: f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text', autocomplete: f === 'phone' ? 'tel' : f });
    var err = el('span', { 'class': 'e', id: 'okno-prechat-' + f + '-error', hidden: true });
    input.setAttribute('aria-describedby', err.id);
    var label = el('label', { id: 'okno-prechat-' + f + '-field' }, [el('span', { text: T[f] }), input, err]);
    preFields[f] = { label: label, input: input, err: err, need: 'off' };
    pre.appendChild(label);
  });
  pre.appendChild(el('button', { id: 'okno-prechat-submit', 'class': 'p', type: 'submit', text: T.start }));

  // Rating.
  var score = 0;
  var stars = el('div', { id: 'okno-stars', role: 'group', 'aria-label': T.rate });
  [1, 2, 3, 4, 5].forEach(function (n) {
    stars.appendChild(el('button', { type: 'button', 'data-score': n, 'aria-label': t('star', n), 'aria-pressed': 'false', text: '★', onclick: function () {
      score = n;
      Array.prototype.forEach.call(stars.children, function (b) { b.setAttribute('aria-pressed', String(+b.getAttribute('data-score') <= n)); });
    } }));
  });
  var rateComment = el('textarea', { id: 'okno-rating-comment', rows: '2', 'aria-label': T.comment, placeholder: T.comment });
  var rateThanks = el('p', { id: 'okno-rating-thanks', text: T.thanks, hidden: true, role: 'status' });
  var rateForm = el('div', {}, [el('p', { text: T.ended }), el('p', { text: T.rate }), stars, rateComment,
    el('button', { id: 'okno-rating-submit', 'class': 'p', type: 'button', text: T.rateSend, onclick: submitRating })]);
  var rating = el('div', { id: 'okno-rating', 'class': 'f', hidden: true }, [rateForm, rateThanks]);

  // Transcript address.
  var tEmail = el('input', { id: 'okno-transcript-email', type: 'email', autocomplete: 'email' });
  var tForm = el('form', { id: 'okno-transcript-form', 'class': 'f', hidden: true, novalidate: true, onsubmit: function (e) { e.preventDefault(); transcript(tEmail.value.trim()); } },
    [el('label', {}, [el('span', { text: T.tEmail }), tEmail]), el('button', { 'class': 'p', type: 'submit', text: T.send })]);

  var input = el('textarea', { id: 'okno-input', rows: '1', placeholder: T.ph, 'aria-label': T.ph, onkeydown: onKey, oninput: onTyping });
  var fileInput = el('input', { id: 'okno-file', type: 'file', hidden: true, tabindex: '-1', onchange: onFile });
  var composer = el('div', { 'class': 'c', id: 'okno-composer' }, [
    el('button', { id: 'okno-attach', type: 'button', 'aria-label': T.attach, title: T.attach, onclick: function () { fileInput.click(); } },
      [svg('M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z')]),
    input, fileInput,
    el('button', { id: 'okno-send', type: 'button', 'aria-label': T.send, title: T.send, onclick: sendTyped }, [svg('M2 21l21-9L2 3v7l15 2-15 2z')])
  ]);

  var panel = el('div', { id: 'okno-panel', role: 'dialog', 'aria-label': T.chat, hidden: true, onclick: function (e) {
    if (!menu.hidden && !menu.contains(e.target) && !menuBtn.contains(e.target)) toggleMenu(false);
  }, onkeydown: function (e) {
    if (e.key === 'Escape') { e.preventDefault(); if (!menu.hidden) { toggleMenu(false); menuBtn.focus(); } else openPanel(false); }
  } }, [
    el('div', { 'class': 'h' }, [el('div', {}, [title, onlineLine]), menuBtn, closeBtn, menu]),
    offlineBox, notice, log, typingLine, pre, rating, tForm, composer
  ]);
  // Shown once Okno has answered: a site that is not allowed (or a wrong key) gets no launcher that never works.
  var wrap = el('div', { 'class': 'w', hidden: true }, [invite, panel, launcher]);
  root.appendChild(wrap);

  function state(s) { host.setAttribute('data-okno-state', s); }
  state('loading');

  // ---- HTTP ----
  function call(method, path, body, opts) {
    var headers = {};
    if (token) headers.Authorization = 'Bearer ' + token;
    var init = { method: method, headers: headers, credentials: 'omit', cache: 'no-store', mode: 'cors' };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) { headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    for (var k in opts || {}) init[k] = opts[k];
    return fetch(API + path, init).then(function (r) {
      if (r.status === 401 && path !== '/session') { resession(); throw { status: 401, problem: {} }; }
      if (r.ok) return r.status === 200 ? r.json() : null;
      return r.json().catch(function () { return {}; }).then(function (p) {
        throw { status: r.status, problem: p || {}, retryAfter: +r.headers.get('Retry-After') || 0 };
      });
    });
  }
  // Okno's problems carry a code, and a validation problem one per field (errorCodes): the widget words the ones a
  // visitor can meet in their language, and falls back on the server's (English) message for the rest.
  function codesOf(err, field) {
    var p = err && err.problem || {}, fc = p.errorCodes || {}, out = field ? [] : [p.code];
    for (var f in fc) if (!field || f.toLowerCase() === field) [].concat(fc[f]).forEach(function (c) { if (c) out.push(c.code); });
    return out;
  }
  function fieldsWith(err, code) {
    var fc = err.problem.errorCodes || {}, out = [];
    for (var f in fc) if (codesOf(err, f.toLowerCase()).indexOf(code) >= 0) out.push(f.toLowerCase());
    return out;
  }
  function worded(codes) {
    for (var i = 0; i < codes.length; i++) {
      var c = codes[i];
      if (c === 'chat.message_too_long') return t('long', config && config.maxMessageLength);
      if (c === 'chat.file_too_large') return t('big', bytes(config && config.maxFileBytes));
      if (c === 'chat.file_type_not_allowed') return T.type;
      if (c === 'chat.rate_limited' || c === 'rate_limited') return T.slow;
      if (c === 'field.invalid_email') return T.badEmail;
      if (c === 'field.required' || c === 'chat.prechat_required') return T.req;
      if (c === 'field.invalid_phone') return T.badPhone;
      if (c === 'chat.no_mailbox') return T.noMail;
    }
    return null;
  }
  function problemText(err) {
    var p = err && err.problem || {}, first = null;
    for (var f in p.errors || {}) { first = [].concat(p.errors[f])[0]; break; }
    return worded(codesOf(err)) || first || p.detail || p.title || T.error;
  }

  // ---- session ----
  var sessionTry = 0, sessionBusy = false;
  function startSession() {
    if (sessionBusy) return;
    sessionBusy = true;
    var body = { lang: LANG, page: page() };
    if (token) body.token = token;
    if (ds.userId && ds.userHash) body.identity = { userId: ds.userId, email: ds.userEmail || null, name: ds.userName || null, hash: ds.userHash };
    call('POST', '/session', body).then(function (s) {
      sessionBusy = false; sessionTry = 0;
      if (s.token !== token) { clearLog(); token = s.token; ls.set(SK, token); }
      config = s.config || {};
      visitor = s.visitor || {};
      conv = s.conversation || conv;
      readUpTo = s.readUpTo || 0;
      hasMore = !!s.hasMore;
      applyConfig();
      (s.messages || []).forEach(upsert);
      if (!maxId && config.greeting) greet();
      markReads();
      show(earlier, hasMore);
      ready = true;
      show(wrap, true);
      state('ready');
      renderMode();
      connect();
      pump();
      invitations();
    }, function (err) {
      sessionBusy = false;
      if (err.status >= 400 && err.status < 500 && err.status !== 429) {
        // A wrong key, a site not allowed, a bad identity: nothing a visitor can fix, so the widget stays away.
        state('error');
        show(wrap, false);
        if (w.console) console.warn('Okno chat: ' + (err.problem.code || err.status) + ' ' + problemText(err));
        return;
      }
      // No answer at all: offline, Okno down, or a preflight refused (an origin Okno does not allow cannot be told
      // apart from a network error in a browser). Keep trying, after a few tries only once a minute.
      setTimeout(startSession, err.retryAfter ? err.retryAfter * 1000 : sessionTry > 5 ? 60000 : delay(sessionTry++));
    });
  }
  function resession() {
    // The server no longer knows the token: forget it and become a new visitor (the outbox still goes out).
    if (!ready) return;
    ready = false;
    token = null;
    ls.del(SK);
    abortStream();
    startSession();
  }
  function clearLog() {
    byId = {}; maxId = 0; readUpTo = 0;
    Array.prototype.slice.call(log.querySelectorAll('.m[data-id]')).forEach(function (m) { m.remove(); });
  }
  function greet() {
    if (log.querySelector('#okno-greeting')) return;
    var g = message({ author: 'agent', text: config.greeting, name: config.title });
    g.id = 'okno-greeting';
    log.insertBefore(g, earlier.nextSibling);
  }

  function applyConfig() {
    if (config.accent) wrap.style.setProperty('--a', config.accent);
    if (config.accentText) wrap.style.setProperty('--at', config.accentText);
    title.textContent = config.title || T.chat;
    panel.setAttribute('aria-label', title.textContent);
    setOnline(config.online !== false);
  }
  function setOnline(on) {
    online = on;
    onlineLine.textContent = on ? T.online : T.offline;
    host.setAttribute('data-okno-online', String(on));
    offlineBox.textContent = config.offlineText || T.offline;
    show(offlineBox, !on);
    renderMode();
  }

  // Which fields the visitor must give before the first message: the pre-chat settings, and an email offline
  // (the message becomes a ticket and the answer goes by email).
  function missing() {
    var out = [];
    if (!config) return out;
    var p = config.prechat || {};
    ['name', 'email', 'phone'].forEach(function (f) {
      var need = p[f] || 'off';
      if (f === 'email' && !online) need = 'required';
      preFields[f].need = need;
      if (need === 'required' && !visitor[f]) out.push(f);
    });
    return out;
  }
  var forcedPre = null;
  function needPre() { return missing().length > 0 && (!maxId || !online); }
  function renderMode() {
    if (!config) return;
    var ratingOn = (conv.status === 'resolved' || conv.status === 'closed') && !conv.rated && !rateDone;
    var preOn = !ratingOn && (forcedPre || needPre());
    show(rating, ratingOn);
    if (ratingOn) { show(rateForm, true); show(rateThanks, false); }
    show(pre, !!preOn);
    if (preOn) {
      preIntro.textContent = online ? T.intro : T.offIntro;
      ['name', 'email', 'phone'].forEach(function (f) {
        var x = preFields[f];
        show(x.label, x.need !== 'off');
        x.input.required = x.need === 'required';
        x.input.setAttribute('aria-required', String(x.need === 'required'));
        if (!x.input.value && visitor[f]) x.input.value = visitor[f];
      });
    }
    show(composer, !preOn);
    host.setAttribute('data-okno-mode', ratingOn ? 'rating' : preOn ? 'prechat' : 'chat');
  }

  // ---- messages ----
  function fmtTime(at) {
    try { return new Date(at).toLocaleTimeString(LANG, { hour: '2-digit', minute: '2-digit' }); } catch (e) { return ''; }
  }
  function message(m) {
    var box = el('div', { 'class': 'm', 'data-author': m.author || 'visitor' });
    if (m.author === 'agent') box.appendChild(el('span', { 'class': 'n', text: m.name || T.agent }));
    var b = el('div', { 'class': 'b' });
    if (m.author === 'agent' && m.html) {
      // Agent HTML comes sanitized by the server; links still open outside the host page.
      b.innerHTML = m.html;
      Array.prototype.forEach.call(b.querySelectorAll('a'), function (a) { a.target = '_blank'; a.rel = 'noopener noreferrer'; });
    } else if (m.text) {
      b.textContent = m.text;
    }
    (m.files || []).forEach(function (f) {
      // Okno gives a file's signed address relative to its own base (an absolute one stays as it is).
      var url = new URL(f.url, BASE).href;
      var a = el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'class': 'file' });
      if (/^image\//.test(f.type)) a.appendChild(el('img', { src: url, alt: f.name, loading: 'lazy' }));
      else a.textContent = '📎 ' + f.name + ' (' + bytes(f.size) + ')';
      b.appendChild(el('div', {}, [a]));
    });
    if (m.pendingFile) b.appendChild(el('div', { text: '📎 ' + m.pendingFile }));
    box.appendChild(b);
    // A bot's choices: pressing one sends its label with its payload; answered ones are disabled (see lockKeys).
    if (m.buttons && m.buttons.length) box.appendChild(el('div', { 'class': 'k', role: 'group' }, m.buttons.map(function (k) {
      return el('button', { type: 'button', text: k.label, onclick: function () { press(k); } });
    })));
    var meta = el('span', { 'class': 's' });
    if (m.at) meta.appendChild(el('time', { datetime: m.at, text: fmtTime(m.at) }));
    box.appendChild(meta);
    return box;
  }
  function find(sel) { return log.querySelector(sel); }
  function lockKeys() {
    var answered = false, kids = log.children;
    for (var i = kids.length - 1; i >= 0; i--) {
      if (kids[i].getAttribute('data-author') === 'visitor') answered = true;
      Array.prototype.forEach.call(kids[i].querySelectorAll('.k button'), function (k) { k.disabled = answered; });
    }
  }
  function press(k) {
    if (config && needPre()) { renderMode(); focusFirst(); return; }
    enqueue({ text: k.label, buttonPayload: k.payload });
  }
  function upsert(m) {
    if (!m || !m.id) return;
    var node = message(m), old = byId[m.id];
    node.setAttribute('data-id', m.id);
    if (m.clientId) node.setAttribute('data-client-id', m.clientId);
    byId[m.id] = node;
    if (old && old.parentNode) old.parentNode.replaceChild(node, old); // the same message again (a reconnect): in place
    else {
      // The visitor's own message confirmed: its "sending" bubble goes, the stored one takes its place by id.
      var p = m.clientId && find('.m[data-pending][data-client-id="' + cssEsc(m.clientId) + '"]');
      if (p) p.remove();
      // Confirmed messages in id order, pending ones (no id yet) after them.
      var before = null, kids = log.children;
      for (var i = 0; i < kids.length; i++) {
        var k = kids[i];
        if (k.hasAttribute('data-pending') || +k.getAttribute('data-id') > m.id) { before = k; break; }
      }
      log.insertBefore(node, before);
    }
    if (m.id > maxId) maxId = m.id;
    if (m.author === 'visitor') setStatus(node, m.id <= readUpTo ? 'read' : 'sent');
    if (m.author === 'agent') { show(typingLine, false); typingLine.textContent = ''; }
    lockKeys();
    var gr = find('#okno-greeting');
    if (gr && earlier.nextSibling !== gr) log.insertBefore(gr, earlier.nextSibling);
    scrollDown();
    unread();
    seen();
  }
  function cssEsc(s) { return String(s).replace(/["\\]/g, '\\$&'); }
  function setStatus(node, s, detail, clientId) {
    var meta = node.querySelector('.s');
    var st = meta.querySelector('.st') || meta.appendChild(el('span', { 'class': 'st' }));
    node.setAttribute('data-state', s);
    meta.setAttribute('data-state', s);
    st.textContent = (meta.firstChild !== st ? ' · ' : '') + T[s] + (detail ? ': ' + detail : '');
    if (s === 'failed') {
      st.appendChild(el('button', { type: 'button', 'class': 'okno-retry', text: T.retry, onclick: function () { retry(clientId); } }));
      st.appendChild(el('button', { type: 'button', 'class': 'okno-discard', text: T.discard, onclick: function () {
        outbox.filter(function (o) { return o.clientId === clientId; }).forEach(function (o) { drop(o); });
        input.focus();
      } }));
    }
  }
  function markReads() {
    Array.prototype.forEach.call(log.querySelectorAll('.m[data-author=visitor][data-id]'), function (n) {
      setStatus(n, +n.getAttribute('data-id') <= readUpTo ? 'read' : 'sent');
    });
  }
  function scrollDown() { log.scrollTop = log.scrollHeight; }
  function loadEarlier() {
    var first = log.querySelector('.m[data-id]');
    if (!first) return;
    call('GET', '/messages?before=' + first.getAttribute('data-id') + '&limit=50').then(function (r) {
      var h = log.scrollHeight;
      r.messages.forEach(upsert);
      hasMore = r.hasMore;
      show(earlier, hasMore);
      log.scrollTop = log.scrollHeight - h;
    }, function (err) { note(problemText(err)); });
  }

  var noteTimer;
  function note(text) {
    notice.textContent = text;
    show(notice, !!text);
    clearTimeout(noteTimer);
    if (text) noteTimer = setTimeout(function () { show(notice, false); }, 8000);
  }

  // ---- the outbox: every message is stored before it is shown, then sent one at a time, in order ----
  function saveOutbox() {
    ls.set(SK + '.outbox', JSON.stringify(outbox.filter(function (o) { return !o.file; })));
    host.setAttribute('data-okno-outbox', String(outbox.filter(function (o) { return !o.failed; }).length));
  }
  function pendingNode(o) {
    var node = find('.m[data-pending][data-client-id="' + cssEsc(o.clientId) + '"]');
    if (!node) {
      node = message({ author: 'visitor', text: o.text, pendingFile: o.file, at: o.at });
      node.setAttribute('data-pending', '');
      node.setAttribute('data-client-id', o.clientId);
      log.appendChild(node);
    }
    setStatus(node, o.failed ? 'failed' : 'sending', o.failed && o.error, o.clientId);
    return node;
  }
  function enqueue(o, file) {
    o.clientId = uuid();
    o.at = new Date().toISOString();
    o.page = page();
    if (file) files[o.clientId] = file;
    if (!maxId) ['name', 'email', 'phone'].forEach(function (f) { if (visitor[f]) o[f] = visitor[f]; });
    outbox.push(o);
    saveOutbox();
    pendingNode(o);
    lockKeys();
    scrollDown();
    pump();
  }
  var pumping = false, pumpTimer = null, pumpTry = 0;
  function pump() {
    if (pumping || !ready) return;
    var o = outbox.filter(function (x) { return !x.failed; })[0];
    if (!o) return;
    pumping = true;
    var req;
    if (o.file) {
      var f = files[o.clientId];
      if (!f) { drop(o); pumping = false; return pump(); }
      var fd = new FormData();
      fd.append('clientId', o.clientId);
      fd.append('file', f, f.name);
      if (o.text) fd.append('text', o.text);
      req = call('POST', '/files', fd);
    } else {
      var body = { clientId: o.clientId, text: o.text, page: o.page };
      if (o.buttonPayload) body.buttonPayload = o.buttonPayload;
      ['name', 'email', 'phone'].forEach(function (k) { if (o[k]) body[k] = o[k]; });
      req = call('POST', '/messages', body);
    }
    req.then(function (m) {
      pumping = false; pumpTry = 0;
      if (conv.status !== 'open') { conv.status = 'open'; conv.rated = false; rateDone = false; renderMode(); }
      if (m && m.id) { drop(o); upsert(m); }
      else {
        // 202: stored safely, written a moment later; the stream brings the stored message (same clientId).
        drop(o, true);
        var n = find('.m[data-pending][data-client-id="' + cssEsc(o.clientId) + '"]');
        if (n) setStatus(n, 'sent');
      }
      pump();
    }, function (err) {
      pumping = false;
      var s = err.status || 0;
      if (!s || s >= 500 || s === 429 || s === 401) {
        // The server dedupes by clientId, so sending again after a lost answer never doubles the message.
        if (!s && !navigator.onLine) note(T.noConn);
        clearTimeout(pumpTimer);
        pumpTimer = setTimeout(pump, s === 429 && err.retryAfter ? err.retryAfter * 1000 : delay(pumpTry++));
        return;
      }
      if (codesOf(err).indexOf('chat.prechat_required') >= 0) {
        forcedPre = true;
        renderMode();
        var need = fieldsWith(err, 'chat.prechat_required');
        if (err.problem.code === 'chat.prechat_required') for (var k0 in err.problem.errors || {}) need.push(k0.toLowerCase());
        need.forEach(function (k) { if (preFields[k]) { preFields[k].need = 'required'; show(preFields[k].label, true); fieldError(k, T.req); } });
        focusFirst();
        return;
      }
      o.failed = true;
      o.error = problemText(err);
      saveOutbox();
      pendingNode(o);
      pump();
    });
  }
  function drop(o, keepBubble) {
    outbox = outbox.filter(function (x) { return x !== o; });
    delete files[o.clientId];
    saveOutbox();
    if (keepBubble) return;
    var n = find('.m[data-pending][data-client-id="' + cssEsc(o.clientId) + '"]');
    if (n) n.remove();
  }
  function retry(clientId) {
    outbox.forEach(function (o) { if (o.clientId === clientId) { o.failed = false; delete o.error; pendingNode(o); } });
    saveOutbox();
    pump();
  }
  function sendTyped() {
    var text = input.value.trim();
    if (!text) return;
    if (config && config.maxMessageLength && text.length > config.maxMessageLength) { note(t('long', config.maxMessageLength)); return; }
    if (config && needPre()) { renderMode(); focusFirst(); return; }
    input.value = '';
    input.style.height = '';
    typing(false);
    enqueue({ text: text });
    input.focus();
  }
  function onKey(e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendTyped(); }
  }
  function onFile() {
    var f = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (!f || !config) return;
    var types = config.fileTypes || [];
    if (config.maxFileBytes && f.size > config.maxFileBytes) return note(t('big', bytes(config.maxFileBytes)));
    if (types.length && !types.some(function (ty) { return ty === f.type || /\/\*$/.test(ty) && f.type.indexOf(ty.slice(0, -1)) === 0; }))
      return note(T.type);
    if (needPre()) { renderMode(); focusFirst(); return; }
    enqueue({ file: f.name }, f);
  }

  // ---- pre-chat form ----
  function fieldError(f, text) { preFields[f].err.textContent = text || ''; show(preFields[f].err, !!text); preFields[f].input.setAttribute('aria-invalid', String(!!text)); }
  function submitProfile(e) {
    e.preventDefault();
    var body = {}, bad = false;
    ['name', 'email', 'phone'].forEach(function (f) {
      var x = preFields[f], v = x.input.value.trim();
      fieldError(f, '');
      if (x.need === 'off') return;
      if (!v && x.need === 'required') { fieldError(f, T.req); bad = true; }
      else if (v && f === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) { fieldError(f, T.badEmail); bad = true; }
      if (v) body[f] = v;
    });
    if (bad) return focusFirst();
    call('POST', '/profile', body).then(function (r) {
      visitor = r && r.visitor || r || visitor;
      for (var k in body) if (!visitor[k]) visitor[k] = body[k];
      done();
    }, function (err) {
      if (err.status && err.status < 500 && err.status !== 429) {
        var errs = err.problem.errors || {}, any = false;
        for (var k in errs) {
          var f = k.toLowerCase();
          if (preFields[f]) { fieldError(f, worded(codesOf(err, f)) || [].concat(errs[k])[0]); any = true; }
        }
        if (!any) note(problemText(err));
        return focusFirst();
      }
      // No connection: the fields ride along on the first message (the contract allows it).
      for (var j in body) visitor[j] = body[j];
      outbox.forEach(function (o) { if (!o.file) for (var j2 in body) o[j2] = body[j2]; });
      saveOutbox();
      done();
    });
    function done() { forcedPre = false; renderMode(); input.focus(); pump(); }
  }
  function focusFirst() {
    var f = pre.querySelector('[aria-invalid=true]') || pre.querySelector('label:not([hidden]) input');
    if (f) f.focus();
  }

  // ---- rating, transcript, end ----
  var rateDone = false;
  function submitRating() {
    if (!score) { stars.firstChild.focus(); return; }
    var body = { score: score };
    if (rateComment.value.trim()) body.comment = rateComment.value.trim();
    call('POST', '/rating', body).then(thank, function (err) { if (err.status === 409) thank(); else note(problemText(err)); });
    function thank() { conv.rated = true; rateDone = true; show(rateForm, false); show(rateThanks, true); host.setAttribute('data-okno-mode', 'rated'); show(composer, true); }
  }
  function endChat() {
    call('POST', '/close').then(function () { conv.status = 'closed'; conv.rated = false; rateDone = false; renderMode(); var b = stars.firstChild; if (b) b.focus(); },
      function (err) { note(problemText(err)); });
  }
  function transcript(email) {
    var body = email ? { email: email } : {};
    call('POST', '/transcript', body).then(function () { show(tForm, false); note(''); sysNote(T.tSent); }, function (err) {
      if (codesOf(err).indexOf('chat.email_required') >= 0 || err.status === 400 && !email) { show(tForm, true); tEmail.focus(); }
      else note(problemText(err));
    });
  }
  function sysNote(text) {
    var m = message({ author: 'system', text: text });
    m.className += ' okno-local';
    log.appendChild(m);
    scrollDown();
  }

  // ---- typing and seen ----
  var typingOn = false, typingAt = 0, typingIdle;
  function onTyping() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
    if (!ready) return;
    var now = Date.now();
    if (input.value && (!typingOn || now - typingAt > 3000)) { typingAt = now; typingOn = true; call('POST', '/typing', { typing: true }).catch(noop); }
    clearTimeout(typingIdle);
    typingIdle = setTimeout(function () { typing(false); }, 5000);
    if (!input.value) typing(false);
  }
  function typing(on) {
    clearTimeout(typingIdle);
    if (!on && typingOn && ready) { typingOn = false; call('POST', '/typing', { typing: false }).catch(noop); }
  }
  function noop() { }
  function newestAgent() {
    var ids = Object.keys(byId).filter(function (id) { return byId[id].getAttribute('data-author') === 'agent'; }).map(Number);
    return ids.length ? Math.max.apply(null, ids) : 0;
  }
  var seenTimer;
  function seen() {
    var top = newestAgent();
    if (!isOpen || d.visibilityState !== 'visible' || !top) return;
    // Seen here at once (the badge, the next visit); told to Okno a moment later, so a burst of messages makes one call.
    if (top > seenUpTo) { seenUpTo = top; ls.set(SK + '.seen', String(top)); unread(); }
    clearTimeout(seenTimer);
    seenTimer = setTimeout(function () {
      var up = seenUpTo;
      if (ready && up > seenSent) { seenSent = up; call('POST', '/seen', { upTo: up }).catch(function () { seenSent = 0; }); }
    }, 400);
  }
  function unread() {
    var n = Object.keys(byId).filter(function (id) { return +id > seenUpTo && byId[id].getAttribute('data-author') === 'agent'; }).length;
    badge.textContent = n > 9 ? '9+' : String(n);
    show(badge, n > 0 && !isOpen);
    launcher.setAttribute('aria-label', n && !isOpen ? T.open + ' (' + t('unread', n) + ')' : isOpen ? T.close : T.open);
  }

  // ---- the live stream: fetch + ReadableStream, SSE parsed here (EventSource cannot send Authorization) ----
  var ctrl = null, streamTry = 0, streamTimer = null, lastByte = 0;
  function connect() {
    clearTimeout(streamTimer);
    if (ctrl || !ready || !token) return;
    var c = ctrl = new AbortController();
    var headers = { Authorization: 'Bearer ' + token, Accept: 'text/event-stream', 'Last-Event-ID': String(maxId) };
    lastByte = Date.now();
    fetch(API + '/events', { headers: headers, credentials: 'omit', cache: 'no-store', signal: c.signal }).then(function (r) {
      if (r.status === 401) { ctrl = null; resession(); return; }
      if (!r.ok || !r.body) throw r;
      host.setAttribute('data-okno-stream', 'open');
      streamTry = 0;
      // The stream is back, so is the network: whatever waits in the outbox goes now.
      if (!pumping && outbox.length) { clearTimeout(pumpTimer); pumpTry = 0; pump(); }
      var reader = r.body.getReader(), dec = new TextDecoder(), buf = '', ev = {};
      function line(l) {
        if (l === '') { if (ev.data != null) dispatch(ev.event || 'message', ev.data); ev = {}; return; }
        if (l[0] === ':') return;
        var i = l.indexOf(':'), f = i < 0 ? l : l.slice(0, i), v = i < 0 ? '' : l.slice(i + 1);
        if (v[0] === ' ') v = v.slice(1);
        if (f === 'data') ev.data = ev.data == null ? v : ev.data + '\n' + v;
        else if (f === 'event' || f === 'id') ev[f] = v;
      }
      function next() {
        return reader.read().then(function (x) {
          if (x.done) throw 0;
          lastByte = Date.now();
          buf += dec.decode(x.value, { stream: true });
          var parts = buf.split(/\r\n|\r|\n/);
          buf = parts.pop();
          // A lone \r at the end may be half of \r\n: keep it for the next chunk.
          parts.forEach(line);
          return next();
        });
      }
      return next();
    }).catch(noop).then(function () {
      if (ctrl !== c) return;
      ctrl = null;
      host.setAttribute('data-okno-stream', 'closed');
      if (ready) streamTimer = setTimeout(connect, delay(streamTry++));
    });
  }
  function abortStream() { if (ctrl) { var c = ctrl; ctrl = null; c.abort(); } host.setAttribute('data-okno-stream', 'closed'); }
  // The server pings every 15 s: silence for 40 s means a dead connection (a laptop that slept, a lost network).
  setInterval(function () { if (ctrl && Date.now() - lastByte > 40000) { abortStream(); connect(); } }, 5000);
  var typingTimer;
  function dispatch(event, data) {
    var x = json(data, null);
    if (!x) return;
    if (event === 'message') {
      if (x.clientId) outbox.filter(function (o) { return o.clientId === x.clientId; }).forEach(drop);
      upsert(x);
    } else if (event === 'typing') {
      typingLine.textContent = x.typing ? t('typing', x.name || T.agent) : '';
      show(typingLine, !!x.typing);
      clearTimeout(typingTimer);
      if (x.typing) typingTimer = setTimeout(function () { show(typingLine, false); }, 15000);
    } else if (event === 'read') {
      if (x.upTo > readUpTo) { readUpTo = x.upTo; markReads(); }
    } else if (event === 'state') {
      if (x.online != null) setOnline(!!x.online);
      if (x.status) {
        if (x.status !== conv.status && (x.status === 'resolved' || x.status === 'closed')) { conv.rated = false; rateDone = false; }
        conv.status = x.status;
        renderMode();
      }
    }
  }

  w.addEventListener('online', function () {
    clearTimeout(pumpTimer); pumpTry = 0; streamTry = 0;
    if (!ready) { startSession(); return; }
    pump();
    if (!ctrl) connect();
    else { abortStream(); connect(); }
  });
  d.addEventListener('visibilitychange', seen);

  // ---- open/close, menu ----
  function openPanel(on) {
    isOpen = on;
    show(panel, on);
    wrap.classList.toggle('o', on);
    show(invite, false);
    launcher.setAttribute('aria-expanded', String(on));
    host.setAttribute('data-okno-open', String(on));
    toggleMenu(false);
    unread();
    if (on) {
      renderMode();
      scrollDown();
      if (!pre.hidden) focusFirst(); else if (!rating.hidden) stars.firstChild.focus(); else input.focus();
      seen();
    } else launcher.focus();
  }
  function toggleMenu(on) {
    on = on == null ? menu.hidden : on;
    show(menu, on);
    menuBtn.setAttribute('aria-expanded', String(on));
    if (on) menu.firstChild.focus();
  }

  // ---- page changes and invitations (no patching of the host's history API: a 2-second look) ----
  var href = location.href, inviteTimer;
  setInterval(function () {
    if (location.href === href) return;
    href = location.href;
    if (ready) call('POST', '/page', page()).catch(noop);
    invitations();
  }, 2000);
  function glob(p) { return new RegExp('^' + String(p).split('*').map(function (s) { return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'); }).join('.*') + '$'); }
  function invitations() {
    clearTimeout(inviteTimer);
    var list = config && config.invitations || [];
    for (var i = 0; i < list.length; i++) {
      var inv = list[i];
      if (!glob(inv.pages || '*').test(location.href)) continue;
      var k = SK + '.invited.' + i;
      if (ss.get(k)) continue;
      inviteTimer = setTimeout(function (inv, k) {
        if (isOpen || ss.get(k)) return;
        ss.set(k, '1');
        inviteText.textContent = inv.text;
        show(invite, true);
      }.bind(null, inv, k), (inv.afterSeconds || 0) * 1000);
      return;
    }
  }

  function start() {
    d.body.appendChild(host);
    // Messages typed before a reload are shown as "sending" at once and go as soon as the session is back.
    outbox.forEach(pendingNode);
    saveOutbox();
    startSession();
  }
  if (d.body) start(); else d.addEventListener('DOMContentLoaded', start);
})();
