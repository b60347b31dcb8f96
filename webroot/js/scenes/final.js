// The hall's `final` scene: stage-2 entries received, the finalists, the presentation-order
// draw (animated), the running order with its countdown, and the stepped prize reveal with a
// moment of suspense per prize. It renders only the public `final` topic.
//
// A scene module for screen.js: mount(section, live, ctx) fills the section, follows
// live.on('final'), and returns {tick(now)} for the running slot's countdown. On a bridge
// screen (ctx.unit) the site's own unit is highlighted.

import { clock, hhmm } from '../client.js';

const SUSPENSE_MS = 2200;    // "Giải Ba thuộc về…" before the name appears
const APPEAR_MS = 700;       // the name's own entrance
const DRAW_SHUFFLE_MS = 2400;
const DRAW_PLACE_MS = 450;   // one finalist settling into its place
const LIVE_WINDOW_MS = 10_000; // a draw or a step older than this is shown as it is, without animation

const STYLE = `
.final-scene { position: relative; flex: 1; display: flex; flex-direction: column; padding: 1vh 2vw;
  color: var(--ink, #fff); font-size: 2.2vh; overflow: hidden;
  background: radial-gradient(circle at 50% 10%, rgba(255,255,255,.08), transparent 60%); }
.final-scene h1 { font-size: 5.5vh; margin: 0 0 1vh; font-weight: 800; letter-spacing: .02em; }
.final-scene .kicker { font-size: 2.6vh; text-transform: uppercase; letter-spacing: .18em; color: var(--accent, #ffd23f); margin: 0; }
.final-scene .big { font-size: 13vh; font-weight: 800; line-height: 1; margin: 2vh 0; }
.final-scene .big small { font-size: 4.5vh; font-weight: 600; color: var(--muted, #a9bedc); }
.final-scene .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 1.4vh 3vw; margin-top: 2vh; }
.final-scene .card { background: rgba(255,255,255,.08); border-radius: 1.2vh; padding: 1.4vh 1.6vw; }
.final-scene .card .name { font-size: 3.2vh; font-weight: 700; }
.final-scene .card .title { font-size: 2.3vh; color: var(--muted, #a9bedc); margin-top: .4vh; }
.final-scene .card .status { float: right; font-size: 2vh; color: var(--good, #2ecc71); }
.final-scene .own { outline: .4vh solid var(--own, #ffd23f); }
.final-scene .head { display: flex; justify-content: space-between; align-items: flex-end; gap: 3vw; }
.final-scene ol.order { list-style: none; margin: 1.5vh 0 0; padding: 0; display: grid; gap: 1vh; }
.final-scene ol.order li { display: grid; grid-template-columns: 7vh 1fr auto; align-items: center; gap: 2vw;
  background: rgba(255,255,255,.08); border-radius: 1.2vh; padding: .8vh 1.6vw; transition: background .4s, transform .4s; }
.final-scene ol.order li .pos { font-size: 4.4vh; font-weight: 800; color: var(--accent, #ffd23f); text-align: center; }
.final-scene ol.order li .name { font-size: 3.3vh; font-weight: 700; }
.final-scene ol.order li .title { font-size: 2.1vh; color: var(--muted, #a9bedc); }
.final-scene ol.order li .time { font-size: 3vh; font-variant-numeric: tabular-nums; color: var(--muted, #a9bedc); }
.final-scene ol.order li.now { background: var(--accent, #ffd23f); color: #06162d; transform: scale(1.02); }
.final-scene ol.order li.now .pos, .final-scene ol.order li.now .title, .final-scene ol.order li.now .time { color: #06162d; }
.final-scene ol.order li.done { opacity: .55; }
.final-scene ol.order li.empty .name { color: rgba(255,255,255,.25); }
.final-scene .shuffle { display: flex; flex-wrap: wrap; gap: 1.5vh; margin-top: 3vh; }
.final-scene .shuffle span { font-size: 3.4vh; font-weight: 700; padding: 1.2vh 1.6vw; border-radius: 1.2vh;
  background: rgba(255,255,255,.1); transition: background .15s; }
.final-scene .shuffle span.hot { background: var(--accent, #ffd23f); color: #06162d; }
.final-scene .seed { margin-top: auto; font-size: 2vh; color: var(--muted, #a9bedc); }
.final-scene .countdown { font-size: 11vh; font-weight: 800; line-height: 1; font-variant-numeric: tabular-nums; }
.final-scene .countdown.over { color: var(--bad, #ff4d4d); }
.final-scene .stage { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; }
.final-scene .stage .prize { font-size: 7vh; font-weight: 800; color: var(--accent, #ffd23f); }
.final-scene .stage .lead { font-size: 4vh; color: var(--muted, #a9bedc); margin: 1vh 0; }
.final-scene .stage .winner { font-size: 10vh; font-weight: 800; line-height: 1.1; margin: 2vh 0 0;
  text-shadow: 0 0 4vh rgba(255, 210, 63, .45); animation: final-appear ${APPEAR_MS}ms ease-out both; }
.final-scene .stage .entry { font-size: 3.4vh; color: var(--muted, #a9bedc); margin-top: 1.5vh; animation: final-appear ${APPEAR_MS}ms ease-out both; }
.final-scene .stage .dots::after { content: '…'; animation: final-pulse 0.8s infinite alternate; }
.final-scene .board { display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 2vw; margin-top: 2vh; }
.final-scene .board section h2 { font-size: 2.6vh; color: var(--accent, #ffd23f); margin: 0 0 .8vh; }
.final-scene .board section p { margin: .4vh 0; font-size: 2.5vh; font-weight: 600; }
.final-scene .step { position: absolute; right: 3vw; top: 3vh; font-size: 2vh; color: var(--muted, #a9bedc); }
@keyframes final-appear { from { opacity: 0; transform: translateY(3vh) scale(.96); } to { opacity: 1; transform: none; } }
@keyframes final-pulse { from { opacity: .2; } to { opacity: 1; } }
`;

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
};

function injectStyle() {
  if (document.getElementById('final-scene-style')) return;
  const style = el('style');
  style.id = 'final-scene-style';
  style.textContent = STYLE;
  document.head.append(style);
}

/**
 * Mounts the scene into its section and follows the `final` topic.
 * @param {HTMLElement} section the scene's full-screen section
 * @param {{on: Function, serverNow: Function}} live the screen's connection (client.js)
 * @param {{unit?: string}} ctx the screen; a bridge screen's unit is highlighted
 */
export function mount(section, live, ctx = {}) {
  injectStyle();
  const scene = el('div', 'final-scene');
  section.append(scene);
  const now = () => live.serverNow();
  const own = (node, unit) => {
    if (ctx.unit && unit === ctx.unit) node.classList.add('own');
    return node;
  };

  let data = null;
  let view = null;          // which view is on screen: entries | finalists | draw | order | reveal
  let animatedDraw = null;  // the draw (at) whose animation has run or been skipped
  let drawing = false;
  let shownStep = 0;        // reveal steps on screen
  let revealing = false;
  let countdown = null;     // the running slot's countdown on screen, updated by tick

  function render(next) {
    data = next;
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
    replace('entries', el('p', 'kicker', 'Chặng 2 · Chuyển đổi đột phá'), big, grid);
  }

  function showFinalists() {
    const grid = el('div', 'grid');
    for (const finalist of data.finalists) {
      const entry = data.entries.find((e) => e.unit === finalist.unit);
      const card = own(el('div', 'card'), finalist.unit);
      card.append(el('div', 'name', finalist.name), el('div', 'title', entry?.title ?? ''));
      grid.append(card);
    }
    replace('finalists', el('p', 'kicker', 'Chặng 3 · Vinh danh'),
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
    const agenda = data.agenda;
    const list = el('ol', 'order');
    data.order.forEach((unit, index) => list.append(slot(unit, index, agenda)));
    const nowItem = agenda && (agenda.status === 'running' || agenda.status === 'paused') ? agenda.now : null;
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

  /** The running slot's countdown, from the agenda's anchors and the server's clock. */
  function tick(at) {
    if (!countdown) return;
    const agenda = data.agenda;
    const remaining = agenda.status === 'running' ? agenda.endsAt - at : agenda.remainingMs;
    countdown.textContent = (remaining < 0 ? '+' : '') + clock(Math.abs(remaining));
    countdown.classList.toggle('over', remaining < 0);
  }

  function slot(unit, index, agenda) {
    const finalist = data.finalists.find((f) => f.unit === unit);
    const entry = data.entries.find((e) => e.unit === unit);
    const item = agenda?.items[index];
    const li = own(el('li'), unit);
    const text = el('div');
    text.append(el('div', 'name', finalist?.name ?? unit), el('div', 'title', entry?.title ?? ''));
    li.append(el('span', 'pos', String(index + 1)), text, el('span', 'time', item ? hhmm(item.plannedStart) : ''));
    if (agenda && agenda.current === index && agenda.status !== 'ended') li.classList.add('now');
    else if (item?.actualEnd || agenda?.status === 'ended') li.classList.add('done');
    return li;
  }

  function seedLine(draw) {
    if (!draw) return el('p', 'seed');
    if (draw.method !== 'draw') return el('p', 'seed', 'Thứ tự do Ban Tổ chức công bố');
    return el('p', 'seed', `Bốc thăm với hạt giống (seed) ${draw.seed} — ai cũng có thể kiểm tra lại thứ tự từ hạt giống này`
      + (draw.redraws ? ` · bốc thăm lại lần ${draw.redraws}` : ''));
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
    replace('draw', el('p', 'kicker', 'Chung kết'), el('h1', null, 'Bốc thăm thứ tự trình bày'), pool, list, seedLine(data.draw));
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
    drawSuspense(data.reveal.revealed[next - 1], next);
    setTimeout(() => {
      const stillThere = data.finalised && data.reveal.step >= next;
      if (stillThere) shownStep = next;
      drawReveal(shownStep, stillThere);
      setTimeout(() => {
        revealing = false;
        if (data.finalised) showReveal();
      }, stillThere ? APPEAR_MS : 0);
    }, SUSPENSE_MS);
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
      stage.append(el('p', 'prize', latest.prizeName), el('p', 'winner', latest.name));
      if (entry) stage.append(el('p', 'entry', `“${entry.title}”`));
      if (!fresh) stage.querySelectorAll('.winner, .entry').forEach((node) => { node.style.animation = 'none'; });
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
  return { tick };
}
