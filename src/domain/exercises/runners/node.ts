import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readFileInside } from '../../shared/safeFs';

export interface TestResult {
  name: string;
  /** Enclosing suites, outermost first. */
  suite: string[];
  status: 'passed' | 'failed' | 'skipped' | 'todo';
  durationMs?: number;
  error?: string;
}

export type CheckOutcome = 'passed' | 'failed' | 'cancelled' | 'timedOut';

export interface CheckResult {
  outcome: CheckOutcome;
  exitCode: number | null;
  results: TestResult[];
  /** e.g. "5 passed, 1 failed". */
  summary: string;
  durationMs: number;
  /** Set when dependencies had to be installed first. */
  installMs?: number;
}

/** Problems with the setup rather than the learner's code: not an exercise folder, tools missing. */
export class CheckError extends Error {}

export interface CheckOptions {
  signal?: AbortSignal;
  /** For the test run; installs get their own, longer limit. */
  timeoutMs?: number;
  installTimeoutMs?: number;
  onOutput?: (text: string) => void;
  onPhase?: (phase: 'install' | 'test', message: string) => void;
  env?: NodeJS.ProcessEnv;
}

export const minimumNodeMajor = 20;
const testFilePattern = /\.test\.[cm]?[jt]s$/;

/** test/*.test.js, or .ts for the TypeScript flavour (run through tsx, a dev dependency of those exercises). */
export async function findTestFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, 'test')).catch(() => [] as string[]);
  return entries.filter((e) => testFilePattern.test(e)).sort().map((e) => `test/${e}`);
}

/** Dependencies named in package.json that are not in node_modules yet. */
export async function missingDependencies(dir: string): Promise<string[]> {
  const pkg = await readPackageJson(dir);
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  const missing: string[] = [];
  for (const name of names) {
    const found = await fs.stat(path.join(dir, 'node_modules', name, 'package.json')).then(() => true, () => false);
    if (!found) missing.push(name);
  }
  return missing;
}

/** The exercise id a scaffolded folder records in its package.json, if any. */
export async function exerciseIdOf(dir: string): Promise<string | undefined> {
  const pkg = await readPackageJson(dir).catch(() => undefined);
  const id = pkg?.backendRoadmap?.exercise;
  return typeof id === 'string' ? id : undefined;
}

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  backendRoadmap?: { exercise?: string };
}

async function readPackageJson(dir: string): Promise<PackageJson> {
  const file = path.join(dir, 'package.json');
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new CheckError(`${dir} has no package.json; is it an exercise folder?`);
  });
  try {
    return JSON.parse(text) as PackageJson;
  } catch (e) {
    throw new CheckError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * Checks an exercise folder: installs missing dependencies, runs `node --test` on test/*.test.js in a
 * child process, streams its output, and reads per-test results from a TAP copy of the run.
 */
export async function checkExercise(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const started = Date.now();
  const files = await findTestFiles(dir);
  if (files.length === 0) throw new CheckError(`${dir} has no test/*.test.js (or .ts) files to run.`);
  const typescript = files.some((f) => /\.[cm]?ts$/.test(f));
  // `--import tsx` needs module hooks from Node 20.6.
  if (!(await requireNode(options, typescript ? [20, 6] : [minimumNodeMajor, 0]))) {
    return { outcome: 'cancelled', exitCode: null, results: [], summary: 'cancelled', durationMs: Date.now() - started };
  }

  let installMs: number | undefined;
  const missing = await missingDependencies(dir);
  if (missing.length > 0) {
    options.onPhase?.('install', `Installing dependencies (${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''})`);
    const t0 = Date.now();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = await run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir, {
      ...options,
      timeoutMs: options.installTimeoutMs ?? 600_000,
    });
    installMs = Date.now() - t0;
    if (install.cancelled || install.timedOut || install.exitCode !== 0) {
      const outcome: CheckOutcome = install.cancelled ? 'cancelled' : install.timedOut ? 'timedOut' : 'failed';
      const why = outcome === 'failed' ? `npm install exited with ${install.exitCode}` : outcome === 'cancelled' ? 'install cancelled' : 'install timed out';
      return { outcome, exitCode: install.exitCode, results: [], summary: why, durationMs: Date.now() - started, installMs };
    }
  }

  options.onPhase?.('test', `Running ${files.length} test file${files.length === 1 ? '' : 's'}`);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'backend-roadmap-check-'));
  const tapFile = path.join(tmp, 'results.tap');
  try {
    const args = [...(typescript ? ['--import', 'tsx'] : []), '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files];
    const proc = await run('node', args, dir, { ...options, timeoutMs: options.timeoutMs ?? 120_000 });
    const tap = await readFileInside(tmp, tapFile, { maxBytes: maxTapBytes }).catch(() => '');
    const results = parseTap(tap);
    const count = (s: TestResult['status']) => results.filter((r) => r.status === s).length;
    const parts = [`${count('passed')} passed`, `${count('failed')} failed`];
    if (count('skipped') + count('todo') > 0) parts.push(`${count('skipped') + count('todo')} skipped`);
    let outcome: CheckOutcome;
    if (proc.cancelled) outcome = 'cancelled';
    else if (proc.timedOut) outcome = 'timedOut';
    else outcome = proc.exitCode === 0 && count('failed') === 0 && count('passed') > 0 ? 'passed' : 'failed';
    let summary = parts.join(', ');
    if (outcome === 'cancelled') summary = `cancelled (${summary})`;
    if (outcome === 'timedOut') summary = `timed out after ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s (${summary})`;
    return { outcome, exitCode: proc.exitCode, results, summary, durationMs: Date.now() - started, installMs };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/** False when cancelled meanwhile; throws a CheckError when Node.js is missing or too old. */
async function requireNode(options: CheckOptions, [major, minor]: [number, number]): Promise<boolean> {
  let version = '';
  const proc = await run('node', ['--version'], process.cwd(), { ...options, onOutput: (t) => (version += t), timeoutMs: 30_000 });
  if (proc.cancelled) return false;
  const m = /^v(\d+)\.(\d+)\./.exec(version.trim());
  const [have, haveMinor] = [Number(m?.[1]), Number(m?.[2])];
  if (proc.exitCode !== 0 || !m || have < major || (have === major && haveMinor < minor)) {
    throw new CheckError(`Node.js ${major}.${minor} or newer is needed to run the tests; found ${version.trim() || 'an unreadable version'}.`);
  }
  return true;
}

interface RunResult {
  exitCode: number | null;
  cancelled: boolean;
  timedOut: boolean;
}

/** What a check keeps of its output; past it the rest is drained and dropped, and the cut is said. */
export const maxOutputChars = 2 * 1024 * 1024;
/** The TAP copy is read up to this size; a run that printed more keeps the results before the cut. */
const maxTapBytes = 32 * 1024 * 1024;
/** Each test's error text is shortened to this for the topic page. */
const maxErrorChars = 8 * 1024;

function run(command: string, args: string[], cwd: string, options: CheckOptions & { timeoutMs: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return resolve({ exitCode: null, cancelled: true, timedOut: false });
    // Every process the run starts inherits this, so daemons that left the process group are found too.
    const marker = randomBytes(8).toString('hex');
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...options.env, NO_COLOR: '1', FORCE_COLOR: '0', [markerVariable]: marker },
      // Own process group on POSIX, so a cancel also stops servers the tests started.
      detached: process.platform !== 'win32',
      // Only npm.cmd needs cmd.exe; its arguments are constants, so nothing gets re-parsed by a shell.
      shell: command.endsWith('.cmd'),
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let cancelled = false;
    let timedOut = false;
    let exited = false;
    let settled = false;
    let closed = false;
    child.once('close', () => (closed = true));
    const stop = () => {
      if (exited || child.pid === undefined) return;
      if (process.platform === 'win32') spawn('taskkill', ['/pid', String(child.pid), '/T', '/F']);
      else {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        setTimeout(() => {
          try {
            // Only while the run is still going: after its exit the group id may belong to someone else.
            if (!exited && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 2_000).unref();
      }
    };
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    let kept = 0;
    const forward = (t: string) => {
      if (kept >= maxOutputChars) return;
      kept += t.length;
      options.onOutput?.(kept <= maxOutputChars ? t : `${t.slice(0, t.length - (kept - maxOutputChars))}\n[output cut: the check printed more than ${maxOutputChars / 1024 / 1024} MB; the rest was not kept]\n`);
    };
    // While the run goes on, processes it left behind as orphans are reaped (Linux).
    const reaper = process.platform === 'linux' && child.pid !== undefined ? setInterval(() => void killOrphans(marker, child.pid ?? 0), 500) : undefined;
    child.stdout.setEncoding('utf8').on('data', forward);
    child.stderr.setEncoding('utf8').on('data', forward);
    const finish = (code: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(reaper);
      options.signal?.removeEventListener('abort', onAbort);
      // A daemon holding our pipes must not keep the check open: drop them.
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ exitCode: code, cancelled, timedOut });
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      settled = true;
      clearTimeout(timer);
      clearInterval(reaper);
      options.signal?.removeEventListener('abort', onAbort);
      reject(e.code === 'ENOENT' ? new CheckError(`"${command}" was not found on PATH. Install Node.js ${minimumNodeMajor} or newer (https://nodejs.org), which brings npm, and restart the editor.`) : e);
    });
    child.on('exit', (code) => {
      exited = true;
      // The run is over: servers or watchers it left behind go too, in its group or not.
      if (process.platform !== 'win32' && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // the group is already empty
        }
      }
      void killMarked(marker).finally(() => {
        // Output still in the pipes is read first; a pipe some escaped process holds open is not waited for.
        if (closed) return finish(code);
        const grace = setTimeout(() => finish(code), 1_000);
        child.once('close', () => {
          clearTimeout(grace);
          finish(code);
        });
      });
    });
  });
}

const markerVariable = 'BACKEND_ROADMAP_CHECK_RUN';

/** Processes (pid -> parent pid) whose environment carries the run's marker; Linux's /proc only. */
async function markedProcesses(marker: string): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  if (process.platform !== 'linux') return found;
  const needle = `${markerVariable}=${marker}\0`;
  const pids = await fs.readdir('/proc').catch(() => [] as string[]);
  await Promise.all(
    pids
      .filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)
      .map(async (p) => {
        const env = await fs.readFile(`/proc/${p}/environ`, 'latin1').catch(() => '');
        if (!env.includes(needle)) return;
        const stat = await fs.readFile(`/proc/${p}/stat`, 'latin1').catch(() => '');
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last one.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        found.set(Number(p), ppid);
      }),
  );
  return found;
}

function kill(pids: Iterable<number>): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** Kills every process of the run, in its group or not (elsewhere than Linux the group kill is all there is). */
async function killMarked(marker: string): Promise<void> {
  kill((await markedProcesses(marker)).keys());
}

/** True when the process's stdout or stderr is a pipe or socket (libuv gives children socketpairs). */
async function writesToPipe(pid: number): Promise<boolean> {
  const links = await Promise.all(['1', '2'].map((fd) => fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  return links.some((l) => l.startsWith('pipe:') || l.startsWith('socket:'));
}

/**
 * Kills the run's orphans that still hold a pipe: marked processes whose parent has left the run (a
 * finished test file, a shell that backgrounded them) with stdout or stderr still on a pipe. Whoever
 * reads that pipe waits for end-of-file until the timeout, so `node --test` would turn a pass into a
 * failure. A server that daemonised properly (output to /dev/null or a log) is left until the run ends.
 */
async function killOrphans(marker: string, rootPid: number): Promise<void> {
  const marked = await markedProcesses(marker);
  const orphans = [...marked].filter(([pid, ppid]) => pid !== rootPid && ppid !== rootPid && !marked.has(ppid)).map(([pid]) => pid);
  const blocking = await Promise.all(orphans.map(writesToPipe));
  kill(orphans.filter((_, i) => blocking[i]));
}

/** Reads node:test's TAP output into leaf test results (suites are folded into each test's `suite`). */
export function parseTap(tap: string): TestResult[] {
  const lines = tap.split(/\r?\n/);
  interface Node { depth: number; result: TestResult; descendants: TestResult[]; children: number; file: boolean }
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
    if (status === 'failed' && block?.error !== undefined) result.error = shorten(String(block.error).trim());
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
  try {
    const parsed: unknown = parseYaml(body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function shorten(text: string): string {
  return text.length > maxErrorChars ? `${text.slice(0, maxErrorChars)}\n[cut: ${text.length - maxErrorChars} more characters]` : text;
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
