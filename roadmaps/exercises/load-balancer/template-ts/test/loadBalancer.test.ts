import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LoadBalancer, NoBackendAvailableError, type LoadBalancerOptions } from '../src/loadBalancer';

// No test waits for real time: the balancer reads the time from `now`, a manual clock moved by hand.

function setup(options: LoadBalancerOptions) {
  const clock = { t: 0 };
  const lb = new LoadBalancer({ now: () => clock.t, ...options });
  /** `n` picks, each finished at once with the given outcome, as one string of ids ("aab…"). */
  const picks = (n: number, ok = true) =>
    Array.from({ length: n }, () => {
      const id = lb.pick();
      lb.done(id, ok);
      return id;
    }).join('');
  return { clock, lb, picks };
}

describe('smooth weighted round-robin', () => {
  test('equal weights take turns in the order given', () => {
    const { picks } = setup({ backends: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
    assert.equal(picks(6), 'abcabc');
  });

  test('weights 5, 1, 1 give nginx’s spread-out order a a b a c a a, again and again', () => {
    const { picks } = setup({
      backends: [
        { id: 'a', weight: 5 },
        { id: 'b', weight: 1 },
        { id: 'c', weight: 1 },
      ],
    });
    assert.equal(picks(14), 'aabacaa'.repeat(2), 'the heavy backend should be spread out, not sent five requests in a row');
  });

  test('weights 2 and 1: each backend gets its share in every round', () => {
    const { picks } = setup({
      backends: [
        { id: 'a', weight: 2 },
        { id: 'b', weight: 1 },
      ],
    });
    assert.equal(picks(9), 'abaabaaba');
  });
});

describe('least connections', () => {
  const backends = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  test('each request goes to the backend with the fewest active connections (the first on a tie)', () => {
    const { lb } = setup({ backends, strategy: 'least-connections' });
    assert.deepEqual([lb.pick(), lb.pick(), lb.pick(), lb.pick()], ['a', 'b', 'c', 'a']);
    assert.deepEqual(lb.status('a'), { active: 2, ejected: false });
  });

  test('a finished request releases its connection', () => {
    const { lb } = setup({ backends, strategy: 'least-connections' });
    lb.pick(); // a
    lb.pick(); // b
    lb.pick(); // c
    lb.done('b', true);
    assert.deepEqual(lb.status('b'), { active: 0, ejected: false });
    assert.equal(lb.pick(), 'b', 'b finished its request: it has the fewest connections now');
    lb.done('a', false); // a failed request ends its connection too
    assert.equal(lb.pick(), 'a');
  });
});

describe('passive health checks', () => {
  const backends = [{ id: 'a' }, { id: 'b' }];
  const options: LoadBalancerOptions = { backends, failureThreshold: 3, cooldownMs: 10_000 };

  test('a backend that fails 3 times in a row is ejected; 2 failures are not enough', () => {
    const { lb, picks } = setup(options);
    lb.done(lb.pick(), false); // a
    lb.done(lb.pick(), true); //  b
    lb.done(lb.pick(), false); // a
    lb.done(lb.pick(), true); //  b
    assert.deepEqual(lb.status('a'), { active: 0, ejected: false }, 'two failures: a should still be in');
    lb.done(lb.pick(), false); // a, the third in a row
    assert.equal(lb.status('a').ejected, true, 'three failures in a row: a should be ejected');
    assert.equal(picks(4), 'bbbb');
  });

  test('least connections skips an ejected backend too', () => {
    const { lb, picks } = setup({ ...options, strategy: 'least-connections' });
    for (let i = 0; i < 3; i++) lb.done('a', false);
    assert.equal(picks(3), 'bbb', 'a is ejected: even with the fewest connections it should get nothing');
  });

  test('a success in between starts the count again: failures must be in a row', () => {
    const { lb } = setup({ ...options, backends: [{ id: 'a' }] });
    for (const ok of [false, false, true, false, false]) lb.done(lb.pick(), ok);
    assert.equal(lb.status('a').ejected, false);
  });

  test('after the cool-down an ejected backend is tried again', () => {
    const { clock, lb, picks } = setup(options);
    clock.t = 1000;
    for (let i = 0; i < 3; i++) lb.done('a', false);
    clock.t = 10_999;
    assert.equal(picks(2), 'bb', 'still cooling down');
    clock.t = 11_000; // ejected at 1000, for 10,000 ms
    assert.equal(lb.status('a').ejected, false);
    assert.ok(picks(4).includes('a'), 'the cool-down is over: a should get requests again');
  });

  test('every backend ejected: pick throws a NoBackendAvailableError', () => {
    const { clock, lb } = setup(options);
    for (let i = 0; i < 3; i++) lb.done('a', false);
    for (let i = 0; i < 3; i++) lb.done('b', false);
    assert.throws(
      () => lb.pick(),
      (err: unknown) => err instanceof NoBackendAvailableError && err instanceof Error && err.name === 'NoBackendAvailableError',
    );
    clock.t = 10_000;
    assert.equal(lb.pick(), 'a');
  });
});

describe('options', () => {
  test('invalid options are refused', () => {
    assert.throws(() => new LoadBalancer({ backends: [] }), TypeError);
    assert.throws(() => new LoadBalancer({ backends: [{ id: 'a' }, { id: 'a' }] }), TypeError);
    assert.throws(() => new LoadBalancer({ backends: [{ id: 'a', weight: 0 }] }), RangeError);
    assert.throws(() => new LoadBalancer({ backends: [{ id: 'a' }], strategy: 'random' } as unknown as LoadBalancerOptions), RangeError);
    assert.throws(() => new LoadBalancer({ backends: [{ id: 'a' }], failureThreshold: 0 }), RangeError);
  });
});
