// Chain of responsibility, Koa style: compose(middleware) returns one function that runs them in order.

/**
 * @param {Array<(ctx: object, next: () => Promise<void>) => unknown>} middleware
 * @returns {(ctx: object, next?: () => unknown) => Promise<void>}
 */
function compose(middleware) {
  if (!Array.isArray(middleware)) throw new TypeError('middleware must be an array');
  for (const fn of middleware) {
    if (typeof fn !== 'function') throw new TypeError('each middleware must be a function');
  }
  return function run(ctx, last) {
    let called = -1;
    function dispatch(i) {
      // WRONG: no guard, so a middleware that calls next() twice runs the rest of the chain twice.
      called = i;
      const fn = i === middleware.length ? last : middleware[i];
      if (!fn) return Promise.resolve();
      try {
        // Promise.resolve turns a sync middleware's return value into a promise; the try turns its
        // throw into a rejection.
        return Promise.resolve(fn(ctx, () => dispatch(i + 1)));
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return dispatch(0);
  };
}

module.exports = { compose };
