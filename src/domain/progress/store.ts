import { Memory } from 'lowdb';
import type { Adapter } from 'lowdb';
import { systemClock } from '../shared/clock';
import type { Clock } from '../shared/clock';
import { Emitter } from '../shared/emitter';
import { UnsafePathError, uniqueSuffix } from '../shared/safeFs';
import { replaceAll } from './ops';
import type { ProgressChange, ProgressOp } from './ops';
import { emptyProgress, progressDataSchema, progressDataV1Schema, progressDataV2Schema, PROGRESS_VERSION, topicStatus } from './progress';
import type { ProgressData, TopicStatus } from './progress';

export interface ProgressAdapter extends Adapter<unknown> {
  /** Keeps unreadable data somewhere safe; returns where, for the message. */
  backup(raw: unknown): Promise<string>;
  /** Shared storage (a file) serialises read-modify-write cycles across writers with this. */
  withLock?<T>(fn: () => Promise<T>): Promise<T>;
  /** Where the progress lives, for messages. */
  readonly description?: string;
}

/** Minimal shape of vscode.Memento, so this adapter stays testable without VS Code. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export class MementoAdapter implements ProgressAdapter {
  constructor(
    private readonly memento: MementoLike,
    readonly key = 'backendRoadmap.progress',
  ) {}

  async read(): Promise<unknown> {
    return this.memento.get<unknown>(this.key) ?? null;
  }

  async write(data: unknown): Promise<void> {
    // Round-trip through JSON so the memento never holds live references to our state.
    await this.memento.update(this.key, JSON.parse(JSON.stringify(data)));
  }

  async backup(raw: unknown): Promise<string> {
    // Unique even within one millisecond, so a second backup never replaces the first.
    const key = `${this.key}.backup.${uniqueSuffix()}`;
    await this.memento.update(key, raw);
    return `workspace state key "${key}"`;
  }
}

/** lowdb's in-memory adapter plus a backup list; for tests and benchmarks. */
export class MemoryProgressAdapter extends Memory<unknown> implements ProgressAdapter {
  readonly backups: unknown[] = [];
  async backup(raw: unknown): Promise<string> {
    this.backups.push(structuredClone(raw));
    return `memory backup #${this.backups.length}`;
  }
}

type Replay = (data: ProgressData) => void;

/**
 * The one progress store: the engine that loads, migrates and persists progress. What a change does
 * is an op (ops.ts) handed to update(). Changes apply in memory at once and fire onDidChange; writes
 * to the adapter are queued so rapid toggles persist in order and none is lost. With a shared adapter
 * (a file that another window or a git pull may change), each write re-reads the file under a lock
 * and replays the ops on what it finds, so concurrent writers do not lose each other's updates.
 */
export class ProgressStore {
  private readonly changed = new Emitter<ProgressChange>();
  readonly onDidChange = this.changed.event;
  private readonly warned = new Emitter<string>();
  /** Problems found after opening (a corrupt file on reload); already backed up. */
  readonly onWarning = this.warned.event;
  private pending: Promise<void> = Promise.resolve();
  private writeError: unknown;
  /** The last refusal reported, so a link is named once rather than on every change. */
  private refusedReported: string | undefined;
  /** Mutations applied in memory whose write has not happened yet, oldest first. */
  private unpersisted: Replay[] = [];

  private constructor(
    private adapter: ProgressAdapter,
    private data_: ProgressData,
    /** The time an update is stamped with (review cards are scheduled from it). */
    readonly clock: Clock,
  ) {}

  /** Opens the store; unreadable data is backed up first and reported in `warnings`. */
  static async open(adapter: ProgressAdapter, clock: Clock = systemClock): Promise<{ store: ProgressStore; warnings: string[] }> {
    const { data, warnings, refused } = await load(adapter);
    const store = new ProgressStore(adapter, data, clock);
    store.refusedReported = refused?.message;
    return { store, warnings };
  }

  get data(): Readonly<ProgressData> {
    return this.data_;
  }

  get storage(): ProgressAdapter {
    return this.adapter;
  }

  status(topicId: string): TopicStatus {
    return topicStatus(this.data_, topicId);
  }

  /**
   * The one way to change progress: applies `op` in memory at once, fires onDidChange and queues the
   * write. An op that changes nothing writes nothing and fires nothing. Resolves with the op's answer
   * once everything queued before it and its own write are done; a refused path keeps the change in
   * memory (reported once through onWarning), any other failed write rejects.
   */
  update<R>(op: ProgressOp<R>): Promise<R> {
    const now = this.clock().toISOString();
    const { change, value } = op(this.data_, now);
    if (!change) return this.enqueue(async () => value);
    return this.commit(change, replayOf(op, now)).then(() => value);
  }

  /**
   * Reads the storage again after an outside change (another window, a git pull). Fires onDidChange
   * when the data differ. Corrupt data is backed up and reported, and what is in memory is kept.
   */
  async reload(): Promise<string[]> {
    // In the write queue, so a write finishing meanwhile cannot be undone by an older read.
    return this.enqueue(async () => {
      const read = () => load(this.adapter);
      const { data, warnings, corrupt, refused } = this.adapter.withLock ? await this.adapter.withLock(read) : await read();
      if (refused) {
        const fresh = this.refusedReported !== refused.message;
        this.refusedReported = refused.message;
        return fresh ? warnings : [];
      }
      if (corrupt) return warnings;
      const next = structuredClone(data);
      for (const op of this.unpersisted) op(next);
      if (JSON.stringify(next) !== JSON.stringify(this.data_)) {
        this.data_ = next;
        this.changed.fire({});
      }
      return warnings;
    });
  }

  /**
   * Moves to another storage. With `copy`, what is in memory is written there (replacing its
   * progress, after backing that up); otherwise the store shows what the new storage holds.
   */
  async switchTo(adapter: ProgressAdapter, copy: boolean): Promise<string[]> {
    return this.enqueue(async () => {
      // Changes not yet written belonged to the old storage: carried by the copy, or dropped with it.
      this.unpersisted = [];
      this.writeError = undefined;
      this.adapter = adapter;
      const { data, warnings, corrupt, refused } = await load(adapter);
      this.refusedReported = refused?.message;
      if (copy) {
        const existing = corrupt ? undefined : data;
        const notes: string[] = [...warnings];
        if (existing && (Object.keys(existing.topics).length > 0 || Object.keys(existing.exercises).length > 0)) {
          notes.push(
            `The progress ${adapter.description ?? 'the new storage'} held was kept in ${await adapter.backup(existing)} before copying.`,
          );
        }
        // The copy is a queued change like any other: a refused write keeps it, and the next write carries it.
        this.unpersisted.push(replayOf(replaceAll(this.data_), this.clock().toISOString()));
        await this.persist().catch((err: unknown) => {
          this.writeError = err;
          if (!(err instanceof UnsafePathError)) throw err;
          this.refusedReported = err.message;
          if (!refused) notes.push(refusal(err));
        });
        return notes;
      }
      this.data_ = data;
      this.changed.fire({});
      return warnings;
    });
  }

  /** Keeps a copy of the current progress in the storage's backup place (before an import replaces it). */
  backupCurrent(): Promise<string> {
    return this.enqueue(() => this.adapter.backup(structuredClone(this.data_)));
  }

  /** Resolves when every queued write has reached the adapter. */
  async flush(): Promise<void> {
    await this.pending;
    if (this.writeError) throw this.writeError;
  }

  dispose(): void {
    this.changed.dispose();
    this.warned.dispose();
  }

  /** Runs `task` after every queued write, before any later one. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.pending.then(task, task);
    this.pending = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Queues the write of a change already made in memory, and announces it. */
  private commit(change: ProgressChange, replay: Replay): Promise<void> {
    this.unpersisted.push(replay);
    this.changed.fire(change);
    const write = () => this.persist();
    this.pending = this.pending.then(write, write).catch((err: unknown) => {
      this.writeError = err;
      // A refused path is reported once, by name; the change stays in memory and is written once the
      // link is gone. Anything else fails the caller.
      if (!(err instanceof UnsafePathError)) throw err;
      this.reportRefusal(err);
    });
    return this.pending;
  }

  private reportRefusal(e: UnsafePathError): void {
    if (this.refusedReported !== e.message) this.warned.fire(refusal(e));
    this.refusedReported = e.message;
  }

  /** Writes every change made so far in one go; a queued write finding nothing left has been carried already. */
  private async persist(): Promise<void> {
    const n = this.unpersisted.length;
    if (n === 0) return;
    const adapter = this.adapter;
    // A write that works again clears an earlier failure: flush() reports the current state.
    this.writeError = undefined;
    if (!adapter.withLock) {
      // The in-memory data already holds every change up to now, and adapters copy it on write.
      await adapter.write(this.data_);
      this.unpersisted.splice(0, n);
      this.refusedReported = undefined;
      return;
    }
    await adapter.withLock(async () => {
      // Replay on what is stored now, so an update another writer made meanwhile survives.
      const { data, corrupt, warnings, refused } = await load(adapter);
      if (refused) throw refused;
      for (const w of warnings) this.warned.fire(w);
      const ops = this.unpersisted.slice(0, n);
      const base = corrupt ? structuredClone(this.data_) : data;
      if (!corrupt) for (const op of ops) op(base);
      await adapter.write(base);
      this.unpersisted.splice(0, n);
      this.refusedReported = undefined;
      const next = structuredClone(base);
      for (const later of this.unpersisted) later(next);
      if (JSON.stringify(next) !== JSON.stringify(this.data_)) {
        this.data_ = next;
        this.changed.fire({});
      }
    });
  }
}

/** An op as the store keeps it until written: run again, with the same time, on whatever is stored then. */
function replayOf<R>(op: ProgressOp<R>, now: string): Replay {
  return (d) => {
    op(d, now);
  };
}

/** Reads and migrates; unreadable data is backed up and reported, and empty progress is used. */
async function load(
  adapter: ProgressAdapter,
): Promise<{ data: ProgressData; warnings: string[]; corrupt: boolean; refused?: UnsafePathError }> {
  let raw: unknown;
  try {
    raw = await adapter.read();
  } catch (e) {
    // A link planted in a cloned repository: nothing is read through it, nothing is copied from it.
    if (e instanceof UnsafePathError) return { data: emptyProgress(), corrupt: true, refused: e, warnings: [refusal(e)] };
    if (!(e instanceof CorruptDataError)) throw e;
    const where = await adapter.backup(e.raw);
    return {
      data: emptyProgress(),
      corrupt: true,
      warnings: [`${e.message}. The file was copied to ${where}; it is not read until it is fixed, and the next change replaces it.`],
    };
  }
  const migrated = migrate(raw);
  if (migrated.ok) return { data: migrated.data, warnings: [], corrupt: false };
  const where = await adapter.backup(raw);
  return {
    data: emptyProgress(),
    corrupt: true,
    warnings: [`Saved progress could not be read (${migrated.reason}). It was kept in ${where}; starting from empty progress.`],
  };
}

function refusal(e: UnsafePathError): string {
  return `${e.message} Progress is kept in memory only; it is saved once that path is fixed.`;
}

/** Stored text that is not data at all (a JSON syntax error), with where it broke. */
export class CorruptDataError extends Error {
  constructor(
    message: string,
    /** The unreadable content, for the backup. */
    readonly raw: unknown,
  ) {
    super(message);
  }
}

type Migrated = { ok: true; data: ProgressData } | { ok: false; reason: string };

/** Brings stored data of any known version to the current shape. */
export function migrate(raw: unknown): Migrated {
  if (raw === null || raw === undefined) return { ok: true, data: emptyProgress() };
  const version = typeof raw === 'object' && 'version' in raw ? (raw as { version: unknown }).version : undefined;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return { ok: false, reason: `it was written by a newer version (data version ${version})` };
  }
  if (version === 1) {
    const v1 = progressDataV1Schema.safeParse(raw);
    if (!v1.success) return { ok: false, reason: describeIssue(v1.error.issues[0]) };
    // Version 1 kept no history; a done topic's last update is the best date there is for it.
    const history = Object.entries(v1.data.topics)
      .filter(([, t]) => t.status === 'done' && t.updatedAt)
      .map(([topicId, t]) => ({ at: t.updatedAt, topicId, status: 'done' as const }))
      .sort((a, b) => a.at.localeCompare(b.at));
    raw = { ...v1.data, version: 2, history };
  }
  if (version === 1 || version === 2) {
    const v2 = progressDataV2Schema.safeParse(raw);
    if (!v2.success) return { ok: false, reason: describeIssue(v2.error.issues[0]) };
    // Version 3 adds review cards, their log and quiz results, and keeps practice (hint use) always.
    raw = { ...v2.data, version: PROGRESS_VERSION, practice: v2.data.practice ?? {}, cards: {}, reviewLog: [], quizzes: {} };
  }
  const parsed = progressDataSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error.issues[0]) };
  return { ok: true, data: parsed.data };
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return `${issue?.path.map(String).join('.') || 'root'}: ${issue?.message ?? 'invalid'}`;
}
