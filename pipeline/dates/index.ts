import * as chrono from 'chrono-node';
import type { DatePrecision, PublishedDate, SupportedLanguage } from '../../schemas/article.ts';
import type { ResolvedDate } from '../../schemas/claim.ts';

const NO_DATE: ResolvedDate = { date_start: null, date_end: null, date_precision: null };

/** A calendar range in UTC day numbers: what every way of reading a date expression comes down to. */
type Span = { start: Date; end: Date; precision: DatePrecision };
type Part = 'early' | 'mid' | 'late';
type Season = 'spring' | 'summer' | 'autumn' | 'winter';
/** Meteorological seasons, as news means them: the first month and how many follow. */
const SEASON_START: Readonly<Record<Season, number>> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

const DAY_MS = 86_400_000;
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const daySpan = (date: Date): Span => ({ start: date, end: date, precision: 'day' });
const monthSpan = (year: number, month: number): Span => ({
  start: utc(year, month, 1),
  end: utc(year, month, lastDayOf(year, month)),
  precision: 'month',
});
const yearSpan = (from: number, to = from): Span => ({
  start: utc(from, 1, 1),
  end: utc(to, 12, 31),
  precision: 'year',
});

/** Words per language, compiled once into the patterns below. */
const WORDS = {
  en: {
    months: [
      'january',
      'february',
      'march',
      'april',
      'may',
      'june',
      'july',
      'august',
      'september',
      'october',
      'november',
      'december',
    ],
    early: 'early|the beginning of|beginning of|the start of|start of|at the start of|at the beginning of',
    mid: 'mid|the middle of|middle of|in the middle of',
    late: 'late|the end of|end of|at the end of|towards the end of',
    week: 'week',
    month: 'month',
    year: 'year',
    last: 'last|past|previous|the past|the previous',
    self: 'this|the current',
    next: 'next|coming|the coming',
    through: 'and|to|until|till|through',
    seasons: { spring: 'spring', summer: 'summer', autumn: 'autumn|fall', winter: 'winter' },
  },
  nl: {
    months: [
      'januari',
      'februari',
      'maart',
      'april',
      'mei',
      'juni',
      'juli',
      'augustus',
      'september',
      'oktober',
      'november',
      'december',
    ],
    early: 'begin|aan het begin van|het begin van|begin van|start van|vroeg in',
    mid: 'half|medio|midden|halverwege',
    late: 'eind|einde|eind van|einde van|aan het eind van|aan het einde van|laat in',
    week: 'week',
    month: 'maand',
    year: 'jaar',
    last: 'afgelopen|vorige|vorig|verleden|voorbije',
    self: 'deze|dit|lopende',
    next: 'volgende|volgend|komende|aankomende',
    through: 'en|tot en met|tot|t/m',
    seasons: { spring: 'voorjaar|lente', summer: 'zomer', autumn: 'najaar|herfst', winter: 'winter' },
  },
  de: {
    months: [
      'januar',
      'februar',
      'märz',
      'april',
      'mai',
      'juni',
      'juli',
      'august',
      'september',
      'oktober',
      'november',
      'dezember',
    ],
    early: 'anfang|beginn|zu beginn|zu anfang|am anfang',
    mid: 'mitte',
    late: 'ende|am ende|gegen ende',
    week: 'woche',
    month: 'monat|monats',
    year: 'jahr|jahres|jahrs',
    last: 'letzte|letzten|letzter|letztes|vergangene|vergangenen|vergangenes|vorige|vorigen|voriges',
    self: 'diese|diesen|dieser|dieses|diesem|laufenden|des',
    next: 'nächste|nächsten|nächstes|kommende|kommenden|kommendes',
    through: 'und|bis zum|bis zur|bis',
    seasons: {
      spring: 'frühjahr|frühjahrs|frühling|frühlings',
      summer: 'sommer|sommers',
      autumn: 'herbst|herbstes',
      winter: 'winter|winters',
    },
  },
} as const;

const ABBREVIATED_MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mrt: 3,
  mar: 3,
  mär: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  dec: 12,
  dez: 12,
};

/** Dutch writes decades as words: "de jaren negentig". */
const DUTCH_DECADES: Readonly<Record<string, number>> = {
  twintig: 20,
  dertig: 30,
  veertig: 40,
  vijftig: 50,
  zestig: 60,
  zeventig: 70,
  tachtig: 80,
  negentig: 90,
};

type Patterns = {
  part: { part: Part; pattern: RegExp }[];
  week: RegExp;
  /** A season's name, and a year written after it ("im Sommer 2021"). */
  season: RegExp;
  seasons: Map<string, Season>;
  month: RegExp;
  year: RegExp;
  monthName: RegExp;
  months: Map<string, number>;
  /** Which way a relative word points: "last" -1, "next" 1; "this" is not in it. */
  direction: Map<string, -1 | 1>;
  /** The word between the two ends of a range ("June to August", "3.–7. April"). */
  through: RegExp;
  parser: chrono.Chrono;
};

const alternation = (words: string) =>
  words
    .split('|')
    .sort((a, b) => b.length - a.length)
    .join('|');

function compile(language: SupportedLanguage): Patterns {
  const w = WORDS[language];
  const months = new Map<string, number>(w.months.map((name, i) => [name, i + 1]));
  for (const [abbreviation, month] of Object.entries(ABBREVIATED_MONTHS))
    if (!months.has(abbreviation)) months.set(abbreviation, month);
  const monthAlternation = [...months.keys()].sort((a, b) => b.length - a.length).join('|');
  const relative = (unit: string) =>
    new RegExp(
      `(?:^|\\s)(${alternation(w.last)}|${alternation(w.self)}|${alternation(w.next)})\\s+(?:${unit})\\b`,
      'iu',
    );
  return {
    part: (['early', 'mid', 'late'] as const).map((part) => ({
      part,
      pattern: new RegExp(`(?:^|\\s|\\()(?:${alternation(w[part])})(?:\\s+|-)(?=\\S)`, 'iu'),
    })),
    week: relative(w.week),
    season: new RegExp(
      `(?:(${alternation(w.last)}|${alternation(w.self)}|${alternation(w.next)})\\s+)?\\b(${Object.values(w.seasons).join('|')})\\b(?:\\s+(\\d{4})\\b)?`,
      'iu',
    ),
    seasons: new Map(
      (Object.entries(w.seasons) as [Season, string][]).flatMap(([season, names]) =>
        names.split('|').map((name) => [name, season] as const),
      ),
    ),
    month: relative(w.month),
    year: relative(w.year),
    monthName: new RegExp(
      `(?:(\\d{1,2})\\.?\\s+)?\\b(${monthAlternation})\\b\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b,?)?(?:\\s+(\\d{4})\\b)?`,
      'iu',
    ),
    months,
    direction: new Map<string, -1 | 1>([
      ...w.next.split('|').map((word) => [word, 1] as const),
      ...w.last.split('|').map((word) => [word, -1] as const),
    ]),
    through: new RegExp(`\\s+(?:${alternation(w.through)})\\s+|\\s*[–—]\\s*|\\s+-\\s+`, 'giu'),
    parser: language === 'nl' ? chrono.nl.casual : language === 'de' ? chrono.de.casual : chrono.en.casual,
  };
}

const PATTERNS: Record<SupportedLanguage, Patterns> = { en: compile('en'), nl: compile('nl'), de: compile('de') };

const DECADE = /\b(1[5-9]|20)(\d)0(?:er|s|'s|-er)?\b(?:\s*(?:jahren?|jaren))?/iu;
const DUTCH_DECADE = new RegExp(`jaren\\s+(?:'|’)?(${Object.keys(DUTCH_DECADES).join('|')}|\\d0)\\b`, 'iu');
const NUMERIC_DAY = /\b(\d{1,2})[./-](\d{1,2})[./-]?(\d{4})?(?!\d)/u;
const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/u;

const which = (match: RegExpExecArray, p: Patterns): -1 | 0 | 1 => p.direction.get((match[1] ?? '').toLowerCase()) ?? 0;

function nearestYear(month: number, day: number, ref: Date): number {
  const year = ref.getUTCFullYear();
  const candidates = [year - 1, year, year + 1];
  const distance = (y: number) => Math.abs(utc(y, month, day).getTime() - ref.getTime());
  return candidates.reduce((best, y) => (distance(y) < distance(best) ? y : best));
}

/**
 * A season as three months: of the year written, else the one nearest the reference ("im
 * Frühjahr" in an August article is this year's spring), moved a year by "last" or "next".
 */
function seasonSpan(season: Season, match: RegExpExecArray, p: Patterns, ref: Date): Span {
  const first = SEASON_START[season];
  const span = (year: number): Span => {
    const last = first + 2;
    const endYear = year + Math.floor((last - 1) / 12);
    const endMonth = ((last - 1) % 12) + 1;
    return {
      start: utc(year, first, 1),
      end: utc(endYear, endMonth, lastDayOf(endYear, endMonth)),
      precision: 'month',
    };
  };
  if (match[3]) return span(Number(match[3]));
  const middle = (year: number) => (span(year).start.getTime() + span(year).end.getTime()) / 2;
  const year = ref.getUTCFullYear();
  let nearest = [year - 1, year, year + 1].reduce((best, y) =>
    Math.abs(middle(y) - ref.getTime()) < Math.abs(middle(best) - ref.getTime()) ? y : best,
  );
  const direction = p.direction.get((match[1] ?? '').toLowerCase()) ?? 0;
  if (direction < 0 && span(nearest).end >= ref) nearest -= 1;
  if (direction > 0 && span(nearest).start <= ref) nearest += 1;
  return span(nearest);
}

/** One reading of the expression against one reference instant; null when nothing in it is a date. */
function spanAt(text: string, language: SupportedLanguage, ref: Date): Span | null {
  const p = PATTERNS[language];
  const decade = DECADE.exec(text);
  if (decade && /0(?:er|s|'s|-er)\b|jahren?|jaren/iu.test(decade[0])) {
    const start = Number(`${decade[1]}${decade[2]}0`);
    return yearSpan(start, start + 9);
  }
  const dutchDecade = language === 'nl' ? DUTCH_DECADE.exec(text) : null;
  if (dutchDecade) {
    const word = dutchDecade[1]!.toLowerCase();
    const start = 1900 + (DUTCH_DECADES[word] ?? Number(word));
    return yearSpan(start, start + 9);
  }
  const numeric = language !== 'en' ? NUMERIC_DAY.exec(text) : null;
  if (
    numeric &&
    Number(numeric[2]) >= 1 &&
    Number(numeric[2]) <= 12 &&
    Number(numeric[1]) >= 1 &&
    Number(numeric[1]) <= 31
  ) {
    const month = Number(numeric[2]);
    const day = Number(numeric[1]);
    return daySpan(utc(numeric[3] ? Number(numeric[3]) : nearestYear(month, day, ref), month, day));
  }
  const season = p.season.exec(text);
  if (season) return seasonSpan(p.seasons.get(season[2]!.toLowerCase())!, season, p, ref);
  const week = p.week.exec(text);
  if (week) {
    const monday = addDays(ref, -((ref.getUTCDay() + 6) % 7) + 7 * which(week, p));
    return { start: monday, end: addDays(monday, 6), precision: 'day' };
  }
  const parsed = p.parser.parse(text, { instant: ref, timezone: 0 })[0];
  if (parsed) {
    const c = parsed.start;
    const year = c.get('year')!;
    const month = c.get('month')!;
    if (c.isCertain('day') || c.isCertain('weekday')) return daySpan(utc(year, month, c.get('day')!));
    if (c.isCertain('month')) return monthSpan(year, month);
  }
  const relativeMonth = p.month.exec(text);
  if (relativeMonth) {
    const shifted = utc(ref.getUTCFullYear(), ref.getUTCMonth() + 1 + which(relativeMonth, p), 1);
    return monthSpan(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1);
  }
  const relativeYear = p.year.exec(text);
  if (relativeYear) return yearSpan(ref.getUTCFullYear() + which(relativeYear, p));
  const named = p.monthName.exec(text);
  if (named) {
    const month = p.months.get(named[2]!.toLowerCase())!;
    const day = Number(named[1] ?? named[3] ?? 0);
    const year = named[4] ? Number(named[4]) : nearestYear(month, day || 15, ref);
    if (day >= 1 && day <= lastDayOf(year, month)) return daySpan(utc(year, month, day));
    return monthSpan(year, month);
  }
  const year = YEAR.exec(text);
  return year ? yearSpan(Number(year[1])) : null;
}

/** "early", "mid" and "end of" narrow a month to a third of it, a year or decade to a third of it. */
function narrow(span: Span, part: Part | null): Span {
  if (!part || span.precision === 'day') return span;
  const days = Math.round((span.end.getTime() - span.start.getTime()) / DAY_MS) + 1;
  if (span.precision === 'month') {
    const [from, to] = part === 'early' ? [0, 9] : part === 'mid' ? [10, 19] : [20, days - 1];
    return { ...span, start: addDays(span.start, from), end: addDays(span.start, to) };
  }
  const startYear = span.start.getUTCFullYear();
  const years = span.end.getUTCFullYear() - startYear + 1;
  if (years === 1) {
    const [from, to] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
    return { start: utc(startYear, from, 1), end: utc(startYear, to, lastDayOf(startYear, to)), precision: 'month' };
  }
  const third = Math.floor(years / 3);
  const [from, to] =
    part === 'early' ? [0, third] : part === 'mid' ? [third, years - 1 - third] : [years - 1 - third, years - 1];
  return yearSpan(startYear + from, startYear + to);
}

function readOne(expression: string, language: SupportedLanguage, ref: Date): Span | null {
  let part: Part | null = null;
  let text = expression;
  for (const { part: name, pattern } of PATTERNS[language].part) {
    const match = pattern.exec(text);
    if (match) {
      part = name;
      text = text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length);
      break;
    }
  }
  const span = spanAt(text, language, ref);
  return span ? narrow(span, part) : null;
}

const PRECISION_ORDER: readonly DatePrecision[] = ['day', 'month', 'year'];
const coarser = (a: DatePrecision, b: DatePrecision) =>
  PRECISION_ORDER.indexOf(a) >= PRECISION_ORDER.indexOf(b) ? a : b;
/** A range's first end given as a bare day ("from 3 to 7 April", "vom 1. bis 7. Juni"). */
const BARE_DAY = /(?:^|\s)(\d{1,2})\.?$/u;
const FIRST_NUMBER = /\d{1,2}(?=\.?\s)/u;

/**
 * A range or list of dates ("between June and August", "von Anfang Juni bis Ende August", "in
 * juni, juli en augustus") spans its first end to its last, not only the first: read each end
 * on its own (so "Anfang" narrows only June) and join them. A first end that is a bare day
 * borrows the month of the last ("from 3 to 7 April").
 */
function readRange(expression: string, language: SupportedLanguage, ref: Date): Span | null {
  const through = PATTERNS[language].through;
  const cuts = [...expression.matchAll(through)];
  const cut = cuts[cuts.length - 1];
  if (cut?.index === undefined) return null;
  const firstText = expression.slice(0, cut.index);
  const lastText = expression.slice(cut.index + cut[0].length);
  const last = readOne(lastText, language, ref);
  if (!last) return null;
  const bareDay = BARE_DAY.exec(firstText);
  const first =
    bareDay && last.precision === 'day' && FIRST_NUMBER.test(lastText)
      ? readOne(lastText.replace(FIRST_NUMBER, bareDay[1]!), language, ref)
      : readOne(firstText, language, ref);
  if (!first || last.end < first.start) return null;
  return { start: first.start, end: last.end, precision: coarser(first.precision, last.precision) };
}

function read(expression: string, language: SupportedLanguage, ref: Date): Span | null {
  return readRange(expression, language, ref) ?? readOne(expression, language, ref);
}

const same = (a: Span | null, b: Span | null) =>
  a !== null && b !== null && a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();

const toResolved = (span: Span): ResolvedDate => ({
  date_start: iso(span.start),
  date_end: iso(span.end),
  date_precision: span.precision,
});

/**
 * Two instants that differ in year, month, day and weekday: an expression that reads the same against both is absolute.
 */
const PROBES = [utc(2001, 2, 3), utc(2013, 9, 24)] as const;

function resolveUncached(
  expression: string,
  language: SupportedLanguage,
  published: PublishedDate | undefined,
): ResolvedDate {
  if (!published) {
    const [a, b] = PROBES.map((probe) => read(expression, language, probe));
    return same(a!, b!) ? toResolved(a!) : NO_DATE;
  }
  const [year, month = 1, day = 1] = published.iso.split('-').map(Number) as [number, number?, number?];
  if (published.precision === 'day') {
    const span = read(expression, language, utc(year, month, day));
    return span ? toResolved(span) : NO_DATE;
  }
  // Known only to the month (or year): read against both ends of it; where the readings differ,
  // the date is only known as well as the publication date is.
  const first = published.precision === 'month' ? utc(year, month, 1) : utc(year, 1, 1);
  const last = published.precision === 'month' ? utc(year, month, lastDayOf(year, month)) : utc(year, 12, 31);
  const a = read(expression, language, first);
  const b = read(expression, language, last);
  if (!a || !b) return NO_DATE;
  if (same(a, b)) return toResolved(a);
  return toResolved({
    start: a.start < b.start ? a.start : b.start,
    end: a.end > b.end ? a.end : b.end,
    precision: published.precision,
  });
}

const cache = new Map<string, ResolvedDate>();
const CACHE_LIMIT = 20_000;

/**
 * The date as written, resolved against the publication date into an ISO range and a precision.
 * Without a publication date a relative expression keeps its text and gets no ISO date.
 */
export function resolveDate(
  expression: string | null,
  language: SupportedLanguage,
  published: PublishedDate | undefined,
): ResolvedDate {
  if (!expression || !expression.trim()) return NO_DATE;
  const isoDay = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(expression);
  if (isoDay) return { date_start: isoDay[0], date_end: isoDay[0], date_precision: 'day' };
  const key = `${language}\u0000${published?.iso ?? ''}\u0000${published?.precision ?? ''}\u0000${expression}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const resolved = resolveUncached(expression.normalize('NFC'), language, published);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, resolved);
  return resolved;
}
