/** A time expression: UTF-16 span and its ISO 8601 value, when the publication date allows. */
export interface DateCandidate {
  start: number;
  end: number;
  value: string | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 2] };

const S = '(?:[ \\t\\u00a0]+|\\r?\\n(?![ \\t]*\\r?\\n))';
const MONTH = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)`;
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';
const REL_UNIT = '(?:week|month|year|decade|century|weekend|spring|summer|autumn|fall|winter|morning|afternoon|evening|night)';

/** Time-expression patterns, most specific first; the `i` flag is not used so that "May" the month and "may" the verb stay apart. */
const PATTERNS: RegExp[] = [
  // ISO and numeric dates.
  /\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/,
  // November 18 and 19 of last year; September 13, 2023; 13 September 2023
  new RegExp(`\\b${MONTH}${S}${DAY}(?:${S}(?:and|to|-|–)${S}?${DAY})?(?:,?${S}${YEAR}|${S}of${S}(?:last|this|next)${S}year)?\\b`),
  new RegExp(`\\b${DAY}(?:${S}(?:and|to|-|–)${S}?${DAY})?${S}${MONTH}(?:,?${S}${YEAR})?\\b`),
  // April 2019; early 2020; the 1990s; 1950-53
  new RegExp(`\\b(?:(?:early|mid|late)-?${S}?)?${MONTH}${S}${YEAR}\\b`),
  /\b(?:1[5-9]\d\d|20\d\d)[-–](?:\d\d|1[5-9]\d\d|20\d\d)\b(?![-–]\d)/,
  /\b(?:1[5-9]|20)\d0s\b/,
  // A year alone, not a count ("2019", not "2,019" or "2019 people" is still a year).
  /(?<![\d,.$£€-])\b(?:1[6-9]\d\d|20\d\d)\b(?![\d,.]\d|%|[-–]\d)/,
  // Relative expressions.
  new RegExp(`\\b(?:[Tt]his|THIS|[Ll]ast|LAST|[Nn]ext|NEXT)${S}${REL_UNIT}\\b`),
  new RegExp(`\\b(?:[Ll]ast|[Nn]ext|[Tt]his)${S}(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b`),
  new RegExp(`\\b(?:[Rr]ecent${S}(?:days|weeks|months|years)|(?:the${S})?(?:past|last)${S}(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|few|several)${S}(?:days|weeks|months|years|decades))\\b`),
  new RegExp(`\\b(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|\\d+)${S}(?:week|month|year|day|decade)s?${S}ago\\b`),
  /\b(?:[Yy]esterday|YESTERDAY|[Tt]oday|TODAY|[Tt]omorrow|TOMORROW|[Tt]onight)\b/,
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b/,
  // A month alone, after a word that makes it a date ("in July", "since February").
  new RegExp(`(?<=\\b(?:in|In|since|Since|by|until|till|from|From|early|late|mid|last|next|this|of|through|during|before|after)${S})(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b`),
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  const abbr = MONTH_ABBR.indexOf(w.slice(0, 3));
  return abbr >= 0 ? abbr + 1 : 0;
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Resolves a time expression to ISO 8601 (a date, a month, a year or an interval `a/b`),
 * using the publication date for relative expressions; null when it cannot.
 */
export function resolveDate(expression: string, published: string | null): string | null {
  const e = expression.replace(/\s+/g, ' ').trim();
  const lower = e.toLowerCase();
  const pub = published ? new Date(`${published}T00:00:00Z`) : null;
  const pubYear = pub?.getUTCFullYear() ?? null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(e))) return e;
  if ((m = /^(\d{4})[-–](\d{2,4})$/.exec(e))) {
    const a = m[1]!;
    const b = m[2]!.length === 2 ? a.slice(0, 2) + m[2] : m[2]!;
    return `${a}/${b}`;
  }
  if ((m = /^(\d{3})0s$/.exec(e))) return `${m[1]}0/${m[1]}9`;
  if ((m = /^(\d{4})$/.exec(e))) return e;
  const monthWord = new RegExp(`^(?:(early|mid|late)-? ?)?(${MONTH}) (\\d{4})$`).exec(e);
  if (monthWord) return `${monthWord[3]}-${pad(monthIndex(monthWord[2]!))}`;
  const dayMonth = new RegExp(`^(?:(${MONTH}) (\\d{1,2})(?:st|nd|rd|th)?(?: (?:and|to|-|–) ?(\\d{1,2})(?:st|nd|rd|th)?)?|(\\d{1,2})(?:st|nd|rd|th)?(?: (?:and|to|-|–) ?(\\d{1,2})(?:st|nd|rd|th)?)? (${MONTH}))(?:,? (\\d{4})| of (last|this|next) year)?$`).exec(e);
  if (dayMonth) {
    const month = monthIndex(dayMonth[1] ?? dayMonth[6]!);
    const d1 = Number(dayMonth[2] ?? dayMonth[4]);
    const d2 = dayMonth[3] ?? dayMonth[5];
    let year: number | null = dayMonth[7] ? Number(dayMonth[7]) : null;
    if (!year && dayMonth[8] && pubYear) year = pubYear + (dayMonth[8] === 'last' ? -1 : dayMonth[8] === 'next' ? 1 : 0);
    if (!year && pub && pubYear) year = month > pub.getUTCMonth() + 1 + 1 ? pubYear - 1 : pubYear;
    if (!year) return null;
    const first = `${year}-${pad(month)}-${pad(d1)}`;
    return d2 ? `${first}/${year}-${pad(month)}-${pad(Number(d2))}` : first;
  }
  if (!pub || pubYear === null) return null;
  const pubMonth = pub.getUTCMonth() + 1;
  const shift = (days: number): string => isoDay(new Date(pub.getTime() + days * 86400000));
  if (/^(yesterday)$/.test(lower)) return shift(-1);
  if (/^(today|tonight)$/.test(lower)) return shift(0);
  if (/^tomorrow$/.test(lower)) return shift(1);
  const weekday = /^(?:(last|this|next) )?(\w+?)s?$/.exec(lower);
  const day = weekday ? DAYS.indexOf(weekday[2]!) : -1;
  if (weekday && day >= 0) {
    const back = (pub.getUTCDay() - day + 7) % 7;
    if (weekday[1] === 'next') return shift(((day - pub.getUTCDay() + 7) % 7) || 7);
    if (weekday[1] === 'last') return shift(-(back || 7));
    return shift(-back);
  }
  if ((m = /^(?:(earlier|later) )?(this|last|next) (\w+)$/.exec(lower))) {
    const which = m[2]!;
    const unit = m[3]!;
    const delta = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    if (unit === 'year') return String(pubYear + delta);
    if (unit === 'month') {
      const d = new Date(Date.UTC(pubYear, pubMonth - 1 + delta, 1));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    }
    if (unit === 'week') {
      const monday = shift(-((pub.getUTCDay() + 6) % 7) + 7 * delta);
      const sunday = isoDay(new Date(new Date(`${monday}T00:00:00Z`).getTime() + 6 * 86400000));
      return `${monday}/${sunday}`;
    }
    if (unit === 'decade') return `${Math.floor(pubYear / 10) * 10 + 10 * delta}/${Math.floor(pubYear / 10) * 10 + 10 * delta + 9}`;
    const season = SEASONS[unit];
    if (season) {
      const year = pubYear + delta;
      return season[0] > season[1] ? `${year}-12/${year + 1}-02` : `${year}-${pad(season[0])}/${year}-${pad(season[1])}`;
    }
    if (['morning', 'afternoon', 'evening', 'night', 'weekend'].includes(unit)) return delta === 0 ? shift(0) : null;
    return null;
  }
  if ((m = /^(a|one|two|three|four|five|six|\d+) (week|month|year|day|decade)s? ago$/.exec(lower))) {
    const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
    const n = words[m[1]!] ?? Number(m[1]);
    const unit = m[2]!;
    if (unit === 'year') return String(pubYear - n);
    if (unit === 'decade') return String(pubYear - 10 * n);
    if (unit === 'month') {
      const d = new Date(Date.UTC(pubYear, pubMonth - 1 - n, 1));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    }
    return shift(-(unit === 'week' ? 7 : 1) * n);
  }
  const month = monthIndex(lower);
  if (month && MONTHS.includes(lower)) return `${month > pubMonth ? pubYear - 1 : pubYear}-${pad(month)}`;
  return null;
}

/** Every time expression in a text (UTF-16 spans, longest first where two overlap). */
export function findDates(text: string, published: string | null): DateCandidate[] {
  const found: DateCandidate[] = [];
  for (const pattern of PATTERNS) {
    const global = new RegExp(pattern.source, 'gu');
    for (const m of text.matchAll(global)) {
      const start = m.index ?? 0;
      found.push({ start, end: start + m[0].length, value: null });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateCandidate[] = [];
  for (const c of found) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push({ ...c, value: resolveDate(text.slice(c.start, c.end), published) });
  }
  return kept;
}
