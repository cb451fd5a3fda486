// Content checks for the bundled roadmaps (issue: every topic of the five seed roadmaps, in our own words).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/domain/roadmap/files';
import type { Catalog } from '../../src/domain/roadmap/catalog';
import { formatProblem } from '../../src/domain/shared/problems';
import type { Question, Roadmap, Topic } from '../../src/domain/roadmap/schema';

const repoRoot = path.join(__dirname, '..', '..');
const roadmapsDir = path.join(repoRoot, 'roadmaps');
// The seeds live in the workplace's shared folder beside the clone; CI has it there too.
const seedsDir = path.join(repoRoot, '..', 'shared', 'seeds');

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[*_`#•✅⚡]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function topicTexts(t: Topic): string[] {
  return [t.title, t.summary, t.why, ...t.checklist.map((c) => c.text), ...t.questions.flatMap(questionTexts)];
}

function questionTexts(q: Question): string[] {
  if (q.kind === 'recall') return [q.question, q.answer, q.why];
  return [q.question, ...(q.kind === 'code' ? [q.code] : []), ...q.options.flatMap((o) => [o.text, o.why])];
}

/** Sentences end at . ! or ? followed by a space and a capital, digit or quote, or at the end. */
function sentenceCount(text: string): number {
  const masked = text.replace(/\b(e\.g|i\.e|etc|vs|approx|Dr|Mr|Ms)\./gi, '$1').replace(/\b([A-Za-z])\.([A-Za-z])\./g, '$1$2');
  return masked.split(/[.!?](?:\s+(?=[A-Z0-9"'(`])|\s*$)/).filter((s) => s.trim().length > 0).length;
}

describe('bundled roadmap content', () => {
  let catalog: Catalog<Roadmap>;
  let backend: Roadmap;
  let topics: Topic[];

  before(async () => {
    catalog = await loadCatalog(roadmapsDir);
    const found = catalog.roadmaps.find((r) => r.roadmap.id === 'backend')?.roadmap;
    assert.ok(found, 'backend roadmap loads');
    backend = found;
    topics = backend.phases.flatMap((p) => p.topics);
  });

  it('every roadmap file parses and validates, with all references resolved and no cycles', () => {
    // The loader checks schema, unique ids, prerequisites (and cycles), exercises, paths, projects and tracks.
    assert.deepEqual(catalog.problems.map(formatProblem), []);
    const files = readdirSync(roadmapsDir).filter((f) => /\.ya?ml$/.test(f) && f !== 'seed-map.yaml');
    assert.equal(catalog.roadmaps.length, files.length, 'every roadmap file loaded');
  });

  it('the complete roadmap has 8–12 phases and at least 130 topics', () => {
    assert.ok(backend.phases.length >= 8 && backend.phases.length <= 12, `${backend.phases.length} phases`);
    assert.ok(topics.length >= 130, `${topics.length} topics`);
  });

  it('has at least two shorter tracks built from its topic pool', () => {
    const tracks = catalog.roadmaps.filter((r) => r.roadmap.id !== 'backend');
    assert.ok(tracks.length >= 2);
    const pool = new Map(topics.map((t) => [t.id, t]));
    for (const { roadmap } of tracks) {
      const ids = roadmap.phases.flatMap((p) => p.topics.map((t) => t.id));
      assert.ok(ids.length < topics.length, `${roadmap.id} is shorter`);
      // The same topic objects as the pool: progress, kept per topic id, is shared.
      for (const t of roadmap.phases.flatMap((p) => p.topics)) assert.equal(t, pool.get(t.id), `${roadmap.id}: ${t.id}`);
    }
    const junior = tracks.find((r) => r.roadmap.id === 'junior-job-ready')?.roadmap;
    assert.ok(
      junior?.phases.every((p) => (p.estimatedHours ?? 0) > 0),
      "the junior track keeps the seeds' week estimates as hours",
    );
  });

  it('every topic has 2–4 sentences of summary, a why line, 2–6 checklist items, resources and hours', () => {
    const bad: string[] = [];
    for (const t of topics) {
      const n = sentenceCount(t.summary);
      if (n < 2 || n > 4) bad.push(`${t.id}: summary has ${n} sentences`);
      if (t.why.length < 15) bad.push(`${t.id}: why is too short`);
      if (t.checklist.length < 2 || t.checklist.length > 6) bad.push(`${t.id}: ${t.checklist.length} checklist items`);
      if (t.resources.length < 1) bad.push(`${t.id}: no resources`);
      if (!(t.estimatedHours > 0)) bad.push(`${t.id}: no estimate`);
    }
    assert.deepEqual(bad, []);
  });

  it('has no placeholders or filler', () => {
    const placeholder = /\b(todo|tbd|tbc|lorem|ipsum|placeholder|fixme|xxx)\b|\.\.\.$|\?\?\?/i;
    const filler = /become proficient|master (it|this|the basics)|and much more|learn .{1,30} to become/i;
    const bad = topics.flatMap((t) =>
      topicTexts(t)
        .filter((s) => placeholder.test(s) || filler.test(s))
        .map((s) => `${t.id}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it('every resource URL is https and well-formed (links are not fetched)', () => {
    const urls = [...topics.flatMap((t) => t.resources.map((r) => ({ id: t.id, url: r.url })))];
    for (const { id, url } of urls) {
      const parsed = new URL(url);
      assert.equal(parsed.protocol, 'https:', `${id}: ${url}`);
      assert.match(parsed.hostname, /^[a-z0-9.-]+\.[a-z]{2,}$/, `${id}: ${url}`);
      assert.doesNotMatch(url, /\s|example\.(org|com)/, `${id}: ${url}`);
    }
    assert.ok(urls.length >= topics.length);
  });

  it('only references exercises that exist, never a dangling id', () => {
    const known = new Set(catalog.exercises.map((e) => e.id));
    for (const t of topics) for (const ex of t.exercises) assert.ok(known.has(ex), `${t.id}: ${ex}`);
    assert.deepEqual(topics.find((t) => t.id === 'rest-apis')?.exercises, ['express-route']);
  });

  it('gives every exercise exactly one topic, the one its manifest names', () => {
    for (const exercise of catalog.exercises) {
      const listing = topics.filter((t) => t.exercises.includes(exercise.id)).map((t) => t.id);
      assert.deepEqual(listing, [exercise.topic], `${exercise.id} is listed by ${listing.join(', ') || 'no topic'}`);
    }
  });

  it('names the alternatives the seeds list, and says when to pick which', () => {
    const text = topics.flatMap(topicTexts).join('\n') + topics.flatMap((t) => t.resources.map((r) => r.title)).join('\n');
    const groups = [
      ['Express', 'Django', 'Spring Boot', 'Laravel', 'ASP.NET Core', 'NestJS', 'Flask'],
      ['Sequelize', 'TypeORM', 'SQLAlchemy', 'Eloquent', 'Hibernate'],
      ['Render', 'Vercel', 'Heroku', 'AWS'],
      ['RabbitMQ', 'Kafka', 'BullMQ'],
      ['Redis', 'Memcached'],
      ['PostgreSQL', 'MySQL', 'MongoDB'],
      ['Jenkins', 'GitLab', 'CircleCI', 'GitHub Actions'],
    ];
    for (const g of groups) for (const name of g) assert.ok(text.includes(name), `${name} is named`);
  });

  it("turns the seeds' job roles into career paths and their project ideas into projects", () => {
    assert.ok(backend.paths.length >= 6);
    for (const id of ['api-developer', 'devops-sre', 'database-administrator', 'security-engineer']) {
      assert.ok(
        backend.paths.some((p) => p.id === id),
        `path ${id}`,
      );
    }
    assert.ok(backend.projects.length >= 10);
    const titles = backend.projects.map((p) => p.title.toLowerCase()).join('\n');
    for (const idea of [
      'to-do',
      'url shortener',
      'chat',
      'e-commerce',
      'job portal',
      'file upload',
      'api gateway',
      'real-time data pipeline',
    ]) {
      assert.ok(titles.includes(idea), `project "${idea}"`);
    }
  });

  it("keeps the seeds' interview questions as self-check questions on their topics", () => {
    const asked = (topicId: string, pattern: RegExp) =>
      topics.find((t) => t.id === topicId)?.questions.some((q) => pattern.test(q.question)) ?? false;
    assert.ok(asked('graphql', /REST/i) || asked('rest-apis', /GraphQL/i), 'REST vs GraphQL');
    assert.ok(asked('jwt', /JWT|token/i), 'how JWT works');
    assert.ok(asked('nosql-overview', /SQL/i), 'SQL vs NoSQL');
    assert.ok(asked('redis-caching', /Redis|cach/i), 'what Redis caching buys');
    for (const t of topics) {
      for (const q of t.questions) if (q.kind === 'recall') assert.ok(q.answer.length > 20 && q.why.length > 10, `${t.id}: ${q.question}`);
    }
  });

  it('asks at least three questions on every topic, of all three kinds across the roadmap', () => {
    const short = topics.filter((t) => t.questions.length < 3).map((t) => `${t.id} (${t.questions.length})`);
    assert.deepEqual(short, [], 'topics with fewer than three questions');
    const kinds = new Map<string, number>();
    for (const t of topics) for (const q of t.questions) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
    for (const kind of ['recall', 'choice', 'code']) assert.ok((kinds.get(kind) ?? 0) >= 60, `${kind}: ${kinds.get(kind) ?? 0}`);
    // Every topic can be graded automatically, so a quiz can verify it.
    const ungraded = topics.filter((t) => !t.questions.some((q) => q.kind !== 'recall')).map((t) => t.id);
    assert.deepEqual(ungraded, [], 'topics without a choice or code question');
  });

  it('gives every multiple-choice question one right answer among its options, and a reason for each option', () => {
    for (const t of topics) {
      for (const q of t.questions) {
        if (q.kind === 'recall') continue;
        const where = `${t.id}/${q.id}`;
        assert.equal(q.options.filter((o) => o.text === q.answer).length, 1, `${where}: the answer is one option`);
        for (const o of q.options) assert.ok(o.why.length > 10, `${where}: a reason for "${o.text}"`);
        assert.ok(q.options.length >= 3, `${where}: at least three options`);
      }
    }
  });

  it('asks each question once: no two topics share a question', () => {
    const seen = new Map<string, string>();
    for (const t of topics) {
      for (const q of t.questions) {
        const key = normalise(q.question).replace(/[^a-z0-9 ]/g, '');
        assert.equal(seen.get(key), undefined, `"${q.question}" is asked in ${seen.get(key)} and ${t.id}`);
        seen.set(key, t.id);
      }
    }
  });

  describe('against the seed roadmaps', () => {
    const seeds = existsSync(seedsDir)
      ? readdirSync(seedsDir)
          .filter((f) => f.endsWith('.txt'))
          .map((f) => ({ file: f, text: normalise(readFileSync(path.join(seedsDir, f), 'utf8')) }))
      : [];

    before(function () {
      if (seeds.length > 0) return;
      const why = `The seed roadmaps were not found at ${seedsDir}; the seed traceability checks cannot run.`;
      // CI always has the seeds beside the clone, so there a missing folder is a failure, never a quiet pass.
      if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(why);
      // A newcomer's clone may not have them: say so loudly and skip, rather than fail their npm test.
      console.warn(`\n  !!! NOT RUN: ${why}\n  !!! Put the workplace's shared/ folder beside the clone to run them.\n`);
      this.skip();
    });

    it("maps every seed file's concepts to existing topics, paths or projects, quoting each concept from its seed", () => {
      const map = parse(readFileSync(path.join(roadmapsDir, 'seed-map.yaml'), 'utf8')) as {
        seed: string;
        concept: string;
        covers: string;
      }[];
      const ids = new Set([...topics.map((t) => t.id), ...backend.paths.map((p) => p.id), ...backend.projects.map((p) => p.id)]);
      const bad: string[] = [];
      for (const e of map) {
        const seed = seeds.find((s) => s.file === e.seed);
        if (!seed) bad.push(`${e.seed}: no such seed file`);
        else if (!seed.text.includes(normalise(e.concept))) bad.push(`${e.seed}: "${e.concept}" does not occur in the seed`);
        if (!ids.has(e.covers)) bad.push(`${e.concept}: unknown id "${e.covers}"`);
      }
      assert.deepEqual(bad, []);
      for (const s of seeds) assert.ok(map.filter((e) => e.seed === s.file).length >= 20, `${s.file} is mapped`);
      assert.ok(map.length >= 200, `${map.length} concepts mapped`);
    });

    it('is written in our own words: no run of 8 words is copied from a seed', () => {
      const shingles = new Set<string>();
      for (const s of seeds) {
        const words = s.text
          .replace(/[^a-z0-9 ]/g, ' ')
          .split(/\s+/)
          .filter(Boolean);
        for (let i = 0; i + 8 <= words.length; i++) shingles.add(words.slice(i, i + 8).join(' '));
      }
      const copied: string[] = [];
      for (const t of topics) {
        for (const text of topicTexts(t)) {
          const words = normalise(text)
            .replace(/[^a-z0-9 ]/g, ' ')
            .split(/\s+/)
            .filter(Boolean);
          for (let i = 0; i + 8 <= words.length; i++) {
            const run = words.slice(i, i + 8).join(' ');
            if (shingles.has(run)) copied.push(`${t.id}: "${run}"`);
          }
        }
      }
      assert.deepEqual(copied, []);
    });
  });
});
