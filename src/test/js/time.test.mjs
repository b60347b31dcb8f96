// The agenda's figures as every page derives them from the topic's anchors (webroot/js/time.js).
// Topics here have the shape Agenda.toTopic gives (pinned by AgendaClockTest): a 0–10, b 10–25,
// c 25–40, d 40–50 minutes after T0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agendaClock, agendaFace, agendaView, driftText } from '../../../webroot/js/time.js';

const MIN = 60_000;
const T0 = Date.parse('2026-05-27T07:00:00Z');
const items = [['a', 0, 10], ['b', 10, 25], ['c', 25, 40], ['d', 40, 50]].map(([id, from, to]) => ({
  id, title: `Item ${id}`, by: 'Ban Tổ chức', plannedStart: T0 + from * MIN, plannedEnd: T0 + to * MIN,
}));
const base = { items, plannedEnd: T0 + 50 * MIN, pausedMs: 0, adjustMs: 0, actuals: {} };

/** Item `current` running since `startedAt`, with `extra` anchors (endsAt as the server computes it). */
function running(current, startedAt, extra = {}) {
  const topic = { ...base, status: 'running', current, startedAt, actuals: { [items[current].id]: { start: startedAt } }, ...extra };
  const item = items[current];
  return { endsAt: startedAt + topic.pausedMs + item.plannedEnd - item.plannedStart + topic.adjustMs, ...topic };
}

test('running: time left to endsAt, drift against the item plan, projected end with what follows', () => {
  const topic = running(1, T0 + 12 * MIN, { actuals: { a: { start: T0, end: T0 + 12 * MIN }, b: { start: T0 + 12 * MIN } } });
  const figures = agendaClock(topic, T0 + 20 * MIN);
  assert.equal(figures.duration, 15 * MIN);
  assert.equal(figures.remaining, 7 * MIN);
  assert.equal(figures.elapsed, 8 * MIN);
  assert.equal(figures.drift, 2 * MIN); // planned to end at +25, ends at +27
  assert.equal(figures.projectedEnd, T0 + 52 * MIN); // +27, then c (15) and d (10)
});

test('now and next, and when each item ran, from the anchors', () => {
  const view = agendaView(running(1, T0 + 12 * MIN, { actuals: { a: { start: T0, end: T0 + 12 * MIN }, b: { start: T0 + 12 * MIN } } }));
  assert.equal(view.now.id, 'b');
  assert.equal(view.now.actualStart, T0 + 12 * MIN);
  assert.equal(view.now.actualEnd, null);
  assert.equal(view.next, 2);
  assert.equal(view.nextItem.id, 'c');
  assert.equal(view.nextItem.actualStart, null);
  assert.equal(view.items[0].actualEnd, T0 + 12 * MIN);
  assert.equal(view.pausedAt, null);
  assert.equal(agendaView(view), view, 'a view is its own view');
});

test('on the last item there is no next; on time is drift zero', () => {
  const topic = running(3, T0 + 40 * MIN);
  assert.equal(agendaView(topic).next, null);
  assert.equal(agendaView(topic).nextItem, null);
  const figures = agendaClock(topic, T0 + 45 * MIN);
  assert.equal(figures.projectedEnd, T0 + 50 * MIN);
  assert.equal(figures.drift, 0);
});

test('in overtime the drift and the projected end grow with the clock', () => {
  const figures = agendaClock(running(0, T0), T0 + 13 * MIN);
  assert.equal(figures.remaining, -3 * MIN);
  assert.equal(figures.drift, 3 * MIN);
  assert.equal(figures.projectedEnd, T0 + 53 * MIN);
});

test('time taken: the item, and the agenda, end early; past zero is overtime projected to end now', () => {
  let figures = agendaClock(running(0, T0, { adjustMs: -3 * MIN }), T0 + 2 * MIN);
  assert.equal(figures.remaining, 5 * MIN);
  assert.equal(figures.drift, -3 * MIN);
  assert.equal(figures.projectedEnd, T0 + 47 * MIN);
  figures = agendaClock(running(0, T0, { adjustMs: -14 * MIN }), T0 + MIN);
  assert.equal(figures.duration, -4 * MIN);
  assert.equal(figures.remaining, -5 * MIN);
  assert.equal(figures.drift, -9 * MIN); // ends now (+1), nine minutes before its plan (+10)
});

test('paused: the time left is frozen at the pause, the drift grows with the clock', () => {
  const topic = { ...base, status: 'paused', current: 0, startedAt: T0, pausedAt: T0 + 4 * MIN, actuals: { a: { start: T0 } } };
  const figures = agendaClock(topic, T0 + 8 * MIN);
  assert.equal(figures.remaining, 6 * MIN);
  assert.equal(agendaClock(topic, T0 + 30 * MIN).remaining, 6 * MIN);
  assert.equal(figures.drift, 4 * MIN); // now (+8) plus six minutes against a plan of +10
  assert.equal(figures.projectedEnd, T0 + 54 * MIN);
});

test('paused in overtime: the overtime is frozen and the item is projected to end now', () => {
  const topic = { ...base, status: 'paused', current: 0, startedAt: T0, pausedAt: T0 + 12 * MIN, actuals: { a: { start: T0 } } };
  const figures = agendaClock(topic, T0 + 20 * MIN);
  assert.equal(figures.remaining, -2 * MIN);
  assert.equal(figures.drift, 10 * MIN);
  assert.equal(figures.projectedEnd, T0 + 60 * MIN);
});

test('pauses within an item count out of its time', () => {
  const topic = running(0, T0, { pausedMs: 4 * MIN });
  assert.equal(topic.endsAt, T0 + 14 * MIN);
  assert.equal(agendaClock(topic, T0 + 7 * MIN).remaining, 7 * MIN);
});

test('idle: the first item is next, no figures; ended: when the last item ended', () => {
  const idle = agendaView({ ...base, status: 'idle' });
  assert.equal(idle.now, null);
  assert.equal(idle.current, null);
  assert.equal(idle.next, 0);
  assert.equal(idle.nextItem.id, 'a');
  assert.equal(agendaClock(idle, T0), null);
  const ended = agendaView({ ...base, status: 'ended', actuals: { d: { start: T0 + 41 * MIN, end: T0 + 52 * MIN } } });
  assert.equal(ended.now, null);
  assert.equal(ended.nextItem, null);
  assert.equal(ended.endedAt, T0 + 52 * MIN);
  assert.equal(ended.items[3].actualEnd, T0 + 52 * MIN);
  assert.equal(agendaClock(ended, T0 + 60 * MIN), null);
});

test('the clock face: amber in the last minute, red with a sign in overtime, the drift in words', () => {
  let face = agendaFace(running(0, T0), T0 + 9 * MIN + 30_000);
  assert.equal(face.countdown.text, '00:30');
  assert.equal(face.countdown.className, 'countdown warn ');
  assert.equal(face.drift.className, 'drift ontime');
  face = agendaFace(running(0, T0), T0 + 13 * MIN);
  assert.equal(face.countdown.text, '+03:00');
  assert.equal(face.countdown.className, 'countdown over ');
  assert.equal(face.progress.className, 'progress over ');
  assert.equal(face.progress.fraction, 1);
  assert.equal(face.drift.text, 'Chậm 3 phút so với kế hoạch');
  assert.equal(face.drift.className, 'drift late');
  assert.equal(driftText(-65 * MIN), 'Sớm 1 giờ 5 phút so với kế hoạch');
});
