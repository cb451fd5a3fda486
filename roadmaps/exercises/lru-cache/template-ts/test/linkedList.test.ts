import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DoublyLinkedList } from '../src/linkedList';

interface Item {
  name: string;
  prev: Item | null;
  next: Item | null;
}

const node = (name: string): Item => ({ name, prev: null, next: null });
/** The names from front to back, walking the `next` links. */
const names = (list: DoublyLinkedList<Item>) => [...list].map((n) => n.name);
/** Pops every node: the names from back to front, which walks the `prev` links and the tail. */
function popAll(list: DoublyLinkedList<Item>): string[] {
  const popped: string[] = [];
  for (let n = list.popBack(); n !== undefined; n = list.popBack()) {
    popped.push(n.name);
    if (popped.length > 1000) assert.fail('popBack() never returned undefined: is the tail left pointing at a removed node?');
  }
  return popped;
}
/** A list holding the given names, front to back. */
function listOf(...frontToBack: string[]) {
  const list = new DoublyLinkedList<Item>();
  const nodes: Record<string, Item> = {};
  for (const name of [...frontToBack].reverse()) {
    nodes[name] = node(name);
    list.pushFront(nodes[name]);
  }
  return { list, nodes };
}

test('an empty list has size 0 and no nodes, and popBack() returns undefined', () => {
  const list = new DoublyLinkedList<Item>();
  assert.equal(list.size, 0);
  assert.deepEqual(names(list), []);
  assert.equal(list.popBack(), undefined, 'popBack() on an empty list should return undefined, not throw');
});

test('pushFront() puts each node in front of the others', () => {
  const list = new DoublyLinkedList<Item>();
  for (const name of ['a', 'b', 'c']) list.pushFront(node(name));
  assert.deepEqual(names(list), ['c', 'b', 'a'], 'after pushFront(a), pushFront(b), pushFront(c) the list, front to back, is c, b, a');
  assert.equal(list.size, 3, 'size counts the nodes pushed');
  assert.deepEqual(popAll(list), ['a', 'b', 'c'], 'popBack() should return the oldest node first: set the tail (and each prev link) in pushFront');
});

test('popBack() empties the list from the back, and the list works again afterwards', () => {
  const { list } = listOf('a', 'b', 'c');
  assert.equal(list.popBack()?.name, 'c');
  assert.deepEqual(names(list), ['a', 'b'], 'the popped node should be gone from the list');
  assert.equal(list.size, 2);
  assert.deepEqual(popAll(list), ['b', 'a']);
  assert.equal(list.size, 0, 'size should be 0 once every node is popped');
  assert.deepEqual(names(list), [], 'the emptied list should have no nodes: set head and tail back to null');
  list.pushFront(node('x'));
  assert.deepEqual(names(list), ['x'], 'pushing into an emptied list should work as on a new one');
  assert.equal(list.popBack()?.name, 'x');
});

test('remove() unlinks a node from the middle, the front or the back, and returns it', async (t) => {
  await t.test('remove() of a node in the middle', () => {
    const { list, nodes } = listOf('a', 'b', 'c', 'd');
    assert.equal(list.remove(nodes.b), nodes.b, 'remove(node) should return the node');
    assert.deepEqual(names(list), ['a', 'c', 'd'], 'removing b from a, b, c, d should leave a, c, d');
    assert.equal(list.size, 3);
    assert.deepEqual(popAll(list), ['d', 'c', 'a'], 'the prev links are wrong after removing b: set next.prev = prev too');
  });
  await t.test('remove() of the front node', () => {
    const { list, nodes } = listOf('a', 'b', 'c');
    list.remove(nodes.a);
    assert.deepEqual(names(list), ['b', 'c'], 'removing the front node should make the next one the front (head)');
    list.pushFront(node('z'));
    assert.deepEqual(names(list), ['z', 'b', 'c']);
    assert.deepEqual(popAll(list), ['c', 'b', 'z']);
  });
  await t.test('remove() of the back node', () => {
    const { list, nodes } = listOf('a', 'b', 'c');
    list.remove(nodes.c);
    assert.deepEqual(names(list), ['a', 'b'], 'removing the back node should leave a, b');
    assert.equal(list.popBack()?.name, 'b', 'after removing the back node c, popBack() should return b: move the tail back');
    assert.deepEqual(popAll(list), ['a']);
  });
  await t.test('remove() of the only node', () => {
    const { list, nodes } = listOf('a');
    list.remove(nodes.a);
    assert.equal(list.size, 0);
    assert.deepEqual(names(list), []);
    assert.equal(list.popBack(), undefined, 'after removing the only node, head and tail should both be null');
    list.pushFront(nodes.a);
    assert.deepEqual(names(list), ['a'], 'a removed node can be pushed again');
  });
});

test('moveToFront() moves a node from the middle or the back, and leaves the front alone', () => {
  const { list, nodes } = listOf('a', 'b', 'c', 'd');
  list.moveToFront(nodes.c);
  assert.deepEqual(names(list), ['c', 'a', 'b', 'd'], 'moveToFront(c) on a, b, c, d should give c, a, b, d');
  list.moveToFront(nodes.d);
  assert.deepEqual(names(list), ['d', 'c', 'a', 'b'], 'moveToFront(d), the back node, should give d, c, a, b');
  list.moveToFront(nodes.d);
  assert.deepEqual(names(list), ['d', 'c', 'a', 'b'], 'moving the front node to the front should change nothing');
  assert.equal(list.size, 4, 'moving nodes should not change the size');
  assert.deepEqual(popAll(list), ['b', 'a', 'c', 'd'], 'the prev links or the tail are wrong after moveToFront');
});

// A node that counts every read and write of its prev and next fields.
function countingNode(name: string, counter: { steps: number }): Item {
  let prev: Item | null = null;
  let next: Item | null = null;
  return {
    name,
    get prev() {
      counter.steps++;
      return prev;
    },
    set prev(value) {
      counter.steps++;
      prev = value;
    },
    get next() {
      counter.steps++;
      return next;
    },
    set next(value) {
      counter.steps++;
      next = value;
    },
  };
}

test('every operation takes a few steps, however long the list is (O(1))', () => {
  const n = 1000;
  const counter = { steps: 0 };
  const list = new DoublyLinkedList<Item>();
  const nodes: Item[] = [];
  for (let i = 0; i < n; i++) {
    nodes.push(countingNode(`n${i}`, counter));
    list.pushFront(nodes[i]);
  }
  // Front to back: n999, n998, …, n0.
  const limit = 20;
  const steps = (what: string, op: () => unknown) => {
    counter.steps = 0;
    op();
    assert.ok(
      counter.steps <= limit,
      `${what} read or wrote prev/next ${counter.steps} times on a list of about ${n} nodes. ` +
        `It should take a handful of steps (at most ${limit}) whatever the length: use the node's own prev ` +
        "and next and the list's head, tail and size; never walk the list.",
    );
  };
  steps('pushFront(node)', () => list.pushFront(countingNode('extra', counter)));
  steps('remove(a node in the middle)', () => list.remove(nodes[500]));
  steps('remove(the front node)', () => list.remove(nodes[999]));
  steps('remove(the back node)', () => list.remove(nodes[0]));
  steps('moveToFront(a node in the middle)', () => list.moveToFront(nodes[250]));
  steps('moveToFront(the back node)', () => list.moveToFront(nodes[1]));
  steps('popBack()', () => list.popBack());
  steps('reading size', () => list.size);
  assert.equal(list.size, n - 3, 'size after pushing one node, removing three and popping one');
  assert.deepEqual(names(list).slice(0, 3), ['n1', 'n250', 'extra']);
});
