/**
 * A tiny DataLoader. `load(key)` does not query at once: it waits until the current tick is over,
 * so every load() made meanwhile (one per book in a list, say) lands in one batchFn(keys) call.
 *
 * batchFn(keys) gets each distinct key once and must resolve to an array of the same length, in
 * the same order (null for a key with no value). Results are cached for the loader's lifetime, so
 * create one loader per request: a long-lived cache would serve stale data and leak memory.
 */
function createLoader(batchFn) {
  const cache = new Map(); // key → promise of its value
  let queue = null; // the batch being collected: key → { resolve, reject }

  function dispatch(batch) {
    const keys = [...batch.keys()];
    Promise.resolve()
      .then(() => batchFn(keys))
      .then((values) => {
        if (!Array.isArray(values) || values.length !== keys.length) {
          throw new Error(`batch function must resolve to an array of ${keys.length} values (one per key), got ${describe(values)}`);
        }
        keys.forEach((key, i) => batch.get(key).resolve(values[i]));
      })
      .catch((error) => {
        for (const [key, { reject }] of batch) {
          // WRONG: the rejected promise stays in the cache, so one outage fails every later load() of the key.
          reject(error);
        }
      });
  }

  return {
    load(key) {
      const cached = cache.get(key);
      if (cached) return cached;
      if (!queue) {
        const batch = (queue = new Map());
        // nextTick runs after the code that is running now, and after the promise callbacks that
        // are already queued: time enough for GraphQL to call every resolver of a list.
        process.nextTick(() => {
          queue = null;
          dispatch(batch);
        });
      }
      const batch = queue;
      const promise = new Promise((resolve, reject) => batch.set(key, { resolve, reject }));
      cache.set(key, promise);
      return promise;
    },
  };
}

function describe(values) {
  return Array.isArray(values) ? `${values.length} values` : typeof values;
}

module.exports = { createLoader };
