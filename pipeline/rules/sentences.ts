import type { SupportedLanguage } from '../../schemas/article.ts';

/** A sentence with UTF-16 offsets into the article text: `text.slice(start, end) === sentence.text`. */
export type Sentence = { text: string; start: number; end: number };

const SEGMENTERS: Record<SupportedLanguage, Intl.Segmenter> = {
  nl: new Intl.Segmenter('nl', { granularity: 'sentence' }),
  de: new Intl.Segmenter('de', { granularity: 'sentence' }),
  en: new Intl.Segmenter('en', { granularity: 'sentence' }),
};

const LAST_WORD = /([\p{L}\p{N}][\p{L}\p{N}.]*)\.["'”’»)]*\s*$/u;
const STARTS_LOWER = /^\s*["'„“‘«(]?[\p{Ll}\p{N}]/u;
const INITIAL = /^\p{Lu}$/u;
const ORDINAL = /^\d{1,2}$/;

/**
 * Whether a segment that ends in a full stop really ends a sentence. ICU breaks after "Dr." and
 * "z.B." before a capital; news text needs those joined, and "am 3. April" kept whole.
 */
function endsSentence(
  segment: string,
  next: string,
  abbreviations: ReadonlySet<string>,
  months: ReadonlySet<string>,
): boolean {
  const last = LAST_WORD.exec(segment);
  if (!last) return true;
  const word = last[1]!;
  const lower = word.toLowerCase();
  if (abbreviations.has(lower)) return false;
  if (INITIAL.test(word)) return false;
  // "U.S." and "d.w.z." are dotted abbreviations even when the list does not name them.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  const nextWord = /^\s*([\p{L}]+)/u.exec(next)?.[1]?.toLowerCase();
  if (ORDINAL.test(word) && nextWord !== undefined && months.has(nextWord)) return false;
  return !STARTS_LOWER.test(next);
}

/**
 * How much of a line ICU is given at once. Every segment ICU hands back carries its own copy of the
 * whole input, so segmenting a 1 MB line of 15,000 sentences in one go allocates 15 GB.
 */
const SEGMENT_WINDOW = 4096;

/** How much of the end of a sentence so far tells whether it ends there: an abbreviation is short. */
const TAIL = 120;

type Piece = { segment: string; index: number };

/**
 * ICU's sentence segments of one line, with offsets into it, found window by window. A break near
 * the end of a window can depend on text past it, so the last two segments of a window are found
 * again at the start of the next; a sentence longer than the window widens it until it ends.
 */
function* lineSegments(line: string, segmenter: Intl.Segmenter, window = SEGMENT_WINDOW): Generator<Piece> {
  let from = 0;
  let size = window;
  while (from < line.length) {
    let to = Math.min(line.length, from + size);
    if (to < line.length && /[\ud800-\udbff]/.test(line[to - 1]!)) to--;
    const whole = to === line.length;
    const pieces: Piece[] = [];
    for (const { segment, index } of segmenter.segment(line.slice(from, to))) {
      pieces.push({ segment, index: from + index });
      // A widened window only has to reach past its long sentence, not be segmented to its end.
      if (!whole && pieces.length > 2 && index >= window) break;
    }
    if (whole) return yield* pieces;
    if (pieces.length < 3) {
      size *= 2;
      continue;
    }
    yield* pieces.slice(0, -2);
    from = pieces.at(-2)!.index;
    size = window;
  }
}

/** Sentences of one paragraph-aware text; a line break always ends a sentence (headlines, list items). */
export function splitSentences(
  text: string,
  language: SupportedLanguage,
  abbreviations: ReadonlySet<string>,
  months: ReadonlySet<string>,
  window = SEGMENT_WINDOW,
): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    // The sentence being joined runs from `start` to the end of `piece`; only its `tail` is looked at, so
    // a run joined over thousands of "Dr." is neither copied nor scanned again at every piece.
    let start: number | undefined;
    let tail = '';
    let piece: Piece | undefined;
    for (const next of piecesOf(line, SEGMENTERS[language], window)) {
      if (piece) {
        start ??= piece.index;
        tail = (tail + piece.segment).slice(-TAIL);
        if (!/\.["'”’»)]*\s*$/u.test(tail) || endsSentence(tail, next.segment, abbreviations, months)) {
          push(sentences, line.slice(start, piece.index + piece.segment.length), lineStart + start);
          start = undefined;
          tail = '';
        }
      }
      piece = next;
    }
    if (piece) {
      start ??= piece.index;
      push(sentences, line.slice(start), lineStart + start);
    }
    lineStart += line.length + 1;
  }
  return sentences;
}

function* piecesOf(line: string, segmenter: Intl.Segmenter, window: number): Generator<Piece> {
  for (const segment of lineSegments(line, segmenter, window)) yield* splitBeforeLowQuote(segment);
}

/** ICU does not break before the Dutch low opening quote: "blijft. ,,Wij heffen …" is two sentences. */
function splitBeforeLowQuote(piece: Piece): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (const match of piece.segment.matchAll(/[.!?]["'”’»)]*\s+(?=,,\p{Lu})/gu)) {
    const end = match.index + match[0].length;
    out.push({ segment: piece.segment.slice(from, end), index: piece.index + from });
    from = end;
  }
  out.push({ segment: piece.segment.slice(from), index: piece.index + from });
  return out;
}

function push(sentences: Sentence[], segment: string, start: number): void {
  const leading = segment.length - segment.trimStart().length;
  const trimmed = segment.trim();
  if (!trimmed) return;
  sentences.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
}
