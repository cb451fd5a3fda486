import * as assert from 'node:assert/strict';
import { mergeProgress, noteExcerpt, parseImport, previewImport, vanishedTopicIds } from '../../src/domain/progress/import';
import { emptyProgress } from '../../src/domain/progress/progress';
import type { ProgressData } from '../../src/domain/progress/progress';

const progress = (topics: ProgressData['topics'], exercises: ProgressData['exercises'] = {}): ProgressData => ({
  ...emptyProgress(),
  topics,
  exercises,
});
const at = '2026-11-01T00:00:00.000Z';

describe('progress import', () => {
  it('reads Export Progress JSON and bare stored data, migrating version 1', () => {
    const exported = JSON.stringify({
      exportedFrom: 'backend',
      progress: progress({ dns: { status: 'done', checked: [], updatedAt: at } }),
    });
    const a = parseImport(exported, 'export.json');
    assert.ok(a.ok);
    assert.equal(a.data.topics.dns?.status, 'done');
    const b = parseImport(JSON.stringify({ version: 1, topics: {}, exercises: {} }), 'old.json');
    assert.ok(b.ok);
    assert.equal(b.data.version, 3);
  });

  it('names the file, line and column of bad JSON, and says when it is not progress at all', () => {
    const bad = parseImport('{\n  "progress": {\n    "version": 2,,\n  }\n}', 'p.json');
    assert.ok(!bad.ok);
    assert.match(bad.message, /^p\.json:3:18: not valid JSON/);
    const other = parseImport('{"name": "some package"}', 'package.json');
    assert.ok(!other.ok);
    // Not progress: the position is the deepest part of the path migrate named that exists (here the root).
    assert.match(other.message, /^package\.json:1:1: not Backend Roadmap progress \(version: /);
  });

  it('never throws on deep nesting, and points at where the JSON breaks', function () {
    this.timeout(10_000);
    for (const n of [10_000, 1_000_000]) {
      const unclosed = parseImport('['.repeat(n), 'deep.json');
      assert.ok(!unclosed.ok);
      assert.match(unclosed.message, new RegExp(`^deep\\.json:1:${n + 1}: not valid JSON`));
      const closed = parseImport(`{"progress": ${'['.repeat(n)}${']'.repeat(n)}}`, 'deep.json');
      assert.ok(!closed.ok);
      assert.match(closed.message, /^deep\.json:1:14: not Backend Roadmap progress \(root: /);
    }
  });

  it('reads huge strings, and points at a control character at the end of one', () => {
    const id = 'x'.repeat(500_000);
    const big = parseImport(JSON.stringify(progress({ [id]: { status: 'done', checked: [], updatedAt: at } })), 'big.json');
    assert.ok(big.ok);
    assert.equal(big.data.topics[id]?.status, 'done');
    const broken = parseImport(`{"a": "${'y'.repeat(300_000)}\u0001"}`, 'big.json');
    assert.ok(!broken.ok);
    assert.match(broken.message, /^big\.json:1:300008: not valid JSON/);
  });

  it('points at the value of the wrong type, through the export wrapper and dotted keys', () => {
    const text =
      '{\n  "progress": {\n    "version": 2,\n    "topics": {"a.b": {"checked": [1], "updatedAt": "x"}},\n    "exercises": {},\n    "history": []\n  }\n}';
    const result = parseImport(text, 'w.json');
    assert.ok(!result.ok);
    const col = (text.split('\n')[3] ?? '').indexOf('[1]') + 2;
    assert.equal(
      result.message,
      `w.json:4:${col}: not Backend Roadmap progress (topics.a.b.checked.0: Invalid input: expected string, received number)`,
    );
    const newer = parseImport('{\n  "version": 9\n}', 'n.json');
    assert.ok(!newer.ok);
    assert.match(newer.message, /^n\.json:2:14: not Backend Roadmap progress \(it was written by a newer version/);
    for (const [text, where] of [
      ['[]', '1:1'],
      ['"progress"', '1:1'],
      ['{"progress": 7}', '1:14'],
      ['{"version": 2, "topics": [], "exercises": {}, "history": []}', '1:26'],
    ] as const) {
      const wrong = parseImport(text, 't.json');
      assert.ok(!wrong.ok, text);
      assert.match(wrong.message, new RegExp(`^t\\.json:${where}: not Backend Roadmap progress`), text);
    }
  });

  it('keeps __proto__ and constructor keys from polluting anything', () => {
    const data =
      '{"__proto__": {"polluted": true}, "version": 2, "topics": {"__proto__": {"checked": ["z"], "updatedAt": "x"}, "constructor": {"status": "done", "checked": [], "updatedAt": "x"}}, "exercises": {"__proto__": {"passedAt": "x"}}, "history": []}';
    const result = parseImport(data, 'p.json');
    assert.ok(result.ok);
    assert.deepEqual(
      Object.entries(result.data.topics).map(([id, t]) => [id, t.status]),
      [['constructor', 'done']],
    );
    assert.equal(Object.getPrototypeOf(result.data.topics), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).checked, undefined);
  });

  it('previews what would change, in topic titles', () => {
    const current = progress({ dns: { checked: ['a'], updatedAt: at }, sql: { status: 'done', checked: [], updatedAt: at } });
    const incoming = progress({ dns: { status: 'done', checked: ['a', 'b', 'c'], updatedAt: at } }, { 'express-route': { passedAt: at } });
    const preview = previewImport(current, incoming, (id) => id.toUpperCase());
    assert.deepEqual(preview.statusChanges, ['DNS: In progress → Done', 'SQL: Done → Not started']);
    assert.equal(preview.itemsTicked, 2);
    assert.equal(preview.itemsUnticked, 0);
    assert.equal(preview.exercisesPassed, 1);
    assert.equal(preview.same, false);
    assert.equal(previewImport(current, current, String).same, true);
  });

  it('merges without losing either side', () => {
    const mine = progress({ dns: { status: 'inProgress', checked: ['a'], updatedAt: at } }, { x: { passedAt: at } });
    const theirs = progress(
      { dns: { status: 'done', checked: ['b'], updatedAt: at }, sql: { status: 'skipped', checked: [], updatedAt: at } },
      { y: { passedAt: at } },
    );
    const merged = mergeProgress(mine, theirs);
    assert.equal(merged.topics.dns?.status, 'inProgress', 'an explicit status of mine wins');
    assert.deepEqual(merged.topics.dns?.checked, ['a', 'b']);
    assert.equal(merged.topics.sql?.status, 'skipped');
    assert.deepEqual(Object.keys(merged.exercises).sort(), ['x', 'y']);
  });
});

describe('vanished ids and notes', () => {
  it('reports stored topics no roadmap has, once', () => {
    const data = progress({
      dns: { checked: [], updatedAt: at },
      gone: { checked: ['x'], updatedAt: at },
      'also-gone': { checked: [], updatedAt: at },
    });
    assert.deepEqual(vanishedTopicIds(data, new Set(['dns'])), ['also-gone', 'gone']);
    data.vanishedReported = ['gone'];
    assert.deepEqual(vanishedTopicIds(data, new Set(['dns'])), ['also-gone']);
  });

  it('shows a note without its heading, shortened', () => {
    assert.equal(
      noteExcerpt('# DNS\n\nA records map names\nto IPv4.\n\n## Later\nTTL matters.'),
      'A records map names to IPv4. TTL matters.',
    );
    assert.equal(noteExcerpt('# Empty\n'), '');
    assert.ok(noteExcerpt('x '.repeat(500), 20).endsWith('…'));
  });
});
