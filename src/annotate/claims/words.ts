/** Word lists the claim rules share: who can speak, what a description names, what a clause opens with. */

const set = (...groups: string[]): ReadonlySet<string> => new Set(groups.flatMap((g) => g.split(' ')));

/** Nouns for a person, the head of a description that stands for one ("the Tory leader", "the office clerk"). */
export const PERSON_NOUNS = set(
  'leader minister president premier chairman chairwoman chairperson chair chief commander admiral general senator mp politician',
  'spokesman spokeswoman spokesperson secretary director executive official officer clerk star legend player lawyer barrister',
  'professor expert analyst elder governor mayor ambassador envoy judge prosecutor founder manager head boss coach captain',
  'adviser advisor researcher scientist economist diplomat representative fellow member chancellor king queen prince princess',
  'candidate activist campaigner editor author teacher doctor surgeon nurse farmer boy girl man woman resident witness victim',
  'person source insider aide deputy commissioner inspector detective sergeant colonel lieutenant colonel-general marshal vice-president',
);

/** Nouns for a body, the head of a description that stands for an organisation ("the party", "the commission"). */
export const ORG_NOUNS = set(
  'party commission committee council company firm group organisation organization agency airline union body institution bank',
  'carrier operator ministry department government administration authority board court regulator association movement',
  'network channel newspaper broadcaster club team navy army force forces office alliance coalition',
);

/** Nouns that name a source that can speak, singular or plural: a phrase ending in one may be a source. */
export const SPEAKER_NOUNS = set(
  [...PERSON_NOUNS, ...ORG_NOUNS].join(' '),
  'countries nations sides parties governments groups agents unions companies firms operators officials analysts experts sources',
  'diplomats intelligence military researchers scientists critics observers commentators leaders authorities police prosecutors',
  'report reports study survey statement spokespeople representatives executives workers residents witnesses doctors lawyers',
  'economists investors regulators officers campaigners activists members people professors advisers advisors media some many',
  'others judges staff institute villagers locals refugees participants guardians document lawsuit act release petition poll',
  'centre center panel councils ministries agencies department teams organisers organizers protesters demonstrators families',
  'citizens voters students teachers parents farmers users customers employees engineers scholars academics historians bishops',
  'clergy elders chiefs senators politicians lawmakers legislators mps ministers officers commanders generals specialists',
  'traders dealers brokers bankers shareholders bosses fans supporters opponents rivals insiders retailers manufacturers makers',
  'producers airlines carriers peers lords consumers shoppers buyers sellers landlords tenants owners managers coaches players',
  'press watchdog television radio tv magazine journal paper website blog maker industry sector',
);

/** Pronouns that can be a claim's source, and what they stand for. */
export const PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'plural' | 'thing'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'plural'],
  ['it', 'thing'],
]);

/** Honorifics, part of a person's name, and the gender each tells. */
export const HONORIFICS: ReadonlyMap<string, 'male' | 'female' | null> = new Map([
  ['mr', 'male'],
  ['sir', 'male'],
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
  ['dame', 'female'],
  ['dr', null],
  ['prof', null],
]);

/**
 * Given names whose gender is near certain in English-language news, for "he" and "she" only: a
 * name not listed is compatible with both. Kept short on purpose (the commonest names of the
 * seed and development gold and of British and international news); the tagger or the knowledge
 * base should say more.
 */
export const GIVEN_NAMES: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ...'john james david michael robert william richard thomas charles george joseph peter paul mark steven steve andrew tony gordon boris vladimir xi joe donald barack jake anthony aaron alexander ben chris stuart rob johnny wayne alistair abdel sunil menzies tim tom jim bill nick simon ian alan martin patrick jack harry henry edward'
    .split(' ')
    .map((n): [string, 'male'] => [n, 'male']),
  ...'mary elizabeth sarah susan anne ann margaret theresa hillary angela nicola jacinda kamala chloe lotte sofia katarzyna maria anna emma lucy kate helen jane julia victoria catherine patricia linda barbara jennifer karen nancy lisa laura rachel claire ruth'
    .split(' ')
    .map((n): [string, 'female'] => [n, 'female']),
]);

/** Words that may stand between a source and its cue: auxiliaries and adverbs ("has also said", "flatly denied"). */
export const AUXILIARY = set(
  'has have had is are was were will would did does do also further first previously repeatedly consistently reportedly',
  'already later often long recently publicly privately once again still only even now then flatly strongly vehemently',
  'here today yesterday tonight earlier similarly separately meanwhile however too not never',
);

/** Weekdays, for "said on Monday" and "Tangsiri on Friday said". */
export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');

/** Words that open a new clause: a source never reaches back past them. */
export const CLAUSE_OPENERS = set(
  'that which who whom whose while although though but however because as if when since so and yet whereas unless after before',
  'where nevertheless nonetheless moreover meanwhile still indeed also than to by with of on what despite',
  'against over under about into through between towards toward',
);

/** Function words that never end a source phrase and show a verb phrase when met going back. */
export const VERBAL = set('did does do not be been being is are was were has have had will would could can may might should must');

/** Words that open a subordinate clause, whose negation or modal does not colour the claim. */
export const SUBORDINATORS = /^(?:even if|if|although|though|while|when|whether|because|unless|as|since|which|who|where|despite|once|after|before)\b/i;
