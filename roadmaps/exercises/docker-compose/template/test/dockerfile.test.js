// Static checks of Dockerfile and .dockerignore: nothing here runs Docker. Each test is one rule,
// and its failure message starts with the rule's name (see "What the tests check" in the README).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { readFile, parseDockerfile, execForm, unpinnedReason, dockerignorePatterns, analyzeStages, originOf, imageTools } = require('./lib');
const posix = require('node:path').posix;

const APP_PORT = '3000';

function dockerfile() {
  const parsed = parseDockerfile(readFile('Dockerfile'));
  assert.ok(parsed.stages.length > 0, 'Dockerfile: no FROM line found');
  const { states, byName } = analyzeStages(parsed);
  return { ...parsed, final: parsed.stages.at(-1), states, byName, finalState: states.at(-1) };
}

const runs = (stage, pattern) => stage.instructions.filter((i) => i.name === 'RUN' && pattern.test(i.args));
const NPM_CI = /\bnpm\s+ci\b/;
const OMIT_DEV = /\bnpm\s+ci\b[^&|;\n]*--omit[= ]dev\b/;

test('[multi-stage] a build stage and a runtime stage that copies the build output', () => {
  const { stages, final } = dockerfile();
  assert.ok(stages.length >= 2, `[multi-stage] found ${stages.length} FROM line(s); use a build stage (FROM ... AS build) and a runtime stage`);
  const earlier = stages.slice(0, -1).map((s) => s.name ?? String(s.index));
  assert.ok(stages.slice(0, -1).every((s) => s.name), '[multi-stage] name each earlier stage: FROM node:24-alpine AS build');
  const copiesFrom = final.instructions.filter((i) => i.name === 'COPY' && earlier.includes(i.flags.from));
  assert.ok(copiesFrom.length > 0, `[multi-stage] the final stage should COPY --from=${earlier[0]} the compiled dist/ folder`);
});

test('[build] a build stage with every dependency (npm ci, devDependencies included) runs npm run build', () => {
  const { states } = dockerfile();
  const builders = states.slice(0, -1).filter((s) => s.builds && !s.parent?.builds);
  assert.ok(builders.length > 0, '[build] no earlier stage runs `npm run build` (it compiles src/*.ts into dist/)');
  // The dependencies may be installed in this stage, or in a deps stage it starts FROM or copies node_modules from.
  const build = builders.find((s) => s.buildDeps === 'dev') ?? builders[0];
  assert.notEqual(
    build.buildDeps,
    'none',
    `[build] ${build.label} runs npm run build without node_modules: RUN npm ci first (or COPY --from=<deps stage> /app/node_modules ./node_modules)`,
  );
  assert.equal(
    build.buildDeps,
    'dev',
    `[build] ${build.label} builds with production dependencies only (--omit=dev, or NODE_ENV=production set before npm ci), so TypeScript is not installed and npm run build fails`,
  );
});

test('[pinned-base-image] every base image names a version, not latest', () => {
  const { stages } = dockerfile();
  const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));
  for (const stage of stages) {
    if (stageNames.has(stage.image)) continue; // FROM an earlier stage
    const reason = unpinnedReason(stage.image);
    assert.ok(!reason, `[pinned-base-image] line ${stage.line}: ${reason}`);
  }
});

test('[npm-ci] dependencies come from the lockfile: npm ci, never npm install', () => {
  const { stages } = dockerfile();
  for (const stage of stages) {
    const installs = runs(stage, /\bnpm\s+(install|i|add)\b/);
    assert.ok(installs.length === 0, `[npm-ci] line ${installs[0]?.line}: use npm ci, which installs exactly package-lock.json and fails when it is out of date`);
  }
});

test('[prod-deps-only] the runtime stage has production dependencies only (npm ci --omit=dev)', () => {
  const { finalState } = dockerfile();
  assert.notEqual(
    finalState.deps,
    'none',
    '[prod-deps-only] the final stage has no node_modules: RUN npm ci --omit=dev (the app needs pg at run time), or copy node_modules from a stage that did',
  );
  assert.equal(
    finalState.deps,
    'prod',
    `[prod-deps-only] the final stage's node_modules holds the devDependencies too (a plain npm ci, or node_modules copied from the build stage); install with npm ci --omit=dev, so TypeScript and the test tools stay out of the image`,
  );
});

test('[layer-caching] package.json and package-lock.json are copied and installed before the source', () => {
  const { stages } = dockerfile();
  const INSTALL = /\bnpm\s+(ci|install|i)\b/;
  for (const stage of stages.filter((s) => runs(s, INSTALL).length > 0)) {
    const label = stage.name ?? `stage ${stage.index + 1}`;
    const ci = stage.instructions.indexOf(runs(stage, INSTALL)[0]);
    const before = stage.instructions.slice(0, ci).filter((i) => i.name === 'COPY' || i.name === 'ADD');
    const everything = before.find((i) => !i.flags.from && /(^|\s)(\.\/?|src\/?|\.\/src\/?)\s/.test(`${i.rest.split(/\s+/).slice(0, -1).join(' ')} `));
    assert.ok(
      !everything,
      `[layer-caching] ${label}, line ${everything?.line}: the source is copied before npm ci, so every code change reinstalls every dependency. Copy only package.json and package-lock.json first, the rest after.`,
    );
    const manifests = before.filter((i) => /package\*\.json|package-lock\.json/.test(i.rest));
    assert.ok(manifests.length > 0, `[layer-caching] ${label}: COPY package.json package-lock.json ./ (or package*.json) before RUN npm ci; npm ci needs the lockfile`);
  }
});

test('[workdir] every stage sets a WORKDIR before copying files', () => {
  const { stages } = dockerfile();
  const hasWorkdir = new Map(); // stage name → sets a WORKDIR (inherited by FROM <that stage>)
  for (const stage of stages) {
    const firstCopy = stage.instructions.findIndex((i) => i.name === 'COPY' || i.name === 'ADD');
    const workdir = stage.instructions.findIndex((i) => i.name === 'WORKDIR');
    const inherited = hasWorkdir.get(stage.image) === true;
    if (stage.name) hasWorkdir.set(stage.name, inherited || workdir !== -1);
    assert.ok(
      firstCopy === -1 || inherited || (workdir !== -1 && workdir < firstCopy),
      `[workdir] ${stage.name ?? `stage ${stage.index + 1}`}: add WORKDIR /app before the first COPY, or files land in /`,
    );
  }
});

test('[non-root] the runtime stage switches to an unprivileged USER, after installing', () => {
  const { final } = dockerfile();
  const users = final.instructions.filter((i) => i.name === 'USER');
  assert.ok(users.length > 0, '[non-root] the final stage runs as root; add USER node (the official node images have that user)');
  const user = users.at(-1).args.split(':')[0];
  assert.ok(!['root', '0'].includes(user), `[non-root] USER ${user} is root`);
  // USER node before npm ci: /app and the copied files belong to root, so npm cannot write node_modules (EACCES).
  const { finalState } = dockerfile();
  const chowned = final.instructions.some((i) => (i.name === 'RUN' && /\bchown\b/.test(i.args)) || i.flags.chown);
  // (A WORKDIR after the USER is created for that user by BuildKit, so an install there works.)
  const install = finalState.steps.find(
    (s, i) =>
      s.ins.name === 'RUN' &&
      /\bnpm\s+(ci|install|i)\b/.test(s.ins.args) &&
      !['root', '0'].includes(s.user) &&
      !finalState.steps.slice(0, i).some((w, j) => w.ins.name === 'WORKDIR' && finalState.steps.slice(0, j).some((u) => u.ins.name === 'USER')),
  );
  assert.ok(
    !install || chowned,
    `[non-root] line ${install?.ins.line}: npm ci runs as ${install?.user}, but WORKDIR and COPY created the folder as root, so the install fails with EACCES; install first, then switch: USER ${user} near the end`,
  );
});

test(`[expose] the runtime stage documents the app port with EXPOSE ${APP_PORT}`, () => {
  const { final } = dockerfile();
  const ports = final.instructions.filter((i) => i.name === 'EXPOSE').flatMap((i) => i.args.split(/\s+/).map((p) => p.split('/')[0]));
  assert.ok(ports.includes(APP_PORT), `[expose] add EXPOSE ${APP_PORT} to the final stage (the app listens on PORT, default ${APP_PORT})`);
});

test('[healthcheck] the runtime stage has a HEALTHCHECK that calls /health with a tool the image has, and fails when it fails', () => {
  const { final } = dockerfile();
  const check = final.instructions.filter((i) => i.name === 'HEALTHCHECK').at(-1);
  assert.ok(check, '[healthcheck] add HEALTHCHECK ... CMD ... to the final stage so Docker knows when the app really works');
  assert.match(check.rest, /^CMD\s/i, '[healthcheck] HEALTHCHECK needs a CMD (and not NONE)');
  assert.match(check.rest, /\/health\b/, '[healthcheck] the check should request http://127.0.0.1:3000/health, which also tests the database');
  // Present is not enough: the command must exist in the image and fail when /health fails.
  const command = check.rest.replace(/^CMD\s+/i, '');
  const argv = execForm(command);
  const script = argv ? argv.join(' ') : command;
  const port = /\/\/[^/:\s'"]+:(\d+)\//.exec(script)?.[1];
  assert.ok(port === undefined ? /\$\{?PORT\b/.test(script) : port === APP_PORT, `[healthcheck] the check must call the app's port, ${APP_PORT}: http://127.0.0.1:${APP_PORT}/health`);
  const { finalState } = dockerfile();
  const tools = imageTools(finalState.baseImage);
  const tool = /(^|[\s"'/])(curl|wget)\b/.exec(script)?.[2];
  if (tool === 'curl') {
    assert.ok(
      tools.curl || finalState.installsCurl,
      `[healthcheck] ${finalState.baseImage} has no curl (${tools.family} image), so this check fails every time and the container is never healthy; use node (see the README's hint)`,
    );
    assert.match(script, /\s(-\w*f\w*|--fail)\b/, '[healthcheck] curl exits 0 even when /health answers 503; add -f (--fail)');
  }
  if (tool === 'wget') assert.ok(tools.wget, `[healthcheck] ${finalState.baseImage} has no wget (${tools.family} image); use node (see the README's hint)`);
  if (!argv) assert.ok(tools.shell, `[healthcheck] ${finalState.baseImage} has no shell: write the check in exec form, CMD ["node", ...]`);
  if (!tool && /^node\b/.test(argv?.[0] ?? script)) {
    assert.match(script, /\.ok\b|status/, '[healthcheck] the node check must look at the answer (r.ok or the status): fetch succeeds on a 503 too');
  }
  assert.doesNotMatch(script, /\|\|\s*(true|:|exit\s+0)\b|;\s*(true|exit\s+0)\s*$/, '[healthcheck] `|| true` / `exit 0` makes the check pass even when the app is down');
});

test('[exec-form-cmd] CMD is in exec form and starts node on the compiled dist/server.js', () => {
  const { final } = dockerfile();
  const cmd = final.instructions.filter((i) => i.name === 'CMD').at(-1);
  assert.ok(cmd, '[exec-form-cmd] the final stage needs a CMD, such as CMD ["node", "dist/server.js"]');
  const argv = execForm(cmd.args);
  assert.ok(argv, `[exec-form-cmd] line ${cmd.line}: write CMD as a JSON array. In shell form, /bin/sh -c runs your command and may be the one that gets docker stop's SIGTERM, not node`);
  assert.equal(argv[0], 'node', `[exec-form-cmd] line ${cmd.line}: start node itself, not ${argv[0]}; a wrapper such as npm or sh stands between Docker and your app`);
  // The script must be the compiled dist/server.js that the final stage copied from the build stage.
  const { finalState, byName } = dockerfile();
  // The script: the first argument that names a .js file, else the first that is not an option; `node .` runs package.json's main.
  const named = argv.slice(1).find((a) => /\.[cm]?js$/.test(a)) ?? argv.slice(1).find((a) => !a.startsWith('-'));
  const script = named === '.' || named === './' ? 'dist/server.js' : named;
  assert.ok(script, `[exec-form-cmd] line ${cmd.line}: name the script: CMD ["node", "dist/server.js"]`);
  const wanted = posix.resolve(finalState.workdir, /\.[cm]?js$/.test(script) ? script : `${script}.js`);
  const origin = originOf(finalState, byName, wanted);
  assert.ok(
    origin && origin.stage.builds && origin.path === posix.join(origin.stage.distDir, 'server.js'),
    `[exec-form-cmd] line ${cmd.line}: ${script} is not the compiled server; copy the build stage's dist/ and run it: CMD ["node", "dist/server.js"]`,
  );
  const entrypoint = final.instructions.filter((i) => i.name === 'ENTRYPOINT').at(-1);
  assert.ok(!entrypoint || execForm(entrypoint.args), '[exec-form-cmd] ENTRYPOINT must be in exec form too');
});

test('[no-secrets-in-image] no passwords or tokens in ENV or ARG', () => {
  const { instructions } = dockerfile();
  for (const ins of instructions.filter((i) => i.name === 'ENV' || i.name === 'ARG')) {
    assert.doesNotMatch(
      ins.args,
      /(PASSWORD|SECRET|TOKEN|DATABASE_URL)\w*[= ]\S/i,
      `[no-secrets-in-image] line ${ins.line}: values baked into an image can be read by anyone who pulls it; pass them at run time (compose environment)`,
    );
  }
});

test('[dockerignore] .dockerignore keeps node_modules, .git and .env out of the build context', () => {
  const patterns = dockerignorePatterns(readFile('.dockerignore')).map((p) => p.replace(/^(\*\*\/|\/)/, '').replace(/\/$/, ''));
  for (const [needed, why] of [
    ['node_modules', 'the image installs its own; a local copy is big and may hold binaries for another OS'],
    ['.git', 'history is not needed to run the app and can be large or hold secrets'],
    ['.env', 'it holds your real passwords; they must never end up in an image layer'],
  ]) {
    const covered = patterns.some((p) => p === needed || (needed === '.env' && /^\.env\*?$/.test(p)));
    assert.ok(covered, `[dockerignore] add ${needed}: ${why}`);
  }
});
