import * as vscode from 'vscode';
import { findTopicIn } from '../../domain/roadmap/catalog';
import { progressJson, progressMarkdown } from '../../domain/progress/export';
import { nextUp } from '../../domain/roadmap/nextUp';
import { allTopics, roadmapTally, topicStatus } from '../../domain/progress/progress';
import { filterLabels, matchesFilter, topicFilters } from '../../domain/roadmap/treeModel';
import { commands, views } from '../../app/ids';
import { scaffoldExercise } from '../exercises/scaffolder';
import type { DashboardPanel } from '../dashboard/dashboardPanel';
import type { ExerciseChecks } from '../exercises/checks';
import { parseImport, previewImport } from '../../domain/progress/import';
import * as ops from '../../domain/progress/ops';
import { openNote } from '../notes/notes';
import type { Services } from '../../app/services';
import { statusLabels } from '../../domain/progress/status';
import type { TopicStatus } from '../../domain/progress/status';
import type { TopicPanel } from '../topic/topicPanel';
import type { RoadmapNode, RoadmapTreeProvider } from './treeProvider';

type TopicArg = RoadmapNode | string | undefined;

export function registerCommands(
  services: Services,
  panel: TopicPanel,
  tree: RoadmapTreeProvider,
  treeView: vscode.TreeView<RoadmapNode>,
  checks: ExerciseChecks,
  dashboard: DashboardPanel,
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
      const chosen = typeof filter === 'string' ? topicFilters.find((f) => f === filter) : (await vscode.window.showQuickPick(
        topicFilters.map((f) => ({ label: filterLabels[f], description: f === tree.filter ? 'current' : undefined, filter: f })),
        { title: 'Show which topics?' },
      ))?.filter;
      if (!chosen) return;
      tree.setFilter(chosen);
    }),
    vscode.commands.registerCommand(commands.showRoadmap, () => vscode.commands.executeCommand(`workbench.view.extension.${views.container}`)),
    vscode.commands.registerCommand(commands.selectRoadmap, async (id?: string) => {
      if (typeof id === 'string') {
        if (!(await services.selectRoadmap(id))) void vscode.window.showErrorMessage(`Backend Roadmap: unknown roadmap id "${id}".`);
        return;
      }
      const items = services.choices.map((c) => {
        const tally = roadmapTally(c.roadmap, services.store.data);
        return {
          label: c.roadmap.title,
          description: `${allTopics(c.roadmap).length} topics · ${tally.percent}% done${c.roadmap.id === services.roadmap.id ? ' · current' : ''}`,
          detail: c.roadmap.description,
          iconPath: new vscode.ThemeIcon(c.kind === 'path' ? 'briefcase' : 'milestone'),
          id: c.roadmap.id,
        };
      });
      const pick = await vscode.window.showQuickPick(items, { title: 'Select a roadmap or career path', placeHolder: 'Progress is kept per topic, so it carries across roadmaps', matchOnDetail: true });
      if (pick) await services.selectRoadmap(pick.id);
    }),
    vscode.commands.registerCommand(commands.openTopic, async (arg: TopicArg) => {
      const topicId = await resolveTopic(services, arg, 'Open a roadmap topic');
      if (topicId) panel.show(topicId);
    }),
    vscode.commands.registerCommand(commands.showNextUp, async () => {
      const suggestions = nextUp(services.roadmap, services.store.data, 10, (id) => findTopicIn(services.catalog, id, services.roadmap)?.topic.title);
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
    vscode.commands.registerCommand(commands.scaffoldExercise, async (topicArg?: TopicArg, exerciseId?: string) => {
      const picked = await resolveExercise(services, topicArg, exerciseId, panel.currentTopicId);
      return picked ? scaffoldExercise(services, picked.topicId, picked.exerciseId) : undefined;
    }),
    vscode.commands.registerCommand(commands.checkExercise, async (arg?: TopicArg) => {
      const exerciseId = typeof arg === 'string' && services.catalog.exercises.some((e) => e.id === arg) ? arg : await pickExerciseToCheck(services, checks, arg);
      return exerciseId ? checks.check(exerciseId) : undefined;
    }),
    vscode.commands.registerCommand(commands.exportProgress, async (format?: string) => {
      const chosen =
        format === 'markdown' || format === 'json'
          ? format
          : (await vscode.window.showQuickPick(
              [
                { label: 'Markdown checklist', detail: 'Phases, topics and checklist items with [x] marks', format: 'markdown' as const },
                { label: 'JSON', detail: 'The stored progress data, for backups and other tools', format: 'json' as const },
              ],
              { title: `Export progress of ${services.roadmap.title}` },
            ))?.format;
      if (!chosen) return undefined;
      // An untitled document: the learner sees it first and saves it where they like.
      const doc = await vscode.workspace.openTextDocument({
        language: chosen,
        content: chosen === 'markdown' ? progressMarkdown(services.roadmap, services.store.data) : progressJson(services.roadmap, services.store.data),
      });
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc;
    }),
    vscode.commands.registerCommand(commands.resetProgress, async (arg?: RoadmapNode) => {
      const scope = arg?.kind === 'topic' ? { label: `"${arg.topic.title}"`, ids: [arg.topic.id] }
        : arg?.kind === 'phase' ? { label: `the phase "${arg.phase.title}"`, ids: arg.phase.topics.map((t) => t.id) }
        : await pickResetScope(services);
      if (!scope) return;
      const touched = scope.ids.filter((id) => id in services.store.data.topics);
      if (touched.length === 0) {
        void vscode.window.showInformationMessage(`Backend Roadmap: ${scope.label} has no progress to reset.`);
        return;
      }
      const choice = await vscode.window.showWarningMessage(
        `Reset progress of ${scope.label}?`,
        { modal: true, detail: `${touched.length} topic(s) lose their status and ticked items. Export Progress… first if you may want them back.` },
        'Reset',
      );
      if (choice === 'Reset') await services.store.update(ops.resetTopics(touched));
    }),
    vscode.commands.registerCommand(commands.showLog, () => services.log.show()),
    vscode.commands.registerCommand(commands.showDashboard, () => dashboard.show()),
    vscode.commands.registerCommand(commands.openNotes, async (arg: TopicArg) => {
      const topicId = await resolveTopic(services, arg, 'Open notes for a topic');
      const topic = topicId ? findTopicIn(services.catalog, topicId, services.roadmap)?.topic : undefined;
      return topic ? openNote(topic.id, topic.title) : undefined;
    }),
    vscode.commands.registerCommand(commands.importProgress, async (file?: vscode.Uri) => {
      const uri = file ?? (await vscode.window.showOpenDialog({ title: 'Import progress', filters: { JSON: ['json'] }, canSelectMany: false }))?.[0];
      if (!uri) return false;
      const parsed = parseImport(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), uri.fsPath);
      if (!parsed.ok) {
        void vscode.window.showErrorMessage(`Backend Roadmap: ${parsed.message}`);
        return false;
      }
      const titleOf = (id: string) => findTopicIn(services.catalog, id, services.roadmap)?.topic.title ?? id;
      const preview = previewImport(services.store.data, parsed.data, titleOf);
      if (preview.same) {
        void vscode.window.showInformationMessage('Backend Roadmap: that file holds the same progress as now; nothing to import.');
        return false;
      }
      const shown = preview.statusChanges.slice(0, 12);
      const detail = [
        `${preview.statusChanges.length} topic status change(s)${shown.length > 0 ? ':' : '.'}`,
        ...shown.map((l) => `  • ${l}`),
        ...(preview.statusChanges.length > shown.length ? [`  • … and ${preview.statusChanges.length - shown.length} more`] : []),
        `${preview.itemsTicked} checklist item(s) ticked, ${preview.itemsUnticked} unticked; ${preview.exercisesPassed} exercise(s) newly passed.`,
        '',
        'Replace makes your progress exactly the file\'s. Merge keeps yours and adds what the file has.',
      ].join('\n');
      const choice = await vscode.window.showWarningMessage(`Import progress from ${vscode.workspace.asRelativePath(uri)}?`, { modal: true, detail }, 'Replace', 'Merge');
      if (!choice) return false;
      // Nothing is lost: the progress being replaced is kept where corrupt data would go.
      const kept = await services.store.backupCurrent();
      await services.store.update(choice === 'Replace' ? ops.replaceAll(parsed.data) : ops.mergeAll(parsed.data));
      services.log.info(`Imported progress from ${uri.fsPath} (${choice}); the previous progress is in ${kept}`);
      void vscode.window.showInformationMessage(`Backend Roadmap: progress imported (${choice.toLowerCase()}). Your previous progress was kept in ${kept}.`);
      return true;
    }),
  ];
}

/** A topic's exercises, or every exercise scaffolded in the workspace, scaffolded ones first. */
async function pickExerciseToCheck(services: Services, checks: ExerciseChecks, arg: TopicArg): Promise<string | undefined> {
  const topic = arg && typeof arg !== 'string' && arg.kind === 'topic' ? arg.topic : undefined;
  const pool = topic ? services.catalog.exercises.filter((e) => topic.exercises.includes(e.id)) : services.catalog.exercises;
  const withState = await Promise.all(pool.map(async (e) => ({ e, scaffolded: await checks.isScaffolded(e.id) })));
  const candidates = topic ? withState : withState.filter((c) => c.scaffolded);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(
      topic ? `Backend Roadmap: "${topic.title}" has no exercises.` : 'Backend Roadmap: no exercise is scaffolded in this workspace yet. Use Scaffold Exercise… first.',
    );
    return undefined;
  }
  if (candidates.length === 1 && candidates[0]?.scaffolded) return candidates[0].e.id;
  const pick = await vscode.window.showQuickPick(
    candidates
      .sort((a, b) => Number(b.scaffolded) - Number(a.scaffolded))
      .map(({ e, scaffolded }) => ({
        label: e.title,
        description: `${e.id in services.store.data.exercises ? '$(pass-filled) passed · ' : ''}${scaffolded ? 'scaffolded' : 'not scaffolded yet'}`,
        detail: e.description,
        id: e.id,
      })),
    { title: 'Check an exercise', placeHolder: 'Runs its tests in the workspace' },
  );
  return pick?.id;
}

async function pickResetScope(services: Services): Promise<{ label: string; ids: string[] } | undefined> {
  const { roadmap } = services;
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'A topic…', scope: undefined },
      ...roadmap.phases.map((p) => ({ label: `Phase: ${p.title}`, scope: { label: `the phase "${p.title}"`, ids: p.topics.map((t) => t.id) } })),
      { label: `Everything in ${roadmap.title}`, scope: { label: `everything in ${roadmap.title}`, ids: allTopics(roadmap).map((t) => t.id) } },
    ],
    { title: 'Reset progress of…' },
  );
  if (!pick) return undefined;
  if (pick.scope) return pick.scope;
  const topicId = await resolveTopic(services, undefined, 'Reset progress of a topic');
  if (!topicId) return undefined;
  return { label: `"${findTopicIn(services.catalog, topicId, roadmap)?.topic.title ?? topicId}"`, ids: [topicId] };
}

async function resolveTopic(services: Services, arg: TopicArg, title: string): Promise<string | undefined> {
  if (typeof arg === 'string') {
    if (findTopicIn(services.catalog, arg, services.roadmap)) return arg;
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

async function resolveExercise(
  services: Services,
  topicArg: TopicArg,
  exerciseId: string | undefined,
  currentTopicId: string | undefined,
): Promise<{ topicId: string; exerciseId: string } | undefined> {
  const topicId = typeof topicArg === 'string' ? topicArg : topicArg?.kind === 'topic' ? topicArg.topic.id : undefined;
  if (topicId && exerciseId) return { topicId, exerciseId };
  const candidates = allTopics(services.roadmap)
    .filter((t) => !topicId || t.id === topicId)
    .flatMap((t) => t.exercises.map((id) => ({ topic: t, exercise: services.catalog.exercises.find((e) => e.id === id) })))
    .filter((c) => c.exercise !== undefined);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(topicId ? 'Backend Roadmap: this topic has no exercises yet.' : 'Backend Roadmap: no exercises are available.');
    return undefined;
  }
  const items = candidates
    .sort((a, b) => Number(b.topic.id === currentTopicId) - Number(a.topic.id === currentTopicId))
    .map((c) => ({ label: c.exercise?.title ?? '', description: `topic: ${c.topic.title}`, detail: c.exercise?.description, topicId: c.topic.id, exerciseId: c.exercise?.id ?? '' }));
  const pick = await vscode.window.showQuickPick(items, { title: 'Scaffold an exercise', placeHolder: 'Pick an exercise to write into the workspace' });
  return pick ? { topicId: pick.topicId, exerciseId: pick.exerciseId } : undefined;
}
