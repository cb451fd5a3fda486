// Programs that run to completion (a migration tool, a CLI) rather than serve: `run` steps start the
// program with arguments and judge its exit code and what it printed.
import * as path from 'node:path';
import { runCommand } from '../runCommand';
import type { Command } from '../runCommand';
import { shellQuote } from './curl';
import { match } from './match';
import type { Mismatch, Saved } from './match';
import type { RunStep } from './schema';

export interface CommandOutcome {
  exitCode: number | null;
  /** stdout and stderr together, the tail. */
  output: string;
  /** The command line as a learner would type it in the exercise folder. */
  shown: string;
  timedOut: boolean;
}

/** Runs the program once with extra arguments and environment; see SpecRunOptions.run. */
export type RunProgram = (args: string[], env: Record<string, string>, signal?: AbortSignal) => Promise<CommandOutcome>;

const outputTail = 4000;

export interface CommandRunnerOptions {
  env?: NodeJS.ProcessEnv;
  /** Per run. */
  timeoutMs?: number;
  /** Added to "<command> was not found on PATH.". */
  missingHint?: string;
}

/** `command` (its own arguments first, then the step's) run in `cwd`, each time to completion. */
export function commandRunner(command: Command, cwd: string, options: CommandRunnerOptions = {}): RunProgram {
  return async (args, env, signal) => {
    let output = '';
    const full = [...command.args, ...args];
    const result = await runCommand({ command: command.command, args: full }, cwd, {
      signal,
      env: { ...options.env, ...env },
      timeoutMs: options.timeoutMs ?? 60_000,
      missingHint: options.missingHint ?? '',
      onOutput: (text) => (output = (output + text).slice(-outputTail)),
    });
    return { exitCode: result.exitCode, output, shown: shownCommand(command.command, full, cwd), timedOut: result.timedOut };
  };
}

/** Paths inside the exercise folder are shown relative to it, as a learner types them there. */
function shownCommand(command: string, args: string[], cwd: string): string {
  const relative = path.isAbsolute(command) ? path.relative(cwd, command) : command;
  const program = path.isAbsolute(command) && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : command;
  return [program, ...args].map(shellQuote).join(' ');
}

/** Undefined when the step passes; otherwise the failure as the learner sees it. */
export async function runRunStep(
  step: RunStep,
  run: RunProgram | undefined,
  env: Record<string, string>,
  saved: Saved,
  signal?: AbortSignal,
): Promise<string | undefined> {
  if (!run) return 'The spec runs the program as a command, and this check has no way to run it.';
  let outcome: CommandOutcome;
  try {
    outcome = await run(step.run, env, signal);
  } catch (e) {
    return `  The program could not be run: ${e instanceof Error ? e.message : String(e)}`;
  }
  const mismatches: Mismatch[] = [];
  if (outcome.timedOut)
    mismatches.push({ path: 'exit code', expected: 'it finishes', actual: 'it did not finish in time and was stopped' });
  else mismatches.push(...match(step.expect?.exitCode ?? 0, outcome.exitCode, saved, 'exit code'));
  if (step.expect?.output !== undefined) mismatches.push(...match(step.expect.output, outcome.output, saved, 'output'));
  if (mismatches.length === 0) return undefined;
  const database = env.DATABASE_URL === undefined ? '' : ' (DATABASE_URL: the scenario’s fresh database)';
  const printed = outcome.output.trim();
  return [
    `  $ ${outcome.shown}${database}`,
    ...(step.why ? [`  ${step.why}`] : []),
    ...mismatches.map((m) => `  ${m.path}\n    - expected: ${m.expected}\n    + actual:   ${m.actual}`),
    printed ? `  It printed:\n${printed.slice(-1500).replace(/^/gm, '    ')}` : '  It printed nothing.',
  ].join('\n');
}
