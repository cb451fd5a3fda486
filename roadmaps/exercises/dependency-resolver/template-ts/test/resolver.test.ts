import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installOrder, CycleError, MissingDependencyError } from '../src/resolver';
import type { Packages } from '../src/resolver';

/** Calls installOrder and returns what it threw; fails if it returned instead. */
function thrown(packages: Packages, expected: string): unknown {
  let order: string[];
  try {
    order = installOrder(packages);
  } catch (error) {
    return error;
  }
  return assert.fail(`installOrder should throw a ${expected} here, but it returned ${JSON.stringify(order)}`);
}

/** Checks a CycleError: a real, closed path through the graph, over exactly `members`. */
function assertCycle(error: unknown, packages: Packages, members: string[]): void {
  assert.ok(error instanceof CycleError, `expected a CycleError, got ${String(error)}`);
  const { cycle } = error;
  assert.ok(Array.isArray(cycle) && cycle.length >= 2, `error.cycle should be the path as an array, like ['a', 'b', 'a']; it is ${JSON.stringify(cycle)}`);
  const shown = cycle.join(' -> ');
  assert.equal(cycle[0], cycle[cycle.length - 1], `the path should end where it starts, like a -> b -> a; it is ${shown}`);
  for (let i = 0; i + 1 < cycle.length; i++) {
    assert.ok(
      Object.hasOwn(packages, cycle[i]) && packages[cycle[i]].includes(cycle[i + 1]),
      `${shown}: "${cycle[i]}" does not depend on "${cycle[i + 1]}"; each package in the path should depend on the next`,
    );
  }
  const inside = cycle.slice(0, -1);
  assert.equal(new Set(inside).size, inside.length, `${shown}: only the first package should repeat, at the end`);
  assert.deepEqual(
    [...inside].sort(),
    members,
    `${shown}: the cycle here is made of ${members.join(', ')}; leave out packages that only lead into it`,
  );
  assert.ok(error.message.includes(shown), `the message should show the path "${shown}"; it is "${error.message}"`);
}

test('no packages, nothing to install', () => {
  assert.deepEqual(installOrder({}), []);
});

test('packages without dependencies install in name order', () => {
  assert.deepEqual(installOrder({ cors: [], axios: [], bcrypt: [] }), ['axios', 'bcrypt', 'cors']);
});

test('a chain installs from the bottom up', () => {
  assert.deepEqual(
    installOrder({ app: ['web'], web: ['http'], http: [] }),
    ['http', 'web', 'app'],
    'app needs web, which needs http: http comes first, app last',
  );
});

// Used by several tests: dependencies point down, and names do not follow the levels.
const shop: Packages = {
  app: ['router', 'db', 'logger'],
  router: ['http'],
  db: ['pool', 'logger'],
  http: [],
  logger: [],
  pool: [],
  zlib: [],
  cli: ['app', 'zlib'],
};

test('each step installs the first package by name whose dependencies are all installed', () => {
  assert.deepEqual(
    installOrder(shop),
    ['http', 'logger', 'pool', 'db', 'router', 'app', 'zlib', 'cli'],
    'Start with the packages that need nothing (http, logger, pool, zlib) and always take the first by name ' +
      'among those ready: http, then logger, then pool. Installing pool makes db ready, and db comes before ' +
      'router and zlib by name, so db is next. (A depth-first walk gives another valid order; this exercise ' +
      'asks for this one, so everybody gets the same answer.)',
  );
});

test('the same packages listed in another order give the same install order', () => {
  const reversed = Object.fromEntries(
    Object.entries(shop)
      .reverse()
      .map(([name, deps]) => [name, [...deps].reverse()]),
  );
  assert.deepEqual(
    installOrder(reversed),
    installOrder(shop),
    'the order must not depend on the order of the keys or of each dependency list: sort by name',
  );
});

// A deterministic pseudo-random generator (mulberry32), so every run builds the same graphs.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` packages with random names; each depends on up to `maxDeps` packages made after it, so there is no cycle. */
function randomGraph(count: number, maxDeps: number, seed: number): Record<string, string[]> {
  const next = random(seed);
  const names = Array.from({ length: count }, (_, i) => `${Math.floor(next() * 36 ** 4).toString(36)}-${i}`);
  const packages: Record<string, string[]> = {};
  names.forEach((name, i) => {
    const deps = new Set<string>();
    const wanted = Math.floor(next() * (maxDeps + 1));
    for (let k = 0; k < wanted && i + 1 < count; k++) deps.add(names[i + 1 + Math.floor(next() * (count - i - 1))]);
    packages[name] = [...deps];
  });
  return packages;
}

test('on a 300-package graph: every package once, dependencies first, and the name rule at every step', () => {
  const packages = randomGraph(300, 4, 42);
  const order = installOrder(packages);
  assert.equal(order.length, 300, `300 packages, ${order.length} in the order`);
  assert.equal(new Set(order).size, 300, 'each package should appear exactly once');
  const installed = new Set();
  for (const [position, name] of order.entries()) {
    const missing = packages[name].filter((dep) => !installed.has(dep));
    assert.deepEqual(missing, [], `position ${position}: "${name}" comes before its dependencies ${missing.join(', ')}`);
    const ready = Object.keys(packages)
      .filter((p) => !installed.has(p) && packages[p].every((dep) => installed.has(dep)))
      .sort();
    assert.equal(name, ready[0], `position ${position}: "${name}" was installed while "${ready[0]}", which comes first by name, was ready too`);
    installed.add(name);
  }
});

/** The same packages, but each read of a dependency (deps[0], deps[1], … or a loop over them) is counted. */
function countingReads(packages: Packages) {
  const counter = { reads: 0 };
  const wrapped: Record<string, readonly string[]> = {};
  for (const [name, deps] of Object.entries(packages)) {
    wrapped[name] = new Proxy(deps, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) counter.reads++;
        return Reflect.get(target, key, receiver);
      },
    });
  }
  return { packages: wrapped, counter };
}

test('reads the graph a few times over, not once per step: O(V + E)', () => {
  const graph = randomGraph(2000, 4, 7);
  const edges = Object.values(graph).reduce((sum, deps) => sum + deps.length, 0);
  const { packages, counter } = countingReads(graph);
  const order = installOrder(packages);
  assert.deepEqual(order, installOrder(graph), 'the order should not change when the lists are read through a counter');
  const perDependency = counter.reads / edges;
  assert.ok(
    perDependency <= 8,
    `installOrder read the dependency lists ${counter.reads} times for ${edges} dependencies in all ` +
      `(${perDependency.toFixed(1)} reads per dependency). Going over every package again at each step is ` +
      'O(V²) work, which grows with the square of the number of packages. Read each list a ' +
      'couple of times: count what each package still waits for, remember who waits for whom, and update ' +
      'the counts as packages get installed (Kahn\'s algorithm).',
  );
});

test('a dependency listed twice counts once', () => {
  assert.deepEqual(installOrder({ app: ['lib', 'lib'], lib: [] }), ['lib', 'app']);
});

test('names like toString and constructor are ordinary package names', () => {
  assert.deepEqual(
    installOrder({ constructor: [], app: ['constructor', 'hasOwnProperty'], hasOwnProperty: [] }),
    ['constructor', 'hasOwnProperty', 'app'],
  );
  const error = thrown({ app: ['toString'] }, 'MissingDependencyError');
  assert.ok(
    error instanceof MissingDependencyError,
    `app depends on "toString", which is not a package here: expected a MissingDependencyError, got ${String(error)}. ` +
      "Careful: 'toString' in {} is true (it comes from Object.prototype); Object.hasOwn(packages, name) is not fooled.",
  );
});

test('leaves the packages it was given as they were', () => {
  const packages = { web: ['zlib', 'http'], http: [], zlib: [] };
  const before = structuredClone(packages);
  installOrder(packages);
  assert.deepEqual(packages, before, 'installOrder changed the object it was given: sort a copy (e.g. [...deps].sort())');
});

test('a missing dependency throws a MissingDependencyError naming it and the package that needs it', () => {
  const error = thrown({ app: ['web'], web: ['http'] }, 'MissingDependencyError');
  assert.ok(error instanceof MissingDependencyError, `expected a MissingDependencyError, got ${String(error)}`);
  assert.ok(error instanceof Error, 'MissingDependencyError should extend Error');
  assert.equal(error.dependency, 'http', 'error.dependency is the name that is missing');
  assert.equal(error.dependent, 'web', 'error.dependent is the package that asked for it');
  assert.match(error.message, /"http"/, 'the message should name the missing package');
  assert.match(error.message, /web/, 'the message should name the package that needs it');
});

test('a missing dependency is reported before a cycle', () => {
  const error = thrown({ a: ['b'], b: ['a', 'ghost'] }, 'MissingDependencyError');
  assert.ok(
    error instanceof MissingDependencyError && error.dependency === 'ghost',
    `b needs "ghost", which does not exist: check every name first, then sort; got ${String(error)}`,
  );
});

test('a cycle throws a CycleError with its path', () => {
  const packages = { a: ['b'], b: ['c'], c: ['a'] };
  const error = thrown(packages, 'CycleError');
  assert.ok(error instanceof Error, 'CycleError should extend Error');
  assertCycle(error, packages, ['a', 'b', 'c']);
});

test('packages that only depend on a cycle are not part of it', () => {
  // A walk that starts at "app" (the first name) reaches the cycle x -> y -> x through it.
  const packages = { app: ['x'], x: ['y'], y: ['x'], ok: [] };
  assertCycle(thrown(packages, 'CycleError'), packages, ['x', 'y']);
});

test('a package that depends on itself is a cycle of one', () => {
  const packages = { a: ['a'], b: [] };
  assertCycle(thrown(packages, 'CycleError'), packages, ['a']);
});

test('a cycle deep inside a larger graph', () => {
  const packages = {
    app: ['web', 'log'],
    web: ['http', 'log'],
    http: ['tls'],
    tls: ['crypto', 'log'],
    crypto: ['http'],
    log: [],
    zz: [],
  };
  assertCycle(thrown(packages, 'CycleError'), packages, ['crypto', 'http', 'tls']);
});
