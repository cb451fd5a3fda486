// SQL in a behavioural spec: a fresh database per scenario on the learner's PostgreSQL server, and
// `sql` steps run there with psql, the client a learner has too, so a failing step can be pasted.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { shellQuote } from './curl';
import { match, show } from './match';
import type { Mismatch, Saved } from './match';
import type { SqlStep } from './schema';

/** Used when DATABASE_URL is not set, as the exercises' READMEs say. */
export const defaultDatabaseUrl = 'postgres://localhost:5432/postgres';

export const missingPsqlMessage =
  'psql (the PostgreSQL client) was not found on PATH; the check runs SQL with it. Install it: ' +
  '`sudo apt install postgresql-client` on Debian/Ubuntu, `brew install libpq` on macOS (then add ' +
  '$(brew --prefix libpq)/bin to PATH), or the PostgreSQL installer on Windows. Then restart the editor.';

export interface PsqlResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Output past this is not kept: a step's rows are meant to be read by a person. */
const maxOutputBytes = 4 * 1024 * 1024;

/** The URL without its password, and the password (decoded), so psql gets it in PGPASSWORD, not argv. */
export function splitPassword(url: string): { url: string; password?: string } {
  const m = /^([a-z]+:\/\/[^:@/?#]*):([^@/?#]*)@/i.exec(url);
  if (!m) return { url };
  let password = m[2] ?? '';
  try {
    password = decodeURIComponent(password);
  } catch {
    // A malformed escape: psql would refuse it too, and say so.
  }
  return { url: `${m[1] ?? ''}@${url.slice(m[0].length)}`, password };
}

/** Text with every form of the password replaced, for messages: psql repeats a URL it cannot parse. */
function scrub(text: string, url: string): string {
  const raw = /^[a-z]+:\/\/[^:@/?#]*:([^@/?#]*)@/i.exec(url)?.[1];
  const forms = [url, raw, raw === undefined ? undefined : splitPassword(url).password].filter((f): f is string => !!f && f.length > 0);
  return forms.reduce((t, f) => t.split(f).join(f === url ? redactUrl(url) : '***'), text);
}

/** Runs psql without a shell. A missing psql is an error naming the package to install. */
export function psql(url: string, args: string[], signal?: AbortSignal, timeoutMs = 30_000): Promise<PsqlResult> {
  const bare = splitPassword(url);
  return new Promise((resolve, reject) => {
    execFile(
      'psql',
      [bare.url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', 'VERBOSITY=verbose', ...args],
      {
        // Notices ("table does not exist, skipping") are not what a step is about; a server that never
        // answers is an error within seconds, not a hang. The password goes in the environment, where
        // other users' `ps` cannot read it.
        env: {
          ...process.env,
          PGOPTIONS: '-c client_min_messages=warning',
          PGCONNECT_TIMEOUT: '5',
          PGAPPNAME: 'backend-roadmap',
          ...(bare.password === undefined ? {} : { PGPASSWORD: bare.password }),
        },
        maxBuffer: maxOutputBytes,
        timeout: timeoutMs,
        ...(signal ? { signal } : {}),
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error(missingPsqlMessage));
        // Not error.message: it holds the command line, and so the URL's password.
        if (error && typeof error.code !== 'number')
          return reject(new Error(signal?.aborted ? 'cancelled' : `psql did not finish within ${Math.round(timeoutMs / 1000)} s`));
        resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr: scrub(stderr, url) });
      },
    );
  });
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:@/?#]*:)[^@/?#]*@/i, '$1***@');
}

/**
 * A postgres:// URL split around its database name. Not WHATWG's URL: libpq also takes forms it
 * refuses, such as a socket directory instead of a host (`postgres://user@/db?host=/run/postgresql`).
 */
const postgresUrl = /^(postgres(?:ql)?:\/\/[^/?#]*)(\/[^?#]*)?([?#].*)?$/i;

export interface ScratchDatabase {
  name: string;
  /** The server's URL with the database name replaced: what the program gets as DATABASE_URL. */
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates `br_check_<random>` on the server of `serverUrl` and nothing else: the learner's own
 * databases are never touched. `drop` removes it (and ends connections a program left open).
 */
export async function createScratchDatabase(serverUrl: string, signal?: AbortSignal): Promise<ScratchDatabase> {
  const parts = postgresUrl.exec(serverUrl);
  if (!parts) throw new Error(`DATABASE_URL must be a URL like postgres://user:password@host:5432/postgres; got ${redactUrl(serverUrl)}.`);
  // libpq lets ?dbname= (or a service file) override the path's database: the scratch URL would then
  // point at the learner's own database.
  if (/[?&](dbname|service)=/i.test(parts[3] ?? ''))
    throw new Error(
      `DATABASE_URL (${redactUrl(serverUrl)}) names its database with ?dbname= or ?service=; the check needs it in the path (postgres://user@host:5432/postgres).`,
    );
  const name = `br_check_${randomBytes(6).toString('hex')}`;
  const created = await psql(serverUrl, ['-c', `CREATE DATABASE ${name}`], signal).catch(async (e: unknown) => {
    // Cancelled or timed out while the server may already have created it.
    await psql(serverUrl, ['-c', `DROP DATABASE IF EXISTS ${name}`]).catch(() => undefined);
    throw e;
  });
  if (created.exitCode !== 0) {
    throw new Error(
      `Could not create a fresh database for the check on the server of DATABASE_URL (${redactUrl(serverUrl)}): ` +
        `${errorText(created.stderr).replace(/^psql: error: /, '') || `psql exited with ${created.exitCode}`}\n` +
        'Start PostgreSQL (or set DATABASE_URL to one you can reach) with a user that may create databases.',
    );
  }
  const url = `${parts[1] ?? ''}/${name}${parts[3] ?? ''}`;
  const drop = async () => {
    // FORCE (PostgreSQL 13+) also ends connections the program left open; older servers get a plain drop.
    const forced = await psql(serverUrl, ['-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    if (forced.exitCode !== 0) await psql(serverUrl, ['-c', `DROP DATABASE IF EXISTS ${name}`]);
  };
  // Whatever the URL says, the program must land in the database made for it, never another.
  const landed = await psql(url, ['-A', '-t', '-c', 'SELECT current_database()'], signal).catch(() => undefined);
  if (landed?.stdout.trim() !== name) {
    await drop().catch(() => undefined);
    throw new Error(
      `The fresh database ${name} could not be reached through DATABASE_URL (${redactUrl(serverUrl)}); ${landed ? `it led to "${landed.stdout.trim() || landed.stderr.trim()}"` : 'psql failed'}. Not running the SQL anywhere else.`,
    );
  }
  return {
    name,
    url,
    drop,
  };
}

/** psql's error without its source-code location lines, which say nothing to a learner. */
function errorText(stderr: string): string {
  return stderr
    .split(/\r?\n/)
    .filter((line) => !/^LOCATION:/.test(line) && line.trim() !== '')
    .join('\n')
    .trim();
}

/** `ERROR:  23505: duplicate key…` becomes `23505: duplicate key…` (with its DETAIL lines). */
function sqlError(stderr: string): string {
  return errorText(stderr).replace(/^(psql:[^\n]*?)?ERROR:\s+/, '');
}

/** What a learner pastes to run the same SQL in their own database. */
export function psqlCommand(sql: string): string {
  return `psql "$DATABASE_URL" -X -v ON_ERROR_STOP=1 -c ${shellQuote(sql)}`;
}

/** Undefined when the step passes; otherwise the failure as the learner sees it. */
export async function runSqlStep(step: SqlStep, url: string, saved: Saved, signal?: AbortSignal): Promise<string | undefined> {
  const expect = step.expect;
  const wantRows = expect !== undefined && 'rows' in expect;
  const query = step.sql.trim().replace(/;\s*$/, '');
  // Rows come back as one JSON array, so values keep their types (numbers, booleans, null).
  const sent = wantRows ? `SELECT coalesce(json_agg(q), '[]'::json) FROM (${query}) q` : step.sql;
  const command = `  $ ${psqlCommand(step.sql)}`;
  const why = step.why ? [`  ${step.why}`] : [];
  const result = await psql(url, ['-A', '-t', '-c', sent], signal);
  const failure = result.exitCode === 0 ? undefined : sqlError(result.stderr) || `psql exited with ${result.exitCode}`;
  const report = (mismatches: Mismatch[], actual?: string) =>
    [
      command,
      ...why,
      ...mismatches.map((m) => `  ${m.path}\n    - expected: ${m.expected}\n    + actual:   ${m.actual}`),
      ...(actual ? [actual] : []),
    ].join('\n');
  // Errors span lines (DETAIL, LINE, a caret): shown as psql printed them, not as one JSON string.
  const shown = (text: string) => text.replace(/\n/g, '\n              ');
  if (expect !== undefined && 'error' in expect) {
    if (failure === undefined) return report([{ path: 'error', expected: describe(expect.error), actual: 'no error: it succeeded' }]);
    if (match(expect.error, failure, saved, 'error').length === 0) return undefined;
    return report([{ path: 'error', expected: describe(expect.error), actual: shown(failure) }]);
  }
  if (failure !== undefined) return report([{ path: 'error', expected: 'no error', actual: shown(failure) }]);
  if (!wantRows) return undefined;
  let rows: unknown;
  try {
    rows = JSON.parse(result.stdout.trim() || '[]');
  } catch {
    return report([{ path: 'rows', expected: 'rows as JSON', actual: show(result.stdout) }]);
  }
  const mismatches = match(expect.rows, rows, saved, 'rows');
  return mismatches.length === 0 ? undefined : report(mismatches, `  (the query returned ${show(rows)})`);
}

/** Names of the SQLSTATEs a spec is likely to expect, for the failure message. */
const sqlStates: Record<string, string> = {
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '2BP01': 'dependent_objects_still_exist',
  '42P01': 'undefined_table',
  '42703': 'undefined_column',
};

/** An expected error as words: `^23514:` reads as SQLSTATE 23514 (check_violation). */
function describe(expected: unknown): string {
  if (expected !== null && typeof expected === 'object' && '$matches' in expected) {
    const pattern = String((expected as { $matches: unknown }).$matches);
    const state = /^\^([0-9A-Z]{5}):?$/.exec(pattern)?.[1];
    if (state) return `an error with SQLSTATE ${state}${sqlStates[state] ? ` (${sqlStates[state]})` : ''}`;
    return `an error matching /${pattern}/i`;
  }
  return `the error ${show(expected)}`;
}
