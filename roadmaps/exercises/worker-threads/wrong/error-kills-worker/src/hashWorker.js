// Runs inside each worker thread of the pool (see workerPool.js). It gets one task at a time from
// the pool as a message and answers with one message.
const { parentPort } = require('node:worker_threads');
const { slowHash } = require('./slowHash');

parentPort.on('message', (task) => {
  // WRONG: no try/catch. A throwing slowHash is an uncaught exception: the worker dies, and the pool
  // below rejects the task but does not start a new worker, so the pool shrinks with every error.
  parentPort.postMessage({ digest: slowHash(task.text, task.rounds) });
});
