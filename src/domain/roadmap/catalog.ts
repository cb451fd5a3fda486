import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadExercises } from '../exercises/manifest';
import type { Exercise } from '../exercises/manifest';
import { validateRoadmap } from './validate';
import type { LoadOptions } from './validate';
import type { Problem, Result } from '../shared/problems';
import type { Phase, Roadmap, Topic } from './schema';

export interface LoadedRoadmap {
  roadmap: Roadmap;
  file: string;
}

export interface Catalog {
  roadmaps: LoadedRoadmap[];
  exercises: Exercise[];
  /** Problems of files that were left out; the rest of the catalog still works. */
  problems: Problem[];
}

/** One roadmap file, either as YAML text or as data compiled from it at build time. */
export type Source = { file: string; isTrack: boolean; load(options: LoadOptions): Result<Roadmap> };

/** What `npm run build` writes to dist/roadmaps.json: the bundled YAML, validated and parsed. */
export interface CompiledRoadmaps {
  version: 1;
  sources: { file: string; data: unknown }[];
}

/**
 * Loads the compiled roadmaps: no YAML parsing at activation, the same schema and reference checks.
 * `exercisesDir` holds the exercise folders, which stay files because scaffolding copies them.
 */
export async function loadCompiledCatalog(compiledFile: string, exercisesDir: string): Promise<Catalog> {
  const compiled = JSON.parse(await fs.readFile(compiledFile, 'utf8')) as CompiledRoadmaps;
  // Files are stored relative to the extension root (dist/..), so problems can name real paths.
  const root = path.resolve(path.dirname(compiledFile), '..');
  const sources = compiled.sources.map(({ file, data }): Source => ({
    file: path.resolve(root, file),
    isTrack: typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'track',
    load: (options) => validateRoadmap(data, file, options),
  }));
  return assemble(sources, await loadExercises(exercisesDir));
}

export function assemble(sources: Source[], exercises: Exercise[]): Catalog {
  const knownExercises = new Set(exercises.map((e) => e.id));
  const roadmaps: LoadedRoadmap[] = [];
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
  return { roadmaps, exercises, problems };
}

/** Finds a topic in the preferred roadmap, else in any loaded one (tracks and paths share topics). */
export function findTopicIn(catalog: Catalog, topicId: string, preferred?: Roadmap): { topic: Topic; phase: Phase } | undefined {
  for (const roadmap of [...(preferred ? [preferred] : []), ...catalog.roadmaps.map((r) => r.roadmap)]) {
    for (const phase of roadmap.phases) {
      const topic = phase.topics.find((t) => t.id === topicId);
      if (topic) return { topic, phase };
    }
  }
  return undefined;
}

/** A selectable roadmap: a roadmap file, or a career path shown as a roadmap of its own. */
export interface RoadmapChoice {
  roadmap: Roadmap;
  kind: 'roadmap' | 'path';
}

/** Career paths become roadmaps whose phases are the base phases holding the path's topics. */
export function roadmapChoices(catalog: Catalog): RoadmapChoice[] {
  const choices: RoadmapChoice[] = catalog.roadmaps.map((r) => ({ roadmap: r.roadmap, kind: 'roadmap' }));
  for (const { roadmap } of catalog.roadmaps) {
    for (const p of roadmap.paths) {
      const wanted = new Set(p.topics);
      const phases = roadmap.phases
        .map((phase) => ({ ...phase, estimatedHours: undefined, topics: phase.topics.filter((t) => wanted.has(t.id)) }))
        .filter((phase) => phase.topics.length > 0);
      choices.push({
        kind: 'path',
        roadmap: { ...roadmap, id: `${roadmap.id}--${p.id}`, title: `${p.title} (career path)`, description: p.summary, phases, paths: [], projects: [] },
      });
    }
  }
  return choices;
}

export function exerciseById(catalog: Catalog, id: string): Exercise | undefined {
  return catalog.exercises.find((e) => e.id === id);
}
