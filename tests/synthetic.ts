/**
 * A generated news corpus for tests at archive scale: varied articles made from word lists with a
 * seeded random generator (the same seed gives the same files), never from real articles.
 * People recur across articles (a few in hundreds, most in a handful) and each article also names
 * someone no other article does; places and organisations come from the knowledge base, and one
 * organisation is named in every article, as the biggest entities of a real archive are; dates
 * range over decades; quotations, reported speech and denials give claims, and a few stories are
 * told by many articles, so that their claims cluster.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/annotate/tagger/perceptron.ts';
import { ROOT } from './helpers.ts';

const FIRST = 'Anna Ben Carla David Elena Frank Grace Henry Irene Jack Karen Louis Maria Nathan Olivia Peter Rachel Samuel Teresa Victor Wendy Adam Beatrice Charles Diana Edward Fiona George Helen Ian Julia Kevin Laura Michael Nina Oscar Paula Robert Sarah Thomas Ursula Walter Alice Bruno Clara Daniel Emma Felix Hannah Isaac'.split(' ');
const LAST = 'Adams Baker Carter Dalton Ellis Fischer Garcia Hughes Ingram Jensen Keller Lambert Moreau Novak Owens Parker Quinn Romero Schmidt Turner Ulrich Vargas Walsh Young Zimmer Bennett Coleman Dawson Foster Grant Harper Jordan Kowalski Lindqvist Meyer Nolan Ortega Petrov Reyes Sandoval Tanaka Varga Weber Brennan Costa Duarte Eriksen Ferrari Gallagher Horvat Ivanova Janssen Larsen Molina Nielsen Okafor Pereira Rossi Silva Tamm'.split(' ');
const SYLLABLES = 'bar del fen gor hal kes lor mun nek pol rav sen tur vel wic zan bro cal dun fil'.split(' ');
const ROLES = ['a spokeswoman for', 'a spokesman for', 'the director of', 'an analyst at', 'a senior official at', 'the chair of', 'a researcher at', 'an adviser to'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const OUTLETS = ['Baltic Courier', 'Harbour Gazette', 'The Evening Ledger', 'Northern Observer', 'Coastal Times', 'The Daily Almanac', 'River Valley Post', 'Metro Dispatch', 'The Continental', 'Island Herald', 'Capital Review', 'Plains Tribune'];
const SUBJECTS = ['the new rail line', 'the harbour expansion', 'the water treaty', 'the wheat harvest', 'the pension reform', 'the fishing quota', 'the election calendar', 'the museum project', 'the bridge repair', 'the vaccine programme', 'the census', 'the housing plan', 'the coal mine closure', 'the school budget', 'the airport tender', 'the tax on sugar', 'the flood barrier', 'the wind farm', 'the steel tariff', 'the refugee centre'];
const PREDICATES = ['will open before the winter', 'has doubled its costs', 'was approved without a vote', 'is running two years late', 'will create hundreds of jobs', 'has split the coalition', 'was drafted by foreign consultants', 'cannot be paid for this year', 'has already saved lives', 'will be decided in court', 'is popular in the countryside', 'was never properly audited', 'will lift exports', 'has angered local farmers', 'is the largest in a generation'];
/** Propositions many articles report, in words that claim clustering treats as one proposition. */
const STORIES = [
  'the government will supply rockets and shells to the border guard',
  'the two ministers will hold talks on sanctions next month',
  'the army bought drones from a foreign supplier',
  'the central bank will help struggling exporters with new loans',
  'the port will ship weapons despite the embargo',
  'the nuclear plant will get new fuel deliveries',
  'the summit will discuss a ban on arms sales',
  'the aid convoy will deliver supplies to the flooded valley',
];
const TOPICS = ['Budget', 'Harbour', 'Election', 'Farming', 'Transport', 'Health', 'Energy', 'Schools', 'Trade', 'Weather'];

interface KnowledgeBase {
  places: string[];
  organisations: string[];
}

function knowledgeBase(): KnowledgeBase {
  const entries = JSON.parse(readFileSync(join(ROOT, '_data', 'entities.json'), 'utf8')) as Array<{ type: string; label: string; capitalOf?: string }>;
  const simple = (label: string): boolean => /^[A-Z][A-Za-z]+( [A-Z][A-Za-z]+)?$/.test(label);
  return {
    places: entries.filter((e) => e.type === 'place' && simple(e.label)).map((e) => e.label),
    organisations: entries.filter((e) => e.type === 'organization' && simple(e.label) && !OUTLETS.includes(e.label)).map((e) => e.label),
  };
}

/**
 * Writes `count` Markdown articles (`syn-NNNNN.md`, front matter with id, title, outlet and date)
 * into `seeds`, made from `seed`. Returns the number of words written.
 */
export function writeSyntheticCorpus(seeds: string, count: number, seed = 13): number {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  /** Skewed to the start of the list: the first items are picked far more often than the last. */
  const skewed = <T>(list: readonly T[], power = 2.5): T => list[Math.floor(rnd() ** power * list.length)]!;
  const kb = knowledgeBase();
  const everywhere = kb.organisations[0]!;
  const cast: string[] = [];
  for (const first of FIRST) for (const last of LAST) cast.push(`${first} ${last}`);
  for (let i = cast.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [cast[i], cast[j]] = [cast[j]!, cast[i]!];
  }
  const year = (): number => 2024 - Math.floor(rnd() ** 2 * 70);
  const date = (): string => {
    const y = year();
    const r = rnd();
    return r < 0.4 ? `on ${1 + Math.floor(rnd() * 28)} ${pick(MONTHS)} ${y}` : r < 0.7 ? `in ${pick(MONTHS)} ${y}` : `in ${y}`;
  };
  const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
  mkdirSync(seeds, { recursive: true });
  let words = 0;
  for (let i = 0; i < count; i++) {
    const id = `syn-${String(i).padStart(5, '0')}`;
    const place = skewed(kb.places, 1.6);
    const people = Array.from({ length: 3 }, () => skewed(cast, 3));
    const local = `${pick(FIRST)} ${cap(pick(SYLLABLES))}${pick(SYLLABLES)}${pick(['ski', 'son', 'er', 'ova', 'ez'])}`;
    const org = skewed(kb.organisations, 1.5);
    const person = (): string => (rnd() < 0.2 ? local : pick(people));
    const proposition = (): string => (rnd() < 0.15 ? skewed(STORIES, 2) : `${pick(SUBJECTS)} ${pick(PREDICATES)}`);
    const claim = (): string => {
      const who = person();
      const r = rnd();
      if (r < 0.35) return `"${cap(proposition())}," said ${who}, ${pick(ROLES)} ${org}.`;
      if (r < 0.6) return `${who} said that ${proposition()}.`;
      if (r < 0.75) return `According to ${org}, ${proposition()}.`;
      if (r < 0.88) return `${who} denied that ${proposition()}.`;
      return `${who} warned that ${pick(SUBJECTS)} may fail ${date()}.`;
    };
    const fact = (): string =>
      pick([
        () => `${person()} visited ${pick(kb.places)} ${date()}, weeks after officials from ${everywhere} had been there.`,
        () => `${cap(pick(SUBJECTS))} was first proposed ${date()} by ${person()}.`,
        () => `Officials in ${place} and ${pick(kb.places)} met ${date()} to discuss ${pick(SUBJECTS)}, which ${everywhere} has followed closely.`,
        () => `Trade between ${place} and ${pick(kb.places)} has grown since ${year()}, ${pick(['figures from', 'a report by', 'data published by'])} ${pick(kb.organisations)} show.`,
        () => `${person()} and ${person()} are expected to appear before a committee ${date()}.`,
      ])();
    const paragraphs: string[] = [`${cap(pick(SUBJECTS))} in ${place} ${pick(PREDICATES)}, ${person()} told reporters ${date()}.`];
    const length = 3 + Math.floor(rnd() * 5);
    for (let p = 0; p < length; p++) paragraphs.push([fact(), claim(), rnd() < 0.5 ? fact() : claim()].join(' '));
    paragraphs.push(`${local} has worked in ${place} since ${year()}, much of the time with ${everywhere}.`);
    const title = `${pick(TOPICS)}: ${cap(pick(SUBJECTS))} in ${place} ${pick(PREDICATES)}`;
    const published = rnd() < 0.03 ? null : `${1998 + Math.floor(rnd() * 27)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const outlet = rnd() < 0.05 ? null : skewed(OUTLETS, 1.5);
    const front = [`id: ${id}`, `title: ${JSON.stringify(title)}`, outlet ? `outlet: ${JSON.stringify(outlet)}` : '', published ? `published: ${published}` : ''].filter(Boolean).join('\n');
    const body = paragraphs.join('\n\n');
    words += `${title} ${body}`.split(/\s+/).length;
    writeFileSync(join(seeds, `${id}.md`), `---\n${front}\n---\n\n${body}\n`);
  }
  return words;
}
