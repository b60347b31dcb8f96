// The one shared client module: connection, reconnect with jittered back-off, hello replay,
// clock sync against the server, and a topic store that applies patch frames (mergePatch). Screens
// only render what it holds. The event (event.js) and every time a page shows, the agenda's
// figures among them (time.js), are passed on from here.
//
// Memory stays bounded however long a screen stays open: one slot per topic, one clock
// sample, and pending commands that leave on their ack or their timeout.
//
// A command sent is answered by the server within its deadline (5 s): done, refused, "not
// executed" (safe to send again) or "outcome_unknown" (it may have run). A command whose answer
// is lost with the link is "outcome_unknown" too: the page then re-reads the state (reread)
// instead of sending it again.
import { eventSummary } from './event.js';

export { eventSummary, fetchJson, showGroupLabels } from './event.js';
export {
  WARN_MS, agendaClock, agendaFace, agendaView, clock, countdown, day, driftSign, driftText, hhmm, zonedFormat,
} from './time.js';

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 15_000;
const CLOCK_SAMPLES = 5;
const CLOCK_SAMPLE_GAP_MS = 200;
const CLOCK_SAMPLE_WAIT = 10; // gaps to wait for the round's last pongs
const CLOCK_REFRESH_MS = 60_000;
const COMMAND_TIMEOUT_MS = 8_000; // the server's deadline (5 s) and the way back; later, the link is broken
const REREAD_EVERY_MS = 1_000;
const STALE_AFTER_MS = 35_000; // two missed heartbeats (one 15–16 s after the last frame heard) and a margin
const DEAD_AFTER_MS = 50_000; // silent this long: the socket is given up and a new one opened
const HANDSHAKE_TIMEOUT_MS = 20_000; // a socket not open by then is given up too

/**
 * Opens a live link to the server and keeps it open. Who the socket is travels in the handshake:
 * a bridge's unit and key or the hall's key in the address (they are the printed link's own), a
 * console's token in the Sec-WebSocket-Protocol header (never in an address a proxy would log).
 *
 * @param {{screen: string, topics: string[], unit?: string, key?: string, hall?: string,
 *          token?: string, pingEvery?: number, staleAfter?: number}} options
 */
export function connect(options) {
  const { screen, topics, unit, key, hall, token, pingEvery = 10_000, staleAfter = STALE_AFTER_MS } = options;
  const deadAfter = Math.max(DEAD_AFTER_MS, staleAfter + pingEvery);
  const states = new Map(); // topic → {epoch, rev, server, data}
  const listeners = new Map(); // topic → Set<fn>
  const statusListeners = new Set();
  const pending = new Map(); // command id → {resolve, reject, timer}
  let ws = null;
  let status = 'connecting';
  let attempt = 0;
  let lastHeard = 0;
  let everOpened = false;
  let refused = false;
  let pingId = 0;
  let commandId = 0;
  let best = null; // the clock sample with the smallest round trip: {rtt, offset, at}
  let round = null; // the best sample of the round being taken
  let roundTimer = null;
  let retryTimer = null;

  const query = new URLSearchParams();
  if (unit) query.set('unit', unit);
  if (key) query.set('key', key);
  if (hall) query.set('hall', hall);
  const search = query.toString();
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws${search ? `?${search}` : ''}`;
  const protocols = token ? ['diemcau', `diemcau.token.${base64url(token)}`] : undefined;

  function setStatus(next) {
    if (next === status) return;
    status = next;
    statusListeners.forEach((fn) => fn(status, { refused }));
  }

  function isOpen() {
    return ws !== null && ws.readyState === WebSocket.OPEN;
  }

  function send(frame) {
    if (isOpen()) ws.send(JSON.stringify(frame));
  }

  function ping() {
    pingId = (pingId + 1) % Number.MAX_SAFE_INTEGER;
    send({ type: 'ping', id: pingId, t0: Date.now() });
  }

  // A round of samples a little apart. The least-delayed sample ever seen is kept; once it is
  // old, the best of a fresh round replaces it even if that one is slower (clocks wander).
  function sampleClock() {
    clearInterval(roundTimer);
    round = null;
    let sent = 0;
    roundTimer = setInterval(() => {
      if (sent < CLOCK_SAMPLES) { sent += 1; ping(); return; }
      if (sent++ < CLOCK_SAMPLES + CLOCK_SAMPLE_WAIT) return; // late pongs of the round still count
      clearInterval(roundTimer);
      roundTimer = null;
      if (round && best && round.at - best.at > 2 * CLOCK_REFRESH_MS) best = round;
      round = null;
    }, CLOCK_SAMPLE_GAP_MS);
  }

  function onPong(frame) {
    const now = Date.now();
    const rtt = now - frame.t0;
    if (!(rtt >= 0) || typeof frame.server !== 'number') return;
    const sample = { rtt, offset: frame.server + rtt / 2 - now, at: now };
    if (roundTimer && (!round || rtt <= round.rtt)) round = sample;
    if (!best || rtt <= best.rtt) best = sample;
  }

  function onState(frame) {
    if (typeof frame.topic !== 'string') return;
    const held = states.get(frame.topic);
    if (held && held.epoch === frame.epoch && !(frame.rev > held.rev)) return;
    hold(frame.topic, { epoch: frame.epoch, rev: frame.rev, server: frame.server, data: frame.data });
  }

  // A patch is what changed since the state the server last sent this socket: applied on top of
  // that state only. A screen that holds anything else asks again on a new socket, whose hello
  // is answered with every state whole (a hello again on this one would send nothing it was sent).
  function onPatch(frame) {
    const held = states.get(frame.topic);
    if (!held || held.epoch !== frame.epoch || held.rev !== frame.base) {
      abandon();
      return;
    }
    hold(frame.topic, { epoch: frame.epoch, rev: frame.rev, server: frame.server, data: mergePatch(held.data, frame.data) });
  }

  function hold(topic, entry) {
    states.set(topic, entry);
    const fns = listeners.get(topic);
    if (fns) fns.forEach((fn) => call(fn, entry.data, entry));
  }

  function onAck(frame) {
    const waiting = pending.get(frame.id);
    if (!waiting) return;
    pending.delete(frame.id);
    clearTimeout(waiting.timer);
    if (frame.ok) waiting.resolve(frame);
    else waiting.reject(frame.error || { code: 'refused', message: 'Máy chủ từ chối lệnh' });
  }

  // commands sent on a link that broke before their answer: they may have run
  function rejectPending() {
    for (const [id, waiting] of pending) {
      clearTimeout(waiting.timer);
      waiting.reject(UNANSWERED);
      pending.delete(id);
    }
  }

  function scheduleReconnect() {
    clearTimeout(retryTimer);
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(attempt, 10));
    attempt += 1;
    retryTimer = setTimeout(open, Math.random() * ceiling); // full jitter: 114 rooms never return in step
  }

  function open() {
    retryTimer = null;
    setStatus(everOpened ? 'down' : 'connecting');
    const socket = new WebSocket(url, protocols);
    let opened = false;
    ws = socket;
    const handshake = setTimeout(() => { if (ws === socket && !opened) abandon(); }, HANDSHAKE_TIMEOUT_MS);
    socket.onopen = () => {
      clearTimeout(handshake);
      opened = true;
      everOpened = true;
      refused = false;
      attempt = 0;
      lastHeard = Date.now();
      setStatus('live');
      send({ type: 'hello', screen, unit, topics });
      sampleClock();
    };
    socket.onmessage = (message) => {
      lastHeard = Date.now();
      if (status !== 'live') setStatus('live');
      let frame;
      try { frame = JSON.parse(message.data); } catch { return; }
      if (!frame || typeof frame !== 'object') return;
      switch (frame.type) {
        case 'state': onState(frame); break;
        case 'patch': onPatch(frame); break;
        case 'pong': onPong(frame); break;
        case 'ack': onAck(frame); break;
        case 'error': console.warn('server:', frame.code, frame.message); break;
        default: break; // heartbeat: being heard is enough
      }
    };
    socket.onclose = () => {
      clearTimeout(handshake);
      if (ws !== socket) return; // a socket already given up
      // a socket refused in the handshake never opens: a wrong token or key (or no server)
      if (!opened) refused = true;
      ws = null;
      clearInterval(roundTimer);
      roundTimer = null;
      rejectPending();
      setStatus('down');
      scheduleReconnect();
    };
  }

  // gives up a socket that has gone silent (a half-open link never closes by itself)
  function abandon() {
    const socket = ws;
    ws = null;
    rejectPending();
    if (socket) {
      socket.onopen = null;
      socket.onclose = null;
      socket.onmessage = null;
      try { socket.close(); } catch { /* already closing */ }
    }
    setStatus('down');
    scheduleReconnect();
  }

  setInterval(() => { if (isOpen()) ping(); }, pingEvery);
  setInterval(() => { if (isOpen()) sampleClock(); }, CLOCK_REFRESH_MS);
  setInterval(() => {
    if (!isOpen()) return;
    const silent = Date.now() - lastHeard;
    if (silent > deadAfter) abandon();
    else if (silent > staleAfter) setStatus('stale');
  }, 1000);

  // the network is back (a laptop's Wi-Fi, a room's router): try now rather than at the back-off
  window.addEventListener('online', () => {
    if (ws || !retryTimer) return;
    clearTimeout(retryTimer);
    attempt = 0;
    open();
  });

  eventSummary().then(open);

  return {
    /** The newest data of a topic, or undefined before its first frame. */
    get: (topic) => states.get(topic)?.data,
    /** Calls fn(data, frame) on every new state of topic, and at once if one is held. */
    on(topic, fn) {
      if (!listeners.has(topic)) listeners.set(topic, new Set());
      listeners.get(topic).add(fn);
      const held = states.get(topic);
      if (held) call(fn, held.data, held);
      return () => listeners.get(topic).delete(fn);
    },
    /** Sends a named command; resolves with the ack, rejects with the server's error object. */
    command(name, args = {}) {
      return new Promise((resolve, reject) => {
        if (!isOpen()) {
          reject({ code: 'disconnected', message: 'Chưa kết nối tới máy chủ' });
          return;
        }
        commandId += 1;
        const id = `c${commandId}`;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(UNANSWERED);
          abandon(); // the server answers every command by its deadline: this link is broken
        }, COMMAND_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        send({ type: 'command', id, name, args });
      });
    },
    /**
     * The data of a topic once every command sent before has finished and its outcome is known:
     * what a console reads after "outcome_unknown", asking again every second until the server can
     * say (while the database is away, it cannot).
     */
    async reread(topic) {
      for (;;) {
        try {
          const response = await fetch(`/api/state/${encodeURIComponent(topic)}?settled=true`, { cache: 'no-store' });
          if (response.ok) return await response.json();
        } catch { /* the server is not reachable yet */ }
        await new Promise((resolve) => setTimeout(resolve, REREAD_EVERY_MS));
      }
    },
    /** The server's clock in epoch ms, as well as this screen can tell it. */
    serverNow: () => Date.now() + (best ? best.offset : 0),
    /** The estimated offset to the server's clock (ms) and the round trip it was measured with. */
    clock: () => (best ? { offset: best.offset, rtt: best.rtt } : null),
    /** Calls fn(status, {refused}) now and on every change: connecting, live, stale, down. */
    onStatus(fn) {
      statusListeners.add(fn);
      fn(status, { refused });
      return () => statusListeners.delete(fn);
    },
    status: () => status,
    /** When the server was last heard from, in server time (null before the first frame). */
    lastHeard: () => (lastHeard ? lastHeard + (best ? best.offset : 0) : null),
    /** Closes the socket (tests use it to cut the link; it reconnects by itself). */
    drop: () => ws && ws.close(),
  };
}

/** The UTF-8 bytes of text in base64url, without padding: what a sub-protocol name may carry. */
function base64url(text) {
  let binary = '';
  new TextEncoder().encode(text).forEach((byte) => { binary += String.fromCharCode(byte); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** What a console tells its operator while, and after, it reads the state again after "outcome_unknown". */
export const REREAD_TEXT = Object.freeze({
  pending: 'Máy chủ chưa xác nhận lệnh vừa bấm — lệnh có thể đã được thực hiện. Đang đọc lại trạng thái, xin đừng bấm lại…',
  done: 'Máy chủ không xác nhận kịp lệnh vừa bấm. Đã đọc lại trạng thái: kiểm tra màn hình rồi mới bấm tiếp.',
});

const UNANSWERED = Object.freeze({
  code: 'outcome_unknown',
  message: 'Không nhận được trả lời của máy chủ: lệnh có thể đã được thực hiện',
});

function call(fn, data, frame) {
  try { fn(data, frame); } catch (error) { console.error(error); }
}

/**
 * A patch frame's `patch` applied to `target` as RFC 7386 says (docs/PROTOCOL.md, "Patch frames"): members replace, null deletes, arrays replace
 * whole. A new object along the changed paths; what did not change is shared, nothing is modified.
 */
export function mergePatch(target, patch) {
  if (!isObject(patch)) return patch;
  const result = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Keeps the screen awake where the browser allows it, and again after the tab comes back. */
export function keepAwake() {
  if (!('wakeLock' in navigator)) return;
  const request = () => navigator.wakeLock.request('screen').catch(() => {});
  request();
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') request(); });
}
