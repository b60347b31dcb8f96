// The MC's console: the day the agenda serves (27/5 or 25/6), agenda controls with keyboard
// shortcuts, the scene, messages, blackout, and which bridge rooms are down — offline ones first.
import { REREAD_TEXT, agendaFace, agendaView, connect, day, eventSummary, hhmm } from './client.js';
import { say } from './messages.js';
import { openSession } from './session.js';
import './cluster-status.js';
const $ = (id) => document.getElementById(id);
// each status in Vietnamese, and in the console's second language, marked as such
const LABELS = { idle: ['Chưa bắt đầu', 'Not started'], running: ['Đang diễn ra', 'Running'], paused: ['Tạm dừng', 'Paused'],
  ended: ['Đã kết thúc', 'Ended'] };
let live = null;
let agenda = null;
// one agenda command in flight at a time, until its answer (or, when its outcome is unknown, until
// the state is read again): a double press never skips two items
let busy = false;
let errorTimer = null;

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
      showError(say(error), name, error, 10_000);
    }
  } finally {
    if (agendaCommand) busy = false;
    document.body.classList.toggle('busy', busy);
  }
}

const session = openSession('mc', start);

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

function start() {
  $('console').hidden = false;
  live = connect({ screen: 'mc', token: session.token(), topics: ['agenda', 'screen', 'bridges', 'final'] });
  window.diemcau = { live };
  import('./final-mc.js')
    .then((finalPanel) => finalPanel.mountFinalMc($('final-panel'), live, session))
    .catch((error) => { $('final-panel').textContent = `Bảng điều khiển Chung kết chưa sẵn sàng (${error.message})`; });
  live.onStatus((status, { refused }) => {
    $('link').textContent = { live: 'Trực tuyến', stale: 'Mất tín hiệu', down: 'Mất kết nối', connecting: 'Đang kết nối' }[status];
    $('link').className = `link ${status}`;
    document.body.dataset.link = status;
    // a socket that never opened: a wrong token, or a server that is down — whoami tells which
    if (refused && status === 'down') session.refused();
  });
  eventSummary().then((event) => {
    $('event-name').textContent = event.shortName;
    document.title = `MC · ${event.shortName}`;
    renderDays(Object.values(event.days));
  });
  live.on('agenda', renderAgenda);
  live.on('screen', renderScreen);
  live.on('bridges', renderRooms);
  requestAnimationFrame(tick);
}

// one button per day: the agenda serves one of them; switching asks first
function renderDays(days) {
  $('days').replaceChildren(...days.map((each) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.day = each.id;
    button.textContent = `${each.name} · ${day(each.start)}`;
    button.addEventListener('click', () => {
      if (agenda && agenda.day === each.id) return;
      if (confirm(`Chuyển mọi màn hình sang ${each.name} (${day(each.start)})?`)) run('agenda.day', { day: each.id });
    });
    return button;
  }));
  if (agenda) markDay(agenda);
}

function markDay(data) {
  document.querySelectorAll('#days button').forEach((button) => button.classList.toggle('active', button.dataset.day === data.day));
  $('day-title').textContent = `Chương trình · ${data.dayName} · ${day(data.dayStart)}`;
}

function renderAgenda(topic) {
  const data = agendaView(topic);
  agenda = data;
  markDay(data);
  const started = data.status === 'running' || data.status === 'paused';
  const [said, english] = LABELS[data.status];
  const small = document.createElement('small');
  small.lang = 'en';
  small.textContent = ` · ${english}`;
  $('now-label').replaceChildren(said, small);
  $('now-title').textContent = data.now ? data.now.title : data.dayName;
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
    $('projected').textContent = data.status === 'ended' && data.endedAt
      ? `Kết thúc lúc ${hhmm(data.endedAt)} (kế hoạch ${hhmm(data.plannedEnd)})`
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
  const face = agendaFace(agenda, now);
  if (!face) {
    $('countdown').textContent = '--:--';
    $('countdown').className = 'countdown';
    $('drift').textContent = '';
    $('progress').className = 'progress none';
    return;
  }
  $('countdown').textContent = face.countdown.text;
  $('countdown').className = face.countdown.className;
  $('progress').className = face.progress.className;
  $('progress').firstElementChild.style.transform = `scaleX(${face.progress.fraction})`;
  $('drift').textContent = face.drift.text;
  $('drift').className = face.drift.className;
  $('projected').textContent = `Dự kiến kết thúc ${hhmm(face.figures.projectedEnd)} (kế hoạch ${hhmm(agenda.plannedEnd)})`;
}

function renderScreen(data) {
  document.querySelectorAll('#scenes button').forEach((button) => button.classList.toggle('active', button.dataset.scene === data.scene));
  $('blackout').checked = data.blackout;
  $('message-now').textContent = data.message ? `Đang hiển thị: “${data.message.text}”` : 'Không có thông báo.';
}

function renderRooms(data) {
  const order = { offline: 0, stale: 1, online: 2 };
  const rooms = data.units.filter((unit) => unit.kind !== 'DEPARTMENT')
    .map((unit) => ({ ...unit, ...data.rooms[unit.unit] }))
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'vi'));
  $('bridge-totals').textContent = `${data.totals.online}/${data.totals.units} trực tuyến · ${data.totals.attendance} đại biểu`;
  $('rooms').replaceChildren(...rooms.map((room) => {
    const li = document.createElement('li');
    li.className = room.status;
    const dropped = room.status === 'offline' && room.lastSeen ? ` (mất kết nối từ ${hhmm(room.lastSeen)})` : '';
    const quiet = room.status === 'stale' && room.lastSeen ? ` (tín hiệu chập chờn từ ${hhmm(room.lastSeen)})` : '';
    li.textContent = `${room.name}${room.attendance != null ? ` · ${room.attendance}` : ''}${dropped}${quiet}`;
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
