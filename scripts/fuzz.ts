// Fuzzes the roadmap YAML loader, the progress-file reader and progress import with seeded, mutated
// inputs. `npm run fuzz -- --seed 123 --count 10000`; replay one input with `--target import --index 42`.
// Exits 1 on any crash, hang or rejection without a position.
import { formatFailure, formatStats, fuzz, generateInput, judge, targets } from '../test/fuzz/fuzz';
import type { Failure, Stats } from '../test/fuzz/fuzz';

interface Args {
  seed: number;
  count: number;
  hangMs: number;
  target?: string;
  index?: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { seed: (Date.now() ^ (process.pid << 16)) >>> 0, count: 10_000, hangMs: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, got ${value ?? 'nothing'}`);
      i++;
      return n;
    };
    if (flag === '--seed') args.seed = number() >>> 0;
    else if (flag === '--count') args.count = number();
    else if (flag === '--hang-ms') args.hangMs = number();
    else if (flag === '--index') args.index = number();
    else if (flag === '--target') {
      if (value === undefined) throw new Error('--target needs a name');
      args.target = value;
      i++;
    } else throw new Error(`unknown option ${flag}; use --seed N --count N [--target NAME --index N] [--hang-ms N]`);
  }
  return args;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const all = targets();
  const chosen = args.target ? all.filter((t) => t.name === args.target) : all;
  if (chosen.length === 0) throw new Error(`unknown target ${args.target}; one of ${all.map((t) => t.name).join(', ')}`);

  if (args.index !== undefined) {
    for (const target of chosen) {
      const input = generateInput(target, args.seed, args.index);
      const { outcome, ms, hang } = judge(target, input.text, args.hangMs);
      console.log(`${target.name} seed ${args.seed} index ${args.index}: ${input.note}`);
      console.log(`input (first 400 chars): ${JSON.stringify(input.text.slice(0, 400))}`);
      console.log(`outcome: ${JSON.stringify(outcome)} in ${ms.toFixed(1)} ms${hang ? ' (hang)' : ''}`);
    }
    return 0;
  }

  console.log(
    `fuzzing with seed ${args.seed}, ${args.count} inputs per target (replay: npm run fuzz -- --seed ${args.seed} --count ${args.count})`,
  );
  const started = performance.now();
  const stats: Stats[] = [];
  const failures: Failure[] = [];
  for (const target of chosen) {
    const run = fuzz(target, { seed: args.seed, count: args.count, hangMs: args.hangMs });
    stats.push(run.stats);
    failures.push(...run.failures);
    console.log(`  ${target.name}: done in ${(run.stats.totalMs / 1000).toFixed(1)} s`);
  }
  console.log(`\n${formatStats(stats)}\n`);
  for (const f of failures) console.log(formatFailure(f));
  if (failures.length > 0) console.log(`\nreplay one with: npm run fuzz -- --seed ${args.seed} --target <target> --index <index>`);
  console.log(`wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return failures.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
}
