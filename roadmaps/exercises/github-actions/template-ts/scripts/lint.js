// A tiny linter so the project has a `npm run lint` step without extra dependencies.
// Real projects use ESLint (with typescript-eslint); the workflow step looks the same. Types are
// checked by `npm run typecheck` (tsc), not here.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const files = ['src', 'test', 'scripts'].flatMap((dir) =>
  fs.readdirSync(path.join(root, dir)).filter((f) => /\.(js|ts)$/.test(f)).map((f) => path.join(dir, f)),
);

let problems = 0;
for (const file of files) {
  fs.readFileSync(path.join(root, file), 'utf8').split('\n').forEach((line, i) => {
    if (/[ \t]+$/.test(line)) {
      problems++;
      console.error(`${file}:${i + 1}: trailing whitespace`);
    }
    if (/\bconsole\.log\(/.test(line) && file.startsWith('src')) {
      problems++;
      console.error(`${file}:${i + 1}: console.log left in the source`);
    }
  });
}
console.log(`lint: ${files.length} files, ${problems} problem(s)`);
process.exitCode = problems > 0 ? 1 : 0;
