/** 32-bit FNV-1a of a feature key: features are interned by hash, never stored as strings. */
export function hashKey(key: string): number {
  return hashOn(0x811c9dc5, key);
}

/** Continues an FNV-1a hash over more text: `hashOn(hashKey(a), b) === hashKey(a + b)`. */
export function hashOn(hash: number, more: string): number {
  let h = hash;
  for (let i = 0; i < more.length; i++) {
    h ^= more.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
