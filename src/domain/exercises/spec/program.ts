// Starting the learner's program on a free loopback port, waiting until it answers, and stopping it
// with everything it started.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { randomInt } from 'node:crypto';
import * as net from 'node:net';
import { CheckError } from '../runCommand';
import type { Command } from '../runCommand';

export interface RunningProgram {
  port: number;
  /** What it printed so far (the tail), for a failure message. */
  output(): string;
  /** Everything it printed on stdout since it started (the first MiB), for stdout steps. */
  stdout(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long it may take to start listening. */
  readyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Where the port comes from; by default BACKEND_ROADMAP_PORT_RANGE's range, else any port the OS says is free. */
  portRange?: PortRange;
}

/** The lowest and highest port (both included) the program may be given. */
export type PortRange = readonly [number, number];

/**
 * `BACKEND_ROADMAP_PORT_RANGE=20000-20499`: the programs' ports come from this range. The exercise
 * library's test gives each of its parallel workers its own range, below the ports the OS hands out for
 * port 0: between freePort() closing its probe and the program listening, another worker's `listen(0)`
 * could otherwise take the same port, and the check would talk to the wrong program.
 */
export const portRangeVariable = 'BACKEND_ROADMAP_PORT_RANGE';

/** Reads `<low>-<high>`; undefined when unset, an error when it says something else. */
export function parsePortRange(text: string | undefined): PortRange | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const m = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(text);
  const low = Number(m?.[1]);
  const high = Number(m?.[2]);
  if (!m || low < 1024 || high > 65535 || low > high)
    throw new CheckError(`${portRangeVariable} must be two ports from 1024 to 65535, low-high (20000-20499); got "${text}".`);
  return [low, high];
}

const outputTail = 4000;
const stdoutLimit = 1024 * 1024;

/** A port that is free now (any the kernel picks, or one in `range`); the program gets it through PORT. */
export async function freePort(range?: PortRange): Promise<number> {
  if (!range) return probe(0);
  // From a random place in the range, so quick successive starts do not all reuse its first port.
  const size = range[1] - range[0] + 1;
  const offset = randomInt(size);
  for (let i = 0; i < size; i++) {
    const port = range[0] + ((offset + i) % size);
    const free = await probe(port).then(
      () => true,
      () => false,
    );
    if (free) return port;
  }
  throw new CheckError(`No free port in ${range[0]}-${range[1]} (${portRangeVariable}).`);
}

/** Listens on `port` on loopback (0: any) and closes again; the port it got. */
function probe(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The inodes of the sockets listening on `port` (any address), from Linux's /proc/net; undefined elsewhere. */
async function listeningInodes(port: number): Promise<Set<string> | undefined> {
  const inodes = new Set<string>();
  let read = false;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await fs.readFile(table, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    read = true;
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      // State 0A is LISTEN; the local address ends in the port, in hex.
      if (fields[3] === '0A' && local && parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port && fields[9]) inodes.add(fields[9]);
    }
  }
  return read ? inodes : undefined;
}

/**
 * Whether the socket listening on `port` belongs to a process in group `pgid` (the program and what it
 * started); undefined when this system cannot tell (no /proc). Another check running at the same time
 * may have taken the port after freePort() probed it: the port then answers while the learner's program
 * is still building, and would fail with EADDRINUSE; talking to the stranger would grade the wrong code.
 */
export async function listenerInGroup(port: number, pgid: number): Promise<boolean | undefined> {
  const inodes = await listeningInodes(port);
  if (inodes === undefined) return undefined;
  if (inodes.size === 0) return false;
  const holds = async (pid: string) => {
    const fds = await fs.readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode !== undefined && inodes.has(inode)) return true;
    }
    return false;
  };
  // The group's leader (the started program) usually listens itself: ask it before scanning /proc.
  const leader = String(pgid);
  if (await holds(leader)) return true;
  const pids = await fs.readdir('/proc').catch(() => [] as string[]);
  for (const pid of pids) {
    if (pid === leader || !/^\d+$/.test(pid)) continue;
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
    const rest = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (rest?.[2] === leader && (await holds(pid))) return true;
  }
  return false;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Thrown when the port was taken by another program before the learner's could listen on it. */
class PortTaken extends CheckError {}

/**
 * Starts `command` in `cwd` with PORT set, and resolves once it listens on that port. When another
 * program takes the port first (a check running beside this one), it starts again on another port.
 */
export async function startProgram(command: Command, cwd: string, options: StartOptions = {}): Promise<RunningProgram> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(command, cwd, options);
    } catch (e) {
      if (!(e instanceof PortTaken) || attempt >= 3) throw e;
    }
  }
}

async function startOnce(command: Command, cwd: string, options: StartOptions): Promise<RunningProgram> {
  const port = await freePort(options.portRange ?? parsePortRange(process.env[portRangeVariable]));
  // Its own process group, so stopping it also stops what it started (a reloader, `go run`'s binary).
  const child = spawn(command.command, command.args, {
    cwd,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-outputTail);
  };
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    if (stdout.length < stdoutLimit) stdout += chunk.toString('utf8');
  });
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = signal ? `was stopped by ${signal}` : `exited with code ${String(code)}`;
      resolve();
    });
    child.once('error', (e) => {
      exited = `could not start: ${e.message}`;
      resolve();
    });
  });
  const stop = async () => {
    if (exited === undefined && child.pid !== undefined) {
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const killed = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 2000);
      await exit;
      clearTimeout(killed);
    }
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 15_000);
  const shown = `${command.command} ${command.args.join(' ')}`;
  let taken = false;
  for (;;) {
    if (options.signal?.aborted) {
      await stop();
      throw new CheckError('Check cancelled');
    }
    if (exited !== undefined) {
      const message = `\`${shown}\` ${exited} before it listened on port ${port}.\n${output.trim()}`;
      throw taken
        ? new PortTaken(`Another program took port ${port} before this one could listen on it (is another check running?).\n${message}`)
        : new CheckError(message);
    }
    if (await answers(port)) {
      const mine = child.pid === undefined || process.platform === 'win32' ? undefined : await listenerInGroup(port, child.pid);
      if (mine !== false) break;
      taken = true;
    }
    if (Date.now() > deadline) {
      await stop();
      if (taken) throw new PortTaken(`Another program listens on port ${port}, and this one did not start within the time allowed.`);
      throw new CheckError(
        `\`${shown}\` did not listen on port ${port} (from the PORT environment variable) within ${Math.round((options.readyTimeoutMs ?? 15_000) / 1000)} s.\n${output.trim()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, output: () => output, stdout: () => stdout, stop };
}
