// Chain of responsibility, Koa style: compose(middleware) returns one function that runs them in order.

export type Next = () => Promise<void>;
export type Middleware<Ctx> = (ctx: Ctx, next: Next) => unknown;

export function compose<Ctx>(middleware: Middleware<Ctx>[]): (ctx: Ctx, last?: Middleware<Ctx>) => Promise<void> {
  if (!Array.isArray(middleware)) throw new TypeError('middleware must be an array');
  for (const fn of middleware) {
    if (typeof fn !== 'function') throw new TypeError('each middleware must be a function');
  }
  return function run(ctx: Ctx, last?: Middleware<Ctx>): Promise<void> {
    let called = -1;
    function dispatch(i: number): Promise<void> {
      if (i <= called) return Promise.reject(new Error('next() called more than once'));
      called = i;
      const fn = i === middleware.length ? last : middleware[i];
      if (!fn) return Promise.resolve();
      try {
        // Promise.resolve turns a sync middleware's return value into a promise; the try turns its
        // throw into a rejection.
        return Promise.resolve(fn(ctx, () => dispatch(i + 1))).then(() => undefined);
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return dispatch(0);
  };
}
