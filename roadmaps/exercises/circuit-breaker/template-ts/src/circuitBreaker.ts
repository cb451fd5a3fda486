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

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Failures in a row that open the breaker: a positive integer (default 5). */
  failureThreshold?: number;
  /** How long the breaker stays open before it lets a trial call through, in ms (default 30,000). */
  coolDownMs?: number;
  /** The time in milliseconds (default performance.now()). */
  now?: () => number;
}

export class CircuitOpenError extends Error {
  /** How long until the breaker lets a trial call through (0 while a trial is running). */
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number) {
    super(
      retryAfterMs > 0
        ? `the circuit is open: calls fail fast for another ${retryAfterMs} ms`
        : 'the circuit is half-open and its one trial call is still running',
    );
    this.name = 'CircuitOpenError';
    this.retryAfterMs = retryAfterMs;
  }
}

export class CircuitBreaker {
  readonly failureThreshold: number;
  readonly coolDownMs: number;
  private readonly now: () => number;
  /** Failures in a row while closed. */
  private failures = 0;
  /** When the breaker last opened (a now() reading), or null while closed. */
  private openedAt: number | null = null;
  /** Half-open: the one trial call is under way. */
  private trialRunning = false;

  constructor({ failureThreshold = 5, coolDownMs = 30_000, now = () => performance.now() }: CircuitBreakerOptions = {}) {
    // TODO 1: throw a RangeError unless failureThreshold is a positive integer and coolDownMs a
    //         positive, finite number (Number.isInteger, Number.isFinite).
    this.failureThreshold = failureThreshold;
    this.coolDownMs = coolDownMs;
    this.now = now;
  }

  /** Half-open is not an event: it is what open becomes once the cool-down is over. */
  get state(): CircuitState {
    // TODO 2: closed while openedAt is null; otherwise open until coolDownMs have passed since
    //         openedAt (this.now() - this.openedAt >= this.coolDownMs), and half-open from then on.
    return 'closed';
  }

  /** Calls `fn` if the breaker allows it and resolves or rejects as it does; otherwise rejects with a CircuitOpenError. */
  async call<T>(fn: () => T | PromiseLike<T>): Promise<T> {
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

  private open(): void {
    this.openedAt = this.now();
  }

  private close(): void {
    this.openedAt = null;
    this.failures = 0;
  }
}
