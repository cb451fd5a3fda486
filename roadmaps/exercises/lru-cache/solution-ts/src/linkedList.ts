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
    node.prev = null;
    node.next = this.head;
    if (this.head) this.head.prev = node;
    else this.tail = node; // the list was empty: the node is the back too
    this.head = node;
    this.size++;
    return node;
  }

  /** Unlinks `node`, which must be in this list, and returns it. */
  remove(node: N): N {
    const { prev, next } = node;
    if (prev) prev.next = next;
    else this.head = next; // it was the front
    if (next) next.prev = prev;
    else this.tail = prev; // it was the back
    node.prev = null;
    node.next = null;
    this.size--;
    return node;
  }

  /** Moves `node`, which must be in this list, to the front. */
  moveToFront(node: N): N {
    if (this.head === node) return node;
    this.remove(node);
    return this.pushFront(node);
  }

  /** Removes the back node and returns it, or returns undefined when the list is empty. */
  popBack(): N | undefined {
    return this.tail ? this.remove(this.tail) : undefined;
  }

  /** The nodes from front to back. */
  *[Symbol.iterator](): Generator<N> {
    for (let node = this.head; node; node = node.next) yield node;
  }
}
