// Static checks of compose.yaml, parsed with the yaml package: nothing here runs Docker. Each test is
// one rule, and its failure message starts with the rule's name.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { readFile, loadCompose, environment, volumes, unpinnedReason, parseImage } = require('./lib');

function compose() {
  const file = loadCompose(readFile('compose.yaml'));
  assert.ok(file.services && typeof file.services === 'object', '[services] compose.yaml needs a services: mapping');
  return file;
}

const service = (file, name) => {
  const s = file.services[name];
  assert.ok(s && typeof s === 'object', `[services] compose.yaml has no "${name}" service`);
  return s;
};

/** True when a value comes from a variable (${NAME}, ${NAME:?error}, ${NAME:-default}), not a literal. */
const fromVariable = (value) => typeof value === 'string' && /\$\{\w+(:?[-?][^}]*)?\}/.test(value);

test('[services] an app service built from this folder and a db service', () => {
  const file = compose();
  assert.equal(file.version, undefined, '[services] remove the top-level version: key; Compose v2 ignores it and warns that it is obsolete');
  const app = service(file, 'app');
  service(file, 'db');
  const context = typeof app.build === 'string' ? app.build : app.build?.context;
  assert.ok(['.', './'].includes(context), '[services] app should have build: . (this folder, with your Dockerfile)');
  const ports = (app.ports ?? []).map((p) => (typeof p === 'object' ? String(p.target) : String(p).split(':').at(-1)));
  assert.ok(ports.includes('3000'), '[services] publish the app port: ports: ["3000:3000"]');
});

test('[db-image] db runs the official postgres image with a version tag', () => {
  const db = service(compose(), 'db');
  assert.ok(typeof db.image === 'string', '[db-image] db needs image: postgres:<version>');
  const { repository } = parseImage(db.image);
  assert.match(repository, /^(docker\.io\/)?(library\/)?postgres$/, '[db-image] use the official postgres image');
  const reason = unpinnedReason(db.image);
  assert.ok(!reason, `[db-image] ${reason}; a new major version of PostgreSQL cannot read the old data files`);
});

test('[db-volume] the database files live in a named volume, mounted where this postgres version keeps them', () => {
  const file = compose();
  const db = service(file, 'db');
  const major = Number(/^(\d+)/.exec(parseImage(db.image ?? '').tag ?? '')?.[1]);
  assert.ok(
    !Number.isNaN(major),
    '[db-volume] pin the postgres version first (see [db-image]): the data directory depends on it. ' +
      'postgres 18 and later: mount at /var/lib/postgresql; 17 and older: at /var/lib/postgresql/data',
  );
  // postgres 18+ images keep data in /var/lib/postgresql/<major>/docker and want the volume on the parent.
  const expected = major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
  const pgdata = environment(db).PGDATA;
  const mount = volumes(db).find((v) => v.target?.replace(/\/$/, '') === expected || (pgdata && pgdata.startsWith(v.target ?? '\0')));
  assert.ok(
    mount,
    `[db-volume] mount a named volume at ${expected}${major >= 18 ? ' (postgres 18 and later keep their data under it, not in /var/lib/postgresql/data)' : ''}; without it the data is lost with the container`,
  );
  assert.equal(mount.type, 'volume', `[db-volume] use a named volume (pgdata:${expected}), not a bind mount of a host folder`);
  assert.ok(mount.source, `[db-volume] give the volume a name (pgdata:${expected}); an anonymous volume is hard to find and easy to lose`);
  assert.ok(file.volumes && Object.hasOwn(file.volumes, mount.source), `[db-volume] declare the volume at the top level: volumes: { ${mount.source}: {} }`);
});

test('[db-healthcheck] db has a healthcheck that uses pg_isready', () => {
  const db = service(compose(), 'db');
  const check = db.healthcheck;
  assert.ok(check && !check.disable, '[db-healthcheck] add healthcheck: to db; "container started" is not "database accepts connections"');
  const testCommand = Array.isArray(check.test) ? check.test.join(' ') : String(check.test ?? '');
  assert.match(testCommand, /\bpg_isready\b/, '[db-healthcheck] healthcheck.test should run pg_isready, e.g. ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER} -d $${POSTGRES_DB}"]');
  assert.ok(check.interval || check.retries, '[db-healthcheck] set interval (and retries) so the check runs often enough during startup');
  // Present is not enough: in the CMD form there is no shell, so the whole string would be one program name.
  if (Array.isArray(check.test) && check.test[0] === 'CMD') {
    const [program, ...args] = check.test.slice(1);
    assert.ok(
      !/\s/.test(String(program)),
      `[db-healthcheck] ["CMD", "${program}"] looks for a program named "${program}", which does not exist, so db never becomes healthy; split it (["CMD", "pg_isready", "-U", "app"]) or use CMD-SHELL`,
    );
    assert.ok(
      ![program, ...args].some((a) => /\$\{?\w/.test(String(a))),
      '[db-healthcheck] the CMD form runs without a shell, so $${POSTGRES_USER} is not expanded; use ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"]',
    );
  }
});

test('[depends-on-healthy] app waits until db is healthy, not just started', () => {
  const app = service(compose(), 'app');
  const dependsOn = app.depends_on;
  assert.ok(dependsOn, '[depends-on-healthy] app needs depends_on: db');
  assert.ok(!Array.isArray(dependsOn), '[depends-on-healthy] the list form only waits for db to start; use depends_on: { db: { condition: service_healthy } }');
  assert.equal(dependsOn.db?.condition, 'service_healthy', '[depends-on-healthy] set depends_on.db.condition to service_healthy');
});

test('[database-url] app gets DATABASE_URL pointing at the db service', () => {
  const app = service(compose(), 'app');
  const url = environment(app).DATABASE_URL;
  assert.ok(url, '[database-url] set DATABASE_URL in app.environment; the app reads it (see src/server.ts)');
  // Variables are unknown here, so swap each ${...} for a placeholder before parsing the URL.
  let parsed;
  try {
    parsed = new URL(url.replace(/\$\{[^}]*\}/g, 'x'));
  } catch {
    assert.fail(`[database-url] "${url}" is not a URL like postgres://user:\${POSTGRES_PASSWORD}@db:5432/app`);
  }
  assert.match(parsed.protocol, /^postgres(ql)?:$/, '[database-url] use a postgres:// URL');
  assert.equal(parsed.hostname, 'db', '[database-url] inside the compose network the database host is the service name, db (not localhost)');
  assert.ok(parsed.port === '' || parsed.port === '5432', '[database-url] inside the network, postgres listens on 5432 whatever you publish on the host');
  // The URL must log in as the user the db service creates, to the database it creates.
  const dbEnv = environment(service(compose(), 'db'));
  const fixed = (value) => (value === undefined || fromVariable(value) ? undefined : value);
  const user = decodeURIComponent(/^[a-z]+:\/\/([^:/@]*)[:@]/i.exec(url)?.[1] ?? '');
  const expectedUser = fixed(dbEnv.POSTGRES_USER) ?? (dbEnv.POSTGRES_USER === undefined ? 'postgres' : undefined);
  if (expectedUser !== undefined && !fromVariable(user)) {
    assert.equal(user, expectedUser, `[database-url] DATABASE_URL logs in as "${user || '(nobody)'}", but the db service creates the user "${expectedUser}" (POSTGRES_USER)`);
  }
  const database = decodeURIComponent(/^[^/]*\/([^?]*)/.exec(url.slice(url.lastIndexOf('@') + 1))?.[1] ?? '');
  const expectedDb = dbEnv.POSTGRES_DB === undefined ? expectedUser : fixed(dbEnv.POSTGRES_DB);
  // Without a database in the URL, PostgreSQL connects to the one named like the user.
  const effectiveDb = database || user;
  if (expectedDb !== undefined && !fromVariable(effectiveDb)) {
    assert.equal(effectiveDb, expectedDb, `[database-url] DATABASE_URL connects to the database "${effectiveDb}", but the db service creates "${expectedDb}" (POSTGRES_DB, or the user's name when it is not set)`);
  }
  const password = /^[a-z]+:\/\/[^:/@]*:([^@]*)@/i.exec(url)?.[1];
  const variableOf = (value) => /\$\{(\w+)/.exec(value ?? '')?.[1];
  if (password && variableOf(password) && variableOf(dbEnv.POSTGRES_PASSWORD)) {
    assert.equal(variableOf(password), variableOf(dbEnv.POSTGRES_PASSWORD), '[database-url] the password in DATABASE_URL must be the variable db uses for POSTGRES_PASSWORD');
  }
});

test('[no-literal-secrets] passwords come from variables (${POSTGRES_PASSWORD}), never written in the file', () => {
  const file = compose();
  const db = service(file, 'db');
  const dbEnv = environment(db);
  assert.ok(
    fromVariable(dbEnv.POSTGRES_PASSWORD) || dbEnv.POSTGRES_PASSWORD_FILE,
    '[no-literal-secrets] db needs POSTGRES_PASSWORD: ${POSTGRES_PASSWORD} (set in .env, which stays out of git and of the image)',
  );
  for (const [name, s] of Object.entries(file.services)) {
    for (const [key, value] of Object.entries(environment(s))) {
      if (/PASSWORD|SECRET|TOKEN/i.test(key) && !/_FILE$/.test(key)) {
        assert.ok(fromVariable(value), `[no-literal-secrets] ${name}.environment.${key} is written in the file; use \${${key}}`);
      }
    }
  }
  const url = environment(file.services.app).DATABASE_URL;
  if (url) {
    const password = /^[a-z]+:\/\/[^:/@]*:([^@]*)@/i.exec(url)?.[1];
    assert.ok(!password || fromVariable(password), '[no-literal-secrets] the password inside DATABASE_URL is written in the file; use ${POSTGRES_PASSWORD} there too');
  }
});
