// Chain of responsibility, Koa style: compose(middleware) returns one function that runs them in order.

/**
 * @param {Array<(ctx: object, next: () => Promise<void>) => unknown>} middleware
 * @returns {(ctx: object, next?: () => unknown) => Promise<void>}
 */
function compose(middleware) {
  if (!Array.isArray(middleware)) throw new TypeError('middleware must be an array');
  // TODO: refuse (TypeError) any entry that is not a function, now rather than mid-request.
  return function run(ctx, last) {
    // TODO: dispatch(i) runs middleware[i] with (ctx, next), where next() is dispatch(i + 1).
    //   - After the last middleware comes `last` (if given); after that, next() resolves at once.
    //   - Always return a promise: a sync middleware returns a plain value, or throws (that throw must
    //     become a rejected promise, not an exception from run()).
    //   - Remember the highest i dispatched: a middleware calling next() a second time gets a
    //     promise rejected with Error('next() called more than once').
    return Promise.resolve();
  };
}

module.exports = { compose };
