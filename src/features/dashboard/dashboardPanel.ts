import * as vscode from 'vscode';
import { findTopicIn } from '../../domain/roadmap/catalog';
import { nextUp } from '../../domain/roadmap/nextUp';
import { allTopics, hoursLeft, phaseTally, roadmapTally, weeklyActivity } from '../../domain/progress/progress';
import { commands, contextKeys, views } from '../../app/ids';
import type { Services } from '../../app/services';
import { webviewHtml } from '../../platform/webview/html';
import { dashboardHostMessageSchema, dashboardMessageSchema } from '../topic/protocol';
import type { DashboardHostMessage, DashboardView } from '../topic/protocol';

/** The progress dashboard: one editor tab, redrawn whenever progress or the roadmap changes. */
export class DashboardPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private readonly subs: vscode.Disposable[] = [];
  private readonly webviewRoot: vscode.Uri;

  constructor(private readonly services: Services) {
    this.webviewRoot = vscode.Uri.joinPath(services.extensionUri, 'dist', 'webview');
    const a = services.store.onDidChange(() => this.post());
    const b = services.onDidChangeRoadmap(() => this.post());
    this.subs.push({ dispose: () => (a.dispose(), b.dispose()) });
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      return;
    }
    this.adopt(vscode.window.createWebviewPanel(views.dashboard, 'Roadmap Dashboard', vscode.ViewColumn.Active, this.options()));
  }

  /** After a reload the dashboard tab comes back with fresh numbers; it keeps no state of its own. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    this.panel?.dispose();
    panel.webview.options = this.options();
    this.adopt(panel);
  }

  private options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [this.webviewRoot] };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    void vscode.commands.executeCommand('setContext', contextKeys.openedDashboard, true);
    this.ready = false;
    panel.iconPath = new vscode.ThemeIcon('graph');
    panel.webview.html = this.html(panel.webview);
    const subs = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => {
        subs.forEach((s) => s.dispose());
        if (this.panel === panel) this.panel = undefined;
      }),
    ];
  }

  /** The numbers the dashboard draws; public so tests can compare them with what is shown. */
  view(now = new Date()): DashboardView {
    const { roadmap, store, catalog } = this.services;
    const data = store.data;
    const tally = roadmapTally(roadmap, data);
    const hours = hoursLeft(roadmap, data);
    const ids = new Set(allTopics(roadmap).map((t) => t.id));
    return {
      roadmapTitle: roadmap.title,
      percent: tally.percent,
      done: tally.done,
      counted: tally.counted,
      phases: roadmap.phases.map((p) => {
        const t = phaseTally(p, data);
        return { id: p.id, title: p.title, done: t.done, inProgress: t.inProgress, counted: t.counted, percent: t.percent };
      }),
      weeks: weeklyActivity(data, now, 12, ids),
      hoursLeft: hours.left,
      hoursTotal: hours.total,
      nextUp: nextUp(roadmap, data, 5, (id) => this.services.titleOf(id)).map((s) => ({ id: s.topic.id, title: s.topic.title, reason: s.reason })),
    };
  }

  private post(): void {
    if (!this.panel || !this.ready) return;
    const message: DashboardHostMessage = { type: 'showDashboard', view: this.view() };
    const parsed = dashboardHostMessageSchema.safeParse(message);
    if (!parsed.success) {
      this.services.log.error('Not sending an invalid dashboard message', parsed.error.issues);
      return;
    }
    void this.panel.webview.postMessage(parsed.data);
  }

  private receive(raw: unknown): void {
    const parsed = dashboardMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.services.log.warn('Dropped an invalid message from the dashboard webview:', JSON.stringify(raw)?.slice(0, 500));
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'openTopic':
        void vscode.commands.executeCommand(commands.openTopic, message.topicId);
        return;
    }
  }

  private html(webview: vscode.Webview): string {
    return webviewHtml(webview, this.webviewRoot, { script: 'dashboard.js', stylesheet: 'dashboard.css', title: 'Backend Roadmap dashboard', loading: 'Loading dashboard…' });
  }

  dispose(): void {
    this.subs.forEach((s) => s.dispose());
    this.panel?.dispose();
  }
}
