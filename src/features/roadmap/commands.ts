import type { CourseStatus } from '../authoring/register';
import * as vscode from 'vscode';
import * as ops from '../../domain/progress/ops';
import { nextUp } from '../../domain/roadmap/nextUp';
import { allTopics, roadmapTally } from '../../domain/progress/progress';
import { filterLabels, matchesFilter, topicFilters } from '../../domain/roadmap/treeModel';
import { commands, views } from '../../app/ids';
import type { Services } from '../../app/services';
import { statusLabels } from '../../domain/progress/status';
import type { TopicStatus } from '../../domain/progress/status';
import { resolveTopic } from './pickTopic';
import type { TopicArg } from './pickTopic';
import type { RoadmapNode, RoadmapTreeProvider } from './treeProvider';

/** What the roadmap commands need from the topic page. */
export interface TopicPage {
  show(topicId: string): void;
  readonly currentTopicId: string | undefined;
}

export function registerRoadmapCommands(
  services: Services,
  panel: TopicPage,
  tree: RoadmapTreeProvider,
  treeView: vscode.TreeView<RoadmapNode>,
  course: CourseStatus,
): vscode.Disposable[] {
  const setStatus = (status: TopicStatus) => async (arg: TopicArg) => {
    const topicId = await resolveTopic(services, arg, `Mark a topic as ${statusLabels[status].toLowerCase()}`);
    if (topicId) await services.store.update(ops.setStatus(topicId, status));
  };

  /** Shows a topic in its phase, lifting a filter that would hide it. */
  const reveal = async (topicId: string): Promise<boolean> => {
    const node = tree.topicNode(topicId);
    if (!node || node.kind !== 'topic') return false;
    if (!matchesFilter(node.topic, services.store.data, tree.filter)) tree.setFilter('all');
    await treeView.reveal(node, { select: true, focus: true, expand: true });
    return true;
  };

  return [
    vscode.commands.registerCommand(commands.searchTopics, async () => {
      const topicId = await resolveTopic(services, undefined, 'Search topics');
      if (topicId) {
        await reveal(topicId);
        panel.show(topicId);
      }
    }),
    vscode.commands.registerCommand(commands.revealCurrentTopic, async () => {
      const topicId = panel.currentTopicId ?? services.store.data.currentTopic;
      if (!topicId || !(await reveal(topicId))) {
        void vscode.window.showInformationMessage(`Backend Roadmap: open a topic of ${services.roadmap.title} first.`);
      }
    }),
    vscode.commands.registerCommand(commands.filterTopics, async (filter?: string) => {
      const chosen =
        typeof filter === 'string'
          ? topicFilters.find((f) => f === filter)
          : (
              await vscode.window.showQuickPick(
                topicFilters.map((f) => ({ label: filterLabels[f], description: f === tree.filter ? 'current' : undefined, filter: f })),
                { title: 'Show which topics?' },
              )
            )?.filter;
      if (!chosen) return;
      tree.setFilter(chosen);
    }),
    vscode.commands.registerCommand(commands.showRoadmap, () =>
      vscode.commands.executeCommand(`workbench.view.extension.${views.container}`),
    ),
    vscode.commands.registerCommand(commands.selectRoadmap, async (id?: string) => {
      if (typeof id === 'string') {
        if (!(await services.selectRoadmap(id))) void vscode.window.showErrorMessage(`Backend Roadmap: unknown roadmap id "${id}".`);
        return;
      }
      const items = services.choices.map((c) => {
        const tally = roadmapTally(c.roadmap, services.store.data);
        return {
          label: c.roadmap.title,
          description: `${c.origin === 'workspace' ? 'workspace · ' : ''}${allTopics(c.roadmap).length} topics · ${tally.percent}% done${c.roadmap.id === services.roadmap.id ? ' · current' : ''}`,
          detail: c.roadmap.description,
          iconPath: new vscode.ThemeIcon(c.kind === 'path' ? 'briefcase' : c.origin === 'workspace' ? 'folder-library' : 'milestone'),
          id: c.roadmap.id as string | undefined,
        };
      });
      // Restricted Mode: the folder's roadmaps are named, not read, and choosing one says why.
      const { state } = course;
      if (state.kind === 'untrusted')
        for (const file of state.files)
          items.push({
            label: `${state.folder}/${file}`,
            description: 'not loaded: folder not trusted',
            detail: 'Workspace roadmaps load only in a trusted folder. Choose this to manage workspace trust.',
            iconPath: new vscode.ThemeIcon('workspace-untrusted'),
            id: undefined,
          });
      const pick = await vscode.window.showQuickPick(items, {
        title: 'Select a roadmap or career path',
        placeHolder: 'Progress is kept per topic, so it carries across roadmaps',
        matchOnDetail: true,
      });
      if (!pick) return;
      if (pick.id === undefined) await vscode.commands.executeCommand('workbench.trust.manage');
      else await services.selectRoadmap(pick.id);
    }),
    vscode.commands.registerCommand(commands.openTopic, async (arg: TopicArg) => {
      const topicId = await resolveTopic(services, arg, 'Open a roadmap topic');
      if (topicId) panel.show(topicId);
    }),
    vscode.commands.registerCommand(commands.showNextUp, async () => {
      const suggestions = nextUp(services.roadmap, services.store.data, 10, (id) => services.titleOf(id));
      if (suggestions.length === 0) {
        void vscode.window.showInformationMessage(`Backend Roadmap: nothing is left to suggest in ${services.roadmap.title}.`);
        return;
      }
      const pick = await vscode.window.showQuickPick(
        suggestions.map((s) => ({ label: s.topic.title, description: s.reason, detail: s.topic.summary, topicId: s.topic.id })),
        { title: `Next up in ${services.roadmap.title}`, matchOnDetail: true },
      );
      if (pick) panel.show(pick.topicId);
    }),
    vscode.commands.registerCommand(commands.markDone, setStatus('done')),
    vscode.commands.registerCommand(commands.markInProgress, setStatus('inProgress')),
    vscode.commands.registerCommand(commands.markSkipped, setStatus('skipped')),
    vscode.commands.registerCommand(commands.markNotStarted, setStatus('notStarted')),
  ];
}
