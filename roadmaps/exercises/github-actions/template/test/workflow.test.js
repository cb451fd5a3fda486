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

/** Where a command runs in a job: its step index plus a fraction for its line, so one multi-line run: works too. */
function commandAt(job, pattern) {
  for (const [i, step] of job.steps.entries()) {
    const line = typeof step.run === 'string' ? step.run.split('\n').findIndex((l) => pattern.test(l)) : -1;
    if (line !== -1) return i + line / 1000;
  }
  return -1;
}

const NPM_CI = /^\s*npm\s+ci\b/;
const NPM_LINT = /^\s*npm\s+run\s+lint\b/;
const NPM_TEST = /^\s*npm\s+(test|t|run\s+test)\b/;
const NPM_TYPECHECK = /^\s*npm\s+run\s+typecheck\b/;

/**
 * A job with the index of each interesting step. The test job is the one that runs `npm test` (the
 * lint may run in a job of its own); without one, the first job that sets up Node, so the messages
 * can still say what to add.
 */
function testJob(wf, which = NPM_TEST) {
  const all = jobs(wf);
  const job =
    all.find((j) => commandAt(j, which) !== -1) ??
    all.find((j) => commandAt(j, NPM_TEST) !== -1) ??
    all.find((j) => j.steps.some((s) => usesAction(s, 'actions/setup-node')));
  assert.ok(job, '[setup-node] no job uses actions/setup-node; add a step `uses: actions/setup-node@v6`');
  const at = (predicate) => job.steps.findIndex(predicate);
  return {
    job,
    checkout: at((s) => usesAction(s, 'actions/checkout')),
    setupNode: at((s) => usesAction(s, 'actions/setup-node')),
    ci: commandAt(job, NPM_CI),
    lint: commandAt(job, NPM_LINT),
    test: commandAt(job, NPM_TEST),
  };
}

/** The values a matrix key takes: its list, plus `include` entries, minus `exclude` entries. */
function matrixValues(matrix, key) {
  if (!matrix || typeof matrix !== 'object') return undefined;
  const listed = Array.isArray(matrix[key]) ? matrix[key] : [];
  const included = (Array.isArray(matrix.include) ? matrix.include : []).map((e) => e?.[key]).filter((v) => v !== undefined);
  const excluded = new Set((Array.isArray(matrix.exclude) ? matrix.exclude : []).filter((e) => e && Object.keys(e).length === 1).map((e) => String(e[key])));
  const values = [...listed, ...included].filter((v) => !excluded.has(String(v)));
  return Array.isArray(matrix[key]) || included.length > 0 ? values : undefined;
}

// ---- A small evaluator for `if:` expressions, enough to tell whether a job or step runs for an event.

const UNKNOWN = Symbol('unknown');

/** The `github` context of a push to main and of a pull request into main. */
const EVENTS = {
  'a push to main': {
    github: { event_name: 'push', ref: 'refs/heads/main', ref_name: 'main', ref_type: 'branch', base_ref: '', head_ref: '', event: { ref: 'refs/heads/main', pull_request: null } },
  },
  'a pull request': {
    github: {
      event_name: 'pull_request',
      ref: 'refs/pull/7/merge',
      ref_name: '7/merge',
      ref_type: 'branch',
      base_ref: 'main',
      head_ref: 'feature',
      event: { action: 'synchronize', number: 7, pull_request: { number: 7, draft: false, base: { ref: 'main' }, head: { ref: 'feature' } } },
    },
  },
};

/** Evaluates a GitHub expression (`${{ }}` optional) in a context: true, false, or UNKNOWN when it needs something else (matrix, needs, steps...). */
function evaluate(expression, context) {
  const source = String(expression).trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const tokens = [...source.matchAll(/\s*('(?:[^']|'')*'|\d+(?:\.\d+)?|==|!=|<=|>=|&&|\|\||[!<>(),]|[A-Za-z_][\w-]*(?:\.[\w-]+|\.\*|\[[^\]]*\])*)/g)].map((m) => m[1]);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const truthy = (v) => (v === UNKNOWN ? UNKNOWN : !(v === null || v === undefined || v === false || v === 0 || v === '' || Number.isNaN(v)));
  const toNumber = (v) => (v === null || v === undefined ? 0 : typeof v === 'boolean' ? Number(v) : typeof v === 'number' ? v : v.trim() === '' ? 0 : Number(v));
  const equals = (a, b) => {
    if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
    if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
    if (typeof a === typeof b && typeof a !== 'object') return a === b;
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) return a === b;
    return toNumber(a) === toNumber(b);
  };
  const functions = {
    success: () => true,
    always: () => true,
    cancelled: () => false,
    failure: () => false,
    contains: (a, b) => (Array.isArray(a) ? a.some((x) => equals(x, b) === true) : String(a ?? '').toLowerCase().includes(String(b ?? '').toLowerCase())),
    startswith: (a, b) => String(a ?? '').toLowerCase().startsWith(String(b ?? '').toLowerCase()),
    endswith: (a, b) => String(a ?? '').toLowerCase().endsWith(String(b ?? '').toLowerCase()),
  };
  const path = (name) => {
    const parts = name.replace(/\[\s*'([^']*)'\s*\]/g, '.$1').split('.');
    if (!Object.hasOwn(context, parts[0])) return UNKNOWN;
    let value = context[parts[0]];
    for (const part of parts.slice(1)) {
      if (value === null) return null; // github.event.pull_request on a push: known to be absent
      // Anything this model does not know (github.repository, github.actor...) could go either way.
      if (typeof value !== 'object' || !Object.hasOwn(value, part)) return UNKNOWN;
      value = value[part];
    }
    return value;
  };
  const primary = () => {
    const token = next();
    if (token === undefined) return UNKNOWN;
    if (token === '(') {
      const value = or();
      next();
      return value;
    }
    if (token === '!') {
      const value = truthy(primary());
      return value === UNKNOWN ? UNKNOWN : !value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (peek() === '(') {
      next();
      const args = [];
      while (peek() !== ')' && peek() !== undefined) {
        args.push(or());
        if (peek() === ',') next();
      }
      next();
      const fn = functions[token.toLowerCase()];
      return !fn || args.includes(UNKNOWN) ? UNKNOWN : fn(...args);
    }
    return path(token);
  };
  const comparison = () => {
    const left = primary();
    const op = peek();
    if (!['==', '!=', '<', '>', '<=', '>='].includes(op)) return left;
    next();
    const right = primary();
    if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
    if (op === '==') return equals(left, right);
    if (op === '!=') return !equals(left, right);
    const [a, b] = [toNumber(left), toNumber(right)];
    return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
  };
  const and = () => {
    let value = truthy(comparison());
    while (peek() === '&&') {
      next();
      const right = truthy(comparison());
      value = value === false || right === false ? false : value === UNKNOWN || right === UNKNOWN ? UNKNOWN : true;
    }
    return value;
  };
  const or = () => {
    let value = and();
    while (peek() === '||') {
      next();
      const right = and();
      value = value === true || right === true ? true : value === UNKNOWN || right === UNKNOWN ? UNKNOWN : false;
    }
    return value;
  };
  const value = truthy(or());
  return i < tokens.length ? UNKNOWN : value;
}

/** The events (of EVENTS) for which an `if:` is certainly false. */
const skippedFor = (condition) =>
  condition === undefined ? [] : Object.entries(EVENTS).filter(([, context]) => evaluate(condition, context) === false).map(([name]) => name);

/** A job and every job it needs, directly or not: if one of them is skipped, the job is skipped too. */
function withNeeds(wf, id, seen = new Set()) {
  if (seen.has(id) || !wf.jobs[id]) return seen;
  seen.add(id);
  const needs = wf.jobs[id].needs;
  for (const need of Array.isArray(needs) ? needs : needs ? [needs] : []) withNeeds(wf, need, seen);
  return seen;
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
  const values = matrixValues(job.strategy?.matrix, key);
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

test('[checkout] each job checks out the code before setting up Node', () => {
  const wf = workflow();
  for (const { job, checkout, setupNode, ci } of [testJob(wf), testJob(wf, NPM_LINT)]) {
    assert.ok(checkout !== -1, `[checkout] job ${job.id}: add - uses: actions/checkout@v6 as the first step; the runner starts empty`);
    assert.ok(setupNode === -1 || checkout < setupNode, `[checkout] job ${job.id}: check out first: setup-node reads package-lock.json for its cache`);
    assert.ok(ci === -1 || checkout < ci, `[checkout] job ${job.id}: check out before npm ci`);
  }
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
  // The lint may run in the test job or in a job of its own; either way after npm ci in that job.
  const { job, ci, lint } = testJob(workflow(), NPM_LINT);
  assert.ok(lint !== -1, '[lint] package.json has a lint script: add a step run: npm run lint');
  assert.ok(ci !== -1 && lint > ci, `[lint] job ${job.id}: run npm run lint after npm ci`);
});

test('[test] the tests run with npm test after npm ci', () => {
  const { ci, test: testStep } = testJob(workflow());
  assert.ok(testStep !== -1, '[test] add a step: run: npm test');
  assert.ok(ci !== -1 && testStep > ci, '[test] run npm test after npm ci');
});

test('[typecheck] the type check runs when package.json has one', { skip: !pkg.scripts?.typecheck && 'no typecheck script' }, () => {
  // tsx and the test runner strip types without checking them: only tsc notices a type error.
  const { job, ci } = testJob(workflow(), NPM_TYPECHECK);
  const typecheck = commandAt(job, NPM_TYPECHECK);
  assert.ok(typecheck !== -1, '[typecheck] package.json has a typecheck script: add a step run: npm run typecheck');
  assert.ok(ci !== -1 && typecheck > ci, `[typecheck] job ${job.id}: run npm run typecheck after npm ci`);
});

test('[fails-the-run] a failing install, lint or test fails the run', () => {
  const wf = workflow();
  const alwaysTrue = (value) => value !== undefined && Object.values(EVENTS).every((context) => evaluate(String(value), context) === true);
  for (const [label, pattern] of [['npm ci', NPM_CI], ['npm run lint', NPM_LINT], ['npm run typecheck', NPM_TYPECHECK], ['npm test', NPM_TEST]]) {
    for (const job of jobs(wf)) {
      job.steps.forEach((step, i) => {
        const lines = typeof step.run === 'string' ? step.run.split('\n') : [];
        const at = lines.findIndex((l) => pattern.test(l));
        if (at === -1) return;
        const where = `job ${job.id}, step ${step.name ?? i + 1}`;
        // `|| { cat log; exit 1; }` still fails; `|| true`, `|| echo ...` do not.
        const fallback = /\|\|([\s\S]*)$/.exec(lines[at])?.[1];
        assert.ok(
          fallback === undefined || /\b(exit\s+[1-9]\d*|false)[\s;})]*$/.test(fallback),
          `[fails-the-run] ${where}: \`${lines[at].trim()}\` turns a failure into success, so a broken ${label} still shows a green check; drop the || part`,
        );
        assert.ok(
          !lines.slice(0, at).some((l) => /^\s*set\s+\+e\b/.test(l)),
          `[fails-the-run] ${where}: set +e lets the script go on after ${label} fails; the step must stop and fail`,
        );
        assert.ok(
          !alwaysTrue(step['continue-on-error']),
          `[fails-the-run] ${where}: continue-on-error: true marks the run green when ${label} fails; remove it`,
        );
        assert.ok(
          !alwaysTrue(job['continue-on-error']),
          `[fails-the-run] job ${job.id}: continue-on-error: true lets the workflow pass when ${label} fails; remove it`,
        );
      });
    }
  }
});

test('[pull-requests] the lint and the tests run for every pull request and every push to main', () => {
  const wf = workflow();
  const glob = (pattern) => new RegExp(`^${String(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`);
  const pr = wf.on?.pull_request;
  if (pr && typeof pr === 'object') {
    if (pr.types !== undefined) {
      const types = [pr.types].flat().map(String);
      const missing = ['opened', 'synchronize', 'reopened'].filter((t) => !types.includes(t));
      assert.deepEqual(
        missing,
        [],
        `[pull-requests] pull_request: types: [${types.join(', ')}] skips ${missing.join(', ')}: new commits pushed to a pull request ("synchronize") would not be tested. Leave types out; the default is opened, synchronize and reopened`,
      );
    }
    if (pr.branches !== undefined) {
      assert.ok([pr.branches].flat().some((b) => !String(b).startsWith('!') && glob(b).test('main')), '[pull-requests] pull_request: branches: must include main, the branch pull requests go into');
    }
    if (pr['branches-ignore'] !== undefined) {
      assert.ok(![pr['branches-ignore']].flat().some((b) => glob(b).test('main')), '[pull-requests] pull_request: branches-ignore: leaves out main, so pull requests into main are not tested');
    }
  }
  for (const [what, pattern] of [['the tests', NPM_TEST], ['the lint', NPM_LINT], ['the type check', NPM_TYPECHECK], ['npm ci', NPM_CI]]) {
    if (pattern === NPM_TYPECHECK && !pkg.scripts?.typecheck) continue;
    const { job } = testJob(wf, pattern);
    const index = Math.floor(commandAt(job, pattern));
    if (index < 0) continue; // [test] and [lint] report a missing command
    for (const id of withNeeds(wf, job.id)) {
      const skipped = skippedFor(wf.jobs[id].if);
      const via = id === job.id ? '' : ` (job ${job.id}, which runs ${what}, needs it, so it is skipped too)`;
      assert.deepEqual(skipped, [], `[pull-requests] job ${id} has if: ${wf.jobs[id].if}, which skips it on ${skipped.join(' and ')}${via}; ${what} must run for both`);
    }
    const step = job.steps[index];
    const skipped = skippedFor(step.if);
    assert.deepEqual(skipped, [], `[pull-requests] job ${job.id}, step ${step.name ?? index + 1} has if: ${step.if}, which skips ${what} on ${skipped.join(' and ')}`);
  }
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
