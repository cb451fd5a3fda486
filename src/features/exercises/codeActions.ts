import * as vscode from 'vscode';
import type { Exercise } from '../../domain/exercises/manifest';
import { exercisesForImports, importsOf } from '../../domain/exercises/imports';
import type { TopicOutline } from '../../domain/roadmap/schema';
import { codeActionKinds, commands } from '../../app/ids';
import type { Services } from '../../app/services';

const lightbulbKind = vscode.CodeActionKind.Empty.append(codeActionKinds.scaffold);
const sourceKind = vscode.CodeActionKind.Empty.append(codeActionKinds.sourceScaffold);

/**
 * Offers, from the lightbulb and Source Action…: the current topic's exercises, and for packages the
 * file imports (express, jsonwebtoken, pg…), the topics and exercises that practise them.
 */
export class ScaffoldCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [lightbulbKind, sourceKind] };
  static readonly selector: vscode.DocumentSelector = [
    { language: 'javascript' },
    { language: 'typescript' },
    { language: 'javascriptreact' },
    { language: 'typescriptreact' },
    { language: 'python' },
    { language: 'go' },
  ];

  constructor(private readonly services: Services) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const kinds = [lightbulbKind, sourceKind].filter((k) => !context.only || context.only.contains(k) || k.contains(context.only));
    if (kinds.length === 0) return [];
    const offers: { title: string; command: vscode.Command }[] = [];
    const seen = new Set<string>();
    const scaffold = (topic: TopicOutline, exercise: Exercise) => {
      if (seen.has(`scaffold:${exercise.id}`)) return;
      seen.add(`scaffold:${exercise.id}`);
      const title = `Scaffold: ${exercise.title} (topic: ${topic.title})`;
      offers.push({ title, command: { command: commands.scaffoldExercise, title, arguments: [topic.id, exercise.id] } });
    };
    const current = currentOffer(this.services, document.languageId);
    if (current) for (const exercise of current.exercises) scaffold(current.topic, exercise);

    const { catalog } = this.services;
    // Only the head of the file: imports live there, and big files stay cheap.
    const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 200), 0));
    for (const exercise of exercisesForImports(catalog.exercises, importsOf(document.languageId, head))) {
      const topic = this.services.topic(exercise.topic)?.topic;
      if (!topic) continue;
      if (!seen.has(`topic:${topic.id}`)) {
        seen.add(`topic:${topic.id}`);
        const title = `Open roadmap topic: ${topic.title}`;
        offers.push({ title, command: { command: commands.openTopic, title, arguments: [topic.id] } });
      }
      scaffold(topic, exercise);
    }
    return kinds.flatMap((kind) =>
      offers.map((o) => {
        const action = new vscode.CodeAction(o.title, kind);
        action.command = o.command;
        return action;
      }),
    );
  }
}

/**
 * The topic to offer: the one last opened, if it has exercises for this language; otherwise the
 * only topic whose exercises fit. Ambiguity means no offer rather than a guess.
 */
export function currentOffer(services: Services, languageId: string): { topic: TopicOutline; exercises: Exercise[] } | undefined {
  const { catalog, roadmap, store } = services;
  const fitting = (topic: TopicOutline): Exercise[] =>
    topic.exercises.map((id) => catalog.exercise(id)).filter((e): e is Exercise => e !== undefined && e.languages.includes(languageId));

  const current = store.data.currentTopic ? services.topic(store.data.currentTopic)?.topic : undefined;
  if (current) {
    const exercises = fitting(current);
    if (exercises.length > 0) return { topic: current, exercises };
  }
  const candidates = roadmap.phases
    .flatMap((p) => p.topics)
    .map((topic) => ({ topic, exercises: fitting(topic) }))
    .filter((c) => c.exercises.length > 0);
  return candidates.length === 1 ? candidates[0] : undefined;
}
