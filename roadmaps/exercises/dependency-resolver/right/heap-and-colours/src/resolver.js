// The same rules, written differently: the ready packages sit in a binary min-heap (O(log V) per
// insertion instead of a sorted array's O(V)), and the cycle is found by an iterative depth-first
// search from the last stuck package by name, so it reports another rotation (or another loop) than
// the reference does.

class MissingDependencyError extends Error {
  constructor(dependent, dependency) {
    super(`package ${dependent} needs "${dependency}", and there is no such package`);
    this.name = 'MissingDependencyError';
    this.dependent = dependent;
    this.dependency = dependency;
  }
}

class CycleError extends Error {
  constructor(cycle) {
    super(`cannot order these packages, they depend on each other: ${cycle.join(' -> ')}`);
    this.name = 'CycleError';
    this.cycle = cycle;
  }
}

/** A binary min-heap of strings. */
class MinHeap {
  constructor() {
    this.items = [];
  }
  get size() {
    return this.items.length;
  }
  push(item) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= a[i]) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < a.length && a[l] < a[min]) min = l;
        if (r < a.length && a[r] < a[min]) min = r;
        if (min === i) break;
        [a[min], a[i]] = [a[i], a[min]];
        i = min;
      }
    }
    return top;
  }
}

function installOrder(packages) {
  const graph = new Map(Object.entries(packages).map(([name, deps]) => [name, [...new Set(deps)]]));
  const names = [...graph.keys()].sort();
  for (const name of names) {
    const unknown = graph.get(name).find((dependency) => !graph.has(dependency));
    if (unknown !== undefined) throw new MissingDependencyError(name, unknown);
  }
  const left = new Map();
  const waiters = new Map(names.map((name) => [name, []]));
  for (const [name, deps] of graph) {
    left.set(name, deps.length);
    for (const dependency of deps) waiters.get(dependency).push(name);
  }
  const ready = new MinHeap();
  for (const name of names) if (left.get(name) === 0) ready.push(name);
  const order = [];
  while (ready.size > 0) {
    const name = ready.pop();
    order.push(name);
    for (const waiter of waiters.get(name)) {
      left.set(waiter, left.get(waiter) - 1);
      if (left.get(waiter) === 0) ready.push(waiter);
    }
  }
  if (order.length === names.length) return order;

  // Depth-first search with an explicit stack, from the last stuck package, over stuck packages only.
  const stuck = names.filter((name) => left.get(name) > 0);
  const onPath = new Map(); // package -> index in path
  const path = [];
  const stack = [[stuck[stuck.length - 1], 0]];
  for (;;) {
    const top = stack[stack.length - 1];
    const [name, i] = top;
    if (i === 0) {
      onPath.set(name, path.length);
      path.push(name);
    }
    const deps = graph.get(name).filter((dependency) => left.get(dependency) > 0);
    if (i >= deps.length) {
      // Cannot happen for a stuck package (it waits for a stuck one), but keeps the walk honest.
      stack.pop();
      onPath.delete(path.pop());
      continue;
    }
    top[1] = i + 1;
    const dependency = deps[deps.length - 1 - i];
    if (onPath.has(dependency)) throw new CycleError([...path.slice(onPath.get(dependency)), dependency]);
    stack.push([dependency, 0]);
  }
}

module.exports = { installOrder, CycleError, MissingDependencyError };
