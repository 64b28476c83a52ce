import type { Grounding } from '../../schemas/claim.ts';
import { firstOccurrence } from '../text-search.ts';

/** The ground stage: where each quote stands in the text, and whether it carries its claim. */
export { alignmentKeepsMeaning, quoteSupports, type QuoteSurroundings } from './support.ts';

/** Quotes this close to a span of the text (token LCS, 0..1) are taken as that span, marked `fuzzy`. */
export const FUZZY_THRESHOLD = 0.8;

/** How many UTF-16 units a stored count of code points covers in `codePointOffsets`. */
const BLOCK = 1024;

/** Whether unit i is the second half of a surrogate pair: it is part of the code point before it. */
function isPairEnd(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xdc00 || code > 0xdfff || i === 0) return false;
  const before = text.charCodeAt(i - 1);
  return before >= 0xd800 && before <= 0xdbff;
}

/**
 * Code-point offsets, as SQLite's substr counts them; a UTF-16 index is off by one per emoji before it.
 * The count up to every BLOCK units is taken once, so each offset counts at most a block, not the text
 * before it: thousands of quotes in a megabyte article stay linear.
 */
function codePointOffsets(text: string): (utf16Index: number) => number {
  let blocks: Int32Array | undefined;
  const countIn = (from: number, to: number) => {
    let count = 0;
    for (let i = from; i < to; i++) if (!isPairEnd(text, i)) count++;
    return count;
  };
  return (utf16Index) => {
    if (!blocks) {
      blocks = new Int32Array(Math.floor(text.length / BLOCK) + 1);
      for (let b = 1; b < blocks.length; b++) blocks[b] = blocks[b - 1]! + countIn((b - 1) * BLOCK, b * BLOCK);
    }
    const block = Math.min(Math.floor(utf16Index / BLOCK), blocks.length - 1);
    return blocks[block]! + countIn(block * BLOCK, utf16Index);
  };
}

const SINGLE_QUOTES = /['‘’‚‛′`´]/u;
const DOUBLE_QUOTES = /["“”„‟″«»‹›]/u;
const DASHES = /[‐‑‒–—―−]/u;
// Soft hyphens and zero-width characters are invisible in print, so a model never copies them.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;

/** One code point as the normalised comparison sees it: '' drops it, ' ' is any run of spaces. */
function foldCodePoint(cp: string): string {
  if (INVISIBLE.test(cp)) return '';
  if (/\s/u.test(cp)) return ' ';
  if (SINGLE_QUOTES.test(cp)) return "'";
  if (DOUBLE_QUOTES.test(cp)) return '"';
  if (DASHES.test(cp)) return '-';
  if (cp === '…') return '...';
  return cp.toLowerCase();
}

/**
 * The text folded for comparison, with, for every UTF-16 unit of the folded string, the code-point
 * index in the original it came from; runs of whitespace collapse to one space.
 */
export type FoldedText = { folded: string; origin: number[]; codePoints: string[] };

export function foldText(text: string): FoldedText {
  const codePoints = Array.from(text);
  let folded = '';
  const origin: number[] = [];
  codePoints.forEach((cp, index) => {
    const piece = foldCodePoint(cp);
    if (piece === ' ' && (folded.endsWith(' ') || folded === '')) return;
    folded += piece;
    for (let k = 0; k < piece.length; k++) origin.push(index);
  });
  return { folded, origin, codePoints };
}

const foldQuote = (quote: string) => foldText(quote.normalize('NFC')).folded.trim();

function spanOf(
  codePoints: readonly string[],
  start: number,
  end: number,
  alignment: Grounding['alignment'],
  score: number,
): Grounding {
  return {
    char_start: start,
    char_end: end,
    quote: codePoints.slice(start, end).join(''),
    alignment,
    alignment_score: score,
  };
}

function exact(
  find: (quote: string) => number,
  codePoints: (utf16Index: number) => number,
  quote: string,
): Grounding | null {
  const index = find(quote);
  if (index < 0) return null;
  const start = codePoints(index);
  return {
    char_start: start,
    char_end: start + Array.from(quote).length,
    quote,
    alignment: 'exact',
    alignment_score: 1,
  };
}

function normalised(source: FoldedText, quote: string): Grounding | null {
  const needle = foldQuote(quote);
  if (!needle) return null;
  const index = source.folded.indexOf(needle);
  if (index < 0) return null;
  const start = source.origin[index]!;
  const end = source.origin[index + needle.length - 1]! + 1;
  return spanOf(source.codePoints, start, end, 'normalised', 1);
}

type Token = { word: string; start: number; end: number };

/** Words of the folded text with their code-point span in the original. */
function tokens(source: FoldedText): Token[] {
  const found: Token[] = [];
  for (const match of source.folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const first = match.index;
    const last = first + match[0].length - 1;
    found.push({ word: match[0], start: source.origin[first]!, end: source.origin[last]! + 1 });
  }
  return found;
}

/** LCS of each prefix of `window` with `quote`, in one pass: entry k is for the first k+1 words. */
function prefixLcs(window: readonly string[], quote: readonly string[]): number[] {
  const lengths: number[] = [];
  let previous = new Array<number>(quote.length + 1).fill(0);
  for (const word of window) {
    const row = [0];
    for (let j = 0; j < quote.length; j++)
      row.push(word === quote[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!));
    previous = row;
    lengths.push(row[quote.length]!);
  }
  return lengths;
}

/**
 * The window of the text's words most like the quote's words (Dice of their longest common
 * subsequence), trimmed to start and end on shared words. Paraphrase beyond the threshold fails.
 */
function fuzzy(source: FoldedText, textTokens: readonly Token[], quote: string, threshold: number): Grounding | null {
  const quoteWords = tokens(foldText(quote)).map((token) => token.word);
  if (quoteWords.length < 3) return null;
  const wanted = new Set(quoteWords);
  const minLength = Math.max(1, Math.floor(quoteWords.length * 0.75));
  const maxLength = Math.ceil(quoteWords.length * 1.25);
  // hits[i]: how many of the first i words of the text are quote words. A window's LCS is at most
  // its hits, so a window that could not beat the best so far, or the threshold, is not scored.
  const hits = [0];
  for (const token of textTokens) hits.push(hits.at(-1)! + (wanted.has(token.word) ? 1 : 0));
  let best: { score: number; from: number; to: number } | null = null;
  for (let from = 0; from < textTokens.length; from++) {
    if (!wanted.has(textTokens[from]!.word)) continue;
    const bound =
      (2 * (hits[Math.min(from + maxLength, textTokens.length)]! - hits[from]!)) / (minLength + quoteWords.length);
    if (bound < threshold || (best && bound <= best.score)) continue;
    const window = textTokens.slice(from, from + maxLength).map((token) => token.word);
    const lcs = prefixLcs(window, quoteWords);
    for (let length = minLength; length <= window.length; length++) {
      if (!wanted.has(window[length - 1]!)) continue;
      const score = (2 * lcs[length - 1]!) / (length + quoteWords.length);
      if (!best || score > best.score) best = { score, from, to: from + length };
    }
  }
  if (!best || best.score < threshold) return null;
  const start = textTokens[best.from]!.start;
  const end = textTokens[best.to - 1]!.end;
  return spanOf(source.codePoints, start, end, 'fuzzy', Math.round(best.score * 1000) / 1000);
}

/**
 * Finds the extractor's quotes in the stored article text: exactly, then with whitespace, quotes,
 * dashes and case folded, then as the most similar run of words above the threshold. Returns the
 * span as it stands in the text (code-point offsets), or null: a quote not in the text is not a claim.
 * The text is indexed, folded and split into words once, on the first quote that needs it, not per quote.
 */
export function quoteGrounder(text: string, threshold = FUZZY_THRESHOLD): (quote: string) => Grounding | null {
  const find = firstOccurrence(text);
  const codePoints = codePointOffsets(text);
  let source: FoldedText | undefined;
  let textTokens: Token[] | undefined;
  return (quote) => {
    const trimmed = quote.normalize('NFC').trim();
    if (!trimmed) return null;
    const found = exact(find, codePoints, trimmed);
    if (found) return found;
    source ??= foldText(text);
    return normalised(source, trimmed) ?? fuzzy(source, (textTokens ??= tokens(source)), trimmed, threshold);
  };
}

/** One quote in a text; for many quotes of one text, make one `quoteGrounder`. */
export const groundQuote = (text: string, quote: string, threshold = FUZZY_THRESHOLD): Grounding | null =>
  quoteGrounder(text, threshold)(quote);
