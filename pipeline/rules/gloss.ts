import type { Modality, Polarity } from '../../schemas/claim.ts';
import type { LexiconVerb } from '../../schemas/rules-lexicon.ts';
import type { CompiledLexicon } from './lexicon.ts';
import type { Token } from './tokens.ts';

const LINKS = ['s', 'en', 'n', 'e', 'es'];
/** Plural and adjective endings, tried when the word itself is not in the lexicon: "regeringen", "neuen". */
const INFLECTIONS = ['en', 'n', 'e', 's', 'er', 'es', 'em'];

/**
 * English for one Dutch or German word: the lexicon entry, or a compound read as modifier + head
 * ("overheidsinstanties" → "government agencies", "Kanalbehörde" → "canal authority").
 * A word the lexicon does not know is kept as written: names, numbers, loanwords.
 */
function glossWord(token: Token, lex: CompiledLexicon, cache: Map<string, string>): string {
  const known = lex.gloss.get(token.lower);
  if (known !== undefined) return known;
  const verb = lex.verbs.get(token.lower)?.[0];
  if (verb) return verb.en.split('|')[0]!;
  const cached = cache.get(token.text);
  if (cached !== undefined) return cached;
  let result = token.text;
  // A capitalised Dutch word is a name ("Kestrwind", "Persoonsgegevens"): kept whole unless the lexicon knows it.
  if (lex.language === 'nl' && token.capital) return result;
  // Only a stem of four letters or more: "Rate" is not "Rat" (council).
  const inflected = INFLECTIONS.map((ending) =>
    token.lower.endsWith(ending) && token.lower.length - ending.length >= 4 ? lex.gloss.get(token.lower.slice(0, -ending.length)) : undefined).find((g) => g);
  if (inflected) {
    result = inflected;
  } else if (token.lower.includes('-')) {
    result = token.text.split('-').map((part) => lex.gloss.get(part.toLowerCase()) ?? part).join(' ');
  } else if (token.kind === 'word' && token.lower.length >= 7) {
    for (let k = token.lower.length - 3; k >= 3; k--) {
      const head = lex.gloss.get(token.lower.slice(k));
      if (head === undefined) continue;
      const modifier = token.lower.slice(0, k);
      const stripped = LINKS.map((link) => (modifier.endsWith(link) ? modifier.slice(0, -link.length) : null)).filter((m): m is string => !!m);
      const modifierGloss = [modifier, ...stripped].map((m) => lex.gloss.get(m)).find((g) => g !== undefined);
      if (modifierGloss !== undefined) {
        result = `${modifierGloss} ${head}`;
        break;
      }
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(token.text, result);
  return result;
}

const caches = new Map<string, Map<string, string>>();

/** The tokens in English, word for word; in English text, the tokens as written. */
export function glossTokens(tokens: readonly Token[], lex: CompiledLexicon): string {
  let cache = caches.get(lex.language);
  if (!cache) caches.set(lex.language, (cache = new Map()));
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'punct' && token.text !== '%') continue;
    const word = lex.language === 'en' ? token.text : glossWord(token, lex, cache);
    if (word) parts.push(word);
  }
  return parts.join(' ');
}

/** "banned", "did not ban", "plans to ban", "should not ban", "must ban", "may ban". */
export function verbGloss(verb: LexiconVerb | null, polarity: Polarity, modality: Modality, auxiliary = ''): string {
  // A clause anchored on an auxiliary ("is nodig", "heeft … gestolen") glosses the auxiliary itself.
  const plainAuxiliary = modality === 'fact' && !['will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'wants', 'want'].includes(auxiliary) ? auxiliary : '';
  if (!verb && !auxiliary) return polarity === 'negated' ? 'not' : '';
  const [base, past] = (verb?.en ?? `|${plainAuxiliary || 'was'}`).split('|') as [string, string];
  const not = polarity === 'negated' ? ' not' : '';
  // "recommended not …": the negation is in what is advised or demanded, not in the advice.
  if (verb?.modality && verb.modality === modality) return polarity === 'negated' ? `${past} not` : past;
  // "promise", "advise", "demand" say their modality themselves: "promised", not "will promise".
  switch (verb?.modality === modality ? 'fact' : modality) {
    case 'planned':
      return `will${not} ${base}`.trim();
    case 'advised':
      return `should${not} ${base}`.trim();
    case 'demanded':
      return `must${not} ${base}`.trim();
    case 'possible':
      return `may${not} ${base}`.trim();
    default:
      return polarity === 'negated' ? `did not ${base || 'be'}` : past;
  }
}

/** One plain English sentence: actor, verb, object, and the reason when there is one. */
export function statement(actor: string, verb: string, object: string, reason: string | null): string {
  const body = [actor, verb, object].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  const sentence = reason ? `${body} because ${reason}` : body;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
