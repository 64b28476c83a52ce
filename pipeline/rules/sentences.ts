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

/** Sentences of one paragraph-aware text; a line break always ends a sentence (headlines, list items). */
export function splitSentences(
  text: string,
  language: SupportedLanguage,
  abbreviations: ReadonlySet<string>,
  months: ReadonlySet<string>,
): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const pieces = [...SEGMENTERS[language].segment(line)].flatMap(splitBeforeLowQuote);
    let current = '';
    let currentStart = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (!current) currentStart = piece.index;
      current += piece.segment;
      const next = pieces[i + 1]?.segment;
      if (next !== undefined && /\.["'”’»)]*\s*$/u.test(current) && !endsSentence(current, next, abbreviations, months))
        continue;
      push(sentences, current, lineStart + currentStart);
      current = '';
    }
    if (current) push(sentences, current, lineStart + currentStart);
    lineStart += line.length + 1;
  }
  return sentences;
}

/** ICU does not break before the Dutch low opening quote: "blijft. ,,Wij heffen …" is two sentences. */
function splitBeforeLowQuote(piece: Intl.SegmentData): { segment: string; index: number }[] {
  const out: { segment: string; index: number }[] = [];
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
