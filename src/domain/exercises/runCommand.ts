// The process side of a check, shared by every runner: how a command is started, capped, cancelled,
// timed out and cleaned up after, whatever the language.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** Problems with the setup rather than the learner's code: not an exercise folder, tools missing. */
export class CheckError extends Error {}

/** A program and its arguments; never given to a shell (but npm.cmd, whose arguments are constants). */
export interface Command {
  command: string;
  args: string[];
}

export interface RunResult {
  exitCode: number | null;
  cancelled: boolean;
  timedOut: boolean;
}

export interface RunOptions {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv | undefined;
  onOutput?: ((text: string) => void) | undefined;
  /** Added to "<command> was not found on PATH.": how to get the tool. */
  missingHint: string;
}

/** What a check keeps of its output; past it the rest is drained and dropped, and the cut is said. */
export const maxOutputChars = 2 * 1024 * 1024;

/**
 * Runs one command of a check: no shell, output forwarded up to a cap, and cancel, timeout or the
 * command's exit stops everything it started (its process group, and on Linux whatever carries the
 * run's marker in its environment, daemons included).
 */
export function runCommand({ command, args }: Command, cwd: string, options: RunOptions): Promise<RunResult> {
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
      options.onOutput?.(
        kept <= maxOutputChars
          ? t
          : `${t.slice(0, t.length - (kept - maxOutputChars))}\n[output cut: the check printed more than ${maxOutputChars / 1024 / 1024} MB; the rest was not kept]\n`,
      );
    };
    // While the run goes on, processes it left behind as orphans are reaped (Linux).
    const reaper =
      process.platform === 'linux' && child.pid !== undefined
        ? setInterval(() => void killOrphans(marker, child.pid ?? 0), 500)
        : undefined;
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
      reject(e.code === 'ENOENT' ? new CheckError(`"${command}" was not found on PATH. ${options.missingHint}`) : e);
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
