/**
 * Feature hash → weight row, as an open-addressing table in one typed array: looked up once per
 * feature per token while tagging, where a `Map` of hundreds of thousands of numbers is slower.
 */
export class FeatureTable {
  /** Slot `k` is `slots[2k]` (the hash) and `slots[2k + 1]` (its row, -1 when empty): a probe touches one cache line, not two. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(rows: Map<number, number>) {
    let size = 16;
    while (size < rows.size * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    for (let k = 0; k < size; k++) this.slots[2 * k + 1] = -1;
    this.mask = size - 1;
    for (const [hash, row] of rows) {
      let k = this.slot(hash);
      while (this.slots[2 * k + 1] !== -1) k = (k + 1) & this.mask;
      this.slots[2 * k] = hash | 0;
      this.slots[2 * k + 1] = row;
    }
  }

  private slot(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> 0 & this.mask;
  }

  /** The row of a feature hash, or -1. */
  get(hash: number): number {
    const key = hash | 0;
    for (let k = this.slot(hash); ; k = (k + 1) & this.mask) {
      const row = this.slots[2 * k + 1]!;
      if (row === -1) return -1;
      if (this.slots[2 * k] === key) return row;
    }
  }
}
