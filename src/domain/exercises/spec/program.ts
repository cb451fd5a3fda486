// Starting the learner's program on a free loopback port, waiting until it answers, and stopping it
// with everything it started.
import { spawn } from 'node:child_process';
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

/** Starts `command` in `cwd` with PORT set, and resolves once something listens on that port. */
export async function startProgram(command: Command, cwd: string, options: StartOptions = {}): Promise<RunningProgram> {
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
  for (;;) {
    if (options.signal?.aborted) {
      await stop();
      throw new CheckError('Check cancelled');
    }
    if (exited !== undefined) {
      throw new CheckError(`\`${shown}\` ${exited} before it listened on port ${port}.\n${output.trim()}`);
    }
    if (await answers(port)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new CheckError(
        `\`${shown}\` did not listen on port ${port} (from the PORT environment variable) within ${Math.round((options.readyTimeoutMs ?? 15_000) / 1000)} s.\n${output.trim()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, output: () => output, stdout: () => stdout, stop };
}
