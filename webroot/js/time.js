// Every time a page shows, in this one place: times and days in the event's zone, countdowns,
// and the agenda as the screens show it, derived from the topic's anchors and the server's clock
// (the topic carries the programme, the status and current item, when it started, was paused and
// ends, and when each item actually ran; everything else is computed here).

// The event's time zone (the event file's `zone`, from /api/event): every time a page shows is in
// it, whatever the screen's own zone. event.js sets it when the event arrives; a socket opens only
// once it is known (connect() waits for eventSummary()), so no topic is drawn without it; a page
// that draws REST data awaits eventSummary().
let zone = null;

/** Sets the event's zone (event.js, from /api/event). */
export function useZone(name) {
  zone = name;
}

/** A formatter of epoch ms in the event's zone (Intl.DateTimeFormat options); '' before the zone is known. */
export function zonedFormat(locale, options) {
  let format = null;
  return (epochMs) => {
    if (!format && zone) format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    return format ? format.format(new Date(epochMs)) : '';
  };
}

const HHMM = zonedFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DAY = zonedFormat('vi-VN', { weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric' });

/** hh:mm in the event's zone. */
export function hhmm(epochMs) {
  return epochMs == null ? '' : HHMM(epochMs);
}

/** "Thứ Tư, 27/5/2026" in the event's zone. */
export function day(epochMs) {
  const text = DAY(epochMs);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** mm:ss of a duration, rounding up so 00:00 is shown only at zero; minutes go past 59. */
export function clock(ms) {
  return mmss(Math.max(0, Math.ceil(ms / 1000)));
}

/** The last minute of an item is shown in amber. */
export const WARN_MS = 60_000;

/**
 * A countdown as shown: "04:59", "00:00" for the last second, then "+00:01" and up in
 * overtime. `over` is true once the sign shows, `warn` in the last minute before it.
 */
export function countdown(remainingMs) {
  if (remainingMs > -1000) return { text: clock(remainingMs), over: false, warn: remainingMs <= WARN_MS };
  return { text: `+${mmss(Math.floor(-remainingMs / 1000))}`, over: true, warn: false };
}

function mmss(seconds) {
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

// The agenda, as every page shows it, from the topic's anchors.
const views = new WeakMap(); // topic data → its view: a page that draws many times a second derives once

/**
 * The topic's data with what the pages read: `now` and `nextItem` (the current and next items, or
 * null), `next` (its index), and each item's `actualStart` / `actualEnd` (null until it ran).
 * Before the start the first item is next; after the end, `endedAt` is when the last item ended.
 */
export function agendaView(agenda) {
  if (!agenda) return agenda;
  let view = views.get(agenda);
  if (view) return view;
  const actuals = agenda.actuals || {};
  const items = agenda.items.map((item) => ({
    ...item, actualStart: actuals[item.id]?.start ?? null, actualEnd: actuals[item.id]?.end ?? null,
  }));
  const started = agenda.status === 'running' || agenda.status === 'paused';
  const current = started ? agenda.current : null;
  const next = started ? (current + 1 < items.length ? current + 1 : null) : agenda.status === 'idle' ? 0 : null;
  view = {
    ...agenda,
    items,
    current,
    next,
    now: started ? items[current] : null,
    nextItem: next === null ? null : items[next],
    startedAt: agenda.startedAt ?? null,
    pausedAt: agenda.pausedAt ?? null,
    endsAt: agenda.endsAt ?? null,
    endedAt: agenda.status === 'ended' ? items[items.length - 1].actualEnd : null,
  };
  views.set(agenda, view);
  views.set(view, view);
  return view;
}

/**
 * What the agenda shows at server time `now`: {remaining (ms, negative = overtime), duration,
 * elapsed, drift (ms, + = late), itemEnd, projectedEnd (of the whole agenda)}; null unless an
 * item is running or paused. The current item ends at `endsAt` while running; while paused its
 * clock stands at the pause.
 */
export function agendaClock(agenda, now) {
  const view = agendaView(agenda);
  if (!view || !view.now) return null;
  const duration = view.now.plannedEnd - view.now.plannedStart + view.adjustMs;
  const remaining = view.status === 'running' ? view.endsAt - now
    : duration - (view.pausedAt - view.startedAt - view.pausedMs);
  const itemEnd = now + Math.max(0, remaining);
  let later = 0; // what follows, at its planned length
  for (let i = view.current + 1; i < view.items.length; i += 1) {
    later += view.items[i].plannedEnd - view.items[i].plannedStart;
  }
  return {
    remaining,
    duration,
    elapsed: duration - remaining,
    drift: itemEnd - view.now.plannedEnd,
    itemEnd,
    projectedEnd: itemEnd + later,
  };
}

/**
 * The running item's clock face at server time `now`, as every agenda screen draws it: the
 * countdown's text and class (amber in the last minute, red in overtime), the drift in words, the
 * progress bar's fraction and class; null unless an item is running or paused.
 */
export function agendaFace(agenda, now) {
  const figures = agendaClock(agenda, now);
  if (!figures) return null;
  const paused = agenda.status === 'paused';
  const shown = countdown(figures.remaining);
  const sign = driftSign(figures.drift);
  return {
    figures,
    paused,
    over: shown.over,
    countdown: { text: shown.text, className: `countdown ${shown.over ? 'over' : shown.warn ? 'warn' : ''} ${paused ? 'paused' : ''}` },
    drift: { text: driftText(figures.drift), className: `drift ${['early', 'ontime', 'late'][sign + 1]}` },
    progress: {
      fraction: figures.duration > 0 ? Math.min(1, Math.max(0, figures.elapsed / figures.duration)) : 1,
      className: `progress ${shown.over ? 'over' : ''} ${paused ? 'paused' : ''}`,
    },
  };
}

/** How far off plan, in words: "Chậm 3 phút so với kế hoạch", "Sớm 1 giờ 5 phút", "Đúng giờ". */
export function driftText(ms, suffix = ' so với kế hoạch') {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes === 0) return 'Đúng giờ';
  const days = Math.floor(minutes / 1440);
  const span = days > 0 ? `${days} ngày`
    : minutes >= 60 ? `${Math.floor(minutes / 60)} giờ${minutes % 60 ? ` ${minutes % 60} phút` : ''}` : `${minutes} phút`;
  return `${ms > 0 ? 'Chậm' : 'Sớm'} ${span}${suffix}`;
}

/** -1 early, 0 on time, 1 late, at the minute the words above use. */
export function driftSign(ms) {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return minutes === 0 ? 0 : Math.sign(ms);
}
