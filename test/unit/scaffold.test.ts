import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exerciseFiles, flavourDirs, openFiles } from '../../src/domain/exercises/manifest';
import { flavourInfo } from '../../src/domain/exercises/flavours';
import { loadExercises, loadExercisesEach, ManifestError } from '../../src/domain/exercises/manifestLoader';
import { markerFileName, readMarker } from '../../src/domain/exercises/marker';
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

  it('renders every exercise with no placeholder left, records its id in the marker file, and keeps the solution out', async () => {
    const exercises = await loadExercises(path.join(repoRoot, 'roadmaps', 'exercises'));
    assert.ok(exercises.length >= 12, `${exercises.length} exercises`);
    for (const [exercise, flavour] of exercises.flatMap((e) => e.flavours.map((f) => [e, f] as const))) {
      const starter = await exerciseFiles(exercise, 'Topic', false, flavour);
      const solved = await exerciseFiles(exercise, 'Topic', true, flavour);
      // A placeholder is {{name}}; a Go composite literal ({{"a", 1}}) is not one.
      for (const f of [...starter, ...solved])
        assert.doesNotMatch(f.content, /(?<!\$)\{\{\s*[a-zA-Z]\w*\s*\}\}/, `${exercise.id}/${f.path}`);
      const marker = JSON.parse(starter.find((f) => f.path === markerFileName)?.content ?? '{}') as { exercise?: string };
      assert.equal(marker.exercise, exercise.id, `${exercise.id}: the marker file records the exercise`);
      for (const open of openFiles(exercise, flavour)) {
        assert.ok(
          starter.some((f) => f.path === open),
          `${exercise.id} (${flavour}): ${open} is scaffolded`,
        );
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

describe('the marker file a scaffold writes', () => {
  let root: string;
  beforeEach(async () => {
    root = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('is written last, names the exercise, its runner and flavour, and leaves package.json as the template has it', async () => {
    const exercises = await loadExercises(path.join(repoRoot, 'roadmaps', 'exercises'));
    const exercise = exercises.find((e) => e.id === 'express-route');
    assert.ok(exercise);
    for (const flavour of exercise.flavours) {
      const files = await exerciseFiles(exercise, 'REST APIs', false, flavour);
      assert.equal(files.at(-1)?.path, markerFileName, 'the marker comes last, so a scaffold cut short does not look finished');
      const target = path.join(root, flavour);
      await writeScaffold(await planScaffold(root, target, files), false);
      assert.deepEqual(await readMarker(target), { version: 1, exercise: 'express-route', runner: flavourInfo[flavour].runner, flavour });
      // Node flavours keep their package.json as the template has it; Python and Go have none.
      if (flavourInfo[flavour].runner !== 'node') continue;
      const written = JSON.parse(await fs.readFile(path.join(target, 'package.json'), 'utf8')) as Record<string, unknown>;
      const template = JSON.parse(await fs.readFile(path.join(flavourDirs(exercise, flavour).template, 'package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      assert.equal(written.backendRoadmap, undefined, 'package.json is no longer marked');
      assert.deepEqual(Object.keys(written), Object.keys(template));
    }
  });
});

describe('exercise manifests', () => {
  let root: string;
  beforeEach(async () => {
    root = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const base = {
    id: 'ex',
    title: 'Ex',
    topic: 'rest-apis',
    description: 'One line.',
    languages: ['javascript'],
    open: ['README.md', 'src/a.js'],
    runner: 'node',
    flavours: ['javascript'],
  };
  async function exercise(manifest: object, folders: string[]): Promise<string> {
    const dir = path.join(root, 'ex');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'exercise.json'), JSON.stringify(manifest));
    for (const f of folders) await fs.mkdir(path.join(dir, f), { recursive: true });
    return path.join(dir, 'exercise.json');
  }
  const rejects = (file: string, pattern: RegExp) =>
    assert.rejects(
      loadExercises(root),
      (e: unknown) => e instanceof Error && e.message.startsWith(`${file}: `) && pattern.test(e.message),
      String(pattern),
    );

  it('load with their runner, their flavours in order, and their folder', async () => {
    await exercise({ ...base, flavours: ['javascript', 'typescript'] }, ['template', 'solution', 'template-ts', 'solution-ts']);
    const [loaded] = await loadExercises(root);
    assert.equal(loaded?.runner, 'node');
    assert.deepEqual(loaded?.flavours, ['javascript', 'typescript']);
    assert.equal(loaded?.dir, path.join(root, 'ex'));
    assert.deepEqual(loaded && flavourDirs(loaded, 'typescript'), {
      template: path.join(root, 'ex', 'template-ts'),
      solution: path.join(root, 'ex', 'solution-ts'),
    });
  });

  it('reject a listed flavour whose template or solution folder is missing, naming the file', async () => {
    const file = await exercise({ ...base, flavours: ['javascript', 'typescript'] }, ['template', 'solution', 'template-ts']);
    await rejects(file, /flavour "typescript" needs solution-ts\/, which is missing/);
    await fs.rm(path.join(root, 'ex', 'template-ts'), { recursive: true });
    await rejects(file, /flavour "typescript" needs template-ts\/ and solution-ts\/, which are missing/);
    await fs.rm(path.join(root, 'ex', 'solution'), { recursive: true });
    await rejects(file, /flavour "javascript" needs solution\/, which is missing/);
  });

  it('reject flavour folders the manifest does not list, which would never be tested', async () => {
    const file = await exercise(base, ['template', 'solution', 'template-ts', 'solution-ts']);
    await rejects(file, /template-ts\/ and solution-ts\/ hold the typescript flavour, which "flavours" does not list/);
  });

  it('reject an unknown runner or flavour, a flavour listed twice, and a manifest without runner or flavours', async () => {
    const file = await exercise({ ...base, runner: 'cobol' }, ['template', 'solution']);
    await rejects(file, /runner "cobol" is not known \(known: node, python, go\)/);
    await exercise({ ...base, runner: 'constructor' }, []);
    await rejects(file, /runner "constructor" is not known/);
    await exercise({ ...base, flavours: ['rust'] }, []);
    await rejects(file, /flavour "rust" is not known \(known: javascript, typescript, python, go\)/);
    await exercise({ ...base, flavours: ['javascript', 'javascript'] }, []);
    await rejects(file, /flavour "javascript" is listed twice/);
    await exercise(Object.fromEntries(Object.entries(base).filter(([key]) => key !== 'runner')), []);
    await rejects(file, /runner/);
    await exercise({ ...base, flavours: [] }, []);
    await rejects(file, /flavours/);
    await fs.writeFile(file, '{ not json');
    await rejects(file, /JSON/);
  });

  it('load one by one for an authoring check: each bad manifest named with its file, the others loaded', async () => {
    const good = await exercise(base, ['template', 'solution']);
    const write = async (id: string, text: string) => {
      await fs.mkdir(path.join(root, id));
      await fs.writeFile(path.join(root, id, 'exercise.json'), text);
      return path.join(root, id, 'exercise.json');
    };
    const notJson = await write('aa-not-json', '{ not json');
    const wrongId = await write('zz-wrong-id', JSON.stringify({ ...base, id: 'other' }));
    const loaded = await loadExercisesEach(root);
    assert.deepEqual(
      loaded.map((l) => l.id),
      ['aa-not-json', 'ex', 'zz-wrong-id'],
    );
    const [first, second, third] = loaded;
    assert.ok(first && 'error' in first && first.error instanceof ManifestError);
    assert.equal(first.error.file, notJson);
    assert.match(first.error.problem, /JSON/);
    assert.ok(second && 'exercise' in second);
    assert.equal(path.join(second.exercise.dir, 'exercise.json'), good);
    assert.ok(third && 'error' in third);
    assert.equal(third.error.message, `${wrongId}: id "other" must match its folder name "zz-wrong-id"`);
    // Existing callers still stop at the first bad one, naming it.
    await rejects(notJson, /JSON/);
  });
});
