import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { splitName, tokenizeName } from '../src/annotate/gazetteer.ts';

test('a name splits the same through the plain-name shortcut as through the general pattern', () => {
  const pieces = ['Kim', 'Jong', 'un', 'MIT', '2024', 'o', ' ', ' ', '  ', '-', '–', '.', "'", '’', 'é', 'Łódź', '\u0301', '\t', '&', 'S'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
      const name = parts.join('');
      assert.equal(tokenizeName(name), splitName(name), JSON.stringify(name));
    }),
    { numRuns: 2000, seed: 20261202 },
  );
  assert.equal(tokenizeName('Kim  Jong un'), { tokens: ['Kim', 'Jong', 'un'], gaps: ['space', 'space'] });
  assert.equal(tokenizeName('Kim Jong-un'), { tokens: ['Kim', 'Jong', 'un'], gaps: ['space', 'hyphen'] });
});

test.run();
