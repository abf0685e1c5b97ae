/**
 * Feature hash → weight row, as an open-addressing table of typed arrays: looked up once per
 * feature per token while tagging, where a `Map` of hundreds of thousands of numbers is slower.
 */
export class FeatureTable {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(rows: Map<number, number>) {
    let size = 16;
    while (size < rows.size * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (const [hash, row] of rows) {
      let k = this.slot(hash);
      while (this.rows[k] !== -1) k = (k + 1) & this.mask;
      this.keys[k] = hash;
      this.rows[k] = row;
    }
  }

  private slot(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> 0 & this.mask;
  }

  /** The row of a feature hash, or -1. */
  get(hash: number): number {
    for (let k = this.slot(hash); ; k = (k + 1) & this.mask) {
      const row = this.rows[k]!;
      if (row === -1) return -1;
      if (this.keys[k] === hash) return row;
    }
  }
}
