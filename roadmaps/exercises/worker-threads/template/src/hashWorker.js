// Runs inside each worker thread of the pool (see workerPool.js). It gets one task at a time from
// the pool as a message and answers with one message.
const { parentPort } = require('node:worker_threads');
const { slowHash } = require('./slowHash');

parentPort.on('message', (task) => {
  // TODO: run slowHash(task.text, task.rounds) and post the answer back to the pool with
  //   parentPort.postMessage(...): the digest when it worked, the error's message when it threw.
  //   Catch the error: a worker whose handler throws dies, and its task would never be answered.
});
