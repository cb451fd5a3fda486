import * as vscode from 'vscode';
import { isComplete } from '../../domain/roadmap/completion';
import { exercisePassed, topicProgress, topicStatus } from '../../domain/progress/progress';
import * as ops from '../../domain/progress/ops';
import { commands, contextKeys, settings, views } from '../../app/ids';
import { readNote } from '../notes/notes';
import type { ExerciseChecks } from '../exercises/checks';
import type { Services } from '../../app/services';
import { webviewHtml } from '../../platform/webview/html';
import { localWorkspaceFolder, settingFolder } from '../../app/workspaceFolders';
import { hostMessageSchema, webviewMessageSchema, webviewStateSchema } from './protocol';
import type { HostMessage, TopicView, WebviewMessage } from './protocol';

/** The single, reused topic panel in the editor area. */
export class TopicPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private topicId: string | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly webviewRoot: vscode.Uri;

  private posted = 0;

  constructor(
    private readonly services: Services,
    private readonly checks: ExerciseChecks,
  ) {
    this.webviewRoot = vscode.Uri.joinPath(services.extensionUri, 'dist', 'webview');
    const subs = [services.store.onDidChange(() => this.postTopic()), checks.onDidChange(() => this.postTopic())];
    // Notes are edited in the editor or outside it; the page shows whether they exist and their first words.
    const root = localWorkspaceFolder();
    const notes = root ? vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, `${settingFolder(settings.notesFolder)}/*.md`)) : vscode.workspace.createFileSystemWatcher('**/notes/*.md');
    this.disposables.push(
      { dispose: () => subs.forEach((s) => s.dispose()) },
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.postTopic()),
      notes,
      notes.onDidCreate(() => this.postTopic()),
      notes.onDidChange(() => this.postTopic()),
      notes.onDidDelete(() => this.postTopic()),
    );
  }

  show(topicId: string): void {
    if (!this.find(topicId)) {
      void vscode.window.showErrorMessage(`Backend Roadmap: there is no topic with id "${topicId}" in ${this.services.roadmap.title}.`);
      return;
    }
    if (!this.panel) {
      this.closeUnrevivedTabs();
      const panel = vscode.window.createWebviewPanel(views.topicPanel, 'Topic', vscode.ViewColumn.Active, this.options());
      this.adopt(panel);
    }
    this.setTopic(topicId);
    this.panel?.reveal(undefined, false);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.panel?.dispose();
    panel.webview.options = this.options();
    this.adopt(panel);
    const parsed = webviewStateSchema.safeParse(state);
    // In a browser host the webview state is flushed on unload and can be lost; the current
    // topic in workspace state is the fallback.
    const topicId = (parsed.success ? parsed.data.topicId : undefined) ?? this.services.store.data.currentTopic;
    this.services.log.info(`Restoring the topic panel (webview state: ${parsed.success ? parsed.data.topicId : 'none'}, showing: ${topicId ?? 'none'})`);
    if (topicId && this.find(topicId)) this.setTopic(topicId);
    else this.post({ type: 'missingTopic', topicId: topicId ?? 'unknown' });
  }

  /**
   * After a reload, a topic tab that was in the background is only revived when shown. Close it
   * before opening a new panel, so there is still just one topic panel.
   */
  private closeUnrevivedTabs(): void {
    const stale = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(views.topicPanel));
    if (stale.length > 0) void vscode.window.tabGroups.close(stale, true);
  }

  get currentTopicId(): string | undefined {
    return this.topicId;
  }

  /** Topics are looked up in every roadmap: a track or path may link to topics outside itself. */
  private find(topicId: string) {
    return this.services.topic(topicId);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // No retainContextWhenHidden: the webview keeps its own small state via setState instead.
    return { enableScripts: true, enableFindWidget: true, localResourceRoots: [this.webviewRoot] };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.iconPath = new vscode.ThemeIcon('milestone');
    panel.webview.html = this.html(panel.webview);
    const subs = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => {
        subs.forEach((s) => s.dispose());
        if (this.panel === panel) {
          this.panel = undefined;
          this.topicId = undefined;
          this.ready = false;
        }
      }),
    ];
  }

  private setTopic(topicId: string): void {
    this.topicId = topicId;
    void vscode.commands.executeCommand('setContext', contextKeys.openedTopic, true);
    void this.services.store.update(ops.setCurrentTopic(topicId)).catch((e: unknown) => this.services.log.error('Saving the current topic failed', e));
    this.postTopic();
  }

  private postTopic(): void {
    if (!this.panel || !this.topicId) return;
    // Views are built asynchronously (they look for scaffolded folders); only the newest is sent.
    const seq = ++this.posted;
    void this.topicView(this.topicId).then((view) => {
      if (!view || seq !== this.posted || !this.panel) return;
      this.panel.title = view.title;
      if (this.ready) this.post({ type: 'showTopic', topic: view });
    }, (e: unknown) => this.services.log.error('Building the topic view failed', e));
  }

  private post(message: HostMessage): void {
    // Validated on the way out too, so a host bug cannot send the webview malformed data.
    const parsed = hostMessageSchema.safeParse(message);
    if (!parsed.success) {
      this.services.log.error(`Not sending an invalid ${message.type} message to the topic webview`, parsed.error.issues);
      return;
    }
    void this.panel?.webview.postMessage(parsed.data);
  }

  private receive(raw: unknown): void {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.services.log.warn('Dropped an invalid message from the topic webview:', JSON.stringify(raw)?.slice(0, 500));
      return;
    }
    void this.handle(parsed.data).catch((e: unknown) => {
      this.services.log.error(`Handling ${parsed.data.type} failed`, e);
      void vscode.window.showErrorMessage(`Backend Roadmap: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    const { store } = this.services;
    switch (message.type) {
      case 'ready':
        this.services.log.debug(`Topic webview ready (topic: ${this.topicId ?? 'none'})`);
        this.ready = true;
        this.postTopic();
        return;
      case 'toggleItem': {
        const topic = this.find(message.topicId)?.topic;
        if (!topic?.checklist.some((i) => i.id === message.itemId)) {
          this.services.log.warn(`Ignored toggle of unknown item ${message.topicId}/${message.itemId}`);
          return;
        }
        await store.update(ops.setItem(message.topicId, message.itemId, message.checked));
        // The walkthrough's "tick an item" step completes on this.
        if (message.checked) void vscode.commands.executeCommand('setContext', contextKeys.tickedItem, true);
        if (message.checked && isComplete(topic, store.data) && store.status(topic.id) !== 'done') void this.offerDone(topic.id, topic.title);
        return;
      }
      case 'setStatus':
        if (!this.find(message.topicId)) return this.services.log.warn(`Ignored status of unknown topic ${message.topicId}`);
        await store.update(ops.setStatus(message.topicId, message.status));
        return;
      case 'openResource': {
        const resource = (await this.services.catalog.fullTopic(message.topicId, this.services.roadmap))?.topic.resources[message.index];
        if (!resource) return this.services.log.warn(`Ignored unknown resource ${message.topicId}#${message.index}`);
        await vscode.env.openExternal(vscode.Uri.parse(resource.url, true));
        return;
      }
      case 'openTopic':
        this.show(message.topicId);
        return;
      case 'scaffold':
        await vscode.commands.executeCommand(commands.scaffoldExercise, message.topicId, message.exerciseId);
        return;
      case 'openNotes': {
        const topic = this.find(message.topicId)?.topic;
        if (!topic) return this.services.log.warn(`Ignored notes of unknown topic ${message.topicId}`);
        await vscode.commands.executeCommand(commands.openNotes, topic.id);
        return;
      }
      case 'check':
        if (!this.services.catalog.exercises.some((e) => e.id === message.exerciseId)) return this.services.log.warn(`Ignored check of unknown exercise ${message.exerciseId}`);
        await vscode.commands.executeCommand(commands.checkExercise, message.exerciseId);
        return;
    }
  }

  /** Everything ticked: offer (not force) the done status, since ticking is not the same as knowing. */
  private async offerDone(topicId: string, title: string): Promise<void> {
    const choice = await vscode.window.showInformationMessage(`Everything in "${title}" is ticked. Mark the topic done?`, 'Mark Done');
    if (choice === 'Mark Done') await this.services.store.update(ops.setStatus(topicId, 'done'));
  }

  private async topicView(topicId: string): Promise<TopicView | undefined> {
    const { store, catalog } = this.services;
    // Details (why, checklist text, resources) are read when a page first needs them.
    const found = await catalog.fullTopic(topicId, this.services.roadmap);
    if (!found) return undefined;
    const { topic, phase } = found;
    const data = store.data;
    const checked = new Set(topicProgress(data, topic.id)?.checked ?? []);
    return {
      id: topic.id,
      title: topic.title,
      phaseTitle: phase.title,
      summary: topic.summary,
      why: topic.why,
      estimatedHours: topic.estimatedHours,
      status: topicStatus(data, topic.id),
      prerequisites: topic.prerequisites.map((id) => ({
        id,
        title: this.find(id)?.topic.title ?? id,
        status: topicStatus(data, id),
      })),
      checklist: topic.checklist.map((item) => ({ id: item.id, text: item.text, checked: checked.has(item.id) })),
      resources: topic.resources.map((r) => ({ title: r.title, type: r.type, url: r.url })),
      notes: await readNote(topic.id),
      exercises: await Promise.all(
        topic.exercises.flatMap((id) => {
          const ex = catalog.exercises.find((e) => e.id === id);
          return ex ? [this.exerciseView(ex.id, ex.title, ex.description, exercisePassed(data, id))] : [];
        }),
      ),
    };
  }

  private async exerciseView(id: string, title: string, description: string, passed: boolean): Promise<TopicView['exercises'][number]> {
    const state = this.checks.state(id);
    const last = state.last;
    return {
      id,
      title,
      description,
      passed,
      scaffolded: await this.checks.isScaffolded(id),
      canCheck: vscode.workspace.isTrusted,
      check: state.running || last
        ? {
            running: state.running,
            outcome: last?.outcome,
            summary: last?.summary,
            results: (last?.results ?? []).map((r) => ({ name: r.name, suite: r.suite, status: r.status, error: r.error?.slice(0, 2000) })),
          }
        : undefined,
    };
  }

  private html(webview: vscode.Webview): string {
    return webviewHtml(webview, this.webviewRoot, { script: 'main.js', stylesheet: 'style.css', title: 'Backend Roadmap topic', loading: 'Loading topic…' });
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

