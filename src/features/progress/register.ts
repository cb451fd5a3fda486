import type * as vscode from 'vscode';
import type { Services } from '../../app/services';
import { registerProgressCommands } from './commands';
import { ProgressStatusBar } from './statusBar';
import { registerProgressStorage } from './storage';

/** Storage switching and file watching, the status bar item, and export, reset and import. */
export function registerProgress(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    ...registerProgressStorage(context, services.store, services.log),
    new ProgressStatusBar(services),
    ...registerProgressCommands(services),
  );
}
