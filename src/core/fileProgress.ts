import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { JSONFile } from 'lowdb/node';
import { jsonErrorPosition } from './jsonPosition';
import { CorruptDataError } from './progressStore';
import type { ProgressAdapter } from './progressStore';

const staleLockMs = 10_000;

/** Where file mode keeps progress, relative to the workspace folder, so git can share it. */
export const progressFileRelative = '.vscode/backend-roadmap/progress.json';

/**
 * Progress in a JSON file through lowdb's JSONFile adapter (atomic writes). Reads are our own, so a
 * syntax error can be reported with its line and column. A lock file serialises read-modify-write
 * cycles between windows.
 */
export class FileProgressAdapter implements ProgressAdapter {
  private readonly file: JSONFile<unknown>;
  readonly description: string;

  constructor(
    readonly filePath: string,
    // Longer than the stale age, so a crashed writer's lock is broken rather than failing the write.
    private readonly lockTimeoutMs = staleLockMs + 5_000,
  ) {
    this.file = new JSONFile<unknown>(filePath);
    this.description = filePath;
  }

  async read(): Promise<unknown> {
    let text: string;
    try {
      text = await fs.readFile(this.filePath, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return parseProgressJson(text, this.filePath);
  }

  async write(data: unknown): Promise<void> {
    const dir = path.dirname(this.filePath);
    await fs.mkdir(dir, { recursive: true });
    // progress.json is for git; the lock and backups beside it are not. An existing file is left alone.
    await fs.writeFile(path.join(dir, '.gitignore'), '*.lock\n*.lock.stale-*\n*.corrupt-*\n', { flag: 'wx' }).catch(() => undefined);
    await this.file.write(data);
  }

  async backup(raw: unknown): Promise<string> {
    const target = `${this.filePath}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await fs.mkdir(path.dirname(this.filePath), { recursive: true });
    await fs.writeFile(target, typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2), { flag: 'wx' });
    return target;
  }

  /**
   * A lock file beside the data, holding a token of ours so we only ever remove our own lock. A lock
   * older than 10 s was left by a crashed writer; it is moved aside atomically, so two waiters
   * cannot both break it.
   */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const lock = `${this.filePath}.lock`;
    const token = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await fs.mkdir(path.dirname(this.filePath), { recursive: true });
    const deadline = Date.now() + this.lockTimeoutMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      try {
        await fs.writeFile(lock, token, { flag: 'wx' });
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const stat = await fs.stat(lock).catch(() => undefined);
        if (stat && Date.now() - stat.mtimeMs > staleLockMs) {
          const aside = `${lock}.stale-${token}`;
          if (await fs.rename(lock, aside).then(() => true, () => false)) await fs.rm(aside, { force: true });
        } else if (Date.now() > deadline) {
          throw new Error(`${lock} is held by another writer; try again, or delete the file if no other window is open.`);
        }
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    try {
      return await fn();
    } finally {
      if ((await fs.readFile(lock, 'utf8').catch(() => '')) === token) await fs.rm(lock, { force: true });
    }
  }
}


/** Parses a progress file's text: null when empty; a CorruptDataError with file:line:col when not JSON. */
export function parseProgressJson(text: string, file: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const { line, col } = jsonErrorPosition(text, e instanceof Error ? e.message : '');
    throw new CorruptDataError(`${file}:${line}:${col}: progress file is not valid JSON (${e instanceof Error ? e.message : String(e)})`, text);
  }
}
