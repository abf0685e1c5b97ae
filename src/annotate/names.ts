import nlp from 'compromise';
import type { EntityType } from '../types.ts';
import type { Token } from './tokens.ts';

/** A name the knowledge base lacks, found by rule: tokens `[from, to)`. */
export interface NameCandidate {
  from: number;
  to: number;
  type: Exclude<EntityType, 'date'>;
  confidence: number;
}

type Tag = string | string[] | undefined;
/** compromise's English lexicon: a word's part of speech or name class, looked up, never parsed. */
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, Tag> } }).one.lexicon;

function tags(word: string): string[] {
  const t = LEXICON[word.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

const GIVEN_NAME = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place']);
const COMMON_TAGS = new Set(['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Modal', 'QuestionWord', 'Gerund', 'PastTense', 'PresentTense', 'Infinitive', 'Plural', 'Adjective', 'Comparative', 'Superlative', 'Expression', 'Participle', 'Reflexive', 'WeekDay', 'Month', 'Date', 'Duration', 'TextValue', 'Cardinal', 'Ordinal', 'Demonym', 'Actor', 'Uncountable', 'Unit']);

/** Words that end organisation names ("Stimson Center", "Baltic Dockworkers Union"). */
const ORG_HEADS = new Set(['terminals', 'chamber', 'logistics', 'shipping', 'lines', 'airport', 'ports', 'authority', 'institute', 'institution', 'university', 'college', 'school', 'academy', 'group', 'center', 'centre', 'council', 'union', 'trust', 'agency', 'ministry', 'bank', 'party', 'company', 'corporation', 'corp', 'inc', 'ltd', 'plc', 'llc', 'gmbh', 'association', 'foundation', 'committee', 'commission', 'court', 'department', 'office', 'service', 'services', 'times', 'post', 'journal', 'news', 'network', 'army', 'navy', 'endowment', 'fund', 'organisation', 'organization', 'authority', 'board', 'federation', 'league', 'club', 'society', 'alliance', 'coalition', 'movement', 'front', 'studies', 'laboratory', 'laboratories', 'labs', 'hospital', 'airlines', 'airways', 'motors', 'systems', 'technologies', 'partners', 'holdings', 'parliament', 'assembly', 'congress', 'senate', 'police', 'guard', 'forces', 'brigade', 'battalion', 'regiment', 'consortium', 'cooperative', 'co-operative', 'bureau', 'secretariat', 'tribunal', 'exchange', 'press', 'media', 'broadcasting', 'industries', 'pharmaceuticals', 'energy', 'telecom', 'bbc', 'observatory', 'initiative', 'project', 'programme', 'program', 'trade', 'workers', 'dockworkers', 'union', 'syndicate', 'cartel', 'gang', 'club', 'fc', 'ministry']);
/** Words that end event names ("Rotterdam Digital Rights Summit", "the Amber Walkout"). */
const EVENT_HEADS = new Set(['summit', 'forum', 'conference', 'festival', 'championship', 'championships', 'cup', 'games', 'olympics', 'war', 'crisis', 'revolution', 'uprising', 'election', 'elections', 'referendum', 'walkout', 'strike', 'protests', 'marathon', 'expo', 'awards', 'congress', 'convention', 'symposium', 'tournament', 'massacre', 'genocide', 'pandemic', 'epidemic', 'earthquake', 'hurricane', 'blockade', 'siege', 'offensive', 'invasion']);
/** Words that open organisation names ("University of Pavia", "Bank of England"). */
const ORG_PREFIXES = new Set(['university', 'bank', 'ministry', 'department', 'institute', 'council', 'court', 'office', 'church', 'college', 'school', 'academy', 'museum', 'board', 'house', 'royal', 'federal', 'national', 'association', 'society', 'league', 'union', 'order']);
/** Words that open place names ("Gulf of Gdansk", "Lake Como"). */
const PLACE_PREFIXES = new Set(['gulf', 'lake', 'mount', 'cape', 'bay', 'sea', 'isle', 'strait', 'river', 'port', 'fort', 'saint', 'san', 'santa', 'new', 'north', 'south', 'east', 'west', 'upper', 'lower']);
/** Words that end place names ("Korean Peninsula", "Lake Baikal" is caught by its head too). */
const PLACE_HEADS = new Set(['city', 'province', 'region', 'river', 'sea', 'ocean', 'island', 'islands', 'mountains', 'mountain', 'valley', 'peninsula', 'strait', 'straits', 'bay', 'gulf', 'county', 'state', 'republic', 'oblast', 'crossing', 'port', 'street', 'avenue', 'square', 'district', 'desert', 'lake', 'coast', 'canal', 'harbour', 'harbor', 'airport', 'bridge', 'border', 'highlands', 'plain', 'basin', 'delta', 'county', 'territory', 'prefecture', 'municipality']);
/** Office titles and honorifics that announce a person ("President Vladimir Putin", "Dr. Amara Okonkwo"). */
export const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president', 'minister', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'admiral', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'justice', 'ambassador', 'commissioner', 'chairman', 'chairwoman', 'chair', 'secretary', 'director', 'inspector', 'detective', 'sergeant', 'officer', 'father', 'rabbi', 'imam', 'bishop', 'reverend', 'rev', 'premier', 'leader', 'chief', 'deputy', 'coach', 'manager']);
/** Honorifics that belong inside a person's span (guidelines: "Mr Kim", "Dr. Loo"). */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);
const CONNECTORS = new Set(['of', 'for', 'and', 'de', 'la', 'le', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'al', 'bin', 'da', 'di', 'dos', 'das', 'y', '&', 'the', 'on']);
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'across', 'outside', 'inside', 'around', 'towards', 'toward', 'via']);
const REPORTING = new Set(['said', 'says', 'told', 'added', 'noted', 'warned', 'argued', 'explained', 'wrote', 'asked', 'replied', 'insisted', 'claimed', 'stated', 'believes', 'suggests', 'thinks', 'according']);
const MONTHS_AND_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function capitalised(token: Token): boolean {
  return token.word && /^\p{Lu}/u.test(token.text);
}

function isAcronym(text: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(text) && tags(text).length === 0;
}

/**
 * Finds proper names among the tokens that the knowledge base did not claim (`taken`), and types
 * them by their own words and their context: organisation and place heads, given names, titles,
 * reporting verbs, locative prepositions. `lowerWords` are words the article also writes in lower
 * case, which marks them as common words when they open a sentence.
 */
export function findNames(tokens: Token[], taken: Uint8Array, lowerWords: Set<string>): NameCandidate[] {
  const out: NameCandidate[] = [];
  const unclassified: Array<{ from: number; to: number }> = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (taken[i] || !capitalised(first) || isStrayLetter(tokens, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const t = tokens[j];
      if (!t || taken[j] || t.block !== first.block || t.gap === 'hyphen' || t.gap === 'break') break;
      if (capitalised(t) && t.gap !== 'none') {
        j++;
        continue;
      }
      // An initial with its full stop: "John F. Kennedy".
      if (t.text === '.' && t.gap === 'none' && /^\p{Lu}$/u.test(tokens[j - 1]!.text) && tokens[j + 1] && capitalised(tokens[j + 1]!)) {
        j++;
        continue;
      }
      // "and" joins a list ("Rotterdam and Hamburg"), not a name, unless "&" ("Calloway & Brandt").
      if (CONNECTORS.has(t.key) && t.key !== 'and' && t.gap !== 'none' && tokens[j + 1] && capitalised(tokens[j + 1]!) && !taken[j + 1] && tokens[j + 1]!.gap === 'space') {
        j += 2;
        continue;
      }
      break;
    }
    const run = trim(tokens, i, j, lowerWords);
    if (run) {
      const typed = classify(tokens, run.from, run.to, lowerWords);
      if (typed) out.push(typed);
      else if (run.to - run.from === 1 && !tokens[run.from]!.sentenceStart) unclassified.push(run);
    }
    i = j;
  }
  // A name listed with places is a place: "in Bergamo, Brescia and Milan".
  const placeEnds = new Set(out.filter((c) => c.type === 'place').map((c) => c.to));
  const placeStarts = new Set(out.filter((c) => c.type === 'place').map((c) => c.from));
  for (const u of unclassified) {
    let near = false;
    for (let gap = 1; gap <= 2 && !near; gap++) near = (placeEnds.has(u.from - gap) && listed(tokens, u.from - gap, u.from)) || (placeStarts.has(u.to + gap) && listed(tokens, u.to, u.to + gap));
    if (near) out.push({ from: u.from, to: u.to, type: 'place', confidence: 0.5 });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Whether tokens [a, b) are only a list separator: "," or "and" or ", and". */
function listed(tokens: Token[], a: number, b: number): boolean {
  const between = tokens.slice(a, b).map((t) => t.key).join(' ');
  return b > a && /^(,|and|or|, and|, or)$/.test(between);
}

/** A lone letter that is not an initial, such as a decorative "𝔸". */
function isStrayLetter(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  return [...t.text].length === 1 && !(tokens[i + 1]?.text === '.' && tokens[i + 1]!.gap === 'none');
}

function isCommon(token: Token, lowerWords: Set<string>): boolean {
  const t = tags(token.text);
  if (t.some((x) => GIVEN_NAME.has(x) || PLACE_TAGS.has(x) || x === 'LastName' || x === 'Organization' || x === 'ProperNoun')) return false;
  return lowerWords.has(token.key) || t.some((x) => COMMON_TAGS.has(x)) || (t.length > 0 && !t.includes('Person'));
}

/** Drops leading sentence words, titles, months and trailing connectors from a capitalised run. */
function trim(tokens: Token[], from: number, to: number, lowerWords: Set<string>): { from: number; to: number } | null {
  while (from < to) {
    const t = tokens[from]!;
    if (PERSON_TITLES.has(t.key) || MONTHS_AND_DAYS.has(t.key) || CONNECTORS.has(t.key) || t.text === '.') from++;
    else if (t.sentenceStart && isCommon(t, lowerWords)) from++;
    else if (/^\p{Lu}+$/u.test(t.text) && t.text.length > 5 && tags(t.text).length > 0) from++;
    else break;
  }
  while (to > from && (CONNECTORS.has(tokens[to - 1]!.key) || MONTHS_AND_DAYS.has(tokens[to - 1]!.key))) to--;
  return to > from ? { from, to } : null;
}

function classify(tokens: Token[], from: number, to: number, lowerWords: Set<string>): NameCandidate | null {
  const words = tokens.slice(from, to).filter((t) => t.word);
  const last = words[words.length - 1]!;
  const firstWord = words[0]!;
  const before = tokens[from - 1];
  const before2 = tokens[from - 2];
  const after = tokens[to];
  const n = words.length;
  if (n > 1 && EVENT_HEADS.has(last.key)) return { from, to, type: 'event', confidence: 0.65 };
  if (tokens.slice(from, to).some((t) => t.text === '&')) return { from, to, type: 'organization', confidence: 0.7 };
  if (words.some((w, k) => k > 0 && ORG_HEADS.has(w.key)) || (n > 1 && ORG_HEADS.has(last.key)) || (n > 1 && ORG_PREFIXES.has(firstWord.key) && words.some((w) => w.key === 'of'))) return { from, to, type: 'organization', confidence: 0.7 };
  if (n > 1 && (PLACE_HEADS.has(last.key) || (PLACE_PREFIXES.has(firstWord.key) && !ORG_HEADS.has(last.key)))) return { from, to, type: 'place', confidence: 0.65 };
  const titled = before !== undefined && PERSON_TITLES.has(before.key) && before.word;
  const titledAfterStop = before?.text === '.' && before2 !== undefined && HONORIFICS.has(before2.key);
  const reported = (after !== undefined && REPORTING.has(after.key)) || (before !== undefined && REPORTING.has(before.key) && before.key !== 'according');
  const apposition = after?.text === ',' && /^(a|an|the|who)$/.test(tokens[to + 1]?.key ?? '');
  const given = tags(firstWord.text).some((x) => GIVEN_NAME.has(x));
  const unknownWords = words.every((w) => !isCommon(w, lowerWords));
  if (n === 1 && tags(firstWord.text).some((x) => PLACE_TAGS.has(x))) return { from, to, type: 'place', confidence: 0.6 };
  if (n >= 2 && n <= 4 && (given || titled || titledAfterStop || reported || apposition) && unknownWords) return { from, to, type: 'person', confidence: given ? 0.75 : 0.65 };
  if (n >= 2 && n <= 3 && unknownWords && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w.text))) {
    if (before && LOCATIVE.has(before.key)) return { from, to, type: 'place', confidence: 0.5 };
    return { from, to, type: 'person', confidence: 0.55 };
  }
  if (n === 1 && (titled || titledAfterStop || reported) && unknownWords && !firstWord.sentenceStart) return { from, to, type: 'person', confidence: 0.55 };
  if (n === 1 && isAcronym(firstWord.text) && !firstWord.sentenceStart) return { from, to, type: 'organization', confidence: 0.5 };
  if (n === 1 && before && LOCATIVE.has(before.key) && unknownWords && !firstWord.sentenceStart) return { from, to, type: 'place', confidence: 0.5 };
  return null;
}
