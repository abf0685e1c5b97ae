/**
 * Small English word lists that say what kind of name a word tends to head or open ("Labs",
 * "Terminals" end organisations; "Lake", "Gulf" open places; "Summit", "Cup" end events) or
 * announce ("President", "Mr"). The recogniser reads them as features of a word and its
 * neighbours, so a name it has never seen ("Nordhaven Terminals") is still typed by its head.
 */

const ORG_HEADS = ['academy', 'agency', 'airlines', 'airways', 'alliance', 'army', 'assembly', 'association', 'authority', 'bank', 'battalion', 'board', 'brigade', 'broadcasting', 'bureau', 'cartel', 'center', 'centre', 'chamber', 'club', 'coalition', 'college', 'commission', 'committee', 'company', 'congress', 'consortium', 'cooperative', 'corp', 'corporation', 'council', 'court', 'department', 'endowment', 'energy', 'exchange', 'fc', 'federation', 'forces', 'foundation', 'front', 'fund', 'gang', 'gmbh', 'group', 'guard', 'holdings', 'hospital', 'inc', 'industries', 'initiative', 'institute', 'institution', 'journal', 'laboratories', 'laboratory', 'labs', 'league', 'llc', 'lines', 'logistics', 'ltd', 'media', 'ministry', 'motors', 'movement', 'navy', 'network', 'news', 'observatory', 'office', 'organisation', 'organization', 'parliament', 'partners', 'party', 'pharmaceuticals', 'plc', 'police', 'ports', 'post', 'press', 'programme', 'regiment', 'school', 'secretariat', 'senate', 'service', 'services', 'shipping', 'society', 'syndicate', 'systems', 'technologies', 'telecom', 'terminals', 'times', 'tribunal', 'trust', 'union', 'university', 'workers'];
const ORG_OPENERS = ['academy', 'association', 'bank', 'board', 'church', 'college', 'council', 'court', 'department', 'federal', 'house', 'institute', 'league', 'ministry', 'museum', 'national', 'office', 'order', 'royal', 'school', 'society', 'union', 'university'];
const PLACE_HEADS = ['airport', 'avenue', 'basin', 'bay', 'border', 'bridge', 'canal', 'city', 'coast', 'county', 'crossing', 'delta', 'desert', 'district', 'gulf', 'harbor', 'harbour', 'highlands', 'island', 'islands', 'lake', 'mountain', 'mountains', 'municipality', 'oblast', 'ocean', 'peninsula', 'plain', 'port', 'prefecture', 'province', 'region', 'republic', 'river', 'sea', 'square', 'state', 'strait', 'straits', 'street', 'territory', 'valley'];
const PLACE_OPENERS = ['bay', 'cape', 'fort', 'gulf', 'isle', 'lake', 'lower', 'mount', 'port', 'river', 'saint', 'san', 'santa', 'sea', 'strait', 'upper'];
const EVENT_HEADS = ['awards', 'blockade', 'championship', 'championships', 'conference', 'convention', 'crisis', 'cup', 'earthquake', 'election', 'elections', 'epidemic', 'expo', 'festival', 'forum', 'games', 'genocide', 'hurricane', 'invasion', 'marathon', 'massacre', 'offensive', 'olympics', 'pandemic', 'protests', 'referendum', 'revolution', 'siege', 'strike', 'summit', 'symposium', 'tournament', 'uprising', 'walkout', 'war'];
const TITLES = ['admiral', 'ambassador', 'bishop', 'captain', 'chairman', 'chairwoman', 'chancellor', 'chief', 'coach', 'colonel', 'commissioner', 'deputy', 'detective', 'director', 'general', 'governor', 'imam', 'inspector', 'judge', 'justice', 'king', 'leader', 'manager', 'mayor', 'minister', 'officer', 'pope', 'premier', 'president', 'prince', 'princess', 'queen', 'rabbi', 'representative', 'secretary', 'senator', 'sergeant', 'spokesman', 'spokeswoman', 'spokesperson'];
const HONORIFICS = ['dame', 'dr', 'lady', 'lord', 'miss', 'mr', 'mrs', 'ms', 'mx', 'prof', 'professor', 'sir'];

const CUES = new Map<string, string>();
for (const [list, cue] of [[ORG_HEADS, 'org-head'], [PLACE_HEADS, 'place-head'], [EVENT_HEADS, 'event-head'], [ORG_OPENERS, 'org-opener'], [PLACE_OPENERS, 'place-opener'], [TITLES, 'title'], [HONORIFICS, 'honorific']] as const) {
  for (const word of list) CUES.set(word, CUES.has(word) ? `${CUES.get(word)}+${cue}` : cue);
}

/** What kind of name a word heads, opens or announces, or null. */
export function nameCue(norm: string): string | null {
  return CUES.get(norm.toLowerCase()) ?? null;
}
