// The same list written with two sentinel nodes, `front` and `back`, that are always there: every real
// node has a neighbour on both sides, so no operation needs a special case for the ends. A real node
// at the front has the front sentinel as its prev, not null.
class DoublyLinkedList {
  constructor() {
    this.front = { prev: null, next: null };
    this.back = { prev: this.front, next: null };
    this.front.next = this.back;
    this.size = 0;
  }

  pushFront(node) {
    const first = this.front.next;
    node.prev = this.front;
    node.next = first;
    first.prev = node;
    this.front.next = node;
    this.size++;
    return node;
  }

  remove(node) {
    const { prev, next } = node;
    prev.next = next;
    next.prev = prev;
    node.prev = null;
    node.next = null;
    this.size--;
    return node;
  }

  moveToFront(node) {
    return this.pushFront(this.remove(node));
  }

  popBack() {
    const last = this.back.prev;
    return last === this.front ? undefined : this.remove(last);
  }

  *[Symbol.iterator]() {
    for (let node = this.front.next; node !== this.back; node = node.next) yield node;
  }
}

module.exports = { DoublyLinkedList };
