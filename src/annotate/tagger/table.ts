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

  private constructor(slots: Int32Array, values: Float32Array) {
    this.slots = slots;
    this.values = values;
    this.mask = slots.length / 3 - 1;
  }

  /** From a model in training: `weights` holds `width` weights a row, row `rows.get(hash)` for each feature. */
  static fromRows(rows: Map<number, number>, weights: Float32Array, width: number): FeatureTable {
    let count = 0;
    for (let k = 0; k < weights.length; k++) if (weights[k] !== 0) count++;
    const table = new FeatureTable(new Int32Array(tableSize(rows.size) * 3), new Float32Array(count));
    let next = 0;
    for (const [hash, row] of rows) {
      let bits = 0;
      const first = next;
      for (let t = 0; t < width; t++) {
        const w = weights[row * width + t]!;
        // A zero weight is left out: adding +0 never changes a score (scores start at +0 and are never -0).
        if (w === 0) continue;
        bits |= 1 << t;
        table.values[next++] = w;
      }
      if (bits) table.put(hash, first, bits);
    }
    return table;
  }

  /**
   * From the weight file's layout (store.ts): `heads` holds each feature's hash and its tag bits,
   * `values` its weights in tag order, each `scale` times a 16-bit integer. The same table, slot for
   * slot, as `fromRows` on the weights that file decodes to, without the `Map` in between.
   */
  static fromPacked(heads: Uint32Array, values: Int16Array, scale: number): FeatureTable {
    const features = heads.length / 2;
    const table = new FeatureTable(new Int32Array(tableSize(features) * 3), new Float32Array(values.length));
    for (let v = 0; v < values.length; v++) table.values[v] = values[v]! * scale;
    let next = 0;
    for (let f = 0; f < features; f++) {
      const bits = heads[2 * f + 1]!;
      if (!bits) continue;
      table.put(heads[2 * f]!, next, bits);
      next += popcount(bits);
    }
    return table;
  }

  private put(hash: number, first: number, bits: number): void {
    let k = this.slot(hash);
    while (this.slots[3 * k + 2] !== 0) k = (k + 1) & this.mask;
    this.slots[3 * k] = hash | 0;
    this.slots[3 * k + 1] = first;
    this.slots[3 * k + 2] = bits;
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

/** Slots for `features` entries: a power of two at least twice as many, so probes stay short. */
function tableSize(features: number): number {
  let size = 16;
  while (size < features * 2) size *= 2;
  return size;
}

function popcount(bits: number): number {
  let n = 0;
  for (; bits !== 0; bits &= bits - 1) n++;
  return n;
}
