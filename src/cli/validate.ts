// `backend-roadmap validate [dir]`: a course repository's CI step. Every problem as file:line:col.
import * as path from 'node:path';
import { resolveAuthoringFolder } from '../domain/authoring/courseFolder';
import { validateCourse } from '../domain/authoring/validateCourse';
import { compiledDetailsLoader, withDetails } from '../domain/roadmap/catalog';
import type { Catalog } from '../domain/roadmap/catalog';
import type { Roadmap } from '../domain/roadmap/schema';
import { formatProblem } from '../domain/shared/problems';

export interface ValidateIo {
  out: (text: string) => void;
  err: (text: string) => void;
  root: string;
}

/** Exit 0 when the course is clean, 1 with problems, 2 when there is nothing to validate. */
export async function validateCommand(dir: string, catalog: Catalog, io: ValidateIo): Promise<number> {
  const folder = await resolveAuthoringFolder(path.resolve(dir));
  const bundled = await wholeRoadmaps(catalog, io.root);
  const report = await validateCourse(folder, bundled, new Set(catalog.exercises.map((e) => e.id)));
  if (report.roadmapFiles.length === 0 && report.exercises.length === 0 && report.problems.length === 0) {
    io.err(`backend-roadmap: no roadmap files (*.yaml) and no exercises/ in ${folder}\n`);
    return 2;
  }
  const shown = (file: string) => {
    const rel = path.relative(process.cwd(), file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  };
  for (const p of report.problems) io.out(`${formatProblem({ ...p, file: shown(p.file) })}\n`);
  const n = report.problems.length;
  io.err(
    `${n === 0 ? 'OK' : 'FAIL'}: ${report.roadmapFiles.length} roadmap file${report.roadmapFiles.length === 1 ? '' : 's'} (${report.roadmaps.length} loaded), ${report.exercises.length} exercise${report.exercises.length === 1 ? '' : 's'}, ${n} problem${n === 1 ? '' : 's'} in ${shown(folder) || '.'}\n`,
  );
  return n === 0 ? 0 : 1;
}

/** The bundled roadmaps with whole topics: tracks in the course take topics from them. */
async function wholeRoadmaps(catalog: Catalog, root: string): Promise<Roadmap[]> {
  const details = compiledDetailsLoader(path.join(root, 'dist', 'topics.json'));
  return Promise.all(
    catalog.roadmaps.map(async ({ roadmap }) => ({
      ...roadmap,
      phases: await Promise.all(
        roadmap.phases.map(async (phase) => ({
          ...phase,
          topics: await Promise.all(
            phase.topics.map(async (topic) => {
              const d = await details(topic.id);
              if (!d) throw new Error(`the details of topic "${topic.id}" are missing from dist/topics.json (run npm run build)`);
              return withDetails(topic, d);
            }),
          ),
        })),
      ),
    })),
  );
}
