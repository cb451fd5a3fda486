// `backend-roadmap dev check [dir]`: a course author's proof that their own exercises are sound, with a
// line per step as it goes (a course takes minutes), a table, and an exit code CI can use.
import * as path from 'node:path';
import { authoringExercisesDir, resolveAuthoringFolder } from '../domain/authoring/courseFolder';
import { devCheck } from '../domain/exercises/devCheck';
import type { DevCheckEvent, DevCheckReport, ExerciseReport, FlavourReport, StepReport } from '../domain/exercises/devCheck';
import { flavourInfo, flavours, isFlavour } from '../domain/exercises/flavours';
import type { Flavour } from '../domain/exercises/flavours';
import { findTopicIn, loadCompiledCatalog } from '../domain/roadmap/catalog';

export interface DevIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Extension root holding dist/roadmaps.json, for topic titles. */
  root: string;
}

export const devUsage = `backend-roadmap dev check [dir] [--only=<id>[,<id>…]] [--lang=<name>]`;

/** Exit codes: 0 every exercise sound, 1 some broken (named), 2 usage or setup error, 130 cancelled. */
export async function dev(args: readonly string[], flags: readonly string[], io: DevIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check') throw new Error(`dev needs a subcommand: ${devUsage}`);
  if (rest.length > 1) throw new Error(`dev check takes at most one folder: ${devUsage}`);
  let only: string[] | undefined;
  let flavour: Flavour | undefined;
  for (const flag of flags) {
    const [name, value] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    if (name === '--only' && value) only = [...(only ?? []), ...value.split(',').filter(Boolean)];
    else if ((name === '--lang' || name === '--flavour') && value) {
      if (!isFlavour(value)) throw new Error(`unknown flavour "${value}" (known: ${flavours.join(', ')})`);
      if (flavour && flavour !== value) throw new Error(`pick one flavour, not ${flavour} and ${value}`);
      flavour = value;
    } else throw new Error(`unknown option ${flag}: ${devUsage}`);
  }
  if (only?.length === 0) throw new Error(`--only needs exercise ids: ${devUsage}`);

  const folder = path.resolve(await resolveAuthoringFolder(rest[0] ?? '.'));
  const exercisesDir = path.join(folder, authoringExercisesDir);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  // Ctrl-C, a closed terminal or a CI timeout stops the checks' processes and removes the scratch folder.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.once(s, onSignal);
  const unguard = guardOutput(() => controller.abort());
  try {
    let total = 0;
    const report = await devCheck(exercisesDir, {
      ...(only ? { only } : {}),
      ...(flavour ? { flavour } : {}),
      signal: controller.signal,
      topicTitle: topicTitles(io.root),
      onEvent: (e) => {
        if (e.kind === 'start') total = e.total;
        io.out(progressLine(e));
      },
    });
    return printReport(report, total, io);
  } finally {
    for (const s of signals) process.off(s, onSignal);
    unguard();
  }
}

let onClosedOutput: (() => void) | undefined;
let outputGuarded = false;

/**
 * A reader that goes away (`| head`) stops the run like Ctrl-C, instead of crashing past its clean-up.
 * The listener stays for the process: a closed pipe's errors can arrive after the run has ended.
 */
function guardOutput(abort: () => void): () => void {
  onClosedOutput = abort;
  if (!outputGuarded) {
    outputGuarded = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      onClosedOutput?.();
    });
  }
  return () => (onClosedOutput = undefined);
}

/** The table, why each broken exercise is broken, and the summary line; the exit code. */
function printReport(report: DevCheckReport, total: number, io: DevIo): number {
  if (report.exercises.length > 0) io.out(`\n${table(report)}\n`);
  const broken = report.exercises.filter((e) => !e.sound);
  if (broken.length > 0) io.out(`\n${reasons(broken)}\n`);
  const sound = report.exercises.length - broken.length;
  const summary = `${sound} ${sound === 1 ? 'exercise' : 'exercises'} sound, ${broken.length} broken${broken.length > 0 ? `: ${broken.map((e) => e.id).join(', ')}` : ''}`;
  if (report.cancelled) {
    io.out(`\nCancelled after ${report.exercises.length} of ${total} exercises (${summary}); the scratch folder is removed.\n`);
    return 130;
  }
  io.out(`\n${summary}\n`);
  return broken.length > 0 ? 1 : 0;
}

/** Titles from the bundled roadmaps for `{{topicTitle}}`; a course's own topics fall back to their id. */
function topicTitles(root: string): (topicId: string) => string | undefined {
  const catalog = loadCompiledCatalog(path.join(root, 'dist', 'roadmaps.json'), path.join(root, 'roadmaps', 'exercises'));
  return (id) => findTopicIn(catalog, id)?.topic.title;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const indent = (text: string, by: string) => text.replace(/^/gm, by);

function progressLine(e: DevCheckEvent): string {
  switch (e.kind) {
    case 'start': {
      const skipped = e.skipped.map((s) => `Skipping ${s.id}: ${s.why}\n`).join('');
      return `Checking ${e.total} ${e.total === 1 ? 'exercise' : 'exercises'} in ${shown(e.exercisesDir)} (scratch folder ${e.scratchDir}, removed at the end)\n${skipped}`;
    }
    case 'exercise':
      return `\n[${e.index + 1}/${e.total}] ${e.id}\n`;
    case 'broken':
      return `  ✗ does not load: ${shown(e.file)}\n${indent(e.message, '      ')}\n`;
    case 'flavour':
      return `  ${flavourInfo[e.flavour].label}\n`;
    case 'note':
      return `    · ${e.text}\n`;
    case 'step': {
      const { step } = e;
      const line = `    ${step.ok ? '✓' : '✗'} ${step.label.padEnd(24)} ${seconds(step.durationMs).padStart(7)}  ${step.summary}\n`;
      return step.ok || !step.detail ? line : `${line}${indent(step.detail, '        ')}\n`;
    }
  }
}

function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel === '' ? '.' : rel.startsWith('..') ? file : rel;
}

function table(report: DevCheckReport): string {
  const rows: string[][] = [['exercise', 'flavour', 'starter', 'solution', 'wrong variants', 'right alternatives']];
  for (const ex of report.exercises) {
    if (ex.problem) rows.push([ex.id, '—', `✗ ${path.basename(ex.problem.file)} does not load`, '—', '—', '—']);
    for (const f of ex.flavours) rows.push([ex.id, flavourInfo[f.flavour].label, ...cells(f)]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function cells(f: FlavourReport): string[] {
  // "passes", "fails", "timed out after 120 s", "could not be checked": the summary without its counts.
  const mark = (s: StepReport) => `${s.ok ? '✓' : '✗'} ${s.summary.replace(/ \(.*$/s, '')}`;
  const count = (steps: StepReport[], what: string) => {
    if (steps.length === 0) return '—';
    const bad = steps.filter((s) => !s.ok);
    const text = `${steps.length - bad.length}/${steps.length} ${what}`;
    return bad.length === 0 ? `✓ ${text}` : `✗ ${text} (not: ${bad.map((s) => s.label.replace(/^\w+\//, '')).join(', ')})`;
  };
  return [mark(f.starter), mark(f.solution), count(f.wrong, 'rejected'), count(f.right, 'pass')];
}

/** Every step that did not come out as it must, with why. */
function reasons(broken: ExerciseReport[]): string {
  const out: string[] = ['Why:'];
  for (const ex of broken) {
    if (ex.problem) out.push(`  ${ex.id}: ${shown(ex.problem.file)} does not load\n${indent(ex.problem.message, '      ')}`);
    for (const f of ex.flavours) {
      for (const s of [f.starter, f.solution, ...f.wrong, ...f.right].filter((x) => !x.ok)) {
        out.push(
          `  ${ex.id} (${flavourInfo[f.flavour].label}) ${s.label}: ${s.summary}${s.detail ? `\n${indent(s.detail, '      ')}` : ''}`,
        );
      }
    }
  }
  return out.join('\n');
}
