// Starts a worker thread that runs a TypeScript file (done for you). The main thread runs under tsx,
// but a worker does not inherit that loader, so the worker first registers tsx, then loads the file.
// (In plain JavaScript this is just `new Worker(file)`.)
import { Worker } from 'node:worker_threads';

export function startWorker(file: string): Worker {
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true });
}
