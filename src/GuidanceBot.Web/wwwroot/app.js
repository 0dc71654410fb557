// The citizen chat page: gets a Direct Line token from our own host, starts the unmodified Web Chat against our
// /v3/directline, keeps the conversation across a reload (sessionStorage), and switches between Vietnamese and English.
(function () {
  'use strict';

  var SESSION_KEY = 'guidancebot.webchat.session';
  var LANG_KEY = 'guidancebot.webchat.lang';
  var TEXT = {
    vi: {
      title: 'Trợ lý hướng dẫn thủ tục hành chính',
      kicker: 'Dịch vụ công trực tuyến',
      intro: 'Hỏi cách làm khai sinh, thường trú, căn cước, VNeID… Trợ lý hướng dẫn từng bước, bạn bấm nút hoặc gõ câu hỏi.',
      privacy: 'Không nhập số căn cước, mật khẩu hay mã OTP vào đây. Hồ sơ nộp trên Cổng Dịch vụ công hoặc ứng dụng VNeID.',
      loading: 'Đang kết nối…',
      failed: 'Chưa kết nối được. Vui lòng tải lại trang sau ít phút.',
      skip: 'Bỏ qua, đến khung trò chuyện',
      chatLabel: 'Khung trò chuyện',
      placeholder: 'Nhập câu hỏi của bạn…',
      switchTo: 'English', switchLang: 'en', switchLabel: 'Switch to English', command: 'Tiếng Việt',
      locale: 'vi-VN', botInitials: 'TL'
    },
    en: {
      title: 'Public service guidance assistant',
      kicker: 'Online public services',
      intro: 'Ask how to register a birth, a residence, an ID card, VNeID… The assistant guides you step by step: tap a button or type a question.',
      privacy: 'Do not type ID numbers, passwords or OTP codes here. Applications are filed on the National Public Service Portal or in the VNeID app.',
      loading: 'Connecting…',
      failed: 'Could not connect. Please reload the page in a few minutes.',
      skip: 'Skip to the chat',
      chatLabel: 'Chat',
      placeholder: 'Type your question…',
      switchTo: 'Tiếng Việt', switchLang: 'vi', switchLabel: 'Chuyển sang tiếng Việt', command: 'English',
      locale: 'en-US', botInitials: 'GA'
    }
  };

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
    langButton.lang = t.switchLang;
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
      locale: t.locale,
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
      conversationStartProperties: { locale: TEXT[lang].locale }
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
    lang = TEXT[lang].switchLang;
    localStorage.setItem(LANG_KEY, lang);
    applyPageText();
    if (!store) return;
    render();
    // Tell the bot too, so its answers switch language from the next message on.
    if (online) store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: TEXT[lang].command } });
  });

  start();
})();
