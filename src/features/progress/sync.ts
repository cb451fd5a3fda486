import * as vscode from 'vscode';
import { migrate } from '../../domain/progress/store';
import type { ProgressStore } from '../../domain/progress/store';
import { mergeFromSync } from '../../domain/progress/ops';
import { storageMode } from './storage';

/** The globalState key Settings Sync carries to the learner's other machines. */
export const syncKey = 'backendRoadmap.syncedProgress';

interface Mirror {
  /** Which machine and workspace wrote it: a copy written here is not merged back here. */
  writer: string;
  data: unknown;
}

/**
 * Mirrors progress (review cards and quiz results included) into globalState, registered with
 * setKeysForSync so VS Code's Settings Sync carries it; no sync of our own. A mirror written
 * elsewhere is merged into workspace-state progress on start and when the window regains focus: per
 * topic the latest change wins, so a reset made elsewhere carries over instead of being undone.
 * The git-shared file is left to git: in file mode nothing is mirrored or merged (a repository's
 * progress is the team's, not the learner's to carry to every other folder).
 */
export interface ProgressSync extends vscode.Disposable {
  /** Merges a mirror written on another machine or in another workspace (start and window focus do this). */
  pull(): Promise<void>;
  /** What globalState holds now, for tests. */
  mirror(): unknown;
  /** The globalState the mirror lives in (tests put another machine's mirror there). */
  readonly state: vscode.Memento;
  /** Writes the mirror now instead of after the debounce. */
  flush(): Promise<void>;
}

export function registerProgressSync(context: vscode.ExtensionContext, store: ProgressStore, log: vscode.LogOutputChannel): ProgressSync {
  context.globalState.setKeysForSync([syncKey]);
  const writer = `${vscode.env.machineId}:${vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? vscode.workspace.workspaceFile?.toString() ?? 'no-folder'}`;

  const mirrored = () => storageMode() === 'workspaceState';

  const pull = async () => {
    const mirror = context.globalState.get<Mirror>(syncKey);
    if (!mirrored() || !mirror || typeof mirror !== 'object' || mirror.writer === writer) return;
    const migrated = migrate(mirror.data);
    if (!migrated.ok) return log.warn(`Synced progress was not merged (${migrated.reason}).`);
    await store.update(mergeFromSync(migrated.data));
    log.info(`Merged progress synced from another machine or workspace (${mirror.writer.split(':')[0]?.slice(0, 8) ?? '?'}…).`);
  };

  let timer: NodeJS.Timeout | undefined;
  const write = () =>
    context.globalState.update(syncKey, { writer, data: JSON.parse(JSON.stringify(store.data)) as unknown } satisfies Mirror);
  // What another machine wrote since the last pull is merged first, so one mirror slot loses nothing.
  const push = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (!mirrored()) return;
    await pull();
    await write();
  };
  const schedulePush = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void push().catch((e: unknown) => log.error('Mirroring progress for Settings Sync failed', e)), 1000);
  };

  void pull().then(
    () => schedulePush(),
    (e: unknown) => log.error('Merging synced progress failed', e),
  );
  const subs = [
    store.onDidChange(schedulePush),
    vscode.window.onDidChangeWindowState((s) => {
      if (s.focused) void pull().catch((e: unknown) => log.error('Merging synced progress failed', e));
    }),
  ];
  return {
    pull,
    mirror: () => context.globalState.get(syncKey),
    state: context.globalState,
    flush: () => push(),
    dispose: () => {
      subs.forEach((d) => d.dispose());
      // Nothing lost: a pending mirror write happens before the extension stops.
      if (timer && mirrored()) void write();
      clearTimeout(timer);
    },
  };
}
