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
    if (!Number.isInteger(failureThreshold) || failureThreshold < 1) {
      throw new RangeError(`failureThreshold must be a positive integer, got ${String(failureThreshold)}`);
    }
    if (!Number.isFinite(coolDownMs) || coolDownMs <= 0) {
      throw new RangeError(`coolDownMs must be a positive number of milliseconds, got ${String(coolDownMs)}`);
    }
    this.failureThreshold = failureThreshold;
    this.coolDownMs = coolDownMs;
    this.now = now;
    this.failures = 0; // failures in a row while closed
    this.openedAt = null; // when the breaker last opened (a now() reading), or null while closed
    this.trialRunning = false; // half-open: the one trial call is under way
  }

  /** 'closed', 'open' or 'half-open'. Half-open is not an event: it is what open becomes once the cool-down is over. */
  get state() {
    return this.stateAt(this.now());
  }

  stateAt(time) {
    if (!this.openedAt) return 'closed'; // WRONG: an opening at time 0 looks like no opening at all
    return time - this.openedAt >= this.coolDownMs ? 'half-open' : 'open';
  }

  /** Calls `fn` if the breaker allows it and resolves or rejects as it does; otherwise rejects with a CircuitOpenError. */
  async call(fn) {
    // One reading of the clock per decision, so the state and retryAfterMs agree.
    const time = this.now();
    const state = this.stateAt(time);
    if (state === 'open') throw new CircuitOpenError(this.openedAt + this.coolDownMs - time);
    if (state === 'half-open') {
      if (this.trialRunning) throw new CircuitOpenError(0);
      this.trialRunning = true;
      try {
        const result = await fn();
        this.close();
        return result;
      } catch (error) {
        this.open(); // the dependency has not recovered: a whole new cool-down, from now
        throw error;
      } finally {
        this.trialRunning = false;
      }
    }
    try {
      // Awaiting inside the async function also catches a synchronous throw from fn.
      const result = await fn();
      this.failures = 0; // only failures in a row count
      return result;
    } catch (error) {
      this.failures++;
      if (this.failures >= this.failureThreshold) this.open();
      throw error; // the caller sees the dependency's own error, unchanged
    }
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
