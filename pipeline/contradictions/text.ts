/** Tokens and phrase matching shared by the contradiction rules; lower-case, typographic quotes folded. */

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[%€$£]/gu;

export function tokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().replace(/’/g, "'").match(TOKEN) ?? [];
}

/** In a lexicon pattern, any one word; `tokens()` never yields it, so plain phrases are unaffected. */
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

/** A crude English stem, enough to match "agencies"/"agency" and "banned"/"ban" in similarity checks. */
export function stem(token: string): string {
  if (token.length <= 3) return token;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('ing') && token.length > 5) return undouble(token.slice(0, -3));
  if (token.endsWith('ed') && token.length > 4) return undouble(token.slice(0, -2));
  if (token.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us')) return token.slice(0, -1);
  return token;
}

function undouble(root: string): string {
  return /([bdglmnprt])\1$/.test(root) ? root.slice(0, -1) : root;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** A short quoted excerpt for explanations. */
export const excerpt = (text: string, max = 80) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

/**
 * Names cut to a stem: "Germany"/"German", "Taiwan"/"Taiwanese", "Justitie"/"Justice" meet; "Germany"/"Netherlands" do
 * not.
 */
export const nameStem = (word: string) =>
  word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .slice(0, 5);
