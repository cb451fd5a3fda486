// Integration tests: run inside a real extension host (desktop VS Code via @vscode/test-cli, or
// code-server via the test harness) against the installed or development extension.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BackendRoadmapApi } from '../../src/extension';
import { roadmapTally } from '../../src/domain/progress/progress';
import { commands, extensionId, views } from '../../src/app/ids';
import * as ops from '../../src/domain/progress/ops';
import type { ProgressData } from '../../src/domain/progress/progress';
import { answerCard } from '../../src/domain/review/scheduler';
import { syncKey } from '../../src/features/progress/sync';

async function api(): Promise<BackendRoadmapApi> {
  const ext = vscode.extensions.getExtension<BackendRoadmapApi | undefined>(extensionId);
  assert.ok(ext, `${extensionId} is installed`);
  const exports = await ext.activate();
  assert.ok(exports, 'activate() returned the test API (the bundled roadmap loaded)');
  return exports;
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri.fsPath;
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Code actions as the lightbulb asks for them. The workbench cancels a request that a newer one (its own
 * lightbulb, an editor change) supersedes; a cancelled request answered nothing, so it counts as none yet.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  try {
    return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
  } catch (e) {
    if (e instanceof Error && e.message === 'Canceled') return [];
    throw e;
  }
}

describe('Backend Roadmap in a real extension host', () => {
  it('activates and loads the bundled roadmap', async () => {
    const { services } = await api();
    assert.equal(services.roadmap.id, 'backend');
    assert.ok(services.roadmap.phases.length >= 2);
    assert.deepEqual(services.catalog.problems, []);
  });

  it('registers every command declared in package.json', async () => {
    await api();
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(commands)) assert.ok(all.has(id), id);
  });

  it('marks a topic done from the command with an id, and persists it through the store', async () => {
    const { services } = await api();
    const seen: (string | undefined)[] = [];
    const sub = services.store.onDidChange((c) => seen.push(c.topicId));
    await vscode.commands.executeCommand(commands.markDone, 'dns');
    sub.dispose();
    assert.equal(services.store.status('dns'), 'done');
    assert.deepEqual(seen, ['dns']);
    await services.store.flush();
    await vscode.commands.executeCommand(commands.markNotStarted, 'dns');
    assert.equal(services.store.status('dns'), 'notStarted');
  });

  it('opens one reused topic panel for successive topics', async () => {
    const { services } = await api();
    const topicTabs = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(views.topicPanel));
    await vscode.commands.executeCommand(commands.openTopic, 'http-basics');
    await until(() => topicTabs().length === 1, 'the topic panel');
    await vscode.commands.executeCommand(commands.openTopic, 'rest-apis');
    await until(() => topicTabs()[0]?.label === 'REST APIs', 'the panel to show REST APIs');
    assert.equal(topicTabs().length, 1);
    assert.equal(services.store.data.currentTopic, 'rest-apis');
  });

  it('offers the scaffold as a source action and as a lightbulb action in a .js file', async () => {
    await api();
    await vscode.commands.executeCommand(commands.openTopic, 'rest-apis');
    const file = path.join(workspaceRoot(), 'integration-probe.js');
    await fs.writeFile(file, "require('node:http');\n");
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const range = new vscode.Range(0, 0, 0, 0);
    const title = 'Scaffold: Express REST routes (topic: REST APIs)';
    // The workbench syncs the new document asynchronously; ask until it answers, as the lightbulb does.
    let source: vscode.CodeAction[] = [];
    let all: vscode.CodeAction[] = [];
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      source = await codeActions(doc.uri, range, vscode.CodeActionKind.Source.value);
      all = await codeActions(doc.uri, range);
      if (source.some((a) => a.title === title) && all.some((a) => a.title === title)) break;
    }
    assert.ok(
      source.some((a) => a.title === title && a.kind?.value === 'source.backendRoadmap.scaffold'),
      `source actions: ${source.map((a) => a.title).join(', ')}`,
    );
    assert.ok(
      all.some((a) => a.title === title && a.kind?.value === 'backendRoadmap.scaffold'),
      `lightbulb actions: ${all.map((a) => a.title).join(', ')}`,
    );
  });

  it('scaffolds the Express exercise into exercises/<exercise-id> and opens its files at the first TODO', async () => {
    await api();
    const target = path.join(workspaceRoot(), 'exercises', 'express-route');
    await fs.rm(target, { recursive: true, force: true });
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(commands.scaffoldExercise, 'rest-apis', 'express-route');
    assert.equal(uri?.fsPath, target);
    for (const f of ['package.json', 'src/books.js', 'test/books.test.js']) assert.ok(existsSync(path.join(target, f)), f);
    await until(() => vscode.window.activeTextEditor?.document.uri.fsPath === path.join(target, 'src', 'books.js'), 'books.js to open');
    const editor = vscode.window.activeTextEditor;
    assert.match(editor?.document.lineAt(editor.selection.active.line).text ?? '', /TODO/, 'the cursor is on the first TODO');
    assert.ok(
      vscode.workspace.textDocuments.some((d) => d.uri.fsPath === path.join(target, 'README.md')),
      'the README is open',
    );
  });

  it('suggests topics and exercises for the packages an open file imports', async () => {
    await api();
    const file = path.join(workspaceRoot(), 'imports-probe.js');
    await fs.writeFile(file, "const jwt = require('jsonwebtoken');\nimport { Pool } from 'pg';\n");
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const range = new vscode.Range(0, 0, 0, 0);
    let titles: string[] = [];
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      titles = (await codeActions(doc.uri, range)).map((a) => a.title);
      if (titles.some((t) => t.startsWith('Open roadmap topic'))) break;
    }
    for (const want of [
      'Open roadmap topic: JSON Web Tokens (JWT)',
      'Scaffold: JWT middleware (topic: JSON Web Tokens (JWT))',
      'Open roadmap topic: Database migrations',
    ]) {
      assert.ok(titles.includes(want), `${want} in ${titles.join(' | ')}`);
    }
  });

  it('refuses to check an exercise that is not scaffolded, and checks nothing for an unknown id', async () => {
    const { checks } = await api();
    await fs.rm(path.join(workspaceRoot(), 'exercises', 'jwt-middleware'), { recursive: true, force: true });
    assert.equal(await checks.isScaffolded('jwt-middleware'), false);
    const result = await Promise.race([
      vscode.commands.executeCommand(commands.checkExercise, 'jwt-middleware'),
      new Promise((r) => setTimeout(() => r('prompt shown'), 2_000)),
    ]);
    assert.notEqual(typeof result === 'object' && result !== null, true, 'no check ran');
    assert.equal(checks.state('jwt-middleware').last, undefined);
  });

  it('refuses an exercises folder setting that escapes the workspace, writing nothing', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('backendRoadmap');
    await config.update('exercisesFolder', '../outside', vscode.ConfigurationTarget.Workspace);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(commands.scaffoldExercise, 'rest-apis', 'express-route');
      assert.equal(uri, undefined);
      assert.ok(!existsSync(path.join(workspaceRoot(), '..', 'outside')));
    } finally {
      await config.update('exercisesFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('ignores an unknown topic id with an error instead of throwing', async () => {
    const { services } = await api();
    const before = JSON.stringify(services.store.data);
    await vscode.commands.executeCommand(commands.markDone, 'no-such-topic');
    await vscode.commands.executeCommand(commands.openTopic, 'no-such-topic');
    assert.equal(JSON.stringify(services.store.data), before);
  });

  it('switches to a track and a career path, where progress made in the complete roadmap shows', async () => {
    const { services } = await api();
    await vscode.commands.executeCommand(commands.markDone, 'jwt');
    try {
      await vscode.commands.executeCommand(commands.selectRoadmap, 'junior-job-ready');
      assert.equal(services.roadmap.id, 'junior-job-ready');
      assert.ok(services.roadmap.phases.some((p) => p.topics.some((t) => t.id === 'jwt')));
      assert.equal(roadmapTally(services.roadmap, services.store.data).done, 1, 'jwt counts as done in the track');

      const path = services.choices.find((c) => c.kind === 'path' && c.roadmap.phases.some((p) => p.topics.some((t) => t.id === 'jwt')));
      assert.ok(path, 'a career path includes jwt');
      await vscode.commands.executeCommand(commands.selectRoadmap, path.roadmap.id);
      assert.equal(services.roadmap.id, path.roadmap.id);
      assert.equal(roadmapTally(services.roadmap, services.store.data).done, 1, 'and in the career path');
    } finally {
      await vscode.commands.executeCommand(commands.selectRoadmap, 'backend');
      await vscode.commands.executeCommand(commands.markNotStarted, 'jwt');
    }
    assert.equal(services.roadmap.id, 'backend');
  });

  it('exports progress as a Markdown checklist and as JSON', async () => {
    const { services } = await api();
    await vscode.commands.executeCommand(commands.markDone, 'dns');
    try {
      const md = await vscode.commands.executeCommand<vscode.TextDocument>(commands.exportProgress, 'markdown');
      assert.equal(md.languageId, 'markdown');
      assert.match(md.getText(), /^# Backend Developer — complete — progress/);
      assert.match(md.getText(), /^- \[x\] \*\*DNS and name resolution\*\*$/m);
      assert.match(md.getText(), /^- \[ \] \*\*How the internet works\*\*/m);
      const json = await vscode.commands.executeCommand<vscode.TextDocument>(commands.exportProgress, 'json');
      const parsed = JSON.parse(json.getText()) as { exportedFrom: string; progress: { topics: Record<string, { status?: string }> } };
      assert.equal(parsed.exportedFrom, services.roadmap.id);
      assert.equal(parsed.progress.topics.dns?.status, 'done');
    } finally {
      await vscode.commands.executeCommand(commands.markNotStarted, 'dns');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('opens the dashboard, whose numbers follow progress, with history timestamps', async () => {
    const { services, dashboard } = await api();
    await vscode.commands.executeCommand(commands.showDashboard);
    await until(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(views.dashboard)),
      'the dashboard tab',
    );
    const phaseOf = () => dashboard.view().phases.find((p) => p.id === 'internet-foundations');
    const before = phaseOf();
    await vscode.commands.executeCommand(commands.markDone, 'how-the-internet-works');
    try {
      assert.equal(phaseOf()?.done, (before?.done ?? 0) + 1);
      const thisWeek = dashboard.view().weeks.at(-1);
      assert.ok((thisWeek?.topicsDone ?? 0) >= 1, 'the completion shows in this week');
      const last = services.store.data.history.at(-1);
      assert.equal(last?.topicId, 'how-the-internet-works');
      assert.equal(last?.status, 'done');
      assert.ok(Date.now() - Date.parse(last?.at ?? '') < 60_000);
      assert.ok(dashboard.view().hoursLeft < dashboard.view().hoursTotal);
    } finally {
      await vscode.commands.executeCommand(commands.markNotStarted, 'how-the-internet-works');
    }
  });

  it('opens notes per topic, creating notes/<topic-id>.md with a heading and never overwriting it', async () => {
    await api();
    const file = path.join(workspaceRoot(), 'notes', 'dns.md');
    await fs.rm(file, { force: true });
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(commands.openNotes, 'dns');
    assert.equal(uri?.fsPath, file);
    assert.equal(await fs.readFile(file, 'utf8'), '# DNS and name resolution\n\n');
    await fs.writeFile(file, '# DNS\n\nMy own words.\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand(commands.openNotes, 'dns');
    assert.equal(await fs.readFile(file, 'utf8'), '# DNS\n\nMy own words.\n');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('lists scaffolded exercises in the Testing view, and a run there is a Check with per-test results', async function () {
    this.timeout(240_000);
    const { tests, checks } = await api();
    assert.ok(existsSync(path.join(workspaceRoot(), 'exercises', 'express-route', 'package.json')), 'scaffolded by an earlier test');
    await tests.refresh();
    const item = tests.controller.items.get('express-route');
    assert.ok(item, 'express-route is in the Testing view');
    assert.equal(tests.controller.items.get('jwt-middleware'), undefined, 'exercises not scaffolded are not listed');
    await vscode.commands.executeCommand('testing.runAll');
    await until(
      () => checks.state('express-route').last !== undefined && !checks.state('express-route').running,
      'the check to finish',
      200_000,
    );
    assert.equal(checks.state('express-route').last?.outcome, 'failed', 'the starter fails');
    await until(() => item.children.size >= 18, 'one child per test');
  });

  it('mirrors progress and review state for Settings Sync, and merges a mirror written on another machine', async () => {
    const { services, sync } = await api();
    const now = () => new Date().toISOString();
    await services.store.update(ops.setStatus('dns', 'done'));
    await services.store.update(ops.setStatus('tcp-and-udp', 'inProgress'));
    await sync.flush();
    const mine = sync.mirror() as { writer: string; data: ProgressData };
    assert.equal(mine.data.version, 3);
    assert.equal(mine.data.topics.dns?.status, 'done');
    assert.ok(mine.writer.startsWith(vscode.env.machineId), 'written by this machine');
    // Its own mirror is not merged back: pulling it changes nothing.
    const before = JSON.stringify(services.store.data);
    await sync.pull();
    assert.equal(JSON.stringify(services.store.data), before, 'our own mirror is skipped');

    // Another machine: sql-joins done there, dns reset there later than here, a card answered there,
    // and an older record of tcp-and-udp, which must not beat the newer one here.
    const theirs = structuredClone(mine.data);
    theirs.topics['sql-joins'] = { status: 'done', checked: [], updatedAt: now() };
    theirs.topics.dns = { checked: [], updatedAt: now() };
    theirs.topics['tcp-and-udp'] = { status: 'done', checked: [], updatedAt: '2020-01-01T00:00:00.000Z' };
    theirs.cards['http-basics/elsewhere'] = answerCard('http-basics/elsewhere', 'http-basics', undefined, 'good', new Date()).card;
    await sync.state.update(syncKey, { writer: 'another-machine:file:///elsewhere', data: theirs });
    await sync.pull();
    try {
      assert.equal(services.store.status('sql-joins'), 'done', 'a topic done there');
      assert.equal(services.store.status('dns'), 'notStarted', 'a later reset there carries over');
      assert.equal(services.store.status('tcp-and-udp'), 'inProgress', 'an older record there does not win');
      assert.ok(services.store.data.cards['http-basics/elsewhere'], 'the card came across');
      // Writing the mirror now carries both machines' changes: nothing of theirs is lost.
      await sync.flush();
      const merged = sync.mirror() as { writer: string; data: ProgressData };
      assert.ok(merged.writer.startsWith(vscode.env.machineId));
      assert.equal(merged.data.topics['sql-joins']?.status, 'done');
      assert.ok(merged.data.cards['http-basics/elsewhere']);
    } finally {
      await services.store.update(ops.resetTopics(['sql-joins', 'dns', 'tcp-and-udp']));
      await sync.flush();
    }
  });
});
