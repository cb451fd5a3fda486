// Grading by seeded bugs: real `node --test` runs in throwaway folders with no npm packages (a local
// fake one stands in for node_modules), so each check takes a second or so.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkExercise, gradeFolder } from '../../src/domain/exercises/check';
import { devCheck } from '../../src/domain/exercises/devCheck';
import { loadExercise } from '../../src/domain/exercises/manifestLoader';
import { markerContent, markerFileName } from '../../src/domain/exercises/marker';
import { seededBugsSuite } from '../../src/domain/exercises/mutantCheck';
import { loadMutantGrading, readMutantGrading } from '../../src/domain/exercises/mutants';
import type { MutantGrading } from '../../src/domain/exercises/mutants';
import { nodeRunner } from '../../src/domain/exercises/runners/node';

const price = `const { round } = require('@br-fixture/money');
function price(qty, unit) {
  if (!Number.isInteger(qty) || qty < 1) throw new RangeError('qty must be a whole number of at least 1');
  const total = qty * unit;
  return round(qty >= 10 ? total * 0.9 : total);
}
module.exports = { price };
`;

/** Two seeded bugs: a threshold one item late, and no validation. */
const grading: MutantGrading = {
  reference: [{ path: 'src/price.js', content: price }],
  bugs: [
    {
      id: 'late-discount',
      bug: 'the bulk discount starts one item late',
      hint: 'What does an order of exactly 10 cost?',
      files: [{ path: 'src/price.js', content: price.replace('qty >= 10', 'qty > 10') }],
    },
    {
      id: 'no-validation',
      bug: 'a quantity of 0 is accepted',
      hint: 'Is there a test that expects an error?',
      files: [{ path: 'src/price.js', content: price.replace(/^ {2}if \(!Number.*\n/m, '') }],
    },
  ],
};

const header =
  "const { test } = require('node:test');\nconst assert = require('node:assert/strict');\nconst { price } = require('../src/price');\n";
const happy = "test('3 items at 2 cost 6', () => assert.equal(price(3, 2), 6));\n";
const threshold = "test('10 items get 10% off', () => assert.equal(price(10, 1), 9));\n";
const validation = "test('0 items is an error', () => assert.throws(() => price(0, 1), RangeError));\n";

describe('grading by seeded bugs', function () {
  this.timeout(60_000);
  let tmp: string;
  before(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'mutant-check-test-'));
  });
  after(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  let n = 0;
  /** A learner's folder: the code under test, a dependency already installed, and their test file. */
  async function learner(tests: string | undefined, code = price): Promise<string> {
    const dir = path.join(tmp, `learner-${++n}`);
    await fs.mkdir(path.join(dir, 'src'), { recursive: true });
    await fs.mkdir(path.join(dir, 'test'));
    // Installed already, and on no registry: a check that tried to install it would fail.
    const money = path.join(dir, 'node_modules', '@br-fixture', 'money');
    await fs.mkdir(money, { recursive: true });
    await fs.writeFile(path.join(money, 'package.json'), '{"name":"@br-fixture/money","version":"1.0.0","main":"index.js"}');
    await fs.writeFile(path.join(money, 'index.js'), 'exports.round = (x) => Math.round(x * 100) / 100;\n');
    await fs.writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'x', private: true, dependencies: { '@br-fixture/money': '1.0.0' } }),
    );
    await fs.writeFile(path.join(dir, 'src', 'price.js'), code);
    if (tests !== undefined) await fs.writeFile(path.join(dir, 'test', 'price.test.js'), tests);
    return dir;
  }

  it('passes when the tests pass on the given code and fail on every seeded bug, one row per bug', async () => {
    const dir = await learner(header + happy + threshold + validation);
    let output = '';
    const result = await gradeFolder(nodeRunner, dir, { mutants: grading, onOutput: (t) => (output += t) });
    assert.equal(result.outcome, 'passed', result.summary);
    assert.equal(result.summary, '5 passed, 0 failed; your tests caught 2 of 2 seeded bugs');
    assert.deepEqual(result.seededBugs, { caught: 2, total: 2 });
    assert.deepEqual(
      result.results.filter((r) => r.suite[0] === seededBugsSuite).map((r) => [r.name, r.status, r.hints]),
      [
        ['catches: the bulk discount starts one item late', 'passed', undefined],
        ['catches: a quantity of 0 is accepted', 'passed', undefined],
      ],
    );
    assert.match(
      output,
      /== Running your tests against 2 seeded bugs\n✔ caught: the bulk discount starts one item late\n✔ caught: a quantity/,
    );
    // The learner's folder is as it was: the bugs were laid over copies.
    assert.equal(await fs.readFile(path.join(dir, 'src', 'price.js'), 'utf8'), price);
    assert.deepEqual((await fs.readdir(dir)).sort(), ['node_modules', 'package.json', 'src', 'test']);
  });

  it("fails when a bug gets through, with that bug's hint (printed first in the CLI) and never its code", async () => {
    const dir = await learner(header + happy + threshold);
    let output = '';
    const result = await gradeFolder(nodeRunner, dir, {
      mutants: grading,
      printFirstHint: true,
      concurrency: 2,
      onOutput: (t) => (output += t),
    });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.summary, '3 passed, 1 failed; your tests caught 1 of 2 seeded bugs');
    const missed = result.results.find((r) => r.status === 'failed');
    assert.equal(missed?.name, 'catches: a quantity of 0 is accepted');
    assert.deepEqual(missed?.suite, [seededBugsSuite]);
    assert.deepEqual(missed?.hints, [{ id: 'no-validation', text: 'Is there a test that expects an error?' }]);
    assert.match(missed?.error ?? '', /All your tests pass on a copy of the code with this bug/);
    assert.doesNotMatch(JSON.stringify(result), /qty > 10|Number\.isInteger\(qty\) \|\|/, 'no bug code in the result');
    assert.match(output, /✘ not caught: a quantity of 0 is accepted\n {4}Hint: Is there a test that expects an error\?/);
  });

  it('tries no bug while the tests fail on the correct code, and says so', async () => {
    const dir = await learner(`${header + happy}test('wrong expectation', () => assert.equal(price(10, 1), 10));\n`);
    const result = await gradeFolder(nodeRunner, dir, { mutants: grading });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.summary, '1 passed, 1 failed; your tests must pass against the correct code before any seeded bug is tried');
    assert.equal(result.seededBugs, undefined);
    assert.ok(!result.results.some((r) => r.suite[0] === seededBugsSuite));
    assert.equal(result.results.find((r) => r.status === 'failed')?.name, 'wrong expectation');
  });

  it('fails an empty test file with a row that says to write tests', async () => {
    const dir = await learner("// TODO: your tests\nconst { test } = require('node:test');\n");
    const result = await gradeFolder(nodeRunner, dir, { mutants: grading });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.summary, '0 passed, 1 failed; no tests yet');
    assert.match(result.results[0]?.error ?? '', /No test ran/);
  });

  it('judges the tests against the code the scaffold gave, not a changed copy (formatting aside)', async () => {
    // Tests that pass only because the code under test was "fixed" to match them.
    const changed = await learner(`${header}test('10 items cost 10', () => assert.equal(price(10, 1), 10));\n`, price.replace('0.9', '1'));
    const result = await gradeFolder(nodeRunner, changed, { mutants: grading });
    assert.equal(result.outcome, 'failed');
    assert.match(result.summary, /the code under test was changed, so no seeded bug was tried$/);
    assert.equal(result.results.at(-1)?.name, 'src/price.js is the code the scaffold gave you');
    // Reindented by a formatter: the same code.
    const formatted = await learner(header + happy + threshold + validation, price.replace(/^ {2}/gm, '    '));
    assert.equal((await gradeFolder(nodeRunner, formatted, { mutants: grading })).outcome, 'passed');
  });

  it("links the learner's dependencies into each copy, even when they are a link themselves (as in dev check)", async () => {
    const installed = await learner(undefined);
    const dir = await learner(header + happy + threshold + validation);
    await fs.rm(path.join(dir, 'node_modules'), { recursive: true });
    await fs.symlink(path.join(installed, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const result = await gradeFolder(nodeRunner, dir, { mutants: grading });
    assert.equal(result.outcome, 'passed', result.summary);
    assert.equal(result.installMs, undefined, 'nothing installed');
  });

  it('stops when cancelled', async () => {
    const dir = await learner(header + happy + threshold + validation);
    const controller = new AbortController();
    const result = await gradeFolder(nodeRunner, dir, {
      mutants: grading,
      signal: controller.signal,
      // Cancelled once the bugs start.
      onPhase: (_, message) => message.includes('seeded') && controller.abort(),
    });
    assert.equal(result.outcome, 'cancelled');
  });

  describe('as data: exercise.json "grading": "mutants", mutants.json and mutants<suffix>/<id>/', () => {
    /** A one-flavour exercise folder whose files the tests change to break one rule at a time. */
    async function exercise({ selfContained = false } = {}): Promise<string> {
      const dir = path.join(tmp, `ex-${++n}`, 'price-tests');
      // Self-contained: no dependency at all, for a scaffold that must install nothing.
      const own = (code: string) =>
        selfContained ? code.replace("require('@br-fixture/money')", '{ round: (x) => Math.round(x * 100) / 100 }') : code;
      const write = async (rel: string, content: string) => {
        await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
        await fs.writeFile(path.join(dir, rel), content);
      };
      const manifest = {
        id: 'price-tests',
        title: 'Price tests',
        topic: 'unit-testing',
        description: 'Tests for a price function.',
        languages: ['javascript'],
        open: ['README.md', 'test/price.test.js'],
        runner: 'node',
        grading: 'mutants',
        flavours: ['javascript'],
      };
      await write('exercise.json', JSON.stringify(manifest));
      const deps = selfContained ? {} : { dependencies: { '@br-fixture/money': '1.0.0' } };
      await write('template/package.json', JSON.stringify({ name: 'x', private: true, ...deps }));
      await write('template/src/price.js', own(price));
      await write('template/test/price.test.js', header + happy);
      await write('solution/test/price.test.js', header + happy + threshold + validation);
      await write('mutants.json', JSON.stringify({ mutants: grading.bugs.map(({ id, bug, hint }) => ({ id, bug, hint })) }));
      for (const bug of grading.bugs) for (const f of bug.files) await write(`mutants/${bug.id}/${f.path}`, own(f.content));
      return dir;
    }
    const problem = async (dir: string) =>
      loadExercise(dir).then(
        () => undefined,
        (e: Error) => e.message,
      );

    it('loads, and the check finds the bugs of the flavour the marker records, as the CLI does', async () => {
      const dir = await exercise();
      const loaded = await loadExercise(dir);
      assert.equal(loaded.grading, 'mutants');
      const fromDisk = await loadMutantGrading(loaded, 'javascript');
      assert.deepEqual(fromDisk, grading);
      assert.deepEqual(await readMutantGrading(dir, undefined), grading);
      // An exercise graded by its tests has none, and a folder with no exercise.json is not one.
      assert.equal(await readMutantGrading(path.join(tmp, 'nowhere'), 'javascript'), undefined);

      const folder = await learner(header + happy + validation);
      await fs.writeFile(
        path.join(folder, markerFileName),
        markerContent({ exercise: 'price-tests', runner: 'node', flavour: 'javascript' }),
      );
      const asked: unknown[] = [];
      const result = await checkExercise(folder, {
        mutantsOf: (id, flavour) => {
          asked.push([id, flavour]);
          return readMutantGrading(dir, flavour);
        },
      });
      assert.deepEqual(asked, [['price-tests', 'javascript']]);
      assert.equal(result.summary, '3 passed, 1 failed; your tests caught 1 of 2 seeded bugs');
    });

    it('dev check: the starter fails, the reference tests catch every bug, a weak suite is rejected by the bug it misses', async () => {
      const dir = await exercise({ selfContained: true });
      const weak = async (name: string, tests: string) => {
        await fs.mkdir(path.join(dir, 'wrong', name, 'test'), { recursive: true });
        await fs.writeFile(path.join(dir, 'wrong', name, 'test', 'price.test.js'), tests);
      };
      await weak('no-boundary', header + happy + validation);
      // Not weak but broken: its own tests fail on the correct code, so it says nothing about the bugs.
      await weak('fails-itself', `${header + happy + threshold + validation}test('wrong sum', () => assert.equal(price(1, 1), 2));\n`);
      // Catches everything: not a weak suite at all.
      await weak('not-weak', header + happy + threshold + validation);
      const report = await devCheck(path.dirname(dir), { only: ['price-tests'] });
      const [flavour] = report.exercises[0]?.flavours ?? [];
      assert.ok(flavour);
      assert.equal(flavour.starter.ok, true, flavour.starter.summary);
      assert.match(flavour.starter.summary, /your tests caught 0 of 2 seeded bugs/);
      assert.equal(flavour.solution.ok, true, flavour.solution.detail);
      assert.match(flavour.solution.summary, /your tests caught 2 of 2 seeded bugs/);
      const wrong = Object.fromEntries(flavour.wrong.map((w) => [w.label, w]));
      assert.equal(wrong['wrong/no-boundary']?.ok, true);
      assert.equal(
        wrong['wrong/no-boundary']?.summary,
        'rejected: 1 of 2 seeded bugs caught; ✗ catches: the bulk discount starts one item late',
      );
      assert.equal(wrong['wrong/fails-itself']?.ok, false);
      assert.match(wrong['wrong/fails-itself']?.summary ?? '', /^rejected, but not by a seeded bug/);
      assert.match(wrong['wrong/fails-itself']?.detail ?? '', /✗ wrong sum/);
      assert.equal(wrong['wrong/not-weak']?.ok, false);
      assert.match(wrong['wrong/not-weak']?.summary ?? '', /^NOT rejected: passes/);
      assert.equal(report.exercises[0]?.sound, false);
    });

    it('refuses seeded bugs that could not work', async () => {
      const cases: [string, (dir: string) => Promise<unknown>, RegExp][] = [
        ['no mutants.json', (d) => fs.rm(path.join(d, 'mutants.json')), /"grading": "mutants" needs mutants\.json/],
        ['a bug with no hint', (d) => fs.writeFile(path.join(d, 'mutants.json'), '{"mutants":[{"id":"a","bug":"b"}]}'), /mutants\.0\.hint/],
        [
          'a listed bug without its folder',
          (d) => fs.rm(path.join(d, 'mutants', 'late-discount'), { recursive: true }),
          /has no folder for "late-discount"/,
        ],
        [
          'an unlisted folder',
          (d) => fs.cp(path.join(d, 'mutants', 'late-discount'), path.join(d, 'mutants', 'extra'), { recursive: true }),
          /mutants\/extra\/ is not listed/,
        ],
        [
          'a bug that replaces the tests',
          (d) => fs.cp(path.join(d, 'solution', 'test'), path.join(d, 'mutants', 'late-discount', 'test'), { recursive: true }),
          /replaces a file of the solution/,
        ],
        [
          'a bug that adds a file',
          (d) => fs.writeFile(path.join(d, 'mutants', 'late-discount', 'src', 'new.js'), ''),
          /replaces no file of the template/,
        ],
        [
          'a bug that is no change',
          (d) => fs.writeFile(path.join(d, 'mutants', 'late-discount', 'src', 'price.js'), price),
          /unchanged: that is no bug/,
        ],
        ['a spec beside them', (d) => fs.writeFile(path.join(d, 'spec.json'), '{}'), /has no spec\.json/],
        [
          'bugs of an unlisted flavour',
          (d) => fs.mkdir(path.join(d, 'mutants-ts')),
          /mutants-ts\/ holds the typescript flavour's seeded bugs/,
        ],
        [
          'bugs without "grading": "mutants"',
          async (d) => {
            const m = JSON.parse(await fs.readFile(path.join(d, 'exercise.json'), 'utf8')) as Record<string, unknown>;
            delete m.grading;
            await fs.writeFile(path.join(d, 'exercise.json'), JSON.stringify(m));
          },
          /mutants\.json is only read with "grading": "mutants"/,
        ],
      ];
      for (const [what, breakIt, expected] of cases) {
        const dir = await exercise();
        assert.equal(await problem(dir), undefined, `${what}: sound before`);
        await breakIt(dir);
        assert.match((await problem(dir)) ?? 'loads', expected, what);
      }
      assert.equal(existsSync(tmp), true);
    });
  });
});
