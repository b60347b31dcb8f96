// The MC's panel for the final: the draw button, the running order's controls, which judges
// have submitted for which team (never a value), and the reveal, one step at a time.
//
// Use: mountFinalMc(element, client, token) — client from client.js, connected with the MC
// token and 'final' in its topics; token for the MC-only REST read of the judges' progress.

import { REREAD_TEXT } from './client.js';

const ANIMATION_MS = 3000;   // the hall's suspense and entrance: clicks meanwhile are ignored
const PROGRESS_EVERY_MS = 5000;

// Colours come from the console's own stylesheet; only layout and the states are set here.
const STYLE = `
.fmc { display: grid; gap: 12px; }
.fmc section { border: 1px solid rgba(147, 165, 192, .35); border-radius: 10px; padding: 10px 12px; }
.fmc h3 { margin: 0 0 8px; font-size: .85rem; text-transform: uppercase; letter-spacing: .1em; opacity: .75; }
.fmc .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.fmc button { min-height: 44px; }
.fmc button.big { min-height: 64px; font-size: 1.25rem; padding: 8px 24px; background: #1e7ae0; color: #fff; }
.fmc button:disabled { opacity: .4; cursor: default; }
.fmc table { border-collapse: collapse; width: 100%; }
.fmc th, .fmc td { border-bottom: 1px solid rgba(147, 165, 192, .25); padding: 4px 6px; text-align: center; }
.fmc th:first-child, .fmc td:first-child { text-align: left; }
.fmc td.yes { color: #4cd17a; font-weight: 800; }
.fmc td.no { opacity: .4; }
.fmc .note { opacity: .8; margin: 6px 0 0; }
.fmc .error { color: #ff7b7b; font-weight: 600; min-height: 1.2em; margin: 0; }
`;

function injectStyle() {
  if (document.getElementById('final-mc-style')) return;
  const style = document.createElement('style');
  style.id = 'final-mc-style';
  style.textContent = STYLE;
  document.head.append(style);
}

function button(label, onClick, className = '') {
  const node = document.createElement('button');
  node.type = 'button';
  node.textContent = label;
  node.className = className;
  node.addEventListener('click', onClick);
  return node;
}

function section(title) {
  const node = document.createElement('section');
  const heading = document.createElement('h3');
  heading.textContent = title;
  node.append(heading);
  return node;
}

function line(className, text = '') {
  const node = document.createElement('p');
  node.className = className;
  node.textContent = text;
  return node;
}

/** Mounts the panel into root; returns {render} (also subscribed to the client's `final` topic). */
export function mountFinalMc(root, client, token) {
  injectStyle();
  const panel = document.createElement('div');
  panel.className = 'fmc';
  root.append(panel);

  let data = null;
  let progress = null;
  let busyUntil = 0;
  // one command in flight at a time, until its answer, or, when its outcome is unknown, until the
  // state is read again: a double press never takes two reveal steps
  let busy = false;
  const error = line('error');

  async function run(name, args = {}) {
    if (busy) return;
    busy = true;
    if (data) renderReveal();
    try {
      await client.command(name, args);
      error.textContent = '';
    } catch (refusal) {
      if (refusal.code === 'outcome_unknown') {
        error.textContent = REREAD_TEXT.pending;
        render(await client.reread('final'));
        error.textContent = REREAD_TEXT.done;
      } else {
        error.textContent = refusal.message ?? String(refusal);
      }
    } finally {
      busy = false;
      if (data) renderReveal();
    }
  }

  // draw
  const drawSection = section('Thứ tự trình bày');
  const drawNote = line('note');
  const drawButton = button('Bốc thăm thứ tự', () => {
    if (window.confirm('Bốc thăm thứ tự trình bày? Chỉ bốc thăm một lần; bốc lại cần Ban Tổ chức và lý do.')) run('final.draw');
  }, 'big');
  drawSection.append(drawButton, drawNote);

  // running order
  const slotsSection = section('Điều khiển phần thi');
  const slotNote = line('note');
  const agenda = (name, args) => () => run(`final.agenda.${name}`, args);
  const slotButtons = {
    start: button('▶ Bắt đầu', agenda('start'), 'primary'),
    previous: button('◀ Đội trước', agenda('previous')),
    next: button('Đội tiếp ▶', agenda('next'), 'primary'),
    pause: button('Tạm dừng', agenda('pause')),
    resume: button('Tiếp tục', agenda('resume')),
    less: button('−1 phút', agenda('adjust', { ms: -60_000 })),
    more: button('+1 phút', agenda('adjust', { ms: 60_000 })),
  };
  const slotRow = document.createElement('div');
  slotRow.className = 'row';
  slotRow.append(...Object.values(slotButtons));
  slotsSection.append(slotRow, slotNote);

  // judges
  const judgesSection = section('Phiếu chấm đã gửi');
  const table = document.createElement('table');
  const judgesNote = line('note');
  judgesSection.append(table, judgesNote);

  // reveal
  const revealSection = section('Công bố giải');
  const revealNote = line('note');
  const previous = button('◀ Lùi một bước', () => step('final.reveal.previous'));
  const next = button('Công bố tiếp ▶', () => step('final.reveal.next'), 'big');
  const revealRow = document.createElement('div');
  revealRow.className = 'row';
  revealRow.append(previous, next);
  revealSection.append(revealRow, revealNote);

  panel.append(drawSection, slotsSection, judgesSection, revealSection, error);

  /** One reveal step; the buttons rest while the hall animates it. */
  function step(name) {
    if (busy || Date.now() < busyUntil) return;
    busyUntil = Date.now() + ANIMATION_MS;
    renderReveal();
    setTimeout(renderReveal, ANIMATION_MS);
    run(name);
  }

  async function loadProgress() {
    try {
      const response = await fetch('/api/final/progress', { headers: { Authorization: `Bearer ${token}` } });
      if (response.ok) {
        progress = await response.json();
        renderJudges();
      }
    } catch {
      // the next state change or poll tries again
    }
  }

  function render(next) {
    data = next;
    const ready = data.finalists.length > 0;
    drawButton.disabled = !ready || Boolean(data.order);
    drawNote.textContent = !ready ? 'Chưa xác nhận các đội vào Chung kết.'
      : !data.order ? `${data.finalists.length} đội sẵn sàng bốc thăm.`
        : data.draw.method === 'draw' ? `Đã bốc thăm (seed ${data.draw.seed}): ${names(data.order)}`
          : `Thứ tự do Ban Tổ chức đặt: ${names(data.order)}`;
    renderSlots();
    renderReveal();
    loadProgress();
  }

  function names(units) {
    return units.map((unit, i) => `${i + 1}. ${data.finalists.find((f) => f.unit === unit)?.name ?? unit}`).join(' · ');
  }

  function renderSlots() {
    const a = data.agenda;
    const started = a && (a.status === 'running' || a.status === 'paused');
    slotButtons.start.disabled = !a || started;
    slotButtons.previous.disabled = !a || (!started && a.status !== 'ended');
    slotButtons.next.disabled = !started;
    slotButtons.pause.disabled = !a || a.status !== 'running';
    slotButtons.resume.disabled = !a || a.status !== 'paused';
    slotButtons.less.disabled = !started;
    slotButtons.more.disabled = !started;
    slotNote.textContent = !a ? 'Chưa có thứ tự trình bày.'
      : started ? `Đang trình bày: ${a.now.title} (${a.current + 1}/${a.items.length})${a.status === 'paused' ? ' · tạm dừng' : ''}`
        : a.status === 'ended' ? 'Các đội đã trình bày xong.' : 'Chưa bắt đầu.';
  }

  function renderJudges() {
    if (!progress || !progress.judges.length) {
      table.replaceChildren();
      judgesNote.textContent = 'Chưa có giám khảo.';
      return;
    }
    const head = document.createElement('tr');
    head.append(cell('th', 'Đội thi'), ...progress.judges.map((judge) => cell('th', judge.name)));
    let done = 0;
    const rows = progress.finalists.map((finalist) => {
      const row = document.createElement('tr');
      const by = progress.submitted[finalist.unit] ?? [];
      done += by.length;
      row.append(cell('td', finalist.unit === progress.current ? `▶ ${finalist.name}` : finalist.name),
        ...progress.judges.map((judge) => {
          const yes = by.includes(judge.id);
          return cell('td', yes ? '✓' : '·', yes ? 'yes' : 'no');
        }));
      return row;
    });
    table.replaceChildren(head, ...rows);
    judgesNote.textContent = `${done}/${progress.judges.length * progress.finalists.length} phiếu đã gửi`;
  }

  function renderReveal() {
    const reveal = data?.reveal;
    const resting = busy || Date.now() < busyUntil;
    next.disabled = !data?.finalised || resting || reveal.step >= reveal.steps;
    previous.disabled = !data?.finalised || resting || reveal.step <= 0;
    revealNote.textContent = !data?.finalised ? 'Kết quả chưa được Ban Tổ chức chốt.'
      : `Bước ${reveal.step}/${reveal.steps}` + (reveal.step ? ` · vừa công bố: ${reveal.revealed[reveal.step - 1].prizeName} — ${reveal.revealed[reveal.step - 1].name}` : '');
  }

  setInterval(loadProgress, PROGRESS_EVERY_MS);
  client.on('final', render);
  return { render };
}

function cell(tag, text, className = '') {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}
