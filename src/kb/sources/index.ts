import type { SourceRead } from '../record.ts';
import { readBrands } from './brands.ts';
import { readCongress } from './congress.ts';
import { readFb15k } from './fb15k.ts';
import { readPlaces } from './places.ts';
import { readFootball, readNewspapers, readParties } from './tables.ts';
import { readWikitrivia } from './wikitrivia.ts';

/** Every source reader, by the name `npm run kb` reports it under, in a fixed order. */
export const SOURCES: Array<[string, (dir: string) => SourceRead]> = [
  ['fb15k-237-entity2wikidata.json', readFb15k],
  ['wikitrivia-queries/', readWikitrivia],
  ['places/', readPlaces],
  ['brands/', readBrands],
  ['parties/partyfacts-wikidata.csv', readParties],
  ['us-congress/legislators-current.yaml', readCongress],
  ['newspapers/wikipedia-us-newspapers.tsv', readNewspapers],
  ['football/club-memberships.csv', readFootball],
];
