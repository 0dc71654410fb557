// The citizen chat page: gets a Direct Line token from our own host, starts the unmodified Web Chat against our
// /v3/directline, keeps the conversation across a reload (sessionStorage), and switches between Vietnamese and English.
(function () {
  'use strict';

  var SESSION_KEY = 'guidancebot.webchat.session';
  var LANG_KEY = 'guidancebot.webchat.lang';
  // The page's texts in both languages, from the server's resources (ChatPageText.resx / .en.resx).
  var TEXT = JSON.parse(document.getElementById('chat-texts').textContent);
  var OTHER = { vi: 'en', en: 'vi' };
  var LOCALE = { vi: 'vi-VN', en: 'en-US' };

  var params = new URLSearchParams(location.search);
  if (params.get('embed') === '1') document.body.classList.add('embed');
  var lang = params.get('lang') || localStorage.getItem(LANG_KEY) || 'vi';
  if (!TEXT[lang]) lang = 'vi';

  var chat = document.getElementById('chat');
  var status = document.getElementById('status');
  var langButton = document.getElementById('lang');
  var store = null;
  var directLine = null;
  var online = false;

  function applyPageText() {
    var t = TEXT[lang];
    document.documentElement.lang = lang;
    document.title = t.title;
    document.querySelectorAll('[data-text]').forEach(function (el) { el.textContent = t[el.getAttribute('data-text')]; });
    chat.setAttribute('aria-label', t.chatLabel);
    langButton.textContent = t.switchTo;
    langButton.lang = OTHER[lang];
    langButton.setAttribute('aria-label', t.switchLabel);
  }

  function load() { try { return JSON.parse(sessionStorage.getItem(SESSION_KEY)); } catch (e) { return null; } }
  function save(session) { sessionStorage.setItem(SESSION_KEY, JSON.stringify(session)); }

  async function post(url, token) {
    var response = await fetch(url, { method: 'POST', headers: token ? { Authorization: 'Bearer ' + token } : {} });
    if (!response.ok) throw new Error(url + ': ' + response.status);
    return response.json();
  }

  // A reload continues the same conversation while its token can still be refreshed; otherwise a new one starts.
  async function session() {
    var saved = load();
    if (saved && saved.started) {
      try {
        var refreshed = await post('/v3/directline/tokens/refresh', saved.token);
        saved.token = refreshed.token;
        save(saved);
        return saved;
      } catch (e) { /* expired or unknown: start again */ }
    }
    var fresh = await post('/webchat/token');
    var created = { token: fresh.token, conversationId: fresh.conversationId, userId: fresh.userId, started: false };
    save(created);
    return created;
  }

  function render() {
    var t = TEXT[lang];
    var narrow = window.matchMedia('(max-width: 560px)').matches;
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      userID: current.userId,
      locale: LOCALE[lang],
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t.placeholder },
      styleOptions: {
        accent: '#0b4f8a',
        primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
        backgroundColor: '#ffffff',
        bubbleBackground: '#eef2f7',
        bubbleBorderRadius: 12,
        bubbleBorderWidth: 0,
        bubbleFromUserBackground: '#0b4f8a',
        bubbleFromUserTextColor: '#ffffff',
        bubbleFromUserBorderRadius: 12,
        bubbleFromUserBorderWidth: 0,
        bubbleMaxWidth: 600,
        bubbleMinHeight: 36,
        botAvatarInitials: t.botInitials,
        botAvatarBackgroundColor: '#0b4f8a',
        hideUploadButton: true,
        sendBoxHeight: 52,
        sendBoxButtonColor: '#0b4f8a',
        // Phones: one button per line, long procedure names wrap instead of being cut; laptops: buttons flow in rows.
        suggestedActionLayout: narrow ? 'stacked' : 'flow',
        suggestedActionsStackedLayoutButtonTextWrap: true,
        suggestedActionsStackedHeight: Math.round(window.innerHeight * 0.45),
        suggestedActionsStackedLayoutButtonMaxHeight: 120,
        suggestedActionHeight: 44,
        suggestedActionBorderRadius: 8,
        suggestedActionBorderColor: '#0b4f8a',
        suggestedActionBorderWidth: 1,
        suggestedActionTextColor: '#0b4f8a',
        suggestedActionBackgroundColor: '#ffffff',
        transcriptVisualKeyboardIndicatorColor: '#0b4f8a'
      }
    }, chat);
  }

  var current = null;

  async function start() {
    applyPageText();
    try {
      current = await session();
    } catch (e) {
      status.textContent = TEXT[lang].failed;
      status.className = 'status error';
      return;
    }
    chat.setAttribute('data-conversation-id', current.conversationId);
    var options = {
      domain: location.origin + '/v3/directline',
      token: current.token,
      webSocket: true,
      conversationStartProperties: { locale: LOCALE[lang] }
    };
    if (current.started) options.conversationId = current.conversationId;
    directLine = window.WebChat.createDirectLine(options);
    directLine.connectionStatus$.subscribe(function (s) {
      // 2 Online, 3 ExpiredToken, 4 FailedToConnect, 5 Ended (botframework-directlinejs ConnectionStatus).
      if (s === 2) {
        online = true;
        current.started = true;
        save(current);
        chat.setAttribute('data-online', 'true');
      } else if (s === 3 || s === 4 || s === 5) {
        sessionStorage.removeItem(SESSION_KEY);
      }
    });
    // Web Chat refreshes its token every 15 minutes: keep the newest one for a reload.
    setInterval(function () {
      if (directLine.token && directLine.token !== current.token) { current.token = directLine.token; save(current); }
    }, 30000);
    store = window.WebChat.createStore();
    status.remove();
    render();
  }

  langButton.addEventListener('click', function () {
    lang = OTHER[lang];
    localStorage.setItem(LANG_KEY, lang);
    applyPageText();
    if (!store) return;
    render();
    // Tell the bot too, so its answers switch language from the next message on.
    if (online) store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: TEXT[lang].command } });
  });

  start();
})();
