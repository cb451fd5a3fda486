import * as vscode from 'vscode';
import * as path from 'node:path';
import { exerciseFiles, flavourDirs } from '../../domain/exercises/manifest';
import { readMarker } from '../../domain/exercises/marker';
import { readTemplateFiles } from '../../domain/exercises/scaffold';
import * as ops from '../../domain/progress/ops';
import { compareAfterFailedChecks, practiceOf, solutionOffer } from '../../domain/progress/progress';
import type { Services } from '../../app/services';
import type { ExerciseChecks } from './checks';

/** Reference files are shown read-only, from memory, so nobody edits the copy inside the extension. */
export const solutionScheme = 'backend-roadmap-solution';

export class SolutionDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();

  put(uri: vscode.Uri, content: string): void {
    this.contents.set(uri.toString(), content);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
}

/** Files never worth a diff: the README is the same text, lock files are noise. */
const skipped = /(^|\/)(README\.md|package-lock\.json|go\.sum)$/i;

/**
 * Opens a diff of the reference solution against the learner's files: freely after a pass, after a
 * confirmation once three checks failed, otherwise not yet. Each use is recorded in progress.
 */
export async function compareWithSolution(
  services: Services,
  checks: ExerciseChecks,
  documents: SolutionDocuments,
  exerciseId: string,
): Promise<void> {
  const exercise = services.catalog.exercise(exerciseId);
  if (!exercise) return;
  const dir = await checks.scaffoldedFolder(exerciseId);
  if (!dir) {
    void vscode.window.showInformationMessage(`Backend Roadmap: scaffold "${exercise.title}" first; the comparison is with your files.`);
    return;
  }
  const { store } = services;
  const offer = solutionOffer(store.data, exerciseId);
  if (offer === 'notYet') {
    const failed = practiceOf(store.data, exerciseId).failedChecks ?? 0;
    void vscode.window.showInformationMessage(
      `Backend Roadmap: the reference solution of "${exercise.title}" opens after a pass, or after ${compareAfterFailedChecks} failed checks (${failed} so far). Try a hint first.`,
    );
    return;
  }
  if (offer === 'confirm') {
    const choice = await vscode.window.showWarningMessage(
      `Compare "${exercise.title}" with the reference solution?`,
      {
        modal: true,
        detail:
          'You have not passed yet. Reading the answer is fine when you are stuck, but working it out teaches more. Your progress will record that you compared.',
      },
      'Compare',
    );
    if (choice !== 'Compare') return;
  }
  let marker;
  try {
    marker = await readMarker(dir.fsPath);
  } catch (e) {
    void vscode.window.showErrorMessage(`Backend Roadmap: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const flavour = marker?.flavour && exercise.flavours.includes(marker.flavour) ? marker.flavour : exercise.flavours[0];
  if (!flavour) return;
  const topicTitle = services.topic(exercise.topic)?.topic.title ?? exercise.topic;
  // The files the reference solution changes, rendered as a scaffold would write them.
  const changed = new Set((await readTemplateFiles(flavourDirs(exercise, flavour).solution)).map((f) => f.path));
  const reference = (await exerciseFiles(exercise, topicTitle, true, flavour)).filter((f) => changed.has(f.path) && !skipped.test(f.path));
  if (reference.length === 0) {
    void vscode.window.showInformationMessage(`Backend Roadmap: "${exercise.title}" has no reference files to compare.`);
    return;
  }
  await store.update(ops.recordSolutionCompared(exerciseId));
  services.log.info(`Compared ${exerciseId} (${flavour}) with its reference solution: ${reference.map((f) => f.path).join(', ')}`);
  for (const file of reference.slice(0, 8)) {
    const left = vscode.Uri.from({ scheme: solutionScheme, path: `/${exercise.id}/${flavour}/${file.path}` });
    documents.put(left, file.content);
    const right = vscode.Uri.joinPath(dir, ...file.path.split('/'));
    await vscode.commands.executeCommand('vscode.diff', left, right, `${path.posix.basename(file.path)}: reference ↔ yours`, {
      preview: false,
    });
  }
}
