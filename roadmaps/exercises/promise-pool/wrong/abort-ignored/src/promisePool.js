// Runs async tasks, at most `concurrency` at a time, and resolves with their results in the order
// of the tasks (not the order they finished in).
//
//   const pages = await promisePool(
//     urls.map((url) => () => fetch(url).then((res) => res.text())),
//     { concurrency: 4, signal: AbortSignal.timeout(10_000) },
//   );
//
// A task is a function that starts the work and returns a promise (or a plain value). The first task
// to fail rejects the pool with its error, like Promise.all, and no task starts after that. Aborting
// `signal` also stops the pool: no task starts after it, and the pool rejects with `signal.reason`.
async function promisePool(tasks, { concurrency, signal } = {}) {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${String(concurrency)}`);
  }
  // WRONG: the signal is never looked at, so aborting changes nothing.

  const results = new Array(tasks.length);
  let next = 0; // the index of the next task to start
  let stopped = false; // a task failed or the signal aborted: start nothing more

  // A worker runs one task at a time, taking the next one as soon as its own has finished. With
  // `concurrency` workers, that many tasks run at once, and a free slot is filled at once.
  async function worker() {
    while (!stopped && next < tasks.length) {
      const index = next++;
      try {
        // `await` takes a plain value as well as a promise; a task that throws before returning a
        // promise is caught here too, since the call happens inside this async function.
        results[index] = await tasks[index]();
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  }

  let onAbort;
  const aborted = new Promise((_, reject) => {
    onAbort = () => {
      stopped = true;
      reject(signal.reason);
    };
  });
  try {
    const workers = Array.from({ length: Math.min(concurrency, tasks.length) }, () => worker());
    // Whichever comes first: every worker done, a task failing, or the abort. Tasks still running
    // after a failure or an abort are not awaited (a promise cannot be cancelled from outside); their
    // outcomes are ignored, and Promise.all has already handled their rejections.
    await Promise.race([Promise.all(workers), aborted]);
    return results;
  } finally {
    // The caller may reuse the signal for a long time: don't leave a listener on it for every pool.
    signal?.removeEventListener('abort', onAbort);
  }
}

module.exports = { promisePool };
