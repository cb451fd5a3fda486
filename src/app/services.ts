import * as vscode from 'vscode';
import { roadmapChoices } from '../domain/roadmap/catalog';
import type { Catalog, RoadmapChoice } from '../domain/roadmap/catalog';
import type { ProgressStore } from '../domain/progress/store';
import type { Roadmap } from '../domain/roadmap/schema';

const selectedKey = 'backendRoadmap.selectedRoadmap';

/** What every provider is handed by activate(), including the roadmap the learner picked. */
export class Services implements vscode.Disposable {
  readonly choices: RoadmapChoice[];
  private current: Roadmap;
  private readonly changed = new vscode.EventEmitter<Roadmap>();
  readonly onDidChangeRoadmap = this.changed.event;

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly catalog: Catalog,
    readonly store: ProgressStore,
    readonly log: vscode.LogOutputChannel,
    private readonly workspaceState: vscode.Memento,
  ) {
    this.choices = roadmapChoices(catalog);
    const saved = workspaceState.get<string>(selectedKey);
    const first = this.choices[0];
    if (!first) throw new Error('Services needs at least one roadmap');
    this.current = (this.choices.find((c) => c.roadmap.id === saved) ?? first).roadmap;
  }

  /** The roadmap shown in the tree and status bar. */
  get roadmap(): Roadmap {
    return this.current;
  }

  async selectRoadmap(id: string): Promise<boolean> {
    const choice = this.choices.find((c) => c.roadmap.id === id);
    if (!choice) return false;
    this.current = choice.roadmap;
    await this.workspaceState.update(selectedKey, id);
    this.changed.fire(choice.roadmap);
    return true;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
