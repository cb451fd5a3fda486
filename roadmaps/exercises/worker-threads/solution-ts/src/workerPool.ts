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
import { startWorker } from './startWorker';

export const WORKER_FILE = path.join(__dirname, 'hashWorker.ts');

/** A task waiting or running: what to send, and how to settle its promise. */
interface Task extends TaskMessage {
  resolve(digest: string): void;
  reject(err: Error): void;
}

export class WorkerPool {
  readonly size: number;
  #workers = new Set<Worker>();
  #idle: Worker[] = [];
  #queue: Task[] = [];
  /** Each busy worker's current task: its answer can only be for that task. */
  #current = new Map<Worker, Task>();
  #terminated = false;

  constructor(size: number = os.availableParallelism()) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a whole number, 1 or more');
    this.size = size;
    for (let i = 0; i < size; i++) this.#start();
  }

  #start(): void {
    const worker = startWorker(WORKER_FILE);
    worker.on('message', (answer: AnswerMessage) => {
      const task = this.#current.get(worker);
      this.#current.delete(worker);
      this.#idle.push(worker);
      if (task) {
        if (answer.error !== undefined) task.reject(new Error(answer.error));
        else task.resolve(answer.digest);
      }
      this.#dispatch();
    });
    // A crash (not a task that threw: those are answered) fails the task it was running, and a new
    // worker takes its place so the pool keeps its size.
    worker.on('error', (err: Error) => {
      const task = this.#current.get(worker);
      this.#current.delete(worker);
      this.#workers.delete(worker);
      this.#idle = this.#idle.filter((w) => w !== worker);
      task?.reject(err);
      if (!this.#terminated) {
        this.#start();
        this.#dispatch();
      }
    });
    this.#workers.add(worker);
    this.#idle.push(worker);
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.shift()!;
      const task = this.#queue.shift()!;
      this.#current.set(worker, task);
      const message: TaskMessage = { text: task.text, rounds: task.rounds };
      worker.postMessage(message);
    }
  }

  run(text: string, rounds: number): Promise<string> {
    if (this.#terminated) return Promise.reject(new Error('The pool has been terminated'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ text, rounds, resolve, reject });
      this.#dispatch();
    });
  }

  async terminate(): Promise<void> {
    this.#terminated = true;
    const stopped = new Error('The pool was terminated before this task finished');
    for (const task of this.#queue.splice(0)) task.reject(stopped);
    for (const task of this.#current.values()) task.reject(stopped);
    this.#current.clear();
    this.#idle = [];
    const workers = [...this.#workers];
    this.#workers.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
