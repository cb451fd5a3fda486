// A class table from learners' shared progress files: counted by the extension's own rules
// (roadmapTally, isVerified, exercisePassed), then written as Markdown or CSV. Names and paths come
// from other people's repositories, so every cell is neutralised for the format it lands in.
import type { Exercise } from '../exercises/manifest';
import type { RoadmapOutline } from '../roadmap/schema';
import { parseImport } from './import';
import { applyRenames } from './ops';
import { allTopics, emptyProgress, exercisePassed, roadmapTally } from './progress';
import type { ProgressData } from './progress';

export interface Learner {
  name: string;
  /** Where the progress was read from, for the CSV and for telling two learners of one name apart. */
  source: string;
  data: ProgressData;
}

export interface ReportRow {
  learner: string;
  source: string;
  done: number;
  verified: number;
  skipped: number;
  /** Topics that count towards the shares: all but the skipped ones, as the extension counts. */
  counted: number;
  percent: number;
  verifiedPercent: number;
  /** Of the exercises the roadmap's topics reference. */
  exercisesPassed: number;
  /** The newest time in the learner's records (ISO), undefined when none carries one. */
  lastActivity: string | undefined;
}

export interface ClassReport {
  roadmap: Pick<RoadmapOutline, 'id' | 'title'>;
  /** Topics in the roadmap (skipped ones included). */
  topics: number;
  /** Exercises the roadmap's topics reference and the catalog has. */
  exercises: number;
  /** Sorted by learner name. */
  rows: ReportRow[];
}

/**
 * Reads one learner's progress file as the extension does: an empty file is no progress yet (as in
 * parseProgressJson), anything else goes through the import path, which migrates every stored version
 * and names the file, line and column of what is wrong. Never throws.
 */
export function parseLearnerProgress(text: string, file: string): { ok: true; data: ProgressData } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, data: emptyProgress() };
  return parseImport(text, file);
}

/**
 * The newest timestamp a learner's records carry: topic updates, exercise passes, status history,
 * solution comparisons, quiz attempts and passes, card reviews and the review log. A card's `due`
 * is left out: it is when a review is scheduled, not something the learner did. Unparseable values
 * (the schema only says "string") are ignored.
 */
export function lastActivity(data: ProgressData): string | undefined {
  const times = [
    ...Object.values(data.topics).map((t) => t.updatedAt),
    ...Object.values(data.exercises).map((e) => e.passedAt),
    ...data.history.map((e) => e.at),
    ...Object.values(data.practice).map((p) => p.solutionComparedAt),
    ...Object.values(data.quizzes).flatMap((q) => [q.at, q.passedAt]),
    ...Object.values(data.cards).map((c) => c.lastReview),
    ...data.reviewLog.map((e) => e.at),
  ];
  let newest = Number.NEGATIVE_INFINITY;
  for (const time of times) {
    const ms = time === undefined ? Number.NaN : Date.parse(time);
    if (ms > newest) newest = ms;
  }
  return Number.isFinite(newest) ? new Date(newest).toISOString() : undefined;
}

/** One row per learner, counted against `roadmap` (a roadmap or a career-path choice). */
export function classReport(
  learners: readonly Learner[],
  roadmap: RoadmapOutline,
  exercises: readonly Pick<Exercise, 'id'>[],
): ClassReport {
  const known = new Set(exercises.map((e) => e.id));
  const referenced = [...new Set(allTopics(roadmap).flatMap((t) => t.exercises))].filter((id) => known.has(id));
  const rows = learners.map((learner): ReportRow => {
    const last = lastActivity(learner.data);
    // A file last written before a topic was renamed counts under the new id, as the extension reads it at start-up.
    const data = structuredClone(learner.data);
    applyRenames(roadmap.renamed)(data, last ?? new Date(0).toISOString());
    const tally = roadmapTally(roadmap, data);
    return {
      learner: learner.name,
      source: learner.source,
      done: tally.done,
      verified: tally.verified,
      skipped: tally.skipped,
      counted: tally.counted,
      percent: tally.percent,
      verifiedPercent: tally.verifiedPercent,
      exercisesPassed: referenced.filter((id) => exercisePassed(data, id)).length,
      lastActivity: last,
    };
  });
  rows.sort((a, b) => a.learner.localeCompare(b.learner, 'en') || compareText(a.source, b.source));
  return { roadmap: { id: roadmap.id, title: roadmap.title }, topics: allTopics(roadmap).length, exercises: referenced.length, rows };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Text from someone else's repository, made safe to print: control characters (terminal escapes
 * among them) and bidirectional overrides become U+FFFD. Tabs and line breaks stay for the
 * formats to deal with.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}

/** A Markdown table cell: inline markup and `|` escaped, line breaks as <br>, so a name cannot add rows or markup. */
export function markdownCell(text: string): string {
  return printable(text)
    .replace(/([\\`*_~[\]<>|])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * A CSV field (RFC 4180), safe to open in a spreadsheet: a value starting with = + - @ tab or CR
 * would be run as a formula, so it gets a leading apostrophe; quotes, commas and line breaks quote it.
 */
export function csvCell(value: string | number): string {
  let text = typeof value === 'number' ? String(value) : printable(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `2025-03-14 16:45 UTC`; a year past 9999 is shown as the ISO string. */
function shortTime(iso: string | undefined): string {
  if (iso === undefined) return '—';
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function oneDecimal(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The report as Markdown: a one-line summary, then the table with an average row. `leftOut` is how
 * many inputs could not be read, so the summary does not pass for the whole class.
 */
export function reportMarkdown(report: ClassReport, leftOut = 0): string {
  const { rows } = report;
  const newest = rows
    .map((r) => r.lastActivity)
    .reduce<string | undefined>((a, b) => (b !== undefined && (a === undefined || Date.parse(b) > Date.parse(a)) ? b : a), undefined);
  // Shares are averaged as each learner's share (skipped topics make the denominators differ).
  const averages = {
    done: mean(rows.map((r) => r.done)),
    percent: Math.round(mean(rows.map((r) => r.percent))),
    verified: mean(rows.map((r) => r.verified)),
    verifiedPercent: Math.round(mean(rows.map((r) => r.verifiedPercent))),
    exercises: mean(rows.map((r) => r.exercisesPassed)),
  };
  // Roadmap ids are validated slugs, safe in a code span (where a backslash escape would show).
  const scope = `**${markdownCell(report.roadmap.title)}** (\`${report.roadmap.id}\`, ${plural(report.topics, 'topic')}, ${plural(report.exercises, 'exercise')})`;
  const summary =
    rows.length === 0
      ? `${scope}: no learners.`
      : `${scope}: ${plural(rows.length, 'learner')}; on average ${oneDecimal(averages.done)} topics done, ${oneDecimal(averages.verified)} verified and ${oneDecimal(averages.exercises)} exercises passed; newest activity ${shortTime(newest)}.`;
  const lines = [
    `${summary}${leftOut > 0 ? ` ${plural(leftOut, 'input')} could not be read and ${leftOut === 1 ? 'is' : 'are'} left out.` : ''}`,
    '',
    '| Learner | Topics done | Verified | Exercises passed | Last activity |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const skipped = r.skipped > 0 ? `, ${r.skipped} skipped` : '';
    lines.push(
      `| ${markdownCell(r.learner)} | ${r.done} of ${r.counted} (${r.percent}%)${skipped} | ${r.verified} of ${r.counted} (${r.verifiedPercent}%) | ${r.exercisesPassed} of ${report.exercises} | ${shortTime(r.lastActivity)} |`,
    );
  }
  if (rows.length > 0) {
    lines.push(
      `| _Average of ${rows.length}_ | ${oneDecimal(averages.done)} (${averages.percent}%) | ${oneDecimal(averages.verified)} (${averages.verifiedPercent}%) | ${oneDecimal(averages.exercises)} of ${report.exercises} | ${shortTime(newest)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export const csvColumns = [
  'learner',
  'source',
  'roadmap',
  'topics_done',
  'topics_verified',
  'topics_skipped',
  'topics_counted',
  'topics_total',
  'exercises_passed',
  'exercises_total',
  'last_activity',
] as const;

/** The report as CSV (RFC 4180: CRLF line ends, a header row), one row per learner. */
export function reportCsv(report: ClassReport): string {
  const lines = [csvColumns.join(',')];
  for (const r of report.rows) {
    const cells: (string | number)[] = [
      r.learner,
      r.source,
      report.roadmap.id,
      r.done,
      r.verified,
      r.skipped,
      r.counted,
      report.topics,
      r.exercisesPassed,
      report.exercises,
      r.lastActivity ?? '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
