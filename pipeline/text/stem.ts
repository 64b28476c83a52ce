import type { SupportedLanguage } from '../../schemas/article.ts';

/**
 * Light suffix stripping per language: enough to make "bans/banned/banning" or
 * "onderzoekers/onderzoeker" meet, never a full morphology. Input is folded (see words.ts).
 */
export function stem(token: string, language: SupportedLanguage): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  switch (language) {
    case 'en':
      return stemEnglish(token);
    case 'nl':
      return undouble(stripFirst(token, ['heden', 'ingen', 'ing', 'en', 'ers', 'er', 'es', 'e', 's']));
    case 'de':
      return stripFirst(token, ['ungen', 'ung', 'ern', 'em', 'en', 'er', 'es', 'e', 's', 'n']);
  }
}

function stripFirst(token: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (token.endsWith(suffix) && token.length - suffix.length >= 3) return token.slice(0, -suffix.length);
  }
  return token;
}

const undouble = (token: string) => (/([^aeioulsz])\1$/.test(token) ? token.slice(0, -1) : token);

function stemEnglish(word: string): string {
  let token = word;
  if (token.endsWith('ies') && token.length > 4) token = `${token.slice(0, -3)}y`;
  else if (token.endsWith('sses')) token = token.slice(0, -2);
  else if (token.endsWith('s') && !/(ss|us|is)$/.test(token)) token = token.slice(0, -1);
  if (token.endsWith('ied') && token.length > 4) token = `${token.slice(0, -3)}y`;
  else if (token.endsWith('ed') && token.length > 4) token = undouble(token.slice(0, -2));
  else if (token.endsWith('ing') && token.length > 4) token = undouble(token.slice(0, -3));
  if (token.endsWith('ly') && token.length > 5) token = token.slice(0, -2);
  if (token.endsWith('e') && token.length > 3) token = token.slice(0, -1);
  if (token.endsWith('y') && token.length > 3) token = `${token.slice(0, -1)}i`;
  return token;
}

/** Inflection-tolerant equality by shared prefix: "banned" ~ "ban", "Amtes" ~ "Amt", "schools" ~ "school". */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return true;
  let shared = 0;
  while (shared < short.length && short[shared] === long[shared]) shared++;
  return shared >= 4 && shared >= short.length * 0.6;
}

/** German and Dutch participles put ge- before the stem: "geschlossen" is a form of "schließen"'s family. */
export const withoutParticiplePrefix = (word: string) =>
  word.length > 5 && word.startsWith('ge') ? word.slice(2) : word;

/**
 * English inflection taken off to find a dictionary form: "agencies" → agency, "banned" → ban, "agrees" →
 * agree. Unlike `stem`, it keeps a final -e, so the result can be looked up in a verb or noun list.
 */
export function englishBaseForm(token: string): string {
  if (token.length <= 3) return token;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('ing') && token.length > 5) return undoubleFinal(token.slice(0, -3));
  if (token.endsWith('ed') && token.length > 4) return undoubleFinal(token.slice(0, -2));
  if (token.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us')) return token.slice(0, -1);
  return token;
}

function undoubleFinal(root: string): string {
  return /([bdglmnprt])\1$/.test(root) ? root.slice(0, -1) : root;
}
