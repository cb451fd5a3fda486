import * as vscode from 'vscode';
import { topicStatus } from '../../domain/progress/progress';
import { statusLabels } from '../../domain/progress/status';
import type { Services } from '../../app/services';
import type { RoadmapNode } from './treeProvider';

/** What a command gets as its topic: a tree row, an id (from code or a link), or nothing (then it asks). */
export type TopicArg = RoadmapNode | string | undefined;

/** The topic a command is about: the argument's, or one the learner picks from the current roadmap. */
export async function resolveTopic(services: Services, arg: TopicArg, title: string): Promise<string | undefined> {
  if (typeof arg === 'string') {
    if (services.topic(arg)) return arg;
    void vscode.window.showErrorMessage(`Backend Roadmap: unknown topic id "${arg}".`);
    return undefined;
  }
  if (arg?.kind === 'topic') return arg.topic.id;
  const items = services.roadmap.phases.flatMap((phase) => [
    { label: phase.title, kind: vscode.QuickPickItemKind.Separator } as vscode.QuickPickItem & { topicId?: string },
    ...phase.topics.map((t) => ({
      label: t.title,
      description: statusLabels[topicStatus(services.store.data, t.id)],
      detail: t.summary,
      topicId: t.id,
    })),
  ]);
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: 'Type to filter topics', matchOnDetail: true });
  return pick?.topicId;
}
