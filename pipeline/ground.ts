import type { Grounding } from '../schemas/claim.ts';

/** Code-point offsets, as SQLite's substr counts them; a UTF-16 index is off by one per emoji before it. */
export function codePointOffset(text: string, utf16Index: number): number {
  let count = 0;
  for (let i = 0; i < utf16Index; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < utf16Index) i++;
    count++;
  }
  return count;
}

/**
 * Finds the extractor's quote in the stored article text. Returns the span as it stands in the
 * text, or null when the quote is not there: such a claim is not a claim.
 */
export function groundQuote(text: string, quote: string): Grounding | null {
  const trimmed = quote.trim();
  if (!trimmed) return null;
  const index = text.indexOf(trimmed);
  if (index < 0) return null;
  const charStart = codePointOffset(text, index);
  return {
    char_start: charStart,
    char_end: charStart + [...trimmed].length,
    quote: trimmed,
    alignment: 'exact',
    alignment_score: 1,
  };
}
