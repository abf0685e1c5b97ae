import type { KbType } from './record.ts';

/**
 * The type of each wikitrivia query's items, by the query's name (its file name without
 * `.json`); a query not listed is dropped: works (films, albums, books, paintings, games),
 * products and brands of goods, vehicles and weapons, songs, concepts, dynasties and eras.
 */
const QUERY_TYPES: Array<[RegExp, KbType]> = [
  [/-taking-office$/, 'person'],
  [/^famous-.*-death-year$/, 'person'],
  [/^(airlines|brands-and-companies|f1-teams|football-clubs|mlb-franchises|nba-franchises|nfl-franchises|nhl-franchises|newspapers|radio-stations|restaurant-chains|rugby-clubs|tv-channels)-/, 'organization'],
  [/^(stadiums|castles-and-palaces|historic-landmarks|bridges-towers-and-skyscrapers|notable-buildings-and-structures|religious-buildings|museums-and-historic-sites|historic-sites|historic-national-parks|historical-countries|colonies|colonial-empires|historical-states)-/, 'place'],
  [/^(battles|wars|coups|massacres|protests-riots-and-uprisings|revolutions|disease-outbreaks)-/, 'event'],
];

/** The type of a wikitrivia query's items, or null when the query lists things Gloss does not mark. */
export function queryType(query: string): KbType | null {
  for (const [pattern, type] of QUERY_TYPES) if (pattern.test(query)) return type;
  return null;
}

/**
 * Head nouns of descriptions and the type they give. A description's head is its last word
 * before the first "in", "of", "based", "and", comma and the like: "professional association
 * football club based in Manchester" → club; "American actress and model" → actress. Heads not
 * listed (film, album, award, genre, species, disease, language...) leave the item untyped, and an
 * item no source types is dropped.
 */
const HEADS: Record<KbType, string[]> = {
  person: ['head', 'actor', 'actress', 'singer', 'director', 'musician', 'producer', 'writer', 'composer', 'screenwriter', 'player', 'comedian', 'footballer', 'cinematographer', 'rapper', 'politician', 'author', 'designer', 'artist', 'philosopher', 'guitarist', 'engineer', 'playwright', 'filmmaker', 'poet', 'president', 'animator', 'journalist', 'editor', 'decorator', 'songwriter', 'personality', 'lyricist', 'officer', 'minister', 'pianist', 'model', 'executive', 'mathematician', 'host', 'saxophonist', 'king', 'queen', 'leader', 'drummer', 'businessman', 'businesswoman', 'physicist', 'architect', 'scientist', 'puppeteer', 'cartoonist', 'vocalist', 'conductor', 'painter', 'economist', 'presenter', 'bassist', 'marshal', 'manager', 'dancer', 'outfielder', 'dramatist', 'cellist', 'satirist', 'illustrator', 'entertainer', 'librettist', 'magician', 'entrepreneur', 'soldier', 'aviator', 'pitcher', 'physician', 'reporter', 'polymath', 'trumpeter', 'teacher', 'general', 'senator', 'emperor', 'prince', 'princess', 'athlete', 'cricketer', 'golfer', 'boxer', 'swimmer', 'cyclist', 'jockey', 'coach', 'chef', 'diplomat', 'activist', 'lawyer', 'judge', 'astronaut', 'inventor', 'historian', 'sociologist', 'psychologist', 'chemist', 'biologist', 'astronomer', 'sculptor', 'photographer', 'critic', 'novelist', 'stand', 'monarch', 'pope', 'theologian', 'statesman', 'stateswoman', 'admiral', 'explorer', 'sprinter', 'tennis', 'wrestler', 'skater', 'skier', 'commentator', 'columnist', 'broadcaster', 'disc', 'impressionist', 'violinist', 'keyboardist', 'organist', 'tenor', 'soprano', 'baritone', 'mezzo', 'choreographer', 'novelist', 'essayist', 'investor', 'philanthropist', 'banker', 'industrialist', 'socialite', 'supermodel', 'youtuber', 'dj', 'quarterback', 'linebacker', 'shortstop', 'goalkeeper', 'midfielder', 'defender', 'forward', 'striker', 'batsman', 'bowler'],
  organization: ['club', 'university', 'team', 'band', 'college', 'label', 'company', 'school', 'group', 'party', 'corporation', 'organization', 'organisation', 'studio', 'channel', 'network', 'airline', 'conglomerate', 'institution', 'agency', 'alliance', 'league', 'institute', 'academy', 'society', 'firm', 'subsidiary', 'duo', 'trio', 'quartet', 'supergroup', 'ensemble', 'orchestra', 'choir', 'conservatory', 'conservatoire', 'seminary', 'legislature', 'parliament', 'court', 'government', 'branch', 'forces', 'army', 'navy', 'department', 'ministry', 'newspaper', 'tabloid', 'magazine', 'chain', 'shipyard', 'federation', 'association', 'union', 'bank', 'manufacturer', 'retailer', 'automaker', 'carmaker', 'broadcaster', 'charity', 'foundation', 'council', 'committee', 'commission', 'insurer', 'supermarket', 'brewery', 'distillery', 'publisher'],
  place: ['city', 'county', 'seat', 'town', 'state', 'country', 'capital', 'province', 'republic', 'region', 'area', 'district', 'borough', 'municipality', 'prefecture', 'commune', 'island', 'territory', 'neighborhood', 'neighbourhood', 'comune', 'kingdom', 'nation', 'monarchy', 'canton', 'river', 'continent', 'suburb', 'township', 'voivodeship', 'archipelago', 'ocean', 'sea', 'metropolis', 'settlement', 'coast', 'principality', 'village', 'hamlet', 'emirate', 'sultanate', 'oblast', 'krai', 'governorate', 'department', 'parish', 'peninsula', 'desert', 'mountain', 'lake', 'valley', 'stadium', 'arena', 'cemetery', 'airport', 'park', 'islands', 'mountains', 'federation', 'metropolitan', 'community', 'empire'],
  event: ['war', 'games', 'edition', 'conflict', 'invasion', 'election', 'championship', 'championships', 'tournament', 'festival', 'battle', 'revolution', 'uprising', 'massacre', 'olympics', 'olympiad', 'ceremony', 'referendum', 'attack', 'attacks', 'bombing', 'disaster', 'earthquake', 'tsunami', 'hurricane', 'pandemic', 'epidemic', 'summit', 'coup', 'genocide', 'siege', 'riots', 'protests'],
};

/** Heads whose type depends on words around them; settled by `typeFromDescription` itself. */
const AMBIGUOUS_HEADS = new Set(['producer', 'broadcaster', 'department', 'federation', 'publisher', 'community', 'empire', 'union', 'group', 'branch', 'area', 'network']);

const HEAD_TYPE = new Map<string, KbType>();
for (const [type, heads] of Object.entries(HEADS) as Array<[KbType, string[]]>) for (const head of heads) if (!AMBIGUOUS_HEADS.has(head)) HEAD_TYPE.set(head, type);

/** Heads of things Gloss does not mark: a description ending in one of these types nothing. */
const NOT_MARKED = new Set(['film', 'films', 'movie', 'album', 'song', 'single', 'series', 'award', 'awards', 'prize', 'genre', 'subgenre', 'instrument', 'language', 'sport', 'game', 'novel', 'book', 'play', 'musical', 'painting', 'species', 'breed', 'genus', 'disease', 'cancer', 'compound', 'element', 'profession', 'occupation', 'degree', 'position', 'rank', 'style', 'term', 'type', 'form', 'concept', 'ideology', 'religion', 'sitcom', 'miniseries', 'show', 'program', 'programme', 'drama', 'documentary', 'episode', 'character', 'franchise', 'format', 'software', 'system', 'discipline', 'music', 'technique', 'process', 'condition', 'disorder', 'currency', 'title', 'decoration', 'medal', 'trophy', 'soundtrack', 'anthology', 'manga', 'anime', 'opera', 'work', 'works', 'sculpture', 'video', 'console', 'car', 'aircraft', 'ship', 'vessel', 'weapon', 'rifle', 'tank', 'brand', 'product', 'drink', 'beverage', 'food', 'dish', 'ingredient', 'plant', 'animal', 'mineral', 'chemical', 'drug', 'medication', 'study', 'science', 'field', 'theory', 'method', 'practice', 'technology', 'holiday', 'day', 'month', 'season']);

/** Where the head-bearing part of a description ends ("American actress | in ...", "club | based in ..."). */
const CLAUSE_END = /\b(?:in|of|from|based|by|for|that|which|who|whose|with|located|representing|on|at|between|during|where|to|known|founded|since|near|serving|covering|owned|operated|headquartered)\b|[;(:–—]/;

/**
 * The head noun of a description, lower-cased: the last word of its first clause that names a
 * kind of thing ("American film and television producer" → producer; "1998 film by Alan Parker"
 * → film); "" when there is none.
 */
export function descriptionHead(description: string): string {
  const clause = description.toLowerCase().split(CLAUSE_END)[0]!;
  const words = clause.split(/[^\p{L}]+/u).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (HEAD_TYPE.has(w) || AMBIGUOUS_HEADS.has(w) || NOT_MARKED.has(w)) return w;
  }
  return '';
}

/** The type a description implies by its head noun, or null when it cannot be told with confidence. */
export function typeFromDescription(description: string | undefined): KbType | null {
  if (!description) return null;
  const text = description.toLowerCase();
  const head = descriptionHead(text);
  if (NOT_MARKED.has(head)) return null;
  const known = HEAD_TYPE.get(head);
  if (known) return known;
  switch (head) {
    case 'producer':
      return /(?<!\b(record|film|music|television|tv|theatre|theater|executive|movie|stage|video|game)) producers? of\b/.test(text) ? 'organization' : 'person';
    case 'broadcaster':
    case 'publisher':
      return /\b(public|service|company|corporation|network|national|state|house|group)\b/.test(text) ? 'organization' : 'person';
    case 'department':
      return /\b(government|federal|executive|ministry|police|fire)\b/.test(text) ? 'organization' : /\bof (france|colombia|uruguay|paraguay|bolivia|peru|honduras|guatemala)\b/.test(text) || /\bfrench\b/.test(text) ? 'place' : null;
    case 'federation':
      return /\b(country|state|sovereign)\b/.test(text) ? 'place' : 'organization';
    case 'union':
      return /\b(trade|labor|labour|political|economic|football|rugby|credit|student)\b/.test(text) ? 'organization' : null;
    case 'community':
      return /\b(unincorporated|census|rural|urban)\b/.test(text) ? 'place' : null;
    case 'group':
      if (/\bgroup of (islands|islets|atolls|lakes|mountains)\b/.test(text)) return 'place';
      return /\b(ethnic|language|age|blood|functional|chemical|taxonomic|indigenous|people|peoples|tribe|stars|galaxies)\b/.test(text) ? null : 'organization';
    case 'branch':
      return /\b(military|armed|service|army|navy|air force|coast guard)\b/.test(text) ? 'organization' : null;
    case 'area':
      return /\b(metropolitan|urban|census|statistical|local government|council|unincorporated|municipal|administrative|protected|wilderness|conservation)\b/.test(text) ? 'place' : null;
    case 'network':
      return /\b(television|tv|radio|broadcast|broadcasting|cable|news|sports)\b/.test(text) ? 'organization' : null;
    case 'empire':
      return /\b(media|business|publishing)\b/.test(text) ? null : 'place';
    default:
      return null;
  }
}

/** Whether a description names a thing Gloss does not mark ("Horse breed", "1998 film by ..."), whatever list it is in. */
export function describesUnmarked(description: string | undefined): boolean {
  return !!description && NOT_MARKED.has(descriptionHead(description));
}
