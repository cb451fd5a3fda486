/**
 * A cache-aside wrapper around an async loader, with stale-while-revalidate.
 *
 * An entry's age counts from the moment its load finished:
 *   age < freshMs                        fresh: served, the loader is not called;
 *   freshMs <= age < freshMs + staleMs   stale: served at once, and one refresh starts in the background;
 *   age >= freshMs + staleMs             expired: treated as a miss, the caller waits for a new load.
 */
class SwrCache {
  #loader;
  #freshMs;
  #staleMs;
  #maxEntries;
  #now;
  /** key -> { value, loadedAt }, least recently used first (a Map keeps insertion order). */
  #entries = new Map();
  /** key -> the promise of the load in flight for it: at most one per key. */
  #inflight = new Map();

  constructor({ loader, freshMs, staleMs = 0, maxEntries = 1000, now = Date.now }) {
    if (typeof loader !== 'function') throw new TypeError('loader must be a function');
    if (typeof now !== 'function') throw new TypeError('now must be a function');
    for (const [name, value] of [
      ['freshMs', freshMs],
      ['staleMs', staleMs],
    ]) {
      if (typeof value !== 'number' || !(value >= 0)) throw new RangeError(`${name} must be a number >= 0`);
    }
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a whole number >= 1');
    this.#loader = loader;
    this.#freshMs = freshMs;
    this.#staleMs = staleMs;
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  /** How many entries the cache holds now. */
  get size() {
    return this.#entries.size;
  }

  /** The value for `key`: from the cache when fresh or stale, otherwise from the loader. */
  get(key) {
    const entry = this.#entries.get(key);
    if (entry) {
      const age = this.#now() - entry.loadedAt;
      if (age < this.#freshMs + this.#staleMs) {
        // Served: it becomes the most recently used entry.
        this.#entries.delete(key);
        this.#entries.set(key, entry);
        if (age >= this.#freshMs && !this.#inflight.has(key)) {
          // Stale: refresh once in the background. If that fails, the stale entry stays, and the
          // next stale hit may try again; nobody is waiting for this promise, so its error is dropped.
          // WRONG: a failed refresh throws the stale entry away, so the next hit waits for the loader.
          this.#load(key).catch(() => this.#entries.delete(key));
        }
        return Promise.resolve(entry.value);
      }
      this.#entries.delete(key); // expired: never served again
    }
    // A miss: join the load in flight for this key, or start one.
    return this.#inflight.get(key) ?? this.#load(key);
  }

  /** Drops the entry for `key` (after the source changed, say); the next get loads it again. */
  delete(key) {
    return this.#entries.delete(key);
  }

  #load(key) {
    // `new Promise` turns a loader that throws synchronously into a rejection too.
    const flight = new Promise((resolve) => resolve(this.#loader(key)))
      .then((value) => {
        this.#store(key, value);
        return value;
      })
      .finally(() => this.#inflight.delete(key)); // a rejection is not stored: the next get tries again
    this.#inflight.set(key, flight);
    return flight;
  }

  #store(key, value) {
    this.#entries.delete(key);
    this.#entries.set(key, { value, loadedAt: this.#now() }); // the age counts from now, when the load finished
    while (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value); // the least recently used
    }
  }
}

module.exports = { SwrCache };
