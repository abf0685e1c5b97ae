import type { SourceRecord } from './record.ts';

/**
 * Popularity floors for sources that carry no signal of their own: FB15k-237 holds Freebase's most
 * connected entities, current members of Congress are national figures; parties, brands,
 * newspapers and footballers (many of them in lower leagues) are known more locally.
 */
const FLOOR: Array<[RegExp, number]> = [
  [/^fb15k$/, 30],
  [/^us-congress$/, 30],
  [/^partyfacts$/, 10],
  [/^brands\//, 10],
  [/^newspapers$/, 5],
  [/^football$/, 3],
  [/^places\//, 1],
];

/** A description of a sovereign country ("country in Eastern Europe", "constitutional monarchy in Western Asia"). */
const COUNTRY = /^(a )?(sovereign state|country|island country|island nation|landlocked country|transcontinental country|constitutional monarchy|federal constitutional monarchy|absolute monarchy|federal republic|republic) (in|on|and)\b/i;

/** The floor of a country that no source gives a population or sitelinks for: it is never obscure. */
export const COUNTRY_FLOOR = 100;

/** The floor of an FB15k-237 place that no source gives a population for. */
export const FB15K_PLACE_FLOOR = 50;

/** The floor of a capital of the hand-written knowledge base: a city of a million people. */
export const CAPITAL_FLOOR = 60;

/** The population estimate on the sitelinks scale: 20 · log10(1 + population / 1000), one decimal. */
export function populationPrior(population: number): number {
  return Math.round(200 * Math.log10(1 + population / 1000)) / 10;
}

/**
 * A prior on the scale of Wikipedia sitelinks (how many Wikipedias have an article on the item):
 * the largest of the sitelink counts the sources give, the population estimate for places,
 * 20 · log10(1 + population / 1000) (a city of 2 million: 66; a town of 10,000: 21; a village of
 * 500: 3.5), and 100 for a country a description calls one ("country in Eastern Europe"); when no
 * source gives any of these, the highest floor among the sources that name it (for a place of
 * FB15k-237, `FB15K_PLACE_FLOOR`). Where both a population and sitelinks are known, the larger
 * wins. Returns the value and the source it came from.
 */
export function popularity(records: SourceRecord[], type: SourceRecord['type'] = null): { value: number; source: string } {
  let best: { value: number; source: string } | null = null;
  const consider = (value: number, source: string): void => {
    if (!best || value > best.value || (value === best.value && source < best.source)) best = { value, source };
  };
  for (const r of records) {
    if (r.sitelinks !== undefined) consider(r.sitelinks, r.source);
    if (r.population !== undefined) consider(populationPrior(r.population), r.source);
    if (r.type !== 'person' && r.description && COUNTRY.test(r.description) && !/\b(U\.?S\.|United States|Australia|India|Germany|Austria|Brazil|Mexico|Nigeria|Malaysia)\b/.test(r.description)) consider(COUNTRY_FLOOR, r.source);
  }
  if (best) return best;
  for (const r of records) {
    const floor = FLOOR.find(([pattern]) => pattern.test(r.source));
    // FB15k-237's places that no list gives a population are world cities and regions, not villages:
    // the floor of a city of some 300,000 people, so that "Utrecht" or "Glasgow" is not a US town first.
    consider(r.source === 'fb15k' && type === 'place' ? FB15K_PLACE_FLOOR : floor ? floor[1] : 0, r.source);
  }
  return best!;
}
