/**
 * Feature hash → the feature's weights, as an open-addressing table of typed arrays: looked up
 * once per feature per token while tagging, where a `Map` of hundreds of thousands of numbers is
 * slower. Only non-zero weights are kept (most features have a few of the 17 tags), packed one
 * row after another, so the tagger reads a fraction of the memory a dense `rows × tags` array takes.
 */
export class FeatureTable {
  /** Slot `k` is `slots[3k]` (the hash), `slots[3k + 1]` (where its weights start in `values`), `slots[3k + 2]` (which tags have one, as bits; 0 when empty). */
  private readonly slots: Int32Array;
  private readonly values: Float32Array;
  private readonly mask: number;

  /** `weights` holds `width` weights a row, row `rows.get(hash)` for each feature. */
  constructor(rows: Map<number, number>, weights: Float32Array, width: number) {
    let size = 16;
    while (size < rows.size * 2) size *= 2;
    this.slots = new Int32Array(size * 3);
    this.mask = size - 1;
    let count = 0;
    for (let k = 0; k < weights.length; k++) if (weights[k] !== 0) count++;
    this.values = new Float32Array(count);
    let next = 0;
    for (const [hash, row] of rows) {
      let bits = 0;
      const first = next;
      for (let t = 0; t < width; t++) {
        const w = weights[row * width + t]!;
        // A zero weight is left out: adding +0 never changes a score (scores start at +0 and are never -0).
        if (w === 0) continue;
        bits |= 1 << t;
        this.values[next++] = w;
      }
      if (!bits) continue;
      let k = this.slot(hash);
      while (this.slots[3 * k + 2] !== 0) k = (k + 1) & this.mask;
      this.slots[3 * k] = hash | 0;
      this.slots[3 * k + 1] = first;
      this.slots[3 * k + 2] = bits;
    }
  }

  private slot(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> 0 & this.mask;
  }

  /** Adds the weights of the feature with this hash to `out[at + tag]`, if the model has any. */
  add(hash: number, out: Float32Array, at: number): void {
    const key = hash | 0;
    for (let k = this.slot(hash); ; k = (k + 1) & this.mask) {
      let bits = this.slots[3 * k + 2]!;
      if (bits === 0) return;
      if (this.slots[3 * k] !== key) continue;
      // Each set bit is a tag with a weight, lowest tag first, its weights stored in that order.
      for (let v = this.slots[3 * k + 1]!; bits !== 0; bits &= bits - 1, v++) out[at + 31 - Math.clz32(bits & -bits)]! += this.values[v]!;
      return;
    }
  }
}
