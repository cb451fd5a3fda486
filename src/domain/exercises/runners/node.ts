// Node.js exercises: a package.json, test/*.test.js (or .ts through tsx), npm install, and
// `node --test` writing a TAP copy of its results.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as Yaml from 'yaml';
import { isPlainFile, readFileInside, UnsafePathError } from '../../shared/safeFs';
import { CheckError } from '../runner';
import type { Detection, ExerciseRunner, InstallStep, TestContext, TestResult, TestStep, ToolRequirement } from '../runner';
import type { Command } from '../runCommand';
import type { Spec } from '../spec/schema';

export const minimumNodeMajor = 20;
const testFilePattern = /\.test\.[cm]?[jt]s$/;
/** A package.json bigger than this is not an exercise's; it is read no further. */
const maxPackageJsonBytes = 1024 * 1024;

/** test/*.test.js, or .ts for the TypeScript flavour (run through tsx, a dev dependency of those exercises). */
export async function findTestFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, 'test')).catch(() => [] as string[]);
  return entries
    .filter((e) => testFilePattern.test(e))
    .sort()
    .map((e) => `test/${e}`);
}

/** Dependencies named in package.json that are not in node_modules yet. */
export async function missingDependencies(dir: string): Promise<string[]> {
  const pkg = await readPackageJson(dir);
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  const missing: string[] = [];
  for (const name of names) {
    const found = await fs.stat(path.join(dir, 'node_modules', name, 'package.json')).then(
      () => true,
      () => false,
    );
    if (!found) missing.push(name);
  }
  return missing;
}

interface PackageJson {
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  /** Where 0.1 recorded the exercise, before marker files. */
  backendRoadmap?: { exercise?: unknown };
}

async function readPackageJson(dir: string): Promise<PackageJson> {
  const file = path.join(dir, 'package.json');
  const text = await readFileInside(dir, file, { maxBytes: maxPackageJsonBytes }).catch((e: NodeJS.ErrnoException) => {
    if (e instanceof UnsafePathError) throw new CheckError(`${file}: ${e.message}`);
    throw new CheckError(`${dir} has no package.json; is it an exercise folder?`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CheckError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CheckError(`${file}: not a JSON object`);
  return parsed as PackageJson;
}

const nodeVersion = (minimum: [number, number]): ToolRequirement => ({
  name: 'Node.js',
  probe: { command: 'node', args: ['--version'] },
  version: (output) => {
    const m = /^v(\d+)\.(\d+)\./.exec(output.trim());
    return m ? [Number(m[1]), Number(m[2])] : undefined;
  },
  minimum,
});

/**
 * How the spec starts a Node exercise's program: its `start` script (or `migrate`, for a spec whose
 * program runs to completion, such as a migration tool), run directly when it is a plain
 * `node <files>` (npm's own start-up would cost more than the program's, once per scenario).
 */
export async function startCommand(dir: string, spec?: Pick<Spec, 'program'>): Promise<Command | undefined> {
  const script = spec?.program === 'command' ? 'migrate' : 'start';
  const line = (await readPackageJson(dir).catch(() => ({}) as PackageJson)).scripts?.[script];
  if (typeof line !== 'string' || line.trim() === '') return undefined;
  if (/^node(\s+[\w@./=-]+)+$/.test(line.trim())) return { command: 'node', args: line.trim().split(/\s+/).slice(1) };
  return { command: 'npm', args: ['run', '--silent', script, '--'] };
}

export const nodeRunner: ExerciseRunner = {
  id: 'node',
  manualCommand: 'npm install && npm test',
  missingToolHint: `Install Node.js ${minimumNodeMajor} or newer (https://nodejs.org), which brings npm, and restart the editor.`,

  projectFiles: ['package.json'],
  dependencyFolder: 'node_modules',

  async detect(dir: string): Promise<Detection> {
    const hasPackageJson = await isPlainFile(path.join(dir, 'package.json'));
    const hasTests = (await findTestFiles(dir)).length > 0;
    if (hasPackageJson && hasTests) return { ok: true };
    return {
      ok: false,
      missing: [hasPackageJson ? '' : 'no package.json', hasTests ? '' : 'no test/*.test.js (or .ts) files'].filter(Boolean).join(' and '),
    };
  },

  /** 0.1 wrote `"backendRoadmap": { "exercise": "<id>" }` into package.json; a junk file is simply no mark. */
  async legacyExerciseId(dir: string): Promise<string | undefined> {
    const pkg = await readPackageJson(dir).catch(() => undefined);
    const id = pkg?.backendRoadmap?.exercise;
    return typeof id === 'string' && id !== '' ? id : undefined;
  },

  async test(dir: string, { resultsFile }: TestContext): Promise<TestStep> {
    const files = await findTestFiles(dir);
    if (files.length === 0) throw new CheckError(`${dir} has no test/*.test.js (or .ts) files to run.`);
    const typescript = files.some((f) => /\.[cm]?ts$/.test(f));
    const args = [
      ...(typescript ? ['--import', 'tsx'] : []),
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${resultsFile}`,
      ...files,
    ];
    return {
      message: `Running ${files.length} test file${files.length === 1 ? '' : 's'}`,
      command: { command: 'node', args },
      // `--import tsx` needs module hooks from Node 20.6.
      requires: [nodeVersion(typescript ? [20, 6] : [minimumNodeMajor, 0])],
    };
  },

  async install(dir: string): Promise<InstallStep | undefined> {
    const missing = await missingDependencies(dir);
    if (missing.length === 0) return undefined;
    return {
      message: `Installing dependencies (${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''})`,
      name: 'npm install',
      command: {
        command: process.platform === 'win32' ? 'npm.cmd' : 'npm',
        args: ['install', '--no-audit', '--no-fund', '--loglevel=error'],
      },
    };
  },

  parseResults: (raw: string) => parseTap(raw),

  specStart: startCommand,
};

/** Reads node:test's TAP output into leaf test results (suites are folded into each test's `suite`). */
export function parseTap(tap: string): TestResult[] {
  const lines = tap.split(/\r?\n/);
  interface Node {
    depth: number;
    result: TestResult;
    descendants: TestResult[];
    children: number;
    file: boolean;
  }
  const out: Node[] = [];
  // Children are reported before their parent; unclaimed ones wait here.
  let pending: Node[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^( *)(not ok|ok) \d+ - (.*?)(?: # (SKIP|TODO)\b.*)?$/.exec(lines[i] ?? '');
    if (!m) continue;
    const depth = (m[1]?.length ?? 0) / 4;
    let status: TestResult['status'] = m[2] === 'ok' ? 'passed' : 'failed';
    if (m[4] === 'SKIP') status = 'skipped';
    if (m[4] === 'TODO') status = 'todo';
    const block = readYamlBlock(lines, i + 1);
    const rawName = unescapeTap(m[3] ?? '');
    const result: TestResult = { name: displayName(rawName), suite: [], status };
    if (typeof block?.duration_ms === 'number') result.durationMs = block.duration_ms;
    if (status === 'failed' && block?.error !== undefined) result.error = String(block.error).trim();
    const children = pending.filter((p) => p.depth > depth);
    pending = pending.filter((p) => p.depth <= depth);
    const descendants = children.flatMap((c) => [c.result, ...c.descendants]);
    for (const d of descendants) d.suite.unshift(result.name);
    const node: Node = { depth, result, descendants, children: children.length, file: isFilePath(rawName) };
    pending.push(node);
    out.push(node);
  }
  // A suite with tests is not a test itself, but one that failed with no tests (a file that would not
  // load, a hook that threw) is reported, so the learner sees why.
  // A test file that loaded but holds no tests is not a passing test.
  return out.filter((n) => n.children === 0 && !(n.file && n.result.status === 'passed')).map((n) => n.result);
}

function readYamlBlock(lines: string[], start: number): Record<string, unknown> | undefined {
  if (!/^ *---$/.test(lines[start] ?? '')) return undefined;
  const body: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^ *\.\.\.$/.test(line)) break;
    body.push(line);
  }
  // A loop, not Math.min(...lines): spreading 150,000 lines overflows the call stack.
  let indent = Infinity;
  for (const l of body) if (l.trim()) indent = Math.min(indent, l.length - l.trimStart().length);
  // Loaded outside the try: a missing parser is a broken install, not a bad block, and must say so.
  const parser = yaml();
  try {
    const parsed: unknown = parser.parse(body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The YAML parser is a third of the extension bundle and only a failing test's details need it, so it
 * is loaded on first use, not at activation.
 */
let yamlModule: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above)
  return (yamlModule ??= require('yaml') as typeof Yaml);
}

function unescapeTap(s: string): string {
  return s.replace(/\\([#\\])/g, '$1');
}

/** Node names a test file's wrapper by its absolute path; the file name is what a learner knows. */
function displayName(name: string): string {
  return isFilePath(name) ? path.basename(name) : name;
}

function isFilePath(name: string): boolean {
  return /^([a-zA-Z]:)?[\\/].*\.[cm]?[jt]sx?$/.test(name);
}
