// Chain of responsibility, Koa style: compose(middleware) returns one function that runs them in order.

export type Next = () => Promise<void>;
export type Middleware<Ctx> = (ctx: Ctx, next: Next) => unknown;

export function compose<Ctx>(middleware: Middleware<Ctx>[]): (ctx: Ctx, last?: Middleware<Ctx>) => Promise<void> {
  if (!Array.isArray(middleware)) throw new TypeError('middleware must be an array');
  // TODO: refuse (TypeError) any entry that is not a function, now rather than mid-request.
  return function run(ctx: Ctx, last?: Middleware<Ctx>): Promise<void> {
    // TODO: dispatch(i) runs middleware[i] with (ctx, next), where next() is dispatch(i + 1).
    //   - After the last middleware comes `last` (if given); after that, next() resolves at once.
    //   - Always return a promise: a sync middleware returns a plain value, or throws (that throw must
    //     become a rejected promise, not an exception from run()).
    //   - Remember the highest i dispatched: a middleware calling next() a second time gets a
    //     promise rejected with Error('next() called more than once').
    return Promise.resolve();
  };
}
