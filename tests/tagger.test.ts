import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { TAGS, TAG_COUNT, allowed, decode, encode } from '../src/annotate/tagger/bilou.ts';
import { CasingCounter, inCapitals, truecase } from '../src/annotate/tagger/casing.ts';
import { learnClasses } from '../src/annotate/tagger/clusters.ts';
import { detokenize, spansOfTags, type GoldDocument } from '../src/annotate/tagger/corpus.ts';
import { CONTEXT_TEMPLATES, FIRST_PASS_TEMPLATES, contextFeatures, contextHashes, shape, tokenFeatures, wordClass, wordFeatureHashes, wordFeatures, OFFSETS, type TaggerToken } from '../src/annotate/tagger/features.ts';
import { hashKey } from '../src/annotate/tagger/hash.ts';
import { gazetteerMarker } from '../src/annotate/tagger/gazetteer.ts';
import { countCasing, project } from '../src/annotate/tagger/gold.ts';
import { tag, train } from '../src/annotate/tagger/model.ts';
import { viterbi } from '../src/annotate/tagger/perceptron.ts';
import { FeatureTable } from '../src/annotate/tagger/table.ts';
import { load, save } from '../src/annotate/tagger/store.ts';
import { MODEL_DIR, committedRecogniser, modelProblem } from '../src/annotate/annotator.ts';
import { SpanTally } from '../src/evaluate/conll.ts';
import type { Entity } from '../src/types.ts';
import { ROOT, tempDir } from './helpers.ts';

const token = (text: string, over: Partial<TaggerToken> = {}): TaggerToken => {
  const t: TaggerToken = { text, norm: text, lower: '', gap: 'space', sentenceStart: false, headline: false, caps: false, gazetteer: [], clusters: [], document: [], firstPass: '', ...over };
  t.lower = t.norm.toLowerCase();
  return t;
};

const Features = suite('recogniser features');

Features('shape collapses runs of one character class to two', () => {
  assert.is(shape('Kim'), 'Xxx');
  assert.is(shape('Leeds'), 'Xxx');
  assert.is(shape('NYMEX'), 'XX');
  assert.is(shape('1996-08-30'), 'dd-dd-dd');
  assert.is(shape('McDonald'), 'XxXxx');
});

Features('word classes tell capitals, titles, years and digits apart', () => {
  assert.is(wordClass('FIFA'), 'caps');
  assert.is(wordClass('K'), 'initial');
  assert.is(wordClass('Leeds'), 'title');
  assert.is(wordClass('McDonald'), 'title-mixed');
  assert.is(wordClass('beat'), 'lower');
  assert.is(wordClass('1996'), 'year');
  assert.is(wordClass('38'), 'digits');
  assert.is(wordClass('4.2bn'), 'has-digit');
  assert.is(wordClass(','), 'punct');
});

Features('a token sees its word, affixes, a ±2 window and its context', () => {
  const tokens = [token('Leeds', { sentenceStart: true }), token('beat'), token('Arsenal'), token('.')];
  const f = tokenFeatures(tokens, 2);
  for (const key of ['word@0=Arsenal', 'lower@0=arsenal', 'shape@0=Xxx', 'prefix3@0=ars', 'suffix2@0=al', 'lower@-1=beat', 'lower@-2=leeds', 'lower@1=.', 'lower@2=</s>', 'bigram-before=beat|arsenal', 'bias=']) {
    assert.ok(f.includes(key), `missing ${key} in ${f.join(' ')}`);
  }
  assert.ok(tokenFeatures(tokens, 0).includes('sentence-start=title'));
  assert.not.ok(f.some((k) => k.startsWith('sentence-start')));
});

Features('knowledge-base marks and first-pass document tags become features', () => {
  const tokens = [token('Bank'), token('of'), token('England', { document: ['ORG', 'major-ORG'] })];
  gazetteerMarker([{ id: 'boe', type: 'organization', label: 'Bank of England', aliases: [], adjectivals: [], description: '' }])(tokens);
  assert.equal(tokens.map((t) => t.gazetteer), [['ORG-B'], ['ORG-I'], ['ORG-L']]);
  const f = tokenFeatures(tokens, 2);
  assert.ok(f.includes('gazetteer=ORG-L'));
  assert.ok(f.includes('gazetteer-before=ORG-I'));
  assert.ok(f.includes('document=ORG'));
});

Features('context features are hashed unbuilt to the hashes of their keys, in parts or all at once', () => {
  // The committed weights are keyed by hashKey of each key: the tagger's shortcut must give the same numbers.
  const tokens = [
    token('LEEDS', { norm: 'Leeds', caps: true, sentenceStart: true, headline: true, gap: 'break', gazetteer: ['LOC-U', 'ORG-U'], clusters: ['a3', 'b17'], document: ['ORG', 'major-ORG', 'written-capital'], firstPass: 'U-ORG' }),
    token('beat', { gap: 'none', clusters: ['a1'], firstPass: 'O' }),
    token('Arsenal', { gap: 'hyphen', gazetteer: ['ORG-U'], document: ['major-none'], firstPass: 'U-ORG' }),
    token('4.2bn', { firstPass: 'O' }),
    token('.', { gap: 'none' }),
  ];
  for (let i = 0; i < tokens.length; i++) {
    const keys: string[] = [];
    contextFeatures(tokens, i, keys);
    const all: number[] = [];
    contextHashes(tokens, i, all);
    assert.equal(all, keys.map(hashKey), `token ${i}: ${keys.join(' ')}`);
    const parts: number[] = [];
    contextHashes(tokens, i, parts, 0, FIRST_PASS_TEMPLATES);
    contextHashes(tokens, i, parts, FIRST_PASS_TEMPLATES, CONTEXT_TEMPLATES.length);
    assert.equal(parts, all);
  }
  assert.ok(CONTEXT_TEMPLATES.slice(FIRST_PASS_TEMPLATES).every(([name]) => ['document', 'first-pass', 'first-pass-around'].includes(name)));
});

Features('word features are hashed unbuilt to the hashes of their keys, offset by offset', () => {
  for (const word of ['Leeds', 'beat', 'McDonald', '4.2bn', 'Gdańsk', 'I', ',', '<S>', '</S>', 'Terminals', 'NYMEX', 'naïve']) {
    const hashes = wordFeatureHashes(word);
    OFFSETS.forEach((offset, o) => {
      const keys: string[] = [];
      wordFeatures(word, offset, keys);
      assert.equal([...hashes[o]!], keys.map(hashKey), `${word} at ${offset}: ${keys.join(' ')}`);
    });
  }
});

const Gazetteer = suite('gazetteerMarker');

const entity = (id: string, type: Entity['type'], label: string, aliases: string[] = [], adjectivals: string[] = []): Entity => ({ id, type, label, aliases, adjectivals, description: '' });

Gazetteer('marks the longest match of each kind, so one token can be a place and part of an organisation', () => {
  const mark = gazetteerMarker([entity('leeds', 'place', 'Leeds'), entity('leeds-united', 'organization', 'Leeds United'), entity('uk', 'place', 'United Kingdom', [], ['British'])]);
  const tokens = ['Leeds', 'United', 'and', 'British', 'fans'].map((t) => token(t));
  mark(tokens);
  assert.equal(tokens.map((t) => t.gazetteer), [['ORG-B', 'LOC-U'], ['ORG-L'], [], ['ADJ-U'], []]);
});

Gazetteer('wants a capital at both ends of a match, and reads capitals in their usual case', () => {
  const mark = gazetteerMarker([entity('reading', 'place', 'Reading')]);
  const lower = [token('reading'), token('books')];
  mark(lower);
  assert.equal(lower[0]!.gazetteer, []);
  const caps = [token('READING', { norm: 'Reading', caps: true }), token('WIN', { norm: 'win', caps: true })];
  mark(caps);
  assert.equal(caps[0]!.gazetteer, ['LOC-U']);
});

const Casing = suite('truecasing');

Casing('finds sentences written in capitals, not acronyms in ordinary ones', () => {
  assert.ok(inCapitals(['SOCCER', '-', 'LEEDS', 'BEAT', 'ARSENAL']));
  assert.not.ok(inCapitals(['The', 'UN', 'and', 'NATO', 'met']));
  assert.not.ok(inCapitals(['UN']));
});

Casing("reads a word in the article's own case, else the lexicon's, else as a name", () => {
  const counter = new CasingCounter();
  for (const w of ['beat', 'beat', 'Beat', 'Arsenal', 'Arsenal']) counter.add(w);
  const lexicon = counter.lexicon();
  assert.is(truecase('BEAT', new Map(), lexicon), 'beat');
  assert.is(truecase('ARSENAL', new Map(), lexicon), 'Arsenal');
  assert.is(truecase('LEICESTERSHIRE', new Map([['leicestershire', 'Leicestershire']]), lexicon), 'Leicestershire');
  assert.is(truecase('SOMERSET', new Map(), lexicon), 'Somerset');
  assert.is(truecase('FIFA', new Map(), lexicon), 'FIFA');
});

const Bilou = suite('BILOU tags');

Bilou('encodes spans and decodes them back', () => {
  const spans = [{ start: 0, end: 2, type: 'PER' as const }, { start: 3, end: 4, type: 'LOC' as const }, { start: 5, end: 8, type: 'ORG' as const }];
  const tags = encode(spans, 9);
  assert.equal([...tags].map((t) => TAGS[t]), ['B-PER', 'L-PER', 'O', 'U-LOC', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'O']);
  assert.equal(decode(tags), spans);
});

Bilou('allows only well-formed sequences', () => {
  const i = (t: string): number => TAGS.indexOf(t);
  assert.ok(allowed(-1, i('B-PER')));
  assert.not.ok(allowed(-1, i('I-PER')));
  assert.ok(allowed(i('B-PER'), i('L-PER')));
  assert.not.ok(allowed(i('B-PER'), i('L-ORG')));
  assert.not.ok(allowed(i('B-PER'), i('O')));
  assert.not.ok(allowed(i('I-ORG'), -1));
  assert.ok(allowed(i('U-LOC'), i('B-LOC')));
});

Bilou('Viterbi returns a valid sequence whatever the scores', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.float({ min: -50, max: 50, noNaN: true }), { minLength: 12 * TAG_COUNT, maxLength: 12 * TAG_COUNT }), fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: (TAG_COUNT + 1) ** 2, maxLength: (TAG_COUNT + 1) ** 2 }), (n, scores, transitions) => {
      const tags = viterbi(Float32Array.from(scores), n, Float32Array.from(transitions));
      let prev = -1;
      for (const t of tags) {
        if (!allowed(prev, t)) return false;
        prev = t;
      }
      return allowed(prev, -1);
    }),
    { seed: 20240607, numRuns: 300 },
  );
});

const Corpus = suite('corpus readers');

Corpus('reads IOB1 as CoNLL-2003 writes it: B- only between two names of one type', () => {
  const p = (tag: string): { prefix: 'B' | 'I' | 'O'; type: 'PER' | 'LOC' | null } => (tag === 'O' ? { prefix: 'O', type: null } : { prefix: tag[0] as 'B' | 'I', type: tag.slice(2) as 'PER' | 'LOC' });
  assert.equal(spansOfTags(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC'].map(p)), [{ start: 0, end: 2, type: 'PER' }, { start: 2, end: 3, type: 'PER' }, { start: 4, end: 5, type: 'LOC' }]);
  assert.equal(spansOfTags(['B-PER', 'I-LOC'].map(p)), [{ start: 0, end: 1, type: 'PER' }, { start: 1, end: 2, type: 'LOC' }]);
});

Corpus('rebuilds running text from tokens, with each token found at its offsets', () => {
  const tokens = ['He', 'said', '"', 'we', 'wo', "n't", 'lose', '"', '(', 'again', ')', ',', 'in', 'U.S.', '.'];
  const { text, offsets } = detokenize(tokens);
  assert.is(text, 'He said "we won\'t lose" (again), in U.S..');
  tokens.forEach((t, k) => assert.is(text.slice(offsets[k]![0], offsets[k]![1]), t));
});

const Scorer = suite('conlleval scoring');

Scorer('counts a name only when span and type both match', () => {
  const tally = new SpanTally(['PER', 'ORG', 'LOC']);
  tally.add(
    [{ start: 0, end: 5, type: 'PER' }, { start: 10, end: 15, type: 'ORG' }, { start: 20, end: 25, type: 'LOC' }],
    [{ start: 0, end: 5, type: 'PER' }, { start: 10, end: 15, type: 'LOC' }, { start: 20, end: 24, type: 'LOC' }, { start: 30, end: 31, type: 'MISC' }],
  );
  const all = tally.score();
  assert.equal([all.tp, all.fp, all.fn], [1, 2, 2]);
  assert.is(tally.score(['PER']).f1, 1);
  assert.is(tally.score(['ORG']).recall, 0);
  assert.is(Math.round(all.f1 * 1000), 333);
});

Scorer('accepts a span the caller deems the same, as an honorific Gloss keeps', () => {
  const tally = new SpanTally(['PER']);
  tally.add([{ start: 3, end: 8, type: 'PER' }], [{ start: 0, end: 8, type: 'PER' }], (g, p) => g.end === p.end && p.start <= g.start);
  assert.is(tally.score().tp, 1);
});

/** A tiny gold corpus: the same few sentence shapes with different names. */
function tinyCorpus(): GoldDocument[] {
  const people = ['Anna Berg', 'Jonas Lind', 'Maria Holm', 'Erik Sand'];
  const places = ['Oslo', 'Bergen', 'Malmo', 'Aarhus'];
  const orgs = ['Nordbank', 'Fiskeri AB', 'Havn Group', 'Telenet'];
  return people.map((person, k) => {
    const [first, last] = person.split(' ');
    const tokens = [first!, last!, 'joined', orgs[k]!.split(' ')[0]!, ...(orgs[k]!.includes(' ') ? [orgs[k]!.split(' ')[1]!] : []), 'in', places[k]!, '.'];
    const orgEnd = 3 + orgs[k]!.split(' ').length;
    return {
      id: `tiny-${k}`,
      sentences: [
        { tokens, spans: [{ start: 0, end: 2, type: 'PER' as const }, { start: 3, end: orgEnd, type: 'ORG' as const }, { start: orgEnd + 1, end: orgEnd + 2, type: 'LOC' as const }] },
        { tokens: [last!, 'left', places[(k + 1) % 4]!, '.'], spans: [{ start: 0, end: 1, type: 'PER' as const }, { start: 2, end: 3, type: 'LOC' as const }] },
      ],
    };
  });
}

const Classes = suite('word classes');

Classes('words used alike share a class, and the same text gives the same classes', () => {
  // Towns follow "in" and precede "on"; weekdays follow "on" and precede "the": two kinds of word.
  const towns = ['leeds', 'paris', 'oslo', 'lima', 'cairo', 'quito'];
  const days = ['monday', 'tuesday', 'friday', 'sunday', 'saturday', 'thursday'];
  const text: string[][] = [];
  for (let i = 0; i < 60; i++) text.push(['they', 'met', 'in', towns[i % 6]!, 'on', days[(i * 5) % 6]!, 'the', 'end']);
  const a = learnClasses(text, { classes: 8, minCount: 3, sweeps: 6 });
  const b = learnClasses(text, { classes: 8, minCount: 3, sweeps: 6 });
  assert.equal([...a], [...b]);
  assert.is(new Set(towns.map((w) => a.get(w))).size, 1, 'the towns share a class');
  assert.is(new Set(days.map((w) => a.get(w))).size, 1, 'the weekdays share a class');
  assert.is.not(a.get('leeds'), a.get('monday'));
  assert.is(learnClasses([['rare', 'words']], { classes: 4, minCount: 3, sweeps: 6 }).size, 0, 'a word seen less often than minCount has no class');
});

Classes.run();

const Training = suite('training');

Training('learns a tiny corpus, and the same data give byte-identical weights', () => {
  const docs = tinyCorpus();
  const lexicon = countCasing(docs).lexicon();
  const projected = docs.map((d) => project(d, lexicon, false));
  const options = { epochs: 5, folds: 2, seed: 7, minCount: 1, clusters: [3] };
  const a = train(projected, lexicon, options);
  const b = train(docs.map((d) => project(d, lexicon, false)), lexicon, options);
  const dirA = join(tempDir(), 'a');
  const dirB = join(tempDir(), 'b');
  save(a, dirA, { note: 'tiny' });
  save(b, dirB, { note: 'tiny' });
  for (const f of readdirSync(dirA)) assert.ok(readFileSync(join(dirA, f)).equals(readFileSync(join(dirB, f))), `${f} differs`);
  const reloaded = load(dirA);
  for (const d of projected) assert.equal(tag(reloaded, d.sentences), d.spans, d.id);
});

Training('a different seed changes the order of updates, so the check above can fail', () => {
  const docs = tinyCorpus();
  const lexicon = countCasing(docs).lexicon();
  const a = train(docs.map((d) => project(d, lexicon, false)), lexicon, { epochs: 3, folds: 2, seed: 1, minCount: 1, clusters: [] });
  const b = train(docs.map((d) => project(d, lexicon, false)), lexicon, { epochs: 3, folds: 2, seed: 2, minCount: 1, clusters: [] });
  assert.not.equal([...a.second.weights], [...b.second.weights]);
});

const Committed = suite('the committed model');

/** CPU milliseconds `load` takes in a fresh process: the cost a build pays, apart from this test run's heap and whatever else the machine is doing. */
function loadCpuMs(): number {
  const code = `import { load } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/annotate/tagger/store.ts')).href)};
const before = process.cpuUsage();
load(${JSON.stringify(MODEL_DIR)});
const cpu = process.cpuUsage(before);
process.stdout.write(String((cpu.user + cpu.system) / 1000));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.is(run.status, 0, run.stderr);
  const ms = Number(run.stdout.trim());
  assert.ok(Number.isFinite(ms), `the load printed ${JSON.stringify(run.stdout)}, ${JSON.stringify(run.stderr)}`);
  return ms;
}

Committed('loads in under a second of CPU and tags news it was not trained on', () => {
  // The fastest of three fresh processes, so a busy machine does not decide the figure.
  const runs = [loadCpuMs(), loadCpuMs(), loadCpuMs()];
  assert.ok(Math.min(...runs) < 1000, `loading took ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms of CPU`);
  const model = load(MODEL_DIR);
  assert.ok(model.first.rows.size > 10_000);
  const doc: GoldDocument = { id: 'fresh', sentences: [{ tokens: 'Shares in British Airways fell on Tuesday , the chief executive , Willie Walsh , told reporters in London .'.split(' '), spans: [] }] };
  const projected = project(doc, model.lexicon, false, undefined, model.classes);
  const spans = tag(model, projected.sentences)[0]!;
  const words = projected.sentences[0]!.tokens.map((t) => t.text);
  const found = spans.map((s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`);
  assert.ok(found.includes('ORG:British Airways'), found.join(', '));
  assert.ok(found.includes('PER:Willie Walsh'), found.join(', '));
  assert.ok(found.includes('LOC:London'), found.join(', '));
});

Committed('the table read straight from the weight file gives every feature the weights the unpacked model has', () => {
  const model = load(MODEL_DIR);
  const packed = model.second.table!;
  const rebuilt = FeatureTable.fromRows(model.second.rows, model.second.weights, TAG_COUNT);
  const a = new Float32Array(TAG_COUNT);
  const b = new Float32Array(TAG_COUNT);
  let hashes = 0;
  for (const hash of [...model.second.rows.keys(), 1, 2, 3, 0xffffffff]) {
    a.fill(0);
    b.fill(0);
    packed.add(hash, a, 0);
    rebuilt.add(hash, b, 0);
    assert.equal([...a], [...b], `feature ${hash}`);
    hashes++;
  }
  assert.ok(hashes > 10_000);
});

Committed('a model that cannot be read is one problem naming the folder, the file and the fix, not a stack trace', () => {
  assert.is(modelProblem(MODEL_DIR), null, 'the committed model is whole');
  const broken = join(tempDir(), 'model');
  cpSync(MODEL_DIR, broken, { recursive: true });
  writeFileSync(join(broken, 'second.bin'), 'not weights');
  const bad = modelProblem(broken)!;
  assert.ok(bad, 'a garbled weight file');
  assert.is(bad.severity, 'error');
  assert.is(bad.file, '_data/model/');
  assert.is(bad.position, 'second.bin');
  assert.match(bad.message, 'npm run train');
  cpSync(join(MODEL_DIR, 'second.bin'), join(broken, 'second.bin'));
  rmSync(join(broken, 'casing.txt'));
  assert.match(modelProblem(broken)!.message, /casing\.txt is missing/);
  writeFileSync(join(broken, 'recogniser.json'), '{');
  assert.match(modelProblem(broken)!.message, 'not valid JSON');
});

Committed('reads a headline in capitals in the case the article writes its words', () => {
  const model = committedRecogniser();
  const doc: GoldDocument = {
    id: 'caps',
    sentences: [
      { tokens: 'SOCCER - REAL MADRID HELD BY VALENCIA IN MADRID .'.split(' '), spans: [] },
      { tokens: 'Real Madrid were held to a 1-1 draw by Valencia at the Bernabeu on Sunday , coach Fabio Capello said .'.split(' '), spans: [] },
    ],
  };
  const projected = project(doc, model.lexicon, true, undefined, model.classes);
  const headline = projected.sentences[0]!;
  assert.equal(headline.tokens.slice(2, 4).map((t) => t.norm), ['Real', 'Madrid']);
  const words = headline.tokens.map((t) => t.text);
  const found = tag(model, projected.sentences)[0]!.map((s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`);
  assert.ok(found.includes('ORG:REAL MADRID'), found.join(', '));
  assert.ok(found.includes('ORG:VALENCIA'), found.join(', '));
});

Features.run();
Gazetteer.run();
Casing.run();
Bilou.run();
Corpus.run();
Scorer.run();
Training.run();
Committed.run();
