import * as vscode from 'vscode';
import { nextUp } from '../../domain/roadmap/nextUp';
import { allTopics, hoursLeft, phaseTally, roadmapTally, weeklyActivity } from '../../domain/progress/progress';
import { contextKeys, views } from '../../app/ids';
import type { Services } from '../../app/services';
import { WebviewPanelHost } from '../../platform/webview/panelHost';
import { dashboardProtocol } from './protocol';
import type { DashboardHostMessage, DashboardPageMessage, DashboardView } from './protocol';
import { forecast, retention } from '../../domain/review/scheduler';
import type { ReviewCounts } from '../quiz/reviewQueue';

/** What the dashboard's links do outside the panel. */
export interface DashboardActions {
  openTopic(topicId: string): void;
}

/** The progress dashboard: one editor tab, redrawn whenever progress or the roadmap changes. */
export class DashboardPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly host: WebviewPanelHost<DashboardHostMessage, DashboardPageMessage, never>;
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    actions: DashboardActions,
    private readonly review: ReviewCounts,
  ) {
    this.host = new WebviewPanelHost(
      {
        viewType: views.dashboard,
        title: 'Roadmap Dashboard',
        icon: 'graph',
        page: 'dashboard',
        protocol: dashboardProtocol,
        extensionUri: services.extensionUri,
        log: services.log,
      },
      {
        view: () => ({ type: 'showDashboard', view: this.view() }),
        receive: (message) => actions.openTopic(message.topicId),
        opened: () => void vscode.commands.executeCommand('setContext', contextKeys.openedDashboard, true),
      },
    );
    const refresh = () => this.host.refresh();
    this.subs.push(services.store.onDidChange(refresh), services.onDidChangeRoadmap(refresh), review.onDidChange(refresh));
  }

  show(): void {
    this.host.show();
  }

  /** After a reload the dashboard tab comes back with fresh numbers; it keeps no state of its own. */
  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.host.deserializeWebviewPanel(panel, state);
  }

  /** The numbers the dashboard draws; public so tests can compare them with what is shown. */
  view(now = this.services.now()): DashboardView {
    const { roadmap, store } = this.services;
    const data = store.data;
    const tally = roadmapTally(roadmap, data);
    const hours = hoursLeft(roadmap, data);
    const ids = new Set(allTopics(roadmap).map((t) => t.id));
    return {
      roadmapTitle: roadmap.title,
      percent: tally.percent,
      done: tally.done,
      counted: tally.counted,
      verified: tally.verified,
      verifiedPercent: tally.verifiedPercent,
      phases: roadmap.phases.map((p) => {
        const t = phaseTally(p, data);
        return {
          id: p.id,
          title: p.title,
          done: t.done,
          inProgress: t.inProgress,
          verified: t.verified,
          counted: t.counted,
          percent: t.percent,
        };
      }),
      review: (() => {
        const r = retention(data.reviewLog, now);
        return {
          dueToday: this.review.dueToday(now),
          cards: Object.keys(data.cards).length,
          retention: r.rate ?? null,
          reviews: r.reviews,
          forecast: forecast(data.cards, now, 14),
        };
      })(),
      weeks: weeklyActivity(data, now, 12, ids),
      hoursLeft: hours.left,
      hoursTotal: hours.total,
      nextUp: nextUp(roadmap, data, 5, (id) => this.services.titleOf(id)).map((s) => ({
        id: s.topic.id,
        title: s.topic.title,
        reason: s.reason,
      })),
    };
  }

  dispose(): void {
    this.subs.forEach((s) => s.dispose());
    this.host.dispose();
  }
}
