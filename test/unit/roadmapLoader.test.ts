import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadCompiledCatalog } from '../../src/core/catalog';
import { compileRoadmaps, loadCatalog } from '../../src/core/roadmapFiles';
import { formatProblem } from '../../src/core/problems';
import { loadRoadmap } from '../../src/core/roadmapYaml';

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
      await fs.writeFile(file, JSON.stringify(compiled));
      const fromJson = await loadCompiledCatalog(file, path.join(roadmapsDir, 'exercises'));
      const fromYaml = await loadCatalog(roadmapsDir);
      assert.deepEqual(fromJson.problems, []);
      assert.deepEqual(fromJson.roadmaps.map((r) => r.roadmap), fromYaml.roadmaps.map((r) => r.roadmap));
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
    const text = minimal(
      topic('a') + topic('a') + topic('b', '        prerequisites: [ghost]\n        exercises: [nope]\n'),
    );
    const result = loadRoadmap(text, 'refs.yaml', { knownExercises: new Set(['express-route']) });
    assert.equal(result.ok, false);
    const messages = !result.ok ? result.problems.map((p) => p.message) : [];
    assert.ok(messages.some((m) => /duplicate id "a"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /unknown topic id "ghost"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /unknown exercise id "nope"/.test(m)), messages.join('\n'));
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
      assert.deepEqual(catalog.roadmaps.map((r) => r.roadmap.id), ['backend']);
      assert.ok(catalog.problems.length > 0);
      assert.ok(catalog.problems.every((p) => p.file.endsWith('broken.yaml')));
      assert.match(formatProblem(catalog.problems[0]!), /broken\.yaml:\d+:\d+: /);
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

    it('resolves a track into a roadmap made of its base roadmap\'s topics', () => {
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
      assert.deepEqual(result.value.phases[0]?.topics.map((t) => t.id), ['c', 'a']);
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
      assert.deepEqual(problems.map((p) => [p.line, p.message]), [
        [10, 'phases[0].topics[1]: unknown topic id "nope" (not in roadmap "demo")'],
        [10, 'phases[0].topics[2]: topic "a" is already in this track'],
      ]);
    });

    it('reports a track whose base roadmap does not exist', () => {
      const text = 'schemaVersion: 1\nkind: track\nid: t\ntitle: T\ndescription: D.\nbasedOn: missing\nphases:\n  - id: p\n    title: P\n    topics: [a]\n';
      const result = loadRoadmap(text, 't.yaml', { bases: new Map() });
      assert.equal(result.ok, false);
      assert.deepEqual(!result.ok && [result.problems[0]?.line, result.problems[0]?.message], [6, 'basedOn: unknown roadmap "missing"']);
    });
  });
});
