const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { mergeIntervals, freeSlots } = require('../src/intervals');
const { runBig } = require('./bigInput');

describe('mergeIntervals', () => {
  test('no intervals: nothing to merge', () => {
    assert.deepEqual(mergeIntervals([]), []);
  });

  test('one interval comes back as it was', () => {
    assert.deepEqual(mergeIntervals([[540, 600]]), [[540, 600]]);
  });

  test('overlapping intervals become one', () => {
    assert.deepEqual(mergeIntervals([[1, 5], [3, 8]]), [[1, 8]]);
  });

  test('touching intervals become one: [1, 3) and [3, 5) leave no gap', () => {
    assert.deepEqual(mergeIntervals([[1, 3], [3, 5]]), [[1, 5]]);
  });

  test('intervals with a gap stay apart', () => {
    assert.deepEqual(mergeIntervals([[1, 3], [4, 5]]), [[1, 3], [4, 5]]);
  });

  test('an interval inside another is swallowed, and the outer end is kept', () => {
    assert.deepEqual(mergeIntervals([[1, 10], [2, 3], [4, 5]]), [[1, 10]]);
  });

  test('unsorted input comes back sorted by start', () => {
    assert.deepEqual(mergeIntervals([[8, 9], [1, 2], [5, 6], [2, 4]]), [[1, 4], [5, 6], [8, 9]]);
  });

  test('empty intervals ([5, 5)) are dropped', () => {
    assert.deepEqual(mergeIntervals([[5, 5], [1, 2]]), [[1, 2]]);
  });

  test("the caller's array and intervals are left as they were", () => {
    const input = [[5, 7], [1, 6]];
    const copy = structuredClone(input);
    mergeIntervals(input);
    assert.deepEqual(input, copy);
  });

  test('invalid input is refused', () => {
    assert.throws(() => mergeIntervals([[5, 1]]), RangeError);
    assert.throws(() => mergeIntervals([[1.5, 2]]), TypeError);
    assert.throws(() => mergeIntervals([[1, 2, 3]]), TypeError);
    assert.throws(() => mergeIntervals('[[1, 2]]'), TypeError);
  });
});

describe('freeSlots', () => {
  const window = { from: 540, to: 1020 }; // 09:00 to 17:00, in minutes

  test('nobody busy: the whole window is free', () => {
    assert.deepEqual(freeSlots([[], []], window), [[540, 1020]]);
    assert.deepEqual(freeSlots([], window), [[540, 1020]]);
  });

  test('the gaps between everyone’s meetings, in order', () => {
    const alice = [[600, 660], [780, 840]];
    const bob = [[630, 700], [900, 960]];
    assert.deepEqual(freeSlots([alice, bob], window), [[540, 600], [700, 780], [840, 900], [960, 1020]]);
  });

  test('meetings that start before or end after the window are cut to it', () => {
    assert.deepEqual(freeSlots([[[480, 570], [1000, 1100]]], window), [[570, 1000]]);
  });

  test('a window with no room left has no free slots', () => {
    assert.deepEqual(freeSlots([[[500, 800]], [[800, 1100]]], window), []);
  });

  test('slots shorter than minLength are left out; exactly minLength is kept', () => {
    const busy = [[[560, 600], [630, 700]]];
    assert.deepEqual(freeSlots(busy, { ...window, minLength: 30 }), [[600, 630], [700, 1020]]);
    assert.deepEqual(freeSlots(busy, { ...window, minLength: 31 }), [[700, 1020]]);
  });

  test('a short meeting inside someone else’s longer one frees nothing', () => {
    assert.deepEqual(freeSlots([[[600, 720]], [[610, 630]]], window), [[540, 600], [720, 1020]]);
  });

  test('touching meetings leave no slot between them', () => {
    assert.deepEqual(freeSlots([[[600, 660]], [[660, 720]]], window), [[540, 600], [720, 1020]]);
  });
});

describe('big inputs, where O(n²) is too slow (each run stops after 10 s)', () => {
  const LIMIT_MS = 10_000;

  test('200,000 separate intervals in random order', async () => {
    // Never touching: [0, 2), [3, 5), … shuffled (a fixed shuffle, so every run is the same).
    const build = `() => {
      const n = 200000, list = [];
      for (let i = 0; i < n; i++) list.push([i * 3, i * 3 + 2]);
      let seed = 42;
      for (let i = n - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const j = seed % (i + 1);
        [list[i], list[j]] = [list[j], list[i]];
      }
      return [list];
    }`;
    const run = await runBig('mergeIntervals', build, LIMIT_MS);
    assert.ok(!run.timedOut, `mergeIntervals took more than ${LIMIT_MS / 1000} s for 200,000 intervals: is it O(n²)?`);
    assert.deepEqual([run.length, run.first, run.last], [200000, [0, 2], [599997, 599999]]);
  });

  test('200,000 overlapping intervals, and the free slots of 100 calendars', async () => {
    const build = `() => {
      const calendars = [];
      for (let c = 0; c < 100; c++) {
        const busy = [];
        for (let i = 0; i < 2000; i++) busy.push([(i * 100 + c) * 5, (i * 100 + c) * 5 + 7]);
        calendars.push(busy.reverse());
      }
      return [calendars, { from: 0, to: 2000000 }];
    }`;
    const run = await runBig('freeSlots', build, LIMIT_MS);
    assert.ok(!run.timedOut, `freeSlots took more than ${LIMIT_MS / 1000} s for 200,000 busy intervals: is it O(n²)?`);
    // Each calendar's meeting starts 5 minutes after the previous calendar's, and lasts 7: one long
    // busy stretch from 0 to 1,000,002 (the last start, 999,995, plus 7), then free until 2,000,000.
    assert.deepEqual([run.length, run.first], [1, [1000002, 2000000]]);
  });
});
