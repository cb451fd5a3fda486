import * as vscode from 'vscode';
import { commands, views } from '../../app/ids';
import type { Services } from '../../app/services';
import { resolveTopic } from '../roadmap/pickTopic';
import type { TopicArg } from '../roadmap/pickTopic';
import { QuizPanel } from './quizPanel';
import type { QuizActions } from './quizPanel';
import { ReviewQueue } from './reviewQueue';
import { ReviewStatusBar } from './statusBar';

export interface QuizFeature {
  panel: QuizPanel;
  queue: ReviewQueue;
  takeQuiz(topic?: TopicArg): Promise<void>;
  placement(phase?: { kind: 'phase'; phase: { id: string } } | string): Promise<void>;
  review(): Promise<void>;
}

/** Topic quizzes, placement checks and spaced-repetition review, with the due count in the status bar. */
export function registerQuiz(context: vscode.ExtensionContext, services: Services, actions: QuizActions): QuizFeature {
  const queue = new ReviewQueue(services);
  const panel = new QuizPanel(services, queue, actions);
  const takeQuiz = async (arg: TopicArg) => {
    const topicId = await resolveTopic(services, arg, 'Take the quiz of a topic');
    if (topicId) await panel.takeQuiz(topicId);
  };
  const placement = async (arg?: { kind: 'phase'; phase: { id: string } } | string) => {
    let phaseId = typeof arg === 'string' ? arg : arg?.kind === 'phase' ? arg.phase.id : undefined;
    if (!phaseId) {
      const pick = await vscode.window.showQuickPick(
        services.roadmap.phases.map((p) => ({
          label: p.title,
          description: `${p.topics.length} topics`,
          detail: p.summary,
          phaseId: p.id,
        })),
        {
          title: 'Placement check: which phase do you already know?',
          placeHolder: 'Answer a few questions per topic; topics you know are marked done',
        },
      );
      phaseId = pick?.phaseId;
    }
    if (phaseId) await panel.placement(phaseId);
  };
  const review = () => panel.review();
  context.subscriptions.push(
    queue,
    panel,
    new ReviewStatusBar(queue),
    vscode.window.registerWebviewPanelSerializer(views.quizPanel, panel),
    vscode.commands.registerCommand(commands.takeQuiz, takeQuiz),
    vscode.commands.registerCommand(commands.placementCheck, placement),
    vscode.commands.registerCommand(commands.startReview, review),
  );
  return { panel, queue, takeQuiz, placement, review };
}
