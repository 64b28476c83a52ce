import type { ArticleText } from '../../schemas/contradiction.ts';
import { NUMBERS } from './lexicon.ts';
import { nameStem } from './text.ts';

/** A text's figures and names, in the order they appear: what a translation keeps and a rewrite reorders. */
export type Anchors = { figures: string[]; names: string[]; sequence: string[] };

// "1.000" and "1,000", "7,5" and "7.5" are one figure in three languages' writing.
const FIGURE = /\d+(?:[.,]\d+)*/gu;
const WORD = /\p{L}[\p{L}'’-]*/gu;
const SENTENCE_START = /(?:^|[.!?:;„“"«»()\n]\s*)$/u;

/**
 * Figures, and capitalised words past a sentence's start (months and weekdays are not names),
 * cut to the stem `nameStem` gives, so "Deutschland"/"Deutsche" and "Justitie"/"Justice" meet.
 * German capitalises every noun, so its names are a superset: the checks below compare the
 * smaller set with the larger.
 */
export function anchorsOf(text: string): Anchors {
  const found: { at: number; anchor: string; figure: boolean }[] = [];
  for (const match of text.matchAll(FIGURE))
    found.push({ at: match.index, anchor: `#${match[0].replace(/[.,]/g, '')}`, figure: true });
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!/^\p{Lu}/u.test(word) || word.length < 2) continue;
    const lower = word.toLowerCase();
    if (NUMBERS.months.has(lower) || NUMBERS.weekdays.has(lower)) continue;
    if (SENTENCE_START.test(text.slice(Math.max(0, match.index - 3), match.index))) continue;
    found.push({ at: match.index, anchor: nameStem(word), figure: false });
  }
  found.sort((x, y) => x.at - y.at);
  return {
    figures: [...new Set(found.filter((item) => item.figure).map((item) => item.anchor))],
    names: [...new Set(found.filter((item) => !item.figure).map((item) => item.anchor))],
    sequence: found.map((item) => item.anchor),
  };
}

const sharedOf = (x: readonly string[], y: readonly string[]) => {
  const other = new Set(y);
  return x.filter((item) => other.has(item)).length;
};
const jaccardOf = (x: readonly string[], y: readonly string[]) => {
  const shared = sharedOf(x, y);
  const union = x.length + y.length - shared;
  return union === 0 ? 0 : shared / union;
};
/** Of the smaller set, the share the larger one keeps. */
const keptOf = (x: readonly string[], y: readonly string[]) => {
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  return small.length === 0 ? 0 : sharedOf(small, large) / small.length;
};

/** Longest common subsequence length, for whether shared anchors come in the same order. */
function commonOrder(x: readonly string[], y: readonly string[]): number {
  let previous = new Array<number>(y.length + 1).fill(0);
  for (const item of x) {
    const current = new Array<number>(y.length + 1).fill(0);
    for (let j = 0; j < y.length; j += 1)
      current[j + 1] = item === y[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!);
    previous = current;
  }
  return previous[y.length]!;
}

/** Only so many anchors are ordered: the order of a long article's first few hundred says enough. */
const ORDER_WINDOW = 400;

/** Whether the anchors both texts share come in nearly the same order (a translation's) rather than a rewrite's. */
function sameOrder(a: Anchors, b: Anchors): boolean {
  const both = new Set(a.sequence.filter((item) => b.sequence.includes(item)));
  const x = a.sequence.filter((item) => both.has(item)).slice(0, ORDER_WINDOW);
  const y = b.sequence.filter((item) => both.has(item)).slice(0, ORDER_WINDOW);
  const shorter = Math.min(x.length, y.length);
  return shorter > 0 && commonOrder(x, y) / shorter >= 0.8;
}

export type TranslationBar = { figures: number; names: number; anchors: number };
/** Whole articles: enough anchors that a second report of the same event rarely keeps them all, in order. */
export const ARTICLE_BAR: TranslationBar = { figures: 2, names: 3, anchors: 4 };
/** Two quotes are short: only many shared anchors say translation rather than "the same two names". */
export const QUOTE_BAR: TranslationBar = { figures: 3, names: 4, anchors: 5 };

/**
 * Whether two texts in different languages read as translations of each other: of similar
 * length, and either the same figures, or nearly all the names of the smaller set, or most of
 * both; in each case with the shared anchors in the same order. Two reports of one event share
 * names too, but rarely every figure, and rarely in the same order.
 */
export function readAsTranslation(
  a: { language: string; text: string },
  b: { language: string; text: string },
  bar: TranslationBar = ARTICLE_BAR,
): boolean {
  return (
    a.language !== b.language &&
    anchorsTranslate(
      { length: a.text.length, anchors: anchorsOf(a.text) },
      { length: b.text.length, anchors: anchorsOf(b.text) },
      bar,
    )
  );
}

type Read = { length: number; anchors: Anchors };

/** The test behind `readAsTranslation`, on anchors read once (an article meets many others). */
function anchorsTranslate(a: Read, b: Read, bar: TranslationBar): boolean {
  const [short, long] = a.length <= b.length ? [a.length, b.length] : [b.length, a.length];
  if (long === 0 || short / long < 0.6) return false;
  const [x, y] = [a.anchors, b.anchors];
  const figures = jaccardOf(x.figures, y.figures);
  const names = keptOf(x.names, y.names);
  const fewestFigures = Math.min(x.figures.length, y.figures.length);
  const fewestNames = Math.min(x.names.length, y.names.length);
  // A version that changes a figure is no longer a translation but a disagreement worth showing:
  // whatever else the two share, their figures must nearly all agree.
  const figuresAgree = Math.max(x.figures.length, y.figures.length) === 0 || (fewestFigures > 0 && figures >= 0.8);
  const agree =
    figuresAgree &&
    ((fewestFigures >= bar.figures && (fewestNames === 0 || names >= 0.5)) ||
      (fewestNames >= bar.names && names >= 0.8) ||
      (fewestFigures + fewestNames >= bar.anchors && names >= 0.6));
  return agree && sameOrder(x, y);
}

/** An unordered article pair, as the translation set holds it. */
export const translationKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

/**
 * The pairs of articles (by id, as `translationKey` spells them) that read as translations,
 * among the given pairs only: the caller asks about the articles its candidate pairs join.
 */
export function translationPairs(
  articles: readonly ArticleText[],
  pairs: Iterable<readonly [string, string]>,
): Set<string> {
  const byId = new Map(articles.map((article) => [article.article_id, article]));
  const read = new Map<string, Read>();
  const readOf = (article: ArticleText) =>
    read.get(article.article_id) ??
    read
      .set(article.article_id, { length: article.text.length, anchors: anchorsOf(article.text) })
      .get(article.article_id)!;
  const found = new Set<string>();
  const asked = new Set<string>();
  for (const [x, y] of pairs) {
    const key = translationKey(x, y);
    if (asked.has(key)) continue;
    asked.add(key);
    const a = byId.get(x);
    const b = byId.get(y);
    if (a && b && a.language !== b.language && anchorsTranslate(readOf(a), readOf(b), ARTICLE_BAR)) found.add(key);
  }
  return found;
}
