// Course authoring: every diagnostic kind with its range, quick fixes, tracks on a bundled roadmap,
// and the last good version of a broken file.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { maxRoadmapBytes } from '../../src/domain/authoring/courseFolder';
import {
  checkCourseFiles,
  validateAuthoringFile,
  validateAuthoringFiles,
  withLastGood,
} from '../../src/domain/authoring/workspaceRoadmaps';
import type { AuthoringContext } from '../../src/domain/authoring/workspaceRoadmaps';
import { loadCatalog } from '../../src/domain/roadmap/files';
import { roadmapChoices, withWorkspace } from '../../src/domain/roadmap/catalog';
import type { Catalog } from '../../src/domain/roadmap/catalog';
import type { Problem, TextEdit } from '../../src/domain/shared/problems';
import type { Roadmap } from '../../src/domain/roadmap/schema';

const roadmapsDir = path.join(__dirname, '..', '..', 'roadmaps');
const file = '/ws/.backend-roadmap/course.yaml';

const topic = (id: string, indent: string, more = '') =>
  [
    `- id: ${id}`,
    `  title: Topic ${id}`,
    `  summary: Summary of ${id}.`,
    `  why: Why ${id} matters.`,
    `  estimatedHours: 2`,
    `  checklist:`,
    `    - id: item-a`,
    `      text: Do the first thing.`,
    `  resources:`,
    `    - title: Docs`,
    `      url: https://example.org/${id}`,
    `      type: docs`,
    ...more
      .split('\n')
      .filter(Boolean)
      .map((l) => `  ${l}`),
  ]
    .map((l) => indent + l)
    .join('\n');

const roadmap = (topics: string, id = 'course') =>
  `schemaVersion: 1\nid: ${id}\ntitle: Course\ndescription: Our course.\nphases:\n  - id: p1\n    title: Phase one\n    topics:\n${topics}\n`;

let bundled: Roadmap[];
let bundledCatalog: Catalog;
let context: AuthoringContext;

before(async () => {
  const catalog = await loadCatalog(roadmapsDir);
  bundledCatalog = catalog;
  bundled = catalog.roadmaps.map((r) => r.roadmap);
  context = {
    bundled,
    exerciseIds: new Set(['mine', ...catalog.exercises.map((e) => e.id)]),
    exerciseHint: ' (no folder .backend-roadmap/exercises/<id>/)',
  };
});

/** The text a problem's range covers. */
function covered(text: string, p: Problem): string {
  const lines = text.split('\n');
  const offset = (l: number, c: number) => lines.slice(0, l - 1).reduce((n, x) => n + x.length + 1, 0) + c - 1;
  assert.ok(p.end, `${p.message} has a range`);
  return text.slice(offset(p.line, p.col), offset(p.end.line, p.end.col));
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (pos: { line: number; col: number }) => lines.slice(0, pos.line - 1).reduce((n, x) => n + x.length + 1, 0) + pos.col - 1;
  return [...edits]
    .sort((a, b) => offset(b.start) - offset(a.start))
    .reduce((t, e) => t.slice(0, offset(e.start)) + e.text + t.slice(offset(e.end)), text);
}

function only(text: string): Problem {
  const result = validateAuthoringFile({ file, text }, context, []);
  assert.equal(result.roadmap, undefined, 'the file has a problem');
  assert.equal(result.problems.length, 1, result.problems.map((p) => p.message).join('\n'));
  const [p] = result.problems;
  assert.ok(p);
  return p;
}

describe('authoring: diagnostics with their ranges', () => {
  it('loads a valid workspace roadmap', () => {
    const result = validateAuthoringFile({ file, text: roadmap(topic('alpha', '      ')) }, context, []);
    assert.deepEqual(result.problems, []);
    assert.equal(result.roadmap?.phases[0]?.topics[0]?.id, 'alpha');
  });

  it('YAML syntax: the line and column of the error', () => {
    const text = roadmap(topic('alpha', '      ')).replace('title: Phase one', 'title: [Phase one');
    const p = only(text);
    assert.match(p.message, /^YAML: /);
    assert.ok(p.line >= 7, `at line ${p.line}`);
  });

  it('schema: a missing field underlines the map that lacks it, and offers the id when the id is missing', () => {
    const text = roadmap(topic('alpha', '      ').replace('      - id: alpha\n        title: Topic alpha', '      - title: Topic alpha'));
    const p = only(text);
    assert.equal(p.message, 'phases[0].topics[0].id: missing required field "id"');
    assert.equal(covered(text, p), 'title: Topic alpha');
    assert.ok(p.fix, 'a quick fix');
    assert.equal(p.fix.title, 'Add the missing id "topic-alpha"');
    const fixed = applyEdits(text, p.fix.edits);
    assert.match(fixed, /\n {6}- id: topic-alpha\n {8}title: Topic alpha\n/);
    assert.deepEqual(validateAuthoringFile({ file, text: fixed }, context, []).problems, []);
  });

  it('schema: an unknown field is underlined itself', () => {
    const text = roadmap(topic('alpha', '      ', 'colour: blue'));
    const p = only(text);
    assert.equal(p.message, 'phases[0].topics[0].colour: unknown field "colour"');
    assert.equal(covered(text, p), 'blue');
  });

  it('schema: a wrong value is underlined exactly', () => {
    const text = roadmap(topic('alpha', '      ').replace('https://example.org/alpha', 'http://example.org/alpha'));
    const p = only(text);
    assert.match(p.message, /resources\[0\]\.url: must be an https URL/);
    assert.equal(covered(text, p), 'http://example.org/alpha');
  });

  it('an unknown prerequisite is underlined, and removed by its fix (block and flow lists, the only item too)', () => {
    const block = roadmap(`${topic('alpha', '      ')}\n${topic('beta', '      ', 'prerequisites:\n  - alpha\n  - gamma')}`);
    const p = only(block);
    assert.equal(p.message, 'phases[0].topics[1].prerequisites[1]: unknown topic id "gamma"');
    assert.equal(covered(block, p), 'gamma');
    assert.equal(p.fix?.title, 'Remove "gamma"');
    const fixed = applyEdits(block, p.fix.edits);
    assert.match(fixed, /prerequisites:\n {10}- alpha\n(?! {10}- gamma)/);
    assert.deepEqual(validateAuthoringFile({ file, text: fixed }, context, []).problems, []);

    const lone = roadmap(topic('alpha', '      ', 'prerequisites:\n  - gamma'));
    const q = only(lone);
    assert.ok(q.fix);
    const loneFixed = applyEdits(lone, q.fix.edits);
    assert.match(loneFixed, /prerequisites: \[\]/);
    assert.deepEqual(validateAuthoringFile({ file, text: loneFixed }, context, []).problems, []);

    const flow = roadmap(`${topic('alpha', '      ')}\n${topic('beta', '      ', 'prerequisites: [gamma, alpha]')}`);
    const f = only(flow);
    assert.ok(f.fix);
    assert.match(applyEdits(flow, f.fix.edits), /prerequisites: \[alpha\]/);
  });

  it('a prerequisite cycle names the cycle', () => {
    const text = roadmap(`${topic('alpha', '      ', 'prerequisites: [beta]')}\n${topic('beta', '      ', 'prerequisites: [alpha]')}`);
    const p = only(text);
    assert.match(p.message, /prerequisite cycle: (alpha -> beta -> alpha|beta -> alpha -> beta)/);
    assert.ok(p.end);
  });

  it('a duplicate id points at the second use', () => {
    const text = roadmap(`${topic('alpha', '      ')}\n${topic('alpha', '      ')}`);
    const p = only(text);
    assert.match(p.message, /phases\[0\]\.topics\[1\]\.id: duplicate id "alpha"/);
    assert.equal(covered(text, p), 'alpha');
    assert.equal(p.line, 21);
  });

  it('an exercise with no folder says where the folder should be', () => {
    const text = roadmap(topic('alpha', '      ', 'exercises: [mine, not-there]'));
    const p = only(text);
    assert.equal(
      p.message,
      'phases[0].topics[0].exercises[1]: unknown exercise id "not-there" (no folder .backend-roadmap/exercises/<id>/)',
    );
    assert.equal(covered(text, p), 'not-there');
  });

  it('a roadmap id already used by a bundled roadmap is underlined at the id', () => {
    const text = roadmap(topic('alpha', '      '), 'backend');
    const p = only(text);
    assert.equal(p.message, 'id: roadmap id "backend" is already used by a bundled roadmap');
    assert.equal(covered(text, p), 'backend');
  });
});

const track = (body: string, extra = '') =>
  `schemaVersion: 1\nkind: track\nid: my-track\ntitle: Our track\ndescription: Built on the bundled roadmap.\nbasedOn: backend\n${extra}phases:\n  - id: start\n    title: Start here\n    topics:\n${body}\n`;

describe('authoring: reading a course folder', () => {
  it('reads the files in order; an oversized or unreadable file is a problem of its own, never parsed', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'course-files-'));
    try {
      const good = path.join(dir, 'a.yaml');
      const big = path.join(dir, 'b.yaml');
      const missing = path.join(dir, 'c.yaml');
      await fs.writeFile(good, roadmap(topic('alpha', '      ')));
      await fs.writeFile(big, `# ${'x'.repeat(maxRoadmapBytes)}\n`);
      const results = await checkCourseFiles(dir, [good, big, missing], context);
      assert.deepEqual(
        results.map((r) => r.file),
        [good, big, missing],
      );
      assert.equal(results[0]?.roadmap?.id, 'course');
      assert.match(results[1]?.problems[0]?.message ?? '', /larger than \d+ MB; not read/);
      assert.equal(results[1]?.roadmap, undefined);
      assert.match(results[2]?.problems[0]?.message ?? '', /^could not read the file/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('authoring: a workspace track on a bundled roadmap', () => {
  it('takes base topics by id, retitles them, and adds its own topics with their prerequisites on the base', () => {
    const base = bundled.find((r) => r.id === 'backend');
    const first = base?.phases[0]?.topics[0];
    assert.ok(first);
    const text = track(
      `      - ${first.id}\n${topic('our-own', '      ', `prerequisites: [${first.id}]\nexercises: [mine]`)}`,
      `titles:\n  ${first.id}: Our first steps\n`,
    );
    const result = validateAuthoringFile({ file, text }, context, []);
    assert.deepEqual(result.problems, []);
    const topics = result.roadmap?.phases[0]?.topics ?? [];
    assert.deepEqual(
      topics.map((t) => [t.id, t.title]),
      [
        [first.id, 'Our first steps'],
        ['our-own', 'Topic our-own'],
      ],
    );
    // The base topic keeps its content: only its title changed.
    assert.deepEqual({ ...topics[0], title: first.title }, first);
    assert.equal(base.phases[0]?.topics[0]?.title, first.title, 'the bundled roadmap is not changed');
  });

  it('a topic its base lacks is underlined, with a fix that removes it', () => {
    const text = track('      - no-such-topic');
    const p = only(text);
    assert.equal(p.message, 'phases[0].topics[0]: unknown topic id "no-such-topic" (not in roadmap "backend")');
    assert.equal(covered(text, p), 'no-such-topic');
    assert.equal(p.fix?.title, 'Remove "no-such-topic"');
  });

  it('an own topic may not reuse a bundled topic id, and a title override must name a topic of the track', () => {
    const taken = bundled[0]?.phases[0]?.topics[0]?.id ?? '';
    const p = only(track(topic(taken, '      ')));
    assert.match(p.message, /is already a topic of roadmap "backend"; name it by id to use it/);
    const q = only(track(topic('ours', '      '), 'titles:\n  elsewhere: Nope\n'));
    assert.equal(q.message, 'titles.elsewhere: "elsewhere" is not a topic of this track');
  });

  it('an unknown base lists the roadmaps it could be built on', () => {
    const p = only(track('      - x').replace('basedOn: backend', 'basedOn: frontend'));
    assert.match(p.message, /^basedOn: unknown roadmap "frontend" \(known: backend, /);
  });

  it('a track may be built on a workspace roadmap in another file', () => {
    const files = [
      { file: '/ws/.backend-roadmap/b-track.yaml', text: track('      - alpha').replace('basedOn: backend', 'basedOn: course') },
      { file, text: roadmap(topic('alpha', '      ')) },
    ];
    const results = validateAuthoringFiles(files, context);
    assert.deepEqual(
      results.map((r) => [path.basename(r.file), r.problems.length, r.roadmap?.id]),
      [
        ['b-track.yaml', 0, 'my-track'],
        ['course.yaml', 0, 'course'],
      ],
    );
  });
});

describe('authoring: the catalog with the workspace', () => {
  it("lists workspace roadmaps after the bundled ones, marked as the workspace's, with their exercises", () => {
    const result = validateAuthoringFile({ file, text: roadmap(topic('alpha', '      ')) }, context, []);
    assert.ok(result.roadmap);
    const exercise = {
      ...bundledCatalog.exercises[0],
      id: 'mine',
      dir: '/ws/.backend-roadmap/exercises/mine',
    } as Catalog['exercises'][number];
    const merged = withWorkspace(bundledCatalog, [{ file, roadmap: result.roadmap }], [exercise]);
    const choices = roadmapChoices(merged);
    assert.deepEqual(
      choices.filter((c) => c.kind === 'roadmap').map((c) => [c.roadmap.id, c.origin]),
      [...bundled.map((r) => [r.id, undefined]), ['course', 'workspace']],
    );
    assert.deepEqual(merged.exercises.at(-1), exercise);
    assert.equal(merged.exercises.length, bundledCatalog.exercises.length + 1);
    assert.equal(bundledCatalog.roadmaps.length, bundled.length, 'the bundled catalog is not changed');
  });
});

describe('authoring: the last good version', () => {
  it('keeps showing a broken file as it last loaded, says it is stale, and drops a deleted file', () => {
    const good = validateAuthoringFiles([{ file, text: roadmap(topic('alpha', '      ')) }], context);
    const first = withLastGood(new Map(), good);
    assert.deepEqual(
      first.shown.map((s) => [s.roadmap.id, s.stale]),
      [['course', false]],
    );
    const broken = validateAuthoringFiles(
      [{ file, text: roadmap(topic('alpha', '      ')).replace('title: Course', 'title: [') }],
      context,
    );
    const second = withLastGood(first.lastGood, broken);
    assert.deepEqual(
      second.shown.map((s) => [s.roadmap.id, s.stale, s.roadmap.phases[0]?.topics[0]?.id]),
      [['course', true, 'alpha']],
    );
    const fixed = validateAuthoringFiles([{ file, text: roadmap(topic('beta', '      ')) }], context);
    const third = withLastGood(second.lastGood, fixed);
    assert.deepEqual(
      third.shown.map((s) => [s.stale, s.roadmap.phases[0]?.topics[0]?.id]),
      [[false, 'beta']],
    );
    assert.deepEqual(withLastGood(third.lastGood, []).shown, []);
    // A file that never loaded has nothing to show.
    assert.deepEqual(withLastGood(new Map(), broken).shown, []);
  });
});

describe('authoring: edge cases found in review', () => {
  it('a track topic written out in full reports its own missing fields, with the add-id fix', () => {
    const own = topic('ours', '      ')
      .replace('      - id: ours\n        title: Topic ours', '      - title: Our topic')
      .replace(/\n {8}summary: .*/, '');
    const result = validateAuthoringFile({ file, text: track(own) }, context, []);
    assert.deepEqual(
      result.problems.map((p) => p.message),
      ['phases[0].topics[0].id: missing required field "id"', 'phases[0].topics[0].summary: missing required field "summary"'],
    );
    assert.equal(result.problems[0]?.fix?.title, 'Add the missing id "our-topic"');
  });

  it('an added id is unique across the whole file and quoted when YAML would read it as a number', () => {
    const text = roadmap(
      `${topic('http', '      ')}\n${topic('x', '      ').replace('      - id: x\n        title: Topic x', '      - title: HTTP')}`,
    );
    assert.equal(only(text).fix?.title, 'Add the missing id "http-2"');
    const numeric = roadmap(topic('x', '      ').replace('      - id: x\n        title: Topic x', '      - title: "404"'));
    const p = only(numeric);
    assert.ok(p.fix);
    const fixed = applyEdits(numeric, p.fix.edits);
    assert.match(fixed, /- id: "404"\n/);
    assert.deepEqual(validateAuthoringFile({ file, text: fixed }, context, []).problems, []);
  });

  it('offers no fix whose edit would leave the file unreadable', () => {
    const text = roadmap(`${topic('alpha', '      ')}\n${topic('beta', '      ', 'prerequisites: [nope,]')}`);
    const p = only(text);
    assert.match(p.message, /unknown topic id "nope"/);
    assert.equal(p.fix, undefined);
  });

  it('a track built on another track loads whatever the file order, and may not reuse a workspace topic id', () => {
    const files = [
      {
        file: '/ws/.backend-roadmap/a.yaml',
        text: track('      - alpha').replace('id: my-track', 'id: outer').replace('basedOn: backend', 'basedOn: my-track'),
      },
      { file: '/ws/.backend-roadmap/b.yaml', text: track('      - alpha').replace('basedOn: backend', 'basedOn: course') },
      { file, text: roadmap(topic('alpha', '      ')) },
    ];
    assert.deepEqual(
      validateAuthoringFiles(files, context).map((r) => [r.roadmap?.id, r.problems.length]),
      [
        ['outer', 0],
        ['my-track', 0],
        ['course', 0],
      ],
    );
    const reuse = validateAuthoringFiles(
      [
        { file, text: roadmap(topic('alpha', '      ')) },
        { file: '/ws/.backend-roadmap/t.yaml', text: track(topic('alpha', '      ')) },
      ],
      context,
    );
    assert.match(reuse[1]?.problems[0]?.message ?? '', /topic id "alpha" is already a topic of the workspace roadmap "course"/);
  });

  it('a copied file does not put two roadmaps with one id in the catalog', () => {
    const text = roadmap(topic('alpha', '      '));
    const first = withLastGood(new Map(), validateAuthoringFiles([{ file, text }], context));
    const copied = validateAuthoringFiles(
      [
        { file: '/ws/.backend-roadmap/course copy.yaml', text },
        { file, text },
      ],
      context,
    );
    const { shown } = withLastGood(first.lastGood, copied);
    assert.deepEqual(
      shown.map((s) => [path.basename(s.file), s.roadmap.id, s.stale]),
      [['course copy.yaml', 'course', false]],
    );
  });
});
