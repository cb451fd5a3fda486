import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { jsonErrorPosition } from '../shared/jsonPosition';
import { CorruptDataError } from './store';
import { atomicWriteInside, readFileInside, readFileWithStatInside, renameInside, uniqueSuffix, writeFileInside } from '../shared/safeFs';
import type { ProgressAdapter } from './store';

const staleLockMs = 10_000;

/** Where file mode keeps progress, relative to the workspace folder, so git can share it. */
export const progressFileRelative = '.vscode/backend-roadmap/progress.json';

export interface FileAdapterOptions {
  /** How long a writer waits for another's lock; longer than the stale age, so a crashed writer's lock is broken rather than failing the write. */
  lockTimeoutMs?: number;
  /** Tests: runs after a lock was judged stale and before it is moved aside, to widen the race. */
  beforeBreakingLock?: () => Promise<void>;
}

/**
 * Progress in a JSON file inside the workspace. Reads are our own, so a syntax error can be reported
 * with its line and column; writes are atomic (temp file and rename). Nothing here follows a symbolic
 * link or leaves the workspace: every path goes through safeFs, which refuses links by name. A lock
 * file serialises read-modify-write cycles between windows.
 */
export class FileProgressAdapter implements ProgressAdapter {
  readonly description: string;
  private readonly lockTimeoutMs: number;

  constructor(
    /** The workspace folder; nothing outside it is read or written. */
    readonly root: string,
    readonly filePath: string,
    private readonly options: FileAdapterOptions = {},
  ) {
    this.description = filePath;
    this.lockTimeoutMs = options.lockTimeoutMs ?? staleLockMs + 5_000;
  }

  async read(): Promise<unknown> {
    let text: string;
    try {
      text = await readFileInside(this.root, this.filePath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return parseProgressJson(text, this.filePath);
  }

  async write(data: unknown): Promise<void> {
    const dir = path.dirname(this.filePath);
    // progress.json is for git; the lock and backups beside it are not. An existing file is left alone.
    await writeFileInside(this.root, path.join(dir, '.gitignore'), '*.lock\n*.lock.stale-*\n*.corrupt-*\n.*.tmp\n', {
      exclusive: true,
    }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    await atomicWriteInside(this.root, this.filePath, `${JSON.stringify(data, null, 2)}\n`);
  }

  async backup(raw: unknown): Promise<string> {
    const target = `${this.filePath}.corrupt-${uniqueSuffix()}`;
    await writeFileInside(this.root, target, typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2), { exclusive: true });
    return target;
  }

  /**
   * A lock file beside the data, holding a token of ours so we only ever remove our own lock. A lock
   * older than 10 s was left by a crashed writer and is broken (see breakIfStale).
   */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const lock = `${this.filePath}.lock`;
    const token = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const deadline = Date.now() + this.lockTimeoutMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      try {
        await writeFileInside(this.root, lock, token, { exclusive: true });
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        if (await this.breakIfStale(lock, token)) continue;
        if (Date.now() > deadline)
          throw new Error(`${lock} is held by another writer; try again, or delete the file if no other window is open.`, { cause: e });
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    try {
      return await fn();
    } finally {
      if ((await readFileInside(this.root, lock).catch(() => '')) === token) await fs.rm(lock, { force: true });
    }
  }

  /**
   * Breaks the lock if it is the stale one we looked at. Judging and removing cannot be one atomic
   * step, so the lock is moved aside under a name of ours and its token compared with the one judged
   * stale: when another writer took the lock in between, its lock is linked back (link never
   * replaces an existing file) and we keep waiting. What remains is the instant between the move
   * and the link, in which a third writer would have to create the lock.
   */
  private async breakIfStale(lock: string, token: string): Promise<boolean> {
    // Age and token from one handle: read apart, they could describe two different locks.
    const seen = await readFileWithStatInside(this.root, lock).catch(() => undefined);
    if (!seen || Date.now() - seen.mtimeMs <= staleLockMs) return false;
    const judged = seen.text;
    await this.options.beforeBreakingLock?.();
    const aside = `${lock}.stale-${token}`;
    if (
      !(await renameInside(this.root, lock, aside).then(
        () => true,
        () => false,
      ))
    )
      return false;
    const moved = await readFileInside(this.root, aside).catch(() => undefined);
    if (moved === judged) {
      await fs.rm(aside, { force: true });
      return true;
    }
    await fs.link(aside, lock).catch(() => undefined);
    await fs.rm(aside, { force: true });
    return false;
  }
}

/** Parses a progress file's text: null when empty; a CorruptDataError with file:line:col when not JSON. */
export function parseProgressJson(text: string, file: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const { line, col } = jsonErrorPosition(text, e instanceof Error ? e.message : '');
    throw new CorruptDataError(
      `${file}:${line}:${col}: progress file is not valid JSON (${e instanceof Error ? e.message : String(e)})`,
      text,
    );
  }
}
