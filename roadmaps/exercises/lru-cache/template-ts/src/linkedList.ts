// A doubly linked list whose nodes are your own objects: the list only reads and writes their `prev`
// and `next` fields. Because a node knows both of its neighbours, unlinking it or linking it in at
// the front takes the same few steps whether the list holds 3 nodes or 3 million.
//
//   const list = new DoublyLinkedList<Item>();
//   const a: Item = { name: 'a', prev: null, next: null };
//   list.pushFront(a);   // a is now the front
//   list.moveToFront(b); // b jumps to the front
//   list.remove(a);      // a leaves the list
//   list.popBack();      // removes and returns the node at the back (undefined when empty)
//   [...list]            // the nodes, front to back

/** What the list needs from a node: the links to its neighbours, which the list sets. */
export interface ListNode<N> {
  prev: N | null;
  next: N | null;
}

export class DoublyLinkedList<N extends ListNode<N>> implements Iterable<N> {
  /** The front node, or null when the list is empty. */
  head: N | null = null;
  /** The back node. */
  tail: N | null = null;
  size = 0;

  /** Links `node` in at the front. The node must not be in a list already. */
  pushFront(node: N): N {
    // TODO: node.prev is null and node.next is the old front (this.head). The old front, if there
    // is one, gets node as its prev; if the list was empty, node is the back (this.tail) as well.
    // Then node is the new head, and size grows by one. Return node.
    throw new Error('TODO in src/linkedList.ts: pushFront(node) is not written yet');
  }

  /** Unlinks `node`, which must be in this list, and returns it. */
  remove(node: N): N {
    // TODO: join node's neighbours to each other: prev.next = next and next.prev = prev. A missing
    // neighbour means node was at an end, so this.head (no prev) or this.tail (no next) moves
    // instead. Never walk the list looking for node: node.prev and node.next are all you need.
    // Set node.prev and node.next to null, shrink size, return node.
    throw new Error('TODO in src/linkedList.ts: remove(node) is not written yet');
  }

  /** Moves `node`, which must be in this list, to the front. */
  moveToFront(node: N): N {
    // TODO: remove it, then push it to the front (nothing to do if it is the front already).
    throw new Error('TODO in src/linkedList.ts: moveToFront(node) is not written yet');
  }

  /** Removes the back node and returns it, or returns undefined when the list is empty. */
  popBack(): N | undefined {
    // TODO: remove this.tail, if there is one, and return it.
    throw new Error('TODO in src/linkedList.ts: popBack() is not written yet');
  }

  /** The nodes from front to back. */
  *[Symbol.iterator](): Generator<N> {
    for (let node = this.head; node; node = node.next) yield node;
  }
}
