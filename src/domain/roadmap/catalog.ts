import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Exercise } from '../exercises/manifest';
import type { LoadOptions } from './validate';
import type { Problem, Result } from '../shared/problems';
import { detailsOf, outlineOf } from './outline';
import type { PhaseOutline, Roadmap, RoadmapOutline, Topic, TopicDetails, TopicOutline } from './schema';
import { findTopic } from './lookup';
import type { TopicHit } from './lookup';

export interface LoadedRoadmap<R extends RoadmapOutline = RoadmapOutline> {
  roadmap: R;
  file: string;
  /** Set for a course author's roadmap from the workspace; bundled ones have none. */
  origin?: 'workspace';
}

/**
 * Roadmaps, exercises and the problems of files left out. Loaded from YAML (build, CLI, tests) the
 * roadmaps are complete; loaded from the compiled index (activation) they are outlines, and a
 * topic's details are read when its page opens.
 */
export interface Catalog<R extends RoadmapOutline = RoadmapOutline> {
  roadmaps: LoadedRoadmap<R>[];
  exercises: Exercise[];
  problems: Problem[];
}

/** One roadmap file as YAML text, validated when loaded. */
export interface Source {
  file: string;
  isTrack: boolean;
  load(options: LoadOptions): Result<Roadmap>;
}

/**
 * dist/roadmaps.json: every roadmap (tracks resolved) with topics as outlines, and every exercise
 * manifest, all validated at build time. An exercise's folder is `<exercisesDir>/<id>`.
 */
export interface CompiledIndex {
  version: 3;
  roadmaps: { file: string; roadmap: CompiledRoadmap }[];
  exercises: Omit<Exercise, 'dir'>[];
}

/** A topic is written out once; later roadmaps (tracks, mostly) name it by id. */
type CompiledRoadmap = Omit<RoadmapOutline, 'phases'> & {
  phases: (Omit<PhaseOutline, 'topics'> & { topics: (TopicOutline | string)[] })[];
};

/** dist/topics.json: each topic's details by id, read on the first topic page. */
export interface CompiledDetails {
  version: 3;
  topics: Record<string, TopicDetails>;
}

export const compiledFiles = { index: 'roadmaps.json', details: 'topics.json' } as const;

/** Splits a validated catalog into the index and the details; topic ids are global, so one id has one content. */
export function compileCatalog(
  catalog: Catalog<Roadmap>,
  relativeFile: (file: string) => string,
): { index: CompiledIndex; details: CompiledDetails } {
  const topics: Record<string, TopicDetails> = {};
  const seen = new Map<string, string>();
  const written = new Set<string>();
  const compact = (topic: Topic): TopicOutline | string => {
    if (written.has(topic.id)) return topic.id;
    written.add(topic.id);
    return outlineOf(topic);
  };
  for (const { roadmap } of catalog.roadmaps) {
    for (const topic of roadmap.phases.flatMap((p) => p.topics)) {
      const json = JSON.stringify(topic);
      const before = seen.get(topic.id);
      if (before !== undefined && before !== json)
        throw new Error(`topic id "${topic.id}" is defined twice with different content (in ${roadmap.id} and before it)`);
      seen.set(topic.id, json);
      topics[topic.id] = detailsOf(topic);
    }
  }
  return {
    index: {
      version: 3,
      exercises: catalog.exercises.map(({ dir: _dir, ...rest }) => rest),
      roadmaps: catalog.roadmaps.map(({ roadmap, file }) => ({
        file: relativeFile(file),
        roadmap: { ...roadmap, phases: roadmap.phases.map((p) => ({ ...p, topics: p.topics.map(compact) })) },
      })),
    },
    details: { version: 3, topics },
  };
}

/**
 * Loads the compiled index: no YAML, no schema pass at activation (the build validated the same
 * data). A missing or damaged file is a problem on the Problems panel, not a crash.
 */
export function loadCompiledCatalog(indexFile: string, exercisesDir: string): Catalog {
  // Files are stored relative to the extension root (dist/..), so problems name real paths.
  const root = path.resolve(path.dirname(indexFile), '..');
  try {
    // Read synchronously: a small file, and activation does not yield to other extensions' work mid-way.
    const compiled = JSON.parse(readFileSync(indexFile, 'utf8')) as Partial<CompiledIndex>;
    if (compiled.version !== 3 || !Array.isArray(compiled.roadmaps) || !Array.isArray(compiled.exercises)) {
      throw new Error(`unknown format (version ${String(compiled.version)}); rebuild with npm run build`);
    }
    const outlines = new Map<string, TopicOutline>();
    const resolve = (t: TopicOutline | string): TopicOutline => {
      if (typeof t !== 'string') return outlines.set(t.id, t).get(t.id) ?? t;
      const found = outlines.get(t);
      if (!found) throw new Error(`topic "${t}" is named before it is written out; rebuild with npm run build`);
      return found;
    };
    return {
      roadmaps: compiled.roadmaps.map(({ file, roadmap }) => ({
        file: path.resolve(root, file),
        roadmap: { ...roadmap, phases: roadmap.phases.map((p) => ({ ...p, topics: p.topics.map(resolve) })) },
      })),
      exercises: compiled.exercises.map((e) => ({ ...e, dir: path.join(exercisesDir, e.id) })),
      problems: [],
    };
  } catch (e) {
    return {
      roadmaps: [],
      exercises: [],
      problems: [{ file: indexFile, line: 1, col: 1, message: e instanceof Error ? e.message : String(e) }],
    };
  }
}

/** Reads dist/topics.json once, on the first call; a failed read is retried on the next call. */
export function compiledDetailsLoader(detailsFile: string): (topicId: string) => Promise<TopicDetails | undefined> {
  let table: Promise<Record<string, TopicDetails>> | undefined;
  return async (topicId) => {
    table ??= fs.readFile(detailsFile, 'utf8').then((text) => {
      const compiled = JSON.parse(text) as Partial<CompiledDetails>;
      if (compiled.version !== 3 || typeof compiled.topics !== 'object' || compiled.topics === null)
        throw new Error(`${detailsFile}: unknown format; rebuild with npm run build`);
      return compiled.topics;
    });
    const topics = await table.catch((e: unknown) => {
      table = undefined;
      throw e;
    });
    return Object.hasOwn(topics, topicId) ? topics[topicId] : undefined;
  };
}

/** A topic whole again: its outline with its details. */
export function withDetails(outline: TopicOutline, details: TopicDetails): Topic {
  return { ...outline, ...details };
}

export function assemble(sources: Source[], exercises: Exercise[]): Catalog<Roadmap> {
  const knownExercises = new Set(exercises.map((e) => e.id));
  const roadmaps: LoadedRoadmap<Roadmap>[] = [];
  const problems: Problem[] = [];
  // Complete roadmaps first: tracks are built from their topics.
  for (const source of [...sources.filter((s) => !s.isTrack), ...sources.filter((s) => s.isTrack)]) {
    const bases = new Map(roadmaps.map((r) => [r.roadmap.id, r.roadmap] as const));
    const result = source.load({ knownExercises, bases });
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    if (roadmaps.some((r) => r.roadmap.id === result.value.id)) {
      problems.push({ file: source.file, line: 1, col: 1, message: `roadmap id "${result.value.id}" is already used by another file` });
      continue;
    }
    roadmaps.push({ roadmap: result.value, file: source.file });
  }
  problems.push(...projectProblems(roadmaps, exercises));
  return { roadmaps, exercises, problems };
}

/** A project's milestones practise topics some roadmap has; a roadmap project links only to an exercise that is a project. */
function projectProblems(roadmaps: LoadedRoadmap<Roadmap>[], exercises: Exercise[]): Problem[] {
  const topicIds = new Set(roadmaps.flatMap((r) => r.roadmap.phases.flatMap((p) => p.topics.map((t) => t.id))));
  const problems: Problem[] = [];
  for (const exercise of exercises) {
    for (const m of exercise.milestones ?? []) {
      for (const id of m.topics.filter((t) => !topicIds.has(t)))
        problems.push({
          file: path.join(exercise.dir, 'exercise.json'),
          line: 1,
          col: 1,
          message: `milestones: "${m.id}" names unknown topic id "${id}"`,
        });
    }
  }
  const byId = new Map(exercises.map((e) => [e.id, e]));
  for (const { roadmap, file } of roadmaps) {
    for (const project of roadmap.projects) {
      const exercise = project.exercise === undefined ? undefined : byId.get(project.exercise);
      if (exercise && !exercise.milestones)
        problems.push({
          file,
          line: 1,
          col: 1,
          message: `projects: "${project.id}" links to exercise "${exercise.id}", which has no milestones (a project exercise has them)`,
        });
    }
  }
  return problems;
}

/** Finds a topic in the preferred roadmap, else in any loaded one (tracks and paths share topics). */
export function findTopicIn<R extends RoadmapOutline>(
  catalog: Catalog<R>,
  topicId: string,
  preferred?: RoadmapOutline,
): TopicHit<R['phases'][number]> | undefined {
  return findTopic([preferred as R | undefined, ...catalog.roadmaps.map((r) => r.roadmap)], topicId);
}

/** A selectable roadmap: a roadmap file, or a career path shown as a roadmap of its own. */
export interface RoadmapChoice<R extends RoadmapOutline = RoadmapOutline> {
  roadmap: R;
  kind: 'roadmap' | 'path';
  origin?: 'workspace';
}

/** Career paths become roadmaps whose phases are the base phases holding the path's topics. */
export function roadmapChoices<R extends RoadmapOutline>(catalog: Catalog<R>): RoadmapChoice<R>[] {
  const choices: RoadmapChoice<R>[] = catalog.roadmaps.map((r) => ({ roadmap: r.roadmap, kind: 'roadmap', origin: r.origin }));
  for (const { roadmap, origin } of catalog.roadmaps) {
    for (const p of roadmap.paths) {
      const wanted = new Set(p.topics);
      const phases = roadmap.phases
        .map((phase) => ({ ...phase, estimatedHours: undefined, topics: phase.topics.filter((t) => wanted.has(t.id)) }))
        .filter((phase) => phase.topics.length > 0);
      choices.push({
        kind: 'path',
        origin,
        roadmap: {
          ...roadmap,
          id: `${roadmap.id}--${p.id}`,
          title: `${p.title} (career path)`,
          description: p.summary,
          phases,
          paths: [],
          projects: [],
        },
      });
    }
  }
  return choices;
}

/** The bundled catalog with a workspace's roadmaps after its own (marked as the workspace's) and its exercises. */
export function withWorkspace(
  bundled: Catalog,
  roadmaps: readonly { file: string; roadmap: RoadmapOutline }[],
  exercises: readonly Exercise[],
): Catalog {
  return {
    roadmaps: [...bundled.roadmaps, ...roadmaps.map(({ file, roadmap }) => ({ roadmap, file, origin: 'workspace' as const }))],
    exercises: [...bundled.exercises, ...exercises],
    problems: bundled.problems,
  };
}

export function exerciseById(catalog: Pick<Catalog, 'exercises'>, id: string): Exercise | undefined {
  return catalog.exercises.find((e) => e.id === id);
}
