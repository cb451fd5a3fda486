// A tiny linter so the project has a `npm run lint` step without extra dependencies.
// Real projects use ESLint; the workflow step looks the same.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const files = ['src', 'test', 'scripts'].flatMap((dir) =>
  fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.js')).map((f) => path.join(dir, f)),
);

let problems = 0;
for (const file of files) {
  const check = spawnSync(process.execPath, ['--check', path.join(root, file)], { encoding: 'utf8' });
  if (check.status !== 0) {
    problems++;
    console.error(`${file}: syntax error\n${check.stderr}`);
  }
  fs.readFileSync(path.join(root, file), 'utf8').split('\n').forEach((line, i) => {
    if (/[ \t]+$/.test(line)) {
      problems++;
      console.error(`${file}:${i + 1}: trailing whitespace`);
    }
  });
}
console.log(`lint: ${files.length} files, ${problems} problem(s)`);
process.exitCode = problems > 0 ? 1 : 0;
