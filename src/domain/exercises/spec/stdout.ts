// Stdout steps: what the program printed since it was started for this scenario. A structured log
// line is found by its fields (a JSON object may have more fields than the step names); the whole
// text can be matched too, for what must never be printed.
import { match, resolve, show } from './match';
import type { Mismatch, Saved } from './match';
import type { Expected, StdoutStep } from './schema';

/** The complete lines printed so far (a line still being written is left out), parsed as JSON where they are. */
export function jsonLines(stdout: string): unknown[] {
  const lines = stdout.split('\n');
  lines.pop();
  const out: unknown[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (!text.startsWith('{') && !text.startsWith('[')) continue;
    try {
      out.push(JSON.parse(text));
    } catch {
      // Not JSON: a banner or a stack trace, not a log line.
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A matcher object ({"$absent": true}) rather than a plain object of fields. */
function isMatcher(expected: Expected): boolean {
  return isObject(expected) && Object.keys(expected).length === 1 && Object.keys(expected)[0]?.startsWith('$') === true;
}

/** How `line` differs from one printed value: for a plain object, only the fields it names. */
export function lineMismatches(expected: Expected, actual: unknown, saved: Saved): Mismatch[] {
  if (isObject(expected) && !isMatcher(expected) && isObject(actual)) {
    const named: Record<string, unknown> = {};
    for (const key of Object.keys(expected)) if (Object.hasOwn(actual, key)) named[key] = actual[key];
    return match(expected, named, saved, 'line');
  }
  return match(expected, actual, saved, 'line');
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Undefined when the step passes; otherwise the failure as the learner sees it. */
export async function runStdoutStep(
  step: StdoutStep,
  stdout: () => string,
  saved: Saved,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const why = step.why ? `  ${step.why}\n` : '';
  const spec = step.stdout;
  if ('text' in spec) {
    const mismatches = match(spec.text, stdout(), saved, 'stdout');
    if (mismatches.length === 0) return undefined;
    return `  What the program printed on stdout:\n${why}${mismatches.map((m) => `    - expected: ${m.expected}`).join('\n')}`;
  }
  const { line, count } = spec;
  const wanted = resolve(line, saved);
  const matching = () => jsonLines(stdout()).filter((value) => lineMismatches(line, value, saved).length === 0).length;
  const deadline = Date.now() + (spec.ms ?? (count === 0 ? 500 : 2000));
  let found = matching();
  // Wait for enough lines (count 0: the whole time, in case one is on its way).
  while (Date.now() < deadline && !signal?.aborted && (count === 0 || found < (count ?? 1))) {
    await pause(50);
    found = matching();
  }
  // A second line for the same request is usually printed right after the first.
  if (count !== undefined && count > 0 && found === count) {
    await pause(100);
    found = matching();
  }
  if (count === undefined ? found > 0 : found === count) return undefined;
  const printed = jsonLines(stdout());
  const recent = printed.slice(-5).map((value) => `    ${show(value)}`);
  const closest =
    printed.length > 0
      ? lineMismatches(line, printed[printed.length - 1], saved).map((m) => `      ${m.path}: expected ${m.expected}, got ${m.actual}`)
      : [];
  const expected =
    count === undefined
      ? `a JSON line on stdout with ${show(wanted)}`
      : `exactly ${count} JSON ${count === 1 ? 'line' : 'lines'} on stdout with ${show(wanted)}, found ${found}`;
  return [
    `  Expected ${expected}${count === undefined ? ', found none' : ''}.`,
    ...(why ? [why.trimEnd()] : []),
    printed.length === 0
      ? '  The program printed no JSON lines on stdout (one JSON object per line, with nothing else on it).'
      : `  The last JSON lines it printed on stdout:\n${recent.join('\n')}`,
    ...(closest.length > 0 && count !== 0 ? ['    The last one differs:', ...closest] : []),
  ].join('\n');
}
