// Specs for programs that run to completion against a fresh PostgreSQL database per scenario: `run`
// steps (exit code, output) and `sql` steps (rows, errors by SQLSTATE), on the real server of
// DATABASE_URL and the real psql, as a learner's check uses them.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../src/domain/exercises/runner';
import { CheckError } from '../../src/domain/exercises/runCommand';
import type { ExerciseRunner } from '../../src/domain/exercises/runner';
import { commandRunner } from '../../src/domain/exercises/spec/command';
import { runSpec } from '../../src/domain/exercises/spec/run';
import { specSchema } from '../../src/domain/exercises/spec/schema';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import { createScratchDatabase, psqlCommand, splitPassword } from '../../src/domain/exercises/spec/sql';

// A real migration tool, as small as one can be: `node tool.js up|down` runs its SQL with psql in the
// database of DATABASE_URL. BUG switches in the mistakes a spec must catch.
const tool = `
const { spawnSync } = require('node:child_process');
const bug = process.env.BUG ?? '';
const sql = {
  up: bug === 'no-unique'
    ? 'CREATE TABLE notes (id integer PRIMARY KEY, text text NOT NULL)'
    : 'CREATE TABLE notes (id integer PRIMARY KEY, text text NOT NULL UNIQUE)',
  down: bug === 'keep' ? 'SELECT 1' : 'DROP TABLE notes',
}[process.argv[2]];
if (!sql) { console.error('usage: node tool.js up|down'); process.exit(2); }
console.log('running ' + process.argv[2]);
const r = spawnSync('psql', [process.env.DATABASE_URL, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { stdio: 'inherit' });
process.exit(r.status ?? 1);
`;

const spec: Spec = specSchema.parse({
  version: 1,
  exercise: 'notes-migration',
  program: 'command',
  database: 'postgres',
  scenarios: [
    {
      name: 'up creates notes, with a unique text',
      hints: ['Add UNIQUE to text.'],
      steps: [
        { run: ['up'], expect: { output: { $matches: 'running up' } } },
        { sql: "INSERT INTO notes (id, text) VALUES (1, 'it''s here'), (2, 'b')" },
        {
          sql: 'SELECT id, text FROM notes ORDER BY id',
          expect: {
            rows: [
              { id: 1, text: "it's here" },
              { id: 2, text: 'b' },
            ],
          },
        },
        { sql: "INSERT INTO notes (id, text) VALUES (3, 'b')", expect: { error: { $matches: '^23505:' } }, why: 'Texts are unique.' },
      ],
    },
    {
      name: 'down removes notes, and each scenario starts empty',
      steps: [
        { sql: "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", expect: { rows: [] } },
        { run: ['up'] },
        { run: ['down'] },
        { sql: "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", expect: { rows: [] } },
        { run: ['sideways'], expect: { exitCode: 2, output: { $matches: 'usage' } } },
      ],
    },
  ],
});

const serverUrl = process.env.DATABASE_URL;

/** The databases a result names ("fresh database (br_check_…)"), which must be gone by now. */
function scratchNames(text: string): string[] {
  return [...text.matchAll(/\b(br_check_[0-9a-f]{12})\b/g)].map((m) => m[1] ?? '');
}

function databaseExists(name: string): boolean {
  const out = execFileSync('psql', [serverUrl ?? '', '-X', '-A', '-t', '-c', `SELECT count(*) FROM pg_database WHERE datname = '${name}'`]);
  return out.toString().trim() !== '0';
}

describe('specs with a database and a program run as a command', function () {
  this.timeout(60_000);
  let dir: string;
  before(async function () {
    if (!serverUrl) {
      if (process.env.BACKEND_ROADMAP_REQUIRE_SERVICES === '1') assert.fail('DATABASE_URL is not set');
      this.skip();
    }
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-sql-'));
    await fs.writeFile(path.join(dir, 'tool.js'), tool);
  });
  after(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const run = (bug = '') =>
    runSpec(spec, {
      run: commandRunner({ command: process.execPath, args: ['tool.js'] }, dir, { env: { BUG: bug } }),
      databaseUrl: serverUrl,
    });

  it('accepts run and sql steps, and refuses a sql step expecting both rows and an error', () => {
    const bad = { ...spec, scenarios: [{ name: 'x', steps: [{ sql: 'SELECT 1', expect: { rows: [], error: 'x' } }] }] };
    assert.equal(specSchema.safeParse(bad).success, false);
    assert.equal(specSchema.safeParse({ ...spec, database: 'mysql' }).success, false);
  });

  it('passes a correct program, each scenario in its own fresh database', async () => {
    const results = await run();
    assert.deepEqual(
      results.map((r) => [r.name, r.status, r.error]),
      spec.scenarios.map((s) => [s.name, 'passed', undefined]),
    );
  });

  it('fails an error that did not happen, with the psql command, the SQLSTATE and the hint, and drops the database', async () => {
    const [failed] = await run('no-unique');
    assert.equal(failed?.status, 'failed');
    const error = failed?.error ?? '';
    assert.match(
      error,
      /^Step 4 of 4:\n {2}\$ psql "\$DATABASE_URL" -X -v ON_ERROR_STOP=1 -c 'INSERT INTO notes \(id, text\) VALUES \(3, '\\''b'\\''\)'\n/,
    );
    assert.match(
      error,
      /Texts are unique\.\n {2}error\n {4}- expected: an error with SQLSTATE 23505 \(unique_violation\)\n {4}\+ actual: {3}no error: it succeeded/,
    );
    assert.deepEqual(failed?.hints, [{ id: '0', text: 'Add UNIQUE to text.' }]);
    const names = scratchNames(error);
    assert.equal(names.length, 1, 'the failure names the database it ran in');
    assert.equal(databaseExists(names[0] ?? ''), false, 'the scratch database was dropped');
  });

  it('fails rows that differ, and a program that exits with another code, showing what it printed', async () => {
    const results = await run('keep');
    const failed = results.find((r) => r.status === 'failed');
    assert.equal(failed?.name, 'down removes notes, and each scenario starts empty');
    assert.match(failed?.error ?? '', /^Step 4 of 5:/);
    assert.match(failed?.error ?? '', /rows\.length\n {4}- expected: 0\n {4}\+ actual: {3}1/);
    assert.match(failed?.error ?? '', /\(the query returned \[\{"tablename":"notes"\}\]\)/);

    const exitSpec = specSchema.parse({ ...spec, scenarios: [{ name: 'exit', steps: [{ run: ['sideways'] }] }] });
    const [exited] = await runSpec(exitSpec, {
      run: commandRunner({ command: process.execPath, args: ['tool.js'] }, dir),
      databaseUrl: serverUrl,
    });
    assert.match(exited?.error ?? '', /\$ .*node tool\.js sideways \(DATABASE_URL: the scenario’s fresh database\)/);
    assert.match(
      exited?.error ?? '',
      /exit code\n {4}- expected: 0\n {4}\+ actual: {3}2\n {2}It printed:\n {4}usage: node tool\.js up\|down/,
    );
  });

  it('shows SQL errors as psql prints them, by SQLSTATE', async () => {
    const broken = specSchema.parse({
      ...spec,
      scenarios: [{ name: 'typo', steps: [{ sql: 'SELEC 1' }, { sql: 'SELECT 1' }] }],
    });
    const [result] = await runSpec(broken, { databaseUrl: serverUrl });
    assert.match(result?.error ?? '', /error\n {4}- expected: no error\n {4}\+ actual: {3}42601: syntax error at or near "SELEC"/);
  });

  it('creates databases only under its own names, and says when the server cannot be reached', async () => {
    const db = await createScratchDatabase(serverUrl ?? '');
    assert.match(db.name, /^br_check_[0-9a-f]{12}$/);
    assert.equal(new URL(db.url).pathname, `/${db.name}`);
    assert.equal(databaseExists(db.name), true);
    await db.drop();
    assert.equal(databaseExists(db.name), false);

    // The machine's setup, not the learner's code: one clear error for the check, not a failed scenario each.
    await assert.rejects(
      runSpec(spec, { run: () => Promise.reject(new Error('not run')), databaseUrl: 'postgres://nobody:secret@127.0.0.1:1/postgres' }),
      (e: Error) =>
        e instanceof CheckError &&
        /Could not create a fresh database for the check on the server of DATABASE_URL \(postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/postgres\)/.test(
          e.message,
        ) &&
        !e.message.includes('secret'),
    );
  });

  it('never lets DATABASE_URL lead the scratch URL to another database, and keeps the password out of messages', async () => {
    await assert.rejects(createScratchDatabase(`${serverUrl ?? ''}?dbname=postgres`), /names its database with \?dbname= or \?service=/);
    await assert.rejects(createScratchDatabase(`${serverUrl ?? ''}?sslmode=disable&service=shop`), /\?dbname= or \?service=/);
    // psql repeats a URL it cannot parse; the password must not come back with it.
    await assert.rejects(
      runSpec(spec, { run: () => Promise.reject(new Error('not run')), databaseUrl: 'postgres://u:secret%zzpw@127.0.0.1:1/postgres' }),
      (e: Error) => e instanceof CheckError && !e.message.includes('secret'),
    );
    assert.deepEqual(splitPassword('postgres://u:p%40ss@h:5/db?x=1'), { url: 'postgres://u@h:5/db?x=1', password: 'p@ss' });
    assert.deepEqual(splitPassword('postgres://u@h/db'), { url: 'postgres://u@h/db' });
  });

  it('names the package to install when psql is missing', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-such-bin');
    try {
      await assert.rejects(
        createScratchDatabase(serverUrl ?? ''),
        /psql \(the PostgreSQL client\) was not found on PATH.*postgresql-client.*libpq/,
      );
    } finally {
      process.env.PATH = saved;
    }
  });

  it('writes psql commands a learner can paste', () => {
    assert.equal(psqlCommand("SELECT 'a'"), `psql "$DATABASE_URL" -X -v ON_ERROR_STOP=1 -c 'SELECT '\\''a'\\'''`);
  });

  it('is how runCheck judges a runner whose program runs to completion', async () => {
    const migrator: ExerciseRunner = {
      id: 'migrator',
      manualCommand: 'node tool.js up',
      missingToolHint: '',
      projectFiles: ['tool.js'],
      detect: () => Promise.resolve({ ok: true }),
      install: () => Promise.resolve(undefined),
      test: () =>
        Promise.resolve({
          kind: 'spec' as const,
          message: 'Checking over HTTP',
          start: { command: process.execPath, args: ['tool.js'] },
          requires: [],
        }),
      parseResults: () => [],
    };
    const phases: string[] = [];
    const passed = await runCheck(migrator, dir, { spec, env: { DATABASE_URL: serverUrl }, onPhase: (_, m) => phases.push(m) });
    assert.equal(passed.outcome, 'passed');
    assert.equal(passed.summary, '2 passed, 0 failed');
    assert.deepEqual(phases, ['Running the program step by step against the spec']);
    const failed = await runCheck(migrator, dir, { spec, env: { DATABASE_URL: serverUrl, BUG: 'no-unique' } });
    assert.equal(failed.summary, '1 passed, 1 failed');
  });
});
