/**
 * A tiny DataLoader: every load() of the same tick lands in one batchFn(keys) call.
 */
function createLoader(batchFn) {
  // WRONG: batches, but keeps no key → promise cache: a key asked twice in a batch is sent twice, and a
  // key loaded before is fetched again.
  let queue = [];

  function dispatch(batch) {
    const keys = batch.map((entry) => entry.key);
    Promise.resolve()
      .then(() => batchFn(keys))
      .then((values) => {
        if (!Array.isArray(values) || values.length !== keys.length) {
          throw new Error(`batch function must resolve to an array of ${keys.length} values, got ${Array.isArray(values) ? values.length : typeof values}`);
        }
        batch.forEach((entry, i) => entry.resolve(values[i]));
      })
      .catch((error) => batch.forEach((entry) => entry.reject(error)));
  }

  return {
    load(key) {
      return new Promise((resolve, reject) => {
        if (queue.length === 0) {
          process.nextTick(() => {
            const batch = queue;
            queue = [];
            dispatch(batch);
          });
        }
        queue.push({ key, resolve, reject });
      });
    },
  };
}

module.exports = { createLoader };
