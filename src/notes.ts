import * as vscode from 'vscode';
import { noteExcerpt } from './core/importProgress';
import { settings } from './ids';
import { inSettingFolder } from './workspaceFolders';

/** `<workspace>/<notesFolder>/<topic-id>.md`, refused if the folder setting would leave the workspace. */
export async function noteUri(topicId: string): Promise<vscode.Uri | undefined> {
  return (await inSettingFolder(settings.notesFolder, `${topicId}.md`))?.uri;
}

export async function readNote(topicId: string): Promise<{ exists: boolean; path: string; excerpt: string }> {
  const uri = await noteUri(topicId).catch(() => undefined);
  if (!uri) return { exists: false, path: '', excerpt: '' };
  const relative = vscode.workspace.asRelativePath(uri);
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return { exists: true, path: relative, excerpt: noteExcerpt(text) };
  } catch {
    return { exists: false, path: relative, excerpt: '' };
  }
}

/** Opens the topic's notes, creating the file with a heading first; an existing file is never touched. */
export async function openNote(topicId: string, title: string): Promise<vscode.Uri | undefined> {
  let uri: vscode.Uri | undefined;
  try {
    uri = await noteUri(topicId);
  } catch (e) {
    void vscode.window.showErrorMessage(`Backend Roadmap: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  if (!uri) {
    void vscode.window.showErrorMessage('Backend Roadmap: open a folder first; notes are kept in the workspace.');
    return undefined;
  }
  const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  if (!exists) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    const edit = new vscode.WorkspaceEdit();
    // ignoreIfExists: a file created meanwhile (another window) is kept as it is.
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(`# ${title}\n\n`) });
    await vscode.workspace.applyEdit(edit);
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (!exists) {
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
  }
  return uri;
}
