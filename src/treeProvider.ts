import * as vscode from 'vscode';
import { checkedCount, phaseTally, topicStatus } from './core/progress';
import type { Phase, Topic } from './core/roadmapSchema';
import { commands } from './ids';
import type { Services } from './services';
import { statusLabels } from './shared/status';
import type { TopicStatus } from './shared/status';

export type RoadmapNode = { kind: 'phase'; phase: Phase } | { kind: 'topic'; topic: Topic; phase: Phase };

const statusIcons: Record<TopicStatus, vscode.ThemeIcon> = {
  notStarted: new vscode.ThemeIcon('circle-large-outline'),
  inProgress: new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.yellow')),
  done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  skipped: new vscode.ThemeIcon('debug-step-over', new vscode.ThemeColor('disabledForeground')),
};

export class RoadmapTreeProvider implements vscode.TreeDataProvider<RoadmapNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RoadmapNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription;
  private readonly topicNodes = new Map<string, RoadmapNode>();

  constructor(private readonly services: Services) {
    // Phase counts depend on every topic, so a change refreshes the whole (small) tree.
    this.subscription = services.store.onDidChange(() => this.changed.fire(undefined));
    for (const phase of services.roadmap.phases) {
      for (const topic of phase.topics) this.topicNodes.set(topic.id, { kind: 'topic', topic, phase });
    }
  }

  topicNode(topicId: string): RoadmapNode | undefined {
    return this.topicNodes.get(topicId);
  }

  getChildren(node?: RoadmapNode): RoadmapNode[] {
    if (!node) return this.services.roadmap.phases.map((phase) => ({ kind: 'phase', phase }));
    if (node.kind === 'phase') return node.phase.topics.map((t) => this.topicNodes.get(t.id)).filter((n) => n !== undefined);
    return [];
  }

  getParent(node: RoadmapNode): RoadmapNode | undefined {
    return node.kind === 'topic' ? { kind: 'phase', phase: node.phase } : undefined;
  }

  getTreeItem(node: RoadmapNode): vscode.TreeItem {
    const data = this.services.store.data;
    if (node.kind === 'phase') {
      const tally = phaseTally(node.phase, data);
      const item = new vscode.TreeItem(node.phase.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `phase:${node.phase.id}`;
      item.description = `${tally.done}/${tally.counted}`;
      item.tooltip = `${node.phase.summary ?? node.phase.title}\n${tally.done} of ${tally.counted} topics done${tally.skipped ? `, ${tally.skipped} skipped` : ''}`;
      item.contextValue = 'phase';
      item.accessibilityInformation = { label: `${node.phase.title}, ${tally.done} of ${tally.counted} topics done` };
      return item;
    }
    const { topic } = node;
    const status = topicStatus(data, topic.id);
    const checked = checkedCount(data, topic);
    const item = new vscode.TreeItem(topic.title, vscode.TreeItemCollapsibleState.None);
    item.id = `topic:${topic.id}`;
    item.iconPath = statusIcons[status];
    item.description = `${checked}/${topic.checklist.length}`;
    item.contextValue = `topic:${status}`;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendMarkdown(`**`).appendText(topic.title).appendMarkdown(`** — ${statusLabels[status]}\n\n`).appendText(topic.summary);
    item.tooltip = tooltip;
    item.command = { command: commands.openTopic, title: 'Open Topic', arguments: [topic.id] };
    item.accessibilityInformation = {
      label: `${topic.title}, ${statusLabels[status]}, ${checked} of ${topic.checklist.length} checklist items`,
    };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
