import * as vscode from 'vscode';
import type { RoadmapChoice } from '../domain/roadmap/catalog';
import type { CatalogService } from '../domain/roadmap/catalogService';
import type { TopicHit } from '../domain/roadmap/lookup';
import type { ProgressStore } from '../domain/progress/store';
import type { AppClock } from './clock';
import type { PhaseOutline, RoadmapOutline } from '../domain/roadmap/schema';

const selectedKey = 'backendRoadmap.selectedRoadmap';

/** What every feature is handed by activate(), including the roadmap the learner picked. */
export class Services implements vscode.Disposable {
  private current: RoadmapOutline;
  private readonly changed = new vscode.EventEmitter<RoadmapOutline>();
  /** The selected roadmap changed, or the catalog was replaced under it. */
  readonly onDidChangeRoadmap = this.changed.event;
  private readonly catalogSub: { dispose(): void };

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly catalog: CatalogService,
    readonly store: ProgressStore,
    readonly log: vscode.LogOutputChannel,
    private readonly workspaceState: vscode.Memento,
    /** The time everything is measured against (the system clock outside tests). */
    readonly clock: AppClock,
  ) {
    this.current = this.resolve(workspaceState.get<string>(selectedKey));
    this.catalogSub = catalog.onDidChange(() => {
      // A catalog left with no roadmap keeps showing the last one rather than nothing.
      // The stored choice first: a workspace roadmap picked last time loads after activation.
      if (catalog.choices.length > 0) this.current = this.resolve(workspaceState.get<string>(selectedKey) ?? this.current.id);
      this.changed.fire(this.current);
    });
  }

  private resolve(id: string | undefined): RoadmapOutline {
    const choices = this.catalog.choices;
    const first = choices[0];
    if (!first) throw new Error('Services needs at least one roadmap');
    return (choices.find((c) => c.roadmap.id === id) ?? first).roadmap;
  }

  get choices(): readonly RoadmapChoice[] {
    return this.catalog.choices;
  }

  /** The roadmap shown in the tree and status bar. */
  get roadmap(): RoadmapOutline {
    return this.current;
  }

  /** A topic in the current roadmap, else in any roadmap (tracks and paths link outside themselves). */
  topic(topicId: string): TopicHit<PhaseOutline> | undefined {
    return this.catalog.topic(topicId, this.current);
  }

  /** Now, by the clock: review due dates and quiz results use this, never `new Date()`. */
  now(): Date {
    return this.clock.now();
  }

  titleOf(topicId: string): string | undefined {
    return this.topic(topicId)?.topic.title;
  }

  async selectRoadmap(id: string): Promise<boolean> {
    const choice = this.catalog.choices.find((c) => c.roadmap.id === id);
    if (!choice) return false;
    this.current = choice.roadmap;
    await this.workspaceState.update(selectedKey, id);
    this.changed.fire(choice.roadmap);
    return true;
  }

  dispose(): void {
    this.catalogSub.dispose();
    this.changed.dispose();
  }
}
