// Runs inside code-server's extension host (via the test harness): times activate() of the
// hello-world baseline and of Backend Roadmap in the same host, in the order asked for.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

export async function run(report: string): Promise<void> {
  const order = (process.env.BACKEND_ROADMAP_BENCH_ORDER ?? 'backend-roadmap-tests.hello-world,backend-roadmap.backend-roadmap').split(',');
  const result: Record<string, number> = {};
  for (const id of order) {
    const ext = vscode.extensions.getExtension(id);
    if (!ext) throw new Error(`${id} is not installed`);
    if (ext.isActive) throw new Error(`${id} was already active; the timing would be meaningless`);
    const start = performance.now();
    await ext.activate();
    result[id] = performance.now() - start;
  }
  writeFileSync(report, JSON.stringify(result));
}
