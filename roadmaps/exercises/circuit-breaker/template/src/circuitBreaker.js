// A circuit breaker stands between your code and a dependency that may fail (an HTTP API, a database).
//
//   closed     calls go through. `failureThreshold` failures in a row open the breaker.
//   open       calls fail at once with a CircuitOpenError, and the dependency is left alone, until
//              `coolDownMs` have passed since the breaker opened.
//   half-open  one trial call goes through (other calls fail fast meanwhile). If it succeeds the breaker
//              closes; if it fails the breaker opens again for a whole new cool-down.
//
//   const breaker = new CircuitBreaker({ failureThreshold: 5, coolDownMs: 30_000 });
//   const user = await breaker.call(() => fetchUser(id));
//
// The time comes from `now()` (milliseconds), never from the system clock directly, so tests can move
// it by hand.

class CircuitOpenError extends Error {
  /** `retryAfterMs`: how long until the breaker lets a trial call through (0 while a trial is running). */
  constructor(retryAfterMs) {
    super(
      retryAfterMs > 0
        ? `the circuit is open: calls fail fast for another ${retryAfterMs} ms`
        : 'the circuit is half-open and its one trial call is still running',
    );
    this.name = 'CircuitOpenError';
    this.retryAfterMs = retryAfterMs;
  }
}

class CircuitBreaker {
  constructor({ failureThreshold = 5, coolDownMs = 30_000, now = () => performance.now() } = {}) {
    // TODO 1: throw a RangeError unless failureThreshold is a positive integer and coolDownMs a
    //         positive, finite number (Number.isInteger, Number.isFinite).
    this.failureThreshold = failureThreshold;
    this.coolDownMs = coolDownMs;
    this.now = now;
    this.failures = 0; // failures in a row while closed
    this.openedAt = null; // when the breaker last opened (a now() reading), or null while closed
    this.trialRunning = false; // half-open: the one trial call is under way
  }

  /** 'closed', 'open' or 'half-open'. Half-open is not an event: it is what open becomes once the cool-down is over. */
  get state() {
    // TODO 2: closed while openedAt is null; otherwise open until coolDownMs have passed since
    //         openedAt (this.now() - this.openedAt >= this.coolDownMs), and half-open from then on.
    return 'closed';
  }

  /** Calls `fn` if the breaker allows it and resolves or rejects as it does; otherwise rejects with a CircuitOpenError. */
  async call(fn) {
    // TODO 3: open: reject with new CircuitOpenError(ms left of the cool-down), without calling fn.
    // TODO 4: closed: call fn. A success sets this.failures back to 0; a failure adds one, and
    //         reaching failureThreshold opens the breaker (this.open()). Either way the caller gets
    //         fn's own result or error.
    // TODO 5: half-open: the first call is the trial (set this.trialRunning while it runs; other
    //         calls meanwhile get new CircuitOpenError(0)). A success closes the breaker
    //         (this.close()); a failure opens it again, from now.
    //
    // For now every call goes straight through: this breaker never opens.
    return fn();
  }

  open() {
    this.openedAt = this.now();
  }

  close() {
    this.openedAt = null;
    this.failures = 0;
  }
}

module.exports = { CircuitBreaker, CircuitOpenError };
