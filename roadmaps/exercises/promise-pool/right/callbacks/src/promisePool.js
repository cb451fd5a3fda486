// The same pool without async functions or workers: one promise settled by hand, a counter of running
// tasks, and a launch() that fills free slots each time a task finishes.
function promisePool(tasks, { concurrency, signal } = {}) {
  return new Promise((resolve, reject) => {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      reject(new RangeError(`concurrency must be a positive integer, got ${String(concurrency)}`));
      return;
    }
    if (signal && signal.aborted) {
      reject(signal.reason);
      return;
    }
    const results = new Array(tasks.length);
    let next = 0;
    let running = 0;
    let settled = false;

    function onAbort() {
      finish(reject, signal.reason);
    }
    function finish(settle, value) {
      if (settled) return;
      settled = true;
      if (signal) signal.removeEventListener('abort', onAbort);
      settle(value);
    }
    function launch() {
      if (settled) return;
      if (next === tasks.length && running === 0) {
        finish(resolve, results);
        return;
      }
      while (running < concurrency && next < tasks.length) {
        const index = next++;
        running++;
        // Calling the task inside then() turns a synchronous throw into a rejection, and a plain
        // value into a fulfilled promise.
        Promise.resolve()
          .then(() => tasks[index]())
          .then(
            (value) => {
              results[index] = value;
              running--;
              launch();
            },
            (error) => finish(reject, error),
          );
      }
    }

    if (signal) signal.addEventListener('abort', onAbort);
    launch();
  });
}

module.exports = { promisePool };
