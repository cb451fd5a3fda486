import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compiledDetailsLoader, loadCompiledCatalog, withDetails } from '../../src/domain/roadmap/catalog';
import { compileRoadmaps, loadCatalog } from '../../src/domain/roadmap/files';
import { formatProblem } from '../../src/domain/shared/problems';
import type { Problem } from '../../src/domain/shared/problems';
import { maxProblems, validateRoadmap } from '../../src/domain/roadmap/validate';
import { loadRoadmap, maxAliasExpansion, maxYamlDepth } from '../../src/domain/roadmap/yaml';
import { mulberry32 } from '../fuzz/fuzz';

const roadmapsDir = path.join(__dirname, '..', '..', 'roadmaps');

const minimal = (topicsYaml: string, extra = '') => `schemaVersion: 1
id: demo
title: Demo
description: A small roadmap.
${extra}phases:
  - id: p1
    title: Phase one
    topics:
${topicsYaml}`;

const topic = (id: string, more = '') => `      - id: ${id}
        title: Topic ${id}
        summary: Summary of ${id}.
        why: Why ${id} matters.
        estimatedHours: 2
        checklist:
          - id: item-a
            text: Do the first thing.
        resources:
          - title: Docs
            url: https://example.org/${id}
            type: docs
${more}`;

describe('roadmap loader', () => {
  it('loads the bundled roadmaps and exercises without problems', async () => {
    const catalog = await loadCatalog(roadmapsDir);
    assert.deepEqual(catalog.problems.map(formatProblem), []);
    const backend = catalog.roadmaps.find((r) => r.roadmap.id === 'backend')?.roadmap;
    assert.ok(backend, 'backend roadmap loaded');
    assert.ok(backend.phases.length >= 2);
    assert.ok(backend.phases.flatMap((p) => p.topics).length >= 6);
    assert.ok(catalog.exercises.some((e) => e.id === 'express-route'));
  });

  it('compiles the bundled roadmaps to JSON that loads into the very same catalog', async () => {
    const dir = await fs.mkdtemp(path.join(roadmapsDir, '..', '.test-tmp-'));
    try {
      const compiled = await compileRoadmaps(roadmapsDir);
      const file = path.join(dir, 'roadmaps.json');
      await fs.writeFile(file, JSON.stringify(compiled.index));
      await fs.writeFile(path.join(dir, 'topics.json'), JSON.stringify(compiled.details));
      const fromJson = loadCompiledCatalog(file, path.join(roadmapsDir, 'exercises'));
      const fromYaml = await loadCatalog(roadmapsDir);
      assert.deepEqual(fromJson.problems, []);
      // The outline plus the lazily read details is the very same topic.
      const details = compiledDetailsLoader(path.join(dir, 'topics.json'));
      const whole = await Promise.all(
        fromJson.roadmaps.map(async ({ roadmap }) => ({
          ...roadmap,
          phases: await Promise.all(
            roadmap.phases.map(async (p) => ({
              ...p,
              topics: await Promise.all(p.topics.map(async (t) => withDetails(t, (await details(t.id)) ?? assert.fail(t.id)))),
            })),
          ),
        })),
      );
      assert.deepEqual(
        whole,
        fromYaml.roadmaps.map((r) => r.roadmap),
      );
      assert.deepEqual(fromJson.exercises, fromYaml.exercises);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to compile bad content, naming file, line and column', async () => {
    const dir = await fs.mkdtemp(path.join(roadmapsDir, '..', '.test-tmp-'));
    try {
      await fs.cp(path.join(roadmapsDir, 'exercises'), path.join(dir, 'exercises'), { recursive: true });
      await fs.writeFile(path.join(dir, 'bad.yaml'), minimal(topic('a').replace('estimatedHours: 2', 'estimatedHours: -2')));
      await assert.rejects(compileRoadmaps(dir), /bad\.yaml:\d+:\d+: phases\[0\]\.topics\[0\]\.estimatedHours: /);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts a valid minimal roadmap and fills defaults', () => {
    const result = loadRoadmap(minimal(topic('a') + topic('b', '        prerequisites: [a]\n')), 'demo.yaml');
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.deepEqual(result.value.phases[0]?.topics[0]?.prerequisites, []);
    assert.deepEqual(result.value.phases[0]?.topics[1]?.prerequisites, ['a']);
    assert.deepEqual(result.value.renamed, {});
  });

  it('reports malformed YAML with file, line and column', () => {
    const text = 'schemaVersion: 1\nid: demo\ntitle: [unclosed\ndescription: x\n';
    const result = loadRoadmap(text, 'bad.yaml');
    assert.equal(result.ok, false);
    const first = !result.ok ? result.problems[0] : undefined;
    assert.ok(first);
    assert.equal(first.file, 'bad.yaml');
    assert.ok(first.line >= 3, `line ${first.line}`);
    assert.match(first.message, /^YAML: /);
  });

  it('reports duplicate YAML keys at their position', () => {
    const result = loadRoadmap('schemaVersion: 1\nid: a\nid: b\n', 'dup.yaml');
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && [result.problems[0]?.line, result.problems[0]?.col], [3, 1]);
  });

  it('points a missing field at the topic that lacks it', () => {
    const text = minimal(topic('a').replace('        why: Why a matters.\n', ''));
    const result = loadRoadmap(text, 'missing.yaml');
    assert.equal(result.ok, false);
    const p = !result.ok ? result.problems[0] : undefined;
    assert.ok(p);
    assert.match(p.message, /phases\[0\]\.topics\[0\]\.why/);
    // The topic mapping starts on line 9, column 9 ("id: a" after "- ").
    assert.deepEqual([p.line, p.col], [9, 9]);
  });

  it('points a bad value at the value itself', () => {
    const text = minimal(topic('a').replace('https://example.org/a', 'http://example.org/a'));
    const result = loadRoadmap(text, 'http.yaml');
    assert.equal(result.ok, false);
    const p = !result.ok ? result.problems[0] : undefined;
    assert.ok(p);
    assert.match(p.message, /resources\[0\]\.url: must be an https URL/);
    const line = text.split('\n').findIndex((l) => l.includes('http://example.org/a')) + 1;
    assert.equal(p.line, line);
  });

  it('rejects ids that are not slugs', () => {
    const result = loadRoadmap(minimal(topic('Not A Slug')), 'slug.yaml');
    assert.equal(result.ok, false);
    assert.match(!result.ok ? (result.problems[0]?.message ?? '') : '', /lowercase slug/);
  });

  it('reports prerequisite cycles', () => {
    const text = minimal(topic('a', '        prerequisites: [c]\n') + topic('b') + topic('c', '        prerequisites: [b, a]\n'));
    const result = loadRoadmap(text, 'cycle.yaml');
    assert.equal(result.ok, false);
    const messages = !result.ok ? result.problems.map((p) => p.message) : [];
    assert.deepEqual(messages.length, 1, messages.join('\n'));
    assert.match(messages[0] ?? '', /prerequisite cycle: (a -> c -> a|c -> a -> c)/);
  });

  it('reports duplicate ids, unknown prerequisites and unknown exercises', () => {
    const text = minimal(topic('a') + topic('a') + topic('b', '        prerequisites: [ghost]\n        exercises: [nope]\n'));
    const result = loadRoadmap(text, 'refs.yaml', { knownExercises: new Set(['express-route']) });
    assert.equal(result.ok, false);
    const messages = !result.ok ? result.problems.map((p) => p.message) : [];
    assert.ok(
      messages.some((m) => /duplicate id "a"/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /unknown topic id "ghost"/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /unknown exercise id "nope"/.test(m)),
      messages.join('\n'),
    );
  });

  it('rejects a renamed id that is still in use', () => {
    const result = loadRoadmap(minimal(topic('a'), 'renamed:\n  a: b\n'), 'renamed.yaml');
    assert.equal(result.ok, false);
    assert.match(!result.ok ? (result.problems[0]?.message ?? '') : '', /renamed but still used/);
  });

  it('keeps loading good files when one roadmap file is broken', async () => {
    const dir = await fs.mkdtemp(path.join(roadmapsDir, '..', '.test-tmp-'));
    try {
      await fs.cp(path.join(roadmapsDir, 'exercises'), path.join(dir, 'exercises'), { recursive: true });
      await fs.copyFile(path.join(roadmapsDir, 'backend.yaml'), path.join(dir, 'backend.yaml'));
      await fs.writeFile(path.join(dir, 'broken.yaml'), 'schemaVersion: 1\nid: broken\n  title: : :\n');
      const catalog = await loadCatalog(dir);
      assert.deepEqual(
        catalog.roadmaps.map((r) => r.roadmap.id),
        ['backend'],
      );
      assert.ok(catalog.problems.length > 0);
      assert.ok(catalog.problems.every((p) => p.file.endsWith('broken.yaml')));
      assert.match(formatProblem(catalog.problems[0] ?? assert.fail('a problem')), /broken\.yaml:\d+:\d+: /);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  describe('paths, projects and tracks', () => {
    const base = () => {
      const r = loadRoadmap(minimal(topic('a') + topic('b', '        prerequisites: [a]\n') + topic('c')), 'base.yaml');
      assert.ok(r.ok);
      return r.value;
    };

    it('checks that career paths and projects reference existing topics', () => {
      const extra = `paths:
  - id: api-developer
    title: API developer
    summary: Builds APIs.
    topics: [a, ghost]
projects:
  - id: todo-app
    title: Todo app
    summary: A first CRUD app.
    level: beginner
    topics: [b]
    milestones: [Store todos.]
`;
      const result = loadRoadmap(minimal(topic('a') + topic('b')) + extra, 'paths.yaml');
      assert.equal(result.ok, false);
      const problems = !result.ok ? result.problems : [];
      assert.equal(problems.length, 1);
      assert.match(problems[0]?.message ?? '', /paths\[0\]\.topics\[1\]: unknown topic id "ghost"/);
      const line = (minimal(topic('a') + topic('b')) + extra).split('\n').findIndex((l) => l.includes('[a, ghost]')) + 1;
      assert.equal(problems[0]?.line, line);
    });

    it("resolves a track into a roadmap made of its base roadmap's topics", () => {
      const text = `schemaVersion: 1
kind: track
id: fast
title: Fast track
description: The short way.
basedOn: demo
phases:
  - id: week-one
    title: Week one
    estimatedHours: 20
    topics: [c, a]
`;
      const result = loadRoadmap(text, 'fast.yaml', { bases: new Map([['demo', base()]]) });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
      assert.equal(result.value.id, 'fast');
      assert.deepEqual(
        result.value.phases[0]?.topics.map((t) => t.id),
        ['c', 'a'],
      );
      assert.equal(result.value.phases[0]?.estimatedHours, 20);
      // Topics come whole from the base, under the same ids, so progress is shared with it.
      assert.equal(result.value.phases[0]?.topics[1]?.summary, 'Summary of a.');
      assert.deepEqual(result.value.phases[0]?.topics[0]?.checklist, base().phases[0]?.topics[2]?.checklist);
    });

    it('reports unknown and repeated topic ids in a track at their position', () => {
      const text = `schemaVersion: 1
kind: track
id: fast
title: Fast track
description: The short way.
basedOn: demo
phases:
  - id: week-one
    title: Week one
    topics: [a, nope, a]
`;
      const result = loadRoadmap(text, 'fast.yaml', { bases: new Map([['demo', base()]]) });
      assert.equal(result.ok, false);
      const problems = !result.ok ? result.problems : [];
      assert.deepEqual(
        problems.map((p) => [p.line, p.message]),
        [
          [10, 'phases[0].topics[1]: unknown topic id "nope" (not in roadmap "demo")'],
          [10, 'phases[0].topics[2]: topic "a" is already in this track'],
        ],
      );
    });

    it('reports a track whose base roadmap does not exist', () => {
      const text =
        'schemaVersion: 1\nkind: track\nid: t\ntitle: T\ndescription: D.\nbasedOn: missing\nphases:\n  - id: p\n    title: P\n    topics: [a]\n';
      const result = loadRoadmap(text, 't.yaml', { bases: new Map() });
      assert.equal(result.ok, false);
      assert.deepEqual(!result.ok && [result.problems[0]?.line, result.problems[0]?.message], [6, 'basedOn: unknown roadmap "missing"']);
    });
  });

  describe('never throws, and says where', () => {
    const rejected = (text: string): Problem[] => {
      const result = loadRoadmap(text, 'x.yaml');
      assert.equal(result.ok, false);
      const problems = !result.ok ? result.problems : [];
      assert.ok(problems.length > 0);
      for (const p of problems) {
        assert.equal(p.file, 'x.yaml');
        assert.ok(Number.isInteger(p.line) && p.line >= 1 && Number.isInteger(p.col) && p.col >= 1, formatProblem(p));
      }
      return problems;
    };

    it('refuses a "billion laughs" document at the alias where expansion passes the limit', () => {
      const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let k = 1; k <= 9; k++)
        lines.push(
          `l${k}: &l${k} [${Array(10)
            .fill(`*l${k - 1}`)
            .join(', ')}]`,
        );
      const [p] = rejected(`${lines.join('\n')}\n`);
      // Line 5's aliases each add 11,110 nodes; the 8th takes the total past the limit.
      assert.equal(maxAliasExpansion, 100_000);
      const eighth = (lines[4] ?? '').split('*l3').slice(0, 8).join('*l3').length + 1;
      assert.deepEqual([p?.line, p?.col], [5, eighth]);
      assert.match(p?.message ?? '', /aliases expand to more than 100000 extra nodes/);
    });

    it('reports aliases without an anchor before them', () => {
      assert.deepEqual(
        rejected('schemaVersion: 1\nid: *nope\n').map((p) => [p.line, p.col, p.message]),
        [[2, 5, 'YAML: alias *nope has no anchor &nope before it']],
      );
      assert.deepEqual(
        rejected('a: *x\nb: &x 1\n').map((p) => [p.line, p.col]),
        [[1, 4]],
      );
    });

    it('reads an alias inside its own anchor (a cycle) without looping', () => {
      assert.match(rejected('self: &s [*s, {again: *s}]\n')[0]?.message ?? '', /self|schemaVersion/);
    });

    it('refuses 5,000 levels of nesting in every YAML style', function () {
      // A bound against a hang, not a speed test (5 s alone, twice that on a loaded machine); speed is for npm run bench.
      this.timeout(120_000);
      const n = 5000;
      const styles = {
        'flow sequence': `phases: ${'['.repeat(n)}${']'.repeat(n)}\n`,
        'flow map': `phases: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
        'block sequence': `${'- '.repeat(n)}x\n`,
        // Block maps grow quadratically with depth, so 1,000 levels (half a megabyte).
        'block map': `${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`,
      };
      for (const [style, text] of Object.entries(styles)) {
        const problems = rejected(text);
        assert.ok(
          problems.every((p) => /^YAML: nested (too deeply to read|more than 100 levels deep)/.test(p.message)),
          `${style}: ${problems.map(formatProblem).join('\n')}`,
        );
      }
      // Unclosed, it is a syntax error first.
      assert.match(rejected(`phases: ${'['.repeat(n)}\n`)[0]?.message ?? '', /^YAML: /);
    });

    it(`points at the first collection nested more than ${maxYamlDepth} levels deep`, () => {
      // The root map is level 1, so the 100th bracket (column 8 + 100) is level 101.
      const text = `schemaVersion: 1\nphases: ${'['.repeat(150)}${']'.repeat(150)}\n`;
      assert.deepEqual(
        rejected(text).map((p) => [p.line, p.col, p.message]),
        [[2, 8 + maxYamlDepth, `YAML: nested more than ${maxYamlDepth} levels deep`]],
      );
    });

    it('reports lines right after a token yaml recovered from', () => {
      // yaml's LineCounter misses the newline inside the broken token and put this at 2:16.
      const problems = rejected('id: x\ntitle: {{a}"\n{\n');
      assert.deepEqual(
        problems.map((p) => [p.line, p.col]),
        [
          [2, 12],
          [4, 1],
        ],
      );
    });

    it('reads 50,000 map keys in linear time, reporting the first problems and how many more', function () {
      this.timeout(5000);
      const text = `renamed:\n${Array.from({ length: 50_000 }, (_, k) => `  k${k}: Not A Slug`).join('\n')}\n`;
      const problems = rejected(text);
      assert.equal(problems.length, maxProblems + 1);
      assert.match(problems.at(-1)?.message ?? '', /^… and \d+ more problems$/);
      assert.match(rejected('a: 1\nb: {x: 1, y: 2, x: 3}\n')[0]?.message ?? '', /^YAML: Map keys must be unique \("x" repeats\)/);
    });

    it('refuses more anchors and aliases than resolve quickly', function () {
      this.timeout(5000);
      const text = Array.from({ length: 20_000 }, (_, k) => `- &a${k} ${k}\n- *a${k}`).join('\n');
      const [p] = rejected(text);
      assert.match(p?.message ?? '', /^YAML: too many anchors and aliases to resolve/);
      assert.ok((p?.line ?? 0) > 1000);
    });

    it('keeps __proto__ and constructor keys as plain data', () => {
      const ok = loadRoadmap(
        minimal(topic('constructor') + topic('b', '        prerequisites: [constructor]\n'), 'renamed:\n  to-string: b\n  __proto__: b\n'),
        'p.yaml',
      );
      assert.ok(ok.ok, JSON.stringify(!ok.ok && ok.problems));
      assert.deepEqual(
        ok.value.phases[0]?.topics.map((t) => t.id),
        ['constructor', 'b'],
      );
      const bad = rejected(`__proto__: {polluted: true}\n${minimal(topic('a'))}`);
      assert.match(bad[0]?.message ?? '', /__proto__/);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });

  describe('validation of parsed data', () => {
    const rawTopic = (id: string, prerequisites: string[]) => ({
      id,
      title: id,
      summary: 's',
      why: 'w',
      estimatedHours: 1,
      prerequisites,
      checklist: [{ id: 'item', text: 't' }],
      resources: [{ title: 'd', url: 'https://example.org', type: 'docs' }],
    });
    const rawRoadmap = (topics: unknown[]) => ({
      schemaVersion: 1,
      id: 'r',
      title: 'R',
      description: 'D',
      phases: [{ id: 'p', title: 'P', topics }],
    });
    // Where each problem points: line = topic index + 1.
    const locate = (path: readonly (string | number)[]) => ({ line: Number(path[3] ?? 0) + 1, col: 1 });

    /** The recursive search validateRoadmap used before it had an explicit stack. */
    const recursiveCycles = (topics: { id: string; prerequisites: string[] }[]): string[] => {
      const graph = new Map(topics.map((t, i) => [t.id, { prereqs: t.prerequisites.filter((x) => x !== t.id), line: i + 1 }]));
      const state = new Map<string, 'visiting' | 'done'>();
      const stack: string[] = [];
      const out: string[] = [];
      const visit = (id: string): void => {
        state.set(id, 'visiting');
        stack.push(id);
        for (const next of graph.get(id)?.prereqs ?? []) {
          if (!graph.has(next)) continue;
          const s = state.get(next);
          if (s === 'visiting')
            out.push(`${graph.get(id)?.line}: prerequisite cycle: ${[...stack.slice(stack.indexOf(next)), next].join(' -> ')}`);
          else if (s === undefined) visit(next);
        }
        stack.pop();
        state.set(id, 'done');
      };
      for (const id of graph.keys()) if (!state.has(id)) visit(id);
      return out;
    };

    it('finds the same prerequisite cycles as the recursive search it replaced', () => {
      const rng = mulberry32(3);
      const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
      for (let n = 0; n < 2000; n++) {
        const count = 1 + Math.floor(rng() * ids.length);
        const topics = ids.slice(0, count).map((id) => ({ id, prerequisites: ids.filter(() => rng() < 0.3) }));
        const result = validateRoadmap(rawRoadmap(topics.map((t) => rawTopic(t.id, t.prerequisites))), 'r.json', {}, locate);
        const cycles = result.ok
          ? []
          : result.problems.filter((p) => p.message.includes('cycle')).map((p) => `${p.line}: ${p.message.replace(/^[^:]*: /, '')}`);
        assert.deepEqual(cycles, recursiveCycles(topics), JSON.stringify(topics));
      }
    });

    it('walks a 10,000-topic prerequisite chain, and shortens the cycle it closes', function () {
      this.timeout(10_000);
      const n = 10_000;
      const chain = Array.from({ length: n }, (_, i) => rawTopic(`t${i}`, i + 1 < n ? [`t${i + 1}`] : []));
      assert.equal(validateRoadmap(rawRoadmap(chain), 'r.json', {}, locate).ok, true);
      chain[n - 1] = rawTopic(`t${n - 1}`, ['t0']);
      const result = validateRoadmap(rawRoadmap(chain), 'r.json', {}, locate);
      assert.ok(!result.ok);
      assert.deepEqual(
        result.problems.map((p) => [p.line, p.message]),
        [
          [
            n,
            `phases[0].topics[${n - 1}].prerequisites: prerequisite cycle: t0 -> t1 -> t2 -> t3 -> t4 -> … (${n + 1 - 10} more) -> t9996 -> t9997 -> t9998 -> t9999 -> t0`,
          ],
        ],
      );
    });

    it('never throws on values of the wrong type', () => {
      for (const raw of [
        null,
        undefined,
        0,
        'x',
        [],
        [[]],
        { kind: 'track' },
        { kind: 'track', basedOn: 'nope' },
        { phases: [null] },
        { __proto__: null },
        rawRoadmap([null, 1, 'x', []]),
      ]) {
        const result = validateRoadmap(raw, 'r.json');
        assert.equal(result.ok, false, JSON.stringify(raw));
      }
    });

    it(`reports at most ${maxProblems} problems, then how many more`, () => {
      const topics = [
        rawTopic(
          'a',
          Array.from({ length: 150 }, (_, i) => `ghost-${i}`),
        ),
      ];
      const result = validateRoadmap(rawRoadmap(topics), 'r.json');
      assert.ok(!result.ok);
      assert.equal(result.problems.length, maxProblems + 1);
      assert.equal(result.problems.at(-1)?.message, '… and 50 more problems');
    });
  });
});
