import * as vscode from 'vscode';
import { readSpec } from '../../domain/exercises/spec/load';
import type { Spec } from '../../domain/exercises/spec/schema';
import { config } from '../../app/config';
import * as ops from '../../domain/progress/ops';
import { isProvenByExercises } from '../../domain/roadmap/completion';
import { ExerciseMismatchError, gradeFolder, isScaffoldedFolder, resolveExerciseFolder } from '../../domain/exercises/check';
import type { ExerciseFolder } from '../../domain/exercises/check';
import type { Exercise } from '../../domain/exercises/manifest';
import { loadMutantGrading } from '../../domain/exercises/mutants';
import type { MutantGrading } from '../../domain/exercises/mutants';
import { CheckError } from '../../domain/exercises/runner';
import type { CheckResult } from '../../domain/exercises/runner';
import { Emitter } from '../../domain/shared/emitter';
import { ScaffoldError } from '../../domain/exercises/scaffold';
import { settings } from '../../app/ids';
import type { Services } from '../../app/services';
import { inSettingFolder } from '../../app/workspaceFolders';

export interface CheckState {
  running: boolean;
  last?: CheckResult & { at: number };
}

/** Runs exercise checks in the workspace and remembers each exercise's last result for the webview. */
export class ExerciseChecks implements vscode.Disposable {
  private readonly states = new Map<string, CheckState>();
  private readonly changed = new Emitter<string>();
  readonly onDidChange = this.changed.event;
  private output: vscode.OutputChannel | undefined;
  /** Running checks, stopped (with what their tests started) when the window closes. */
  private readonly controllers = new Set<AbortController>();
  /** Exercises between "Check" and the end of their run, claimed synchronously so a double click runs one. */
  private readonly claimed = new Set<string>();

  constructor(
    private readonly services: Services,
    /** Offered when the exercise is not in the workspace yet. */
    private readonly scaffold: (topicId: string, exerciseId: string) => Promise<unknown>,
  ) {}

  state(exerciseId: string): CheckState {
    return this.states.get(exerciseId) ?? { running: false };
  }

  /** `<workspace>/<exercisesFolder>/<exercise-id>`, refused if it would leave the workspace. */
  async folderOf(exerciseId: string): Promise<vscode.Uri | undefined> {
    return (await inSettingFolder(settings.exercisesFolder, exerciseId))?.uri;
  }

  /** The exercise's folder when it holds a scaffold (its marker file, or a 0.1 scaffold's mark), else undefined. */
  async scaffoldedFolder(exerciseId: string): Promise<vscode.Uri | undefined> {
    const dir = await this.folderOf(exerciseId).catch(() => undefined);
    if (!dir) return undefined;
    return (await isScaffoldedFolder(dir.fsPath)) ? dir : undefined;
  }

  async isScaffolded(exerciseId: string): Promise<boolean> {
    return (await this.scaffoldedFolder(exerciseId)) !== undefined;
  }

  /** `token` lets a caller such as the Testing view cancel the check too. */
  async check(exerciseId: string, token?: vscode.CancellationToken): Promise<CheckResult | undefined> {
    const exercise = this.services.catalog.exercise(exerciseId);
    if (!exercise) {
      void vscode.window.showErrorMessage(`Backend Roadmap: unknown exercise "${exerciseId}".`);
      return undefined;
    }
    // A check runs npm install and the folder's own code; Restricted Mode promises neither happens.
    if (!vscode.workspace.isTrusted) {
      const choice = await vscode.window.showWarningMessage(
        `Backend Roadmap: checking "${exercise.title}" installs packages and runs the exercise's code, so it is off while this folder is in Restricted Mode.`,
        'Manage Workspace Trust',
      );
      if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    if (this.claimed.has(exerciseId)) {
      void vscode.window.showInformationMessage(`Backend Roadmap: "${exercise.title}" is already being checked.`);
      return undefined;
    }
    this.claimed.add(exerciseId);
    try {
      return await this.run(exerciseId, exercise, token);
    } finally {
      this.claimed.delete(exerciseId);
    }
  }

  private async run(
    exerciseId: string,
    exercise: Pick<Exercise, 'id' | 'title' | 'topic' | 'dir' | 'grading' | 'flavours' | 'milestones'>,
    external?: vscode.CancellationToken,
  ): Promise<CheckResult | undefined> {
    let dir: vscode.Uri | undefined;
    try {
      dir = await this.folderOf(exerciseId);
    } catch (e) {
      void vscode.window.showErrorMessage(`Backend Roadmap: ${e instanceof ScaffoldError ? e.message : String(e)}`);
      return undefined;
    }
    if (!dir) {
      void vscode.window.showErrorMessage('Backend Roadmap: open a folder first; exercises are checked in the workspace.');
      return undefined;
    }
    if (!(await this.isScaffolded(exerciseId))) {
      const choice = await vscode.window.showWarningMessage(
        `Backend Roadmap: "${exercise.title}" is not in ${vscode.workspace.asRelativePath(dir)} yet. Scaffold it first.`,
        'Scaffold',
      );
      if (choice) await this.scaffold(exercise.topic, exercise.id);
      return undefined;
    }

    // The folder records which exercise it holds; checking another one's folder must not mark this one done.
    let target: ExerciseFolder;
    try {
      target = await resolveExerciseFolder(dir.fsPath, exercise.id);
    } catch (e) {
      if (!(e instanceof CheckError)) throw e;
      const message =
        e instanceof ExerciseMismatchError
          ? `${vscode.workspace.asRelativePath(dir)} holds the "${e.recorded}" exercise, not "${e.expected}"; not checking it.`
          : e.message;
      this.services.log.error(`Check ${exercise.id}: ${message}`);
      void vscode.window.showErrorMessage(`Backend Roadmap: ${message}`);
      return undefined;
    }

    // The behavioural spec ships with the extension; Python and Go flavours are judged by it. So do the
    // seeded bugs of an exercise where the learner writes the tests.
    let spec: Spec | undefined;
    let mutants: MutantGrading | undefined;
    try {
      spec = await readSpec(exercise.dir);
      const flavour = target.flavour ?? exercise.flavours[0];
      if (exercise.grading === 'mutants' && flavour) mutants = await loadMutantGrading(exercise, flavour);
    } catch (e) {
      this.services.log.error(`Reading the spec or seeded bugs of ${exercise.id} failed`, e);
      void vscode.window.showErrorMessage(`Backend Roadmap: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }

    const output = (this.output ??= vscode.window.createOutputChannel('Backend Roadmap: Checks'));
    output.show(true);
    output.appendLine(`▶ Checking ${exercise.title} in ${dir.fsPath}`);
    this.setState(exerciseId, { ...this.state(exerciseId), running: true });
    const timeoutSeconds = config.checkTimeoutSeconds();
    const folder = dir.fsPath;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Checking ${exercise.title}`, cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          this.controllers.add(controller);
          const sub = token.onCancellationRequested(() => controller.abort());
          const subExternal = external?.onCancellationRequested(() => controller.abort());
          if (external?.isCancellationRequested) controller.abort();
          try {
            return await gradeFolder(target.runner, folder, {
              ...(spec ? { spec } : {}),
              ...(mutants ? { mutants } : {}),
              ...(exercise.milestones ? { milestones: exercise.milestones } : {}),
              signal: controller.signal,
              timeoutMs: timeoutSeconds * 1000,
              onOutput: (t) => output.append(t),
              onPhase: (_, message) => {
                progress.report({ message });
                output.appendLine(`== ${message}`);
              },
            });
          } finally {
            sub.dispose();
            subExternal?.dispose();
            this.controllers.delete(controller);
          }
        },
      );
      const seconds = (result.durationMs / 1000).toFixed(1);
      output.appendLine(`${result.outcome === 'passed' ? '✔' : '✘'} ${exercise.title}: ${result.summary} (${seconds} s)\n`);
      this.services.log.info(
        `Check ${exercise.id}: ${result.outcome}, ${result.summary}, ${seconds} s${result.installMs !== undefined ? `, install ${result.installMs} ms` : ''}`,
      );
      this.setState(exerciseId, { running: false, last: { ...result, at: Date.now() } });
      // A project's milestones, from every finished check: progress shows in the tree, and a regression as lost progress.
      if (result.milestones && (result.outcome === 'passed' || result.outcome === 'failed'))
        await this.services.store.update(ops.recordMilestones(exercise.id, result.milestones.passed));
      if (result.outcome === 'passed') {
        const { store } = this.services;
        await store.update(ops.markExercisePassed(exercise.id));
        // Passing tests are proof, unlike a ticked box: a topic whose exercises all pass is done.
        const topic = this.services.topic(exercise.topic)?.topic;
        const topicDone =
          topic !== undefined && isProvenByExercises(topic, store.data) && !['done', 'skipped'].includes(store.status(topic.id));
        if (topic && topicDone) await store.update(ops.setStatus(topic.id, 'done'));
        void vscode.window.showInformationMessage(
          `✔ "${exercise.title}" passes: ${result.summary}.${topic && topicDone ? ` Topic "${topic.title}" is done.` : ' Exercise marked done.'}`,
        );
      } else {
        // Three failed checks open the reference solution (with a confirmation); a cancelled one is not a try.
        if (result.outcome !== 'cancelled') await this.services.store.update(ops.recordCheckFailed(exercise.id));
        const why =
          result.outcome === 'cancelled'
            ? 'Check cancelled'
            : result.outcome === 'timedOut'
              ? `Check timed out after ${timeoutSeconds} s`
              : `"${exercise.title}" is not passing yet: ${result.summary}`;
        void vscode.window.showWarningMessage(`Backend Roadmap: ${why}.`, 'Show Output').then((c) => c && output.show());
      }
      return result;
    } catch (e) {
      this.setState(exerciseId, { ...this.state(exerciseId), running: false });
      const message = e instanceof CheckError ? e.message : `the check failed to run: ${e instanceof Error ? e.message : String(e)}`;
      output.appendLine(`✘ ${message}`);
      this.services.log.error(`Check ${exercise.id}: ${message}`);
      void vscode.window.showErrorMessage(`Backend Roadmap: ${message}`);
      return undefined;
    }
  }

  private setState(exerciseId: string, state: CheckState): void {
    this.states.set(exerciseId, state);
    this.changed.fire(exerciseId);
  }

  dispose(): void {
    for (const c of this.controllers) c.abort();
    this.output?.dispose();
    this.changed.dispose();
  }
}
