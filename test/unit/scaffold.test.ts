import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loadExercises } from '../../src/core/exercises';
import { planScaffold, readTemplateFiles, renderFiles, renderTemplate, resolveInsideWorkspace, ScaffoldError, writeScaffold } from '../../src/core/scaffold';

const repoRoot = path.join(__dirname, '..', '..');
const vars = { exerciseId: 'express-route', exerciseTitle: 'Express route', topicId: 'rest-apis', topicTitle: 'REST APIs' };

async function tempDir(under = os.tmpdir()): Promise<string> {
  return fs.mkdtemp(path.join(under, '.test-tmp-'));
}

describe('scaffold rendering', () => {
  it('replaces placeholders and refuses unknown ones', () => {
    assert.equal(renderTemplate('# {{ exerciseTitle }} for {{topicId}}', vars), '# Express route for rest-apis');
    assert.throws(() => renderTemplate('{{nope}}', vars, 'README.md'), /README\.md: unknown placeholder \{\{nope\}\}/);
  });

  it('renders every file of the express-route exercise with no placeholder left', async () => {
    const [exercise] = (await loadExercises(path.join(repoRoot, 'roadmaps', 'exercises'))).filter((e) => e.id === 'express-route');
    assert.ok(exercise);
    const files = renderFiles(await readTemplateFiles(exercise.templateDir), vars);
    assert.deepEqual(files.map((f) => f.path), ['package.json', 'README.md', 'server.js', 'src/app.js', 'src/books.js', 'test/books.test.js']);
    for (const f of files) assert.doesNotMatch(f.content, /\{\{/, f.path);
    const pkg = JSON.parse(files.find((f) => f.path === 'package.json')!.content) as { name: string };
    assert.equal(pkg.name, 'exercise-express-route');
    for (const open of exercise.open) assert.ok(files.some((f) => f.path === open), `${open} is scaffolded`);
  });

  it('scaffolds a runnable Express app whose own tests pass on real Express', async function () {
    this.timeout(60_000);
    // Under the repo so require('express') resolves to the real package in node_modules.
    const dir = await tempDir(repoRoot);
    try {
      const [exercise] = (await loadExercises(path.join(repoRoot, 'roadmaps', 'exercises'))).filter((e) => e.id === 'express-route');
      const plan = await planScaffold(path.join(dir, 'exercises', 'rest-apis'), renderFiles(await readTemplateFiles(exercise!.templateDir), vars));
      await writeScaffold(plan, false);
      const { stdout } = await promisify(execFile)(process.execPath, ['--test', 'test/'], { cwd: plan.targetDir });
      assert.match(stdout, /# pass 5/);
      assert.match(stdout, /# fail 0/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('scaffold target safety', () => {
  let root: string;
  beforeEach(async () => {
    root = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('resolves a relative folder inside the workspace', async () => {
    assert.equal(await resolveInsideWorkspace(root, 'exercises/rest-apis'), path.join(root, 'exercises', 'rest-apis'));
  });

  it('refuses .. escapes, absolute paths and the workspace root itself', async () => {
    await assert.rejects(resolveInsideWorkspace(root, '../elsewhere'), ScaffoldError);
    await assert.rejects(resolveInsideWorkspace(root, 'exercises/../../elsewhere'), /outside the workspace/);
    await assert.rejects(resolveInsideWorkspace(root, '/etc/passwd-dir'), /absolute path/);
    await assert.rejects(resolveInsideWorkspace(root, 'C:\\temp'), /absolute path/);
    await assert.rejects(resolveInsideWorkspace(root, '.'), /outside the workspace/);
  });

  it('refuses to write through a symbolic link', async () => {
    const outside = await tempDir();
    try {
      await fs.symlink(outside, path.join(root, 'exercises'));
      await assert.rejects(resolveInsideWorkspace(root, 'exercises/rest-apis'), /symbolic link/);
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('never overwrites an existing file unless asked, and says which files exist', async () => {
    const target = path.join(root, 'ex');
    await fs.mkdir(target, { recursive: true });
    await fs.writeFile(path.join(target, 'a.js'), 'my work');
    const plan = await planScaffold(target, [
      { path: 'a.js', content: 'template a' },
      { path: 'sub/b.js', content: 'template b' },
    ]);
    assert.deepEqual(plan.existing, ['a.js']);

    const kept = await writeScaffold(plan, false);
    assert.deepEqual(kept, { written: ['sub/b.js'], skipped: ['a.js'] });
    assert.equal(await fs.readFile(path.join(target, 'a.js'), 'utf8'), 'my work');
    assert.equal(await fs.readFile(path.join(target, 'sub', 'b.js'), 'utf8'), 'template b');

    const replaced = await writeScaffold(await planScaffold(target, [{ path: 'a.js', content: 'template a' }]), true);
    assert.deepEqual(replaced.written, ['a.js']);
    assert.equal(await fs.readFile(path.join(target, 'a.js'), 'utf8'), 'template a');
  });

  it('does not clobber a file that appears between planning and writing', async () => {
    const target = path.join(root, 'ex');
    const plan = await planScaffold(target, [{ path: 'a.js', content: 'template' }]);
    await fs.mkdir(target, { recursive: true });
    await fs.writeFile(path.join(target, 'a.js'), 'raced in');
    await assert.rejects(writeScaffold(plan, false), /EEXIST/);
    assert.equal(await fs.readFile(path.join(target, 'a.js'), 'utf8'), 'raced in');
  });

  it('refuses template paths that escape the exercise folder', async () => {
    await assert.rejects(planScaffold(path.join(root, 'ex'), [{ path: '../evil.js', content: '' }]), /escapes/);
  });
});
