/**
 * Folding and tokenising shared by every dedup signal, so that an alias, a verb form and a
 * statement word are compared in one form: lower case, no diacritics (ä→a, ë→e), ß→ss.
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
