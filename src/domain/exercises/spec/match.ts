// Comparing what came back with what a spec expects, and saying exactly where they differ.
import type { Expected } from './schema';

/** Responses saved by earlier steps, by name: `{ created: { status, headers, json, text } }`. */
export type Saved = Record<string, unknown>;

export interface Mismatch {
  /** Where in the value: `json.id`, `headers.location`, `status`. */
  path: string;
  expected: string;
  actual: string;
}

const whole = /^\{\{\s*([a-zA-Z][\w]*(?:\.[\w-]+)*)\s*\}\}$/;
const inline = /\{\{\s*([a-zA-Z][\w]*(?:\.[\w-]+)*)\s*\}\}/g;

/**
 * A saved value by dotted path (`created.json.id`). A name no step saved is a broken spec (an error);
 * a saved response without that field is simply undefined, which then shows as a mismatch.
 */
export function lookup(saved: Saved, ref: string): unknown {
  const [name = '', ...rest] = ref.split('.');
  if (!Object.hasOwn(saved, name)) throw new Error(`the spec names {{${ref}}}, which no earlier step saved`);
  let value: unknown = saved[name];
  for (const key of rest) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Fills `{{…}}` references: a string that is only a reference keeps the saved value's type. */
export function resolve(value: Expected, saved: Saved): unknown {
  if (typeof value === 'string') {
    const only = whole.exec(value);
    if (only?.[1]) return lookup(saved, only[1]);
    return value.replace(inline, (_, ref: string) => String(lookup(saved, ref)));
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, saved));
  if (value !== null && typeof value === 'object') {
    // Matchers keep their shape; their operands are resolved where they are used.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k.startsWith('$') ? v : resolve(v, saved)]));
  }
  return value;
}

/** How a value is shown in a mismatch: JSON, shortened. */
export function show(value: unknown): string {
  if (value === undefined) return '(nothing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function matcherOf(expected: Expected): [string, Expected] | undefined {
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) return undefined;
  const keys = Object.keys(expected);
  const key = keys[0];
  return keys.length === 1 && key?.startsWith('$') ? [key, expected[key] ?? null] : undefined;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** Every difference between `actual` and `expected` (after resolving saved values), at most 20. */
export function match(expected: Expected, actual: unknown, saved: Saved, path: string): Mismatch[] {
  const out: Mismatch[] = [];
  compare(expected, actual, saved, path, out);
  return out.slice(0, 20);
}

function compare(expected: Expected, actual: unknown, saved: Saved, path: string, out: Mismatch[]): void {
  const matcher = matcherOf(expected);
  if (matcher) {
    const [op, operand] = matcher;
    switch (op) {
      case '$any':
        return;
      case '$type': {
        const want = String(operand);
        const got = typeOf(actual);
        if (got !== want && !(want === 'number' && got === 'integer'))
          out.push({ path, expected: `a value of type ${want}`, actual: show(actual) });
        return;
      }
      case '$matches':
        if (typeof actual !== 'string' || !new RegExp(String(operand), 'i').test(actual)) {
          out.push({ path, expected: `a string matching /${String(operand)}/i`, actual: show(actual) });
        }
        return;
      case '$not':
        if (match(operand, actual, saved, path).length === 0)
          out.push({ path, expected: `anything but ${show(resolve(operand, saved))}`, actual: show(actual) });
        return;
      case '$between': {
        const [min, max] = Array.isArray(operand) ? operand : [];
        if (typeof min !== 'number' || typeof max !== 'number')
          out.push({ path, expected: 'a spec with $between: [min, max]', actual: show(actual) });
        else if (typeof actual !== 'number' || actual < min || actual > max)
          out.push({ path, expected: `a number from ${min} to ${max}`, actual: show(actual) });
        return;
      }
      case '$absent':
        if (actual !== undefined) out.push({ path, expected: 'no such key', actual: show(actual) });
        return;
      default:
        out.push({ path, expected: `a known matcher (not ${op})`, actual: show(actual) });
        return;
    }
  }
  const want = resolve(expected, saved);
  if (typeof expected === 'string' && typeof want !== 'string') {
    // A whole-string reference: compare with the saved value itself, whatever its type.
    if (!deepEqual(want, actual)) out.push({ path, expected: show(want), actual: show(actual) });
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path, expected: `an array of ${expected.length}`, actual: show(actual) });
      return;
    }
    if (actual.length !== expected.length)
      out.push({ path: `${path}.length`, expected: String(expected.length), actual: String(actual.length) });
    expected.forEach((e, i) => {
      if (i < actual.length) compare(e, actual[i], saved, `${path}[${i}]`, out);
    });
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      out.push({ path, expected: 'an object', actual: show(actual) });
      return;
    }
    const got = actual as Record<string, unknown>;
    for (const [key, e] of Object.entries(expected)) {
      compare(e, Object.hasOwn(got, key) ? got[key] : undefined, saved, `${path}.${key}`, out);
    }
    // Exact by default: a field the spec does not expect (a stored extra field, a leaked secret) is wrong.
    for (const key of Object.keys(got)) {
      if (!Object.hasOwn(expected, key)) out.push({ path: `${path}.${key}`, expected: 'no such key', actual: show(got[key]) });
    }
    return;
  }
  if (!deepEqual(want, actual)) out.push({ path, expected: show(want), actual: show(actual) });
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
