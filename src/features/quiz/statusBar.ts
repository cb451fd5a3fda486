import * as vscode from 'vscode';
import { commands } from '../../app/ids';
import type { ReviewQueue } from './reviewQueue';

/** How many review cards are due today; hidden when none are. */
export class ReviewStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('backendRoadmap.review', vscode.StatusBarAlignment.Left, 9);
  private readonly sub: vscode.Disposable;

  constructor(private readonly queue: ReviewQueue) {
    this.item.name = 'Backend Roadmap Review';
    this.item.command = commands.startReview;
    // The queue fires when cards fall due as time passes, too.
    this.sub = queue.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    const due = this.queue.dueToday();
    if (due === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(mortar-board) ${due}`;
    this.item.tooltip = `${due} review card${due === 1 ? '' : 's'} due today. Click to review.`;
    this.item.accessibilityInformation = { label: `Backend Roadmap: ${due} review cards due today. Review now.` };
    this.item.show();
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}
