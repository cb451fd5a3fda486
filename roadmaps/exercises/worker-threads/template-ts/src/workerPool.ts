// A fixed pool of worker threads that run slowHash off the main thread.
//
//   const pool = new WorkerPool(2);            // starts 2 workers running hashWorker.ts
//   const digest = await pool.run('hello', 1000);
//   await pool.terminate();                    // stops them; the pool cannot be used afterwards
//
// Each worker runs one task at a time. Tasks wait in a queue (first in, first out) until a worker is
// idle. A task that throws rejects its own promise only, and the worker carries on with the next.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { AnswerMessage, TaskMessage } from './messages';
import { slowHash } from './slowHash';
import { startWorker } from './startWorker';

export const WORKER_FILE = path.join(__dirname, 'hashWorker.ts');

/** A task waiting or running: what to send, and how to settle its promise. */
interface Task extends TaskMessage {
  resolve(digest: string): void;
  reject(err: Error): void;
}

export class WorkerPool {
  readonly size: number;

  constructor(size: number = os.availableParallelism()) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a whole number, 1 or more');
    this.size = size;
    // TODO: start `size` workers now: startWorker(WORKER_FILE). Listen to each one's 'message' (the
    //   AnswerMessage to its current task) and 'error' (it crashed: reject its task, replace it).
  }

  /**
   * Resolves with slowHash(text, rounds), computed in a worker; rejects with an Error carrying the
   * worker's message when slowHash throws.
   */
  run(text: string, rounds: number): Promise<string> {
    // TODO: this blocks the main thread for as long as the hash takes. Instead, queue the task and
    //   hand it to an idle worker (postMessage); settle its promise when that worker answers, then
    //   give the worker the next waiting task. After terminate(), reject at once.
    return new Promise((resolve, reject) => {
      try {
        resolve(slowHash(text, rounds));
      } catch (err) {
        reject(err);
      }
    });
  }

  /**
   * Stops every worker (worker.terminate()) and resolves when they have stopped. Tasks still
   * waiting or running reject with an Error; run() rejects from now on.
   */
  async terminate(): Promise<void> {
    // TODO
  }
}

