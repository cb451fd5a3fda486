// Small readers for the tests: the rule file parsed with the yaml package, Prometheus durations, and a
// careful reading of PromQL's shape. promtool is not used (it may not be installed): these helpers only
// read text, so they check the shape of an expression, not its meaning against live data.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

const file = path.join(__dirname, '..', 'alerts', 'books-api.rules.yaml');

// The parts of a Prometheus rule file the tests read. Every field is optional (and `unknown` where a
// wrong type is a mistake the tests report): the file is yours, and the tests check what is there.
export interface Rule {
  alert?: string;
  expr?: unknown;
  for?: unknown;
  keep_firing_for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}
export interface RuleGroup {
  name?: string;
  rules?: unknown;
}
export interface RuleFile {
  groups?: unknown;
}

/** A label matcher inside {…}: job="books-api" is { name: 'job', op: '=', value: 'books-api' }. */
export interface Matcher {
  name: string;
  op: string;
  value: string;
}

/** What `sum(rate(metric{…}[range])) by (…)` says. */
export interface SumOfRate {
  metric: string;
  matchers: Matcher[];
  range: string;
  by: string[];
}

/** The rule file as plain data. */
export function readRules(): RuleFile | null {
  if (!fs.existsSync(file)) throw new Error('alerts/books-api.rules.yaml is missing');
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  if (doc.errors.length > 0) throw new Error(`alerts/books-api.rules.yaml is not valid YAML: ${doc.errors[0].message}`);
  return doc.toJS() as RuleFile | null;
}

const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** A Prometheus duration ("5m", "1h30m", "300s") in seconds, or NaN. */
export function seconds(duration: unknown): number {
  const text = String(duration ?? '');
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(text)) return NaN;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) total += Number(n) * units[unit];
  return total;
}

/** The expression without whitespace (outside quoted strings) and without # comments. */
export function compact(expr: unknown): string {
  let out = '';
  let quote = '';
  const text = String(expr ?? '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!quote && c === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (quote) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

/** Whether every bracket closes where it should (outside quoted strings), and every quote ends. */
export function checkBalanced(text: string): boolean {
  const stack: string[] = [];
  let quote = '';
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return false;
  }
  return stack.length === 0 && !quote;
}

/** Splits `text` at the operator `op` where it stands at bracket depth 0: [left, right], or undefined. */
export function splitTop(text: string, op: string): [string, string] | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && text.startsWith(op, i)) return [text.slice(0, i), text.slice(i + op.length)];
  }
  return undefined;
}

/** Drops parentheses that wrap the whole text: "((a/b))" is "a/b". */
export function unwrap(text: string): string {
  while (text.startsWith('(') && text.endsWith(')') && checkBalanced(text.slice(1, -1))) text = text.slice(1, -1);
  return text;
}

/** The label matchers of a selector's {…}. */
export function matchers(braces: string): Matcher[] {
  return [...braces.matchAll(/(\w+)(=~|!=|!~|=)"((?:[^"\\]|\\.)*)"/g)].map(([, name, op, value]) => ({ name, op, value }));
}

/**
 * Reads `sum [by (…)] (rate(<metric>{…}[<range>])) [by (…)]` (whitespace removed): the metric, its
 * matchers, the range and the by-labels, or undefined when the text has another shape.
 */
export function sumOfRate(text: string): SumOfRate | undefined {
  const m = /^sum(?:by\(([\w,]*)\))?\(rate\(([a-zA-Z_:][\w:]*)\{([^}]*)\}\[(\w+)\]\)\)(?:by\(([\w,]*)\))?$/.exec(unwrap(text));
  if (!m) return undefined;
  const by = (m[1] ?? m[5] ?? '').split(',').filter(Boolean);
  return { metric: m[2], matchers: matchers(m[3]), range: m[4], by };
}
