// One sign-in for every console (MC, final MC, admin, final admin, stage 1, judge) and the one
// way they call the server. The token is kept in this browser (localStorage, one key per console),
// checked with GET /api/whoami, sent as `Authorization: Bearer` by api()/command()/download()
// here and in the socket's handshake by client.js —
// never in an address, which a proxy's access log would keep. A judge's link carries its token
// after `#` (/judge#token=…), which no browser sends to a server; the page moves it to storage and
// cleans the address bar.
//
// A token is forgotten only when the server has said it is wrong: 401/403 from /api/whoami, or a
// token of another console's role. A network error never costs a token: a console opened during
// a Wi-Fi blip waits for the server, says so, and signs in by itself when it answers.

/**
 * Each console's sign-in: where this browser keeps its token, the roles /api/whoami must answer,
 * what a valid token of another role is told, and the token's label on a login form this module
 * draws (a page whose #login form has no #token field leaves the form to it).
 */
const CONSOLES = {
  mc: { storageKey: 'diemcau.mcToken', roles: ['mc', 'admin'], wrongRole: 'Mã này không dùng được cho bàn điều khiển MC.',
    label: ['Mã truy cập', 'MC token'] },
  admin: { storageKey: 'diemcau.adminToken', roles: ['admin'], wrongRole: 'Mã này không phải mã quản trị.',
    label: ['Mã quản trị', 'admin token'] },
  judge: { storageKey: 'diemcau.judgeToken', roles: ['judge'], wrongRole: 'Mã này không phải mã giám khảo.',
    label: ['Mã giám khảo', 'judge token'] },
};

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 15_000;
const MESSAGE_KEY = 'diemcau.signInMessage';
const WRONG = 'Mã truy cập không đúng hoặc đã bị thu hồi.';
const UNREACHABLE = Object.freeze({ status: 0, code: 'unreachable', message: 'Không kết nối được máy chủ' });

const $ = (id) => document.getElementById(id);

/** The token this browser keeps for a console (mc, admin, judge), or null: for a page that reads with it when there is one. */
export function savedToken(consoleName) {
  return localStorage.getItem(CONSOLES[consoleName].storageKey);
}

/**
 * Signs this console in and calls start(caller) once the server has accepted the token.
 *
 * @param {'mc'|'admin'|'judge'} consoleName which console's token and roles
 * @param {(caller: {role: string, id: string}) => void} start
 * @returns the session: {token(), api(path, init), command(name, args),
 *   download(path, filename), refused(), signOut()}
 */
export function openSession(consoleName, start) {
  const { storageKey, roles, wrongRole, label } = CONSOLES[consoleName];
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

  /** fetch() with the token; a network failure is thrown as UNREACHABLE. */
  async function reach(path, init) {
    try {
      return await authorizedFetch(path, init);
    } catch {
      throw UNREACHABLE;
    }
  }

  /**
   * JSON in and out (a Blob or string body goes as it is); throws {status, code, message, field?,
   * rejected?} when refused (rejected: the rows an upload refused), UNREACHABLE offline.
   */
  async function api(path, init = {}) {
    const json = init.body !== undefined && typeof init.body !== 'string' && !(init.body instanceof Blob);
    const response = await reach(path, {
      ...init,
      headers: json ? { ...init.headers, 'Content-Type': 'application/json' } : init.headers,
      body: json ? JSON.stringify(init.body) : init.body,
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw refusal(response, body);
    return body;
  }

  /** A named command through the REST door: its result, or thrown as api() throws. */
  const command = (name, args = {}) => api('/api/commands', { method: 'POST', body: { name, args } });

  /** Saves what the server answers at path as filename; thrown as api() throws when refused. */
  async function download(path, filename) {
    const response = await reach(path);
    if (!response.ok) throw refusal(response, await response.json().catch(() => ({})));
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await response.blob()), download: filename });
    link.click();
    URL.revokeObjectURL(link.href);
  }

  function signOut() {
    forget();
    location.replace(location.pathname);
  }

  if ($('login') && !$('token')) $('login').prepend(...loginFields(label));
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

  return { token: () => token, api, command, download, refused, signOut };
}

/** The server's refusal as api() throws it. */
function refusal(response, body) {
  return {
    status: response.status,
    ...(body.error ?? { code: `http_${response.status}`, message: response.statusText }),
    ...(body.rejected ? { rejected: body.rejected } : {}),
  };
}

/** The token field and the button of a login form: "Mã quản trị (admin token) [……] Đăng nhập". */
function loginFields([said, english]) {
  const small = Object.assign(document.createElement('small'), { lang: 'en', textContent: english });
  const input = Object.assign(document.createElement('input'), { id: 'token', type: 'password', autocomplete: 'current-password', required: true });
  const label = document.createElement('label');
  label.append(`${said} `, small, ' ', input);
  return [label, Object.assign(document.createElement('button'), { textContent: 'Đăng nhập' })];
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
