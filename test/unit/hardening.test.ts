// Regression tests for the hardening findings: each names the defect it pins down.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkExercise } from '../../src/domain/exercises/check';
import { readResults } from '../../src/domain/exercises/runner';
import { nodeRunner } from '../../src/domain/exercises/runners/node';
import { FileProgressAdapter } from '../../src/domain/progress/fileAdapter';
import { emptyProgress, topicStatus } from '../../src/domain/progress/progress';
import { MementoAdapter, MemoryProgressAdapter, ProgressStore } from '../../src/domain/progress/store';
import type { MementoLike } from '../../src/domain/progress/store';
import * as ops from '../../src/domain/progress/ops';
import { planScaffold, resolveInsideWorkspace, writeScaffold } from '../../src/domain/exercises/scaffold';
import { assertInside, atomicWriteInside, readFileInside, UnsafePathError, writeFileInside } from '../../src/domain/shared/safeFs';
import { parseImport } from '../../src/domain/progress/import';
import { importedPackages } from '../../src/domain/exercises/imports';
import { loadRoadmap } from '../../src/domain/roadmap/yaml';
import { createHostileWorkspace, hostileLinks, hostileProgressRelative, hostileSecret } from '../helpers/hostileWorkspace';

async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

describe('hardening: writes never follow a link or leave the workspace', () => {
  let root: string;
  let outside: string;
  beforeEach(async () => {
    root = await tempDir('hostile-ws-');
    outside = await tempDir('hostile-outside-');
    await fs.writeFile(path.join(outside, 'bashrc'), 'export PS1=mine\n');
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  it('refuses a link in any component, naming it, and allows names that merely start with ..', async () => {
    await fs.mkdir(path.join(root, 'a'));
    await fs.symlink(outside, path.join(root, 'a', 'b'));
    await assert.rejects(
      assertInside(root, path.join(root, 'a', 'b', 'c', 'd.txt')),
      (e: unknown) => e instanceof UnsafePathError && e.relativePath === 'a/b' && /"a\/b" is a symbolic link/.test(e.message),
    );
    await assert.rejects(assertInside(root, path.join(root, '..', 'x')), /outside the workspace/);
    assert.equal(await assertInside(root, path.join(root, '..exercises', 'x')), path.join(root, '..exercises', 'x'));
    assert.equal(await resolveInsideWorkspace(root, '..exercises/express-route'), path.join(root, '..exercises', 'express-route'));
  });

  it('writes with O_NOFOLLOW: a link raced in as the final component is refused, not written through', async () => {
    await fs.symlink(path.join(outside, 'bashrc'), path.join(root, 'file.txt'));
    await assert.rejects(writeFileInside(root, path.join(root, 'file.txt'), 'json'), /"file.txt" is a symbolic link/);
    await assert.rejects(readFileInside(root, path.join(root, 'file.txt')), UnsafePathError);
    assert.equal(await fs.readFile(path.join(outside, 'bashrc'), 'utf8'), 'export PS1=mine\n');
  });

  it('file mode ignores a planted .progress.json.tmp link: ~/.bashrc stays as it was', async () => {
    const dir = path.join(root, '.vscode', 'backend-roadmap');
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, 'progress.json');
    await fs.writeFile(
      file,
      JSON.stringify({ ...emptyProgress(), topics: { 'no-such-topic': { status: 'done', checked: [], updatedAt: '' } } }),
    );
    await fs.symlink(path.join(outside, 'bashrc'), path.join(dir, '.progress.json.tmp'));
    const { store } = await ProgressStore.open(new FileProgressAdapter(root, file));
    await store.update(ops.setStatus('rest-apis', 'done'));
    await store.flush();
    assert.equal(await fs.readFile(path.join(outside, 'bashrc'), 'utf8'), 'export PS1=mine\n');
    assert.equal(
      (JSON.parse(await fs.readFile(file, 'utf8')) as { topics: Record<string, { status: string }> }).topics['rest-apis']?.status,
      'done',
    );
    assert.ok((await fs.lstat(path.join(dir, '.progress.json.tmp'))).isSymbolicLink(), 'the planted link is left alone');
  });

  it('file mode refuses a symlinked .vscode/backend-roadmap folder: progress stays in memory, the link is named once', async () => {
    await fs.mkdir(path.join(root, '.vscode'));
    await fs.symlink(outside, path.join(root, '.vscode', 'backend-roadmap'));
    const file = path.join(root, '.vscode', 'backend-roadmap', 'progress.json');
    const opened = await ProgressStore.open(new FileProgressAdapter(root, file));
    const store = opened.store;
    const warnings = [...opened.warnings];
    store.onWarning((w) => warnings.push(w));
    await store.update(ops.setStatus('rest-apis', 'done'));
    await store.update(ops.setStatus('dns', 'inProgress'));
    assert.equal(store.status('rest-apis'), 'done', 'kept in memory');
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0] ?? '', /"\.vscode\/backend-roadmap" is a symbolic link/);
    await assert.rejects(store.flush(), UnsafePathError);
    assert.deepEqual((await fs.readdir(outside)).sort(), ['bashrc'], 'nothing written outside');
  });

  it('never reads or copies a secret through a symlinked progress.json', async () => {
    const dir = path.join(root, '.vscode', 'backend-roadmap');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(outside, 'secret.txt'), 'AKIA-TOP-SECRET not json');
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(dir, 'progress.json'));
    const { store, warnings } = await ProgressStore.open(new FileProgressAdapter(root, path.join(dir, 'progress.json')));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /progress\.json" is a symbolic link/);
    assert.doesNotMatch(warnings.join('\n'), /AKIA/);
    await store.update(ops.setStatus('dns', 'done'));
    assert.deepEqual(
      (await fs.readdir(dir)).filter((f) => f.includes('corrupt')),
      [],
      'no backup copy of the secret',
    );
    assert.equal(await fs.readFile(path.join(outside, 'secret.txt'), 'utf8'), 'AKIA-TOP-SECRET not json');
  });

  it('scaffolding refuses a link inside the exercise folder before asking to overwrite, and writes nothing outside', async () => {
    const target = path.join(root, 'exercises', 'express-route');
    await fs.mkdir(target, { recursive: true });
    await fs.mkdir(path.join(outside, 'src'));
    await fs.writeFile(path.join(outside, 'src', 'app.js'), 'outside app');
    await fs.symlink(path.join(outside, 'src'), path.join(target, 'src'));
    const files = [
      { path: 'README.md', content: 'readme' },
      { path: 'src/app.js', content: 'template app' },
    ];
    await assert.rejects(planScaffold(root, target, files), /"exercises\/express-route\/src" is a symbolic link/);
    // A link planted after planning is refused by the write too.
    await fs.rm(path.join(target, 'src'));
    const plan = await planScaffold(root, target, files);
    await fs.symlink(path.join(outside, 'src'), path.join(target, 'src'));
    await assert.rejects(writeScaffold(plan, true), /symbolic link/);
    assert.equal(await fs.readFile(path.join(outside, 'src', 'app.js'), 'utf8'), 'outside app');
  });

  it('overwrite opens with O_NOFOLLOW: a file swapped for a link after planning is not written through', async () => {
    const target = path.join(root, 'ex');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'a.js'), 'mine');
    const plan = await planScaffold(root, target, [{ path: 'a.js', content: 'template' }]);
    assert.deepEqual(plan.existing, ['a.js']);
    await fs.rm(path.join(target, 'a.js'));
    await fs.symlink(path.join(outside, 'bashrc'), path.join(target, 'a.js'));
    await assert.rejects(writeScaffold(plan, true), /symbolic link/);
    assert.equal(await fs.readFile(path.join(outside, 'bashrc'), 'utf8'), 'export PS1=mine\n');
  });

  it('a file where a folder should be, or a folder where progress.json should be, is reported, not thrown', async () => {
    await fs.mkdir(path.join(root, '.vscode'));
    await fs.writeFile(path.join(root, '.vscode', 'backend-roadmap'), 'not a folder');
    const one = await ProgressStore.open(new FileProgressAdapter(root, path.join(root, '.vscode', 'backend-roadmap', 'progress.json')));
    assert.match(one.warnings.join('\n'), /"\.vscode\/backend-roadmap" is not a folder/);
    await fs.rm(path.join(root, '.vscode', 'backend-roadmap'));
    await fs.mkdir(path.join(root, '.vscode', 'backend-roadmap', 'progress.json'), { recursive: true });
    const two = await ProgressStore.open(new FileProgressAdapter(root, path.join(root, '.vscode', 'backend-roadmap', 'progress.json')));
    assert.match(two.warnings.join('\n'), /progress\.json" is not a file/);
    await two.store.update(ops.setStatus('dns', 'done'));
    assert.equal(two.store.status('dns'), 'done');
  });

  it('a copy into storage behind a link is kept, reported once, and written once the link is gone', async () => {
    const { store } = await ProgressStore.open(new MemoryProgressAdapter());
    await store.update(ops.setStatus('a', 'done'));
    await store.update(ops.setStatus('b', 'inProgress'));
    await fs.symlink(outside, path.join(root, '.vscode'));
    const file = path.join(root, '.vscode', 'backend-roadmap', 'progress.json');
    const warnings: string[] = [];
    store.onWarning((w) => warnings.push(w));
    const notes = await store.switchTo(new FileProgressAdapter(root, file), true);
    assert.equal(notes.filter((n) => n.includes('".vscode" is a symbolic link')).length, 1, notes.join('\n'));
    await store.update(ops.setStatus('c', 'done'));
    assert.deepEqual(warnings, [], 'the same refusal is not reported again');
    await fs.rm(path.join(root, '.vscode'));
    await store.update(ops.setStatus('d', 'done'));
    const onDisk = JSON.parse(await fs.readFile(file, 'utf8')) as { topics: Record<string, unknown> };
    assert.deepEqual(Object.keys(onDisk.topics).sort(), ['a', 'b', 'c', 'd'], 'the copied progress survived the refusal');
    assert.deepEqual(Object.keys(store.data.topics).sort(), ['a', 'b', 'c', 'd']);
  });

  it('atomic writes leave no temp file behind and replace the target', async () => {
    const file = path.join(root, 'p.json');
    await atomicWriteInside(root, file, '1');
    await atomicWriteInside(root, file, '2');
    assert.equal(await fs.readFile(file, 'utf8'), '2');
    assert.deepEqual(await fs.readdir(root), ['p.json']);
  });
});

describe('hardening: locks and backups', () => {
  let root: string;
  let file: string;
  beforeEach(async () => {
    root = await tempDir('lock-');
    file = path.join(root, '.vscode', 'backend-roadmap', 'progress.json');
    await fs.mkdir(path.dirname(file), { recursive: true });
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('two writers breaking the same stale lock are never inside it at once (pause injected between judging and breaking)', async () => {
    const lock = `${file}.lock`;
    await fs.writeFile(lock, 'crashed-window');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lock, old, old);

    let inside = 0;
    let most = 0;
    const held = async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((r) => setTimeout(r, 150));
      inside--;
    };
    let bHolds!: () => void;
    const bInside = new Promise<void>((r) => (bHolds = r));
    // A judges the lock stale, then stalls until B has broken it and taken a fresh lock of its own.
    const a = new FileProgressAdapter(root, file, { beforeBreakingLock: () => bInside });
    const b = new FileProgressAdapter(root, file);
    const runA = a.withLock(held);
    await new Promise((r) => setTimeout(r, 50));
    const runB = b.withLock(async () => {
      bHolds();
      await held();
    });
    await Promise.all([runA, runB]);
    assert.equal(most, 1, 'at most one writer inside the lock');
    await assert.rejects(fs.stat(lock), 'released');
  });

  it('gives every backup its own name, even within one millisecond', async () => {
    const adapter = new FileProgressAdapter(root, file);
    const [one, two] = await Promise.all([adapter.backup('{ broken'), adapter.backup('{ broken too')]);
    assert.notEqual(one, two);
    assert.equal(await fs.readFile(one, 'utf8'), '{ broken');
    assert.equal(await fs.readFile(two, 'utf8'), '{ broken too');

    const values = new Map<string, unknown>();
    const memento: MementoLike = { get: <T>(k: string) => values.get(k) as T | undefined, update: async (k, v) => void values.set(k, v) };
    const m = new MementoAdapter(memento);
    await Promise.all([m.backup({ a: 1 }), m.backup({ b: 2 })]);
    assert.equal([...values.keys()].filter((k) => k.includes('.backup.')).length, 2, 'the second backup does not overwrite the first');
  });
});

describe('hardening: lookups and the check runner', () => {
  it('looks ids up as own keys: a topic called "constructor" is simply not started', () => {
    assert.equal(topicStatus(emptyProgress(), 'constructor'), 'notStarted');
    assert.equal(topicStatus(emptyProgress(), 'toString'), 'notStarted');
    const data = emptyProgress();
    const id = 'constructor' as string;
    data.topics[id] = { status: 'done', checked: [], updatedAt: '' };
    assert.equal(topicStatus(data, 'constructor'), 'done');
  });

  it('reads a failing test whose error block has 200,000 lines (Math.min spread overflowed)', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `      line ${i}`);
    const tap = ['TAP version 13', 'not ok 1 - huge', '  ---', '  error: |-', ...lines, '  ...', '1..1'].join('\n');
    // Through the runner's parser and the shortening every runner's results get.
    const results = readResults(nodeRunner, tap);
    assert.equal(results.length, 1);
    assert.equal(results[0]?.status, 'failed');
    assert.ok((results[0]?.error?.length ?? 0) < 10_000, 'the error text is shortened for the page');
    assert.match(results[0]?.error ?? '', /\[cut: \d+ more characters\]/);
  });

  describe('processes a check starts', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await tempDir('check-daemon-');
      await fs.writeFile(path.join(dir, 'package.json'), '{"name":"x","private":true}');
      await fs.mkdir(path.join(dir, 'test'));
    });
    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };

    it('a passing run whose test leaves a daemon holding stdout still passes, promptly, and the daemon is gone', async function () {
      this.timeout(30_000);
      const pidFile = path.join(dir, 'daemon.pid');
      // setsid-style: detached puts the daemon in its own process group, out of reach of a group kill.
      await fs.writeFile(
        path.join(dir, 'test', 'a.test.js'),
        `const { test } = require('node:test');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
test('starts a server and forgets it', () => {
  const d = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
  fs.writeFileSync(${JSON.stringify(pidFile)}, String(d.pid));
  d.unref();
});
`,
      );
      const started = Date.now();
      const result = await checkExercise(dir, { timeoutMs: 20_000 });
      assert.equal(result.outcome, 'passed', result.summary);
      assert.ok(Date.now() - started < 15_000, 'not held until the timeout');
      const pid = Number(await fs.readFile(pidFile, 'utf8'));
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(alive(pid), false, `daemon ${pid} outlived the check`);
    });

    it('leaves a properly daemonised server running while the tests use it, and stops it when the run ends', async function () {
      this.timeout(30_000);
      const pidFile = path.join(dir, 'server.pid');
      await fs.writeFile(
        path.join(dir, 'test', 'a.test.js'),
        `const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
test('a server started in the background stays up', async () => {
  // Like pg_ctl start: the launcher exits at once, the server keeps running with its output elsewhere.
  execFileSync('sh', ['-c', 'sleep 60 > /dev/null 2>&1 < /dev/null & echo $! > ${pidFile}']);
  const pid = Number(fs.readFileSync(${JSON.stringify(pidFile)}, 'utf8'));
  await new Promise((r) => setTimeout(r, 2000));
  assert.doesNotThrow(() => process.kill(pid, 0), 'still running after the reaper had four chances');
});
`,
      );
      const result = await checkExercise(dir, { timeoutMs: 20_000 });
      assert.equal(result.outcome, 'passed', JSON.stringify(result.results));
      const pid = Number(await fs.readFile(pidFile, 'utf8'));
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(alive(pid), false, 'stopped once the run ended');
    });

    it('keeps at most a bounded amount of a flood of output, and says it cut the rest', async function () {
      this.timeout(60_000);
      await fs.writeFile(
        path.join(dir, 'test', 'a.test.js'),
        `const { test } = require('node:test');
test('floods', () => { const chunk = 'x'.repeat(1024 * 1024) + '\\n'; for (let i = 0; i < 20; i++) process.stdout.write(chunk); });
`,
      );
      let kept = 0;
      let said = false;
      const result = await checkExercise(dir, { onOutput: (t) => ((kept += t.length), (said ||= /output cut/.test(t))) });
      assert.equal(result.outcome, 'passed', result.summary);
      assert.ok(kept < 3 * 1024 * 1024, `kept ${kept} characters`);
      assert.ok(said, 'the cut is said');
    });
  });
});

describe('hardening: the core against a hostile workspace fixture', () => {
  const exerciseFilesFor = [
    { path: 'README.md', content: 'readme' },
    { path: 'src/app.js', content: 'template app' },
    { path: 'src/books.js', content: 'template books' },
  ];

  for (const layouts of [['tmpLink', 'exerciseLink', 'notesLink'], ['dirLink'], ['progressLink']] as const) {
    it(`${layouts.join(' + ')}: activation-time writes, scaffold, notes, import and parsers leave the sentinel byte-for-byte unchanged`, async function () {
      this.timeout(60_000);
      const hw = await createHostileWorkspace(layouts);
      try {
        const before = await hw.snapshot();
        const file = path.join(hw.workspace, hostileProgressRelative);
        // What activation does in file mode: open, record the unknown id as reported, then a change.
        const opened = await ProgressStore.open(new FileProgressAdapter(hw.workspace, file));
        const warnings = [...opened.warnings];
        opened.store.onWarning((w) => warnings.push(w));
        await opened.store.update(ops.markVanishedReported(['no-such-topic']));
        await opened.store.update(ops.setStatus('rest-apis', 'done'));
        assert.equal(opened.store.status('rest-apis'), 'done');
        const refused = layouts.find((l) => l === 'dirLink' || l === 'progressLink');
        if (refused)
          assert.ok(
            warnings.some((w) => w.includes(`"${hostileLinks[refused]}" is a symbolic link`)),
            warnings.join('\n'),
          );
        else assert.deepEqual(warnings, []);
        assert.doesNotMatch(warnings.join('\n'), new RegExp(hostileSecret.slice(0, 12)));

        if ((layouts as readonly string[]).includes('exerciseLink')) {
          const target = path.join(hw.workspace, 'exercises', 'express-route');
          await assert.rejects(
            planScaffold(hw.workspace, target, exerciseFilesFor),
            new RegExp(`"${hostileLinks.exerciseLink}" is a symbolic link`),
          );
        }
        if ((layouts as readonly string[]).includes('notesLink')) {
          await assert.rejects(
            writeFileInside(hw.workspace, path.join(hw.workspace, 'notes', 'rest-apis.md'), '# REST APIs\n', { exclusive: true }),
            /"notes" is a symbolic link/,
          );
        }
        // Deep nesting and a 300 KB line are reported, never thrown.
        const deep = await fs.readFile(path.join(hw.workspace, 'deep.json'), 'utf8');
        const imported = parseImport(deep, 'deep.json');
        assert.equal(imported.ok, false);
        assert.match(imported.ok ? '' : imported.message, /^deep\.json:\d+:\d+:/);
        const yamlResult = loadRoadmap(await fs.readFile(path.join(hw.workspace, 'deep.yaml'), 'utf8'), 'deep.yaml');
        assert.equal(yamlResult.ok, false);
        assert.deepEqual(importedPackages(await fs.readFile(path.join(hw.workspace, 'index.js'), 'utf8')).includes('express'), true);

        assert.deepEqual(await hw.snapshot(), before, 'the sentinel outside the workspace is unchanged');
      } finally {
        await hw.cleanup();
      }
    });
  }
});
