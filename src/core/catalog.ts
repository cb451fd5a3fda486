import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadExercises } from './exercises';
import type { Exercise } from './exercises';
import { isTrackSource, loadRoadmap } from './roadmapLoader';
import type { Problem } from './problems';
import type { Phase, Roadmap, Topic } from './roadmapSchema';

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

/**
 * Loads every `*.yaml` roadmap in `roadmapsDir` and the exercises under `roadmapsDir/exercises`.
 * `seed-map.yaml` is the content's traceability table, not a roadmap.
 */
export async function loadCatalog(roadmapsDir: string): Promise<Catalog> {
  const exercises = await loadExercises(path.join(roadmapsDir, 'exercises'));
  const knownExercises = new Set(exercises.map((e) => e.id));
  const files = (await fs.readdir(roadmapsDir)).filter((f) => /\.ya?ml$/.test(f) && f !== 'seed-map.yaml').sort();
  const roadmaps: LoadedRoadmap[] = [];
  const problems: Problem[] = [];
  const sources = await Promise.all(files.map(async (name) => ({ file: path.join(roadmapsDir, name), text: await fs.readFile(path.join(roadmapsDir, name), 'utf8') })));
  // Complete roadmaps first: tracks are built from their topics.
  const ordered = [...sources.filter((s) => !isTrackSource(s.text)), ...sources.filter((s) => isTrackSource(s.text))];
  for (const { file, text } of ordered) {
    const bases = new Map(roadmaps.map((r) => [r.roadmap.id, r.roadmap] as const));
    const result = loadRoadmap(text, file, { knownExercises, bases });
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    if (roadmaps.some((r) => r.roadmap.id === result.value.id)) {
      problems.push({ file, line: 1, col: 1, message: `roadmap id "${result.value.id}" is already used by another file` });
      continue;
    }
    roadmaps.push({ roadmap: result.value, file });
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
