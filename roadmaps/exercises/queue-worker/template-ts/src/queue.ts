// An in-process job queue: a handler runs each job, at most `concurrency` at once; a failing job
// is retried with exponential backoff, and after `maxAttempts` failures it becomes a dead letter.
//
//   const queue = createQueue({ handler: async (data, { id, attempt }) => ..., concurrency: 2 });
//   queue.add({ email: 'ada@example.com' });
//   await queue.drain();            // every job has completed or is a dead letter
//   queue.completed, queue.deadLetters

/** What the handler learns about the job besides its data. */
export interface JobInfo {
  id: number;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
}

export type Handler<T, R> = (data: T, info: JobInfo) => Promise<R> | R;

export interface QueueOptions<T, R> {
  handler: Handler<T, R>;
  concurrency?: number;
  maxAttempts?: number;
  backoffMs?: number;
}

export interface Completed<T, R> {
  id: number;
  data: T;
  attempts: number;
  result: R;
}

export interface DeadLetter<T> {
  id: number;
  data: T;
  attempts: number;
  /** The error of the last attempt: whatever the handler threw, so not necessarily an Error. */
  error: unknown;
}

export interface Queue<T, R> {
  add(data: T): number;
  drain(): Promise<void>;
  readonly completed: Completed<T, R>[];
  readonly deadLetters: DeadLetter<T>[];
}

interface Job<T> {
  id: number;
  data: T;
  attempts: number;
}

export function createQueue<T, R = unknown>({ handler, concurrency = 1, maxAttempts = 3, backoffMs = 100 }: QueueOptions<T, R>): Queue<T, R> {
  const waiting: Job<T>[] = []; // jobs ready to run, oldest first
  const completed: Completed<T, R>[] = [];
  const deadLetters: DeadLetter<T>[] = [];
  let running = 0; // handlers in flight
  let scheduled = 0; // failed jobs waiting for their backoff timer before the next attempt
  let nextId = 1;
  let idleWaiters: Array<() => void> = [];

  function add(data: T): number {
    const job: Job<T> = { id: nextId++, data, attempts: 0 };
    waiting.push(job);
    pump();
    return job.id;
  }

  function pump(): void {
    // TODO: start jobs only while fewer than `concurrency` are running.
    // (Right now every waiting job starts at once.)
    while (waiting.length > 0) {
      void run(waiting.shift()!);
    }
    settleIfIdle();
  }

  async function run(job: Job<T>): Promise<void> {
    job.attempts++;
    running++;
    try {
      const result = await handler(job.data, { id: job.id, attempt: job.attempts });
      completed.push({ id: job.id, data: job.data, attempts: job.attempts, result });
    } catch (error) {
      // TODO: retry. While job.attempts < maxAttempts, wait backoffMs * 2 ** (job.attempts - 1)
      // (count it in `scheduled` meanwhile, so drain() keeps waiting), then put the job back in
      // `waiting` and pump(). Only the last failed attempt makes it a dead letter.
      deadLetters.push({ id: job.id, data: job.data, attempts: job.attempts, error });
    } finally {
      running--;
      pump(); // a slot is free: start the next job
    }
  }

  // Resolves once nothing is waiting, running or scheduled for a retry.
  function drain(): Promise<void> {
    return new Promise((resolve) => {
      idleWaiters.push(resolve);
      settleIfIdle();
    });
  }

  function settleIfIdle(): void {
    if (waiting.length > 0 || running > 0 || scheduled > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return { add, drain, completed, deadLetters };
}
