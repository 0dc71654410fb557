'use strict';
// Drives GuidanceBot's Direct Line with the real botframework-directlinejs client, as Web Chat does:
// start, post, echo + reply, reconnect after the server drops the socket (WebSocket mode), token refresh.
// Usage: node scenario.js <base url> websocket|polling. Prints "status N" lines, "drop <conversationId>" (then waits
// for "dropped" on stdin) and finally "result {json}".
global.XMLHttpRequest = require('xhr2');
const WebSocket = require('ws');
const readline = require('readline');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [base, mode] = process.argv.slice(2);
const webSocket = mode === 'websocket';
const seen = [];
const statuses = [];
const listeners = new Set();
const lines = [];

function changed() { for (const listener of [...listeners]) listener(); }

function until(check, what, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { listeners.delete(listener); reject(new Error('timed out waiting for ' + what)); }, ms || 20000);
    function listener() {
      const value = check();
      if (value !== undefined) { clearTimeout(timer); listeners.delete(listener); resolve(value); }
    }
    listeners.add(listener);
    listener();
  });
}

readline.createInterface({ input: process.stdin }).on('line', (line) => { lines.push(line.trim()); changed(); });

async function main() {
  const session = await (await fetch(base + '/webchat/token', { method: 'POST' })).json();
  const dl = new DirectLine({
    token: session.token,
    domain: base + '/v3/directline',
    webSocket,
    pollingInterval: 200,
    conversationStartProperties: { locale: 'vi-VN' },
    WebSocket,
    random: () => 0 // the shortest reconnect delay (3 s) the client allows
  });
  dl.connectionStatus$.subscribe((s) => { statuses.push(s); console.log('status ' + s); changed(); });
  dl.activity$.subscribe((a) => { seen.push(a); changed(); }, (e) => console.log('activity error ' + e));
  const find = (predicate) => seen.find(predicate);
  const post = (text, id) => new Promise((resolve, reject) =>
    dl.postActivity({ type: 'message', from: { id: session.userId }, text, locale: 'vi-VN', channelData: { clientActivityID: id } })
      .subscribe(resolve, reject));
  const result = { mode };

  const greeting = await until(() => find((a) => a.type === 'message' && a.from.id !== session.userId), 'greeting');
  result.greeting = greeting.text;

  const id1 = await post('khai sinh', 'c1');
  const echo = await until(() => find((a) => a.channelData && a.channelData.clientActivityID === 'c1'), 'echo');
  const reply = await until(() => find((a) => a.replyToId === id1), 'reply');
  result.echoId = echo.id;
  result.postedId = id1;
  result.echoBeforeReply = seen.indexOf(echo) < seen.indexOf(reply);
  result.firstReply = reply.text;

  if (webSocket) {
    console.log('drop ' + dl.conversationId);
    await until(() => (lines.includes('dropped') ? true : undefined), 'the server to drop the socket');
  }
  const id2 = await post('bệnh viện', 'c2');
  result.afterReconnect = (await until(() => find((a) => a.replyToId === id2), 'a reply after the reconnect', 40000)).text;

  const oldToken = dl.token;
  dl.token = await new Promise((resolve, reject) => dl.refreshToken().subscribe(resolve, reject));
  result.tokenChanged = dl.token !== oldToken;
  const id3 = await post('chưa quá 60 ngày', 'c3');
  result.afterRefresh = (await until(() => find((a) => a.replyToId === id3), 'a reply with the refreshed token')).text;

  result.statuses = statuses;
  result.duplicateIds = seen.length - new Set(seen.map((a) => a.id)).size;
  result.online = dl.connectionStatus$.getValue() === ConnectionStatus.Online;
  console.log('result ' + JSON.stringify(result));
  dl.end();
  process.exit(0);
}

main().catch((e) => { console.log('error ' + (e && e.stack || e)); process.exit(1); });
