// Busy intervals and free slots, the classic interview problem done properly. An interval is
// [start, end): start included, end excluded, both whole numbers (minutes since midnight, say).

/** Checks one interval and returns a copy, so the caller's arrays are never changed. */
export type Interval = [start: number, end: number];

function checked(interval: unknown, where: string): Interval {
  if (!Array.isArray(interval) || interval.length !== 2) throw new TypeError(`${where}: an interval is [start, end]`);
  const [start, end] = interval as number[];
  if (!Number.isInteger(start) || !Number.isInteger(end)) throw new TypeError(`${where}: start and end must be whole numbers`);
  if (end < start) throw new RangeError(`${where}: end ${end} is before start ${start}`);
  return [start, end];
}

/**
 * Merges overlapping and touching intervals (given in any order). Returns new intervals sorted by
 * start, none of them empty, no two overlapping or touching. O(n log n) time (the sort), O(n) extra space.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  if (!Array.isArray(intervals)) throw new TypeError('intervals must be an array');
  // TODO: check each interval with checked() (it also copies it), drop the empty ones, sort by start.
  // TODO: one pass: each interval either extends the last merged one (it overlaps or touches it) or
  //       starts a new one. Which is the only merged interval it can overlap, once they are sorted?
  return [];
}

export interface Window {
  from: number;
  to: number;
  /** The shortest slot worth returning (1 if not given). */
  minLength?: number;
}

/**
 * The free slots within [from, to) across several calendars (each a list of busy intervals): the
 * times when nobody is busy, at least `minLength` long, in order. O(n log n) for n busy intervals in all.
 */
export function freeSlots(calendars: readonly (readonly Interval[])[], { from, to, minLength = 1 }: Window): Interval[] {
  if (!Array.isArray(calendars)) throw new TypeError('calendars must be an array');
  checked([from, to], 'the window');
  if (!Number.isInteger(minLength) || minLength < 1) throw new RangeError('minLength must be a whole number, 1 or more');
  // TODO: merge everyone's busy intervals into one list (mergeIntervals does the hard part).
  // TODO: walk it with a cursor that starts at `from`: each gap between the cursor and the next busy
  //       interval is free. Mind the window's edges, and minLength.
  return [];
}
