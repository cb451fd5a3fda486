// The YAML front end of the roadmap loader, with source positions. Kept apart from roadmapLoader.ts
// so the extension bundle, which reads compiled JSON, never loads the YAML parser.
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { validateRoadmap } from './roadmapLoader';
import type { LoadOptions, Path } from './roadmapLoader';
import type { Result } from './problems';
import type { Roadmap } from './roadmapSchema';

/** Tracks reuse another roadmap's topics, so they are loaded after the roadmaps. */
export function isTrackSource(text: string): boolean {
  return /^kind:\s*["']?track["']?\s*(#.*)?$/m.test(text);
}

/** Parses and validates one roadmap file. Never throws on bad content. */
export function loadRoadmap(text: string, file: string, options: LoadOptions = {}): Result<Roadmap> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file, line: pos.line, col: pos.col, message: `YAML: ${firstLine(e.message)}` };
      }),
    };
  }
  return validateRoadmap(doc.toJS(), file, options, (path) => lineCounter.linePos(offsetOf(doc, path)));
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
