// The same breaker written as a small state machine: `phase` is one object per state, and it stores
// when the cool-down ends (`until`) rather than when the breaker opened. No async functions: call()
// builds its promise with then(), and calls fn one promise callback later than the reference does.

class CircuitOpenError extends Error {
  constructor(retryAfterMs) {
    super(retryAfterMs > 0 ? `circuit open, retry in ${retryAfterMs} ms` : 'circuit half-open, trial call in progress');
    this.name = 'CircuitOpenError';
    this.retryAfterMs = retryAfterMs;
  }
}

const CLOSED = (failures) => ({ name: 'closed', failures });
const OPEN = (until) => ({ name: 'open', until });
const TRIAL = { name: 'trial' }; // half-open, with the trial call running

class CircuitBreaker {
  constructor(options = {}) {
    const { failureThreshold = 5, coolDownMs = 30_000, now = () => performance.now() } = options;
    if (!(Number.isSafeInteger(failureThreshold) && failureThreshold > 0)) {
      throw new RangeError('failureThreshold: a positive integer, please');
    }
    if (!(typeof coolDownMs === 'number' && coolDownMs > 0 && coolDownMs < Infinity)) {
      throw new RangeError('coolDownMs: a positive number, please');
    }
    this.threshold = failureThreshold;
    this.coolDownMs = coolDownMs;
    this.clock = now;
    this.phase = CLOSED(0);
  }

  get state() {
    switch (this.phase.name) {
      case 'closed':
        return 'closed';
      case 'open':
        return this.clock() < this.phase.until ? 'open' : 'half-open';
      default:
        return 'half-open';
    }
  }

  call(fn) {
    const at = this.clock();
    const phase = this.phase;
    if (phase.name === 'trial') return Promise.reject(new CircuitOpenError(0));
    if (phase.name === 'open' && at < phase.until) return Promise.reject(new CircuitOpenError(phase.until - at));
    const trial = phase.name === 'open';
    if (trial) this.phase = TRIAL;
    return Promise.resolve()
      .then(() => fn())
      .then(
        (value) => {
          if (trial || this.phase.name === 'closed') this.phase = CLOSED(0);
          return value;
        },
        (error) => {
          if (trial) {
            this.phase = OPEN(this.clock() + this.coolDownMs);
          } else if (this.phase.name === 'closed') {
            const failures = this.phase.failures + 1;
            this.phase = failures >= this.threshold ? OPEN(this.clock() + this.coolDownMs) : CLOSED(failures);
          }
          throw error;
        },
      );
  }
}

module.exports = { CircuitBreaker, CircuitOpenError };
