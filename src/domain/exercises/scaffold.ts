import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { assertInside, climbsOut, UnsafePathError, writeFileInside } from '../shared/safeFs';

export interface TemplateFile {
  /** POSIX-style path relative to the exercise folder. */
  path: string;
  content: string;
}

export type TemplateVars = Record<string, string>;

const placeholder = /(?<!\$)\{\{\s*([a-zA-Z][\w]*)\s*\}\}/g;

/**
 * Replaces `{{name}}` placeholders; an unknown placeholder is an error so typos never ship.
 * `${{ … }}` (GitHub Actions expressions) is left alone.
 */
export function renderTemplate(content: string, vars: TemplateVars, file = 'template'): string {
  return content.replace(placeholder, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`${file}: unknown placeholder {{${name}}}`);
    return value;
  });
}

/** Whether rendering would change `content` (it has a `{{name}}` placeholder). */
export function hasPlaceholders(content: string): boolean {
  return new RegExp(placeholder.source).test(content);
}

export async function readTemplateFiles(templateDir: string): Promise<TemplateFile[]> {
  const out: TemplateFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs);
      else if (entry.isFile()) {
        out.push({ path: path.relative(templateDir, abs).split(path.sep).join('/'), content: await fs.readFile(abs, 'utf8') });
      }
    }
  };
  await walk(templateDir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function renderFiles(files: readonly TemplateFile[], vars: TemplateVars): TemplateFile[] {
  return files.map((f) => ({ path: f.path, content: renderTemplate(f.content, vars, f.path) }));
}

export class ScaffoldError extends Error {}

/** Path refusals from safeFs read the same as the scaffolder's own. */
async function guarded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    throw e instanceof UnsafePathError ? new ScaffoldError(e.message) : e;
  }
}

/**
 * Resolves a user-supplied folder inside the workspace. Refuses absolute paths, `..` escapes and
 * symlinks anywhere along the way, since any of them could write outside the workspace.
 */
export async function resolveInsideWorkspace(workspaceRoot: string, relative: string): Promise<string> {
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    throw new ScaffoldError(`"${relative}" is an absolute path; scaffold targets must be inside the workspace.`);
  }
  const root = path.resolve(workspaceRoot);
  const target = path.resolve(root, relative);
  const rel = path.relative(root, target);
  if (rel === '' || climbsOut(rel)) {
    throw new ScaffoldError(`"${relative}" resolves outside the workspace folder ${root}.`);
  }
  return guarded(assertInside(root, target));
}

export interface ScaffoldPlan {
  /** The workspace (or the CLI's target): no write may leave it or pass through a link below it. */
  root: string;
  targetDir: string;
  files: TemplateFile[];
  /** Relative paths that already exist and would be replaced. */
  existing: string[];
}

/** Checks every file's whole path below `root` (no links, nothing outside) and lists what exists. */
export async function planScaffold(root: string, targetDir: string, files: readonly TemplateFile[]): Promise<ScaffoldPlan> {
  const existing: string[] = [];
  for (const f of files) {
    const abs = await guarded(assertInside(root, safeJoin(targetDir, f.path)));
    if (
      await fs.lstat(abs).then(
        () => true,
        () => false,
      )
    )
      existing.push(f.path);
  }
  return { root, targetDir, files: [...files], existing };
}

export interface WriteResult {
  written: string[];
  skipped: string[];
}

/** Writes the plan. Existing files are replaced only when `overwrite` is true; otherwise they are kept. */
export async function writeScaffold(plan: ScaffoldPlan, overwrite: boolean): Promise<WriteResult> {
  const result: WriteResult = { written: [], skipped: [] };
  const existing = new Set(plan.existing);
  for (const f of plan.files) {
    if (existing.has(f.path) && !overwrite) {
      result.skipped.push(f.path);
      continue;
    }
    // Exclusive for new files, so one that appeared since planning is not clobbered; every component
    // is checked again and the file opened with O_NOFOLLOW, so a link raced in is refused.
    await guarded(writeFileInside(plan.root, safeJoin(plan.targetDir, f.path), f.content, { exclusive: !existing.has(f.path) }));
    result.written.push(f.path);
  }
  return result;
}

function safeJoin(dir: string, rel: string): string {
  const abs = path.resolve(dir, rel);
  if (climbsOut(path.relative(dir, abs))) throw new ScaffoldError(`template path ${rel} escapes the exercise folder`);
  return abs;
}
