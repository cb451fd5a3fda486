import { execFile } from 'node:child_process';
import * as path from 'node:path';

export const repoRoot = path.join(__dirname, '..', '..');
export const cli = path.join(repoRoot, 'dist', 'cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI as a learner or a CI job would: a separate node process. */
export function runCli(args: string[], cwd = repoRoot): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

