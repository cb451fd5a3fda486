import * as vscode from 'vscode';
import { noteExcerpt } from '../../domain/progress/import';
import { assertInside, readFileInside, writeFileInside } from '../../domain/shared/safeFs';
import { settings } from '../../app/ids';
import { inSettingFolder } from '../../app/workspaceFolders';

/** Notes live in `<workspace>/<notesFolder>/<topic-id>.md`, refused if the folder setting would leave the workspace. */
export async function readNote(topicId: string): Promise<{ exists: boolean; path: string; excerpt: string }> {
  // Restricted Mode loads nothing from the workspace, notes included.
  if (!vscode.workspace.isTrusted) return { exists: false, path: '', excerpt: '' };
  const place = await inSettingFolder(settings.notesFolder, `${topicId}.md`).catch(() => undefined);
  if (!place) return { exists: false, path: '', excerpt: '' };
  const relative = vscode.workspace.asRelativePath(place.uri);
  try {
    // No-follow: a notes file planted as a link to a secret is not shown on the topic page.
    const text = await readFileInside(place.root, place.uri.fsPath, { maxBytes: 64 * 1024 });
    return { exists: true, path: relative, excerpt: noteExcerpt(text) };
  } catch {
    return { exists: false, path: relative, excerpt: '' };
  }
}

/** Opens the topic's notes, creating the file with a heading first; an existing file is never touched. */
export async function openNote(topicId: string, title: string): Promise<vscode.Uri | undefined> {
  let uri: vscode.Uri;
  let exists: boolean;
  try {
    const place = await inSettingFolder(settings.notesFolder, `${topicId}.md`);
    if (!place) {
      void vscode.window.showErrorMessage('Backend Roadmap: open a folder first; notes are kept in the workspace.');
      return undefined;
    }
    uri = place.uri;
    // Exclusive and no-follow, through checked folders: a file created meanwhile (another window) is
    // kept as it is, and a planted link is refused by name.
    exists = await writeFileInside(place.root, uri.fsPath, `# ${title}\n\n`, { exclusive: true }).then(
      () => false,
      (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
        // O_EXCL also answers EEXIST for a link raced in by that name: check before opening it.
        return assertInside(place.root, uri.fsPath).then(() => true);
      },
    );
  } catch (e) {
    void vscode.window.showErrorMessage(`Backend Roadmap: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (!exists) {
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
  }
  return uri;
}
