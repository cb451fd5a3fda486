import type { Exercise } from './manifest';

/** How much of a file is read for imports: they sit at its top, and a huge minified line stays cheap. */
export const importScanLimit = 64 * 1024;

/**
 * npm packages a JavaScript or TypeScript file imports: `import … from 'x'`, `import 'x'`,
 * `import('x')`, `require('x')` and `export … from 'x'`. Relative paths and `node:` builtins are left out.
 * Only the first `importScanLimit` characters are read, in one linear pass (no backtracking regex).
 */
export function importedPackages(source: string): string[] {
  const text = source.length > importScanLimit ? source.slice(0, importScanLimit) : source;
  const found = new Set<string>();
  const add = (specifier: string | undefined) => {
    const name = specifier === undefined ? undefined : packageName(specifier);
    if (name) found.add(name);
  };
  // Inside `import …` / `export …` up to the next quote or semicolon, where `from 'x'` may follow.
  let inStatement = false;
  // Where the last `import 'x'` and the last `import('x')` / `require('x')` ended: like the regexes
  // this scan replaced, a match never starts inside an earlier one of its kind.
  let bareEnd = 0;
  let callEnd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === ';') {
      inStatement = false;
      continue;
    }
    if (c !== 'i' && c !== 'e' && c !== 'r' && c !== 'f') continue;
    if (i > 0 && isWordChar(text[i - 1])) continue;
    const word = ['import', 'export', 'require', 'from'].find((w) => text.startsWith(w, i));
    if (!word) continue;
    const after = i + word.length;
    const next = skipSpace(text, after);
    if (word === 'from') {
      if (inStatement) add(quoted(text, next)?.value);
      continue;
    }
    if (word !== 'require' && isSpace(text[after])) inStatement = true;
    const bare = word === 'import' && i >= bareEnd ? quoted(text, next) : undefined;
    if (bare) {
      add(bare.value);
      bareEnd = bare.end;
    }
    if (word !== 'export' && i >= callEnd && text[next] === '(') {
      // import('x') and require('x'), spaces allowed inside the parentheses.
      const arg = quoted(text, skipSpace(text, next + 1));
      const close = arg ? skipSpace(text, arg.end) : -1;
      if (arg && text[close] === ')') {
        add(arg.value);
        callEnd = close + 1;
      }
    }
    i = after - 1;
  }
  return [...found].sort();
}

/** A string literal opening at `at`: one or more characters other than quotes and newlines, closed by either quote. */
function quoted(text: string, at: number): { value: string; end: number } | undefined {
  if (text[at] !== "'" && text[at] !== '"') return undefined;
  let end = at + 1;
  while (end < text.length && text[end] !== "'" && text[end] !== '"' && text[end] !== '\n') end++;
  if (end === at + 1 || end >= text.length || text[end] === '\n') return undefined;
  return { value: text.slice(at + 1, end), end: end + 1 };
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text[at])) at++;
  return at;
}

const space = /\s/;
const wordChar = /\w/;

function isSpace(c: string | undefined): boolean {
  return c !== undefined && space.test(c);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && wordChar.test(c);
}

/** `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`; relative, absolute and builtin specifiers → undefined. */
export function packageName(specifier: string): string | undefined {
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
}

/** Exercises that practise a package the file imports, in library order. */
export function exercisesForImports(exercises: readonly Exercise[], packages: readonly string[]): Exercise[] {
  const wanted = new Set(packages);
  return exercises.filter((e) => e.imports.some((i) => wanted.has(i)));
}

/**
 * Python modules a file imports, by their top-level package: `import a.b, c as d` → a, c;
 * `from x.y import z` → x. Relative imports are left out. Line by line, over at most `importScanLimit`.
 */
export function pythonImports(source: string): string[] {
  const text = source.length > importScanLimit ? source.slice(0, importScanLimit) : source;
  const found = new Set<string>();
  const top = (dotted: string) => /^[A-Za-z_]\w*/.exec(dotted.trim())?.[0];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('from ')) {
      const module = line.slice(5).trimStart().split(/\s/, 1)[0] ?? '';
      const name = module.startsWith('.') ? undefined : top(module);
      if (name) found.add(name);
    } else if (line.startsWith('import ')) {
      for (const part of line.slice(7).split('#', 1)[0]?.split(',') ?? []) {
        const name = top(part);
        if (name) found.add(name);
      }
    }
  }
  return [...found].sort();
}

/**
 * Go packages a file imports: `import "net/http"` and every path in an `import ( … )` block, aliases
 * allowed. A module's major-version suffix is dropped (`github.com/golang-jwt/jwt/v5` →
 * `github.com/golang-jwt/jwt`). Over at most `importScanLimit` characters.
 */
export function goImports(source: string): string[] {
  const text = source.length > importScanLimit ? source.slice(0, importScanLimit) : source;
  const found = new Set<string>();
  const add = (line: string) => {
    const path = /"([^"\s]+)"/.exec(line)?.[1];
    if (path) found.add(path.replace(/\/v\d+$/, ''));
  };
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (inBlock) {
      if (line.startsWith(')')) inBlock = false;
      else add(line);
    } else if (/^import\s*\($/.test(line)) inBlock = true;
    else if (line.startsWith('import ')) add(line);
  }
  return [...found].sort();
}

/** The packages a file imports, read the way its language writes imports. */
export function importsOf(languageId: string, source: string): string[] {
  if (languageId === 'python') return pythonImports(source);
  if (languageId === 'go') return goImports(source);
  return importedPackages(source);
}
