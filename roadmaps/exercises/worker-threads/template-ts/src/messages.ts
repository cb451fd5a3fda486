// The messages between the pool and its workers (done for you): plain objects, since messages are
// copied from one thread to the other.

/** From the pool to a worker: one task. */
export interface TaskMessage {
  text: string;
  rounds: number;
}

/** From a worker to the pool: the answer to its current task, the digest or the error's message. */
export type AnswerMessage = { digest: string; error?: undefined } | { error: string; digest?: undefined };
