/**
 * The reporting cues the claim finder knows, each with what it takes and how it colours a claim.
 * Drawn from the seed gold and the development gold (tests/gold/claims-dev/), not guessed: every
 * cue below attributes a claim in one of them, or is an inflection of one that does.
 */

/** What a cue needs after it to report a proposition rather than an act. */
export type Complement =
  /** Any clause, quotation or "that" clause: "said the talks failed". */
  | 'clause'
  /** Only "that", a quotation, a colon or a pronoun subject: "announced that…", not "announced a plan". */
  | 'that'
  /** An object, then "for" or "of" with the charge: "blamed X for", "accused X of", "criticised X for". */
  | 'charge'
  /** An object, then "as" (or "how"): "described X as frivolous", "describe how…". */
  | 'as'
  /** "called X Y": an object, then a quotation or an article: "called it a reversal". */
  | 'naming'
  /** A clause, not an infinitive or a prepositional object: "hoping that…", "argued that…", not "hoping to receive", "argued with". */
  | 'proposition';

/** One reporting cue. */
export interface CueWord {
  /** The cue's dictionary form, as the methodology page lists it. */
  lemma: string;
  takes: Complement;
  /** The cue denies the proposition ("denied", "rejected", "dismissed"): the claim's polarity is deny. */
  denies: boolean;
  /**
   * The cue speculates rather than asserts ("speculated", "suspects"): the claim is hedged. Hope,
   * fear and belief do not hedge: the seed gold's "expressed hope that … would return" is not hedged.
   */
  hedges: boolean;
  /** A form that is also a common noun ("claims", "notes", "states", "hopes"): a cue only after a subject and before "that" or a clause. */
  ambiguous: boolean;
  /** An -ing form, whose subject is the sentence's ("…, adding that", "…, hinting that"). */
  gerund: boolean;
}

interface Entry {
  forms: string;
  takes?: Complement;
  denies?: boolean;
  hedges?: boolean;
  /** The forms that are also nouns. */
  nouns?: string;
}

const ENTRIES: Record<string, Entry> = {
  say: { forms: 'say says said saying' },
  tell: { forms: 'tell tells told telling' },
  warn: { forms: 'warn warns warned warning' },
  argue: { forms: 'argue argues argued arguing', takes: 'proposition' },
  believe: { forms: 'believe believes believed' },
  suggest: { forms: 'suggest suggests suggested suggesting' },
  note: { forms: 'note notes noted noting', nouns: 'note notes' },
  add: { forms: 'add adds added adding', takes: 'that' },
  claim: { forms: 'claim claims claimed claiming', nouns: 'claim claims' },
  deny: { forms: 'deny denies denied denying', denies: true },
  hint: { forms: 'hinted hinting' },
  insist: { forms: 'insist insists insisted insisting', takes: 'proposition' },
  state: { forms: 'state states stated', nouns: 'state states' },
  announce: { forms: 'announce announces announced announcing', takes: 'that' },
  report: { forms: 'report reports reported', takes: 'that', nouns: 'report reports' },
  acknowledge: { forms: 'acknowledge acknowledges acknowledged acknowledging' },
  admit: { forms: 'admit admits admitted' },
  estimate: { forms: 'estimates estimated', nouns: 'estimates' },
  predict: { forms: 'predict predicts predicted' },
  think: { forms: 'think thinks thought' },
  fear: { forms: 'fear fears feared', nouns: 'fear fears', takes: 'proposition' },
  worry: { forms: 'worries worried', takes: 'proposition' },
  hope: { forms: 'hope hopes hoped hoping', nouns: 'hope hopes', takes: 'proposition' },
  allege: { forms: 'allege alleges alleged alleging' },
  confirm: { forms: 'confirm confirms confirmed', takes: 'that' },
  reveal: { forms: 'reveal reveals revealed', takes: 'that' },
  disclose: { forms: 'disclose discloses disclosed', takes: 'that' },
  maintain: { forms: 'maintains maintained' },
  contend: { forms: 'contend contends contended' },
  conclude: { forms: 'conclude concludes concluded' },
  caution: { forms: 'cautioned' },
  assert: { forms: 'assert asserts asserted' },
  explain: { forms: 'explain explains explained' },
  write: { forms: 'wrote' },
  reckon: { forms: 'reckon reckons reckoned' },
  concede: { forms: 'concede concedes conceded' },
  reject: { forms: 'reject rejects rejected', denies: true },
  dismiss: { forms: 'dismiss dismisses dismissed', denies: true },
  accuse: { forms: 'accuse accuses accused accusing', takes: 'charge' },
  recall: { forms: 'recalled' },
  stress: { forms: 'stress stresses stressed' },
  emphasise: { forms: 'emphasised emphasized emphasises emphasizes' },
  observe: { forms: 'observed' },
  blame: { forms: 'blame blames blamed blaming' },
  remark: { forms: 'remarked remarks' },
  underline: { forms: 'underlined underlines' },
  underscore: { forms: 'underscored underscores' },
  reiterate: { forms: 'reiterated reiterates reiterating' },
  criticise: { forms: 'criticise criticises criticised criticising criticize criticizes criticized criticizing', takes: 'charge' },
  blast: { forms: 'blasted', takes: 'charge' },
  describe: { forms: 'describe describes described', takes: 'as' },
  call: { forms: 'called calls', takes: 'naming' },
  speculate: { forms: 'speculate speculates speculated', hedges: true },
  suspect: { forms: 'suspects suspected', hedges: true, nouns: 'suspects' },
};

/** Every cue word form, lower-case, to its cue. */
export const CUE_WORDS: ReadonlyMap<string, CueWord> = new Map(
  Object.entries(ENTRIES).flatMap(([lemma, e]) => {
    const nouns = new Set((e.nouns ?? '').split(' '));
    return e.forms.split(' ').map((form): [string, CueWord] => [
      form,
      { lemma, takes: e.takes ?? 'clause', denies: e.denies ?? false, hedges: e.hedges ?? false, ambiguous: nouns.has(form), gerund: form.endsWith('ing') },
    ]);
  }),
);

/** Gerunds that report a speech act of the sentence's subject ("…, hinting that"), unlike "suggesting" the inference. */
export const SPEECH_GERUNDS: ReadonlySet<string> = new Set(['hinting', 'saying', 'warning', 'adding', 'insisting', 'claiming', 'arguing', 'denying', 'blaming', 'telling', 'acknowledging', 'announcing', 'noting', 'hoping', 'accusing', 'alleging', 'reiterating']);

/** A cue of several words, matched on lower-case words from its first. */
export interface PhraseCue {
  pattern: RegExp;
  /** Words the pattern spans at most. */
  length: number;
  denies?: boolean;
  hedges?: boolean;
}

/** Cues of two to three words, keyed by their first word. */
export const PHRASE_CUES: ReadonlyMap<string, PhraseCue[]> = (() => {
  const list: PhraseCue[] = [
    { pattern: /^(issued|issues|issue) (a )?(warning|warnings)$/, length: 3 },
    { pattern: /^(expressed|expresses|express) (hope|concern|concerns|fears|doubt|doubts|confidence|alarm)$/, length: 2 },
    { pattern: /^(draws|drew|draw) (a )?(parallel|parallels|comparison|comparisons)$/, length: 3 },
    { pattern: /^(raised|raises) (concern|concerns|doubts|questions)$/, length: 2 },
    { pattern: /^(made|makes) (it )?clear$/, length: 3 },
    { pattern: /^(pointed|points) out$/, length: 2 },
    { pattern: /^(appeared|appears|seemed|seems) to (endorse|confirm|suggest|acknowledge|deny|accept)$/, length: 3 },
    { pattern: /^(hit|hits|hitting) out at$/, length: 3 },
    { pattern: /^(cited|cites|citing) the (risk|fear|danger|concern)$/, length: 3 },
  ];
  const byFirst = new Map<string, PhraseCue[]>();
  for (const cue of list) {
    const firsts = /^\^\(([^)]*)\)/.exec(cue.pattern.source)![1]!.split('|').map((w) => w.split(' ')[0]!);
    for (const w of new Set(firsts)) byFirst.set(w, [...(byFirst.get(w) ?? []), cue]);
  }
  return byFirst;
})();

/** Adjectives that report a stance after "is", "are", "was", "were": "is concerned that", "are confident". */
export const STANCES: ReadonlySet<string> = new Set(['concerned', 'worried', 'confident', 'fearful', 'hopeful', 'convinced', 'adamant']);

/** Every word a cue can start with, or (for "is concerned", "is in denial") end with: the one test most tokens meet. */
export const CUE_KEYS: ReadonlySet<string> = new Set([...CUE_WORDS.keys(), ...PHRASE_CUES.keys(), ...STANCES, 'according', 'denial']);
