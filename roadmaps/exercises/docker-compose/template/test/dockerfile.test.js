// Static checks of Dockerfile and .dockerignore: nothing here runs Docker. Each test is one rule,
// and its failure message starts with the rule's name (see "What the tests check" in the README).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { readFile, parseDockerfile, execForm, unpinnedReason, dockerignorePatterns } = require('./lib');

const APP_PORT = '3000';

function dockerfile() {
  const parsed = parseDockerfile(readFile('Dockerfile'));
  assert.ok(parsed.stages.length > 0, 'Dockerfile: no FROM line found');
  return { ...parsed, final: parsed.stages.at(-1) };
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

test('[build] the build stage installs every dependency with npm ci and runs npm run build', () => {
  const { stages } = dockerfile();
  const builders = stages.slice(0, -1).filter((s) => runs(s, /\bnpm\s+run\s+build\b/).length > 0);
  assert.ok(builders.length > 0, '[build] no earlier stage runs `npm run build` (it compiles src/*.ts into dist/)');
  const [build] = builders;
  assert.ok(runs(build, NPM_CI).length > 0, '[build] the build stage needs `RUN npm ci` before `npm run build`: TypeScript is a devDependency');
  assert.ok(runs(build, OMIT_DEV).length === 0, '[build] the build stage needs the devDependencies (TypeScript), so no --omit=dev there');
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

test('[prod-deps-only] the runtime stage installs production dependencies only (npm ci --omit=dev)', () => {
  const { stages, final } = dockerfile();
  if (runs(final, OMIT_DEV).length > 0) return;
  // Also fine: copy node_modules from a stage that ran npm ci --omit=dev.
  const source = final.instructions.find((i) => i.name === 'COPY' && i.flags.from && /node_modules/.test(i.rest));
  const from = source && stages.find((s) => s.name === source.flags.from);
  assert.ok(
    from && runs(from, OMIT_DEV).length > 0,
    '[prod-deps-only] the final stage should RUN npm ci --omit=dev, so TypeScript and other devDependencies stay out of the image',
  );
  assert.ok(runs(final, NPM_CI).length === runs(final, OMIT_DEV).length, '[prod-deps-only] a plain npm ci in the final stage installs devDependencies too');
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

test('[non-root] the runtime stage switches to an unprivileged USER', () => {
  const { final } = dockerfile();
  const users = final.instructions.filter((i) => i.name === 'USER');
  assert.ok(users.length > 0, '[non-root] the final stage runs as root; add USER node (the official node images have that user)');
  const user = users.at(-1).args.split(':')[0];
  assert.ok(!['root', '0'].includes(user), `[non-root] USER ${user} is root`);
});

test(`[expose] the runtime stage documents the app port with EXPOSE ${APP_PORT}`, () => {
  const { final } = dockerfile();
  const ports = final.instructions.filter((i) => i.name === 'EXPOSE').flatMap((i) => i.args.split(/\s+/).map((p) => p.split('/')[0]));
  assert.ok(ports.includes(APP_PORT), `[expose] add EXPOSE ${APP_PORT} to the final stage (the app listens on PORT, default ${APP_PORT})`);
});

test('[healthcheck] the runtime stage has a HEALTHCHECK that calls /health', () => {
  const { final } = dockerfile();
  const check = final.instructions.filter((i) => i.name === 'HEALTHCHECK').at(-1);
  assert.ok(check, '[healthcheck] add HEALTHCHECK ... CMD ... to the final stage so Docker knows when the app really works');
  assert.match(check.rest, /^CMD\s/i, '[healthcheck] HEALTHCHECK needs a CMD (and not NONE)');
  assert.match(check.rest, /\/health\b/, '[healthcheck] the check should request http://127.0.0.1:3000/health, which also tests the database');
});

test('[exec-form-cmd] CMD is in exec form and starts node directly', () => {
  const { final } = dockerfile();
  const cmd = final.instructions.filter((i) => i.name === 'CMD').at(-1);
  assert.ok(cmd, '[exec-form-cmd] the final stage needs a CMD, such as CMD ["node", "dist/server.js"]');
  const argv = execForm(cmd.args);
  assert.ok(argv, `[exec-form-cmd] line ${cmd.line}: write CMD as a JSON array. In shell form, /bin/sh -c runs your command and may be the one that gets docker stop's SIGTERM, not node`);
  assert.equal(argv[0], 'node', `[exec-form-cmd] line ${cmd.line}: start node itself, not ${argv[0]}; a wrapper such as npm or sh stands between Docker and your app`);
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
