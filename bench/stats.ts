// Spread of timing samples for npm run bench: median and interquartile range, so one row shows
// how much to trust its number.

export interface Spread {
  median: number;
  /** First and third quartiles: half of the samples lie between them. */
  q1: number;
  q3: number;
  n: number;
}

/** The p-quantile of ascending `sorted`, interpolating between neighbours (R's type 7, numpy's default). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (at - lo);
}

export function spread(samples: readonly number[]): Spread {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), q1: quantile(s, 0.25), q3: quantile(s, 0.75), n: s.length };
}

/** A duration in one unit: µs below 1 ms; fewer decimals as numbers grow. */
function inUnit(ms: number, unit: 'µs' | 'ms'): string {
  const v = unit === 'µs' ? ms * 1000 : ms;
  return v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2);
}

/** `94.1 ms (IQR 80.2–110 ms, n=15)`: the unit is chosen by the median and shared by all three numbers. */
export function formatSpread(s: Spread): string {
  const unit = s.median < 1 ? 'µs' : 'ms';
  return `${inUnit(s.median, unit)} ${unit} (IQR ${inUnit(s.q1, unit)}–${inUnit(s.q3, unit)} ${unit}, n=${s.n})`;
}
