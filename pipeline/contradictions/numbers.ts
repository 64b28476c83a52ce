import { HEADS, NUMBERS, type Language, type Phrase } from './lexicon.ts';
import { englishBaseForm } from '../text/stem.ts';
import { phraseAt, phraseTokens } from '../text/words.ts';

export type Qualifier = 'exact' | 'about' | 'nearly' | 'more' | 'less';

/** One quantity as a text states it: "zo'n 700 mensen" is about 700 of unit people. */
export type Quantity = {
  value: number;
  /** canonical unit from the lexicon (percent, euro, users…), or null when the text names none we know */
  unit: string | null;
  /** the word after the number when no unit is known, for comparing within one language */
  noun: string | null;
  qualifier: Qualifier;
  text: string;
};

const NUMBER = /\d+(?:[.,]\d+)*/g;
const EXACT_TOLERANCE = 0.02;
const ABOUT_TOLERANCE = 0.15;

/** Reads "1.000", "7,5" and "1,000.5" the way the language writes them. */
export function parseLocaleNumber(literal: string, language: Language): number | null {
  const { decimal, group } = NUMBERS.locales[language] ?? NUMBERS.locales.en!;
  const separators = literal.match(/[.,]/g) ?? [];
  if (separators.length === 0) return Number(literal);
  const kinds = new Set(separators);
  if (kinds.size === 2) {
    const last = Math.max(literal.lastIndexOf('.'), literal.lastIndexOf(','));
    return Number(`${literal.slice(0, last).replace(/[.,]/g, '')}.${literal.slice(last + 1)}`);
  }
  const separator = separators[0]!;
  const groups = literal.split(separator);
  const looksGrouped = groups.slice(1).every((part) => part.length === 3);
  // "7,5" in an English text or "2.5" in a German one is still a decimal: only groups of three group.
  if ((separator === group && looksGrouped) || (separator !== decimal && looksGrouped && groups.length > 2))
    return Number(groups.join(''));
  if (groups.length === 2) return Number(`${groups[0]}.${groups[1]}`);
  return null;
}

const scaleOf = (token: string | undefined, language: Language): number | undefined => {
  if (!token) return undefined;
  for (const table of [NUMBERS.scales[language], NUMBERS.scales.en]) {
    const scale = table?.[token] ?? table?.[`${token}.`];
    if (scale) return scale;
  }
  return undefined;
};

/** How far past the number a unit may stand: "300 million daily meeting participants". */
const UNIT_LOOKAHEAD = 3;

function unitExactlyAt(after: readonly string[], index: number): { unit: string; width: number } | null {
  const two = after.slice(index, index + 2).join(' ');
  const twoUnit = NUMBERS.units.get(two);
  if (twoUnit && after.length >= index + 2) return { unit: twoUnit, width: 2 };
  const one = after[index];
  const oneUnit = one ? NUMBERS.units.get(one) : undefined;
  return oneUnit ? { unit: oneUnit, width: 1 } : null;
}

/** The unit right after the number, or a few adjectives later; never past a filler word or another number. */
function unitAt(after: readonly string[], index: number): { unit: string; width: number } | null {
  for (let skip = 0; skip < UNIT_LOOKAHEAD; skip += 1) {
    const word = after[index + skip];
    if (word === undefined || (skip > 0 && (HEADS.fillers.has(word) || /\d/.test(word)))) return null;
    const found = unitExactlyAt(after, index + skip);
    if (found) return { unit: found.unit, width: found.width + skip };
    if (skip === 0 && NUMBERS.units.has(word)) return null;
  }
  return null;
}

function qualifierBefore(before: readonly string[], language: Language): Qualifier {
  let best: { qualifier: Qualifier; length: number } | null = null;
  const tables: [Qualifier, Record<Language, Phrase[]>][] = [
    ['about', NUMBERS.qualifiers.about],
    ['nearly', NUMBERS.qualifiers.nearly],
    ['more', NUMBERS.qualifiers.more],
    ['less', NUMBERS.qualifiers.less],
  ];
  for (const [qualifier, table] of tables) {
    for (const phrase of table[language]) {
      const start = before.length - phrase.length;
      if (start >= 0 && phraseAt(before.slice(start), phrase).includes(0) && phrase.length > (best?.length ?? 0))
        best = { qualifier, length: phrase.length };
    }
  }
  return best?.qualifier ?? 'exact';
}

/**
 * The quantities a text states, read with the language's separators, scale words and units.
 * Dates, years and times are not quantities: "7 April", "2020" and "10:30" are skipped.
 */
export function parseQuantities(text: string, language: Language): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    const previous = text[start - 1] ?? ' ';
    const next = text[end] ?? ' ';
    if (/[\p{L}\p{N}\-_/:#]/u.test(previous) || next === ':' || /[\-_/]/.test(next)) continue;
    const value = parseLocaleNumber(match[0], language);
    if (value === null || !Number.isFinite(value)) continue;
    const before = phraseTokens(text.slice(Math.max(0, start - 40), start));
    const after = phraseTokens(text.slice(end, end + 48));
    const glued = /\p{L}/u.test(next);
    if (NUMBERS.months.has(after[0] ?? '') || NUMBERS.months.has(before.at(-1) ?? '')) continue;
    let index = 0;
    const scale = scaleOf(after[0], language);
    if (glued && !scale && !unitExactlyAt(after, 0)) continue;
    if (scale) index = 1;
    let unit: string | null = null;
    const currencyBefore = before.at(-1) && NUMBERS.units.get(before.at(-1)!);
    if (currencyBefore && ['euro', 'dollar', 'pound'].includes(currencyBefore)) unit = currencyBefore;
    const unitAfter = unitAt(after, index);
    if (!unit && unitAfter) unit = unitAfter.unit;
    const isYear = !scale && !unit && /^\d{4}$/.test(match[0]) && value >= 1900 && value <= 2100;
    if (isYear) continue;
    const nounToken = !unit ? after[index] : undefined;
    const noun =
      nounToken && /^\p{L}{3,}$/u.test(nounToken) && !HEADS.fillers.has(nounToken) ? englishBaseForm(nounToken) : null;
    const qualifier = qualifierBefore(currencyBefore ? before.slice(0, -1) : before, language);
    const consumed = index + (unitAfter && unit === unitAfter.unit ? unitAfter.width : 0);
    found.push({
      value: value * (scale ?? 1),
      unit,
      noun,
      qualifier,
      text: `${text.slice(start, end)}${surfaceWords(text.slice(end), consumed)}`,
    });
  }
  return found;
}

const SURFACE_WORD = /^\s?(?:[\p{L}\p{N}'’]+\.?|[%€$£])/u;

/** The next `count` words of the text as written, for quoting a quantity back to the reader. */
function surfaceWords(rest: string, count: number): string {
  let taken = '';
  for (let word = 0; word < count; word += 1) {
    const match = SURFACE_WORD.exec(rest.slice(taken.length));
    if (!match) break;
    taken += match[0];
  }
  return taken.replace(/\.$/, '');
}

/** The values a quantity allows, given rounding and its qualifier. */
export function interval(quantity: Quantity): [number, number] {
  const v = quantity.value;
  switch (quantity.qualifier) {
    case 'about':
      return [v * (1 - ABOUT_TOLERANCE), v * (1 + ABOUT_TOLERANCE)];
    case 'nearly':
      return [v * (1 - ABOUT_TOLERANCE), v];
    case 'more':
      return [v, Number.POSITIVE_INFINITY];
    case 'less':
      return [0, v];
    default:
      return [v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)];
  }
}

export function overlaps(a: Quantity, b: Quantity): boolean {
  const [aLow, aHigh] = interval(a);
  const [bLow, bHigh] = interval(b);
  return aLow <= bHigh && bLow <= aHigh;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about ',
  nearly: 'nearly ',
  more: 'more than ',
  less: 'less than ',
};

export function describeQuantity(quantity: Quantity): string {
  const v = quantity.value;
  const round = (x: number) => Number(x.toPrecision(4)).toString();
  const number = v >= 1e9 ? `${round(v / 1e9)} billion` : v >= 1e6 ? `${round(v / 1e6)} million` : round(v);
  const unit =
    quantity.unit === 'percent' ? '%' : quantity.unit ? ` ${quantity.unit}` : quantity.noun ? ` ${quantity.noun}` : '';
  return `${QUALIFIER_WORDS[quantity.qualifier]}${number}${unit}`;
}
