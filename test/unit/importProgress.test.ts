import * as assert from 'node:assert/strict';
import { mergeProgress, noteExcerpt, parseImport, previewImport, vanishedTopicIds } from '../../src/core/importProgress';
import { emptyProgress } from '../../src/core/progress';
import type { ProgressData } from '../../src/core/progress';

const progress = (topics: ProgressData['topics'], exercises: ProgressData['exercises'] = {}): ProgressData => ({ ...emptyProgress(), topics, exercises });
const at = '2026-11-01T00:00:00.000Z';

describe('progress import', () => {
  it('reads Export Progress JSON and bare stored data, migrating version 1', () => {
    const exported = JSON.stringify({ exportedFrom: 'backend', progress: progress({ dns: { status: 'done', checked: [], updatedAt: at } }) });
    const a = parseImport(exported, 'export.json');
    assert.ok(a.ok);
    assert.equal(a.data.topics.dns?.status, 'done');
    const b = parseImport(JSON.stringify({ version: 1, topics: {}, exercises: {} }), 'old.json');
    assert.ok(b.ok);
    assert.equal(b.data.version, 2);
  });

  it('names the file, line and column of bad JSON, and says when it is not progress at all', () => {
    const bad = parseImport('{\n  "progress": {\n    "version": 2,,\n  }\n}', 'p.json');
    assert.ok(!bad.ok);
    assert.match(bad.message, /^p\.json:3:18: not valid JSON/);
    const other = parseImport('{"name": "some package"}', 'package.json');
    assert.ok(!other.ok);
    assert.match(other.message, /^package\.json: not Backend Roadmap progress/);
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
    const theirs = progress({ dns: { status: 'done', checked: ['b'], updatedAt: at }, sql: { status: 'skipped', checked: [], updatedAt: at } }, { y: { passedAt: at } });
    const merged = mergeProgress(mine, theirs);
    assert.equal(merged.topics.dns?.status, 'inProgress', 'an explicit status of mine wins');
    assert.deepEqual(merged.topics.dns?.checked, ['a', 'b']);
    assert.equal(merged.topics.sql?.status, 'skipped');
    assert.deepEqual(Object.keys(merged.exercises).sort(), ['x', 'y']);
  });
});

describe('vanished ids and notes', () => {
  it('reports stored topics no roadmap has, once', () => {
    const data = progress({ dns: { checked: [], updatedAt: at }, gone: { checked: ['x'], updatedAt: at }, 'also-gone': { checked: [], updatedAt: at } });
    assert.deepEqual(vanishedTopicIds(data, new Set(['dns'])), ['also-gone', 'gone']);
    data.vanishedReported = ['gone'];
    assert.deepEqual(vanishedTopicIds(data, new Set(['dns'])), ['also-gone']);
  });

  it('shows a note without its heading, shortened', () => {
    assert.equal(noteExcerpt('# DNS\n\nA records map names\nto IPv4.\n\n## Later\nTTL matters.'), 'A records map names to IPv4. TTL matters.');
    assert.equal(noteExcerpt('# Empty\n'), '');
    assert.ok(noteExcerpt('x '.repeat(500), 20).endsWith('…'));
  });
});
