// `backend-roadmap`: the exercise library from a terminal, for teachers and CI. No vscode import.
import { readSpec } from '../domain/exercises/spec/load';
import { formatProblem } from '../domain/shared/problems';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import '../domain/shared/zodSetup';
import { exerciseById, findTopicIn, loadCompiledCatalog } from '../domain/roadmap/catalog';
import type { Catalog } from '../domain/roadmap/catalog';
import { checkExercise } from '../domain/exercises/check';
import { flavourInfo, flavours, isFlavour } from '../domain/exercises/flavours';
import type { Flavour } from '../domain/exercises/flavours';
import { exerciseFiles } from '../domain/exercises/manifest';
import { readMutantGrading } from '../domain/exercises/mutants';
import { readMilestones } from '../domain/exercises/milestones';
import type { MilestoneProgress } from '../domain/exercises/milestones';
import { CheckError } from '../domain/exercises/runner';
import { runners } from '../domain/exercises/runners';
import { planScaffold, writeScaffold } from '../domain/exercises/scaffold';
import { reportCommand } from './report';
import { dev, devUsage } from './devCheck';

const usage = `Usage:
  backend-roadmap list [--json]                             exercises and the topics they complete
  backend-roadmap scaffold <exercise-id> <dir> [--solution] [--lang=<name>] [--ts]
                                                            write the starter (or the reference solution),
                                                            in a flavour the exercise has (${flavours.join(', ')});
                                                            --ts is --lang=typescript (--flavour=<name> works too)
  backend-roadmap check <dir>                               run the tests; exit 0 only when they pass (for an exercise
                                                            graded by seeded bugs: your tests catch every one)
  backend-roadmap validate [dir]                            check a course's roadmaps and exercises (dir/.backend-roadmap
                                                            or dir itself); every problem as file:line:col, exit 1 if any
  backend-roadmap report <progress files or folders…> [--format=md|csv] [--roadmap=<id>] [--out=<file> [--force]]
                                                            a class table from learners' progress files
  ${devUsage}   check a course's own exercises (exit 1 names the broken ones)

Exit codes: 0 ok or tests passed, 1 tests failed, problems found or inputs unreadable, 2 usage or setup error.`;

class UsageError extends Error {}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Extension root holding dist/roadmaps.json and roadmaps/exercises. */
  root: string;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    const flags = new Set(rest.filter((a) => a.startsWith('--')));
    const args = rest.filter((a) => !a.startsWith('--'));
    const allow = (...known: string[]) => {
      const unknown = [...flags].filter((f) => !known.includes(f));
      if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(', ')}`);
    };
    switch (command) {
      case 'list':
        allow('--json');
        if (args.length > 0) throw new UsageError('list takes no arguments');
        return await list(catalog(io), flags.has('--json'), io);
      case 'scaffold': {
        // --lang=<name> is the same as --flavour=<name>: the language the learner chose.
        const prefixes = ['--flavour=', '--lang='];
        const given = [...flags].filter((f) => prefixes.some((p) => f.startsWith(p)));
        const named = given.map((f) => f.slice(f.indexOf('=') + 1));
        allow('--solution', '--ts', ...given);
        if (args.length !== 2) throw new UsageError('scaffold needs <exercise-id> <dir>');
        const asked = [...named, ...(flags.has('--ts') ? ['typescript'] : [])];
        if (new Set(asked).size > 1) throw new UsageError(`pick one flavour, not ${asked.join(' and ')}`);
        const [flavour] = asked;
        if (flavour !== undefined && !isFlavour(flavour))
          throw new UsageError(`unknown flavour "${flavour}" (known: ${flavours.join(', ')})`);
        return await scaffold(catalog(io), args[0] ?? '', args[1] ?? '', flags.has('--solution'), flavour, io);
      }
      case 'validate':
        allow();
        if (args.length > 1) throw new UsageError('validate takes at most one folder');
        // Loaded here: it needs the YAML parser, which the other commands never load.
        return await (await import('./validate')).validateCommand(args[0] ?? '.', catalog(io), io);
      case 'dev':
        return await dev(args, [...flags], io);
      case 'check':
        allow();
        if (args.length !== 1) throw new UsageError('check needs <dir>');
        return await check(args[0] ?? '', io);
      case 'report':
        return await reportCommand(rest, () => catalog(io), io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${usage}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`backend-roadmap: ${e.message}\n\n${usage}\n`);
      return 2;
    }
    io.err(`backend-roadmap: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/** The compiled catalog; a missing or damaged one is a setup error (exit 2) naming the file. */
function catalog(io: CliIo): Catalog {
  const loaded = loadCompiledCatalog(path.join(io.root, 'dist', 'roadmaps.json'), path.join(io.root, 'roadmaps', 'exercises'));
  if (loaded.problems.length > 0) throw new Error(`${loaded.problems.map(formatProblem).join('\n')} (run npm run build)`);
  return loaded;
}

async function list(cat: Catalog, json: boolean, io: CliIo): Promise<number> {
  const rows = cat.exercises.map((e) => ({
    id: e.id,
    title: e.title,
    description: e.description,
    topic: { id: e.topic, title: findTopicIn(cat, e.topic)?.topic.title ?? e.topic },
    services: e.services,
    runner: e.runner,
    flavours: e.flavours,
    ...(e.milestones ? { milestones: e.milestones.map((m) => ({ id: m.id, title: m.title, topics: m.topics })) } : {}),
  }));
  if (json) {
    io.out(`${JSON.stringify({ exercises: rows }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.id.length), 2);
  io.out(`${'id'.padEnd(width)}  topic\n`);
  for (const r of rows) {
    // Only the default language goes unsaid.
    const languages =
      r.flavours.length === 1 && r.flavours[0] === flavours[0] ? '' : r.flavours.map((f) => flavourInfo[f].short).join(' or ');
    const needs = [languages, r.services.length > 0 ? `needs ${r.services.join(', ')}` : ''].filter(Boolean).join('; ');
    io.out(`${r.id.padEnd(width)}  ${r.topic.title} [${r.topic.id}]: ${r.title}${needs ? `  (${needs})` : ''}\n`);
    // A project: its milestones, in order, with the topics each practises.
    r.milestones?.forEach((m, i) => io.out(`${''.padEnd(width)}    milestone ${i + 1}: ${m.title} [${m.topics.join(', ')}]\n`));
  }
  const projects = rows.filter((r) => r.milestones).length;
  io.out(
    `\n${rows.length} exercises${projects > 0 ? `, ${projects} of them ${projects === 1 ? 'a project' : 'projects'} built in milestones` : ''}\n`,
  );
  return 0;
}

async function scaffold(cat: Catalog, id: string, dir: string, solution: boolean, asked: Flavour | undefined, io: CliIo): Promise<number> {
  const exercise = exerciseById(cat, id);
  if (!exercise) throw new UsageError(`unknown exercise "${id}"; run \`backend-roadmap list\` to see the ids`);
  const flavour = asked ?? exercise.flavours[0] ?? flavours[0];
  if (!exercise.flavours.includes(flavour)) throw new Error(`${id} has no ${flavour} flavour (it has: ${exercise.flavours.join(', ')})`);
  const target = path.resolve(dir);
  const entries = await fs.readdir(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw new Error(`${target} is not a folder this can write into (${e.code ?? e.message})`);
  });
  if (entries.length > 0) throw new Error(`${target} already exists and is not empty; refusing to write over it`);
  const files = await exerciseFiles(exercise, findTopicIn(cat, exercise.topic)?.topic.title ?? exercise.topic, solution, flavour);
  // The target is the CLI user's own choice; below it, nothing may be a link.
  await fs.mkdir(target, { recursive: true });
  const result = await writeScaffold(await planScaffold(target, target, files), false);
  const what = [solution ? 'reference solution' : '', flavour !== exercise.flavours[0] ? flavourInfo[flavour].label : '']
    .filter(Boolean)
    .join(', ');
  io.out(`Wrote ${result.written.length} files of ${exercise.id}${what ? ` (${what})` : ''} to ${target}\n`);
  io.out(
    `Next: cd ${path.relative(process.cwd(), target) || '.'} && ${runners[flavourInfo[flavour].runner].manualCommand}   (or: backend-roadmap check ${dir})\n`,
  );
  return 0;
}

const milestoneMarks = { passed: '✔', failed: '✗', notReached: '·' } as const;

/** A project's milestones, one line each: passed, failing (the one to work on, or a regression), not reached yet. */
function milestoneLines(progress: MilestoneProgress): string {
  const lines = progress.each.map((m, i) => {
    const regressed = progress.regressed.some((r) => r.id === m.id) ? '  (regression: this passed before a later milestone was added)' : '';
    const here = progress.current?.id === m.id && !regressed ? '  ← next' : '';
    return `  ${milestoneMarks[m.status]} milestone ${i + 1}: ${m.title}${regressed}${here}\n`;
  });
  return `Milestones: ${progress.passed.length} of ${progress.total} pass\n${lines.join('')}`;
}

async function check(dir: string, io: CliIo): Promise<number> {
  const target = path.resolve(dir);
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`${target} is not a folder`);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  // A closed terminal or a CI timeout must not leave the tests' servers behind.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.once(s, onSignal);
  try {
    // The exercise's spec and seeded bugs ship with it, in the extension root's roadmaps/exercises/<id>/.
    const shipped = (id: string) => (/^[a-z0-9-]+$/.test(id) ? path.join(io.root, 'roadmaps', 'exercises', id) : undefined);
    const result = await checkExercise(target, {
      specOf: async (id) => {
        const dir = shipped(id);
        return dir ? readSpec(dir) : undefined;
      },
      mutantsOf: async (id, flavour) => {
        const dir = shipped(id);
        return dir ? readMutantGrading(dir, flavour) : undefined;
      },
      milestonesOf: async (id) => {
        const dir = shipped(id);
        return dir ? readMilestones(dir) : undefined;
      },
      signal: controller.signal,
      printFirstHint: true,
      onOutput: (t) => io.out(t),
      onPhase: (_, message) => io.err(`== ${message}\n`),
    });
    for (const r of result.results.filter((x) => x.status === 'failed')) {
      // A test's first line says it; a spec's failure needs its request and the first difference.
      const lines = r.error?.split('\n').filter((l) => l.trim() && !/^Step \d+ of \d+:$/.test(l)) ?? [];
      io.err(`✗ ${[...r.suite, r.name].join(' › ')}${lines.length > 0 ? `\n    ${lines.slice(0, 4).join('\n    ')}` : ''}\n`);
    }
    if (result.milestones) io.err(milestoneLines(result.milestones));
    io.err(
      `${result.outcome === 'passed' ? 'PASS' : 'FAIL'}: ${result.summary} in ${(result.durationMs / 1000).toFixed(1)} s${result.installMs !== undefined ? ` (install ${(result.installMs / 1000).toFixed(1)} s)` : ''}\n`,
    );
    return result.outcome === 'passed' ? 0 : 1;
  } catch (e) {
    if (e instanceof CheckError) {
      io.err(`backend-roadmap: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
}

if (require.main === module) {
  // A reader that went away (`| head`) is not an error of ours: stop quietly. `dev check` handles it
  // itself, since it must stop its checks and remove its scratch folder first.
  if (process.argv[2] !== 'dev')
    for (const stream of [process.stdout, process.stderr])
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') throw e;
        process.exit(process.exitCode ?? 0);
      });
  void main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    root: path.resolve(__dirname, '..'),
  }).then((code) => {
    process.exitCode = code;
  });
}
