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

  // TODO 1: check that every dependency is a package in `packages`; if not, throw
  //         new MissingDependencyError(name, dependency). Go through the names in sorted order.
  //         Use Object.hasOwn(packages, dependency): `'toString' in packages` is true for any object.

  // TODO 2: Kahn's algorithm.
  //   - For each package, count how many distinct dependencies it still waits for (a Set drops a
  //     dependency listed twice), and list, for each package, the packages that wait for it.
  //   - `ready`: the packages waiting for nothing, sorted. Repeatedly take the first one, add it to
  //     the order, and count one dependency less for each package that waits for it; a package whose
  //     count reaches 0 joins `ready` in its sorted place (insertSorted above does that).

  // TODO 3: if some packages never became ready, they wait on each other in a circle:
  //         throw new CycleError(findCycle(...)).

  // For now: every package in name order, dependencies or not.
  return names;
}

/** Walks from a stuck package along stuck dependencies until one repeats; returns the loop. */
function findCycle(packages, names, waitingFor) {
  // TODO: start at the first stuck package (a package still waiting for something) and keep
  //       stepping to one of its stuck dependencies (the first by name), remembering where each
  //       package appeared in the path. The first package you meet again closes the cycle: return
  //       the path from its first appearance, with it again at the end, e.g. ['b', 'c', 'b'].
  throw new Error('TODO in src/resolver.js: findCycle() is not written yet');
}

module.exports = { installOrder, CycleError, MissingDependencyError };
