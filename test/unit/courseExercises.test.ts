// A course's own exercises are read only after their folders are checked: no link, no huge file.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCourseExercises } from '../../src/domain/authoring/courseExercises';

const good = path.join(__dirname, '..', 'fixtures', 'courses', 'good', '.backend-roadmap', 'exercises', 'greet-course');

describe('authoring: course exercises from a workspace', () => {
  let ws: string;
  let secret: string;
  beforeEach(async () => {
    ws = await fs.mkdtemp(path.join(os.tmpdir(), 'course-exercises-'));
    secret = path.join(os.tmpdir(), `${path.basename(ws)}-secret.txt`);
    await fs.writeFile(secret, 'SECRET_TOKEN=do-not-print');
  });
  afterEach(async () => {
    await fs.rm(ws, { recursive: true, force: true });
    await fs.rm(secret, { force: true });
  });

  const copy = async (name: string) => {
    const dir = path.join(ws, 'exercises', name);
    await fs.cp(good, dir, { recursive: true });
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'exercise.json'), 'utf8')) as { id: string };
    await fs.writeFile(path.join(dir, 'exercise.json'), JSON.stringify({ ...manifest, id: name }));
    return dir;
  };

  it('loads a plain exercise folder', async () => {
    await copy('plain');
    const { exercises, problems } = await loadCourseExercises(ws, path.join(ws, 'exercises'), new Set());
    assert.deepEqual(problems, []);
    assert.deepEqual(
      exercises.map((e) => e.id),
      ['plain'],
    );
  });

  it('refuses a folder with a link anywhere in it, never reading (or printing) what the link points at', async () => {
    const manifest = await copy('linked-manifest');
    await fs.rm(path.join(manifest, 'exercise.json'));
    await fs.symlink(secret, path.join(manifest, 'exercise.json'));
    const template = await copy('linked-template');
    await fs.rm(path.join(template, 'template'), { recursive: true });
    await fs.symlink(os.tmpdir(), path.join(template, 'template'));
    await copy('fine');
    const { exercises, problems } = await loadCourseExercises(ws, path.join(ws, 'exercises'), new Set());
    assert.deepEqual(
      exercises.map((e) => e.id),
      ['fine'],
    );
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'exercise not loaded: "exercises/linked-manifest/exercise.json" is a symbolic link; refusing to read through it.',
        'exercise not loaded: "exercises/linked-template/template" is a symbolic link; refusing to read through it.',
      ],
    );
    assert.ok(!JSON.stringify(problems).includes('SECRET'));
  });

  it('refuses an oversized file and a bundled id, and names a bad manifest while the others load', async () => {
    const big = await copy('big');
    await fs.writeFile(path.join(big, 'template', 'huge.txt'), Buffer.alloc(3 * 1024 * 1024, 97));
    await copy('express-route');
    const bad = await copy('bad');
    await fs.writeFile(path.join(bad, 'exercise.json'), '{ "id": "bad" }');
    await copy('ok');
    const { exercises, problems } = await loadCourseExercises(ws, path.join(ws, 'exercises'), new Set(['express-route']));
    assert.deepEqual(
      exercises.map((e) => e.id),
      ['ok'],
    );
    assert.equal(problems.length, 3);
    assert.match(problems[0]?.message ?? '', /^title: /);
    assert.equal(problems[0]?.file, path.join(bad, 'exercise.json'));
    assert.equal(problems[1]?.message, 'exercise not loaded: "exercises/big/template/huge.txt" is larger than 2048 KB; not read.');
    assert.equal(problems[2]?.message, 'exercise id "express-route" is a bundled exercise; pick another id');
  });
});
