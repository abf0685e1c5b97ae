import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { EdgeTable } from '../src/annotate/edges.ts';

test('the trie edge table finds every edge a Map would, through growth, and nothing else', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(5000), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 3000 }), (pairs) => {
      const table = new EdgeTable(4);
      const map = new Map<string, number>();
      for (const [parent, hash] of pairs) {
        const key = `${parent}:${hash}`;
        if (map.has(key)) continue;
        map.set(key, map.size);
        table.set(parent, hash, map.size - 1);
      }
      assert.is(table.size, map.size);
      for (const [parent, hash] of pairs) assert.is(table.get(parent, hash), map.get(`${parent}:${hash}`));
      for (const [parent, hash] of pairs) if (!map.has(`${parent + 1}:${hash}`)) assert.is(table.get(parent + 1, hash), -1);
    }),
    { numRuns: 30 },
  );
});

test.run();
