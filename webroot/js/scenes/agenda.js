// The agenda scene: the current item with a large countdown from the server's anchors, the
// drift against plan, and the next item. Recomputed on every animation frame (the DOM is
// touched only when a shown text changes), so screens whose own clocks disagree still show
// the same second.
import { agendaFace, agendaView, day, hhmm } from '../client.js';

const LABELS = { idle: 'Chào mừng quý đại biểu', running: 'Đang diễn ra', paused: 'Tạm dừng', ended: '' };
const LONG_TITLE = 70; // characters: a smaller face so three lines still fit

export function mount(section, live) {
  section.innerHTML = `
    <header>
      <div class="label"></div>
      <div class="now-title"></div>
      <div class="now-by"></div>
    </header>
    <div class="clock">
      <div class="countdown"></div>
      <div class="progress"><i></i></div>
      <div class="sub"><span class="state"></span><span class="drift"></span></div>
    </div>
    <footer class="next"></footer>`;
  const $ = (selector) => section.querySelector(selector);
  const shown = new Map(); // element → last text or class written
  const put = (selector, text, className) => {
    const element = $(selector);
    if (shown.get(element) !== text) { element.textContent = text; shown.set(element, text); }
    if (className !== undefined) classOf(selector, className);
  };
  const classOf = (selector, className) => {
    const element = $(selector);
    if (element.className !== className) element.className = className;
  };
  const bar = $('.progress i');
  let lastFraction = -1;
  let agenda = null;

  live.on('agenda', (topic) => {
    const data = agendaView(topic);
    agenda = data;
    const item = data.now;
    const slots = data.items.filter((each) => each.presentation).length;
    const position = !item ? '' : item.presentation ? ` · đơn vị trình bày thứ ${item.presentation}/${slots}`
      : ` · mục ${data.current + 1}/${data.items.length}`;
    put('.label', `${item && item.presentation && data.status === 'running' ? 'Đang trình bày' : LABELS[data.status] || ''}${position}`);
    const title = item ? item.title : data.dayName;
    put('.now-title', title, `now-title ${title.length > LONG_TITLE ? 'long' : ''}`);
    put('.now-by', item ? item.by || '' : '');
    section.dataset.status = data.status;
    renderNext(data);
  });

  function renderNext(data) {
    const next = $('.next');
    next.replaceChildren();
    const first = data.status === 'idle' ? data.items[0] : null;
    const coming = data.nextItem || first;
    if (coming && data.status !== 'ended') {
      next.append(span('key', 'Tiếp theo'), span('at', hhmm(coming.plannedStart)), span('what', coming.title));
    } else if (data.status === 'running' || data.status === 'paused') {
      next.append(span('key', 'Mục cuối'), span('what', 'Kết thúc chương trình sau mục này'));
    }
  }

  return {
    tick(now) {
      if (!agenda) return;
      const face = agendaFace(agenda, now);
      if (!face) {
        idleOrEnded();
        return;
      }
      const { paused, over } = face;
      put('.countdown', face.countdown.text, face.countdown.className);
      put('.state', paused ? 'Tạm dừng' : over ? 'Quá giờ' : '', `state ${paused ? 'paused' : over ? 'over' : ''}`);
      put('.drift', face.drift.text, face.drift.className);
      const { fraction } = face.progress;
      if (Math.abs(fraction - lastFraction) > 0.0005) {
        bar.style.transform = `scaleX(${fraction})`;
        lastFraction = fraction;
      }
      classOf('.progress', face.progress.className);
    },
  };

  function idleOrEnded() {
    if (agenda.status === 'idle') {
      put('.countdown', `Bắt đầu lúc ${hhmm(agenda.dayStart)}`, 'countdown words');
      put('.state', day(agenda.dayStart), 'state day');
    } else {
      const last = agenda.items[agenda.items.length - 1];
      put('.countdown', 'Xin trân trọng cảm ơn quý đại biểu', 'countdown words');
      put('.state', last && last.actualEnd ? `Kết thúc lúc ${hhmm(last.actualEnd)}` : '', 'state day');
    }
    put('.drift', '', 'drift');
    classOf('.progress', 'progress none');
  }
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
