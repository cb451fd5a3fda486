// Seeded, repeatable fuzzing of the parsers that read files a user (or git) hands us: the YAML
// roadmap loader, the progress-file reader and progress import. Shared by test/unit/fuzz.test.ts and
// scripts/fuzz.ts. Every input is derived from (seed, target, index) alone, so any one can be replayed.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { progressJson } from '../../src/domain/progress/export';
import { parseProgressJson } from '../../src/domain/progress/fileAdapter';
import { parseImport } from '../../src/domain/progress/import';
import { emptyProgress } from '../../src/domain/progress/progress';
import type { ProgressData } from '../../src/domain/progress/progress';
import { CorruptDataError, migrate } from '../../src/domain/progress/store';
import type { Roadmap } from '../../src/domain/roadmap/schema';
import { loadRoadmap } from '../../src/domain/roadmap/yaml';

// ---------------------------------------------------------------- randomness

/** mulberry32: a tiny, fast, well-spread 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** FNV-1a over the parts, so each input has its own stream. */
export function inputSeed(seed: number, target: string, index: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed >>> 0}:${target}:${index}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- mutators

export type Syntax = 'yaml' | 'json';

interface Mutator {
  name: string;
  weight: number;
  only?: Syntax;
  /** The new text, or undefined when it does not apply (another mutator is tried). */
  apply(text: string, rng: Rng, syntax: Syntax): string | undefined;
}

const yamlTokens = [
  ': ',
  '- ',
  '&a ',
  '*a',
  '*nope',
  '!!str ',
  '!!int ',
  '!!map ',
  '!!set ',
  '!!binary ',
  '!<tag:x> ',
  '!local ',
  '? ',
  '|',
  '>-',
  '{',
  '}',
  '[',
  ']',
  ',',
  '---\n',
  '\n...\n',
  '#',
  '%YAML 1.2\n',
  '\t',
  '"',
  "'",
  '\\',
  '<<: *a\n',
  '\n  ',
  '\n',
  ' ',
  '~',
  '@',
  '`',
  '\u0000',
  '\ufeff',
  '\u2028',
  'null',
  '0x1F',
  '.inf',
  '1e999',
];
const jsonTokens = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\u',
  '\\u12',
  '\\',
  '\\x',
  'null',
  'true',
  'false',
  '1e999',
  '-',
  '-0',
  '01',
  '.5',
  '"__proto__":',
  '"constructor":',
  '/*',
  '//',
  '\u2028',
  '\u0000',
  '\ufeff',
  '\n',
  ' ',
  'NaN',
  '\ud800',
];
const chars = '{}[]:,"\'\\-&*!|>#%@` \t\n\r0123456789abcxyz_.\u00e9\u0000\u2028\ud83d';

/** Values of the wrong type for wherever they land. */
const wrongValues: readonly unknown[] = [
  0,
  -1,
  1.5,
  1e308,
  -0,
  '',
  'x',
  'Not A Slug',
  'http://example.org',
  [],
  [1, 2],
  [null],
  {},
  { a: 1 },
  null,
  true,
  false,
  'y'.repeat(1000),
];
const protoKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

const mutators: readonly Mutator[] = [
  {
    name: 'flip-char',
    weight: 8,
    apply: (text, rng) => {
      if (text.length === 0) return undefined;
      const at = rng.int(text.length);
      return text.slice(0, at) + rng.pick([...chars]) + text.slice(at + 1);
    },
  },
  {
    name: 'flip-bit',
    weight: 4,
    apply: (text, rng) => {
      if (text.length === 0) return undefined;
      const at = rng.int(text.length);
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << rng.int(16))) + text.slice(at + 1);
    },
  },
  { name: 'truncate', weight: 4, apply: (text, rng) => text.slice(0, rng.int(text.length + 1)) },
  {
    name: 'insert-chunk',
    weight: 4,
    apply: (text, rng) => {
      const from = rng.int(text.length + 1);
      const chunk = text.slice(from, from + rng.between(1, 300));
      const at = rng.int(text.length + 1);
      return text.slice(0, at) + chunk + text.slice(at);
    },
  },
  {
    name: 'delete-chunk',
    weight: 4,
    apply: (text, rng) => {
      const at = rng.int(text.length + 1);
      return text.slice(0, at) + text.slice(at + rng.between(1, 300));
    },
  },
  {
    name: 'insert-token',
    weight: 6,
    apply: (text, rng, syntax) => {
      const at = rng.int(text.length + 1);
      return text.slice(0, at) + rng.pick(syntax === 'yaml' ? yamlTokens : jsonTokens) + text.slice(at);
    },
  },
  {
    name: 'duplicate-key',
    weight: 4,
    apply: (text, rng, syntax) => {
      if (syntax === 'yaml') {
        const lines = text.split('\n');
        const keyed = lines.map((l, i) => (/^\s*(- )?[\w$]+:/.test(l) ? i : -1)).filter((i) => i >= 0);
        if (keyed.length === 0) return undefined;
        const i = rng.pick(keyed);
        lines.splice(i + 1, 0, (lines[i] ?? '').replace(/^(\s*)- /, '$1  '));
        return lines.join('\n');
      }
      const key = /"[^"\\\n]{1,40}"\s*:/g;
      key.lastIndex = rng.int(text.length + 1);
      const m = key.exec(text) ?? ((key.lastIndex = 0), key.exec(text));
      if (!m) return undefined;
      return `${text.slice(0, m.index)}${m[0]} ${JSON.stringify(rng.pick(wrongValues))}, ${text.slice(m.index)}`;
    },
  },
  {
    name: 'deep-nesting',
    weight: 1,
    apply: (text, rng, syntax) => {
      const n = rng.pick([1000, 5000, 10_000, 20_000]);
      const closed = rng.chance(0.5);
      const nest =
        syntax === 'json'
          ? rng.pick([
              () => '['.repeat(n) + (closed ? ']'.repeat(n) : ''),
              () => '{"a":'.repeat(n) + (closed ? `1${'}'.repeat(n)}` : ''),
              () => '[{"x":'.repeat(n / 2) + (closed ? `0${'}]'.repeat(n / 2)}` : ''),
            ])()
          : rng.pick([
              () => '['.repeat(n) + (closed ? ']'.repeat(n) : ''),
              () => '{a: '.repeat(n) + (closed ? `1${'}'.repeat(n)}` : ''),
              () => `${'- '.repeat(n)}x`,
              // Block indentation grows quadratically in size, so it stays shallower.
              () => Array.from({ length: n / 20 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1',
            ])();
      if (rng.chance(0.3)) return nest;
      const at = syntax === 'yaml' ? valueStart(text, rng) : rng.int(text.length + 1);
      return text.slice(0, at) + nest + text.slice(at);
    },
  },
  {
    name: 'huge-string',
    weight: 1,
    apply: (text, rng, syntax) => {
      const size = rng.pick([100_000, 300_000, 500_000]);
      const unit = rng.pick(['x', 'ab ', '\u00e9', '\ud83d\ude00', '\\n', '\\u0041', ' ']);
      const body = unit.repeat(Math.ceil(size / unit.length));
      if (syntax === 'json') {
        const str = /"[^"\\\n]*"/g;
        str.lastIndex = rng.int(text.length + 1);
        const m = str.exec(text);
        if (!m) return `"${body}"`;
        return `${text.slice(0, m.index)}"${body}"${text.slice(m.index + m[0].length)}`;
      }
      const at = valueStart(text, rng);
      const scalar = rng.pick([body.replace(/\\[nu]/g, 'x'), `"${body}"`, `'${body}'`, `|\n  ${body}`]);
      return text.slice(0, at) + scalar + text.slice(at);
    },
  },
  {
    name: 'billion-laughs',
    weight: 1,
    only: 'yaml',
    apply: (text, rng) => {
      const width = rng.between(2, 10);
      const levels = rng.between(3, 9);
      const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
      for (let k = 1; k <= levels; k++)
        lines.push(
          `l${k}: &l${k} [${Array(width)
            .fill(`*l${k - 1}`)
            .join(', ')}]`,
        );
      const bomb = lines.join('\n');
      return rng.pick([
        () => `${bomb}\n${text}`,
        () => `${bomb}\nbomb: *l${levels}\n`,
        // Many distinct anchors, each used once: cheap for the limit, costly for a naive resolver.
        () => `${Array.from({ length: 2000 }, (_, k) => `- &a${k} ${k}\n- *a${k}`).join('\n')}\n`,
        () => `self: &s [*s, {x: *s}]\n${text}`,
        () => `${text}\nlate: *l${levels}\n`,
      ])();
    },
  },
  {
    // YAML 1.1 turns on merge keys (`<<: *a` copies a map) and tags such as !!set, !!omap and !!binary.
    name: 'yaml-1.1',
    weight: 1,
    only: 'yaml',
    apply: (text, rng) => {
      const extra = rng.pick([
        '',
        'base: &base {id: x, title: y}\nmerged:\n  <<: *base\n',
        's: !!set {a, b}\no: !!omap [a: 1]\nb: !!binary aGk=\nt: !!timestamp 2001-12-14\n',
      ]);
      return `%YAML 1.1\n---\n${extra}${text}`;
    },
  },
  {
    name: 'wrong-type',
    weight: 5,
    apply: (text, rng, syntax) =>
      mutateTree(text, rng, syntax, (parent, key) => {
        setOwn(parent, key, structuredClone(rng.pick(wrongValues)));
      }),
  },
  {
    name: 'proto-key',
    weight: 3,
    apply: (text, rng, syntax) =>
      mutateTree(text, rng, syntax, (parent, key) => {
        const target = getAt(parent, key);
        const holder = isPlainObject(target) ? target : parent;
        setOwn(holder, rng.pick(protoKeys), rng.pick([{ polluted: true, version: 2, status: 'done', checked: ['x'] }, [], 'x', null, 1]));
      }),
  },
];

/** An offset just after a `key: ` in YAML text, where a value may go; or anywhere. */
function valueStart(text: string, rng: Rng): number {
  const colon = /: /g;
  colon.lastIndex = rng.int(text.length + 1);
  const m = colon.exec(text);
  return m ? m.index + 2 : rng.int(text.length + 1);
}

type Container = Record<string, unknown> | unknown[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getAt(parent: Container, key: string | number): unknown {
  return Array.isArray(parent) ? parent[Number(key)] : parent[String(key)];
}

/** Own data property, even for `__proto__`, so serialising writes it out as a key. */
function setOwn(holder: Container, key: string | number, value: unknown): void {
  Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Parses, lets `change` edit one random spot, and serialises again; undefined when the text does not parse. */
function mutateTree(text: string, rng: Rng, syntax: Syntax, change: (parent: Container, key: string | number) => void): string | undefined {
  if (text.length > 200_000) return undefined;
  let root: unknown;
  try {
    root = syntax === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100, logLevel: 'error' });
  } catch {
    return undefined;
  }
  const holder: Container = [root];
  let parent: Container = holder;
  let key: string | number = 0;
  // At least one step down, so the whole document is rarely replaced.
  for (let depth = 0; depth < 12 && (depth === 0 || !rng.chance(0.25)); depth++) {
    const value = getAt(parent, key);
    if (Array.isArray(value) && value.length > 0) {
      parent = value;
      key = rng.int(value.length);
    } else if (isPlainObject(value) && Object.keys(value).length > 0) {
      parent = value;
      key = rng.pick(Object.keys(value));
    } else break;
  }
  change(parent, key);
  try {
    return syntax === 'json'
      ? JSON.stringify(holder[0], null, rng.pick([0, 2]))
      : stringifyYaml(holder[0], { aliasDuplicateObjects: false });
  } catch {
    return undefined;
  }
}

export interface Mutated {
  text: string;
  /** The mutators applied, in order, and the seed text's index. */
  note: string;
}

/** The input at `index` for a target: a corpus text with one to three mutations. */
export function generateInput(target: Pick<Target, 'name' | 'syntax' | 'corpus'>, seed: number, index: number): Mutated {
  const rng = new Rng(inputSeed(seed, target.name, index));
  const base = rng.int(target.corpus.length);
  let text = target.corpus[base] ?? '';
  const applied: string[] = [];
  const usable = mutators.filter((m) => !m.only || m.only === target.syntax);
  const total = usable.reduce((sum, m) => sum + m.weight, 0);
  const rounds = rng.pick([1, 1, 1, 2, 2, 3]);
  for (let round = 0, tries = 0; round < rounds && tries < 10; tries++) {
    let roll = rng.float() * total;
    const mutator = usable.find((m) => (roll -= m.weight) < 0) ?? usable[0];
    if (!mutator) break;
    const next = mutator.apply(text, rng, target.syntax);
    if (next === undefined) continue;
    text = next;
    applied.push(mutator.name);
    round++;
  }
  return { text, note: `corpus #${base}, ${applied.join(' + ') || 'unmutated'}, ${text.length} chars` };
}

// ---------------------------------------------------------------- targets and the oracle

/** How one input was handled. A thrown exception is a crash and is caught by the runner. */
export type Outcome =
  | { kind: 'accepted' }
  /** Rejected, naming a real line and column. */
  | { kind: 'positioned' }
  /** Rejected as valid JSON of the wrong shape, with a reason (migrate has no source to point into). */
  | { kind: 'reasoned' }
  /** Rejected without a usable position or reason: an oracle failure. */
  | { kind: 'unpositioned'; detail: string };

export interface Target {
  name: string;
  syntax: Syntax;
  corpus: readonly string[];
  run(text: string): Outcome;
}

/** True when line:col is a place inside the text (the column may be one past a line's end). */
export function isRealPosition(text: string, line: number, col: number): boolean {
  if (!Number.isInteger(line) || !Number.isInteger(col) || line < 1 || col < 1) return false;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return false;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return col <= (end === -1 ? text.length : end) - start + 1;
}

/** `file:line:col: …` at a real position. */
export function positionedMessage(message: string, file: string, text: string): boolean {
  if (!message.startsWith(`${file}:`)) return false;
  const m = /^(\d+):(\d+): \S/.exec(message.slice(file.length + 1));
  return m !== null && isRealPosition(text, Number(m[1]), Number(m[2]));
}

const repoRoot = path.join(__dirname, '..', '..');

function readRoadmap(name: string): string {
  return readFileSync(path.join(repoRoot, 'roadmaps', name), 'utf8');
}

/** backend.yaml's header plus a phase or two, each cut to its first topics, so one load takes milliseconds. */
function backendSlices(text: string): string[] {
  const lines = text.split('\n');
  const phasesLine = lines.indexOf('phases:');
  const pathsLine = lines.indexOf('paths:');
  const phaseStarts = lines.flatMap((l, i) => (l.startsWith('  - id: ') && i > phasesLine && i < pathsLine ? [i] : []));
  const projectsLine = lines.indexOf('projects:');
  const phaseHead = (p: number, topics: number) => {
    const start = phaseStarts[p] ?? phasesLine + 1;
    const end = phaseStarts[p + 1] ?? pathsLine;
    const topicStarts = lines.slice(start, end).flatMap((l, i) => (l.startsWith('      - id: ') ? [start + i] : []));
    return lines.slice(start, topicStarts[topics] ?? end);
  };
  const header = lines.slice(0, phasesLine + 1);
  return [
    [...header, ...phaseHead(0, 2)],
    [...header, ...phaseHead(2, 1), ...phaseHead(4, 1)],
    // A path and a project that name topics the slice lacks: rejected, with positions.
    [...header, ...phaseHead(1, 1), ...lines.slice(pathsLine, pathsLine + 8), ...lines.slice(projectsLine, projectsLine + 12)],
  ].map((l) => `${l.join('\n')}\n`);
}

function sampleProgress(roadmap: Roadmap | undefined): ProgressData {
  const data = emptyProgress();
  const topics = roadmap ? roadmap.phases.flatMap((p) => p.topics).slice(0, 8) : [];
  const statuses = ['done', 'inProgress', 'skipped', 'notStarted', undefined] as const;
  topics.forEach((topic, i) => {
    const status = statuses[i % statuses.length];
    data.topics[topic.id] = {
      ...(status ? { status } : {}),
      checked: topic.checklist.slice(0, i % 3).map((c) => c.id),
      updatedAt: `2026-0${1 + (i % 9)}-1${i % 10}T10:00:00.000Z`,
    };
    if (status && status !== 'notStarted') data.history.push({ at: data.topics[topic.id]?.updatedAt ?? '', topicId: topic.id, status });
  });
  data.exercises['express-route'] = { passedAt: '2026-03-01T12:00:00.000Z' };
  data.currentTopic = topics[0]?.id;
  data.vanishedReported = ['old-topic'];
  return data;
}

export interface Corpus {
  yaml: string[];
  progress: string[];
  exports: string[];
  bases: ReadonlyMap<string, Roadmap>;
}

let cachedCorpus: Corpus | undefined;

/** Seeds: slices of the real roadmap files, real progress data and real exports. Built once. */
export function corpus(): Corpus {
  if (cachedCorpus) return cachedCorpus;
  const backendText = readRoadmap('backend.yaml');
  const backend = loadRoadmap(backendText, 'backend.yaml');
  const bases = new Map<string, Roadmap>(backend.ok ? [['backend', backend.value]] : []);
  const yaml = [
    ...backendSlices(backendText),
    readRoadmap('junior.yaml'),
    readRoadmap('nodeExpress.yaml'),
    `${readRoadmap('seed-map.yaml').split('\n').slice(0, 40).join('\n')}\n`,
  ];
  const data = sampleProgress(backend.ok ? backend.value : undefined);
  const v1 = { version: 1, topics: data.topics, exercises: data.exercises, currentTopic: data.currentTopic };
  const progress = [
    JSON.stringify(emptyProgress(), null, 2),
    JSON.stringify(data, null, 2),
    JSON.stringify(data),
    JSON.stringify(v1, null, 2),
  ];
  const roadmap = backend.ok ? backend.value : undefined;
  const exports = roadmap
    ? [
        progressJson(roadmap, data, new Date('2026-05-01T00:00:00Z')),
        progressJson(roadmap, emptyProgress(), new Date('2026-05-01T00:00:00Z')),
        JSON.stringify(data),
      ]
    : [JSON.stringify({ exportedFrom: 'backend', progress: data })];
  cachedCorpus = { yaml, progress, exports, bases };
  return cachedCorpus;
}

/** The three parsers under test, with their oracles. */
export function targets(): Target[] {
  const { yaml, progress, exports, bases } = corpus();
  return [
    {
      name: 'roadmap-yaml',
      syntax: 'yaml',
      corpus: yaml,
      run: (text) => {
        const file = 'fuzz.yaml';
        const result = loadRoadmap(text, file, { bases });
        if (result.ok) return { kind: 'accepted' };
        if (result.problems.length === 0) return { kind: 'unpositioned', detail: 'rejected with no problems' };
        const bad = result.problems.find((p) => p.file !== file || !p.message || !isRealPosition(text, p.line, p.col));
        return bad
          ? { kind: 'unpositioned', detail: `${bad.file}:${bad.line}:${bad.col}: ${bad.message.slice(0, 200)}` }
          : { kind: 'positioned' };
      },
    },
    {
      name: 'progress-file',
      syntax: 'json',
      corpus: progress,
      run: (text) => {
        const file = 'progress.json';
        let raw: unknown;
        try {
          raw = parseProgressJson(text, file);
        } catch (e) {
          if (!(e instanceof CorruptDataError)) throw e;
          return positionedMessage(e.message, file, text)
            ? { kind: 'positioned' }
            : { kind: 'unpositioned', detail: e.message.slice(0, 200) };
        }
        const migrated = migrate(raw);
        if (migrated.ok) return { kind: 'accepted' };
        return migrated.reason ? { kind: 'reasoned' } : { kind: 'unpositioned', detail: 'migrate gave no reason' };
      },
    },
    {
      name: 'import',
      syntax: 'json',
      corpus: [...exports, ...progress],
      run: (text) => {
        const file = 'import.json';
        const result = parseImport(text, file);
        if (result.ok) return { kind: 'accepted' };
        return positionedMessage(result.message, file, text)
          ? { kind: 'positioned' }
          : { kind: 'unpositioned', detail: result.message.slice(0, 200) };
      },
    },
  ];
}

export interface Failure {
  target: string;
  seed: number;
  index: number;
  kind: 'crash' | 'hang' | 'unpositioned';
  note: string;
  detail: string;
}

export interface Stats {
  target: string;
  inputs: number;
  accepted: number;
  positioned: number;
  reasoned: number;
  crashes: number;
  hangs: number;
  unpositioned: number;
  slowestMs: number;
  slowestIndex: number;
  totalMs: number;
}

export interface RunOptions {
  seed: number;
  count: number;
  /** An input slower than this is a hang. */
  hangMs?: number;
  /** First index; for replaying one input. */
  from?: number;
}

/**
 * Runs `fn` with Node's default stack trace limit. Mocha sets it to Infinity, which makes every error
 * raised deep in yaml's recursion copy thousands of frames: slow in tests only, never in VS Code.
 */
function withDefaultStackTraces<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 10;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Runs one input through a target and judges it. */
export function judge(
  target: Target,
  text: string,
  hangMs = 2000,
): { outcome: Outcome | { kind: 'crash'; detail: string }; ms: number; hang: boolean } {
  return withDefaultStackTraces(() => {
    const started = performance.now();
    let outcome: Outcome | { kind: 'crash'; detail: string };
    try {
      outcome = target.run(text);
    } catch (e) {
      outcome = { kind: 'crash', detail: e instanceof Error ? `${e.name}: ${(e.message.split('\n')[0] ?? '').slice(0, 200)}` : String(e) };
    }
    const ms = performance.now() - started;
    return { outcome, ms, hang: ms > hangMs };
  });
}

/** Feeds `count` mutated inputs to a target and tallies the oracle's verdicts. */
export function fuzz(target: Target, options: RunOptions): { stats: Stats; failures: Failure[] } {
  const stats: Stats = {
    target: target.name,
    inputs: 0,
    accepted: 0,
    positioned: 0,
    reasoned: 0,
    crashes: 0,
    hangs: 0,
    unpositioned: 0,
    slowestMs: 0,
    slowestIndex: -1,
    totalMs: 0,
  };
  const failures: Failure[] = [];
  const from = options.from ?? 0;
  for (let index = from; index < from + options.count; index++) {
    const input = withDefaultStackTraces(() => generateInput(target, options.seed, index));
    const { outcome, ms, hang } = judge(target, input.text, options.hangMs);
    stats.inputs++;
    stats.totalMs += ms;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowestIndex = index;
    }
    const fail = (kind: Failure['kind'], detail: string) =>
      failures.push({ target: target.name, seed: options.seed, index, kind, note: input.note, detail });
    if (hang) {
      stats.hangs++;
      fail('hang', `${ms.toFixed(0)} ms`);
    }
    if (outcome.kind === 'crash') {
      stats.crashes++;
      fail('crash', outcome.detail);
    } else if (outcome.kind === 'unpositioned') {
      stats.unpositioned++;
      fail('unpositioned', outcome.detail);
    } else {
      stats[outcome.kind]++;
    }
  }
  return { stats, failures };
}

/** The counts as an aligned text table. */
export function formatStats(all: readonly Stats[]): string {
  const head = [
    'target',
    'inputs',
    'accepted',
    'rejected line:col',
    'rejected (reason)',
    'unpositioned',
    'crashes',
    'hangs',
    'slowest ms',
    'total s',
  ];
  const rows = all.map((s) =>
    [
      s.target,
      s.inputs,
      s.accepted,
      s.positioned,
      s.reasoned,
      s.unpositioned,
      s.crashes,
      s.hangs,
      `${s.slowestMs.toFixed(0)} (#${s.slowestIndex})`,
      (s.totalMs / 1000).toFixed(1),
    ].map(String),
  );
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatFailure(f: Failure): string {
  return `${f.kind} in ${f.target}: seed ${f.seed} index ${f.index} (${f.note}): ${f.detail}`;
}
