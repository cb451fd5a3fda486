import * as vscode from 'vscode';
import { FileProgressAdapter, progressFileRelative } from '../../domain/progress/fileAdapter';
import { MementoAdapter, ProgressStore } from '../../domain/progress/store';
import type { ProgressAdapter } from '../../domain/progress/store';
import { config, onDidChangeSetting } from '../../app/config';
import { localWorkspaceFolder } from '../../app/workspaceFolders';
import { systemClock } from '../../domain/shared/clock';
import type { Clock } from '../../domain/shared/clock';

export type StorageMode = 'workspaceState' | 'file';

/** File mode reads the workspace, so Restricted Mode keeps progress in workspace state whatever the settings say. */
export function storageMode(): StorageMode {
  if (!vscode.workspace.isTrusted) return 'workspaceState';
  return config.progressStorage();
}

/** The adapter for a mode; file mode needs a local folder and falls back to workspace state without one. */
export function adapterFor(mode: StorageMode, context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ProgressAdapter {
  const folder = mode === 'file' ? localWorkspaceFolder() : undefined;
  if (mode === 'file' && !folder) log.warn('Progress storage is set to "file", but no local folder is open; using workspace state.');
  return folder
    ? new FileProgressAdapter(folder.uri.fsPath, vscode.Uri.joinPath(folder.uri, progressFileRelative).fsPath)
    : new MementoAdapter(context.workspaceState);
}

function describe(mode: StorageMode): string {
  return mode === 'file' ? progressFileRelative : 'workspace state';
}

/**
 * File mode: follows outside changes to the progress file (a git pull, another window). Switching the
 * setting moves the store to the other storage, offering to copy the progress across.
 */
export function registerProgressStorage(
  context: vscode.ExtensionContext,
  store: ProgressStore,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const warn = (w: string) => {
    log.warn(w);
    void vscode.window.showWarningMessage(`Backend Roadmap: ${w}`);
  };
  let watcher: vscode.Disposable | undefined;
  const watch = () => {
    watcher?.dispose();
    watcher = undefined;
    const folder = localWorkspaceFolder();
    if (storageMode() !== 'file' || !folder) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, progressFileRelative));
    const reload = () =>
      void store.reload().then(
        (ws) => ws.forEach(warn),
        (e: unknown) => log.error('Reloading progress failed', e),
      );
    watcher = vscode.Disposable.from(w, w.onDidChange(reload), w.onDidCreate(reload));
  };
  watch();

  let mode = storageMode();
  // One switch at a time: a second settings change waits for the first dialog and move to finish.
  let switching: Promise<void> = Promise.resolve();
  const queueSwitch = () => {
    switching = switching
      .then(() => switchStorage())
      .catch((err: unknown) => {
        log.error('Switching progress storage failed', err);
        void vscode.window.showErrorMessage(
          `Backend Roadmap: switching progress storage failed: ${err instanceof Error ? err.message : String(err)}`,
        );
      });
  };
  const onConfig = onDidChangeSetting('progressStorage', queueSwitch);
  // Trusting the folder may turn file mode on: the same switch, with the same offer to copy.
  const onTrust = vscode.workspace.onDidGrantWorkspaceTrust(queueSwitch);
  const switchStorage = async () => {
    const next = storageMode();
    if (next === mode) return;
    const from = mode;
    mode = next;
    const copy = await vscode.window.showInformationMessage(
      `Backend Roadmap now keeps progress in ${describe(next)}. Copy your progress from ${describe(from)} there?`,
      {
        modal: true,
        detail: `Copying replaces whatever ${describe(next)} holds. Not copying shows the progress already stored there; nothing in ${describe(from)} is deleted.`,
      },
      'Copy Progress',
      'Use What Is There',
    );
    const warnings = await store.switchTo(adapterFor(next, context, log), copy === 'Copy Progress');
    warnings.forEach(warn);
    log.info(`Progress storage: ${describe(from)} -> ${describe(next)} (${copy === 'Copy Progress' ? 'copied' : 'not copied'})`);
    watch();
  };
  return [onConfig, onTrust, store.onWarning(warn), { dispose: () => watcher?.dispose() }];
}

/** Opens progress where the settings say; whatever a repository puts there, falls back to workspace state. */
export async function openProgressStore(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  clock: Clock = systemClock,
): Promise<ProgressStore> {
  const { store, warnings } = await ProgressStore.open(adapterFor(storageMode(), context, log), clock).catch(async (e: unknown) => {
    const why = `Progress could not be opened (${e instanceof Error ? e.message : String(e)}); using workspace state instead.`;
    const opened = await ProgressStore.open(new MementoAdapter(context.workspaceState), clock);
    return { store: opened.store, warnings: [why, ...opened.warnings] };
  });
  context.subscriptions.push({ dispose: () => store.dispose() });
  for (const w of warnings) {
    log.warn(w);
    void vscode.window.showWarningMessage(`Backend Roadmap: ${w}`);
  }
  return store;
}
