import type * as vscode from 'vscode';
import { questionCardId, placementQuestions } from '../../domain/review/quiz';
import { QuizSession } from '../../domain/review/session';
import type { SessionItem, SessionMode } from '../../domain/review/session';
import type { GradeName } from '../../domain/review/scheduler';
import { views } from '../../app/ids';
import type { Services } from '../../app/services';
import { WebviewPanelHost } from '../../platform/webview/panelHost';
import { quizProtocol } from './protocol';
import type { QuizHostMessage, QuizPageMessage } from './protocol';
import type { ReviewQueue } from './reviewQueue';

type Start = { mode: 'topic'; topicId: string } | { mode: 'placement'; phaseId: string } | { mode: 'review' };

/** What the quiz page's links do outside the panel. */
export interface QuizActions {
  openTopic(topicId: string): void;
}

/** The quiz page: a topic's quiz, a phase's placement check, or today's review, one at a time. */
export class QuizPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly host: WebviewPanelHost<QuizHostMessage, QuizPageMessage, never>;
  private session: QuizSession | undefined;
  private start: Start | undefined;
  private begun = 0;
  private empty: { title: string; message: string; nextDue?: string } | undefined;
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly queue: ReviewQueue,
    private readonly actions: QuizActions,
  ) {
    this.host = new WebviewPanelHost(
      {
        viewType: views.quizPanel,
        title: 'Quiz',
        icon: 'mortar-board',
        page: 'quiz',
        protocol: quizProtocol,
        extensionUri: services.extensionUri,
        log: services.log,
      },
      {
        view: () => this.view(),
        receive: (message) => this.receive(message),
        titleOf: (message) => (message.type === 'showQuiz' ? message.view.title : message.view.title),
        describe: () => (this.start ? this.start.mode : 'empty'),
        // A session lives in this host; a reload ends it (every answer was already saved).
        restore: () => {
          this.session = undefined;
          this.empty = { title: 'Quiz', message: 'This session ended when the window reloaded. Every answer given was saved.' };
        },
      },
    );
    this.subs.push(queue.onDidChange(() => this.host.refresh()));
  }

  /** The current session, for tests. */
  get current(): QuizSession | undefined {
    return this.session;
  }

  async takeQuiz(topicId: string): Promise<void> {
    await this.begin({ mode: 'topic', topicId });
  }

  async placement(phaseId: string): Promise<void> {
    await this.begin({ mode: 'placement', phaseId });
  }

  async review(): Promise<void> {
    await this.begin({ mode: 'review' });
  }

  private async begin(start: Start): Promise<void> {
    // Only the newest request is shown, whichever build finishes first; a failed one changes nothing.
    const seq = ++this.begun;
    const built = await this.build(start);
    if (seq !== this.begun) return;
    this.start = start;
    this.session = built.items.length > 0 ? new QuizSession(start.mode, built.title, built.items, built.topicId) : undefined;
    this.empty = built.items.length > 0 ? undefined : { title: built.title, message: built.emptyMessage, ...this.nextDue(start.mode) };
    this.host.show();
    this.host.refresh();
  }

  private nextDue(mode: SessionMode): { nextDue?: string } {
    const next = mode === 'review' ? this.queue.nextDue() : undefined;
    return next ? { nextDue: next } : {};
  }

  private async build(start: Start): Promise<{ title: string; items: SessionItem[]; topicId?: string; emptyMessage: string }> {
    const { services } = this;
    if (start.mode === 'review') {
      return {
        title: 'Review',
        items: await this.queue.sessionItems(),
        emptyMessage:
          'Nothing is due for review today. Answer a topic quiz or a placement check to add cards, or write `Q: … A: …` lines in your notes.',
      };
    }
    if (start.mode === 'topic') {
      const full = await services.catalog.fullTopic(start.topicId, services.roadmap);
      if (!full) throw new Error(`unknown topic id "${start.topicId}"`);
      const { topic } = full;
      return {
        title: `Quiz: ${topic.title}`,
        topicId: topic.id,
        items: topic.questions.map((question) => ({
          cardId: questionCardId(topic.id, question.id),
          topicId: topic.id,
          topicTitle: topic.title,
          question,
        })),
        emptyMessage: `"${topic.title}" has no quiz questions yet.`,
      };
    }
    const phase = services.roadmap.phases.find((p) => p.id === start.phaseId);
    if (!phase) throw new Error(`unknown phase id "${start.phaseId}"`);
    const topics = await Promise.all(phase.topics.map((t) => services.catalog.fullTopic(t.id, services.roadmap)));
    const full = topics.flatMap((t) => (t ? [t.topic] : []));
    const titles = new Map(full.map((t) => [t.id, t.title]));
    return {
      title: `Placement: ${phase.title}`,
      items: placementQuestions(full).map(({ topicId, question }) => ({
        cardId: questionCardId(topicId, question.id),
        topicId,
        topicTitle: titles.get(topicId) ?? topicId,
        question,
      })),
      emptyMessage: `"${phase.title}" has no questions to place you with.`,
    };
  }

  private view(): QuizHostMessage | undefined {
    if (this.session) return { type: 'showQuiz', view: { ...this.session.view(), dueToday: this.queue.dueToday() } };
    if (this.empty) return { type: 'showEmpty', view: this.empty };
    return undefined;
  }

  private async receive(message: Exclude<QuizPageMessage, { type: 'ready' }>): Promise<void> {
    const session = this.session;
    switch (message.type) {
      case 'answer':
        await this.apply(session?.answer(message.option));
        break;
      case 'reveal':
        session?.reveal();
        break;
      case 'grade':
        await this.apply(session?.grade(message.grade as GradeName));
        break;
      case 'next':
        session?.next();
        break;
      case 'openTopic':
        this.actions.openTopic(message.topicId);
        return;
      case 'startReview':
        await this.review();
        return;
      case 'retry':
        if (this.start) await this.begin(this.start);
        return;
    }
    if (session?.done) await this.apply(session.finish());
    this.host.refresh();
  }

  /** Every answer is saved as it is given: a closed tab or a crash loses nothing. */
  private async apply(op: ReturnType<QuizSession['answer']>): Promise<void> {
    if (op) await this.services.store.update(op);
  }

  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.host.deserializeWebviewPanel(panel, state);
  }

  dispose(): void {
    this.subs.forEach((s) => s.dispose());
    this.host.dispose();
  }
}
