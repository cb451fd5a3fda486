// The YAML front end of the roadmap loader, with source positions. Kept apart from roadmapLoader.ts
// so the extension bundle, which reads compiled JSON, never loads the YAML parser.
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { lineLocator } from '../shared/jsonPosition';
import { maxProblems, validateRoadmap } from './validate';
import type { FixKind, LoadOptions, Path } from './validate';
import type { Problem, Result } from '../shared/problems';
import type { Roadmap } from './schema';

/** Far deeper than any roadmap (seven levels), far shallower than what overflows the stack. */
export const maxYamlDepth = 100;
/** yaml resolves each alias by scanning every anchor and alias before it; this bounds the scans' total length. */
export const maxAliasLookups = 10_000_000;
/** Nodes that aliases may add once expanded: the validator walks them all ("billion laughs"). */
export const maxAliasExpansion = 100_000;

/** Tracks reuse another roadmap's topics, so they are loaded after the roadmaps. */
export function isTrackSource(text: string): boolean {
  return /^kind:\s*["']?track["']?\s*(#.*)?$/m.test(text);
}

/** Parses and validates one roadmap file. Never throws on bad content: every failure is a Problem. */
export function loadRoadmap(text: string, file: string, options: LoadOptions = {}): Result<Roadmap> {
  const linePos = lineLocator(text);
  const problem = (offset: number, message: string, endOffset?: number): Problem => ({
    file,
    ...linePos(offset),
    ...(endOffset !== undefined && endOffset > offset ? { end: linePos(endOffset) } : {}),
    message,
  });
  try {
    // logLevel: collection keys would otherwise print a process warning during toJS.
    // uniqueKeys: yaml's check is quadratic in a map's size; checkStructure does it in one pass.
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    if (doc.errors.length > 0) {
      // The composer reports a stack overflow at every level it unwinds; once is enough.
      let overflowSeen = false;
      const errors = doc.errors.filter((e) => {
        if (e.code !== 'RESOURCE_EXHAUSTION') return true;
        const first = !overflowSeen;
        overflowSeen = true;
        return first;
      });
      return {
        ok: false,
        problems: capped(errors, (e) =>
          problem(
            e.pos[0],
            e.code === 'RESOURCE_EXHAUSTION'
              ? `YAML: nested too deeply to read (${firstLine(e.message)})`
              : `YAML: ${firstLine(e.message)}`,
            Math.max(e.pos[1], lineEnd(text, e.pos[0])),
          ),
        ),
      };
    }
    const structural = checkStructure(doc);
    if (structural.length > 0) return { ok: false, problems: capped(structural, (s) => problem(s.offset, s.message)) };
    // Expansion is bounded above; yaml's own alias counting is quadratic, so it is switched off.
    const raw: unknown = doc.toJS({ maxAliasCount: -1 });
    return validateRoadmap(raw, file, options, (path, fix) => {
      const [start, end] = rangeOf(doc, text, path);
      const edits = fix ? fixEdits(doc, text, path, fix) : undefined;
      return {
        ...linePos(start),
        ...(end > start ? { end: linePos(end) } : {}),
        ...(edits
          ? { fix: { title: edits.title, edits: edits.edits.map((e) => ({ start: linePos(e.start), end: linePos(e.end), text: e.text })) } }
          : {}),
      };
    });
  } catch (e) {
    // Nothing above should throw; if something does, it is still the file's problem to report.
    return { ok: false, problems: [{ file, line: 1, col: 1, message: `could not read the roadmap: ${errorMessage(e)}` }] };
  }
}

interface Structural {
  offset: number;
  message: string;
}

/**
 * What yaml would be slow on, throw on or recurse too deeply for, found in one iterative walk in
 * document order: nesting deeper than maxYamlDepth, repeated map keys, aliases with no anchor
 * before them, more anchors and aliases than resolve quickly, and aliases that expand to too much.
 */
function checkStructure(doc: Document): Structural[] {
  const found: Structural[] = [];
  const once = new Set<string>();
  const report = (node: Node, message: string, onceKey?: string) => {
    if (onceKey !== undefined) {
      if (once.has(onceKey)) return;
      once.add(onceKey);
    }
    found.push({ offset: node.range?.[0] ?? 0, message });
  };
  // The last node with each anchor so far, and each finished node's size with aliases expanded.
  const anchors = new Map<string, Node>();
  const sizes = new Map<unknown, number>();
  // Anchors and aliases so far (what yaml scans per alias), and the length of those scans.
  let refs = 0;
  let lookups = 0;
  let expansion = 0;
  const stack: { node: unknown; depth: number; exit: boolean }[] = [{ node: doc.contents, depth: 0, exit: false }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, depth } = item;
    if (item.exit) {
      const children: unknown[] = isPair(node) ? [node.key, node.value] : isCollection(node) ? node.items : [];
      sizes.set(
        node,
        children.reduce<number>((sum, child) => sum + (sizes.get(child) ?? 0), isPair(node) ? 0 : 1),
      );
      continue;
    }
    if (isPair(node)) {
      stack.push({ node, depth, exit: true }, { node: node.value, depth, exit: false }, { node: node.key, depth, exit: false });
      continue;
    }
    if (!isNode(node)) continue;
    if (isAlias(node)) {
      lookups += refs++;
      if (lookups > maxAliasLookups)
        report(node, `YAML: too many anchors and aliases to resolve (over ${maxAliasLookups} lookups by here)`, 'lookups');
      const target = anchors.get(node.source);
      if (!target) {
        report(node, `YAML: alias *${node.source} has no anchor &${node.source} before it`);
        sizes.set(node, 1);
        continue;
      }
      // An alias inside its own anchor makes a cycle: no bigger for that.
      const size = sizes.get(target) ?? 1;
      sizes.set(node, size);
      expansion += size - 1;
      if (expansion > maxAliasExpansion)
        report(node, `YAML: aliases expand to more than ${maxAliasExpansion} extra nodes (a "billion laughs" document?)`, 'expansion');
      continue;
    }
    if (node.anchor) {
      anchors.set(node.anchor, node);
      refs++;
    }
    if (!isCollection(node)) {
      sizes.set(node, 1);
      continue;
    }
    if (depth >= maxYamlDepth) {
      report(node, `YAML: nested more than ${maxYamlDepth} levels deep`, 'depth');
      sizes.set(node, 1);
      continue;
    }
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        if (keys.has(pair.key.value)) report(pair.key, `YAML: Map keys must be unique ("${String(pair.key.value).slice(0, 80)}" repeats)`);
        keys.add(pair.key.value);
      }
    }
    stack.push({ node, depth, exit: true });
    for (let k = node.items.length - 1; k >= 0; k--) stack.push({ node: node.items[k], depth: depth + 1, exit: false });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** The first maxProblems, then one that says how many more there are. */
function capped<T>(items: readonly T[], toProblem: (item: T) => Problem): Problem[] {
  const problems = items.slice(0, maxProblems).map(toProblem);
  const rest = items.length - maxProblems;
  const next = items[maxProblems];
  if (rest > 0 && next !== undefined) problems.push({ ...toProblem(next), message: `… and ${rest} more problems` });
  return problems;
}

/** The deepest node on the path that exists, and how deep that is. */
function deepest(doc: Document, path: Path): { node: Node | undefined; depth: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return { node, depth };
  }
  return { node: undefined, depth: 0 };
}

/**
 * The source range a problem at `path` underlines: a scalar whole, a collection's first line only (a
 * whole topic underlined says nothing), and for a missing field the first line of the map lacking it.
 */
function rangeOf(doc: Document, text: string, path: Path): [number, number] {
  const { node, depth } = deepest(doc, path);
  if (!node?.range) return [0, lineEnd(text, 0)];
  const [start, end] = node.range;
  if (depth === path.length && !isCollection(node)) return [start, end];
  return [start, Math.min(end, lineEnd(text, start))];
}

/** The offset of the end of the line holding `offset` (before its newline). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl === -1 ? text.length : nl;
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** The edits of an obvious repair, or undefined when the source is laid out so that the repair is not obvious. */
function fixEdits(doc: Document, text: string, path: Path, fix: FixKind): { title: string; edits: OffsetEdit[] } | undefined {
  const found = fix === 'removeItem' ? removeItem(doc, text, path) : addId(doc, text, path);
  return found && parsesAfter(text, found.edits) ? found : undefined;
}

/** Files up to this size are re-parsed to prove a fix leaves valid YAML; a bigger one offers none. */
const maxFixCheckChars = 512 * 1024;

/** Whether the text with the edits applied still parses (a layout the edits did not foresee must not break the file). */
function parsesAfter(text: string, edits: readonly OffsetEdit[]): boolean {
  if (text.length > maxFixCheckChars) return false;
  const fixed = [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
  return parseDocument(fixed, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' }).errors.length === 0;
}

/** Removes a sequence item: its line in a block sequence, the item and one comma in a flow one. */
function removeItem(doc: Document, text: string, path: Path): { title: string; edits: OffsetEdit[] } | undefined {
  const index = path.at(-1);
  const parentPath = path.slice(0, -1);
  const seq: unknown = doc.getIn(parentPath, true);
  if (typeof index !== 'number' || !isSeq(seq) || !seq.range) return undefined;
  const item = seq.items[index];
  if (!isScalar(item) || !item.range) return undefined;
  const title = `Remove "${String(item.value)}"`;
  const [start, valueEnd] = item.range;
  if (seq.flow) {
    if (seq.items.length === 1) return { title, edits: [{ start, end: valueEnd, text: '' }] };
    const after = /^\s*,\s*/.exec(text.slice(valueEnd));
    if (after && index < seq.items.length - 1) return { title, edits: [{ start, end: valueEnd + after[0].length, text: '' }] };
    const before = /,\s*$/.exec(text.slice(0, start));
    return before ? { title, edits: [{ start: start - before[0].length, end: valueEnd, text: '' }] } : undefined;
  }
  const from = lineStart(text, start);
  if (!/^\s*-\s*$/.test(text.slice(from, start))) return undefined;
  const to = lineEnd(text, valueEnd);
  if (seq.items.length > 1)
    return { title, edits: [{ start: from, end: Math.min(text.length, to + (text[to] === '\r' ? 2 : 1)), text: '' }] };
  // The only item: the key keeps an empty list, or the field would become null.
  const key = parentPath.at(-1);
  const map: unknown = doc.getIn(parentPath.slice(0, -1), true);
  const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  const keyEnd = isScalar(pair?.key) ? pair.key.range?.[1] : undefined;
  return keyEnd === undefined ? undefined : { title, edits: [{ start: keyEnd, end: to, text: ': []' }] };
}

/** Adds `id: <slug of the title or text>` as the first field of the map that lacks it. */
function addId(doc: Document, text: string, path: Path): { title: string; edits: OffsetEdit[] } | undefined {
  const map: unknown = doc.getIn(path.slice(0, -1), true);
  if (!isMap(map) || path.at(-1) !== 'id') return undefined;
  const first = map.items[0];
  if (!isScalar(first?.key) || !first.key.range) return undefined;
  const named = ['title', 'text', 'question'].map((k) => map.get(k)).find((v): v is string => typeof v === 'string');
  // Ids are unique across the file (topic ids across every phase), so any id already written is taken.
  const taken = new Set([...text.matchAll(/\bid:[ \t]*["']?([a-z0-9-]+)/g)].map((m) => m[1]));
  const base = slugify(named ?? '') || 'new-item';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const at = first.key.range[0];
  const separator = map.flow ? ', ' : `\n${' '.repeat(at - lineStart(text, at))}`;
  // "404", "1e3", "true" or "null" would be read as something other than a string.
  const value = /^[0-9]/.test(id) || ['true', 'false', 'null'].includes(id) ? `"${id}"` : id;
  return { title: `Add the missing id "${id}"`, edits: [{ start: at, end: at, text: `id: ${value}${separator}` }] };
}

/** A lowercase slug of a title, at most 40 characters, cut at a word. */
export function slugify(title: string): string {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > 40) break;
    out = next;
  }
  return out || (words[0] ?? '').slice(0, 40);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function errorMessage(e: unknown): string {
  return firstLine(e instanceof Error ? e.message : String(e));
}
