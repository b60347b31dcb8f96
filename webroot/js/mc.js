// The MC's console: agenda controls with keyboard shortcuts, the scene, messages, blackout,
// and which bridge rooms are down — offline ones first.
import { REREAD_TEXT, agendaClock, connect, countdown, driftSign, driftText, hhmm } from './client.js';

const TOKEN_KEY = 'diemcau.mcToken';
const $ = (id) => document.getElementById(id);
const LABELS = { idle: 'Chưa bắt đầu · Not started', running: 'Đang diễn ra · Running', paused: 'Tạm dừng · Paused', ended: 'Đã kết thúc · Ended' };
// the server's error codes, said in Vietnamese (its English message follows in small print)
const ERRORS = {
  already_started: 'Chương trình đang chạy — bấm một dòng để chuyển mục',
  at_first: 'Đang ở mục đầu tiên',
  already_paused: 'Đang tạm dừng rồi',
  not_running: 'Chương trình chưa chạy — bấm Bắt đầu trước',
  not_paused: 'Chương trình không tạm dừng',
  bad_index: 'Không có mục này',
  bad_value: 'Giá trị không hợp lệ',
  forbidden: 'Mã truy cập này không có quyền',
  unauthorized: 'Mã truy cập không đúng',
  disconnected: 'Chưa kết nối tới máy chủ',
  not_executed: 'Lệnh chưa được thực hiện (máy chủ bận hoặc đang chờ cơ sở dữ liệu) — có thể bấm lại',
  database_unavailable: 'Cơ sở dữ liệu chưa sẵn sàng — lệnh chưa được thực hiện, bấm lại khi hệ thống trở lại',
};

let live = null;
let agenda = null;
// one agenda command in flight at a time, until its answer (or, when its outcome is unknown, until
// the state is read again): a double press never skips two items
let busy = false;
let errorTimer = null;

function showLogin(message = '') {
  $('console').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
  $('token').focus();
}

async function run(name, args = {}) {
  const agendaCommand = name.startsWith('agenda.');
  if (agendaCommand && busy) return;
  busy = busy || agendaCommand;
  document.body.classList.toggle('busy', busy);
  $('command-error').replaceChildren();
  try {
    await live.command(name, args);
  } catch (error) {
    if (error.code === 'outcome_unknown') {
      await reread(name, error);
    } else {
      showError(ERRORS[error.code] || error.message || 'Lệnh bị từ chối', name, error, 10_000);
    }
  } finally {
    if (agendaCommand) busy = false;
    document.body.classList.toggle('busy', busy);
  }
}

function showError(said, name, error, ms) {
  const english = document.createElement('small');
  english.lang = 'en';
  english.textContent = ` ${name}: ${error.message || error.code || ''}`;
  $('command-error').replaceChildren(said, english);
  clearTimeout(errorTimer);
  errorTimer = ms ? setTimeout(() => $('command-error').replaceChildren(), ms) : null;
}

// The command may have run: it is not sent again; its topic is read once the server knows, drawn, and said.
async function reread(name, error) {
  showError(REREAD_TEXT.pending, name, error, 0);
  const topic = name.split('.')[0];
  const data = await live.reread(topic);
  if (topic === 'agenda') renderAgenda(data);
  if (topic === 'screen') renderScreen(data);
  showError(REREAD_TEXT.done, name, error, 30_000);
}

function start(token) {
  $('login').hidden = true;
  $('console').hidden = false;
  live = connect({ screen: 'mc', token, topics: ['agenda', 'screen', 'bridges', 'final'] });
  window.diemcau = { live };
  import('./final-mc.js')
    .then((finalPanel) => finalPanel.mountFinalMc($('final-panel'), live, token))
    .catch((error) => { $('final-panel').textContent = `Bảng điều khiển Chung kết chưa sẵn sàng (${error.message})`; });
  live.onStatus(async (status, { refused }) => {
    $('link').textContent = { live: 'Trực tuyến', stale: 'Mất tín hiệu', down: 'Mất kết nối', connecting: 'Đang kết nối' }[status];
    $('link').className = `link ${status}`;
    document.body.dataset.link = status;
    // a socket that never opened: a wrong token, or a server that is down — ask which
    if (refused && status === 'down' && (await tokenRefused(token))) {
      localStorage.removeItem(TOKEN_KEY);
      location.replace('/mc?wrong-token');
    }
  });
  fetch('/api/event').then((r) => r.json()).then((event) => {
    $('event-name').textContent = event.shortName;
    document.title = `MC · ${event.shortName}`;
  }).catch(() => {});
  live.on('agenda', renderAgenda);
  live.on('screen', renderScreen);
  live.on('bridges', renderRooms);
  requestAnimationFrame(tick);
}

async function tokenRefused(token) {
  try {
    const response = await fetch('/api/whoami', { headers: { Authorization: `Bearer ${token}` } });
    return response.status === 401 || response.status === 403;
  } catch {
    return false; // no server: keep trying with the same token
  }
}

function renderAgenda(data) {
  agenda = data;
  const started = data.status === 'running' || data.status === 'paused';
  $('now-label').textContent = LABELS[data.status] || data.status;
  $('now-title').textContent = data.now ? data.now.title
    : data.status === 'ended' ? 'Hội nghị đã kết thúc' : 'Hội nghị sắp bắt đầu';
  $('now-by').textContent = data.now ? data.now.by || '' : '';
  const coming = data.nextItem;
  $('coming').textContent = coming ? `Tiếp theo (${hhmm(coming.plannedStart)}): ${coming.title}`
    : started ? 'Mục cuối của chương trình' : '';
  $('pause').firstChild.textContent = data.status === 'paused' ? 'Tiếp tục ' : 'Tạm dừng ';
  $('pause').lastElementChild.textContent = data.status === 'paused' ? 'Resume · P' : 'Pause · P';
  $('pause').classList.toggle('resume', data.status === 'paused');
  $('start').disabled = started;
  $('previous').disabled = data.status === 'idle' || (started && data.current === 0);
  $('next').disabled = !started;
  $('pause').disabled = !started;
  document.querySelectorAll('.controls .adjust').forEach((button) => { button.disabled = !started; });
  if (!started) {
    $('projected').textContent = data.status === 'ended' && data.projectedEnd
      ? `Kết thúc lúc ${hhmm(data.projectedEnd)} (kế hoạch ${hhmm(data.plannedEnd)})`
      : `Kế hoạch kết thúc ${hhmm(data.plannedEnd)}`;
  }
  const rows = data.items.map((item, index) => {
    const tr = document.createElement('tr');
    tr.className = index === data.current ? 'current' : item.actualEnd ? 'done' : '';
    const off = item.actualStart ? Math.round((item.actualStart - item.plannedStart) / 60_000) : null;
    tr.innerHTML = `<td>${index + 1}</td><td></td><td class="time">${hhmm(item.plannedStart)}–${hhmm(item.plannedEnd)}</td>`
      + `<td class="time">${item.actualStart ? hhmm(item.actualStart) : ''}${item.actualEnd ? `–${hhmm(item.actualEnd)}` : ''}</td>`
      + `<td class="time ${off > 0 ? 'late' : off < 0 ? 'early' : ''}">${off === null ? '' : minutesOff(off)}</td>`;
    const title = tr.children[1];
    title.textContent = item.title;
    if (item.by) {
      const by = document.createElement('small');
      by.textContent = item.by;
      title.append(by);
    }
    tr.title = 'Bấm để chuyển tới mục này · click to jump here';
    tr.addEventListener('click', () => {
      if (confirm(`Chuyển tới mục ${index + 1} và bắt đầu tính giờ lại?\n\n${item.title}`)) run('agenda.goto', { index });
    });
    return tr;
  });
  $('agenda').replaceChildren(...rows);
}

// how late an item started, short: "0", "+3′", "−12′", "+1 giờ 5′", "+2 ngày"
function minutesOff(minutes) {
  if (minutes === 0) return '0';
  const sign = minutes > 0 ? '+' : '−';
  const m = Math.abs(minutes);
  if (m < 60) return `${sign}${m}′`;
  if (m < 1440) return `${sign}${Math.floor(m / 60)} giờ${m % 60 ? ` ${m % 60}′` : ''}`;
  return `${sign}${Math.floor(m / 1440)} ngày`;
}

let lastSecond = null;
function tick() {
  requestAnimationFrame(tick);
  const now = live.serverNow();
  const second = Math.floor(now / 250);
  if (second === lastSecond) return; // four times a second is plenty for a console
  lastSecond = second;
  $('clock-now').textContent = hhmm(now);
  const figures = agendaClock(agenda, now);
  if (!figures) {
    $('countdown').textContent = '--:--';
    $('countdown').className = 'countdown';
    $('drift').textContent = '';
    $('progress').className = 'progress none';
    return;
  }
  const paused = agenda.status === 'paused';
  const shown = countdown(figures.remaining);
  $('countdown').textContent = shown.text;
  $('countdown').className = `countdown ${shown.over ? 'over' : ''} ${paused ? 'paused' : ''}`;
  const fraction = figures.duration > 0 ? Math.min(1, Math.max(0, figures.elapsed / figures.duration)) : 1;
  $('progress').className = `progress ${shown.over ? 'over' : ''} ${paused ? 'paused' : ''}`;
  $('progress').firstElementChild.style.transform = `scaleX(${fraction})`;
  const sign = driftSign(figures.drift);
  $('drift').textContent = driftText(figures.drift, ' so với kế hoạch');
  $('drift').className = `drift ${['early', 'ontime', 'late'][sign + 1]}`;
  $('projected').textContent = `Dự kiến kết thúc ${hhmm(figures.projectedEnd)} (kế hoạch ${hhmm(agenda.plannedEnd)})`;
}

function renderScreen(data) {
  document.querySelectorAll('#scenes button').forEach((button) => button.classList.toggle('active', button.dataset.scene === data.scene));
  $('blackout').checked = data.blackout;
  $('message-now').textContent = data.message ? `Đang hiển thị: “${data.message.text}”` : 'Không có thông báo.';
}

function renderRooms(data) {
  const order = { offline: 0, stale: 1, online: 2 };
  const rooms = data.units.filter((unit) => unit.kind !== 'DEPARTMENT')
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'vi'));
  $('bridge-totals').textContent = `${data.totals.online}/${data.totals.units} trực tuyến · ${data.totals.attendance} đại biểu`;
  $('rooms').replaceChildren(...rooms.map((room) => {
    const li = document.createElement('li');
    li.className = room.status;
    li.textContent = `${room.name}${room.attendance != null ? ` · ${room.attendance}` : ''}${room.status !== 'online' && room.lastSeen ? ` (lần cuối ${hhmm(room.lastSeen)})` : ''}`;
    return li;
  }));
}

document.querySelectorAll('[data-command]').forEach((button) => button.addEventListener('click', () => {
  if (button.id === 'start' && agenda && agenda.status === 'ended'
      && !confirm('Chương trình đã kết thúc. Bắt đầu lại từ mục đầu tiên?')) return;
  run(button.dataset.command, button.dataset.ms ? { ms: Number(button.dataset.ms) } : {});
}));
const togglePause = () => run(agenda && agenda.status === 'paused' ? 'agenda.resume' : 'agenda.pause');
$('pause').addEventListener('click', togglePause);
document.querySelectorAll('#scenes button').forEach((button) => button.addEventListener('click', () => run('screen.scene', { scene: button.dataset.scene })));
$('blackout').addEventListener('change', (event) => run('screen.blackout', { on: event.target.checked }));
$('preset').addEventListener('change', (event) => { if (event.target.value) $('text').value = event.target.value; });
$('message').addEventListener('submit', (event) => {
  event.preventDefault();
  const tone = document.querySelector('input[name=tone]:checked').value;
  run('screen.message', { text: $('text').value, tone });
});
$('clear').addEventListener('click', () => run('screen.clear'));

// Space and → next, ← previous, P pause/resume — never while typing, never held down, never
// with a modifier (Ctrl+P prints), and a focused button does not also take the Space.
function typing(target) {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable]') !== null;
}
document.addEventListener('keydown', (event) => {
  if (!live || $('console').hidden || typing(event.target)) return;
  if (event.ctrlKey || event.altKey || event.metaKey) return;
  const action = { ' ': 'agenda.next', ArrowRight: 'agenda.next', ArrowLeft: 'agenda.previous', p: 'pause', P: 'pause' }[event.key];
  if (!action) return;
  event.preventDefault();
  if (event.repeat) return;
  if (action === 'pause') togglePause(); else run(action);
});
document.addEventListener('keyup', (event) => {
  if (event.key === ' ' && !typing(event.target)) event.preventDefault();
});

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  localStorage.setItem(TOKEN_KEY, token);
  start(token);
});
$('logout').addEventListener('click', (event) => {
  event.preventDefault();
  localStorage.removeItem(TOKEN_KEY);
  location.replace('/mc');
});

const saved = localStorage.getItem(TOKEN_KEY);
if (saved) {
  start(saved);
} else {
  showLogin(location.search.includes('wrong-token') ? 'Mã truy cập không đúng' : '');
  if (location.search) history.replaceState(null, '', '/mc');
}
