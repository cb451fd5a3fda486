import type * as vscode from 'vscode';
import type { Services } from '../../app/services';
import { registerProgressCommands } from './commands';
import { ProgressStatusBar } from './statusBar';
import { registerProgressStorage } from './storage';
import { registerProgressSync } from './sync';
import type { ProgressSync } from './sync';

/** Storage switching and file watching, the Settings Sync mirror, the status bar item, and export, reset and import. */
export function registerProgress(context: vscode.ExtensionContext, services: Services): { sync: ProgressSync } {
  const sync = registerProgressSync(context, services.store, services.log);
  context.subscriptions.push(
    ...registerProgressStorage(context, services.store, services.log),
    sync,
    new ProgressStatusBar(services),
    ...registerProgressCommands(services),
  );
  return { sync };
}
