import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exerciseFiles, loadExercises } from '../../src/domain/exercises/manifest';
import { planScaffold, renderTemplate, resolveInsideWorkspace, ScaffoldError, writeScaffold } from '../../src/domain/exercises/scaffold';

const repoRoot = path.join(__dirname, '..', '..');
const vars = { exerciseId: 'express-route', exerciseTitle: 'Express route', topicId: 'rest-apis', topicTitle: 'REST APIs' };

async function tempDir(under = os.tmpdir()): Promise<string> {
  return fs.mkdtemp(path.join(under, '.test-tmp-'));
}

describe('scaffold rendering', () => {
  it('replaces placeholders, refuses unknown ones, and leaves GitHub ${{ }} expressions alone', () => {
    assert.equal(renderTemplate('# {{ exerciseTitle }} for {{topicId}}', vars), '# Express route for rest-apis');
    assert.throws(() => renderTemplate('{{nope}}', vars, 'README.md'), /README\.md: unknown placeholder \{\{nope\}\}/);
    assert.equal(renderTemplate('node: ${{ matrix.node }} ${{ env }}', vars), 'node: ${{ matrix.node }} ${{ env }}');
  });

  it('renders every exercise with no placeholder left, records its id in package.json, and keeps the solution out', async () => {
    const exercises = await loadExercises(path.join(repoRoot, 'roadmaps', 'exercises'));
    assert.ok(exercises.length >= 12, `${exercises.length} exercises`);
    for (const [exercise, flavour] of exercises.flatMap((e) => e.flavours.map((f) => [e, f] as const))) {
      const starter = await exerciseFiles(exercise, 'Topic', false, flavour);
      const solved = await exerciseFiles(exercise, 'Topic', true, flavour);
      for (const f of [...starter, ...solved]) assert.doesNotMatch(f.content, /(?<!\$)\{\{/, `${exercise.id}/${f.path}`);
      const pkg = JSON.parse(starter.find((f) => f.path === 'package.json')?.content ?? '{}') as { backendRoadmap?: { exercise?: string } };
      assert.equal(pkg.backendRoadmap?.exercise, exercise.id, `${exercise.id}: package.json records the exercise`);
      for (const open of exercise.open.map((f) => (flavour === 'typescript' ? f.replace(/\.js$/, '.ts') : f))) {
        assert.ok(starter.some((f) => f.path === open), `${exercise.id} (${flavour}): ${open} is scaffolded`);
      }
      // The solution differs from the starter in at least one file, and never ships in the starter.
      const changed = solved.filter((f) => starter.find((s) => s.path === f.path)?.content !== f.content);
      assert.ok(changed.length > 0, `${exercise.id}: the solution changes something`);
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
    const plan = await planScaffold(root, target, [
      { path: 'a.js', content: 'template a' },
      { path: 'sub/b.js', content: 'template b' },
    ]);
    assert.deepEqual(plan.existing, ['a.js']);

    const kept = await writeScaffold(plan, false);
    assert.deepEqual(kept, { written: ['sub/b.js'], skipped: ['a.js'] });
    assert.equal(await fs.readFile(path.join(target, 'a.js'), 'utf8'), 'my work');
    assert.equal(await fs.readFile(path.join(target, 'sub', 'b.js'), 'utf8'), 'template b');

    const replaced = await writeScaffold(await planScaffold(root, target, [{ path: 'a.js', content: 'template a' }]), true);
    assert.deepEqual(replaced.written, ['a.js']);
    assert.equal(await fs.readFile(path.join(target, 'a.js'), 'utf8'), 'template a');
  });

  it('does not clobber a file that appears between planning and writing', async () => {
    const target = path.join(root, 'ex');
    const plan = await planScaffold(root, target, [{ path: 'a.js', content: 'template' }]);
    await fs.mkdir(target, { recursive: true });
    await fs.writeFile(path.join(target, 'a.js'), 'raced in');
    await assert.rejects(writeScaffold(plan, false), /EEXIST/);
    assert.equal(await fs.readFile(path.join(target, 'a.js'), 'utf8'), 'raced in');
  });

  it('refuses template paths that escape the exercise folder', async () => {
    await assert.rejects(planScaffold(root, path.join(root, 'ex'), [{ path: '../evil.js', content: '' }]), /escapes/);
  });
});
