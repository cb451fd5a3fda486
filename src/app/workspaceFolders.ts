import * as path from 'node:path';
import * as vscode from 'vscode';
import { resolveInsideWorkspace } from '../domain/exercises/scaffold';
import { config } from './config';

/** Settings naming a workspace-relative folder the extension writes into. */
export type FolderSetting = 'exercisesFolder' | 'notesFolder' | 'authoringFolder';

/** The first workspace folder, when it is on the local disk (exercises and notes are plain files). */
export function localWorkspaceFolder(): vscode.WorkspaceFolder | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder : undefined;
}

/** The setting's folder as a POSIX path relative to the workspace (`exercises`, `notes`…). */
export function settingFolder(setting: FolderSetting): string {
  return config[setting]();
}

/**
 * `<workspace>/<setting's folder>/<name>`, or undefined without a local folder. Throws a
 * ScaffoldError when the setting leads outside the workspace or through a symbolic link.
 */
export async function inSettingFolder(
  setting: FolderSetting,
  name: string,
): Promise<{ uri: vscode.Uri; relative: string; root: string } | undefined> {
  const folder = localWorkspaceFolder();
  if (!folder) return undefined;
  const relative = path.posix.join(settingFolder(setting), name);
  return { uri: vscode.Uri.file(await resolveInsideWorkspace(folder.uri.fsPath, relative)), relative, root: folder.uri.fsPath };
}
