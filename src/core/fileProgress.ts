import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { JSONFile } from 'lowdb/node';
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
    if (text.trim() === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      const { line, col } = jsonErrorPosition(text, e instanceof Error ? e.message : '');
      throw new CorruptDataError(`${this.filePath}:${line}:${col}: progress file is not valid JSON (${e instanceof Error ? e.message : String(e)})`, text);
    }
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

/** Line and column (1-based) where JSON text first breaks, found by our own scan (engines' messages vary). */
export function jsonErrorPosition(text: string, message: string): { line: number; col: number } {
  let offset = firstJsonError(text);
  if (offset === undefined) {
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
    const pos = /position (\d+)/.exec(message);
    offset = pos ? Number(pos[1]) : text.length;
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

/** Offset of the first JSON syntax error, or undefined for valid JSON. */
export function firstJsonError(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const str = () => {
    i++;
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '"') return void i++;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c < ' ') fail();
      i++;
    }
    fail();
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    number.lastIndex = i;
    const m = number.exec(text);
    if (m && m[0]) return void (i += m[0].length);
    for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, i)) return void (i += literal.length);
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return undefined;
  } catch (e) {
    if (e instanceof JsonStop) return e.offset;
    throw e;
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}
