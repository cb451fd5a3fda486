// Roadmap files on disk, read as YAML with source positions: for tests, the build, the bench and
// (later) workspace roadmaps. The extension itself loads the compiled JSON through catalog.ts.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { assemble, compileCatalog } from './catalog';
import type { Catalog, CompiledDetails, CompiledIndex, Source } from './catalog';
import type { Roadmap } from './schema';
import { loadExercises } from '../exercises/manifestLoader';
import { formatProblem } from '../shared/problems';
import { isTrackSource, loadRoadmap } from './yaml';

/**
 * Loads every `*.yaml` roadmap in `roadmapsDir` and the exercises under `roadmapsDir/exercises`.
 * `seed-map.yaml` is the content's traceability table, not a roadmap.
 */
export async function loadCatalog(roadmapsDir: string): Promise<Catalog<Roadmap>> {
  const files = (await fs.readdir(roadmapsDir)).filter((f) => /\.ya?ml$/.test(f) && f !== 'seed-map.yaml').sort();
  const sources = await Promise.all(
    files.map(async (name): Promise<Source> => {
      const file = path.join(roadmapsDir, name);
      const text = await fs.readFile(file, 'utf8');
      return { file, isTrack: isTrackSource(text), load: (options) => loadRoadmap(text, file, options) };
    }),
  );
  return assemble(sources, await loadExercises(path.join(roadmapsDir, 'exercises')));
}

/**
 * Compiles the bundled roadmaps into the index and the details (see catalog.ts); throws with
 * file:line:col problems so the build fails on bad content.
 */
export async function compileRoadmaps(roadmapsDir: string): Promise<{ index: CompiledIndex; details: CompiledDetails }> {
  const catalog = await loadCatalog(roadmapsDir);
  if (catalog.problems.length > 0) throw new Error(catalog.problems.map(formatProblem).join('\n'));
  // Stored relative to the extension root, where the YAML files ship beside dist/.
  return compileCatalog(catalog, (file) => path.posix.join('roadmaps', path.basename(file)));
}
