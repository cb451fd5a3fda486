import type * as vscode from 'vscode';
import type { Services } from '../../app/services';
import { registerProgressCommands } from './commands';
import { ProgressStatusBar } from './statusBar';
import { registerProgressStorage } from './storage';
import { registerProgressSync } from './sync';

/** Storage switching and file watching, the Settings Sync mirror, the status bar item, and export, reset and import. */
export function registerProgress(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    ...registerProgressStorage(context, services.store, services.log),
    ...registerProgressSync(context, services.store, services.log),
    new ProgressStatusBar(services),
    ...registerProgressCommands(services),
  );
}
