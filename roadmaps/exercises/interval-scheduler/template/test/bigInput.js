// Runs a function of src/intervals.js on a big input in a worker thread, and gives up after a time
// limit: an O(n²) solution cannot hold up the test run, and is stopped rather than waited for.
const { Worker } = require('node:worker_threads');
const path = require('node:path');

const SOURCE = path.join(__dirname, '..', 'src', 'intervals');

/**
 * Calls `fn` (the name of an export) on the input `build` makes in the worker (a function's source
 * text, so the input need not be copied across), and resolves to { ms, result } or { timedOut: true }.
 */
function runBig(fn, build, limitMs) {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const lib = require(${JSON.stringify(SOURCE)});
    const args = (${build})();
    const started = performance.now();
    const result = lib[${JSON.stringify(fn)}](...args);
    parentPort.postMessage({ ms: performance.now() - started, length: result.length, first: result[0], last: result[result.length - 1] });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ timedOut: true });
    }, limitMs);
    worker.once('message', (message) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

module.exports = { runBig };
