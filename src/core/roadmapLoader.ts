import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { roadmapSchema } from './roadmapSchema';
import type { Roadmap } from './roadmapSchema';
import type { Problem, Result } from './problems';

export interface LoadOptions {
  /** Exercise ids that exist; when given, topics may only reference these. */
  knownExercises?: ReadonlySet<string>;
}

type Path = readonly (string | number)[];

/** Parses and validates one roadmap file. Never throws on bad content. */
export function loadRoadmap(text: string, file: string, options: LoadOptions = {}): Result<Roadmap> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): Problem => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, col: pos.col, message };
  };

  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => at(e.pos[0], `YAML: ${firstLine(e.message)}`)) };
  }

  const parsed = roadmapSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      return at(offsetOf(doc, path), `${describePath(path)}: ${issue.message}`);
    });
    return { ok: false, problems };
  }

  const roadmap = parsed.data;
  const problems = checkReferences(roadmap, options).map(({ path, message }) =>
    at(offsetOf(doc, path), `${describePath(path)}: ${message}`),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: roadmap };
}

interface RefProblem {
  path: Path;
  message: string;
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
    phase.topics.forEach((topic, t) => {
      claim(topic.id, ['phases', p, 'topics', t, 'id'], 'topic');
      const items = new Set<string>();
      topic.checklist.forEach((item, i) => {
        if (items.has(item.id)) {
          problems.push({
            path: ['phases', p, 'topics', t, 'checklist', i, 'id'],
            message: `duplicate checklist item id "${item.id}" in topic "${topic.id}"`,
          });
        }
        items.add(item.id);
      });
    });
  });

  const topicIds = new Set(roadmap.phases.flatMap((ph) => ph.topics.map((t) => t.id)));
  roadmap.phases.forEach((phase, p) =>
    phase.topics.forEach((topic, t) => {
      topic.prerequisites.forEach((pre, i) => {
        if (!topicIds.has(pre)) {
          problems.push({ path: ['phases', p, 'topics', t, 'prerequisites', i], message: `unknown topic id "${pre}"` });
        } else if (pre === topic.id) {
          problems.push({ path: ['phases', p, 'topics', t, 'prerequisites', i], message: 'a topic cannot require itself' });
        }
      });
      if (options.knownExercises) {
        topic.exercises.forEach((ex, i) => {
          if (!options.knownExercises?.has(ex)) {
            problems.push({ path: ['phases', p, 'topics', t, 'exercises', i], message: `unknown exercise id "${ex}"` });
          }
        });
      }
    }),
  );

  for (const cycle of findCycles(roadmap)) {
    problems.push({ path: cycle.path, message: `prerequisite cycle: ${cycle.ids.join(' -> ')}` });
  }

  Object.keys(roadmap.renamed).forEach((oldId) => {
    if (topicIds.has(oldId)) {
      problems.push({ path: ['renamed', oldId], message: `"${oldId}" is renamed but still used as a topic id` });
    }
  });
  return problems;
}

function findCycles(roadmap: Roadmap): { ids: string[]; path: Path }[] {
  const topics = new Map<string, { prereqs: string[]; path: Path }>();
  roadmap.phases.forEach((phase, p) =>
    phase.topics.forEach((topic, t) =>
      topics.set(topic.id, { prereqs: topic.prerequisites.filter((x) => x !== topic.id), path: ['phases', p, 'topics', t, 'prerequisites'] }),
    ),
  );
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: { ids: string[]; path: Path }[] = [];
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of topics.get(id)?.prereqs ?? []) {
      if (!topics.has(next)) continue;
      const s = state.get(next);
      if (s === 'visiting') {
        const ids = [...stack.slice(stack.indexOf(next)), next];
        cycles.push({ ids, path: topics.get(id)?.path ?? [] });
      } else if (s === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of topics.keys()) if (!state.has(id)) visit(id);
  return cycles;
}

/** The source offset of the deepest node on the path that exists. */
function offsetOf(doc: Document, path: Path): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

function describePath(path: Path): string {
  if (path.length === 0) return 'roadmap';
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '');
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
