import * as assert from 'node:assert/strict';
import { corpus, formatFailure, formatStats, fuzz, generateInput, isRealPosition, judge, positionedMessage, targets } from '../fuzz/fuzz';
import type { Stats, Target } from '../fuzz/fuzz';

// Fixed, so a failure here replays with `npm run fuzz -- --seed 20261201 --target <name> --index <i>`.
const seed = 20261201;
const count = 2000;

describe('fuzzing the parsers (seeded)', () => {
  const all: Stats[] = [];
  after(() => {
    if (all.length > 0) console.log(`\n${formatStats(all)}\n`);
  });

  for (const target of targets()) {
    it(`${target.name}: ${count} mutated inputs, no crash, no hang, every rejection positioned`, function () {
      // A bound for the whole batch, not the hang check (each input has its own): 6–15 s in CI, ~60 s on
      // a machine whose two cores also run other checks.
      this.timeout(240_000);
      const { stats, failures } = fuzz(target, { seed, count });
      all.push(stats);
      assert.equal(stats.inputs, count);
      assert.deepEqual(failures.map(formatFailure), []);
      assert.equal(stats.crashes + stats.hangs + stats.unpositioned, 0);
      // Both ways out are exercised, or the mutations are too weak (or too strong) to mean much.
      assert.ok(stats.accepted >= count / 50, `only ${stats.accepted} accepted`);
      assert.ok(stats.positioned >= count / 4, `only ${stats.positioned} rejected with a position`);
    });
  }

  it('starts from real files that the parsers accept', () => {
    const [yaml, progress, imports] = targets();
    assert.ok(yaml && progress && imports);
    assert.ok(corpus().bases.has('backend'), 'backend.yaml loads, so tracks have their base');
    const verdicts = (t: Target) => t.corpus.map((text) => judge(t, text).outcome.kind);
    assert.deepEqual(verdicts(yaml).slice(0, 1), ['accepted']);
    assert.ok(verdicts(yaml).filter((k) => k === 'accepted').length >= 3, 'a slice and both tracks load');
    assert.ok(verdicts(progress).every((k) => k === 'accepted'));
    assert.ok(verdicts(imports).every((k) => k === 'accepted'));
  });

  it('derives each input from seed, target and index alone', () => {
    const [yaml] = targets();
    assert.ok(yaml);
    const a = generateInput(yaml, seed, 17);
    assert.deepEqual(generateInput(yaml, seed, 17), a);
    assert.notDeepEqual(generateInput(yaml, seed + 1, 17).text, a.text);
    assert.equal(fuzz(yaml, { seed, count: 1, from: 17 }).stats.inputs, 1);
  });

  it('counts crashes, hangs and rejections without a position as failures', () => {
    const fake: Target = {
      name: 'fake',
      syntax: 'json',
      corpus: ['{"a": 1}', '[1, 2]', '"s"'],
      run: (text) => {
        if (text.includes('{')) throw new TypeError('boom');
        if (text.includes('[')) {
          const until = performance.now() + 3;
          while (performance.now() < until);
          return { kind: 'positioned' };
        }
        return { kind: 'unpositioned', detail: 'no line' };
      },
    };
    const { stats, failures } = fuzz(fake, { seed, count: 60, hangMs: 2 });
    assert.ok(stats.crashes > 0 && stats.hangs > 0 && stats.unpositioned > 0, JSON.stringify(stats));
    assert.equal(failures.length, stats.crashes + stats.hangs + stats.unpositioned);
    assert.match(
      formatFailure(failures.find((f) => f.kind === 'crash') ?? failures[0] ?? assert.fail('no failure')),
      /^crash in fake: seed 20261201 index \d+ \(corpus #\d, .*\): TypeError: boom$/,
    );
  });

  it('accepts only positions that exist in the text', () => {
    const text = 'ab\ncde\n';
    assert.ok(isRealPosition(text, 1, 3) && isRealPosition(text, 2, 4) && isRealPosition(text, 3, 1));
    assert.ok(
      !isRealPosition(text, 0, 1) &&
        !isRealPosition(text, 1, 0) &&
        !isRealPosition(text, 1, 4) &&
        !isRealPosition(text, 4, 1) &&
        !isRealPosition(text, 1.5, 1),
    );
    assert.ok(positionedMessage('f.json:2:4: broken', 'f.json', text));
    assert.ok(!positionedMessage('f.json: broken', 'f.json', text));
    assert.ok(!positionedMessage('f.json:9:1: broken', 'f.json', text));
    assert.ok(!positionedMessage('g.json:1:1: broken', 'f.json', text));
  });
});
