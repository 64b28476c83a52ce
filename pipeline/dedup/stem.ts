import type { DedupLanguage } from './lexicons.ts';

/**
 * Light suffix stripping per language: enough to make "bans/banned/banning" or
 * "onderzoekers/onderzoeker" meet, never a full morphology. Input is folded (see text.ts).
 */
export function stem(token: string, language: DedupLanguage): string {
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
