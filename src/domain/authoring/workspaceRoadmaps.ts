// Course authors' own roadmaps (`.backend-roadmap/*.yaml`): validated against the bundled roadmaps
// they may build on, each file on its own so one broken file leaves the others (and its own last
// good version) in place. Pure: the extension, the CLI's `validate` and the bench share it.
import { lineLocator } from '../shared/jsonPosition';
import type { Problem } from '../shared/problems';
import { readFileInside } from '../shared/safeFs';
import { maxRoadmapBytes } from './courseFolder';
import type { Roadmap } from '../roadmap/schema';
import { isTrackSource, loadRoadmap } from '../roadmap/yaml';

export interface AuthoringFile {
  file: string;
  text: string;
}

/** What workspace files are checked against: the bundled roadmaps (whole) and every exercise id that exists. */
export interface AuthoringContext {
  bundled: readonly Roadmap[];
  /** Bundled and workspace exercise ids. */
  exerciseIds: ReadonlySet<string>;
  /** How a learner makes a missing exercise exist, said after "unknown exercise id". */
  exerciseHint?: string;
}

export interface FileResult {
  file: string;
  /** Undefined when the file has problems. */
  roadmap?: Roadmap;
  problems: Problem[];
}

/**
 * Validates every file: complete roadmaps first, then tracks until no more load (a track may be built
 * on another track, whatever the file names' order).
 */
export function validateAuthoringFiles(files: readonly AuthoringFile[], context: AuthoringContext): FileResult[] {
  const loaded: { file: string; roadmap: Roadmap }[] = [];
  const results = new Map<string, FileResult>();
  const take = (f: AuthoringFile): boolean => {
    const result = validateAuthoringFile(f, context, loaded);
    results.set(f.file, result);
    if (result.roadmap) loaded.push({ file: f.file, roadmap: result.roadmap });
    return result.roadmap !== undefined;
  };
  for (const f of files.filter((x) => !isTrackSource(x.text))) take(f);
  let pending = files.filter((x) => isTrackSource(x.text));
  for (let progress = true; progress && pending.length > 0;) {
    const before = pending.length;
    pending = pending.filter((f) => !take(f));
    progress = pending.length < before;
  }
  return files.map((f) => results.get(f.file) ?? { file: f.file, problems: [] });
}

/**
 * Reads a course's roadmap files (inside `root`, through safeFs) and validates them together: what the
 * editor and `backend-roadmap validate` both do. An unreadable or oversized file is a problem of its
 * own, never parsed. Results come in `files`' order.
 */
export async function checkCourseFiles(root: string, files: readonly string[], context: AuthoringContext): Promise<FileResult[]> {
  const read = await Promise.all(
    files.map(async (file): Promise<AuthoringFile | FileResult> => {
      const unread = (message: string): FileResult => ({ file, problems: [{ file, line: 1, col: 1, message }] });
      try {
        const text = await readFileInside(root, file, { maxBytes: maxRoadmapBytes + 1 });
        if (Buffer.byteLength(text) > maxRoadmapBytes)
          return unread(`the file is larger than ${maxRoadmapBytes / 1024 / 1024} MB; not read`);
        return { file, text };
      } catch (e) {
        return unread(`could not read the file: ${e instanceof Error ? e.message : String(e)}`);
      }
    }),
  );
  const checked = new Map(
    validateAuthoringFiles(
      read.filter((r): r is AuthoringFile => 'text' in r),
      context,
    ).map((r) => [r.file, r] as const),
  );
  return read.map((r) => ('text' in r ? (checked.get(r.file) ?? { file: r.file, problems: [] }) : r));
}

/**
 * One file against the bundled roadmaps and the workspace roadmaps that loaded (`others`; this file's
 * own entry is ignored). What the editor runs on each pause in typing.
 */
export function validateAuthoringFile(
  { file, text }: AuthoringFile,
  context: AuthoringContext,
  others: readonly { file: string; roadmap: Roadmap }[],
): FileResult {
  const workspace = others.filter((o) => o.file !== file);
  const bases = new Map<string, Roadmap>();
  for (const r of context.bundled) bases.set(r.id, r);
  for (const o of workspace) if (!bases.has(o.roadmap.id)) bases.set(o.roadmap.id, o.roadmap);
  // Progress is kept by topic id: a track's own topic may not take an id another roadmap defines.
  const takenTopicIds = new Map<string, string>();
  const claim = (roadmap: Roadmap, owner: string) => {
    for (const p of roadmap.phases) for (const t of p.topics) if (!takenTopicIds.has(t.id)) takenTopicIds.set(t.id, owner);
  };
  for (const r of context.bundled) claim(r, `the bundled roadmap "${r.id}"`);
  for (const o of workspace) claim(o.roadmap, `the workspace roadmap "${o.roadmap.id}"`);
  const result = loadRoadmap(text, file, { bases, knownExercises: context.exerciseIds, exerciseHint: context.exerciseHint, takenTopicIds });
  if (!result.ok) return { file, problems: result.problems };
  const roadmap = result.value;
  const owner = context.bundled.some((r) => r.id === roadmap.id)
    ? 'a bundled roadmap'
    : workspace.find((o) => o.roadmap.id === roadmap.id)?.file;
  if (owner)
    return { file, problems: [{ file, ...idPosition(text), message: `id: roadmap id "${roadmap.id}" is already used by ${owner}` }] };
  return { file, roadmap, problems: [] };
}

/** Where the top-level `id:` value is, for problems about the roadmap as a whole. */
function idPosition(text: string): Pick<Problem, 'line' | 'col' | 'end'> {
  const match = /^id:[ \t]*(\S[^\r\n#]*?)[ \t]*(?:#.*)?$/m.exec(text);
  if (!match) return { line: 1, col: 1 };
  const pos = lineLocator(text);
  const start = match.index + match[0].indexOf(match[1] ?? '', 3);
  return { ...pos(start), end: pos(start + (match[1]?.length ?? 0)) };
}

export interface ShownRoadmap {
  file: string;
  roadmap: Roadmap;
  /** The file has problems now; this is the last version of it that loaded. */
  stale: boolean;
}

/**
 * What is shown after a validation: each file's new roadmap, or the last one that loaded while it
 * has problems. A file that no longer exists drops out. Returns the table to keep for next time.
 */
export function withLastGood(
  previous: ReadonlyMap<string, Roadmap>,
  results: readonly FileResult[],
): { shown: ShownRoadmap[]; lastGood: Map<string, Roadmap> } {
  const lastGood = new Map<string, Roadmap>();
  const shown: ShownRoadmap[] = [];
  // A stale version never stands beside a loaded roadmap with its id (a copied file, say).
  const fresh = new Set(results.flatMap((r) => (r.roadmap ? [r.roadmap.id] : [])));
  for (const r of results) {
    const roadmap = r.roadmap ?? previous.get(r.file);
    if (!roadmap) continue;
    lastGood.set(r.file, roadmap);
    if (r.roadmap === undefined && fresh.has(roadmap.id)) continue;
    shown.push({ file: r.file, roadmap, stale: r.roadmap === undefined });
  }
  return { shown, lastGood };
}
