// Course authoring: what one pause in typing costs. The editor waits typingDebounceMs after the last
// keystroke, then validates the open file (parse, schema, references, ranges and fixes) against the
// bundled roadmaps; these rows time that validation, next to parsing the same text alone.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { typingDebounceMs } from '../src/domain/authoring/courseFolder';
import { validateAuthoringFile } from '../src/domain/authoring/workspaceRoadmaps';
import type { AuthoringContext } from '../src/domain/authoring/workspaceRoadmaps';
import { loadCatalog } from '../src/domain/roadmap/files';
import { spread } from './stats';
import type { Spread } from './stats';
import { syntheticRoadmap } from './synthetic';

export interface AuthoringTimes {
  debounceMs: number;
  bundledTopics: number;
  bundledKb: number;
  bundled: Spread;
  bundledParse: Spread;
  bigKb: number;
  big: Spread;
  bigParse: Spread;
}

/** Alternates the two functions so drift in the machine's load hits both; one warm-up each. */
function paired(a: () => unknown, b: () => unknown, n: number): [Spread, Spread] {
  a();
  b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    a();
    as.push(performance.now() - t);
    t = performance.now();
    b();
    bs.push(performance.now() - t);
  }
  return [spread(as), spread(bs)];
}

export async function authoringTimes(repoRoot: string, samples = 25): Promise<AuthoringTimes> {
  const catalog = await loadCatalog(path.join(repoRoot, 'roadmaps'));
  const context: AuthoringContext = {
    bundled: catalog.roadmaps.map((r) => r.roadmap),
    exerciseIds: new Set(catalog.exercises.map((e) => e.id)),
  };
  // The bundled roadmap as if an author had copied it into the workspace under another id.
  const bundledText = (await fs.readFile(path.join(repoRoot, 'roadmaps', 'backend.yaml'), 'utf8')).replace(
    /^id: backend$/m,
    'id: backend-copy',
  );
  const bigText = stringify(syntheticRoadmap(5000));
  const file = '/ws/.backend-roadmap/course.yaml';
  const check = (text: string) => {
    const r = validateAuthoringFile({ file, text }, context, []);
    if (!r.roadmap)
      throw new Error(
        `bench input has problems: ${r.problems
          .slice(0, 3)
          .map((p) => p.message)
          .join('; ')}`,
      );
    return r;
  };
  const bundledTopics = check(bundledText).roadmap?.phases.reduce((n, p) => n + p.topics.length, 0) ?? 0;
  const [bundled, bundledParse] = paired(
    () => check(bundledText),
    () => parseDocument(bundledText),
    samples,
  );
  const [big, bigParse] = paired(
    () => check(bigText),
    () => parseDocument(bigText),
    Math.max(5, Math.round(samples / 2)),
  );
  return {
    debounceMs: typingDebounceMs,
    bundledTopics,
    bundledKb: bundledText.length / 1024,
    bundled,
    bundledParse,
    bigKb: bigText.length / 1024,
    big,
    bigParse,
  };
}

if (require.main === module) {
  void authoringTimes(path.join(__dirname, '..')).then((t) => console.log(JSON.stringify(t, null, 2)));
}
