// Consistent hashing: nodes (cache servers, shards) and keys are hashed onto the same ring of numbers,
// 0 to 2^32 - 1, and a key belongs to the first node point at or after its own hash, going clockwise
// (past the last point, round to the first). Each node has `vnodes` points, its virtual nodes, so it
// owns many small arcs rather than one big one.
//
//   const ring = new HashRing({ vnodes: 100 });
//   ring.addNode('cache-a');
//   ring.addNode('cache-b');
//   ring.nodeFor('user:42'); // 'cache-a' or 'cache-b', the same every time
//
// Adding a node moves only the keys that land on its new points; every other key stays where it was.
import { fnv1a32 } from './fnv1a';

export interface HashRingOptions {
  /** Points per node: a positive integer (default 100). */
  vnodes?: number;
  /** Maps a string to a point on the ring (default fnv1a32). */
  hash?: (text: string) => number;
}

/** One virtual node: where it sits on the ring, and whose it is. */
export interface RingPoint {
  point: number;
  node: string;
}

export class HashRing {
  readonly vnodes: number;
  private readonly hash: (text: string) => number;
  /** Every virtual node, sorted by point, then by node name. */
  private points: RingPoint[] = [];
  /** The node names. */
  private readonly members = new Set<string>();

  constructor({ vnodes = 100, hash = fnv1a32 }: HashRingOptions = {}) {
    // TODO 2: throw a RangeError unless vnodes is a positive integer.
    this.vnodes = vnodes;
    this.hash = hash;
  }

  /** The node names, sorted. */
  get nodes(): string[] {
    return [...this.members].sort();
  }

  /** Puts `node` on the ring with its `vnodes` points; false if it is there already. */
  addNode(node: string): boolean {
    // TODO 3: return false for a node that is there already. Otherwise push one point per virtual
    //         node, { point: this.hash(`${i}#${node}`), node } for i from 0 to vnodes - 1, and sort
    //         this.points as numbers by point, ties by node name (a plain .sort() compares as text).
    this.members.add(node);
    return true;
  }

  /** Takes `node` and all its points off the ring; false if it was not there. */
  removeNode(node: string): boolean {
    // TODO 4: also drop every point of the node from this.points.
    return this.members.delete(node);
  }

  /** The node that owns `key`, or undefined when the ring is empty. */
  nodeFor(key: string): string | undefined {
    // TODO 5: hash the key once, then binary-search this.points for the first point at or after the
    //         hash; past the last point, take the first. Return that point's node.
    //
    // For now, the naive way: the key's hash modulo the number of nodes. Every key gets a node, but
    // adding or removing one node sends most keys to another node.
    const nodes = this.nodes;
    if (nodes.length === 0) return undefined;
    return nodes[this.hash(key) % nodes.length];
  }
}
