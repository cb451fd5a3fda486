import { roadmapSchema, trackSchema } from './schema';
import type { Roadmap, Topic, Track } from './schema';
import type { Problem, ProblemFix, Result } from '../shared/problems';

export type Path = readonly (string | number)[];

export interface LoadOptions {
  /** Exercise ids that exist; when given, topics may only reference these. */
  knownExercises?: ReadonlySet<string>;
  /** Complete roadmaps by id, whose topics a `kind: track` file may use. */
  bases?: ReadonlyMap<string, Roadmap>;
  /** Said after "unknown exercise id": where exercises come from (a workspace names its folder). */
  exerciseHint?: string;
  /** Topic ids a track may not define again (another roadmap's own topics), with who owns them. */
  takenTopicIds?: ReadonlyMap<string, string>;
}

/** Repairs a source front end can spell out as text edits. */
export type FixKind = 'removeItem' | 'addId';

/** Problems reported per file; more only repeat the same mistake, and each one costs a source lookup. */
export const maxProblems = 100;

/** Where a path in the source is (and, for a fix, its edits); data without a source (compiled JSON) points at the file's start. */
export type Locate = (path: Path, fix?: FixKind) => { line: number; col: number; end?: { line: number; col: number }; fix?: ProblemFix };

/**
 * Validates already-parsed roadmap or track data: the schema, then ids and references. The build
 * validates the bundled YAML with positions first, so compiled data normally passes here.
 */
export function validateRoadmap(
  raw: unknown,
  file: string,
  options: LoadOptions = {},
  locate: Locate = () => ({ line: 1, col: 1 }),
): Result<Roadmap> {
  const at: At = (path, message, fix) => ({ file, ...locate(path, fix), message: `${describePath(path)}: ${message}` });
  const isTrack = typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === 'track';
  if (isTrack) return loadTrack(raw, at, options);

  const parsed = roadmapSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, at) };

  const roadmap = parsed.data;
  const problems = located(checkReferences(roadmap, options), at);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: roadmap };
}

type At = (path: Path, message: string, fix?: FixKind) => Problem;

interface ZodIssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
  /** invalid_union: each alternative's issues, paths relative to the union. */
  errors?: ZodIssueLike[][];
}

/**
 * A union's failure said through the alternative the input was meant for: the one that did not
 * reject the value's type outright (a track topic written out in full is a topic, not a bad id).
 */
function unionIssues(issue: ZodIssueLike): ZodIssueLike[] {
  const meant = issue.errors?.filter((branch) => !branch.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
  if (meant?.length !== 1 || !meant[0]) return [issue];
  return meant[0]
    .flatMap((i) => (i.code === 'invalid_union' ? unionIssues(i) : [i]))
    .map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
}

/** zod's issues in an author's words: a missing field by name (with a fix for a missing id), each unknown field at itself. */
function zodProblems(issues: readonly ZodIssueLike[], at: At): Problem[] {
  const problems = issues
    .flatMap((i) => (i.code === 'invalid_union' ? unionIssues(i) : [i]))
    .flatMap((issue): RefProblem[] => {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      if (issue.code === 'unrecognized_keys' && issue.keys)
        return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field "${key}"` }));
      const last = path.at(-1);
      if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message) && typeof last === 'string')
        return [{ path, message: `missing required field "${last}"`, fix: last === 'id' ? 'addId' : undefined }];
      return [{ path, message: issue.message }];
    });
  return located(problems, at);
}

/** Locates the first maxProblems, then says how many more there are (at the next one's place). */
function located(problems: readonly RefProblem[], at: At): Problem[] {
  const out = problems.slice(0, maxProblems).map(({ path, message, fix }) => at(path, message, fix));
  const next = problems[maxProblems];
  if (next) out.push({ ...at(next.path, ''), message: `… and ${problems.length - maxProblems} more problems` });
  return out;
}

/**
 * Resolves a track against its base roadmap into an ordinary Roadmap: topics named by id come from
 * the base (retitled by `titles`), topics written out are the track's own and are checked like a
 * roadmap's.
 */
function loadTrack(raw: unknown, at: At, options: LoadOptions): Result<Roadmap> {
  const parsed = trackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, at) };
  const track: Track = parsed.data;
  const base = options.bases?.get(track.basedOn);
  if (!base) {
    const known = [...(options.bases?.keys() ?? [])];
    const hint = known.length > 0 ? ` (known: ${known.join(', ')})` : '';
    return { ok: false, problems: [at(['basedOn'], `unknown roadmap "${track.basedOn}"${hint}`)] };
  }

  const pool = new Map(base.phases.flatMap((p) => p.topics.map((t) => [t.id, t] as const)));
  const problems: RefProblem[] = [];
  const seen = new Set<string>();
  const phaseIds = new Set<string>();
  const own: { topic: Topic; path: Path }[] = [];
  const phases = track.phases.map((phase, p) => {
    if (phaseIds.has(phase.id)) problems.push({ path: ['phases', p, 'id'], message: `duplicate phase id "${phase.id}"` });
    phaseIds.add(phase.id);
    const topics: Topic[] = [];
    phase.topics.forEach((entry, t) => {
      if (typeof entry === 'string') {
        const topic = pool.get(entry);
        if (!topic)
          problems.push({
            path: ['phases', p, 'topics', t],
            message: `unknown topic id "${entry}" (not in roadmap "${base.id}")`,
            fix: 'removeItem',
          });
        else if (seen.has(entry))
          problems.push({ path: ['phases', p, 'topics', t], message: `topic "${entry}" is already in this track`, fix: 'removeItem' });
        else topics.push(Object.hasOwn(track.titles, entry) ? { ...topic, title: track.titles[entry] ?? topic.title } : topic);
        seen.add(entry);
        return;
      }
      const path: Path = ['phases', p, 'topics', t];
      const owner = pool.has(entry.id) ? `roadmap "${base.id}"` : options.takenTopicIds?.get(entry.id);
      if (owner)
        problems.push({
          path: [...path, 'id'],
          message: `topic id "${entry.id}" is already a topic of ${owner}; name it by id to use it, or pick another id`,
        });
      else if (seen.has(entry.id)) problems.push({ path: [...path, 'id'], message: `duplicate topic id "${entry.id}"` });
      seen.add(entry.id);
      own.push({ topic: entry, path });
      topics.push(entry);
    });
    return { ...phase, topics };
  });
  for (const topicId of Object.keys(track.titles)) {
    if (!seen.has(topicId)) problems.push({ path: ['titles', topicId], message: `"${topicId}" is not a topic of this track` });
  }
  const known = new Set([...pool.keys(), ...own.map((o) => o.topic.id)]);
  for (const { topic, path } of own) checkTopic(topic, path, known, options, problems);
  for (const cycle of findCycles(
    own.map(({ topic, path }) => ({ id: topic.id, prereqs: topic.prerequisites, path: [...path, 'prerequisites'] })),
  )) {
    problems.push({ path: cycle.path, message: `prerequisite cycle: ${describeCycle(cycle.ids)}` });
  }
  if (problems.length > 0) return { ok: false, problems: located(problems, at) };
  return {
    ok: true,
    value: {
      schemaVersion: 1,
      kind: 'roadmap',
      id: track.id,
      title: track.title,
      description: track.description,
      renamed: base.renamed,
      phases,
      paths: [],
      projects: [],
    },
  };
}

interface RefProblem {
  path: Path;
  message: string;
  fix?: FixKind;
}

/** One topic's own rules: checklist and question ids, answers among options, prerequisites and exercises that exist. */
function checkTopic(topic: Topic, path: Path, topicIds: ReadonlySet<string>, options: LoadOptions, problems: RefProblem[]): void {
  const items = new Set<string>();
  topic.checklist.forEach((item, i) => {
    if (items.has(item.id))
      problems.push({ path: [...path, 'checklist', i, 'id'], message: `duplicate checklist item id "${item.id}" in topic "${topic.id}"` });
    items.add(item.id);
  });
  const questionIds = new Set<string>();
  topic.questions.forEach((q, i) => {
    const at: Path = [...path, 'questions', i];
    if (questionIds.has(q.id)) problems.push({ path: [...at, 'id'], message: `duplicate question id "${q.id}" in topic "${topic.id}"` });
    questionIds.add(q.id);
    if (q.kind === 'recall') return;
    const texts = q.options.map((o) => o.text.trim());
    const matches = texts.filter((x) => x === q.answer.trim()).length;
    if (matches !== 1) {
      problems.push({
        path: [...at, 'answer'],
        message: matches === 0 ? 'the answer is not one of the options' : 'the answer matches more than one option',
      });
    }
    if (new Set(texts).size !== texts.length) problems.push({ path: [...at, 'options'], message: 'two options have the same text' });
  });
  topic.prerequisites.forEach((pre, i) => {
    if (!topicIds.has(pre)) problems.push({ path: [...path, 'prerequisites', i], message: `unknown topic id "${pre}"`, fix: 'removeItem' });
    else if (pre === topic.id)
      problems.push({ path: [...path, 'prerequisites', i], message: 'a topic cannot require itself', fix: 'removeItem' });
  });
  if (options.knownExercises) {
    topic.exercises.forEach((ex, i) => {
      if (!options.knownExercises?.has(ex))
        problems.push({ path: [...path, 'exercises', i], message: `unknown exercise id "${ex}"${options.exerciseHint ?? ''}` });
    });
  }
}

function checkReferences(roadmap: Roadmap, options: LoadOptions): RefProblem[] {
  const problems: RefProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: Path, what: string) => {
    const prior = seen.get(id);
    if (prior) {
      problems.push({ path, message: `duplicate id "${id}" (already used by ${prior})` });
    } else {
      seen.set(id, `${what} ${describePath(path.slice(0, -1))}`);
    }
  };

  roadmap.phases.forEach((phase, p) => {
    claim(phase.id, ['phases', p, 'id'], 'phase');
    phase.topics.forEach((topic, t) => claim(topic.id, ['phases', p, 'topics', t, 'id'], 'topic'));
  });
  const topicIds = new Set(roadmap.phases.flatMap((ph) => ph.topics.map((t) => t.id)));
  roadmap.phases.forEach((phase, p) =>
    phase.topics.forEach((topic, t) => checkTopic(topic, ['phases', p, 'topics', t], topicIds, options, problems)),
  );

  roadmap.paths.forEach((path, i) => {
    claim(path.id, ['paths', i, 'id'], 'path');
    path.topics.forEach((id, t) => {
      if (!topicIds.has(id)) problems.push({ path: ['paths', i, 'topics', t], message: `unknown topic id "${id}"` });
    });
  });
  roadmap.projects.forEach((project, i) => {
    claim(project.id, ['projects', i, 'id'], 'project');
    project.topics.forEach((id, t) => {
      if (!topicIds.has(id)) problems.push({ path: ['projects', i, 'topics', t], message: `unknown topic id "${id}"` });
    });
    if (project.exercise !== undefined && options.knownExercises && !options.knownExercises.has(project.exercise))
      problems.push({
        path: ['projects', i, 'exercise'],
        message: `unknown exercise id "${project.exercise}"${options.exerciseHint ?? ''}`,
      });
  });

  const graph = roadmap.phases.flatMap((phase, p) =>
    phase.topics.map((topic, t) => ({
      id: topic.id,
      prereqs: topic.prerequisites,
      path: ['phases', p, 'topics', t, 'prerequisites'] as Path,
    })),
  );
  for (const cycle of findCycles(graph)) {
    problems.push({ path: cycle.path, message: `prerequisite cycle: ${describeCycle(cycle.ids)}` });
  }

  Object.keys(roadmap.renamed).forEach((oldId) => {
    if (topicIds.has(oldId)) {
      problems.push({ path: ['renamed', oldId], message: `"${oldId}" is renamed but still used as a topic id` });
    }
  });
  return problems;
}

/**
 * Prerequisite cycles, by depth-first search with an explicit stack (a chain of thousands of topics
 * must not overflow the call stack). Only the first maxProblems cycles are spelled out.
 */
function findCycles(graph: readonly { id: string; prereqs: readonly string[]; path: Path }[]): { ids: string[]; path: Path }[] {
  const topics = new Map<string, { prereqs: string[]; path: Path }>();
  for (const { id, prereqs, path } of graph) topics.set(id, { prereqs: prereqs.filter((x) => x !== id), path });
  const done = new Set<string>();
  // The ids being visited, and where each sits in that chain.
  const chain: { id: string; next: number }[] = [];
  const inChain = new Map<string, number>();
  const cycles: { ids: string[]; path: Path }[] = [];
  for (const root of topics.keys()) {
    if (done.has(root)) continue;
    chain.push({ id: root, next: 0 });
    inChain.set(root, 0);
    for (let frame = chain.at(-1); frame; frame = chain.at(-1)) {
      const topic = topics.get(frame.id);
      const next = topic?.prereqs[frame.next++];
      if (next === undefined) {
        chain.pop();
        inChain.delete(frame.id);
        done.add(frame.id);
      } else if (!topics.has(next) || done.has(next)) {
        continue;
      } else if (inChain.has(next)) {
        const ids = cycles.length < maxProblems ? [...chain.slice(inChain.get(next)).map((f) => f.id), next] : [];
        cycles.push({ ids, path: topic?.path ?? [] });
      } else {
        inChain.set(next, chain.length);
        chain.push({ id: next, next: 0 });
      }
    }
  }
  return cycles;
}

/** A cycle as `a -> b -> a`, shortened in the middle when long. */
function describeCycle(ids: readonly string[]): string {
  if (ids.length <= 12) return ids.join(' -> ');
  return `${ids.slice(0, 5).join(' -> ')} -> … (${ids.length - 10} more) -> ${ids.slice(-5).join(' -> ')}`;
}

export function describePath(path: Path): string {
  if (path.length === 0) return 'roadmap';
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '');
}
