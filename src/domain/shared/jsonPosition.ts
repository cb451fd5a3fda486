// Where JSON text breaks, as line:col, for messages a learner can act on.

/** Line and column (1-based) where JSON text first breaks, found by our own scan (engines' messages vary). */
export function jsonErrorPosition(text: string, message: string): { line: number; col: number } {
  let offset = firstJsonError(text);
  if (offset === undefined) {
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
    const pos = /position (\d+)/.exec(message);
    offset = pos ? Number(pos[1]) : text.length;
  }
  return lineCol(text, offset);
}

/** 1-based line and column of a character offset (clamped to the text). */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  return lineLocator(text)(offset);
}

/**
 * Line and column lookups for many offsets in one text: line starts once, then a binary search each.
 * (yaml's own LineCounter loses lines inside tokens it recovers from after an error.)
 */
export function lineLocator(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: at - (starts[lo] ?? 0) + 1 };
  };
}

/** Offset of the first JSON syntax error, or undefined for valid JSON. */
export function firstJsonError(text: string): number | undefined {
  const result = scanJson(text);
  return result.ok ? undefined : result.offset;
}

export type JsonKey = string | number;

/**
 * Offset of the value at `path` in valid JSON text, or of its deepest ancestor that exists (the root
 * when none does). For a repeated key the last one counts, as in JSON.parse.
 */
export function jsonValueOffset(text: string, path: readonly JsonKey[]): number {
  // onPath[d]: the value being read at depth d lies on `path`. found[d]: the latest such value's offset;
  // a repeated key drops what was found inside its earlier occurrence.
  const onPath: boolean[] = [];
  const found: number[] = [];
  scanJson(text, (start, depth, key) => {
    const here = depth === 0 || (onPath[depth - 1] === true && depth <= path.length && String(path[depth - 1]) === String(key));
    onPath[depth] = here;
    if (here) {
      found.length = depth;
      found.push(start);
    }
  });
  return found.at(-1) ?? 0;
}

type OnValue = (start: number, depth: number, key: JsonKey | undefined) => void;

const OBJECT = 0;
const ARRAY = 1;

/**
 * One pass over JSON text with an explicit stack, so deep nesting cannot overflow the call stack.
 * `onValue` sees where each value starts, its depth and its key (or index) in the parent.
 */
function scanJson(text: string, onValue?: OnValue): { ok: true } | { ok: false; offset: number } {
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const kinds: number[] = [];
  // Per open array: the next index. Per open object: the key being read.
  const keys: JsonKey[] = [];
  let i = 0;
  const ws = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  };
  /** Skips a string at i; false where it breaks (i then points there). */
  const str = (): boolean => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c === 92) {
        i += 2;
        continue;
      }
      if (c < 32) return false;
      i++;
    }
    return false;
  };
  /** Reads `"key":` at i; false where it breaks. */
  const key = (): boolean => {
    ws();
    if (text[i] !== '"') return false;
    const start = i;
    if (!str()) return false;
    if (onValue) keys[keys.length - 1] = decodeKey(text.slice(start, i));
    ws();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  for (;;) {
    // A value starts here.
    ws();
    const depth = kinds.length;
    if (onValue) onValue(i, depth, depth === 0 ? undefined : keys[depth - 1]);
    const c = text[i];
    let closed = true;
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
      } else {
        kinds.push(c === '{' ? OBJECT : ARRAY);
        keys.push(0);
        if (c === '{' && !key()) return { ok: false, offset: i };
        closed = false;
      }
    } else if (c === '"') {
      if (!str()) return { ok: false, offset: i };
    } else {
      number.lastIndex = i;
      const m = number.exec(text);
      if (m && m[0]) i += m[0].length;
      else {
        const literal = ['true', 'false', 'null'].find((l) => text.startsWith(l, i));
        if (!literal) return { ok: false, offset: i };
        i += literal.length;
      }
    }
    if (!closed) continue;

    // After a complete value: close containers until one wants another value.
    for (;;) {
      const top = kinds.length - 1;
      if (top < 0) {
        ws();
        return i < text.length ? { ok: false, offset: i } : { ok: true };
      }
      ws();
      const isObject = kinds[top] === OBJECT;
      if (text[i] === ',') {
        i++;
        if (isObject) {
          if (!key()) return { ok: false, offset: i };
        } else {
          keys[top] = (keys[top] as number) + 1;
        }
        break;
      }
      if (text[i] !== (isObject ? '}' : ']')) return { ok: false, offset: i };
      i++;
      kinds.pop();
      keys.pop();
    }
  }
}

function decodeKey(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    // Bad escapes pass our scan but not JSON.parse; such text is never valid JSON anyway.
    return literal.slice(1, -1);
  }
}
