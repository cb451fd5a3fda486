import * as vscode from 'vscode';
import { findTopicIn } from './core/catalog';
import type { Exercise } from './core/exercises';
import type { Topic } from './core/roadmapSchema';
import { codeActionKinds, commands } from './ids';
import type { Services } from './services';

const lightbulbKind = vscode.CodeActionKind.Empty.append(codeActionKinds.scaffold);
const sourceKind = vscode.CodeActionKind.Empty.append(codeActionKinds.sourceScaffold);

/** Offers to scaffold the current topic's exercises from the lightbulb and Source Action menu. */
export class ScaffoldCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [lightbulbKind, sourceKind] };
  static readonly selector: vscode.DocumentSelector = [
    { language: 'javascript' },
    { language: 'typescript' },
    { language: 'javascriptreact' },
    { language: 'typescriptreact' },
  ];

  constructor(private readonly services: Services) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const kinds = [lightbulbKind, sourceKind].filter((k) => !context.only || context.only.contains(k) || k.contains(context.only));
    const offer = kinds.length > 0 ? currentOffer(this.services, document.languageId) : undefined;
    if (!offer) return [];
    return kinds.flatMap((kind) =>
      offer.exercises.map((exercise) => {
        const action = new vscode.CodeAction(`Scaffold: ${exercise.title} (topic: ${offer.topic.title})`, kind);
        action.command = { command: commands.scaffoldExercise, title: action.title, arguments: [offer.topic.id, exercise.id] };
        return action;
      }),
    );
  }
}

/**
 * The topic to offer: the one last opened, if it has exercises for this language; otherwise the
 * only topic whose exercises fit. Ambiguity means no offer rather than a guess.
 */
export function currentOffer(services: Services, languageId: string): { topic: Topic; exercises: Exercise[] } | undefined {
  const { catalog, roadmap, store } = services;
  const fitting = (topic: Topic): Exercise[] =>
    topic.exercises
      .map((id) => catalog.exercises.find((e) => e.id === id))
      .filter((e): e is Exercise => e !== undefined && e.languages.includes(languageId));

  const current = store.data.currentTopic ? findTopicIn(catalog, store.data.currentTopic, roadmap)?.topic : undefined;
  if (current) {
    const exercises = fitting(current);
    if (exercises.length > 0) return { topic: current, exercises };
  }
  const candidates = roadmap.phases.flatMap((p) => p.topics).map((topic) => ({ topic, exercises: fitting(topic) })).filter((c) => c.exercises.length > 0);
  return candidates.length === 1 ? candidates[0] : undefined;
}
