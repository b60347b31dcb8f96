// The hall's `final` scene: stage-2 entries received, the finalists, the presentation-order
// draw (animated), the running order with the presenting unit's countdown, and the stepped prize
// reveal with a moment of suspense per prize. It renders only public topics: `final`, and the
// `agenda` while it serves the final's day (the presentation slots are agenda items).
//
// A scene module for screen.js: mount(section, live, ctx) fills the section, follows
// live.on('final') and live.on('agenda'), and returns {tick(now)} for the running slot's
// countdown. On a bridge screen (ctx.unit) the site's own unit is highlighted.

import { agendaClock, agendaView, countdown as shownCountdown, hhmm } from '../client.js';

// A reveal step takes the topic's reveal.gapMs (the least time between two steps): "Giải Ba
// thuộc về…" until the name's entrance (css/screen.css, final-appear) fills the rest of it.
const APPEAR_MS = 700;
const DRAW_SHUFFLE_MS = 2400;
const DRAW_PLACE_MS = 450;   // one finalist settling into its place
const LIVE_WINDOW_MS = 10_000; // a draw or a step older than this is shown as it is, without animation
const money = new Intl.NumberFormat('vi-VN');

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
};

/**
 * Mounts the scene into its section and follows the `final` topic.
 * @param {HTMLElement} section the scene's full-screen section
 * @param {{on: Function, serverNow: Function}} live the screen's connection (client.js)
 * @param {{unit?: string, event: object}} ctx the screen (a bridge screen's unit is highlighted) and the event
 */
export function mount(section, live, ctx) {
  const scene = el('div', 'final-scene');
  section.append(scene);
  const now = () => live.serverNow();
  // "Chặng 2 · Chuyển đổi đột phá": the event file's name of its stage at index (0 is stage 1)
  const stageName = (index) => ctx.event.stages[index].name.replace(' - ', ' · ');
  const own = (node, unit) => {
    if (ctx.unit && unit === ctx.unit) node.classList.add('own');
    return node;
  };

  let data = null;
  let agenda = null;        // the agenda topic while it serves the final's day, else null
  let view = null;          // which view is on screen: entries | finalists | draw | order | reveal
  let animatedDraw = null;  // the draw (at) whose animation has run or been skipped
  let drawing = false;
  let shownStep = 0;        // reveal steps on screen
  let revealing = false;
  let countdown = null;     // the running slot's countdown on screen, updated by tick

  function render(next) {
    data = next;
    if (!data) return;
    if (data.finalised) {
      showReveal();
    } else if (data.order && !drawing) {
      showOrder();
    } else if (!drawing) {
      if (data.finalists.length) showFinalists(); else showEntries();
    }
  }

  function replace(name, ...children) {
    view = name;
    countdown = null;
    scene.replaceChildren(...children);
  }

  function showEntries() {
    const big = el('p', 'big', `${data.received}/${data.quota} `);
    big.append(el('small', null, 'bài dự thi đã nhận'));
    const grid = el('div', 'grid');
    for (const entry of data.entries) {
      const card = own(el('div', 'card'), entry.unit);
      card.append(el('span', 'status', entry.statusLabel), el('div', 'name', entry.name), el('div', 'title', entry.title));
      grid.append(card);
    }
    replace('entries', el('p', 'kicker', stageName(1)), big, grid);
  }

  function showFinalists() {
    const grid = el('div', 'grid');
    for (const finalist of data.finalists) {
      const entry = data.entries.find((e) => e.unit === finalist.unit);
      const card = own(el('div', 'card'), finalist.unit);
      card.append(el('div', 'name', finalist.name), el('div', 'title', entry?.title ?? ''));
      grid.append(card);
    }
    replace('finalists', el('p', 'kicker', stageName(2)),
      el('h1', null, `${data.finalists.length} đơn vị vào Chung kết`), grid);
  }

  function showOrder() {
    const draw = data.draw;
    const fresh = draw && draw.method === 'draw' && now() - draw.at < LIVE_WINDOW_MS;
    if (fresh && animatedDraw !== draw.at) {
      animatedDraw = draw.at;
      runDraw();
      return;
    }
    animatedDraw = draw?.at ?? null;
    const list = el('ol', 'order');
    data.order.forEach((unit, index) => list.append(slot(unit, index)));
    const running = agenda && (agenda.status === 'running' || agenda.status === 'paused');
    const nowItem = running && agenda.now.presentation ? agenda.now : null;
    const titles = el('div');
    titles.append(el('p', 'kicker', 'Chung kết · Thứ tự trình bày'),
      el('h1', null, nowItem ? `Đang trình bày: ${nowItem.title}` : 'Thứ tự trình bày'));
    const head = el('div', 'head');
    const clockNode = el('div', 'countdown');
    head.append(titles, ...(nowItem ? [clockNode] : []));
    replace('order', head, list, seedLine(draw));
    countdown = nowItem ? clockNode : null;
    tick(now());
  }

  /** The running slot's countdown, from the agenda's anchors and the server's clock: amber in its last minute. */
  function tick(at) {
    if (!countdown) return;
    const figures = agendaClock(agenda, at);
    if (!figures) return;
    const shown = shownCountdown(figures.remaining);
    if (countdown.textContent !== shown.text) countdown.textContent = shown.text;
    countdown.className = `countdown ${shown.over ? 'over' : shown.warn ? 'warn' : ''} ${agenda.status === 'paused' ? 'paused' : ''}`;
  }

  function slot(unit, index) {
    const finalist = data.finalists.find((f) => f.unit === unit);
    const entry = data.entries.find((e) => e.unit === unit);
    const item = agenda?.items.find((each) => each.presentation === index + 1);
    const li = own(el('li'), unit);
    const text = el('div');
    text.append(el('div', 'name', finalist?.name ?? unit), el('div', 'title', entry?.title ?? ''));
    li.append(el('span', 'pos', String(index + 1)), text, el('span', 'time', item ? hhmm(item.plannedStart) : ''));
    const running = agenda && (agenda.status === 'running' || agenda.status === 'paused');
    if (running && agenda.now.presentation === index + 1) li.classList.add('now');
    else if (item?.actualEnd) li.classList.add('done');
    return li;
  }

  /** The seed, where it came from, and how anyone can re-run the draw from it (docs/final-draw.md). */
  function seedLine(draw, className = 'seed') {
    const line = el('div', className);
    if (!draw) return line;
    if (draw.method !== 'draw') {
      line.append(el('p', null, 'Thứ tự do Ban Tổ chức công bố'));
      return line;
    }
    const from = draw.seedGiven ? 'số bốc tại hội trường' : 'số do máy chủ chọn ngẫu nhiên';
    line.append(el('p', 'which', `Số bốc thăm: ${draw.seed} · ${from}`
        + (draw.redraws ? ` · bốc thăm lại lần ${draw.redraws}` : '')),
      el('p', 'recipe', `Kiểm tra: xếp mã đơn vị tăng dần (${draw.sorted.join(', ')}), xáo trộn Fisher–Yates bằng`
        + ` java.util.Random(${draw.seed}); hoặc chạy python3 redraw.py ${draw.seed} ${draw.sorted.join(',')}`
        + ` — tệp redraw.py tại ${location.origin}/redraw.py`));
    return line;
  }

  /** Names flicker in turn, then settle one by one into their places. */
  function runDraw() {
    drawing = true;
    const order = data.order;
    const names = order.map((unit) => data.finalists.find((f) => f.unit === unit)?.name ?? unit);
    const pool = el('div', 'shuffle');
    const chips = names.map((name) => el('span', null, name));
    chips.sort(() => Math.random() - 0.5).forEach((chip) => pool.append(chip));
    const list = el('ol', 'order');
    const rows = order.map((unit, index) => {
      const li = el('li', 'empty');
      li.append(el('span', 'pos', String(index + 1)), el('div', 'name', '…'), el('span', 'time', ''));
      list.append(li);
      return li;
    });
    list.classList.add('compact');
    replace('draw', el('p', 'kicker', 'Chung kết'), el('h1', null, 'Bốc thăm thứ tự trình bày'),
      seedLine(data.draw, 'seed top'), pool, list);
    let hot = 0;
    const flicker = setInterval(() => {
      chips.forEach((chip) => chip.classList.remove('hot'));
      chips[hot++ % chips.length].classList.add('hot');
    }, 110);
    setTimeout(() => {
      clearInterval(flicker);
      chips.forEach((chip) => chip.classList.remove('hot'));
      names.forEach((name, index) => setTimeout(() => {
        rows[index].classList.remove('empty');
        rows[index].classList.add('now');
        rows[index].querySelector('.name').textContent = name;
        chips.find((chip) => chip.textContent === name)?.remove();
        setTimeout(() => rows[index].classList.remove('now'), DRAW_PLACE_MS);
      }, index * DRAW_PLACE_MS));
      setTimeout(() => {
        drawing = false;
        render(data);
      }, names.length * DRAW_PLACE_MS + 1200);
    }, DRAW_SHUFFLE_MS);
  }

  function showReveal() {
    const reveal = data.reveal;
    if (view !== 'reveal') {
      // arriving at the reveal: a fresh step still gets its suspense, an older one is simply shown
      const fresh = reveal.step > 0 && now() - reveal.at < LIVE_WINDOW_MS;
      shownStep = fresh ? reveal.step - 1 : reveal.step;
      drawReveal(shownStep, false);
    }
    if (revealing) return;
    if (reveal.step < shownStep) {
      shownStep = reveal.step;
      drawReveal(shownStep, false);
    } else if (reveal.step > shownStep) {
      advance();
    }
  }

  /** Shows the step after shownStep with its suspense; steps that came meanwhile follow in turn. */
  function advance() {
    revealing = true;
    const next = shownStep + 1;
    const suspense = Math.max(0, data.reveal.gapMs - APPEAR_MS);
    drawSuspense(data.reveal.revealed[next - 1], next);
    setTimeout(() => {
      const stillThere = data.finalised && data.reveal.step >= next;
      if (stillThere) shownStep = next;
      drawReveal(shownStep, stillThere);
      setTimeout(() => {
        revealing = false;
        if (data.finalised) showReveal();
      }, stillThere ? APPEAR_MS : 0);
    }, suspense);
  }

  function drawSuspense(award, step) {
    const stage = el('div', 'stage');
    const lead = el('p', 'lead');
    lead.append(document.createTextNode('thuộc về'), el('span', 'dots'));
    stage.append(el('p', 'prize', award.prizeName), lead);
    replace('reveal', stepLine(step), el('p', 'kicker', 'Công bố giải thưởng'), stage, board(step - 1));
  }

  function drawReveal(step, fresh) {
    const revealed = data.reveal.revealed.slice(0, step);
    const latest = revealed[revealed.length - 1];
    const stage = el('div', 'stage');
    if (latest) {
      const entry = data.entries.find((e) => e.unit === latest.unit);
      stage.append(el('p', 'prize', latest.prizeName), el('p', 'winner', latest.name),
        el('p', 'amount', `Trị giá ${money.format(latest.amountVnd)} đồng`));
      if (entry) stage.append(el('p', 'entry', `“${entry.title}”`));
      if (!fresh) stage.querySelectorAll('.winner, .amount, .entry').forEach((node) => { node.style.animation = 'none'; });
    } else {
      stage.append(el('p', 'prize', 'Lễ trao giải'), el('p', 'lead', 'Công bố giải thưởng Chung kết'));
    }
    replace('reveal', stepLine(step), el('p', 'kicker', 'Công bố giải thưởng'), stage, board(step));
  }

  function stepLine(step) {
    return el('span', 'step', `${step}/${data.reveal.steps}`);
  }

  /** Every award shown so far, one column per prize in the order they came. */
  function board(step) {
    const grid = el('div', 'board');
    const columns = new Map();
    for (const award of data.reveal.revealed.slice(0, step)) {
      if (!columns.has(award.prize)) {
        const section = el('section');
        section.append(el('h2', null, award.prizeName));
        columns.set(award.prize, section);
        grid.append(section);
      }
      columns.get(award.prize).append(own(el('p', null, award.name), award.unit));
    }
    return grid;
  }

  live.on('final', render);
  live.on('agenda', (next) => {
    agenda = next.day === 'final' ? agendaView(next) : null;
    if (view === 'order') showOrder();
  });
  return { tick };
}
