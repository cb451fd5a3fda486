import * as vscode from 'vscode';
import { markerFileName } from '../../domain/exercises/marker';
import type { ExerciseChecks } from './checks';
import { settings } from '../../app/ids';
import type { Services } from '../../app/services';
import { localWorkspaceFolder, settingFolder } from '../../app/workspaceFolders';

/**
 * Scaffolded exercises in VS Code's Testing view: running one is a Check, and each of its tests gets
 * its own result there, alongside the topic page.
 */
export class ExerciseTests implements vscode.Disposable {
  readonly controller: vscode.TestController;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly checks: ExerciseChecks,
  ) {
    this.controller = vscode.tests.createTestController('backendRoadmap.exercises', 'Backend Roadmap exercises');
    this.controller.resolveHandler = () => this.refresh();
    this.controller.refreshHandler = () => this.refresh();
    this.controller.createRunProfile('Check', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    const root = localWorkspaceFolder();
    if (root) {
      // The marker, and package.json for folders a 0.1 scaffold marked there.
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(root, `${settingFolder(settings.exercisesFolder)}/*/{${markerFileName},package.json}`),
      );
      this.disposables.push(
        watcher,
        watcher.onDidCreate(() => this.refresh()),
        watcher.onDidDelete(() => this.refresh()),
      );
    }
    this.disposables.push(this.controller);
  }

  /** One item per exercise scaffolded in the workspace. */
  async refresh(): Promise<void> {
    const items: vscode.TestItem[] = [];
    for (const exercise of this.services.catalog.exercises) {
      const folder = await this.checks.scaffoldedFolder(exercise.id);
      if (!folder) continue;
      const item = this.controller.items.get(exercise.id) ?? this.controller.createTestItem(exercise.id, exercise.title, folder);
      item.description = this.services.topic(exercise.topic)?.topic.title;
      items.push(item);
    }
    this.controller.items.replace(items);
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    // A test inside an exercise runs its whole exercise: the check is the unit.
    const wanted = new Map<string, vscode.TestItem>();
    const requested = request.include ?? [...iterate(this.controller.items)];
    for (const item of requested) {
      const top = item.parent ?? item;
      if (!request.exclude?.includes(top)) wanted.set(top.id, top);
    }
    const run = this.controller.createTestRun(request);
    try {
      for (const item of wanted.values()) {
        if (token.isCancellationRequested) {
          run.skipped(item);
          continue;
        }
        run.started(item);
        const result = await this.checks.check(item.id, token);
        if (!result) {
          run.skipped(item);
          continue;
        }
        const children = result.results.map((r) => {
          const child = this.controller.createTestItem(
            `${item.id}/${[...r.suite, r.name].join('/')}`,
            [...r.suite, r.name].join(' › '),
            item.uri,
          );
          return { child, r };
        });
        item.children.replace(children.map((c) => c.child));
        for (const { child, r } of children) {
          if (r.status === 'passed') run.passed(child, r.durationMs);
          else if (r.status === 'failed') run.failed(child, new vscode.TestMessage(r.error ?? 'failed'), r.durationMs);
          else run.skipped(child);
        }
        if (result.outcome === 'passed') run.passed(item, result.durationMs);
        else if (result.outcome === 'cancelled') run.skipped(item);
        else run.failed(item, new vscode.TestMessage(result.summary), result.durationMs);
      }
    } finally {
      run.end();
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function* iterate(collection: vscode.TestItemCollection): Generator<vscode.TestItem> {
  for (const [, item] of collection) yield item;
}
