import * as vscode from 'vscode';
import { views } from '../../app/ids';
import type { Services } from '../../app/services';
import { filterLabels } from '../../domain/roadmap/treeModel';
import { registerRoadmapCommands } from './commands';
import type { TopicPage } from './commands';
import { RoadmapTreeProvider } from './treeProvider';
import type { ReviewCounts } from '../quiz/reviewQueue';
import type { CourseStatus } from '../authoring/register';

/** The roadmap view (rows, description, badge) and the commands that navigate it. */
export function registerRoadmap(
  context: vscode.ExtensionContext,
  services: Services,
  topicPage: TopicPage,
  review: ReviewCounts,
  course: CourseStatus,
): RoadmapTreeProvider {
  const tree = new RoadmapTreeProvider(services, context.workspaceState, review);
  const treeView = vscode.window.createTreeView(views.tree, { treeDataProvider: tree, showCollapseAll: true });
  // One place for the description and message: the roadmap and any filter, whatever changed. The
  // message matters: a single view's merged title bar does not show the description.
  const describe = () => {
    const filtered = tree.filter !== 'all';
    treeView.description = filtered ? `${services.roadmap.title} · ${filterLabels[tree.filter]}` : services.roadmap.title;
    const notice = course.notice(services.roadmap.id);
    const lines = [filtered ? `Showing: ${filterLabels[tree.filter]}. Filter Topics… shows all again.` : '', notice ?? ''].filter(Boolean);
    treeView.message = lines.length > 0 ? lines.join(' ') : undefined;
  };
  describe();
  // The badge counts topics in progress, a reminder of unfinished work.
  const updateBadge = () => {
    const { store } = services;
    const n = Object.keys(store.data.topics).filter((id) => store.status(id) === 'inProgress').length;
    treeView.badge = n > 0 ? { value: n, tooltip: `${n} topic${n === 1 ? '' : 's'} in progress` } : undefined;
  };
  updateBadge();
  context.subscriptions.push(
    tree,
    treeView,
    tree.onDidChangeTreeData(describe),
    course.onDidChange(describe),
    services.onDidChangeRoadmap(describe),
    services.store.onDidChange(updateBadge),
    treeView.onDidExpandElement((e) => tree.setExpanded(e.element, true)),
    treeView.onDidCollapseElement((e) => tree.setExpanded(e.element, false)),
    ...registerRoadmapCommands(services, topicPage, tree, treeView, course),
  );
  return tree;
}
