import * as vscode from 'vscode';
import { findTopic } from '../../domain/roadmap/lookup';
import { nextUp } from '../../domain/roadmap/nextUp';
import { matchesFilter, milestoneCount, milestoneRows, phaseRow, topicRow } from '../../domain/roadmap/treeModel';
import type { MilestoneRow } from '../../domain/roadmap/treeModel';
import type { Milestone } from '../../domain/exercises/milestones';
import type { TopicFilter } from '../../domain/roadmap/treeModel';
import type { PhaseOutline, Project, TopicOutline } from '../../domain/roadmap/schema';
import { commands } from '../../app/ids';
import type { Services } from '../../app/services';
import { statusLabels } from '../../domain/progress/status';
import type { TopicStatus } from '../../domain/progress/status';
import type { ReviewCounts } from '../quiz/reviewQueue';

export type RoadmapNode =
  | { kind: 'review' }
  | { kind: 'nextUp' }
  | { kind: 'phase'; phase: PhaseOutline }
  | { kind: 'topic'; topic: TopicOutline; parentId: string; reason?: string }
  | { kind: 'projects' }
  | { kind: 'project'; project: Project }
  /** A milestone of the project exercise a project idea links to; index in its milestones. */
  | { kind: 'milestone'; project: Project; index: number };

const expandedKey = 'backendRoadmap.expandedNodes';

const statusIcons: Record<TopicStatus, vscode.ThemeIcon> = {
  notStarted: new vscode.ThemeIcon('circle-large-outline'),
  inProgress: new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.yellow')),
  done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  skipped: new vscode.ThemeIcon('debug-step-over', new vscode.ThemeColor('disabledForeground')),
};
const verifiedIcon = new vscode.ThemeIcon('verified-filled', new vscode.ThemeColor('testing.iconPassed'));
const milestoneIcons: Record<MilestoneRow['status'], vscode.ThemeIcon> = {
  passed: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  next: new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.yellow')),
  ahead: new vscode.ThemeIcon('circle-large-outline'),
};

function milestoneId(project: Project, index: number): string {
  return `milestone:${project.id}/${index}`;
}

export class RoadmapTreeProvider implements vscode.TreeDataProvider<RoadmapNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RoadmapNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: { dispose(): void }[];
  private currentFilter: TopicFilter = 'all';
  /** Ids of expanded phases and projects, kept across reloads (the workbench does not restore them itself). */
  private readonly expanded: Set<string>;

  constructor(
    private readonly services: Services,
    private readonly state: vscode.Memento,
    private readonly review: ReviewCounts,
  ) {
    const saved = state.get<unknown>(expandedKey);
    this.expanded = new Set(Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : []);
    // Phase counts depend on every topic, so a change refreshes the whole (small) tree.
    this.subscriptions = [
      services.store.onDidChange(() => this.changed.fire(undefined)),
      services.onDidChangeRoadmap(() => this.changed.fire(undefined)),
      review.onDidChange(() => this.changed.fire(undefined)),
    ];
  }

  /** Follows the learner expanding or collapsing a row, so the next window opens the same way. */
  setExpanded(node: RoadmapNode, expanded: boolean): void {
    const id =
      node.kind === 'phase'
        ? `phase:${node.phase.id}`
        : node.kind === 'project'
          ? `project:${node.project.id}`
          : node.kind === 'milestone'
            ? milestoneId(node.project, node.index)
            : undefined;
    if (!id || this.expanded.has(id) === expanded) return;
    if (expanded) this.expanded.add(id);
    else this.expanded.delete(id);
    void this.state.update(expandedKey, [...this.expanded].sort());
  }

  private collapsible(id: string): vscode.TreeItemCollapsibleState {
    return this.expanded.has(id) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  }

  get filter(): TopicFilter {
    return this.currentFilter;
  }

  setFilter(filter: TopicFilter): void {
    this.currentFilter = filter;
    this.changed.fire(undefined);
  }

  /** The node of a topic in its phase, for reveal; undefined when the roadmap does not have it. */
  topicNode(topicId: string): RoadmapNode | undefined {
    const hit = findTopic([this.services.roadmap], topicId);
    return hit ? { kind: 'topic', topic: hit.topic, parentId: `phase:${hit.phase.id}` } : undefined;
  }

  /** The milestones of the project exercise a project idea links to; undefined when it links none (or one without milestones). */
  private milestonesOf(project: Project): { exerciseId: string; milestones: Milestone[] } | undefined {
    const exercise = project.exercise === undefined ? undefined : this.services.catalog.exercise(project.exercise);
    return exercise?.milestones ? { exerciseId: exercise.id, milestones: exercise.milestones } : undefined;
  }

  getParent(node: RoadmapNode): RoadmapNode | undefined {
    if (node.kind === 'project') return { kind: 'projects' };
    if (node.kind === 'milestone') return { kind: 'project', project: node.project };
    if (node.kind !== 'topic') return undefined;
    if (node.parentId === 'next-up') return { kind: 'nextUp' };
    const [kind, id = ''] = node.parentId.split(':');
    if (kind === 'phase') {
      const phase = this.services.roadmap.phases.find((p) => p.id === id);
      return phase ? { kind: 'phase', phase } : undefined;
    }
    if (kind === 'milestone') {
      const [projectId, index] = id.split('/');
      const project = this.services.roadmap.projects.find((p) => p.id === projectId);
      return project ? { kind: 'milestone', project, index: Number(index) } : undefined;
    }
    const project = this.services.roadmap.projects.find((p) => p.id === id);
    return project ? { kind: 'project', project } : undefined;
  }

  getChildren(node?: RoadmapNode): RoadmapNode[] {
    const { roadmap } = this.services;
    if (!node) {
      const phases: RoadmapNode[] = roadmap.phases.map((phase) => ({ kind: 'phase', phase }));
      return [{ kind: 'review' }, { kind: 'nextUp' }, ...phases, ...(roadmap.projects.length > 0 ? [{ kind: 'projects' } as const] : [])];
    }
    switch (node.kind) {
      case 'nextUp':
        return nextUp(roadmap, this.services.store.data, 5, (id) => this.services.titleOf(id)).map((s) => ({
          kind: 'topic',
          topic: s.topic,
          parentId: 'next-up',
          reason: s.reason,
        }));
      case 'phase':
        return node.phase.topics
          .filter((topic) => matchesFilter(topic, this.services.store.data, this.currentFilter))
          .map((topic) => ({ kind: 'topic', topic, parentId: `phase:${node.phase.id}` }));
      case 'projects':
        return roadmap.projects.map((project) => ({ kind: 'project', project }));
      case 'project': {
        // A checked project: its milestones first (each with the topics it practises), then the idea's other topics.
        const checked = this.milestonesOf(node.project);
        const covered = new Set(checked?.milestones.flatMap((m) => m.topics) ?? []);
        const milestones: RoadmapNode[] = (checked?.milestones ?? []).map((_, index) => ({
          kind: 'milestone',
          project: node.project,
          index,
        }));
        return [
          ...milestones,
          ...this.topicNodes(
            node.project.topics.filter((id) => !covered.has(id)),
            `project:${node.project.id}`,
          ),
        ];
      }
      case 'milestone': {
        const milestone = this.milestonesOf(node.project)?.milestones[node.index];
        return milestone ? this.topicNodes(milestone.topics, milestoneId(node.project, node.index)) : [];
      }
      case 'topic':
      case 'review':
        return [];
    }
  }

  private topicNodes(ids: readonly string[], parentId: string): RoadmapNode[] {
    return ids.flatMap((id) => {
      const topic = this.services.topic(id)?.topic;
      return topic ? [{ kind: 'topic' as const, topic, parentId }] : [];
    });
  }

  getTreeItem(node: RoadmapNode): vscode.TreeItem {
    switch (node.kind) {
      case 'review': {
        const due = this.review.dueToday();
        const item = new vscode.TreeItem('Review', vscode.TreeItemCollapsibleState.None);
        item.id = 'review';
        item.iconPath = new vscode.ThemeIcon('mortar-board', due > 0 ? new vscode.ThemeColor('charts.blue') : undefined);
        item.description = due > 0 ? `${due} due today` : 'nothing due today';
        item.tooltip =
          'Spaced repetition (FSRS): questions you answered and Q:/A: lines in your notes come back just before you would forget them.';
        item.contextValue = 'review';
        item.command = { command: commands.startReview, title: 'Review Due Cards' };
        item.accessibilityInformation = { label: `Review, ${due > 0 ? `${due} cards due today` : 'nothing due today'}` };
        return item;
      }
      case 'nextUp': {
        const item = new vscode.TreeItem('Next up', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'next-up';
        item.iconPath = new vscode.ThemeIcon('arrow-circle-right');
        item.tooltip = 'Topics whose prerequisites are done, in roadmap order; topics in progress first.';
        // Without this the tooltip becomes the accessible name and the words "Next up" are never read.
        item.accessibilityInformation = { label: 'Next up: topics whose prerequisites are done' };
        return item;
      }
      case 'phase':
        return this.phaseItem(node.phase);
      case 'topic': {
        const item = this.topicItem(node.topic, node.parentId);
        if (node.reason) {
          item.description = node.reason;
          item.accessibilityInformation = { label: `${item.accessibilityInformation?.label ?? node.topic.title}. ${node.reason}` };
        }
        return item;
      }
      case 'projects': {
        const item = new vscode.TreeItem('Projects', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'projects';
        item.iconPath = new vscode.ThemeIcon('rocket');
        item.description = `${this.services.roadmap.projects.length} ideas`;
        item.tooltip = 'Project ideas, each with the topics it practises.';
        item.accessibilityInformation = { label: `Projects, ${this.services.roadmap.projects.length} ideas` };
        return item;
      }
      case 'project': {
        const { project } = node;
        const item = new vscode.TreeItem(project.title, this.collapsible(`project:${project.id}`));
        item.id = `project:${project.id}`;
        item.iconPath = new vscode.ThemeIcon('project');
        const checked = this.milestonesOf(project);
        const count = checked ? milestoneCount(checked.exerciseId, checked.milestones, this.services.store.data) : undefined;
        item.description = count ? `${project.level} · ${count.passed}/${count.total} milestones` : project.level;
        const tooltip = new vscode.MarkdownString(undefined, false);
        tooltip
          .appendMarkdown('**')
          .appendText(project.title)
          .appendMarkdown(`** — ${project.level}\n\n`)
          .appendText(project.summary)
          .appendMarkdown('\n\n');
        if (count)
          tooltip.appendMarkdown(
            `A checked project in ${count.total} milestones, ${count.passed} passing: scaffold it from its topic page and check it there.\n\n`,
          );
        else for (const m of project.milestones) tooltip.appendMarkdown('- ').appendText(m).appendMarkdown('\n');
        item.tooltip = tooltip;
        item.accessibilityInformation = {
          label: `${project.title}, ${project.level} project, ${count ? `${count.passed} of ${count.total} milestones pass, ` : ''}practises ${project.topics.length} topics`,
        };
        item.contextValue = 'project';
        return item;
      }
      case 'milestone':
        return this.milestoneItem(node.project, node.index);
    }
  }

  private milestoneItem(project: Project, index: number): vscode.TreeItem {
    const checked = this.milestonesOf(project);
    const row = checked
      ? milestoneRows(checked.exerciseId, checked.milestones, this.services.store.data, (id) => this.services.titleOf(id))[index]
      : undefined;
    const id = milestoneId(project, index);
    const item = new vscode.TreeItem(row?.label ?? `Milestone ${index + 1}`, this.collapsible(id));
    item.id = id;
    if (!row || !checked) return item;
    item.iconPath = milestoneIcons[row.status];
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.contextValue = `milestone:${row.status}`;
    item.accessibilityInformation = { label: row.accessibilityLabel };
    // The project is scaffolded and checked from its exercise's topic page.
    const topic = this.services.catalog.exercise(checked.exerciseId)?.topic;
    if (topic) item.command = { command: commands.openTopic, title: 'Open Topic', arguments: [topic] };
    return item;
  }

  private phaseItem(phase: PhaseOutline): vscode.TreeItem {
    const row = phaseRow(phase, this.services.store.data);
    const item = new vscode.TreeItem(row.label, this.collapsible(`phase:${phase.id}`));
    item.id = `phase:${phase.id}`;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.contextValue = 'phase';
    item.accessibilityInformation = { label: row.accessibilityLabel };
    return item;
  }

  private topicItem(topic: TopicOutline, parentId: string): vscode.TreeItem {
    const row = topicRow(topic, this.services.store.data);
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${parentId}/topic:${topic.id}`;
    item.iconPath = row.verified ? verifiedIcon : statusIcons[row.status];
    item.description = row.description;
    // The suffix lets menus show exercise commands only where there are exercises.
    item.contextValue = `topic:${row.status}${topic.exercises.length > 0 ? ':exercises' : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip
      .appendMarkdown(`**`)
      .appendText(topic.title)
      .appendMarkdown(`** — ${statusLabels[row.status]}${row.verified ? ', verified' : ''}\n\n`)
      .appendText(topic.summary);
    item.tooltip = tooltip;
    item.command = { command: commands.openTopic, title: 'Open Topic', arguments: [topic.id] };
    item.accessibilityInformation = { label: row.accessibilityLabel };
    return item;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}
