// Runs inside code-server's extension host (via the test harness), once per extension host: takes
// the next sample of the plan (cold activate() of one extension, its bundle loaded for the first time
// in this process), appends it to the report and reloads the window, which gives the next sample a new
// extension host process (code-server has no Restart Extension Host command).
import { appendFileSync, readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

/** One line of the report: the plan index, the extension timed ('' for the warm-up) and the host's pid. */
export interface ActivationSample {
  index: number;
  id: string;
  ms: number;
  pid: number;
  /** Node's on-disk compile cache in this host, if any: it would make later samples warmer. */
  compileCache?: string;
}

/** Lets the new extension host finish its own start (built-in extensions activating) before timing. */
const SETTLE_MS = 1000;

export async function run(report: string): Promise<void> {
  const plan = JSON.parse(process.env.BACKEND_ROADMAP_BENCH_PLAN ?? '[]') as string[];
  let done = 0;
  try {
    done = readFileSync(report, 'utf8')
      .split('\n')
      .filter((l) => l.trim()).length;
  } catch {
    /* first host: no report yet */
  }
  if (done >= plan.length) return;
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const id = plan[done] ?? '';
  let ms = 0;
  if (id) {
    const ext = vscode.extensions.getExtension(id);
    if (!ext) throw new Error(`${id} is not installed`);
    if (ext.isActive) throw new Error(`${id} was already active; the timing would be meaningless`);
    const start = performance.now();
    await ext.activate();
    ms = performance.now() - start;
  }
  const getCache = (nodeModule as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir;
  const sample: ActivationSample = { index: done, id, ms, pid: process.pid, compileCache: getCache?.() ?? process.env.NODE_COMPILE_CACHE };
  appendFileSync(report, `${JSON.stringify(sample)}\n`);
  // A fresh process for the next sample: nothing of this one's module cache or JIT carries over.
  if (done + 1 < plan.length) void vscode.commands.executeCommand('workbench.action.reloadWindow');
}
