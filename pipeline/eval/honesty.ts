import type { SupportedLanguage } from '../../schemas/article.ts';
import { lexiconFor } from '../rules/lexicon.ts';

/** Words that negate an English sentence: what a reader looks for to know a claim is denied. */
const ENGLISH_NEGATION = /\b(?:not|no|never|none|nothing|nobody|neither|nor|without|no longer)\b|n't\b/i;

const SIDE_CLAUSE =
  /\b(?:that|if|because|when|while|as long as|until|unless|although|whether|as|so that|even when|who|which)\b/i;

// "old coins and no gold bars", "and not a single bar": the second noun phrase is denied, not the claim.
const NOT_DENIALS = /\b(?:not only|not just|never before|as never|none of|and no|and not (?:a|an|the|one|\d+))\b/gi;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];

/**
 * An actor that names nobody: only pronouns and the little words around them ("She", "Maar hij",
 * "Er"). A reader cannot tell who did it, so such a claim is not checkable.
 */
export function isBarePronoun(actor: string, language: SupportedLanguage): boolean {
  const lex = lexiconFor(language);
  const all = words(actor);
  return (
    all.length > 0 &&
    all.some((w) => lex.pronouns.has(w)) &&
    all.every((w) => lex.pronouns.has(w) || lex.coordinators.has(w) || lex.fronted.has(w))
  );
}

/** The English line says the opposite of the claim's polarity: "did not kill" for an affirmed claim, or the reverse. */
export function englishInvertsPolarity(statementEn: string, polarity: 'affirmed' | 'negated'): boolean {
  // "not only", "never before", "none of the": a negation word that does not deny the claim.
  // Only the main clause counts: "may take the cargo off if the tide does not help" affirms the main claim.
  const main = statementEn.replace(NOT_DENIALS, ' ').split(SIDE_CLAUSE)[0] ?? '';
  const negated = ENGLISH_NEGATION.test(main);
  return polarity === 'negated' ? !negated : negated;
}

/**
 * The quote carries a negation of its main clause that neither the polarity nor the English states:
 * "… niet meer toe" stored as "allowed". An upper bound: a negation in a side clause of the quote counts too.
 */
export function quoteNegationLost(
  quote: string,
  statementEn: string,
  polarity: 'affirmed' | 'negated',
  language: SupportedLanguage,
): boolean {
  if (language === 'en') return false;
  const lex = lexiconFor(language);
  const quoteNegated = words(quote).some((w) => lex.negation.has(w));
  return quoteNegated && polarity === 'affirmed' && !ENGLISH_NEGATION.test(statementEn);
}
