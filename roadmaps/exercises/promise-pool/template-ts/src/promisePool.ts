// Runs async tasks, at most `concurrency` at a time, and resolves with their results in the order
// of the tasks (not the order they finished in).
//
//   const pages = await promisePool(
//     urls.map((url) => () => fetch(url).then((res) => res.text())),
//     { concurrency: 4, signal: AbortSignal.timeout(10_000) },
//   );
//
// A task is a function that starts the work and returns a promise (or a plain value). The first task
// to fail rejects the pool with its error, like Promise.all, and no task starts after that. Aborting
// `signal` also stops the pool: no task starts after it, and the pool rejects with `signal.reason`.

/** A function that starts one piece of work. */
export type Task<T> = () => T | PromiseLike<T>;

export interface PoolOptions {
  /** How many tasks may run at once: a positive integer. */
  concurrency: number;
  /** Aborting it stops the pool, which rejects with `signal.reason`. */
  signal?: AbortSignal;
}

export async function promisePool<T>(tasks: readonly Task<T>[], { concurrency, signal }: PoolOptions): Promise<T[]> {
  // TODO 1: throw a RangeError unless concurrency is a positive integer (this is an async function,
  //         so a throw here rejects the promise it returns).
  // TODO 2: if the signal is aborted already, reject with signal.reason before starting anything
  //         (signal?.throwIfAborted() does exactly that).
  // TODO 3: start at most `concurrency` tasks; each time one finishes, start the next one at once.
  //         Store each result at its task's index.
  // TODO 4: when a task fails, reject with its error and start no more tasks.
  // TODO 5: when the signal aborts, reject with signal.reason at once and start no more tasks; take
  //         the 'abort' listener off the signal again when the pool is done.
  //
  // For now this is Promise.all: every task starts at once, and the limit and the signal are ignored.
  return Promise.all(tasks.map((task) => task()));
}
