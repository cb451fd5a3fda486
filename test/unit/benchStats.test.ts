import * as assert from 'node:assert/strict';
import { formatSpread, quantile, spread } from '../../bench/stats';

describe('bench statistics (median and interquartile range)', () => {
  it('interpolates quantiles between neighbours, like numpy and R type 7', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantile([1, 2, 3, 4], 0.25), 1.75);
    assert.equal(quantile([1, 2, 3, 4], 0.75), 3.25);
    assert.equal(quantile([7], 0.25), 7);
    assert.ok(Number.isNaN(quantile([], 0.5)));
  });

  it('sorts its samples, so the order they were taken in does not matter', () => {
    assert.deepEqual(spread([5, 1, 4, 2, 3]), { median: 3, q1: 2, q3: 4, n: 5 });
  });

  it('prints the median, the IQR and n', () => {
    assert.equal(formatSpread({ median: 94.12, q1: 80.24, q3: 110.3, n: 15 }), '94.1 ms (IQR 80.2–110 ms, n=15)');
    assert.equal(formatSpread({ median: 3, q1: 2, q3: 4.256, n: 5 }), '3.00 ms (IQR 2.00–4.26 ms, n=5)');
  });

  it('shows sub-millisecond medians in µs, the quartiles in the same unit', () => {
    assert.equal(formatSpread({ median: 0.0889, q1: 0.08, q3: 1.2, n: 200 }), '88.9 µs (IQR 80.0–1200 µs, n=200)');
  });
});
