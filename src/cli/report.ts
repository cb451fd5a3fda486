// `backend-roadmap report`: a class table from learners' git-shared progress files. Every file and
// folder name comes from someone else's repository: nothing is followed through a link, sizes are
// capped, and a file that cannot be read is a problem on stderr while the others still print.
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { progressFileRelative } from '../domain/progress/fileAdapter';
import { classReport, parseLearnerProgress, printable, reportCsv, reportMarkdown } from '../domain/progress/report';
import type { Learner } from '../domain/progress/report';
import { roadmapChoices } from '../domain/roadmap/catalog';
import type { Catalog } from '../domain/roadmap/catalog';
import { formatProblem } from '../domain/shared/problems';
import { readFileInside, UnsafePathError } from '../domain/shared/safeFs';
import type { CliIo } from './main';

export const reportUsage =
  'backend-roadmap report <progress files or folders…> [--format=md|csv] [--roadmap=<id>] [--out=<file> [--force]]';

/**
 * No progress file is this big: history and the review log are capped at 5000 entries each, and
 * cards are one per question or note line, about 2 MB pretty-printed at most. Anything larger is not
 * read whole.
 */
export const maxProgressFileBytes = 8 * 1024 * 1024;

const formats = ['md', 'csv'] as const;
type Format = (typeof formats)[number];

interface ReportOptions {
  paths: string[];
  format: Format;
  roadmap: string | undefined;
  out: string | undefined;
  force: boolean;
}

class ReportUsageError extends Error {}

/** One progress file to read: `file` lies inside `root`, and nothing below `root` may be a link. */
interface Candidate {
  name: string;
  root: string;
  /** Absolute. */
  file: string;
  /** The path as the teacher gave it, for messages and the CSV. */
  shown: string;
}

export interface ReadLearners {
  learners: Learner[];
  /** `file:line:col: message` (or `folder: message`), one per input left out. */
  problems: string[];
  /** Things worth knowing that leave nothing out (a subfolder without a progress file). */
  notes: string[];
}

/**
 * Runs the report command. `loadCatalog` is called only once the arguments make sense, so a usage
 * error never depends on the build. Exit codes: 0 every input read, 1 the table printed but some
 * inputs had problems, 2 usage error or nothing readable.
 */
export async function reportCommand(argv: readonly string[], loadCatalog: () => Catalog, io: CliIo): Promise<number> {
  let options: ReportOptions;
  try {
    options = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof ReportUsageError)) throw e;
    io.err(`backend-roadmap: ${e.message}\n\nUsage: ${reportUsage}\n`);
    return 2;
  }
  const catalog = loadCatalog();
  const choices = roadmapChoices(catalog);
  const wanted = options.roadmap ?? catalog.roadmaps[0]?.roadmap.id;
  const choice = choices.find((c) => c.roadmap.id === wanted);
  if (!choice) {
    io.err(`backend-roadmap: unknown roadmap "${printable(wanted ?? '')}" (known: ${choices.map((c) => c.roadmap.id).join(', ')})\n`);
    return 2;
  }
  // Before reading anything: a report that cannot be written is not worth computing.
  if (options.out !== undefined && !options.force && (await exists(options.out))) {
    io.err(`backend-roadmap: ${options.out} already exists; pass --force to replace it\n`);
    return 2;
  }

  const { learners, problems, notes } = await readLearners(options.paths);
  for (const p of problems) io.err(`${oneLine(p)}\n`);
  for (const n of notes) io.err(`note: ${oneLine(n)}\n`);
  if (learners.length === 0) {
    io.err('backend-roadmap: no progress file could be read; nothing to report\n');
    return 2;
  }
  const report = classReport(learners, choice.roadmap, catalog.exercises);
  const text = options.format === 'csv' ? reportCsv(report) : reportMarkdown(report, problems.length);
  if (options.out === undefined) {
    io.out(text);
  } else {
    try {
      await writeNew(options.out, text, options.force);
    } catch (e) {
      io.err(`backend-roadmap: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    io.out(`Wrote the ${options.format === 'csv' ? 'CSV' : 'Markdown'} report of ${report.rows.length} learner(s) to ${options.out}\n`);
  }
  return problems.length > 0 ? 1 : 0;
}

/** A message naming paths from other people's repositories: printable, and one line per message. */
function oneLine(text: string): string {
  return printable(text).replace(/\r\n|\r|\n/g, '\uFFFD');
}

function parseOptions(argv: readonly string[]): ReportOptions {
  const paths: string[] = [];
  const valued = new Map<string, string>();
  let force = false;
  for (const arg of argv) {
    if (!arg.startsWith('--')) {
      paths.push(arg);
      continue;
    }
    if (arg === '--force') {
      force = true;
      continue;
    }
    const m = /^--(format|roadmap|out)=(.*)$/s.exec(arg);
    if (!m) throw new ReportUsageError(`unknown option ${printable(arg)}`);
    const [, name = '', value = ''] = m;
    if (valued.has(name)) throw new ReportUsageError(`--${name} is given twice`);
    if (value === '') throw new ReportUsageError(`--${name} needs a value`);
    valued.set(name, value);
  }
  const format = valued.get('format') ?? 'md';
  if (!isFormat(format)) throw new ReportUsageError(`unknown format "${printable(format)}" (known: ${formats.join(', ')})`);
  const out = valued.get('out');
  if (force && out === undefined) throw new ReportUsageError('--force only goes with --out');
  if (paths.length === 0) throw new ReportUsageError('report needs at least one progress file or folder');
  return { paths, format, roadmap: valued.get('roadmap'), out, force };
}

function isFormat(value: string): value is Format {
  return (formats as readonly string[]).includes(value);
}

/**
 * Finds and reads the learners the arguments name. A file is one learner: named after the repository
 * folder when it sits at `.vscode/backend-roadmap/progress.json`, else after its own name. A folder
 * holding that file is one learner; any other folder is a folder of repositories, each direct
 * subfolder holding the file a learner. Never throws for what it finds; every input left out is a problem.
 */
export async function readLearners(paths: readonly string[]): Promise<ReadLearners> {
  const result: ReadLearners = { learners: [], problems: [], notes: [] };
  const seen = new Set<string>();
  for (const arg of paths) {
    for (const candidate of await candidatesOf(arg, result)) {
      // A repository named twice (its folder and the folder of repositories holding it) counts once.
      const key = path.resolve(candidate.root, candidate.file);
      if (seen.has(key)) continue;
      seen.add(key);
      const read = await readCandidate(candidate);
      if (read.ok) result.learners.push(read.learner);
      else result.problems.push(read.problem);
    }
  }
  return result;
}

const relativeParts = progressFileRelative.split('/');

async function candidatesOf(arg: string, result: ReadLearners): Promise<Candidate[]> {
  const stat = await fs.lstat(arg).catch((e: NodeJS.ErrnoException) => e);
  if (stat instanceof Error) {
    const what = stat.code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${stat.code ?? stat.message})`;
    result.problems.push(formatProblem({ file: arg, line: 1, col: 1, message: what }));
    return [];
  }
  if (stat.isSymbolicLink()) {
    result.problems.push(
      formatProblem({ file: arg, line: 1, col: 1, message: 'is a symbolic link; not followed (name the file or folder it points to)' }),
    );
    return [];
  }
  if (stat.isFile()) {
    const abs = path.resolve(arg);
    const parts = abs.split(path.sep);
    const atRelative =
      parts.length > relativeParts.length && relativeParts.every((p, i) => parts[parts.length - relativeParts.length + i] === p);
    if (atRelative) {
      const repo = parts.slice(0, parts.length - relativeParts.length).join(path.sep) || path.sep;
      // The components below the repository folder (.vscode, backend-roadmap) are checked for links when read.
      return [{ name: path.basename(repo) || repo, root: repo, file: abs, shown: arg }];
    }
    return [{ name: path.parse(abs).name, root: path.dirname(abs), file: abs, shown: arg }];
  }
  if (!stat.isDirectory()) {
    result.problems.push(formatProblem({ file: arg, line: 1, col: 1, message: 'is neither a file nor a folder' }));
    return [];
  }
  const own = path.join(arg, progressFileRelative);
  if (await exists(own)) return [{ name: path.basename(path.resolve(arg)), root: arg, file: path.resolve(own), shown: own }];
  let entries;
  try {
    entries = await fs.readdir(arg, { withFileTypes: true });
  } catch (e) {
    result.problems.push(`${arg}: cannot be listed (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return [];
  }
  const found: Candidate[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const sub = path.join(arg, entry.name);
    if (entry.isSymbolicLink()) {
      result.notes.push(`${sub} is a symbolic link; not followed`);
      continue;
    }
    if (!entry.isDirectory()) continue;
    const file = path.join(sub, progressFileRelative);
    // The root stays the folder of repositories, so a repository folder planted as a link is refused too.
    if (await exists(file)) found.push({ name: entry.name, root: arg, file: path.resolve(file), shown: file });
    else if (!entry.name.startsWith('.')) result.notes.push(`${sub} has no ${progressFileRelative}; left out`);
  }
  if (found.length === 0) result.problems.push(`${arg}: no learner here (no ${progressFileRelative} in it or in any direct subfolder)`);
  return found;
}

/** Present at all, as anything (a link included): whether it can be read is readCandidate's question. */
async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

async function readCandidate(c: Candidate): Promise<{ ok: true; learner: Learner } | { ok: false; problem: string }> {
  const problem = (message: string) => ({ ok: false as const, problem: formatProblem({ file: c.shown, line: 1, col: 1, message }) });
  let text: string;
  try {
    // One byte over the cap tells a file at the cap from a larger one.
    text = await readFileInside(c.root, c.file, { maxBytes: maxProgressFileBytes + 1 });
  } catch (e) {
    return problem(await readFailure(c, e));
  }
  if (Buffer.byteLength(text) > maxProgressFileBytes) return problem(`larger than ${maxProgressFileBytes / 1024 / 1024} MB; not read`);
  const parsed = parseLearnerProgress(text, c.shown);
  if (!parsed.ok) return { ok: false, problem: parsed.message };
  return { ok: true, learner: { name: c.name, source: c.shown, data: parsed.data } };
}

async function readFailure(c: Candidate, e: unknown): Promise<string> {
  if (e instanceof UnsafePathError) {
    // safeFs words its refusal for writes; say what happened to this read.
    const link = await fs.lstat(path.resolve(c.root, e.relativePath)).then(
      (s) => s.isSymbolicLink(),
      () => false,
    );
    if (!link) return e.message;
    return e.relativePath === path.relative(c.root, c.file).split(path.sep).join('/')
      ? 'is a symbolic link; not followed'
      : `"${e.relativePath}" on its path is a symbolic link; not followed`;
  }
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  return `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
}

/** Writes the report file: never through a link at its name, and over an existing file only when forced. */
async function writeNew(file: string, text: string, force: boolean): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (force ? constants.O_TRUNC : constants.O_EXCL);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, flags, 0o666);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`${file} already exists; pass --force to replace it`, { cause: e });
    if (code === 'ELOOP') throw new Error(`${file} is a symbolic link; not written through`, { cause: e });
    throw new Error(`${file} cannot be written (${code ?? String(e)})`, { cause: e });
  }
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}
