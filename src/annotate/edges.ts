/**
 * The edges of a word trie, (parent node, 32-bit hash of a word) → child node, as an
 * open-addressing table in one typed array. A `Map` keyed by `node × 2^32 + hash` holds each key
 * as a heap number, slow to build for a million names and slow to look up for every token.
 */
export class EdgeTable {
  /** Slot `k` is `slots[3k]` (the parent), `slots[3k + 1]` (the word's hash), `slots[3k + 2]` (the child, -1 when empty): one probe, one cache line. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = EdgeTable.empty(size);
    this.mask = size - 1;
  }

  private static empty(size: number): Int32Array {
    const slots = new Int32Array(size * 3);
    for (let k = 0; k < size; k++) slots[3 * k + 2] = -1;
    return slots;
  }

  /** Number of edges. */
  get size(): number {
    return this.count;
  }

  private slot(parent: number, hash: number): number {
    return (Math.imul(hash ^ Math.imul(parent, 0x85ebca6b), 0x9e3779b1) >>> 0) & this.mask;
  }

  /** The child of `parent` by the word of this hash, or -1. */
  get(parent: number, hash: number): number {
    const h = hash | 0;
    for (let k = this.slot(parent, hash); ; k = (k + 1) & this.mask) {
      const child = this.slots[3 * k + 2]!;
      if (child === -1 || (this.slots[3 * k] === parent && this.slots[3 * k + 1] === h)) return child;
    }
  }

  /** Adds the edge (it must not be there yet). */
  set(parent: number, hash: number, child: number): void {
    if (parent < 0 || child < 0 || parent > 0x7fffffff || child > 0x7fffffff) throw new RangeError(`trie node out of range: ${parent} → ${child}`);
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    let k = this.slot(parent, hash);
    while (this.slots[3 * k + 2] !== -1) k = (k + 1) & this.mask;
    this.slots[3 * k] = parent;
    this.slots[3 * k + 1] = hash | 0;
    this.slots[3 * k + 2] = child;
    this.count++;
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = EdgeTable.empty(size);
    this.mask = size - 1;
    this.count = 0;
    for (let k = 0; k < old.length; k += 3) if (old[k + 2] !== -1) this.set(old[k]!, old[k + 1]!, old[k + 2]!);
  }
}
