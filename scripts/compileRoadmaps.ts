// Build step: validates the bundled roadmaps (problems fail the build with file:line:col) and writes
// dist/roadmaps.json (what the tree needs) and dist/topics.json (topic details, read when a page opens).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { compiledFiles } from '../src/domain/roadmap/catalog';
import { compileRoadmaps } from '../src/domain/roadmap/files';

const root = path.join(__dirname, '..');
compileRoadmaps(path.join(root, 'roadmaps'))
  .then((compiled) => {
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    writeFileSync(path.join(root, 'dist', compiledFiles.index), JSON.stringify(compiled.index));
    writeFileSync(path.join(root, 'dist', compiledFiles.details), JSON.stringify(compiled.details));
    console.log(
      `dist/${compiledFiles.index}: ${compiled.index.roadmaps.length} roadmap(s); dist/${compiledFiles.details}: ${Object.keys(compiled.details.topics).length} topics`,
    );
  })
  .catch((e: unknown) => {
    console.error(`Bundled roadmaps are invalid:\n${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
