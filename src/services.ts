import type * as vscode from 'vscode';
import type { Catalog } from './core/catalog';
import type { ProgressStore } from './core/progressStore';
import type { Roadmap } from './core/roadmapSchema';

/** What every provider is handed by activate(). */
export interface Services {
  extensionUri: vscode.Uri;
  catalog: Catalog;
  /** The roadmap shown in the tree. */
  roadmap: Roadmap;
  store: ProgressStore;
  log: vscode.LogOutputChannel;
}
