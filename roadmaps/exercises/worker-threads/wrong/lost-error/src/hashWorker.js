// Runs inside each worker thread of the pool (see workerPool.js). It gets one task at a time from
// the pool as a message and answers with one message.
const { parentPort } = require('node:worker_threads');
const { slowHash } = require('./slowHash');

parentPort.on('message', (task) => {
  // Every task gets exactly one answer, and a throwing slowHash must not kill the worker.
  try {
    parentPort.postMessage({ digest: slowHash(task.text, task.rounds) });
  } catch (err) {
    // WRONG: the error is only logged; the pool never hears about this task again.
    console.error(err);
  }
});
