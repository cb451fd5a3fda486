// Build step: validates the bundled roadmaps (problems fail the build with file:line:col) and writes
// dist/roadmaps.json, so activation parses JSON instead of YAML.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { compileRoadmaps } from '../src/domain/roadmap/files';

const root = path.join(__dirname, '..');
compileRoadmaps(path.join(root, 'roadmaps'))
  .then((compiled) => {
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    writeFileSync(path.join(root, 'dist', 'roadmaps.json'), JSON.stringify(compiled));
    console.log(`dist/roadmaps.json: ${compiled.sources.length} roadmap file(s)`);
  })
  .catch((e: unknown) => {
    console.error(`Bundled roadmaps are invalid:\n${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
