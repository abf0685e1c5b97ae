/**
 * The records that flow between Gloss's pipeline stages.
 *
 * Each is described by a JSON Schema in `schemas/` (tests/schemas.test.ts keeps the two in step).
 * Every offset is a count of Unicode code points into the article's source text: the file decoded
 * as UTF-8 (or as the encoding its sidecar names), a leading byte-order mark removed, line endings as they are
 * (see ANNOTATION-GUIDELINES.md and https://www.w3.org/TR/annotation-model/#text-position-selector).
 */

/** A half-open range `[start, end)` of code points into an article's source text. */
export interface Span {
  /** First code point of the range. */
  start: number;
  /** Code point just past the range. */
  end: number;
}

/** What a block of an article is. */
export type BlockKind = 'kicker' | 'title' | 'standfirst' | 'byline' | 'caption' | 'paragraph';

/** One displayed block of an article (title, paragraph, caption…), located in the source text. */
export interface Block extends Span {
  /** The block's role in the article. */
  kind: BlockKind;
  /** Markup inside the block that the reader hides, such as the `[` and `](#)` of a dead link. */
  hidden: Span[];
}

/** Why ingest set a line aside. */
export type SetAsideReason =
  | 'navigation'
  | 'share-or-comment-prompt'
  | 'newsletter-prompt'
  | 'stray-symbol'
  | 'copyright'
  | 'read-time'
  | 'outlet-signature'
  | 'repeated-headline';

/** A line of the source that is not part of the article (boilerplate), kept with the reason. */
export interface SetAside extends Span {
  /** The line as it stands in the source. */
  text: string;
  /** Why it was set aside. */
  reason: SetAsideReason;
}

/** Encodings an article file may declare in its sidecar; `latin1` and `iso-8859-1` decode as `windows-1252`, as browsers do. */
export type ArticleEncoding = 'utf-8' | 'windows-1252' | 'latin1' | 'iso-8859-1';

/** Metadata the article text does not carry, from a sidecar `NAME.meta.json` or front matter. */
export interface ArticleMeta {
  /** Overrides the id made from the file's path under `seeds/`. */
  id?: string;
  /** The article's headline, when the text's first line is not it. */
  title?: string;
  /** The publication that ran the article. */
  outlet?: string;
  /** Publication date, `YYYY-MM-DD`. */
  published?: string;
  /** Author's name. */
  author?: string;
  /** Where the article was published. */
  url?: string;
  /** BCP 47 language tag; `en` when absent. */
  language?: string;
  /** How the file's bytes are decoded, when it is not UTF-8 (sidecar only: front matter is read after decoding). */
  encoding?: ArticleEncoding;
}

/** An ingested article: its source text and structure, with nothing annotated yet. */
export interface Article {
  /**
   * Stable, readable, unique slug used in URLs (`/articles/ID/`): the file's path under `seeds/`
   * slugified (`business/001.txt` → `business-001`) unless the sidecar or front matter sets `id`.
   */
  id: string;
  /** Path of the file within the seeds folder, folders separated by `/` (`business/001.txt`). */
  sourceFile: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  /** The source text every offset counts into. */
  text: string;
  /** Headline. */
  title: string;
  /** Subheading under the headline, or null. */
  standfirst: string | null;
  /** Byline line as written, or null. */
  byline: string | null;
  /** Author named by the byline or the metadata, or null. */
  author: string | null;
  /** Outlet, or null when unknown. */
  outlet: string | null;
  /** Publication date `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  /** Original URL, or null when unknown. */
  url: string | null;
  /** BCP 47 language tag. */
  language: string;
  /** The article's displayed blocks in source order. */
  blocks: Block[];
  /** Boilerplate lines set aside, in source order. */
  setAside: SetAside[];
  /** Words in the annotated blocks. */
  wordCount: number;
  /** The top-level folder of `seeds/` the file is in, as written (`business`), or null for a file directly in `seeds/`. */
  section: string | null;
  /** The id of the first article in path order whose decoded text is identical to this one's, or null. */
  duplicateOf: string | null;
}

/** The five entity types of the guidelines. */
export type EntityType = 'person' | 'organization' | 'place' | 'event' | 'date';

/** An entry of the knowledge base (`_data/entities.json`) or one generated for a new name. */
export interface Entity {
  /** Stable kebab-case id used in URLs (`/entities/ID/`). */
  id: string;
  /** Entity type; `date` is never a knowledge-base entry. */
  type: Exclude<EntityType, 'date'>;
  /** Canonical name. */
  label: string;
  /** Other names that refer to it in running text. */
  aliases: string[];
  /** Demonyms and modifier forms ("North Korean", "Soviet"). */
  adjectivals: string[];
  /** For a capital city, the id of the country it can stand for. */
  capitalOf?: string;
  /** One neutral line. */
  description: string;
  /** Wikidata QID, only where certain. */
  wikidata?: string;
  /** True when the annotator made this entry for a name the knowledge base lacks. */
  generated?: boolean;
  /** A person's surname ("Blair"): links only after the full name in the same article; never a given name. */
  partialAliases?: string[];
  /** Its names that are also ordinary English words ("Next", "Reading"): not to be linked on the name alone. */
  commonNames?: string[];
  /** A prior on the scale of Wikipedia sitelinks (see _data/kb/README.md): higher is better known. */
  popularity?: number;
  /** Which source file each field came from (`_data/kb/` entries; see _data/kb/README.md). */
  sources?: EntitySources;
}

/** The source of each field of a knowledge-base entity, by short source name ("fb15k", "places/items0"). */
export interface EntitySources {
  /** Where the type came from. */
  type: string;
  /** Where the label came from. */
  label: string;
  /** Where the description came from. */
  description?: string;
  /** Where the popularity came from. */
  popularity: string;
  /** Every source that gave an alias. */
  aliases?: string[];
}

/** How a mention names its entity. */
export type MentionForm = 'name' | 'adjectival';

/** One marked occurrence of an entity or date in an article. */
export interface Mention extends Span {
  /** Stable id, unique within the corpus (`m-ARTICLE-N`). */
  id: string;
  /** Article the mention is in. */
  articleId: string;
  /** Entity it refers to; null for a date. */
  entityId: string | null;
  /** Type of the mention. */
  type: EntityType;
  /** Name or adjectival form. */
  form: MentionForm;
  /** For a capital used for its government, the country id it stands for. */
  refersTo: string | null;
  /** For a date, its ISO 8601 value or interval, when it can be resolved. */
  value: string | null;
  /** The marked text. */
  exact: string;
  /** Up to 32 code points before the mention. */
  prefix: string;
  /** Up to 32 code points after the mention. */
  suffix: string;
  /** How it was found: `gazetteer`, `ner` (the recogniser), `ner:linked` (the recogniser, linked in context), `rule:date`, `rule:surname`, `curated`. */
  method: string;
  /** 0 to 1. */
  confidence: number;
  /** Knowledge-base entities the name could also be, most likely first: set when the link is uncertain or missing. */
  alternatives?: string[];
}

/** Whether a claim affirms or denies its proposition. */
export type Polarity = 'affirm' | 'deny';

/** A proposition the article attributes to a source other than its author. */
export interface Claim extends Span {
  /** Stable id, unique within the corpus (`c-ARTICLE-N`). */
  id: string;
  /** Article the claim is in. */
  articleId: string;
  /** The claim's sentence or clause. */
  exact: string;
  /** Up to 32 code points before the claim. */
  prefix: string;
  /** Up to 32 code points after the claim. */
  suffix: string;
  /** Who makes it, as written. */
  source: string;
  /** The source's entity, when it is one. */
  sourceEntityId: string | null;
  /** Reporting cue as written ("said", "according to", "quotation"). */
  cue: string;
  /** Whether the claim is a direct quotation. */
  quote: boolean;
  /** Affirmed or denied. */
  polarity: Polarity;
  /** Whether the proposition is modal or speculative. */
  hedged: boolean;
  /** Entities the claim's content names (not its source). */
  entityIds: string[];
  /** Cluster of the proposition it shares with other claims, or null. */
  clusterId: string | null;
  /** How it was found: `rule:quotation`, `rule:reporting-verb`, `rule:according-to`, `curated`. */
  method: string;
  /** 0 to 1. */
  confidence: number;
}

/** Claims from different articles that state the same proposition. */
export interface Cluster {
  /** Stable id (`k-…`). */
  id: string;
  /** Readable statement of the proposition. */
  label: string;
  /** Member claims, in corpus order. */
  claimIds: string[];
  /** How the cluster was formed: `similarity` or `curated`. */
  method: string;
}

/** Everything Gloss knows of one article: the article and its annotations. */
export interface AnnotationDocument {
  /** The ingested article. */
  article: Article;
  /** Entity and date mentions, sorted by start. */
  mentions: Mention[];
  /** Claims, sorted by start. */
  claims: Claim[];
}

/** A problem with an input file that the user can fix. */
export interface ContentProblem {
  /** Path of the file, relative to the project. */
  file: string;
  /** Where in the file: `line 3, column 5`, a JSON pointer, or an entry id; empty when the whole file. */
  position: string;
  /** What is wrong and how to fix it, as one sentence or two. */
  message: string;
  /** Whether the problem stops the build (errors) or is reported and the build goes on (warnings). */
  severity: 'error' | 'warning';
}

/** The whole annotated corpus, the input of render, index and export. */
export interface Corpus {
  /** Articles with their annotations, sorted by id. */
  documents: AnnotationDocument[];
  /** Every entity a mention or claim refers to (or offers as an alternative), sorted by id. */
  entities: Entity[];
  /** Claim clusters, sorted by id. */
  clusters: Cluster[];
  /** Warnings collected along the way (orphaned curation anchors and the like). */
  warnings: ContentProblem[];
}
