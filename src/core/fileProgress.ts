import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { JSONFile } from 'lowdb/node';
import { parseDocument } from 'yaml';
import { CorruptDataError } from './progressStore';
import type { ProgressAdapter } from './progressStore';

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
    private readonly lockTimeoutMs = 5_000,
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
    await fs.mkdir(path.dirname(this.filePath), { recursive: true });
    await this.file.write(data);
  }

  async backup(raw: unknown): Promise<string> {
    const target = `${this.filePath}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await fs.mkdir(path.dirname(this.filePath), { recursive: true });
    await fs.writeFile(target, typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2), { flag: 'wx' });
    return target;
  }

  /** A lock file beside the data; a lock older than 10 s is taken to be left by a crashed writer. */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const lock = `${this.filePath}.lock`;
    await fs.mkdir(path.dirname(this.filePath), { recursive: true });
    const deadline = Date.now() + this.lockTimeoutMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      try {
        await fs.writeFile(lock, `${process.pid} ${new Date().toISOString()}`, { flag: 'wx' });
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const stat = await fs.stat(lock).catch(() => undefined);
        if (stat && Date.now() - stat.mtimeMs > 10_000) await fs.rm(lock, { force: true });
        else if (Date.now() > deadline) throw new Error(`${lock} is held by another writer; try again, or delete the file if no other window is open.`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    try {
      return await fn();
    } finally {
      await fs.rm(lock, { force: true });
    }
  }
}

/**
 * Line and column (1-based) of a JSON.parse error: from "(line L column C)" or "position N" in its
 * message, else from the yaml parser (JSON is YAML), since some engine messages carry no position.
 */
export function jsonErrorPosition(text: string, message: string): { line: number; col: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (!pos) {
    const at = parseDocument(text).errors[0]?.linePos?.[0];
    if (at) return { line: at.line, col: at.col };
  }
  const offset = pos ? Number(pos[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}
