// What the exercise library's test needs to run its cases side by side: how many workers, a pool that
// keeps them busy, and what each worker gets for itself on the shared servers (ports, a PostgreSQL
// database, a Redis database), so that code under test that uses fixed names still never meets another
// worker's. The cases stay the library test's; this file knows nothing about exercises.
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import type { PortRange } from '../../src/domain/exercises/spec/program';

/** `EXERCISE_JOBS`, or the number of CPU cores, at least 2. */
export function exerciseJobs(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.EXERCISE_JOBS?.trim();
  if (asked === undefined || asked === '') return Math.max(2, os.availableParallelism());
  if (!/^\d+$/.test(asked) || Number(asked) < 1)
    throw new Error(`EXERCISE_JOBS must be a whole number of workers, 1 or more; got "${asked}"`);
  return Number(asked);
}

/**
 * Runs `work` on every item, at most `jobs` at a time, each worker taking the next item in order as it
 * becomes free (so items sorted longest first finish early). `work` gets the worker's index, 0 to
 * jobs - 1; a worker never runs two items at once. Rejects only if `work` does.
 */
export async function runPool<T>(items: readonly T[], jobs: number, work: (item: T, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (index: number) => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, (_, i) => worker(i)));
}

/** The lowest port the OS hands out for port 0 and outgoing connections (Linux says; 49152 elsewhere, as IANA). */
export function ephemeralPortLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > 1024) return low;
  } catch {
    // Not Linux.
  }
  return 49152;
}

/**
 * One port range per worker, side by side from 20000 up to just below the OS's ephemeral range, where
 * no `listen(0)` or outgoing connection lands. Undefined when they do not fit (an unusual port range):
 * the programs then get ports from the OS, as a learner's check does.
 */
export function portRanges(jobs: number, ephemeralLow = ephemeralPortLow()): PortRange[] | undefined {
  const base = 20000;
  // One program at a time per worker; the rest of the span is headroom for ports something else holds.
  const span = Math.min(500, Math.floor((ephemeralLow - base) / jobs));
  if (span < 20) return undefined;
  return Array.from({ length: jobs }, (_, i) => [base + i * span, base + (i + 1) * span - 1] as const);
}

const postgresUrl = /^(postgres(?:ql)?:\/\/[^/?#]*)(\/[^?#]*)?([?#].*)?$/i;

/** The same server's URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const parts = postgresUrl.exec(url);
  if (!parts) throw new Error(`DATABASE_URL is not a postgres:// URL`);
  return `${parts[1] ?? ''}/${name}${parts[3] ?? ''}`;
}

/** The Redis URL with database `index`; undefined when the URL already names one other than 0 (then it is shared). */
export function withRedisDb(url: string, index: number): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!['', '/', '/0'].includes(parsed.pathname)) return undefined;
  parsed.pathname = `/${index}`;
  return parsed.toString();
}

/** `754000` → `12m 34s`; under a minute, `41.2 s`. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** A markdown table, each line indented as mocha's output is. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string {
  const cell = (c: string) => c.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [header, header.map(() => '---'), ...rows].map((r) => `${indent}| ${r.map(cell).join(' | ')} |`).join('\n');
}

/**
 * Mocha's `-g`/`--grep` (or `-f`/`--fgrep`) from the command line, so `-g redis-cache` also narrows the
 * pool that runs every case in a hook (mocha's grep alone would only hide the other cases' results).
 */
export function grepOf(argv: readonly string[]): ((title: string) => boolean) | undefined {
  if (argv.includes('--invert') || argv.includes('-i')) return undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    const value = inline ?? argv[i + 1];
    if (value === undefined) continue;
    if (flag === '-g' || flag === '--grep') {
      const re = new RegExp(value);
      return (title) => re.test(title);
    }
    if (flag === '-f' || flag === '--fgrep') return (title) => title.includes(value);
  }
  return undefined;
}
