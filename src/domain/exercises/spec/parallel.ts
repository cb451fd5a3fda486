// Concurrent HTTP requests in a behavioural spec: a `parallel` step sends all its requests before any
// answer is read, so a program that reads, decides and writes without locking (a lost update, an
// overdraft, locks taken in different orders) is caught in the act, not by luck of timing.
import type { HttpStep, ParallelStep } from './schema';

/** Undefined when every response matched; otherwise how many did not, and the first one's failure. */
export async function runParallelStep(
  step: ParallelStep,
  runHttp: (request: HttpStep) => Promise<string | undefined>,
): Promise<string | undefined> {
  const requests = Array.from({ length: step.times ?? 1 }, () => step.parallel).flat();
  // Each call starts its request before it awaits anything, so all of them are in flight together.
  const failures = (await Promise.all(requests.map((request) => runHttp(request)))).filter((f): f is string => f !== undefined);
  if (failures.length === 0) return undefined;
  return [
    `${failures.length} of ${requests.length} requests sent at the same time did not get the expected answer.`,
    ...(step.why ? [`  ${step.why}`] : []),
    `The first of them:`,
    failures[0],
  ].join('\n');
}
