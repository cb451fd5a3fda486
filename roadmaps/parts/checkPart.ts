// Temporary helper while the complete roadmap is written in parts: validates one part file.
// Usage: npx tsx roadmaps/parts/checkPart.ts a|b|c
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { loadRoadmap } from '../../src/core/roadmapLoader';
import { formatProblem } from '../../src/core/problems';

const part = process.argv[2] ?? '';
const file = path.join(__dirname, `${part}.yaml`);
const anchors = JSON.parse(readFileSync(path.join(__dirname, 'anchors.json'), 'utf8')) as Record<string, string[]>;
const text = readFileSync(file, 'utf8');
const header = 'schemaVersion: 1\nid: part\ntitle: Part\ndescription: Part check.\n';
// Stub topics for other parts' anchors, so references to them resolve.
const others = Object.entries(anchors).filter(([k]) => k !== part).flatMap(([, ids]) => ids);
const stub = `  - id: zz-anchors\n    title: Anchors\n    topics:\n${others.map((id) => `      - { id: ${id}, title: x, summary: x, why: x, estimatedHours: 1, checklist: [{ id: x, text: x }], resources: [{ title: x, url: "https://example.org", type: docs }] }\n`).join('')}`;
const body = text.replace(/^phases:\s*$/m, `phases:\n${stub}`);
const result = loadRoadmap(header + body, file, { knownExercises: new Set(['express-route']) });
const offset = header.split('\n').length - 1 + stub.split('\n').length - 1;
if (!result.ok) {
  for (const p of result.problems) console.log(formatProblem({ ...p, line: p.line - offset }));
  process.exit(1);
}
const own = new Set(result.value.phases.filter((p) => p.id !== 'zz-anchors').flatMap((p) => p.topics.map((t) => t.id)));
const missing = (anchors[part] ?? []).filter((id) => !own.has(id));
if (missing.length) {
  console.log(`missing anchor topics this part must define: ${missing.join(', ')}`);
  process.exit(1);
}
const doc = parse(text) as { paths?: unknown[]; projects?: unknown[] };
console.log(`${file}: OK — ${own.size} topics in ${result.value.phases.length - 1} phases` + (doc.paths ? `, ${doc.paths.length} paths` : '') + (doc.projects ? `, ${doc.projects.length} projects` : ''));
