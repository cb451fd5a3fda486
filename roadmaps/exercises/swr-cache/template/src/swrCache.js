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
    // TODO: look the entry up and work out its age with this.#now().
    // TODO: fresh or stale: move it to the most recently used end, return Promise.resolve(value), and
    //       when stale start ONE background refresh (unless a load for this key is already in flight);
    //       its failure must keep the stale entry and must not become an unhandled rejection.
    // TODO: expired or missing: return the load in flight for this key, or start one with #load.
    throw new Error('TODO: get');
  }

  /** Drops the entry for `key` (after the source changed, say); the next get loads it again. */
  delete(key) {
    return this.#entries.delete(key);
  }

  /** Calls the loader once for `key`, records the flight in #inflight, stores the value on success. */
  #load(key) {
    // TODO: call this.#loader(key) (a loader that throws should give a rejected promise too);
    // TODO: on success store the value (#store) and resolve to it; on failure store nothing;
    // TODO: either way remove the key from #inflight when done. Set #inflight before returning.
    throw new Error('TODO: #load');
  }

  #store(key, value) {
    // TODO: store { value, loadedAt } (when is "loaded"?), as the most recently used entry, then drop
    //       least recently used entries while there are more than #maxEntries.
    throw new Error('TODO: #store');
  }
}

module.exports = { SwrCache };
