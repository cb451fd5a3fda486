import * as vscode from 'vscode';
import { allTopics, exercisePassed } from '../../domain/progress/progress';
import { commands } from '../../app/ids';
import type { Services } from '../../app/services';
import type { TopicArg } from '../roadmap/pickTopic';
import type { ExerciseChecks } from './checks';
import { pickLanguage } from './language';
import { scaffoldExercise } from './scaffolder';

/** Scaffold and Check: from the palette, a tree row's menu, the topic page or a code action. */
export function registerExerciseCommands(
  services: Services,
  checks: ExerciseChecks,
  currentTopicId: () => string | undefined,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(commands.scaffoldExercise, async (topicArg?: TopicArg, exerciseId?: string) => {
      const picked = await resolveExercise(services, topicArg, exerciseId, currentTopicId());
      return picked ? scaffoldExercise(services, picked.topicId, picked.exerciseId) : undefined;
    }),
    vscode.commands.registerCommand(commands.checkExercise, async (arg?: TopicArg) => {
      const exerciseId =
        typeof arg === 'string' && services.catalog.exercise(arg) !== undefined ? arg : await pickExerciseToCheck(services, checks, arg);
      return exerciseId ? checks.check(exerciseId) : undefined;
    }),
    vscode.commands.registerCommand(commands.chooseExerciseLanguage, () => pickLanguage(services)),
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
      topic
        ? `Backend Roadmap: "${topic.title}" has no exercises.`
        : 'Backend Roadmap: no exercise is scaffolded in this workspace yet. Use Scaffold Exercise… first.',
    );
    return undefined;
  }
  if (candidates.length === 1 && candidates[0]?.scaffolded) return candidates[0].e.id;
  const pick = await vscode.window.showQuickPick(
    candidates
      .sort((a, b) => Number(b.scaffolded) - Number(a.scaffolded))
      .map(({ e, scaffolded }) => ({
        label: e.title,
        description: `${exercisePassed(services.store.data, e.id) ? '$(pass-filled) passed · ' : ''}${scaffolded ? 'scaffolded' : 'not scaffolded yet'}`,
        detail: e.description,
        id: e.id,
      })),
    { title: 'Check an exercise', placeHolder: 'Runs its tests in the workspace' },
  );
  return pick?.id;
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
    .flatMap((t) => t.exercises.map((id) => ({ topic: t, exercise: services.catalog.exercise(id) })))
    .filter((c) => c.exercise !== undefined);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(
      topicId ? 'Backend Roadmap: this topic has no exercises yet.' : 'Backend Roadmap: no exercises are available.',
    );
    return undefined;
  }
  const items = candidates
    .sort((a, b) => Number(b.topic.id === currentTopicId) - Number(a.topic.id === currentTopicId))
    .map((c) => ({
      label: c.exercise?.title ?? '',
      description: `topic: ${c.topic.title}`,
      detail: c.exercise?.description,
      topicId: c.topic.id,
      exerciseId: c.exercise?.id ?? '',
    }));
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Scaffold an exercise',
    placeHolder: 'Pick an exercise to write into the workspace',
  });
  return pick ? { topicId: pick.topicId, exerciseId: pick.exerciseId } : undefined;
}
