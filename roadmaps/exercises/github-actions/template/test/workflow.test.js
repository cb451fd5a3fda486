// A static linter for .github/workflows/ci.yml: nothing here runs GitHub Actions. Each test is one
// rule, and its failure message starts with the rule's name (see "What the tests check" in the README).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const root = path.join(__dirname, '..');
const WORKFLOW = '.github/workflows/ci.yml';
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The parsed workflow. YAML 1.2 (the yaml package's default) keeps the `on:` key a string. */
function workflow() {
  const file = path.join(root, WORKFLOW);
  assert.ok(fs.existsSync(file), `[file] ${WORKFLOW} is missing`);
  const document = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  assert.equal(document.errors.length, 0, `[file] ${WORKFLOW} is not valid YAML: ${document.errors[0]?.message}`);
  const wf = document.toJS();
  assert.ok(wf && typeof wf === 'object' && wf.jobs && typeof wf.jobs === 'object', `[file] ${WORKFLOW} needs a jobs: mapping`);
  return wf;
}

const jobs = (wf) => Object.entries(wf.jobs).map(([id, job]) => ({ id, ...job, steps: Array.isArray(job?.steps) ? job.steps : [] }));
const usesAction = (step, action) => typeof step.uses === 'string' && step.uses.toLowerCase().startsWith(`${action}@`);
const runs = (step, pattern) => typeof step.run === 'string' && step.run.split('\n').some((line) => pattern.test(line));

/** The job that sets up Node (the test job), with the index of each interesting step. */
function testJob(wf) {
  const job = jobs(wf).find((j) => j.steps.some((s) => usesAction(s, 'actions/setup-node')));
  assert.ok(job, '[setup-node] no job uses actions/setup-node; add a step `uses: actions/setup-node@v6`');
  const at = (predicate) => job.steps.findIndex(predicate);
  // Where a command runs: its step index plus a fraction for its line, so one multi-line run: works too.
  const command = (pattern) => {
    for (const [i, step] of job.steps.entries()) {
      const line = typeof step.run === 'string' ? step.run.split('\n').findIndex((l) => pattern.test(l)) : -1;
      if (line !== -1) return i + line / 1000;
    }
    return -1;
  };
  return {
    job,
    checkout: at((s) => usesAction(s, 'actions/checkout')),
    setupNode: at((s) => usesAction(s, 'actions/setup-node')),
    ci: command(/^\s*npm\s+ci\b/),
    lint: command(/^\s*npm\s+run\s+lint\b/),
    test: command(/^\s*npm\s+(test|t|run\s+test)\b/),
  };
}

test('[triggers] runs on pushes to main and on pull requests', () => {
  const on = workflow().on;
  assert.ok(on && typeof on === 'object' && !Array.isArray(on), '[triggers] write `on:` as a mapping with push: and pull_request: under it');
  assert.ok('pull_request' in on, '[triggers] add pull_request: so every pull request is tested before it is merged');
  assert.ok(!('pull_request_target' in on), '[triggers] do not test with pull_request_target: it runs code from forks with your secrets');
  const branches = on.push?.branches;
  assert.ok(
    Array.isArray(branches) && branches.includes('main'),
    '[triggers] limit push to main (push: branches: [main]); pushes to other branches are tested through their pull request',
  );
});

test('[permissions] the workflow token is read-only: permissions: contents: read', () => {
  const wf = workflow();
  assert.ok(wf.permissions && typeof wf.permissions === 'object', '[permissions] add a top-level `permissions: { contents: read }`; the default token may be allowed to write');
  assert.equal(wf.permissions.contents, 'read', '[permissions] set permissions.contents to read');
  for (const [scope, level] of [['workflow', wf.permissions], ...jobs(wf).map((j) => [`job ${j.id}`, j.permissions])]) {
    const granted = typeof level === 'string' ? { all: level } : level ?? {};
    for (const [name, value] of Object.entries(granted)) {
      assert.ok(!/write/.test(String(value)), `[permissions] ${scope} grants ${name}: ${value}; a test job needs no write access`);
    }
  }
});

test('[concurrency] a new push cancels the run still going for the same ref', () => {
  const wf = workflow();
  const concurrency = wf.concurrency ?? jobs(wf).find((j) => j.concurrency)?.concurrency;
  assert.ok(concurrency && typeof concurrency === 'object', '[concurrency] add concurrency: { group: ..., cancel-in-progress: true }');
  assert.match(
    String(concurrency.group ?? ''),
    /github\.(ref|head_ref)|pull_request\.number/,
    '[concurrency] the group must contain the ref, e.g. ${{ github.workflow }}-${{ github.ref }}, or every branch cancels every other',
  );
  const cancel = concurrency['cancel-in-progress'];
  assert.ok(cancel === true || /\$\{\{/.test(String(cancel)), '[concurrency] set cancel-in-progress: true');
});

test('[runner] the job runs on ubuntu-latest', () => {
  const { job } = testJob(workflow());
  assert.match(String(job['runs-on']), /^ubuntu-(latest|\d\d\.\d\d)$/, `[runner] job ${job.id}: use runs-on: ubuntu-latest`);
});

test('[matrix] tests run on at least two Node.js versions, 20 or newer', () => {
  const { job, setupNode } = testJob(workflow());
  const version = String(job.steps[setupNode].with?.['node-version'] ?? '');
  const key = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(version.trim())?.[1];
  assert.ok(key, '[matrix] setup-node should take node-version: ${{ matrix.node }} from a strategy.matrix');
  const values = job.strategy?.matrix?.[key];
  assert.ok(Array.isArray(values), `[matrix] job ${job.id} needs strategy: matrix: ${key}: [22, 24]`);
  const majors = [...new Set(values.map((v) => Number(/^(\d+)/.exec(String(v))?.[1])).filter((n) => !Number.isNaN(n)))];
  assert.ok(majors.length >= 2, `[matrix] list at least two Node.js versions (for example 22 and 24); found ${JSON.stringify(values)}`);
  const old = majors.filter((m) => m < 20);
  assert.deepEqual(old, [], `[matrix] package.json says engines.node >=20; drop ${old.join(', ')}, which is end-of-life anyway`);
});

test('[pinned-actions] every action is pinned to a version tag or a full commit SHA', () => {
  const wf = workflow();
  for (const job of jobs(wf)) {
    const refs = [job.uses, ...job.steps.map((s) => s.uses)].filter((u) => typeof u === 'string');
    for (const uses of refs) {
      if (uses.startsWith('./') || uses.startsWith('docker://')) continue;
      const ref = uses.split('@')[1];
      assert.ok(ref, `[pinned-actions] ${uses} has no @version; write ${uses}@v6 (or a commit SHA)`);
      assert.match(
        ref,
        /^(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/,
        `[pinned-actions] ${uses}: "${ref}" is a branch that can change at any time; use a release tag such as @v6, or a full 40-character commit SHA`,
      );
    }
  }
});

test('[checkout] the job checks out the code before setting up Node', () => {
  const { job, checkout, setupNode } = testJob(workflow());
  assert.ok(checkout !== -1, `[checkout] job ${job.id}: add - uses: actions/checkout@v6 as the first step; the runner starts empty`);
  assert.ok(checkout < setupNode, '[checkout] check out first: setup-node reads package-lock.json for its cache');
});

test('[setup-node] setup-node uses the matrix version and caches npm downloads', () => {
  const { job, setupNode } = testJob(workflow());
  const options = job.steps[setupNode].with ?? {};
  assert.match(String(options['node-version'] ?? ''), /^\$\{\{\s*matrix\.[\w-]+\s*\}\}$/, '[setup-node] set with: node-version: ${{ matrix.node }}');
  assert.equal(options.cache, 'npm', '[setup-node] set with: cache: npm, so dependencies are not downloaded again on every run');
});

test('[install] dependencies are installed with npm ci after setting up Node', () => {
  const { job, setupNode, ci } = testJob(workflow());
  const install = job.steps.find((s) => runs(s, /\bnpm\s+(install|i)\b/));
  assert.equal(install, undefined, `[install] replace \`${install?.run?.trim()}\` with npm ci: it installs exactly package-lock.json and fails if it is out of date`);
  assert.ok(ci !== -1, '[install] add a step: run: npm ci');
  assert.ok(ci > setupNode, '[install] run npm ci after setup-node, with the matrix Node version');
});

test('[lint] the lint script runs when package.json has one', { skip: !pkg.scripts?.lint && 'no lint script' }, () => {
  const { ci, lint } = testJob(workflow());
  assert.ok(lint !== -1, '[lint] package.json has a lint script: add a step run: npm run lint');
  assert.ok(ci !== -1 && lint > ci, '[lint] run npm run lint after npm ci');
});

test('[test] the tests run with npm test after npm ci', () => {
  const { ci, test: testStep } = testJob(workflow());
  assert.ok(testStep !== -1, '[test] add a step: run: npm test');
  assert.ok(ci !== -1 && testStep > ci, '[test] run npm test after npm ci');
});

test('[timeout] every job has timeout-minutes', () => {
  for (const job of jobs(workflow())) {
    const minutes = job['timeout-minutes'];
    assert.ok(Number.isFinite(minutes), `[timeout] job ${job.id}: add timeout-minutes: 10; the default is 360, so a hung test burns six hours`);
    assert.ok(minutes > 0 && minutes <= 60, `[timeout] job ${job.id}: timeout-minutes: ${minutes}; this project tests in seconds, 10 is plenty`);
  }
});

test('[no-secret-echo] secrets never go into a run script or the log', () => {
  const wf = workflow();
  const secretEnv = (env) => Object.entries(env ?? {}).filter(([, v]) => /\$\{\{\s*secrets\./.test(String(v))).map(([k]) => k);
  for (const job of jobs(wf)) {
    job.steps.forEach((step, i) => {
      if (typeof step.run !== 'string') return;
      const where = `job ${job.id}, step ${step.name ?? i + 1}`;
      assert.doesNotMatch(
        step.run,
        /\$\{\{\s*secrets\./,
        `[no-secret-echo] ${where}: \${{ secrets.* }} inside run is pasted into the script; pass it through env: and use $NAME`,
      );
      for (const name of [...secretEnv(wf.env), ...secretEnv(job.env), ...secretEnv(step.env)]) {
        const echoes = step.run.split('\n').some((line) => /\b(echo|printf|cat)\b/.test(line) && new RegExp(`\\$\\{?${name}\\b`).test(line));
        assert.ok(!echoes, `[no-secret-echo] ${where}: do not print $${name}; it holds a secret`);
      }
    });
  }
});
