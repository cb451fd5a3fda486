import * as vscode from 'vscode';
import type { Services } from '../../app/services';
import { ExerciseChecks } from './checks';
import { ScaffoldCodeActionProvider } from './codeActions';
import { registerExerciseCommands } from './commands';
import type { Flavour } from '../../domain/exercises/flavours';
import { chooseLanguage } from './language';
import { compareWithSolution, SolutionDocuments, solutionScheme } from './compare';
import { scaffoldExercise } from './scaffolder';
import { ExerciseTests } from './testing';

export interface ExercisesFeature {
  checks: ExerciseChecks;
  tests: ExerciseTests;
  scaffold(topicId: string, exerciseId: string): Promise<vscode.Uri | undefined>;
  check(exerciseId: string): Promise<unknown>;
  compareSolution(exerciseId: string): Promise<void>;
  chooseLanguage(language: Flavour): Promise<void>;
}

/** Checks, the Testing view, the lightbulb offers, and the Scaffold and Check commands. */
export function registerExercises(
  context: vscode.ExtensionContext,
  services: Services,
  currentTopicId: () => string | undefined,
): ExercisesFeature {
  const scaffold = (topicId: string, exerciseId: string) => scaffoldExercise(services, topicId, exerciseId);
  const checks = new ExerciseChecks(services, scaffold);
  const tests = new ExerciseTests(services, checks);
  const solutions = new SolutionDocuments();
  void tests.refresh().catch((e: unknown) => services.log.error('Listing exercises for the Testing view failed', e));
  context.subscriptions.push(
    checks,
    tests,
    vscode.workspace.registerTextDocumentContentProvider(solutionScheme, solutions),
    services.catalog.onDidChange(
      () => void tests.refresh().catch((e: unknown) => services.log.error('Listing exercises for the Testing view failed', e)),
    ),
    vscode.languages.registerCodeActionsProvider(
      ScaffoldCodeActionProvider.selector,
      new ScaffoldCodeActionProvider(services),
      ScaffoldCodeActionProvider.metadata,
    ),
    ...registerExerciseCommands(services, checks, currentTopicId),
  );
  return {
    checks,
    tests,
    scaffold,
    check: (exerciseId) => checks.check(exerciseId),
    compareSolution: (exerciseId) => compareWithSolution(services, checks, solutions, exerciseId),
    chooseLanguage: (language) => chooseLanguage(services, language),
  };
}
