import * as path from 'node:path';
import * as vscode from 'vscode';
import { config } from '../../app/config';
import * as ops from '../../domain/progress/ops';
import { flavourInfo, flavours } from '../../domain/exercises/flavours';
import type { Flavour } from '../../domain/exercises/flavours';
import { exerciseFiles, openFiles } from '../../domain/exercises/manifest';
import { planScaffold, ScaffoldError, writeScaffold } from '../../domain/exercises/scaffold';
import { contextKeys, settings } from '../../app/ids';
import type { Services } from '../../app/services';
import { inSettingFolder } from '../../app/workspaceFolders';

/** Scaffolds one exercise of a topic into the workspace, asking before anything is overwritten. */
export async function scaffoldExercise(services: Services, topicId: string, exerciseId: string): Promise<vscode.Uri | undefined> {
  const topic = services.topic(topicId)?.topic;
  const exercise = services.catalog.exercise(exerciseId);
  if (!topic || !exercise || !topic.exercises.includes(exerciseId)) {
    void vscode.window.showErrorMessage(`Backend Roadmap: topic "${topicId}" has no exercise "${exerciseId}".`);
    return undefined;
  }
  const wanted: Flavour = config.exerciseLanguage();
  // An exercise without the wanted flavour comes in its default one, and the message says so.
  const flavour: Flavour = exercise.flavours.includes(wanted) ? wanted : (exercise.flavours[0] ?? flavours[0]);
  try {
    const place = await inSettingFolder(settings.exercisesFolder, exercise.id);
    if (!place) {
      void vscode.window.showErrorMessage('Backend Roadmap: open a folder first; exercises are written into the workspace.');
      return undefined;
    }
    const { relative } = place;
    const target = place.uri.fsPath;
    const files = await exerciseFiles(exercise, topic.title, false, flavour);
    const plan = await planScaffold(place.root, target, files);

    let overwrite = false;
    if (plan.existing.length > 0) {
      const shown = plan.existing.slice(0, 5).join(', ') + (plan.existing.length > 5 ? ` and ${plan.existing.length - 5} more` : '');
      const choice = await vscode.window.showWarningMessage(
        `${plan.existing.length} file(s) already exist in ${relative}: ${shown}.`,
        { modal: true, detail: 'Overwriting replaces your changes in those files. Keeping them writes only the missing files.' },
        'Overwrite',
        'Keep Existing Files',
      );
      if (!choice) return undefined;
      overwrite = choice === 'Overwrite';
    }

    const result = await writeScaffold(plan, overwrite);
    services.log.info(`Scaffolded ${exercise.id} into ${target}: wrote ${result.written.length}, kept ${result.skipped.length}`);
    await services.store.update(ops.setCurrentTopic(topic.id));
    await openExercise(target, openFiles(exercise, flavour));
    void vscode.commands.executeCommand('setContext', contextKeys.scaffoldedExercise, true);
    const label = (f: Flavour) => flavourInfo[f].label;
    const note =
      flavour !== wanted
        ? ` It has no ${label(wanted)} flavour yet, so this is the ${label(flavour)} one.`
        : flavour !== exercise.flavours[0]
          ? ` (${label(flavour)})`
          : '';
    void vscode.window.showInformationMessage(
      `Scaffolded "${exercise.title}" into ${relative}.${note} Make its tests pass, then run Check Exercise.`,
    );
    return vscode.Uri.file(target);
  } catch (e) {
    const message = e instanceof ScaffoldError ? e.message : `scaffolding failed: ${e instanceof Error ? e.message : String(e)}`;
    services.log.error(message);
    void vscode.window.showErrorMessage(`Backend Roadmap: ${message}`);
    return undefined;
  }
}

/** Opens the README, then the last listed file at its first TODO, where the work starts. */
async function openExercise(target: string, files: readonly string[]): Promise<void> {
  for (const [i, file] of files.entries()) {
    const last = i === files.length - 1;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(target, file)));
    const editor = await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: !last });
    if (!last) continue;
    const line = doc
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => l.includes('TODO'));
    if (line >= 0) {
      const col = doc.lineAt(line).text.indexOf('TODO');
      const at = new vscode.Position(line, col);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
}
