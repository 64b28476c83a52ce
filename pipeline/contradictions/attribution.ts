import type { ClaimFeatures } from './features.ts';
import { clampScore, type Finding } from './finding.ts';
import { GENERIC_SOURCE_WORDS } from './lexicon.ts';
import { phraseTokens } from '../text/words.ts';
import { nameStem } from './text.ts';

const normalised = (text: string | null) => phraseTokens(text ?? '').join(' ');

/** The naming words of a source, or null when it is unattributed or just the outlet itself. */
export function sourceName(features: ClaimFeatures): Set<string> | null {
  const { source, outlet, actor } = features.claim;
  if (!source || normalised(source) === normalised(outlet)) return null;
  const all = phraseTokens(source);
  // The actor speaking for itself ("Zoom" about Zoom) is a party, not a third source to weigh.
  const actorWords = new Set(phraseTokens(actor));
  if (all.some((word) => actorWords.has(word) && !GENERIC_SOURCE_WORDS.has(word))) return null;
  const words = new Set(all.filter((word) => !GENERIC_SOURCE_WORDS.has(word) && /\p{L}/u.test(word)).map(nameStem));
  return words.size > 0 ? words : null;
}

/**
 * The same statement credited to different named sources. Roles ("a spokesperson") name no one,
 * names are compared by their stems, only within one language, and an actor quoted about
 * itself is not a source in this sense. The caller decides whether the statements are the same.
 */
export function attributionRule(a: ClaimFeatures, b: ClaimFeatures): Finding | null {
  // Across languages a source is usually translated ("Der Verband", "the association", "de VDV"),
  // which no word list can tell from a different source: compare sources within one language.
  if (a.language !== b.language) return null;
  const sourceA = sourceName(a);
  const sourceB = sourceName(b);
  if (!sourceA || !sourceB) return null;
  if ([...sourceA].some((word) => sourceB.has(word))) return null;
  return {
    kind: 'attribution',
    explanation: `The same statement is credited to ${a.claim.source} in A and to ${b.claim.source} in B.`,
    score: clampScore(0.45),
  };
}
