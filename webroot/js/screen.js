// A projector screen (the hall, or a bridge room): the scene the MC chose, a message banner,
// blackout, the day it is serving (date and venue, from the agenda), the time of day, and a link
// status that never lets a dead screen look live.
//
// A scene module exports mount(section, live, ctx): it fills its full-screen <section> and
// keeps it current with live.on(topic, fn); it may return {tick(now)} to be called on every
// animation frame while shown (now = server time). ctx = {screen, unit, event, own}.
import { connect, day, eventSummary, hhmm, keepAwake } from './client.js';

const SCENES = ['agenda', 'bridges', 'leaderboard', 'final', 'logo'];
const PLACEHOLDERS = {
  leaderboard: ['Bảng xếp hạng — sắp có', 'Kết quả Chặng 1 sẽ hiển thị tại đây.'],
  final: ['Chung kết — sắp có', 'Thông tin Chung kết sẽ hiển thị tại đây.'],
};
const LINK_LOST = 'Mất kết nối máy chủ — đang kết nối lại…';
const CONNECTING_GRACE_MS = 3000; // a page just opened connects quietly for this long

export async function startScreen({ screen, unit, key, hall }) {
  drawFrame();
  document.body.classList.add('screen');
  keepAwake();
  const live = connect({ screen, unit, key, hall, topics: ['agenda', 'screen', 'bridges', 'leaderboard', 'final'] });
  window.diemcau = { live }; // a handle for the technical desk's console and for browser tests

  const stage = document.querySelector('.scene');
  const sections = new Map();
  for (const name of SCENES) {
    const section = document.createElement('section');
    section.className = name;
    section.dataset.scene = name;
    stage.append(section);
    sections.set(name, section);
  }

  let shown = null;
  const banner = document.querySelector('.banner');
  live.on('screen', (data) => {
    if (data.scene !== shown) {
      shown = data.scene;
      sections.forEach((section, name) => section.classList.toggle('shown', name === shown));
    }
    banner.textContent = data.message ? data.message.text : '';
    banner.className = `banner ${data.message ? 'shown' : ''} ${data.message ? data.message.tone || 'info' : ''}`;
    document.querySelector('.blackout').classList.toggle('shown', data.blackout === true);
  });
  watchLink(live);

  const topbar = document.querySelector('.topbar');
  const time = document.createElement('span');
  time.className = 'time';
  topbar.append(time);

  const ticks = new Map();
  let lastTime = '';
  const frame = () => {
    const now = live.serverNow();
    const tick = ticks.get(shown);
    if (tick) tick(now);
    const text = hhmm(now);
    if (text !== lastTime) time.textContent = lastTime = text;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const event = await eventSummary();
  const ctx = { screen, unit, event, own: unit ? event.units.find((u) => u.code === unit) : null };
  topbar.querySelector('.title').textContent = event.shortName;
  live.on('agenda', (agenda) => topbar.querySelector('.where').replaceChildren(where(ctx, agenda)));
  for (const [name, section] of sections) {
    mountScene(name, section, live, ctx).then((scene) => { if (scene && scene.tick) ticks.set(name, scene.tick); });
  }
  return live;
}

/** What every projector screen has around the page's own parts (the hall's note, a room's form). */
function drawFrame() {
  const div = (className, role) => Object.assign(document.createElement('div'), { className, ...(role ? { role } : {}) });
  const main = div('frame');
  main.innerHTML = '<header class="topbar"><span class="title"></span><span class="where"></span></header><main class="scene"></main>';
  document.body.prepend(main, div('banner', 'status'), div('link', 'alert'), div('badge'));
  document.body.append(div('blackout'));
}

// The red banner when the link is stale or down; a page that is still connecting gets a few
// quiet seconds first, so a normal start never flashes red.
function watchLink(live) {
  const link = document.querySelector('.link');
  const badge = document.querySelector('.badge');
  let since = null;
  let grace = null;
  const show = (status) => {
    link.replaceChildren(LINK_LOST);
    if (since) {
      const small = document.createElement('small');
      small.textContent = ` từ ${hhmm(since)}`;
      link.append(small);
    }
    link.classList.add('shown');
    document.body.dataset.link = status;
  };
  live.onStatus((status) => {
    badge.className = `badge ${status}`;
    clearTimeout(grace);
    if (status === 'live') {
      since = null;
      link.classList.remove('shown');
      document.body.dataset.link = status;
    } else if (status === 'connecting') {
      grace = setTimeout(() => show(status), CONNECTING_GRACE_MS);
    } else {
      since = since || live.lastHeard() || live.serverNow();
      show(status);
    }
  });
}

// the day served: "Thứ Năm, 25/6/2026 · Phòng 103, …" in the hall, the room's own name on a bridge
function where(ctx, agenda) {
  const when = document.createElement('span');
  when.textContent = `${day(agenda.dayStart)} · `;
  const venue = document.createElement('span');
  if (!ctx.own) {
    venue.textContent = agenda.venue.name;
  } else {
    venue.className = 'own';
    venue.textContent = `Điểm cầu ${ctx.own.kind === 'DEPARTMENT' ? ctx.own.name : `${ctx.own.kindLabel} ${ctx.own.name}`}`;
  }
  const both = document.createElement('span');
  both.append(when, venue);
  return both;
}

async function mountScene(name, section, live, ctx) {
  try {
    const module = await import(`./scenes/${name}.js`);
    return module.mount(section, live, ctx);
  } catch (error) {
    const [title, text] = PLACEHOLDERS[name] || [name, ''];
    const h1 = document.createElement('h1');
    h1.textContent = title;
    const p = document.createElement('p');
    p.textContent = text;
    section.classList.add('placeholder');
    section.replaceChildren(h1, p);
    if (!PLACEHOLDERS[name]) console.error(`scene ${name}`, error);
    return null;
  }
}
