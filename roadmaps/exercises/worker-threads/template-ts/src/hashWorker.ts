// Runs inside each worker thread of the pool (see workerPool.ts). It gets one task at a time from
// the pool as a message and answers with one message.
import { parentPort } from 'node:worker_threads';
import type { AnswerMessage, TaskMessage } from './messages';
import { slowHash } from './slowHash';

const port = parentPort;
if (!port) throw new Error('hashWorker.ts runs as a worker thread (see startWorker.ts)');

port.on('message', (task: TaskMessage) => {
  // TODO: run slowHash(task.text, task.rounds) and post the answer (an AnswerMessage) back to the
  //   pool with port.postMessage(...): the digest when it worked, the error's message when it threw.
  //   Catch the error: a worker whose handler throws dies, and its task would never be answered.
});
