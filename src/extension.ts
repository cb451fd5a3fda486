import * as vscode from 'vscode';
import { loadBundledCatalog } from './app/catalog';
import { createClock } from './app/clock';
import { commands } from './app/ids';
import { Services } from './app/services';
import type { DashboardPanel } from './features/dashboard/dashboardPanel';
import { registerDashboard } from './features/dashboard/register';
import type { ExerciseChecks } from './features/exercises/checks';
import { registerExercises } from './features/exercises/register';
import type { ExerciseTests } from './features/exercises/testing';
import { registerNotes } from './features/notes/register';
import { migrateProgress } from './features/progress/migrate';
import { registerProgress } from './features/progress/register';
import type { ProgressSync } from './features/progress/sync';
import type { QuizFeature } from './features/quiz/register';
import { registerQuiz } from './features/quiz/register';
import { openProgressStore } from './features/progress/storage';
import { registerRoadmap } from './features/roadmap/register';
import { registerAuthoring } from './features/authoring/register';
import type { CourseStatus } from './features/authoring/register';
import { registerTopic } from './features/topic/register';

/** Handed to tests through the extension's exports; not a public API. */
export interface BackendRoadmapApi {
  services: Services;
  checks: ExerciseChecks;
  dashboard: DashboardPanel;
  tests: ExerciseTests;
  quiz: QuizFeature;
  sync: ProgressSync;
  course: CourseStatus;
}

// Wiring only: each feature registers itself and hands back the typed functions others call.
export async function activate(context: vscode.ExtensionContext): Promise<BackendRoadmapApi | undefined> {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Backend Roadmap', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand(commands.showLog, () => log.show()),
  );

  const catalog = loadBundledCatalog(context, log);
  if (catalog.roadmaps.length === 0) {
    void vscode.window.showErrorMessage(
      'Backend Roadmap: no roadmap could be loaded. See the Problems panel for the file, line and column.',
    );
    return undefined;
  }
  const catalogMs = performance.now() - started;
  const clock = createClock(log);
  context.subscriptions.push(clock);
  const store = await openProgressStore(context, log, clock.now);
  await migrateProgress(catalog.roadmaps, store, log);
  const progressMs = performance.now() - started - catalogMs;
  const services = new Services(context.extensionUri, catalog, store, log, context.workspaceState, clock);
  context.subscriptions.push(services);

  const exercises = registerExercises(context, services, () => topic.currentTopicId);
  const notes = registerNotes(context, services);
  const topic = registerTopic(context, services, exercises.checks, {
    scaffold: async (topicId, exerciseId) => void (await exercises.scaffold(topicId, exerciseId)),
    check: async (exerciseId) => void (await exercises.check(exerciseId)),
    compareSolution: (exerciseId) => exercises.compareSolution(exerciseId),
    chooseLanguage: (language) => exercises.chooseLanguage(language),
    openNotes: async (topicId) => void (await notes.open(topicId)),
    takeQuiz: (topicId) => quiz.takeQuiz(topicId),
    dueCards: (topicId) => quiz.queue.dueFor(topicId),
  });
  const quiz = registerQuiz(context, services, { openTopic: (topicId) => topic.show(topicId) });
  const dashboard = registerDashboard(context, services, { openTopic: (topicId) => topic.show(topicId) }, quiz.queue);
  const course = registerAuthoring(context, services);
  registerRoadmap(context, services, topic, quiz.queue, course);
  const { sync } = registerProgress(context, services);
  // The numbers `npm run bench` cannot see: where activation time goes, in Show Log.
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  log.info(
    `Activated in ${ms(performance.now() - started)} (catalog ${ms(catalogMs)}, progress ${ms(progressMs)}, features ${ms(performance.now() - started - catalogMs - progressMs)})`,
  );
  return { services, checks: exercises.checks, dashboard, tests: exercises.tests, quiz, sync, course };
}
