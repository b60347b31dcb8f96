// One sign-in for every console (MC, final MC, admin, final admin, stage 1, judge). The token is
// kept in this browser (localStorage, one key per console), checked with GET /api/whoami, sent as
// `Authorization: Bearer` by fetch()/api() here and in the socket's handshake by client.js —
// never in an address, which a proxy's access log would keep. A judge's link carries its token
// after `#` (/judge#token=…), which no browser sends to a server; the page moves it to storage and
// cleans the address bar.
//
// A token is forgotten only when the server has said it is wrong: 401/403 from /api/whoami, or a
// token of another console's role. A network error never costs a token: a console opened during
// a Wi-Fi blip waits for the server, says so, and signs in by itself when it answers.

/** Where each console keeps its token. */
export const STORAGE = { mc: 'diemcau.mcToken', admin: 'diemcau.adminToken', judge: 'diemcau.judgeToken' };

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 15_000;
const MESSAGE_KEY = 'diemcau.signInMessage';
const WRONG = 'Mã truy cập không đúng hoặc đã bị thu hồi.';

const $ = (id) => document.getElementById(id);

/**
 * Signs this console in and calls start(caller) once the server has accepted the token.
 *
 * @param {{storageKey: string, roles: string[], wrongRole: string, start: (caller: {role: string, id: string}) => void}} options
 *   storageKey: where this console keeps its token; roles: the roles it accepts (from /api/whoami);
 *   wrongRole: what to say when a valid token of another role is given.
 * @returns the session: {token(), fetch(path, init), api(path, init), refused(), signOut()}
 */
export function openSession({ storageKey, roles, wrongRole, start }) {
  let token = null;
  let started = false;
  let waitNote = null;

  const forget = () => localStorage.removeItem(storageKey);

  function showLogin(message = '') {
    hideWait();
    if ($('login')) $('login').hidden = false;
    say(message);
    $('token')?.focus();
  }

  function say(message) {
    const where = $('login-error') ?? $('status');
    if (where) where.textContent = message;
  }

  function showWait(text) {
    if (!waitNote) {
      waitNote = Object.assign(document.createElement('p'), { className: 'session-wait' });
      waitNote.setAttribute('role', 'status');
      document.body.prepend(waitNote);
    }
    waitNote.textContent = text;
  }

  function hideWait() {
    waitNote?.remove();
    waitNote = null;
  }

  /** Asks the server who this token is, until it answers: 'ok' with the caller, or 'wrong'. */
  async function check(candidate) {
    for (let attempt = 0; ; attempt += 1) {
      let response = null;
      try {
        response = await fetch('/api/whoami', { headers: { Authorization: `Bearer ${candidate}` }, cache: 'no-store' });
      } catch { /* the server is not reachable */ }
      if (response && (response.status === 401 || response.status === 403)) return { outcome: 'wrong', message: WRONG };
      if (response && response.ok) {
        const caller = await response.json().catch(() => null);
        if (caller && roles.includes(caller.role)) return { outcome: 'ok', caller };
        if (caller) return { outcome: 'wrong', message: wrongRole };
      }
      showWait('Chưa kết nối được máy chủ — đang thử lại. Mã truy cập vẫn được giữ trong trình duyệt này.');
      const ceiling = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(attempt, 4));
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + (Math.random() * ceiling) / 2));
    }
  }

  async function signIn(candidate) {
    token = candidate;
    localStorage.setItem(storageKey, candidate);
    if ($('login')) $('login').hidden = true;
    const answer = await check(candidate);
    if (token !== candidate) return; // signed in again meanwhile
    if (answer.outcome === 'wrong') {
      forget();
      token = null;
      showLogin(answer.message);
      return;
    }
    hideWait();
    if (!started) {
      started = true;
      start(answer.caller);
    }
  }

  /**
   * The server refused this token somewhere (a socket that never opened, a 401): asked again, it
   * is forgotten only if whoami says so. One question at a time, however often the socket retries.
   */
  let asking = null;
  function refused() {
    const current = token;
    if (!current || asking) return asking;
    asking = check(current).then((answer) => {
      asking = null;
      hideWait();
      if (answer.outcome === 'wrong' && token === current) {
        forget();
        sessionStorage.setItem(MESSAGE_KEY, answer.message);
        location.replace(location.pathname);
      }
    });
    return asking;
  }

  async function authorizedFetch(path, init = {}) {
    const response = await fetch(path, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
    if (response.status === 401) refused();
    return response;
  }

  /** JSON in and out; throws {status, code, message, field?} when refused, {status: 0, code: 'unreachable'} offline. */
  async function api(path, init = {}) {
    const json = init.body !== undefined && typeof init.body !== 'string' && !(init.body instanceof Blob);
    let response;
    try {
      response = await authorizedFetch(path, {
        ...init,
        headers: json ? { ...init.headers, 'Content-Type': 'application/json' } : init.headers,
        body: json ? JSON.stringify(init.body) : init.body,
      });
    } catch {
      throw { status: 0, code: 'unreachable', message: 'Không kết nối được máy chủ' };
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw { status: response.status, ...(body.error ?? { code: 'http_' + response.status, message: response.statusText }) };
    return body;
  }

  function signOut() {
    forget();
    location.replace(location.pathname);
  }

  $('login')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = $('token').value.trim();
    if (typed) signIn(typed);
  });
  $('logout')?.addEventListener('click', (event) => {
    event.preventDefault();
    signOut();
  });

  const given = tokenFromAddress();
  if (given) localStorage.setItem(storageKey, given);
  const saved = localStorage.getItem(storageKey);
  const message = sessionStorage.getItem(MESSAGE_KEY);
  sessionStorage.removeItem(MESSAGE_KEY);
  if (saved) signIn(saved);
  else showLogin(message ?? '');

  return { token: () => token, fetch: authorizedFetch, api, refused, signOut };
}

/**
 * A token handed over in the address — `#token=…` (a judge's link), or `?token=…` in links printed
 * before — taken out of the address bar and the history at once.
 */
function tokenFromAddress() {
  const hash = new URLSearchParams(location.hash.slice(1));
  const search = new URLSearchParams(location.search);
  const given = hash.get('token') ?? search.get('token');
  if (!given) return null;
  hash.delete('token');
  search.delete('token');
  const rest = search.toString();
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${hash.toString() ? `#${hash}` : ''}`);
  return given;
}
