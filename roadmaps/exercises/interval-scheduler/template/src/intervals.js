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
  // TODO: check each interval with checked() (it also copies it), drop the empty ones, sort by start.
  // TODO: one pass: each interval either extends the last merged one (it overlaps or touches it) or
  //       starts a new one. Which is the only merged interval it can overlap, once they are sorted?
  return [];
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
  // TODO: merge everyone's busy intervals into one list (mergeIntervals does the hard part).
  // TODO: walk it with a cursor that starts at `from`: each gap between the cursor and the next busy
  //       interval is free. Mind the window's edges, and minLength.
  return [];
}

module.exports = { mergeIntervals, freeSlots };
