import { Low, Memory } from 'lowdb';
import type { Adapter } from 'lowdb';
import { Emitter } from './emitter';
import { emptyProgress, progressDataSchema, PROGRESS_VERSION, topicStatus } from './progress';
import type { ProgressData, TopicStatus } from './progress';

export interface ProgressAdapter extends Adapter<unknown> {
  /** Keeps unreadable data somewhere safe; returns where, for the message. */
  backup(raw: unknown): Promise<string>;
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
    const key = `${this.key}.backup.${new Date().toISOString()}`;
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

export interface ProgressChange {
  topicId?: string;
}

/**
 * The one progress store. Mutations apply in memory at once and fire onDidChange; writes to the
 * adapter are queued so rapid toggles persist in order and none is lost.
 */
export class ProgressStore {
  private readonly changed = new Emitter<ProgressChange>();
  readonly onDidChange = this.changed.event;
  private pending: Promise<void> = Promise.resolve();
  private writeError: unknown;

  private constructor(private readonly db: Low<ProgressData>) {}

  /** Opens the store; unreadable data is backed up first and reported in `warnings`. */
  static async open(adapter: ProgressAdapter): Promise<{ store: ProgressStore; warnings: string[] }> {
    const db = new Low<ProgressData>(adapter as Adapter<ProgressData>, emptyProgress());
    await db.read();
    const warnings: string[] = [];
    const migrated = migrate(db.data as unknown);
    if (!migrated.ok) {
      const where = await adapter.backup(db.data as unknown);
      warnings.push(`Saved progress could not be read (${migrated.reason}). It was kept in ${where}; starting from empty progress.`);
      db.data = emptyProgress();
    } else {
      db.data = migrated.data;
    }
    return { store: new ProgressStore(db), warnings };
  }

  get data(): Readonly<ProgressData> {
    return this.db.data;
  }

  status(topicId: string): TopicStatus {
    return topicStatus(this.db.data, topicId);
  }

  setStatus(topicId: string, status: TopicStatus): Promise<void> {
    return this.mutate(topicId, (t) => {
      t.status = status;
    });
  }

  setItem(topicId: string, itemId: string, checked: boolean): Promise<void> {
    return this.mutate(topicId, (t) => {
      const set = new Set(t.checked);
      if (checked) set.add(itemId);
      else set.delete(itemId);
      t.checked = [...set];
      if (checked && (t.status === undefined || t.status === 'notStarted')) t.status = 'inProgress';
    });
  }

  /** Forgets the status and ticked items of these topics (the caller confirms first). */
  resetTopics(topicIds: readonly string[]): Promise<void> {
    for (const id of topicIds) delete this.db.data.topics[id];
    return this.commit({});
  }

  markExercisePassed(exerciseId: string): Promise<void> {
    this.db.data.exercises[exerciseId] = { passedAt: new Date().toISOString() };
    return this.commit({});
  }

  setCurrentTopic(topicId: string): Promise<void> {
    if (this.db.data.currentTopic === topicId) return this.pending;
    this.db.data.currentTopic = topicId;
    return this.commit({ topicId });
  }

  /**
   * Moves progress stored under renamed topic ids (a roadmap's `renamed:` map, old -> new) to the
   * new ids, merging with anything already there. Returns the moves made, as "old -> new".
   */
  applyRenames(renamed: Readonly<Record<string, string>>): Promise<string[]> {
    const data = this.db.data;
    const moves: string[] = [];
    for (const oldId of Object.keys(renamed)) {
      const newId = finalId(renamed, oldId);
      const old = data.topics[oldId];
      if (!old || newId === oldId) continue;
      const current = data.topics[newId];
      data.topics[newId] = current
        ? { status: current.status ?? old.status, checked: [...new Set([...current.checked, ...old.checked])], updatedAt: current.updatedAt > old.updatedAt ? current.updatedAt : old.updatedAt }
        : old;
      delete data.topics[oldId];
      if (data.currentTopic === oldId) data.currentTopic = newId;
      moves.push(`${oldId} -> ${newId}`);
    }
    return moves.length > 0 ? this.commit({}).then(() => moves) : Promise.resolve(moves);
  }

  /** Resolves when every queued write has reached the adapter. */
  async flush(): Promise<void> {
    await this.pending;
    if (this.writeError) throw this.writeError;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private mutate(topicId: string, fn: (t: ProgressData['topics'][string]) => void): Promise<void> {
    const t = this.db.data.topics[topicId] ?? { checked: [], updatedAt: '' };
    fn(t);
    t.updatedAt = new Date().toISOString();
    this.db.data.topics[topicId] = t;
    return this.commit({ topicId });
  }

  private commit(change: ProgressChange): Promise<void> {
    this.changed.fire(change);
    this.pending = this.pending.then(
      () => this.db.write(),
      () => this.db.write(),
    ).catch((err: unknown) => {
      this.writeError = err;
      throw err;
    });
    return this.pending;
  }
}

/** Follows chains of renames (a -> b, b -> c) to the last id, stopping on a loop. */
function finalId(renamed: Readonly<Record<string, string>>, id: string): string {
  const seen = new Set<string>([id]);
  let current = id;
  for (let next = renamed[current]; next !== undefined && !seen.has(next); next = renamed[current]) {
    seen.add(next);
    current = next;
  }
  return current;
}

type Migrated = { ok: true; data: ProgressData } | { ok: false; reason: string };

/** Brings stored data of any known version to the current shape. */
export function migrate(raw: unknown): Migrated {
  if (raw === null || raw === undefined) return { ok: true, data: emptyProgress() };
  const version = typeof raw === 'object' && 'version' in raw ? (raw as { version: unknown }).version : undefined;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return { ok: false, reason: `it was written by a newer version (data version ${version})` };
  }
  // Later shapes add steps here: if (version === 1) raw = v1ToV2(raw) ...
  const parsed = progressDataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, data: parsed.data };
}
