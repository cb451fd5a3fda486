import * as vscode from 'vscode';
import * as ops from '../../domain/progress/ops';
import { vanishedTopicIds } from '../../domain/progress/import';
import type { ProgressStore } from '../../domain/progress/store';
import type { RoadmapOutline } from '../../domain/roadmap/schema';

/**
 * Brings stored progress in line with the roadmaps at start-up: renamed topics carry their progress
 * over, and topics no roadmap has any more are kept and reported once. A failed write (a read-only
 * checkout, a lock held too long) does not stop activation: changes stay in memory and go out with
 * the next write.
 */
export async function migrateProgress(
  roadmaps: readonly RoadmapOutline[],
  store: ProgressStore,
  log: vscode.LogOutputChannel,
): Promise<void> {
  // Tracks carry their base roadmap's renamed map, so each distinct map is applied once.
  const maps = new Map(roadmaps.map((r) => [JSON.stringify(r.renamed), r.renamed] as const));
  for (const renamed of maps.values()) {
    const moves = await store.update(ops.applyRenames(renamed)).catch((e: unknown) => {
      log.error('Progress followed renamed topics in memory, but saving failed', e);
      return [] as string[];
    });
    if (moves.length > 0) log.info(`Progress followed renamed topics: ${moves.join(', ')}`);
  }
  const known = new Set(roadmaps.flatMap((r) => r.phases.flatMap((p) => p.topics.map((t) => t.id))));
  const vanished = vanishedTopicIds(store.data, known);
  if (vanished.length === 0) return;
  log.warn(`Stored progress names topics no roadmap has any more; it is kept: ${vanished.join(', ')}`);
  void vscode.window.showInformationMessage(
    `Backend Roadmap: your progress includes ${vanished.length} topic(s) the roadmaps no longer have (${vanished.slice(0, 3).join(', ')}${vanished.length > 3 ? ', …' : ''}). It is kept, not deleted; Show Log lists them.`,
  );
  await store.update(ops.markVanishedReported(vanished)).catch((e: unknown) => log.error('Recording reported ids: saving failed', e));
}
