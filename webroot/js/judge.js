// Judge console: the finalist being presented, the rubric with every criterion required and
// range-checked, a confirmation naming the team, submit-and-lock, and a correction with a reason.
// A judge sees only their own sheets (GET /api/final/judge); the live link only says when to refresh:
// the final's topic, and the agenda when the unit presenting changes.
import { agendaView, connect, eventSummary, hhmm } from './client.js';
import { openSession } from './session.js';
import { say } from './messages.js';

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

let view = null;       // this judge's view: judge, rubric, finalists, current, mine, finalised
let selected = null;   // unit code on the sheet
let correcting = false;
let drawnSheet = null; // what the sheet on screen was drawn from: redrawn only when that changes

// a judge's link carries the token after # (/judge#token=…): session.js keeps it and cleans the address
const session = openSession('judge', start);

async function refresh() {
  try {
    view = await session.api('/api/final/judge');
    render();
  } catch {
    // offline: the next state change or reconnect refreshes; a refused token is handled by the session
  }
}

function nameOf(unit) {
  return view.finalists.find((f) => f.unit === unit)?.name ?? unit;
}

function render() {
  $('login').hidden = true;
  $('console').hidden = false;
  $('judge-name').textContent = view.judge.name;
  $('presenting').textContent = view.current ? `Đang trình bày: ${nameOf(view.current)}` : '';
  if (!selected || !view.finalists.some((f) => f.unit === selected)) selected = defaultSelection();
  renderFinalists();
  const sheetKey = JSON.stringify([selected, view.mine[selected] ?? null, view.finalised, correcting]);
  if (sheetKey !== drawnSheet) {
    drawnSheet = sheetKey; // other judges' submissions refresh the view without disturbing typing
    renderSheet();
  }
  $('final-note').hidden = !view.finalised;
}

/** The team presenting now if not yet scored, else the first one not scored, else the first. */
function defaultSelection() {
  if (view.current && !view.mine[view.current]) return view.current;
  return (view.finalists.find((f) => !view.mine[f.unit]) ?? view.finalists[0])?.unit ?? null;
}

function renderFinalists() {
  const buttons = view.finalists.map((finalist, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    const sheet = view.mine[finalist.unit];
    button.className = [sheet ? 'scored' : '', finalist.unit === view.current ? 'now' : ''].join(' ').trim();
    button.setAttribute('aria-current', String(finalist.unit === selected));
    const order = document.createElement('span');
    order.className = 'order';
    order.textContent = String(index + 1);
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.textContent = sheet ? `Đã chấm ✓ ${number.format(sheet.total)}` : 'Chưa chấm';
    button.append(order, document.createTextNode(finalist.name), mark);
    button.addEventListener('click', () => {
      selected = finalist.unit;
      correcting = false;
      render();
    });
    return button;
  });
  $('finalists').replaceChildren(...buttons);
}

function draftKey() {
  return `diemcau.judgeDraft.${view.judge.id}.${selected}`;
}

function renderSheet() {
  const finalist = view.finalists.find((f) => f.unit === selected);
  $('sheet').hidden = !finalist;
  if (!finalist) return;
  const sheet = view.mine[selected];
  const editable = !view.finalised && (!sheet || correcting);
  $('team').textContent = finalist.name;
  $('team-title').textContent = finalist.title ?? '';
  $('locked').hidden = !sheet;
  if (sheet) {
    $('locked').textContent = `Đã gửi và khóa lúc ${hhmm(sheet.lockedAt)}`
      + (sheet.version ? ` · đã sửa ${sheet.version} lần` : '');
  }
  const draft = JSON.parse(sessionStorage.getItem(draftKey()) ?? '{}');
  const rows = view.rubric.criteria.map((criterion) => {
    const row = document.createElement('div');
    row.className = 'criterion';
    const id = `c-${criterion.id}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = criterion.name;
    const range = document.createElement('span');
    range.className = 'range';
    range.textContent = `từ ${number.format(criterion.min)} đến ${number.format(criterion.max)} điểm`;
    const input = document.createElement('input');
    Object.assign(input, { id, type: 'text', inputMode: 'decimal', autocomplete: 'off', required: true, disabled: !editable });
    input.dataset.criterion = criterion.id;
    const value = sheet && !correcting ? sheet.scores[criterion.id] : draft[criterion.id] ?? sheet?.scores[criterion.id];
    input.value = value === undefined || value === null ? '' : number.format(value);
    input.addEventListener('input', () => {
      saveDraft();
      updateTotal();
    });
    const error = document.createElement('span');
    error.className = 'field-error';
    row.append(label, range, input, error);
    return row;
  });
  $('criteria').replaceChildren(...rows);
  $('max-total').textContent = number.format(view.rubric.maxTotal);
  $('reason-field').hidden = !correcting;
  $('reason').disabled = !correcting;
  if (!correcting) $('reason').value = '';
  $('submit').hidden = !editable;
  $('submit').textContent = correcting ? 'Gửi điểm đã sửa' : 'Gửi và khóa điểm';
  $('correct').hidden = !sheet || correcting || view.finalised;
  $('cancel-correct').hidden = !correcting;
  $('form-error').textContent = '';
  updateTotal();
}

function inputs() {
  return [...document.querySelectorAll('#criteria input')];
}

function saveDraft() {
  const draft = {};
  inputs().forEach((input) => { if (input.value.trim()) draft[input.dataset.criterion] = parse(input.value); });
  sessionStorage.setItem(draftKey(), JSON.stringify(draft));
}

/** "7,5" or "7.5" → 7.5; anything else → NaN. */
function parse(text) {
  const normalised = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : NaN;
}

/** Every criterion present, a number, within its range, at most two decimals; errors shown by the field. */
function validate() {
  const scores = {};
  let valid = true;
  for (const input of inputs()) {
    const criterion = view.rubric.criteria.find((c) => c.id === input.dataset.criterion);
    const value = parse(input.value);
    let message = '';
    if (!input.value.trim()) message = 'Chưa nhập điểm tiêu chí này.';
    else if (Number.isNaN(value)) message = 'Điểm phải là một số, ví dụ 18 hoặc 18,5.';
    else if (value < criterion.min || value > criterion.max) {
      message = `Điểm phải từ ${number.format(criterion.min)} đến ${number.format(criterion.max)}.`;
    } else if (Math.round(value * 100) !== value * 100) message = 'Tối đa hai chữ số thập phân.';
    showFieldError(input, message);
    if (message) valid = false; else scores[criterion.id] = value;
  }
  return valid ? scores : null;
}

function showFieldError(input, message) {
  input.closest('.criterion').classList.toggle('invalid', Boolean(message));
  input.closest('.criterion').querySelector('.field-error').textContent = message;
}

function updateTotal() {
  const values = inputs().map((input) => parse(input.value));
  $('total').textContent = values.every((v) => !Number.isNaN(v)) ? number.format(values.reduce((a, b) => a + b, 0)) : '—';
}

async function submit(event) {
  event.preventDefault();
  const scores = validate();
  const reason = $('reason').value.trim();
  if (!scores) {
    $('form-error').textContent = 'Vui lòng kiểm tra các tiêu chí được đánh dấu.';
    return;
  }
  if (correcting && reason.length < 5) {
    $('form-error').textContent = 'Sửa điểm cần nêu lý do (ít nhất 5 ký tự).';
    return;
  }
  $('form-error').textContent = '';
  const unit = selected;
  $('confirm-team').textContent = nameOf(unit);
  $('confirm-total').textContent = `${number.format(Object.values(scores).reduce((a, b) => a + b, 0))} / ${number.format(view.rubric.maxTotal)}`;
  $('confirm-note').textContent = correcting ? `Lý do sửa: ${reason}` : 'Sau khi gửi, điểm được khóa; muốn sửa phải nêu lý do.';
  $('confirm').returnValue = '';
  $('confirm').showModal();
  $('confirm').addEventListener('close', async () => {
    if ($('confirm').returnValue !== 'ok') return;
    $('submit').disabled = true;
    try {
      await (correcting ? session.command('judge.correct', { unit, scores, reason }) : session.command('judge.score', { unit, scores }));
      sessionStorage.removeItem(`diemcau.judgeDraft.${view.judge.id}.${unit}`);
      correcting = false;
      await refresh();
    } catch (error) {
      const field = error.field?.startsWith('scores.') ? inputs().find((i) => `scores.${i.dataset.criterion}` === error.field) : null;
      if (field) showFieldError(field, say(error));
      $('form-error').textContent = `Chưa gửi được: ${say(error)}`;
    } finally {
      $('submit').disabled = false;
    }
  }, { once: true });
}

async function start() {
  await eventSummary(); // the times on a sheet are in the event's zone
  refresh();
  const client = connect({ screen: 'judge', topics: ['final', 'agenda'], token: session.token() });
  client.onStatus((status, { refused }) => {
    const labels = { connecting: 'Đang kết nối', live: 'Trực tuyến', stale: 'Mạng chập chờn', down: 'Mất kết nối' };
    $('link').textContent = labels[status] ?? status;
    $('link').className = `link ${status}`;
    // a socket that never opened: a wrong token or no network — only /api/whoami can tell
    if (refused && status === 'down') session.refused();
    if (status === 'live') refresh();
  });
  client.on('final', () => refresh());
  client.on('agenda', (data) => {
    const agenda = agendaView(data);
    const running = agenda.day === 'final' && (agenda.status === 'running' || agenda.status === 'paused');
    const presenting = running && agenda.now.presentation ? agenda.now.unit : null;
    if (view && presenting !== view.current) refresh();
  });
}

$('scores').addEventListener('submit', submit);
$('correct').addEventListener('click', () => {
  correcting = true;
  render();
});
$('cancel-correct').addEventListener('click', () => {
  correcting = false;
  render();
});
