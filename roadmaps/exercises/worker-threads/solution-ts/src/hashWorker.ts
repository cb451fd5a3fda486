// Runs inside each worker thread of the pool (see workerPool.ts). It gets one task at a time from
// the pool as a message and answers with one message.
import { parentPort } from 'node:worker_threads';
import type { AnswerMessage, TaskMessage } from './messages';
import { slowHash } from './slowHash';

const port = parentPort;
if (!port) throw new Error('hashWorker.ts runs as a worker thread (see startWorker.ts)');

port.on('message', (task: TaskMessage) => {
  // Every task gets exactly one answer, and a throwing slowHash must not kill the worker.
  let answer: AnswerMessage;
  try {
    answer = { digest: slowHash(task.text, task.rounds) };
  } catch (err) {
    answer = { error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(answer);
});
