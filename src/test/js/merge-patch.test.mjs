// Patch frames applied in the pages' topic store (mergePatch, in webroot/js/client.js): RFC 7386
// merge patches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergePatch } from '../../../webroot/js/client.js';

test('members replace, null deletes, nested objects merge member by member, arrays replace whole', () => {
  const held = { status: 'running', current: 2, pausedAt: 5, actuals: { a: { start: 1, end: 2 }, b: { start: 3 } }, items: [1, 2, 3] };
  const patch = { current: 3, pausedAt: null, actuals: { b: { end: 9 }, c: { start: 9 } }, items: [4] };
  assert.deepEqual(mergePatch(held, patch), {
    status: 'running', current: 3, actuals: { a: { start: 1, end: 2 }, b: { start: 3, end: 9 }, c: { start: 9 } }, items: [4],
  });
});

test('changes nothing it was given, and shares what did not change', () => {
  const held = { venue: { name: 'Nhà hát' }, actuals: { a: { start: 1 } } };
  const copy = structuredClone(held);
  const merged = mergePatch(held, { actuals: { a: { end: 2 } } });
  assert.deepEqual(held, copy);
  assert.equal(merged.venue, held.venue);
  assert.notEqual(merged.actuals, held.actuals);
});

test('an object over a value, and a value over an object', () => {
  assert.deepEqual(mergePatch({ now: 7 }, { now: { id: 'b', by: null } }), { now: { id: 'b' } });
  assert.deepEqual(mergePatch({ now: { id: 'a' } }, { now: 7 }), { now: 7 });
});
