// The YAML front end of the roadmap loader, with source positions. Kept apart from roadmapLoader.ts
// so the extension bundle, which reads compiled JSON, never loads the YAML parser.
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { lineLocator } from '../shared/jsonPosition';
import { maxProblems, validateRoadmap } from './validate';
import type { LoadOptions, Path } from './validate';
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
  const problem = (offset: number, message: string): Problem => ({ file, ...linePos(offset), message });
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
          ),
        ),
      };
    }
    const structural = checkStructure(doc);
    if (structural.length > 0) return { ok: false, problems: capped(structural, (s) => problem(s.offset, s.message)) };
    // Expansion is bounded above; yaml's own alias counting is quadratic, so it is switched off.
    const raw: unknown = doc.toJS({ maxAliasCount: -1 });
    return validateRoadmap(raw, file, options, (path) => linePos(offsetOf(doc, path)));
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

/** The source offset of the deepest node on the path that exists. */
function offsetOf(doc: Document, path: Path): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function errorMessage(e: unknown): string {
  return firstLine(e instanceof Error ? e.message : String(e));
}
