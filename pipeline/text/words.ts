/**
 * Folding for comparison, shared by grounding, dedup and every signal that matches words across
 * spellings: lower case, no diacritics (ä→a, ë→e), ß→ss.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Folded word tokens, in order; apostrophes and hyphens split words ("Taiwan's" → taiwan, s). */
export function tokens(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Words written with a capital inside the text: names, which survive translation unchanged. */
export function nameTokens(text: string): string[] {
  const names: string[] = [];
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  words.forEach((word, index) => {
    if (index === 0 || !/^\p{Lu}/u.test(word)) return;
    for (const part of tokens(word)) if (part.length > 1) names.push(part);
  });
  return names;
}

/** Numbers may differ between reports of one event (a contradiction), so they never count; "g7" does. */
export const isNumberToken = (token: string) => /^\d/.test(token);

// Contradiction rules keep diacritics, apostrophe words ("don't") and currency and percent signs,
// because "€" against "$" or "isn't" against "is" is what they compare.
const PHRASE_TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[%€$£]/gu;

/** Lower-case words with typographic apostrophes folded, plus % € $ £ as tokens of their own. */
export function phraseTokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().replace(/’/g, "'").match(PHRASE_TOKEN) ?? [];
}

/** In a lexicon pattern, any one word; `phraseTokens()` never yields it, so plain phrases are unaffected. */
export const WILDCARD = '*';

/** Every start index where the phrase's tokens occur in a row (a `WILDCARD` token matches any word). */
export function phraseAt(haystack: readonly string[], phrase: readonly string[]): number[] {
  const found: number[] = [];
  if (phrase.length === 0) return found;
  for (let index = 0; index + phrase.length <= haystack.length; index += 1) {
    if (phrase.every((token, offset) => token === WILDCARD || haystack[index + offset] === token)) found.push(index);
  }
  return found;
}
