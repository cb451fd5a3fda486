import * as vscode from 'vscode';
import { allTopics, cardOf } from '../../domain/progress/progress';
import { parseNoteCards } from '../../domain/review/noteCards';
import type { NoteCard } from '../../domain/review/noteCards';
import { questionCardId } from '../../domain/review/quiz';
import { dueCardIds, endOfDay } from '../../domain/review/scheduler';
import type { SessionItem } from '../../domain/review/session';
import { listFilesInside, readFileInside } from '../../domain/shared/safeFs';
import type { Services } from '../../app/services';
import { inSettingFolder, settingFolder } from '../../app/workspaceFolders';

/** Review sessions are kept short: a long one is abandoned halfway, and FSRS prefers daily doses. */
export const maxSessionCards = 50;
/** Notes files read for cards; a folder of thousands is not read whole. */
const maxNoteFiles = 500;

/** What the tree and the dashboard need of the review queue. */
export interface ReviewCounts {
  dueToday(now?: Date): number;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * What is due for review: stored cards (from questions and notes) and cards in the learner's notes
 * not answered yet. Fires onDidChange when either side changes.
 */
export class ReviewQueue implements ReviewCounts, vscode.Disposable {
  private notes = new Map<string, NoteCard>();
  /** Card ids of every question in the catalog; until read, a card counts while its topic exists. */
  private questionCards: Set<string> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subs: vscode.Disposable[] = [];
  private reading: Promise<void> = Promise.resolve();
  private readSeq = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly tick: NodeJS.Timeout;
  private lastCount = -1;

  constructor(private readonly services: Services) {
    this.subs.push(
      services.store.onDidChange(() => this.changed.fire()),
      services.onDidChangeRoadmap(() => {
        void this.indexQuestions();
        this.changed.fire();
      }),
      services.clock.onDidJump(() => this.changed.fire()),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.languageId === 'markdown' || doc.fileName.endsWith('.md')) this.scheduleRead();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleRead()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('backendRoadmap.notesFolder')) this.scheduleRead();
      }),
      this.changed.event(() => (this.lastCount = this.dueToday())),
    );
    // Cards fall due as time passes (and at midnight), not only when something changes.
    this.tick = setInterval(() => {
      if (this.dueToday() !== this.lastCount) this.changed.fire();
    }, 60 * 1000);
    void this.indexQuestions();
    this.scheduleRead();
  }

  private async indexQuestions(): Promise<void> {
    const { catalog } = this.services;
    const topicIds = new Set(catalog.choices.flatMap((c) => allTopics(c.roadmap).map((t) => t.id)));
    const ids = new Set<string>();
    for (const id of topicIds) {
      const full = await catalog.fullTopic(id).catch(() => undefined);
      for (const q of full?.topic.questions ?? []) ids.add(questionCardId(id, q.id));
    }
    this.questionCards = ids;
    this.changed.fire();
  }

  /** Due now for one topic (the topic page shows it). */
  dueFor(topicId: string, now = this.services.now()): number {
    return this.dueIds(now).filter((id) => (this.notes.get(id)?.topicId ?? this.services.store.data.cards[id]?.topicId) === topicId).length;
  }

  /** Cards due before the end of the learner's day, most overdue first, then new note cards. */
  dueIds(now = this.services.now()): string[] {
    const { store } = this.services;
    const stored = dueCardIds(store.data.cards, now).filter((id) => this.exists(id));
    const fresh = [...this.notes.keys()].filter((id) => !cardOf(store.data, id));
    return [...stored, ...fresh];
  }

  dueToday(now = this.services.now()): number {
    return this.dueIds(now).length;
  }

  /** The next time a stored card falls due after today, if any. */
  nextDue(now = this.services.now()): string | undefined {
    const end = endOfDay(now).getTime();
    let next: number | undefined;
    for (const c of Object.values(this.services.store.data.cards)) {
      const t = Date.parse(c.due);
      if (t >= end && (next === undefined || t < next)) next = t;
    }
    return next === undefined ? undefined : new Date(next).toISOString();
  }

  /** Note cards read so far (their texts are needed to ask them). */
  noteCard(id: string): NoteCard | undefined {
    return this.notes.get(id);
  }

  /** The questions of today's review, in order; cards whose question was removed are left out. */
  async sessionItems(now = this.services.now()): Promise<SessionItem[]> {
    await this.reading;
    const items: SessionItem[] = [];
    for (const id of this.dueIds(now)) {
      if (items.length >= maxSessionCards) break;
      const item = await this.item(id);
      if (item) items.push(item);
    }
    return items;
  }

  private async item(cardId: string): Promise<SessionItem | undefined> {
    const note = this.notes.get(cardId);
    const topicId = note?.topicId ?? this.services.store.data.cards[cardId]?.topicId;
    if (!topicId) return undefined;
    const topicTitle = this.services.titleOf(topicId) ?? topicId;
    if (note) return { cardId, topicId, topicTitle, question: { kind: 'note', id: note.id, question: note.question, answer: note.answer } };
    const full = await this.services.catalog.fullTopic(topicId, this.services.roadmap);
    const question = full?.topic.questions.find((q) => questionCardId(topicId, q.id) === cardId);
    return question ? { cardId, topicId, topicTitle, question } : undefined;
  }

  /** A stored card is asked while its question exists (a note card while its line does). */
  private exists(cardId: string): boolean {
    if (cardId.startsWith('note:')) return this.notes.has(cardId);
    if (this.questionCards) return this.questionCards.has(cardId);
    const topicId = this.services.store.data.cards[cardId]?.topicId;
    return topicId !== undefined && this.services.topic(topicId) !== undefined;
  }

  private scheduleRead(): void {
    clearTimeout(this.timer);
    const seq = ++this.readSeq;
    // Set at once, so a review started before the read begins still waits for it.
    this.reading = new Promise<void>((resolve) => {
      this.timer = setTimeout(() => {
        this.readNotes()
          .then(
            (found) => {
              // Only the newest read counts: an older one finishing late would bring back stale cards.
              if (seq !== this.readSeq) return;
              this.notes = found;
              this.changed.fire();
            },
            (e: unknown) => this.services.log.warn('Reading note cards failed', e),
          )
          .finally(resolve);
      }, 300);
    });
  }

  /** Reads `<notes folder>/<topic id>.md` for every known topic: no links followed, sizes capped. */
  private async readNotes(): Promise<Map<string, NoteCard>> {
    const found = new Map<string, NoteCard>();
    // Restricted Mode loads nothing from the workspace, notes included.
    if (!vscode.workspace.isTrusted) return found;
    const place = await inSettingFolder('notesFolder', '.').catch(() => undefined);
    if (!place) return found;
    const names = await listFilesInside(place.root, place.uri.fsPath).catch(() => [] as string[]);
    const topicIds = new Set(this.services.catalog.choices.flatMap((c) => allTopics(c.roadmap).map((t) => t.id)));
    const files = names.filter((n) => n.endsWith('.md') && topicIds.has(n.slice(0, -3))).slice(0, maxNoteFiles);
    for (const name of files) {
      const text = await readFileInside(place.root, `${settingFolder('notesFolder')}/${name}`, { maxBytes: 64 * 1024 }).catch(
        () => undefined,
      );
      if (text === undefined) continue;
      for (const card of parseNoteCards(name.slice(0, -3), text)) found.set(card.id, card);
    }
    return found;
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearInterval(this.tick);
    this.subs.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}
