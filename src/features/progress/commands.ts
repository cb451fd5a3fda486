import * as vscode from 'vscode';
import * as ops from '../../domain/progress/ops';
import { progressJson, progressMarkdown } from '../../domain/progress/export';
import { parseImport, previewImport } from '../../domain/progress/import';
import { allTopics, topicProgress } from '../../domain/progress/progress';
import { commands } from '../../app/ids';
import type { Services } from '../../app/services';
import { resolveTopic } from '../roadmap/pickTopic';
import type { RoadmapNode } from '../roadmap/treeProvider';

export function registerProgressCommands(services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(commands.exportProgress, async (format?: string) => {
      const chosen =
        format === 'markdown' || format === 'json'
          ? format
          : (
              await vscode.window.showQuickPick(
                [
                  { label: 'Markdown checklist', detail: 'Phases, topics and checklist items with [x] marks', format: 'markdown' as const },
                  { label: 'JSON', detail: 'The stored progress data, for backups and other tools', format: 'json' as const },
                ],
                { title: `Export progress of ${services.roadmap.title}` },
              )
            )?.format;
      if (!chosen) return undefined;
      // An untitled document: the learner sees it first and saves it where they like.
      const doc = await vscode.workspace.openTextDocument({
        language: chosen,
        content:
          chosen === 'markdown'
            ? progressMarkdown(await services.catalog.fullRoadmap(services.roadmap), services.store.data)
            : progressJson(services.roadmap, services.store.data),
      });
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc;
    }),
    vscode.commands.registerCommand(commands.resetProgress, async (arg?: RoadmapNode) => {
      const scope =
        arg?.kind === 'topic'
          ? { label: `"${arg.topic.title}"`, ids: [arg.topic.id] }
          : arg?.kind === 'phase'
            ? { label: `the phase "${arg.phase.title}"`, ids: arg.phase.topics.map((t) => t.id) }
            : await pickResetScope(services);
      if (!scope) return;
      const touched = scope.ids.filter((id) => {
        const t = topicProgress(services.store.data, id);
        return t !== undefined && ops.hasProgress(t);
      });
      if (touched.length === 0) {
        void vscode.window.showInformationMessage(`Backend Roadmap: ${scope.label} has no progress to reset.`);
        return;
      }
      const choice = await vscode.window.showWarningMessage(
        `Reset progress of ${scope.label}?`,
        {
          modal: true,
          detail: `${touched.length} topic(s) lose their status and ticked items. Export Progress… first if you may want them back.`,
        },
        'Reset',
      );
      if (choice === 'Reset') await services.store.update(ops.resetTopics(touched));
    }),
    vscode.commands.registerCommand(commands.importProgress, async (file?: vscode.Uri) => {
      const uri =
        file ?? (await vscode.window.showOpenDialog({ title: 'Import progress', filters: { JSON: ['json'] }, canSelectMany: false }))?.[0];
      if (!uri) return false;
      const parsed = parseImport(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), uri.fsPath);
      if (!parsed.ok) {
        void vscode.window.showErrorMessage(`Backend Roadmap: ${parsed.message}`);
        return false;
      }
      const titleOf = (id: string) => services.topic(id)?.topic.title ?? id;
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
        `${preview.itemsTicked} checklist item(s) ticked, ${preview.itemsUnticked} unticked; ${preview.exercisesPassed} exercise(s) newly passed${preview.cardsAdded ? `; ${preview.cardsAdded} review card(s) added` : ''}.`,
        '',
        "Replace makes your progress exactly the file's. Merge keeps yours and adds what the file has.",
      ].join('\n');
      const choice = await vscode.window.showWarningMessage(
        `Import progress from ${vscode.workspace.asRelativePath(uri)}?`,
        { modal: true, detail },
        'Replace',
        'Merge',
      );
      if (!choice) return false;
      // Nothing is lost: the progress being replaced is kept where corrupt data would go.
      const kept = await services.store.backupCurrent();
      await services.store.update(choice === 'Replace' ? ops.replaceAll(parsed.data) : ops.mergeAll(parsed.data));
      services.log.info(`Imported progress from ${uri.fsPath} (${choice}); the previous progress is in ${kept}`);
      void vscode.window.showInformationMessage(
        `Backend Roadmap: progress imported (${choice.toLowerCase()}). Your previous progress was kept in ${kept}.`,
      );
      return true;
    }),
  ];
}

async function pickResetScope(services: Services): Promise<{ label: string; ids: string[] } | undefined> {
  const { roadmap } = services;
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'A topic…', scope: undefined },
      ...roadmap.phases.map((p) => ({
        label: `Phase: ${p.title}`,
        scope: { label: `the phase "${p.title}"`, ids: p.topics.map((t) => t.id) },
      })),
      {
        label: `Everything in ${roadmap.title}`,
        scope: { label: `everything in ${roadmap.title}`, ids: allTopics(roadmap).map((t) => t.id) },
      },
    ],
    { title: 'Reset progress of…' },
  );
  if (!pick) return undefined;
  if (pick.scope) return pick.scope;
  const topicId = await resolveTopic(services, undefined, 'Reset progress of a topic');
  if (!topicId) return undefined;
  return { label: `"${services.topic(topicId)?.topic.title ?? topicId}"`, ids: [topicId] };
}
