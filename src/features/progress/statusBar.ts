import * as vscode from 'vscode';
import { roadmapTally } from '../../domain/progress/progress';
import { commands } from '../../app/ids';
import type { Services } from '../../app/services';

export class ProgressStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('backendRoadmap.progress', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: { dispose(): void }[];

  constructor(private readonly services: Services) {
    this.item.name = 'Backend Roadmap Progress';
    this.item.command = commands.showRoadmap;
    this.subscriptions = [services.store.onDidChange(() => this.update()), services.onDidChangeRoadmap(() => this.update())];
    this.update();
    this.item.show();
  }

  private update(): void {
    const { roadmap, store } = this.services;
    const t = roadmapTally(roadmap, store.data);
    this.item.text = `$(milestone) ${t.percent}%`;
    this.item.tooltip = `${roadmap.title}: ${t.done} of ${t.counted} topics done (${t.percent}%)${t.skipped ? `, ${t.skipped} skipped` : ''}. Click to open the roadmap.`;
    this.item.accessibilityInformation = { label: `Backend Roadmap progress: ${t.percent} percent, ${t.done} of ${t.counted} topics done` };
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
