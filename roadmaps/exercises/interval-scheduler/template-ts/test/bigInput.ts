// Runs a function of src/intervals.ts on a big input in a worker thread, and gives up after a time
// limit: an O(n²) solution cannot hold up the test run, and is stopped rather than waited for.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';

const SOURCE = path.join(__dirname, '..', 'src', 'intervals.ts');

/**
 * Calls `fn` (the name of an export) on the input `build` makes in the worker (a function's source
 * text, so the input need not be copied across), and resolves to { ms, result } or { timedOut: true }.
 */
export type BigRun = { timedOut: true } | { timedOut?: false; ms: number; length: number; first: unknown; last: unknown };

export function runBig(fn: 'mergeIntervals' | 'freeSlots', build: string, limitMs: number): Promise<BigRun> {
  const code = `
    require('tsx/cjs'); // the worker compiles src/intervals.ts as the tests do
    const { parentPort } = require('node:worker_threads');
    const lib = require(${JSON.stringify(SOURCE)});
    const args = (${build})();
    const started = performance.now();
    const result = lib[${JSON.stringify(fn)}](...args);
    parentPort.postMessage({ ms: performance.now() - started, length: result.length, first: result[0], last: result[result.length - 1] });
  `;
  return new Promise<BigRun>((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ timedOut: true });
    }, limitMs);
    worker.once('message', (message: BigRun) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (err: Error) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
