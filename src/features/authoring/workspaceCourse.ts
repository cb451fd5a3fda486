import * as path from 'node:path';
import * as vscode from 'vscode';
import { config, onDidChangeSetting } from '../../app/config';
import type { Services } from '../../app/services';
import { authoringExercisesDir, isRoadmapFileName, typingDebounceMs } from '../../domain/authoring/courseFolder';
import { loadCourseExercises } from '../../domain/authoring/courseExercises';
import type { AuthoringContext, ShownRoadmap } from '../../domain/authoring/workspaceRoadmaps';
import type * as AuthoringModule from '../../domain/authoring/workspaceRoadmaps';

// Loaded on first use: it pulls in the YAML parser, which activation never needs without course files.
type Authoring = typeof AuthoringModule;
import type { Exercise } from '../../domain/exercises/manifest';
import { withWorkspace } from '../../domain/roadmap/catalog';
import type { Catalog } from '../../domain/roadmap/catalog';
import type { Roadmap } from '../../domain/roadmap/schema';
import { resolveInsideWorkspace } from '../../domain/exercises/scaffold';
import { listFilesInside } from '../../domain/shared/safeFs';
import type { Problem, ProblemFix } from '../../domain/shared/problems';
import { formatProblem } from '../../domain/shared/problems';
import { localWorkspaceFolder } from '../../app/workspaceFolders';

export type CourseState =
  | { kind: 'none' }
  | { kind: 'untrusted'; files: string[]; folder: string }
  | { kind: 'loaded'; folder: string; shown: ShownRoadmap[]; problemFiles: number };

/**
 * The workspace's own roadmaps and exercises (`.backend-roadmap/`): loaded in a trusted folder only,
 * merged into the catalog beside the bundled ones, re-validated as the author types, and reloaded
 * when a file is saved. A file with problems keeps its last good version in the catalog.
 */
export class WorkspaceCourse implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('backendRoadmap.authoring');
  private readonly changed = new vscode.EventEmitter<CourseState>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private watcher: vscode.FileSystemWatcher | undefined;
  private lastGood = new Map<string, Roadmap>();
  private stateValue: CourseState = { kind: 'none' };
  /** Problems per file as last reported, so quick fixes find their edits. */
  private readonly problemsByFile = new Map<string, { problems: Problem[]; version: number | undefined }>();
  private disposed = false;
  /** Each roadmap file's problems as the last load read it from disk: shown again when unsaved edits are discarded. */
  private readonly onDisk = new Map<string, { problems: Problem[]; stale: boolean }>();
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();
  private reloadTimer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> = Promise.resolve();
  private bundledWhole: Promise<Roadmap[]> | undefined;
  private context: AuthoringContext | undefined;
  private authoring: Authoring | undefined;
  private readonly bundled: Catalog;

  constructor(private readonly services: Services) {
    // Taken before any workspace roadmap joins the catalog.
    this.bundled = services.catalog.snapshot;
    this.disposables.push(
      this.diagnostics,
      this.changed,
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleReload(0)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.watch()),
      onDidChangeSetting('authoringFolder', () => this.watch()),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.isCourseFile(d.uri)) this.scheduleReload(0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isCourseFile(e.document.uri)) this.scheduleTyping(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (this.isCourseFile(d.uri) && d.isDirty) this.scheduleTyping(d);
      }),
      // Closed without saving, the typed text is gone: what the file says on disk is what stands.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.isCourseFile(d.uri)) this.showOnDisk(d.uri);
      }),
    );
    this.watch();
  }

  get state(): CourseState {
    return this.stateValue;
  }

  /** `<workspace>/<authoring folder>` when the first folder is local and the setting stays inside it. */
  async folder(): Promise<{ root: string; dir: string; relative: string } | undefined> {
    const ws = localWorkspaceFolder();
    if (!ws) return undefined;
    const relative = config.authoringFolder();
    const dir = await resolveInsideWorkspace(ws.uri.fsPath, relative).catch((e: unknown) => {
      this.services.log.warn(`Authoring folder "${relative}": ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
    return dir ? { root: ws.uri.fsPath, dir, relative } : undefined;
  }

  private folderSync(): string | undefined {
    const ws = localWorkspaceFolder();
    return ws ? path.resolve(ws.uri.fsPath, config.authoringFolder()) : undefined;
  }

  /** A roadmap file directly in the authoring folder (what the diagnostics cover). */
  isCourseFile(uri: vscode.Uri): boolean {
    const dir = this.folderSync();
    return uri.scheme === 'file' && dir !== undefined && path.dirname(uri.fsPath) === dir && isRoadmapFileName(uri.fsPath);
  }

  private watch(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    const ws = localWorkspaceFolder();
    if (ws) {
      this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(ws, `${config.authoringFolder()}/**`));
      const again = () => this.scheduleReload(100);
      this.watcher.onDidCreate(again);
      this.watcher.onDidChange(again);
      this.watcher.onDidDelete(again);
    }
    this.scheduleReload(0);
  }

  private scheduleReload(delayMs: number): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), delayMs);
  }

  /** Reloads from disk; calls run one after another, so an older read never lands after a newer one. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(
      () => this.load(),
      () => this.load(),
    );
    return this.reloading.catch((e: unknown) =>
      this.services.log.error(`Loading workspace roadmaps failed: ${e instanceof Error ? e.stack : String(e)}`),
    );
  }

  private async load(): Promise<void> {
    const folder = await this.folder();
    const files = folder ? await this.roadmapFiles(folder) : [];
    if (this.disposed) return;
    if (!folder || files.length === 0) {
      this.context = undefined;
      this.setCatalog([], []);
      this.lastGood = new Map();
      this.diagnostics.clear();
      this.problemsByFile.clear();
      this.onDisk.clear();
      return this.setState({ kind: 'none' });
    }
    if (!vscode.workspace.isTrusted) {
      // Restricted Mode: nothing from the folder is read, only its file names are listed.
      this.context = undefined;
      this.setCatalog([], []);
      this.diagnostics.clear();
      this.onDisk.clear();
      return this.setState({ kind: 'untrusted', files: files.map((f) => path.basename(f)), folder: folder.relative });
    }
    this.authoring ??= await import('../../domain/authoring/workspaceRoadmaps');
    const { checkCourseFiles, withLastGood } = this.authoring;
    const { exercises, problems: exerciseProblems } = await loadCourseExercises(
      folder.root,
      path.join(folder.dir, authoringExercisesDir),
      new Set(this.bundled.exercises.map((e) => e.id)),
    );
    const whole = await this.bundledRoadmaps();
    const hint = ` (no folder ${folder.relative}/${authoringExercisesDir}/<id>/ and no bundled exercise)`;
    this.context = {
      bundled: whole,
      exerciseIds: new Set([...this.bundled.exercises.map((e) => e.id), ...exercises.map((e) => e.id)]),
      exerciseHint: hint,
    };
    const results = await checkCourseFiles(folder.root, files, this.context);
    if (this.disposed) return;
    const { shown, lastGood } = withLastGood(this.lastGood, results);
    this.lastGood = lastGood;
    this.setCatalog(shown, exercises);

    this.diagnostics.clear();
    this.problemsByFile.clear();
    this.onDisk.clear();
    const stale = new Set(shown.filter((s) => s.stale).map((s) => s.file));
    for (const r of results) {
      this.onDisk.set(r.file, { problems: r.problems, stale: stale.has(r.file) });
      this.report(r.file, r.problems, stale.has(r.file));
    }
    for (const p of exerciseProblems) this.report(p.file, [p], false);
    for (const r of results) if (r.problems.length > 0) this.services.log.warn(r.problems.map(formatProblem).join('\n'));
    // Open files with unsaved edits show what is being typed, not what is on disk.
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && this.isCourseFile(doc.uri)) this.validateDocument(doc);
    this.setState({ kind: 'loaded', folder: folder.relative, shown, problemFiles: results.filter((r) => r.problems.length > 0).length });
  }

  private async roadmapFiles(folder: { root: string; dir: string }): Promise<string[]> {
    try {
      return (await listFilesInside(folder.root, folder.dir))
        .filter(isRoadmapFileName)
        .sort()
        .map((name) => path.join(folder.dir, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        this.services.log.warn(`${folder.dir}: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
  }

  /** The bundled roadmaps with whole topics (tracks take their topics from them), read once. */
  private bundledRoadmaps(): Promise<Roadmap[]> {
    // A failed read is tried again next time rather than kept.
    this.bundledWhole ??= Promise.all(this.bundled.roadmaps.map((r) => this.services.catalog.fullRoadmap(r.roadmap))).catch(
      (e: unknown) => {
        this.bundledWhole = undefined;
        throw e;
      },
    );
    return this.bundledWhole;
  }

  private setCatalog(shown: readonly ShownRoadmap[], exercises: readonly Exercise[]): void {
    if (shown.length === 0 && exercises.length === 0) {
      if (this.services.catalog.snapshot !== this.bundled) this.services.catalog.replace(this.bundled);
      return;
    }
    this.services.catalog.replace(withWorkspace(this.bundled, shown, exercises));
  }

  private setState(state: CourseState): void {
    this.stateValue = state;
    this.changed.fire(state);
  }

  private scheduleTyping(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(
      key,
      setTimeout(() => {
        this.typingTimers.delete(key);
        this.validateDocument(doc);
      }, typingDebounceMs),
    );
  }

  /** Replaces what was reported for a closed file's typed text by what its last load found on disk. */
  private showOnDisk(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.delete(key);
    const disk = this.onDisk.get(uri.fsPath);
    if (disk) return this.report(uri.fsPath, disk.problems, disk.stale);
    this.problemsByFile.delete(uri.fsPath);
    this.diagnostics.delete(uri);
  }

  /** Validates an open file's text as typed, against the roadmaps loaded from the other files. */
  private validateDocument(doc: vscode.TextDocument): void {
    if (this.disposed || !this.context || !this.authoring || !vscode.workspace.isTrusted || doc.isClosed || !this.isCourseFile(doc.uri))
      return;
    const { validateAuthoringFile } = this.authoring;
    const others = [...this.lastGood].map(([file, roadmap]) => ({ file, roadmap }));
    const result = validateAuthoringFile({ file: doc.uri.fsPath, text: doc.getText() }, this.context, others);
    const stale = this.stateValue.kind === 'loaded' && this.stateValue.shown.some((s) => s.file === doc.uri.fsPath && s.stale);
    this.report(doc.uri.fsPath, result.problems, stale, doc.version);
  }

  /** `version`: the document version the problems were found in (their fixes' edits apply to it only). */
  private report(file: string, problems: Problem[], stale: boolean, version?: number): void {
    if (this.disposed) return;
    this.problemsByFile.set(file, { problems, version });
    const list = problems.map(toDiagnostic);
    if (stale) {
      const note = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        'Backend Roadmap still shows the last version of this file that loaded; fix the problems and save to update it.',
        vscode.DiagnosticSeverity.Information,
      );
      note.source = diagnosticSource;
      list.push(note);
    }
    this.diagnostics.set(vscode.Uri.file(file), list);
  }

  /** The fix of the problem a diagnostic shows, if it has one. */
  fixFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): ProblemFix | undefined {
    const found = this.problemsByFile.get(document.uri.fsPath);
    // Problems found on disk apply to a document with no unsaved edits; typed ones to their own version.
    if (!found || (found.version !== undefined ? found.version !== document.version : document.isDirty)) return undefined;
    return found.problems.find((p) => p.message === diagnostic.message && toRange(p).isEqual(diagnostic.range))?.fix;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.reloadTimer);
    for (const t of this.typingTimers.values()) clearTimeout(t);
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export const diagnosticSource = 'Backend Roadmap';

function toRange(p: Problem): vscode.Range {
  const start = new vscode.Position(p.line - 1, p.col - 1);
  return p.end ? new vscode.Range(start, new vscode.Position(p.end.line - 1, p.end.col - 1)) : new vscode.Range(start, start);
}

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(p), p.message, vscode.DiagnosticSeverity.Error);
  d.source = diagnosticSource;
  return d;
}
