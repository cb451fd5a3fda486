import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileCatalog, compiledDetailsLoader, loadCompiledCatalog } from '../../src/domain/roadmap/catalog';
import type { Catalog } from '../../src/domain/roadmap/catalog';
import { CatalogService } from '../../src/domain/roadmap/catalogService';
import { allExercisesPassed, isComplete, isProvenByExercises } from '../../src/domain/roadmap/completion';
import { findTopic } from '../../src/domain/roadmap/lookup';
import { emptyProgress } from '../../src/domain/progress/progress';
import type { Roadmap, Topic, TopicDetails } from '../../src/domain/roadmap/schema';

const topic = (id: string, exercises: string[] = []): Topic => ({
  id,
  title: id.toUpperCase(),
  summary: `about ${id}`,
  why: `why ${id}`,
  estimatedHours: 2,
  prerequisites: [],
  checklist: [{ id: 'i1', text: `tick ${id}` }],
  resources: [{ title: 'r', url: 'https://example.org', type: 'docs' }],
  exercises,
  questions: [],
});

const roadmap = (id: string, topics: Topic[]): Roadmap => ({
  schemaVersion: 1,
  kind: 'roadmap',
  id,
  title: id,
  description: 'd',
  renamed: {},
  paths: [{ id: 'path', title: 'Path', summary: 's', topics: [topics[0]?.id ?? ''] }],
  projects: [],
  phases: [{ id: `${id}-p`, title: 'P', topics }],
});

const a = topic('a');
const b = topic('b', ['ex']);
// A track reuses its base's topic objects, as the loader builds it.
const full: Catalog<Roadmap> = {
  roadmaps: [
    { roadmap: roadmap('base', [a, b]), file: '/x/roadmaps/base.yaml' },
    { roadmap: { ...roadmap('track', [b]), paths: [] }, file: '/x/roadmaps/track.yaml' },
  ],
  exercises: [],
  problems: [],
};

describe('catalog service and compiled catalog', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'catalog-'));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes each topic once: later roadmaps name it by id, and loading restores the same outlines', async () => {
    const { index, details } = compileCatalog(full, (f) => `roadmaps/${path.basename(f)}`);
    assert.equal(typeof index.roadmaps[0]?.roadmap.phases[0]?.topics[1], 'object');
    assert.equal(index.roadmaps[1]?.roadmap.phases[0]?.topics[0], 'b');
    assert.deepEqual(Object.keys(details.topics).sort(), ['a', 'b']);
    // Outlines carry what the tree needs and nothing of the details.
    assert.equal('why' in (index.roadmaps[0]?.roadmap.phases[0]?.topics[0] as object), false);
    await fs.mkdir(path.join(dir, 'dist'), { recursive: true });
    const indexFile = path.join(dir, 'dist', 'roadmaps.json');
    await fs.writeFile(indexFile, JSON.stringify(index));
    const loaded = loadCompiledCatalog(indexFile, path.join(dir, 'exercises'));
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.roadmaps[1]?.roadmap.phases[0]?.topics, [index.roadmaps[0]?.roadmap.phases[0]?.topics[1]]);
    assert.equal(loaded.roadmaps[0]?.file, path.join(dir, 'roadmaps', 'base.yaml'));
  });

  it('reports a damaged or outdated index as a problem instead of throwing', async () => {
    const bad = path.join(dir, 'bad.json');
    await fs.writeFile(bad, '{"version":2,"sources":[]}');
    assert.match(loadCompiledCatalog(bad, dir).problems[0]?.message ?? '', /unknown format/);
    await fs.writeFile(bad, '{"version":3,');
    assert.equal(loadCompiledCatalog(bad, dir).problems.length, 1);
    assert.equal(loadCompiledCatalog(path.join(dir, 'missing.json'), dir).roadmaps.length, 0);
  });

  it('reads details once, on first use, and refuses unknown ids', async () => {
    const file = path.join(dir, 'topics.json');
    await fs.writeFile(file, JSON.stringify(compileCatalog(full, (f) => f).details));
    const read = compiledDetailsLoader(file);
    assert.equal((await read('a'))?.why, 'why a');
    await fs.rm(file);
    // Cached: the file is not read again.
    assert.equal((await read('b'))?.checklist[0]?.text, 'tick b');
    assert.equal(await read('constructor'), undefined);
  });

  it('looks topics up in the preferred roadmap first, completes them from details, and announces a new catalog', async () => {
    const { index, details } = compileCatalog(full, (f) => f);
    const outline: Catalog = {
      roadmaps: index.roadmaps.map((r, i) => ({ file: `${i}`, roadmap: full.roadmaps[i]?.roadmap ?? assert.fail() })),
      exercises: [],
      problems: [],
    };
    let reads = 0;
    const service = new CatalogService(outline, (id): Promise<TopicDetails | undefined> => {
      reads++;
      return Promise.resolve(details.topics[id]);
    });
    assert.equal(service.choices.length, 3, 'two roadmaps and one career path');
    const track = service.roadmaps[1] ?? assert.fail();
    assert.equal(service.topic('b', track)?.phase.id, 'track-p');
    assert.equal(service.topic('b')?.phase.id, 'base-p');
    assert.equal(service.topic('nope'), undefined);
    // Whole topics from YAML need no reads.
    assert.equal((await service.fullTopic('a'))?.topic.why, 'why a');
    assert.equal(reads, 0);

    const lean: Catalog = {
      roadmaps: [
        {
          file: 'f',
          roadmap: {
            ...roadmap('lean', []),
            phases: [
              {
                id: 'lp',
                title: 'L',
                topics: [
                  { id: 'a', title: 'A', summary: 's', estimatedHours: 1, prerequisites: [], exercises: [], checklist: [{ id: 'i1' }] },
                ],
              },
            ],
          },
        },
      ],
      exercises: [],
      problems: [],
    };
    const seen: number[] = [];
    service.onDidChange((c) => seen.push(c.roadmaps.length));
    service.replace(lean);
    assert.deepEqual(seen, [1]);
    assert.equal(service.topic('b'), undefined);
    const whole = await service.fullRoadmap(service.roadmaps[0] ?? assert.fail());
    assert.equal(whole.phases[0]?.topics[0]?.checklist[0]?.text, 'tick a');
    assert.equal(reads, 1);
    service.dispose();
  });

  it('has one lookup, searching roadmaps in the order given', () => {
    const [base, track] = full.roadmaps.map((r) => r.roadmap);
    assert.equal(findTopic([track, base], 'b')?.phase.id, 'track-p');
    assert.equal(findTopic([undefined, base], 'a')?.topic.title, 'A');
    assert.equal(findTopic([base], 'constructor'), undefined);
  });

  it('has one completion rule file: ticks and exercises offer done, passing exercises prove it', () => {
    const none = emptyProgress();
    const passed = { ...none, exercises: { ex: { passedAt: 't' } } };
    const ticked = { ...passed, topics: { b: { checked: ['i1'], updatedAt: 't' } } };
    assert.equal(allExercisesPassed(a, none), true);
    assert.equal(isProvenByExercises(a, none), false, 'a topic without exercises is never proven by them');
    assert.equal(isProvenByExercises(b, passed), true);
    assert.equal(isComplete(b, passed), false, 'an unticked item keeps it from complete');
    assert.equal(isComplete(b, ticked), true);
  });
});
