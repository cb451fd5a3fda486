// Authoring aid: runs a behavioural spec against a program started in a folder, printing each
// scenario's result. Exit 0 when every scenario passes. Specs with a database use DATABASE_URL's server.
//   npx tsx scripts/runSpec.ts <spec.json> <dir> -- <command> [args…]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commandRunner } from '../src/domain/exercises/spec/command';
import { startProgram } from '../src/domain/exercises/spec/program';
import { runSpec } from '../src/domain/exercises/spec/run';
import { specSchema } from '../src/domain/exercises/spec/schema';

async function main(): Promise<number> {
  const dash = process.argv.indexOf('--');
  const [specFile, dir] = process.argv.slice(2, dash < 0 ? undefined : dash);
  const [command, ...args] = dash < 0 ? [] : process.argv.slice(dash + 1);
  if (!specFile || !dir || !command) {
    console.error('usage: npx tsx scripts/runSpec.ts <spec.json> <dir> -- <command> [args…]');
    return 2;
  }
  const parsed = specSchema.safeParse(JSON.parse(readFileSync(specFile, 'utf8')));
  if (!parsed.success) {
    console.error(`${specFile}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const results = await runSpec(parsed.data, {
    start: (env) => startProgram({ command, args }, path.resolve(dir), { env }),
    // For specs whose program runs to completion: the command with each run step's arguments added.
    run: commandRunner({ command, args }, path.resolve(dir)),
    onScenario: (r) =>
      console.log(
        `${r.status === 'passed' ? '✔' : '✘'} ${r.name} (${r.durationMs} ms)${r.error ? `\n${r.error.replace(/^/gm, '    ')}` : ''}`,
      ),
  });
  const failed = results.filter((r) => r.status !== 'passed').length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
