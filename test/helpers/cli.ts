import { execFile } from 'node:child_process';
import * as path from 'node:path';

export const repoRoot = path.join(__dirname, '..', '..');
export const cli = path.join(repoRoot, 'dist', 'cli.js');

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Stops the program (SIGTERM); the run then resolves with what it printed. */
  signal?: AbortSignal;
}

/** Runs a program to its end and reports its exit code and output, never rejecting on a non-zero exit. */
export function runProcess(command: string, args: string[], cwd: string, options: RunOptions = {}): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd,
        maxBuffer: 32 * 1024 * 1024,
        ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the bundled CLI as a learner or a CI job would: a separate node process. */
export function runCli(args: string[], cwd = repoRoot, options: RunOptions = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, [cli, ...args], cwd, options);
}
