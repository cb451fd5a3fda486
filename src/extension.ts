import * as vscode from 'vscode';
import { loadCompiledCatalog } from './domain/roadmap/catalog';
import { vanishedTopicIds } from './domain/progress/import';
import type { Catalog } from './domain/roadmap/catalog';
import { formatProblem } from './domain/shared/problems';
import { filterLabels } from './domain/roadmap/treeModel';
import { MementoAdapter, ProgressStore } from './domain/progress/store';
import { ScaffoldCodeActionProvider } from './features/exercises/codeActions';
import { DashboardPanel } from './features/dashboard/dashboardPanel';
import { ExerciseChecks } from './features/exercises/checks';
import { ExerciseTests } from './features/exercises/testing';
import { adapterFor, registerProgressStorage, storageMode } from './features/progress/storage';
import { registerCommands } from './features/roadmap/commands';
import { commands, views } from './app/ids';
import { Services } from './app/services';
import { ProgressStatusBar } from './features/progress/statusBar';
import { TopicPanel } from './features/topic/topicPanel';
import { RoadmapTreeProvider } from './features/roadmap/treeProvider';

/** Handed to tests through the extension's exports; not a public API. */
export interface BackendRoadmapApi {
  services: Services;
  checks: ExerciseChecks;
  dashboard: DashboardPanel;
  tests: ExerciseTests;
}

export async function activate(context: vscode.ExtensionContext): Promise<BackendRoadmapApi | undefined> {
  const log = vscode.window.createOutputChannel('Backend Roadmap', { log: true });
  context.subscriptions.push(log);

  // The build compiled and validated the bundled YAML into JSON: no YAML parsing on activation.
  const catalog = await loadCompiledCatalog(
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'roadmaps.json').fsPath,
    vscode.Uri.joinPath(context.extensionUri, 'roadmaps', 'exercises').fsPath,
  );
  reportProblems(context, catalog, log);
  if (catalog.roadmaps.length === 0) {
    void vscode.window.showErrorMessage('Backend Roadmap: no roadmap could be loaded. See the Problems panel for the file, line and column.');
    return undefined;
  }

  // Whatever a repository puts where progress goes, the extension still starts, on workspace state.
  const { store, warnings } = await ProgressStore.open(adapterFor(storageMode(), context, log)).catch(async (e: unknown) => {
    const why = `Progress could not be opened (${e instanceof Error ? e.message : String(e)}); using workspace state instead.`;
    const opened = await ProgressStore.open(new MementoAdapter(context.workspaceState));
    return { store: opened.store, warnings: [why, ...opened.warnings] };
  });
  context.subscriptions.push({ dispose: () => store.dispose() });
  for (const w of warnings) {
    log.warn(w);
    void vscode.window.showWarningMessage(`Backend Roadmap: ${w}`);
  }

  // Tracks share their base roadmap's renamed map, so each distinct map is applied once.
  // A failed write here (a read-only checkout, a lock held too long) must not stop activation;
  // the changes stay in memory and go out with the next write.
  const tryWrite = (what: string, write: Promise<unknown>) => write.catch((e: unknown) => log.error(`${what}: saving failed`, e));
  for (const renamed of new Set(catalog.roadmaps.map((r) => r.roadmap.renamed))) {
    const moves = await store.applyRenames(renamed).catch((e: unknown) => {
      log.error('Progress followed renamed topics in memory, but saving failed', e);
      return [] as string[];
    });
    if (moves.length > 0) log.info(`Progress followed renamed topics: ${moves.join(', ')}`);
  }
  // Progress of topics no roadmap has any more is kept (a later version may bring them back) and reported once.
  const known = new Set(catalog.roadmaps.flatMap((r) => r.roadmap.phases.flatMap((p) => p.topics.map((t) => t.id))));
  const vanished = vanishedTopicIds(store.data, known);
  if (vanished.length > 0) {
    log.warn(`Stored progress names topics no roadmap has any more; it is kept: ${vanished.join(', ')}`);
    void vscode.window.showInformationMessage(`Backend Roadmap: your progress includes ${vanished.length} topic(s) the roadmaps no longer have (${vanished.slice(0, 3).join(', ')}${vanished.length > 3 ? ', …' : ''}). It is kept, not deleted; Show Log lists them.`);
    await tryWrite('Recording reported ids', store.markVanishedReported(vanished));
  }

  const services = new Services(context.extensionUri, catalog, store, log, context.workspaceState);
  const tree = new RoadmapTreeProvider(services, context.workspaceState);
  const treeView = vscode.window.createTreeView(views.tree, { treeDataProvider: tree, showCollapseAll: true });
  // One place for the description and message: the roadmap and any filter, whatever changed. The
  // message matters: a single view's merged title bar does not show the description.
  const describe = () => {
    const filtered = tree.filter !== 'all';
    treeView.description = filtered ? `${services.roadmap.title} · ${filterLabels[tree.filter]}` : services.roadmap.title;
    treeView.message = filtered ? `Showing: ${filterLabels[tree.filter]}. Filter Topics… shows all again.` : undefined;
  };
  describe();
  const checks = new ExerciseChecks(services);
  const panel = new TopicPanel(services, checks, {
    scaffold: async (topicId, exerciseId) => void (await vscode.commands.executeCommand(commands.scaffoldExercise, topicId, exerciseId)),
    check: async (exerciseId) => void (await vscode.commands.executeCommand(commands.checkExercise, exerciseId)),
    openNotes: async (topicId) => void (await vscode.commands.executeCommand(commands.openNotes, topicId)),
  });
  const dashboard = new DashboardPanel(services, { openTopic: (topicId) => void vscode.commands.executeCommand(commands.openTopic, topicId) });
  const tests = new ExerciseTests(services, checks);
  void tests.refresh().catch((e: unknown) => log.error('Listing exercises for the Testing view failed', e));

  // The view's badge counts topics in progress, a reminder of unfinished work.
  const updateBadge = () => {
    const n = Object.keys(store.data.topics).filter((id) => store.status(id) === 'inProgress').length;
    treeView.badge = n > 0 ? { value: n, tooltip: `${n} topic${n === 1 ? '' : 's'} in progress` } : undefined;
  };
  updateBadge();

  context.subscriptions.push(
    services,
    store.onDidChange(updateBadge),
    tree.onDidChangeTreeData(describe),
    treeView.onDidExpandElement((e) => tree.setExpanded(e.element, true)),
    treeView.onDidCollapseElement((e) => tree.setExpanded(e.element, false)),
    tree,
    treeView,
    checks,
    tests,
    panel,
    vscode.window.registerWebviewPanelSerializer(views.topicPanel, panel),
    dashboard,
    vscode.window.registerWebviewPanelSerializer(views.dashboard, dashboard),
    ...registerProgressStorage(context, store, log),
    new ProgressStatusBar(services),
    vscode.languages.registerCodeActionsProvider(ScaffoldCodeActionProvider.selector, new ScaffoldCodeActionProvider(services), ScaffoldCodeActionProvider.metadata),
    ...registerCommands(services, panel, tree, treeView, checks, dashboard),
  );
  return { services, checks, dashboard, tests };
}

function reportProblems(context: vscode.ExtensionContext, catalog: Catalog, log: vscode.LogOutputChannel): void {
  if (catalog.problems.length === 0) return;
  const diagnostics = vscode.languages.createDiagnosticCollection('backendRoadmap');
  context.subscriptions.push(diagnostics);
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const p of catalog.problems) {
    log.error(formatProblem(p));
    const pos = new vscode.Position(p.line - 1, p.col - 1);
    const list = byFile.get(p.file) ?? [];
    list.push(new vscode.Diagnostic(new vscode.Range(pos, pos), p.message, vscode.DiagnosticSeverity.Error));
    byFile.set(p.file, list);
  }
  for (const [file, list] of byFile) diagnostics.set(vscode.Uri.file(file), list);
  const first = catalog.problems[0];
  if (first) void vscode.window.showErrorMessage(`Backend Roadmap: ${catalog.problems.length} problem(s) in roadmap files, first: ${formatProblem(first)}`);
}

export function deactivate(): void {}
