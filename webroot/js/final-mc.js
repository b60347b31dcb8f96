// The MC's panel for the final: the draw, which judges have submitted for which unit (never a
// value), and the reveal, one step at a time. The presentations themselves run on the console's
// agenda (the final's day): same buttons and keys as the conference.
//
import { say } from './messages.js';

// Use: mountFinalMc(element, client, session) — client from client.js, connected with the MC
// token and 'final' in its topics; session (session.js) for the MC-only REST read of the judges' progress.

import { REREAD_TEXT } from './client.js';

const PROGRESS_EVERY_MS = 5000;

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
export function mountFinalMc(root, client, session) {
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
        error.textContent = say(refusal);
      }
    } finally {
      busy = false;
      if (data) renderReveal();
    }
  }

  // draw: with the number drawn in the hall (a ball from the bowl, the lottery's result), or one the server picks
  const drawSection = section('Thứ tự trình bày');
  const drawNote = line('note');
  const seed = document.createElement('input');
  Object.assign(seed, { id: 'draw-seed', inputMode: 'numeric', autocomplete: 'off', placeholder: 'để trống: máy chủ chọn' });
  const seedLabel = document.createElement('label');
  seedLabel.append('Số bốc tại hội trường ', seed);
  const drawButton = button('Bốc thăm thứ tự', () => {
    const typed = seed.value.trim();
    if (typed && !(/^\d{1,16}$/.test(typed) && Number(typed) <= Number.MAX_SAFE_INTEGER)) {
      error.textContent = `Số bốc thăm phải là số nguyên từ 0 đến ${Number.MAX_SAFE_INTEGER.toLocaleString('vi-VN')}`;
      return;
    }
    const question = typed ? `Bốc thăm thứ tự trình bày với số ${typed}?` : 'Bốc thăm thứ tự trình bày với số do máy chủ chọn?';
    if (window.confirm(`${question} Chỉ bốc thăm một lần; bốc lại cần Ban Tổ chức và lý do.`)) {
      run('final.draw', typed ? { seed: Number(typed) } : {});
    }
  }, 'big');
  const drawRow = document.createElement('div');
  drawRow.className = 'row';
  drawRow.append(seedLabel, drawButton);
  drawSection.append(drawRow, drawNote);

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

  panel.append(drawSection, judgesSection, revealSection, error);

  /**
   * One reveal step; the buttons rest while the hall animates it: for the topic's reveal.gapMs
   * after the click, and until the server would take the next step (gapMs after the last one).
   */
  function step(name) {
    if (resting()) return;
    busyUntil = Date.now() + data.reveal.gapMs;
    renderReveal();
    run(name);
  }

  function resting() {
    const reveal = data?.reveal;
    return busy || Date.now() < busyUntil || (reveal?.at != null && client.serverNow() < reveal.at + reveal.gapMs);
  }

  let wake = null;
  /** Draws the buttons again when the rest ends. */
  function wakeAfterRest() {
    clearTimeout(wake);
    const reveal = data?.reveal;
    const until = Math.max(busyUntil - Date.now(), reveal?.at != null ? reveal.at + reveal.gapMs - client.serverNow() : 0);
    if (until > 0) wake = setTimeout(renderReveal, until + 1);
  }

  async function loadProgress() {
    try {
      progress = await session.api('/api/final/progress');
      renderJudges();
    } catch {
      // the next state change or poll tries again
    }
  }

  function render(next) {
    data = next;
    const ready = data.finalists.length > 0;
    drawButton.disabled = !ready || Boolean(data.order);
    seed.disabled = drawButton.disabled;
    drawNote.textContent = !ready ? 'Chưa xác nhận các đơn vị vào Chung kết.'
      : !data.order ? `${data.finalists.length} đơn vị sẵn sàng bốc thăm.`
        : data.draw.method === 'draw' ? `Đã bốc thăm với số ${data.draw.seed}`
          + ` (${data.draw.seedGiven ? 'bốc tại hội trường' : 'máy chủ chọn'}): ${names(data.order)}`
          : `Thứ tự do Ban Tổ chức đặt: ${names(data.order)}`;
    renderReveal();
    loadProgress();
  }

  function names(units) {
    return units.map((unit, i) => `${i + 1}. ${data.finalists.find((f) => f.unit === unit)?.name ?? unit}`).join(' · ');
  }

  function renderJudges() {
    if (!progress || !progress.judges.length) {
      table.replaceChildren();
      judgesNote.textContent = 'Chưa có giám khảo.';
      return;
    }
    const head = document.createElement('tr');
    head.append(cell('th', 'Đơn vị'), ...progress.judges.map((judge) => cell('th', judge.name)));
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
    const rest = resting();
    next.disabled = !data?.finalised || rest || reveal.step >= reveal.steps;
    previous.disabled = !data?.finalised || rest || reveal.step <= 0;
    if (rest) wakeAfterRest();
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
