// `backend-roadmap validate`: a course folder's problems as file:line:col, and exit codes CI can use.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, repoRoot, runCli } from '../helpers/cli';

const courses = path.join(repoRoot, 'test', 'fixtures', 'courses');

describe('backend-roadmap validate', () => {
  before(function () {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does).`);
  });

  it('exits 0 on a sound course, found through its .backend-roadmap folder', async () => {
    const run = await runCli(['validate', path.join(courses, 'good')]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^OK: 2 roadmap files \(2 loaded\), 1 exercise, 0 problems in /);
  });

  it('prints every problem as file:line:col: message and exits 1', async () => {
    const run = await runCli(['validate', 'test/fixtures/courses/bad']);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.trim().split('\n');
    const dir = 'test/fixtures/courses/bad';
    assert.deepEqual(lines.slice(1), [
      `${dir}/broken.yaml:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${dir}/web-course.yaml:34:43: phases[0].topics[1].prerequisites[1]: unknown topic id "no-such-topic"`,
      `${dir}/web-course.yaml:42:21: phases[0].topics[1].exercises[0]: unknown exercise id "missing-exercise" (no folder exercises/<id>/ and no bundled exercise)`,
      `${dir}/week-one.yaml:16:9: phases[0].topics[1]: unknown topic id "not-in-backend" (not in roadmap "backend")`,
    ]);
    assert.match(lines[0] ?? '', /^test\/fixtures\/courses\/bad\/exercises\/bad-manifest\/exercise\.json:1:1: topic: /);
    assert.match(run.stderr, /^FAIL: 3 roadmap files \(0 loaded\), 0 exercises, 5 problems in test\/fixtures\/courses\/bad\n$/);
  });

  it('exits 2 when the folder holds no course, or on bad usage', async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'validate-empty-'));
    try {
      const run = await runCli(['validate', empty]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /no roadmap files \(\*\.yaml\) and no exercises\/ in /);
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
    assert.equal((await runCli(['validate', 'a', 'b'])).code, 2);
    assert.equal((await runCli(['validate', '--strict'])).code, 2);
  });

  it('refuses a roadmap file that is a symbolic link, naming it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'validate-link-'));
    try {
      await fs.cp(path.join(courses, 'good', '.backend-roadmap'), dir, { recursive: true });
      const secret = path.join(dir, '..', `${path.basename(dir)}-secret.yaml`);
      await fs.writeFile(secret, 'schemaVersion: 1\n');
      await fs.symlink(secret, path.join(dir, 'linked.yaml'));
      const run = await runCli(['validate', dir]);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.equal(
        run.stdout,
        `${path.join(dir, 'linked.yaml')}:1:1: a symbolic link; not read (roadmap files must be plain files in the folder)\n`,
      );
      assert.match(run.stderr, /2 roadmap files \(2 loaded\)/);
      await fs.rm(secret);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
