import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import * as vscode from 'vscode';
import type { Clock } from '../domain/shared/clock';
import { systemClock } from '../domain/shared/clock';

/**
 * Test-only: an extension host started with BACKEND_ROADMAP_TEST_CLOCK_FILE reads an offset in
 * milliseconds from that file, so an E2E test can move the clock forward and see cards fall due.
 * The variable comes from the process environment, never from a workspace.
 */
export const testClockVariable = 'BACKEND_ROADMAP_TEST_CLOCK_FILE';

export interface AppClock extends vscode.Disposable {
  now: Clock;
  /** The test clock moved (never fires for the system clock). */
  readonly onDidJump: vscode.Event<void>;
}

export function createClock(log: vscode.LogOutputChannel): AppClock {
  const jumped = new vscode.EventEmitter<void>();
  const file = process.env[testClockVariable];
  if (!file) return { now: systemClock, onDidJump: jumped.event, dispose: () => jumped.dispose() };
  log.warn(`Test clock: time is read from ${file} (set by ${testClockVariable}).`);
  const offset = () => {
    try {
      const n = Number(readFileSync(file, 'utf8').trim());
      return Number.isFinite(n) ? n : 0;
    } catch {
      return 0;
    }
  };
  watchFile(file, { interval: 200 }, () => jumped.fire());
  return {
    now: () => new Date(Date.now() + offset()),
    onDidJump: jumped.event,
    dispose: () => {
      unwatchFile(file);
      jumped.dispose();
    },
  };
}
