import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { compose, type Middleware } from '../src/compose';

type Ctx = Record<string, any>;

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Waits for `promise`, failing after one second if it never settles (a hung chain). */
function settles(promise: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('the chain never finished: does the last next() resolve?')), 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('order', () => {
  test('onion order: code after await next() runs in reverse', async () => {
    const log: string[] = [];
    const run = compose<Ctx>([
      async (ctx, next) => {
        log.push('a in');
        await next();
        log.push('a out');
      },
      async (ctx, next) => {
        log.push('b in');
        await tick();
        await next();
        log.push('b out');
      },
      async () => {
        log.push('c');
      },
    ]);
    await settles(run({}));
    assert.deepEqual(log, ['a in', 'b in', 'c', 'b out', 'a out']);
  });

  test('every middleware gets the same ctx', async () => {
    const ctx: Ctx = { steps: [] };
    await compose<Ctx>([
      (c, next) => {
        c.steps.push(1);
        return next();
      },
      (c) => {
        c.steps.push(2);
      },
    ])(ctx);
    assert.deepEqual(ctx.steps, [1, 2]);
  });

  test('a middleware that does not call next stops the chain', async () => {
    const log: string[] = [];
    await compose<Ctx>([
      async (ctx, next) => {
        log.push('a');
        await next();
      },
      async () => {
        log.push('b, answers without next');
      },
      async () => {
        log.push('c, must not run');
      },
    ])({});
    assert.deepEqual(log, ['a', 'b, answers without next']);
  });

  test('no middleware: resolves; the last next() resolves too', async () => {
    await settles(compose([])({}));
    let after = false;
    await settles(
      compose<Ctx>([
        async (ctx, next) => {
          await next();
          after = true;
        },
      ])({}),
    );
    assert.equal(after, true);
  });

  test('a final handler passed to the composed function runs after the last middleware', async () => {
    const log: string[] = [];
    await compose<Ctx>([
      async (ctx, next) => {
        log.push('mw');
        await next();
      },
    ])({}, async () => log.push('final'));
    assert.deepEqual(log, ['mw', 'final']);
  });
});

describe('sync and async', () => {
  test('sync middleware works, and the result is always a promise', async () => {
    const log: string[] = [];
    const result = compose<Ctx>([
      (ctx, next) => {
        log.push('sync in');
        next();
        log.push('sync out');
      },
      () => {
        log.push('inner');
      },
    ])({});
    assert.ok(result instanceof Promise, 'the composed function returns a promise');
    await result;
    assert.deepEqual(log, ['sync in', 'inner', 'sync out']);
  });

  test('a sync throw becomes a rejection, not an exception from the call', async () => {
    const run = compose<Ctx>([
      () => {
        throw new Error('sync boom');
      },
    ]);
    let promise: Promise<void> | undefined;
    assert.doesNotThrow(() => {
      promise = run({});
    }, 'compose(...)(ctx) must not throw: it must return a rejected promise');
    await assert.rejects(promise!, /sync boom/);
  });
});

describe('errors', () => {
  test('an error thrown deep down reaches the caller', async () => {
    const run = compose<Ctx>([
      async (ctx, next) => {
        await next();
      },
      async () => {
        await tick();
        throw new Error('database down');
      },
    ]);
    await assert.rejects(run({}), /database down/);
  });

  test('an earlier middleware can catch the error, and the caller sees success', async () => {
    const ctx: Ctx = {};
    await compose<Ctx>([
      async (c, next) => {
        try {
          await next();
        } catch (err) {
          c.status = 500;
          c.body = `caught: ${(err as Error).message}`;
        }
      },
      async (c, next) => {
        await next();
      },
      () => {
        throw new Error('sync deep');
      },
    ])(ctx);
    assert.deepEqual(ctx, { status: 500, body: 'caught: sync deep' });
  });

  test('calling next() twice rejects', async () => {
    let innerRuns = 0;
    const run = compose<Ctx>([
      async (ctx, next) => {
        await next();
        await next();
      },
      async () => {
        innerRuns += 1;
      },
    ]);
    await assert.rejects(run({}), /more than once/);
    assert.equal(innerRuns, 1, 'the next middleware ran a second time');
  });

  test('the composed function can run again with a fresh ctx', async () => {
    const run = compose<Ctx>([
      async (ctx, next) => {
        ctx.n += 1;
        await next();
      },
      async (ctx) => {
        ctx.n += 10;
      },
    ]);
    const a = { n: 0 };
    const b = { n: 100 };
    await run(a);
    await run(b);
    assert.deepEqual([a.n, b.n], [11, 111]);
  });

  test('a list that is not of functions is refused at compose time', () => {
    assert.throws(() => compose('nope' as unknown as Middleware<Ctx>[]), TypeError);
    assert.throws(() => compose([async () => {}, 42 as unknown as Middleware<Ctx>]), TypeError);
  });
});
