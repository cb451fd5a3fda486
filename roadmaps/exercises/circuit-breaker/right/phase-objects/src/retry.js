// The same retries without async/await or a loop: each failure schedules the next attempt with then().
const { CircuitOpenError } = require('./circuitBreaker');

function backoffDelay(attempt, options) {
  const exponential = options.baseMs * Math.pow(2, attempt);
  const ceiling = exponential > options.capMs ? options.capMs : exponential;
  return (options.random ?? Math.random)() * ceiling;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retry(fn, options = {}) {
  const { retries = 3, baseMs = 100, capMs = 10_000, random = Math.random, sleep: wait = sleep, shouldRetry = () => true } = options;
  if (!Number.isInteger(retries) || retries < 0) return Promise.reject(new RangeError('retries: 0 or more, a whole number'));
  if (!(baseMs > 0 && baseMs < Infinity) || typeof baseMs !== 'number') return Promise.reject(new RangeError('baseMs: a positive number'));
  if (!(capMs >= baseMs && capMs < Infinity) || typeof capMs !== 'number') return Promise.reject(new RangeError('capMs: at least baseMs'));

  const attempt = (n) =>
    new Promise((resolve) => resolve(fn())).catch((error) => {
      const giveUp = error instanceof CircuitOpenError || n === retries || !shouldRetry(error);
      if (giveUp) throw error;
      return Promise.resolve(wait(backoffDelay(n, { baseMs, capMs, random }))).then(() => attempt(n + 1));
    });
  return attempt(0);
}

module.exports = { backoffDelay, retry, sleep };
