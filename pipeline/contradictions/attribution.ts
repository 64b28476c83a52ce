import type { ClaimFeatures } from './features.ts';
import { clampScore, type Finding } from './finding.ts';
import { GENERIC_SOURCE_WORDS } from './lexicon.ts';
import { tokens } from './text.ts';

const SAME_STATEMENT = 0.6;

const normalised = (text: string | null) => tokens(text ?? '').join(' ');

/** The naming words of a source, or null when it is unattributed or just the outlet itself. */
function sourceName(features: ClaimFeatures): { words: Set<string>; generic: boolean } | null {
  const { source, outlet, actor } = features.claim;
  if (!source || normalised(source) === normalised(outlet)) return null;
  const all = tokens(source);
  // The actor speaking for itself ("Zoom" about Zoom) is a party, not a third source to weigh.
  const actorWords = new Set(tokens(actor));
  if (all.some((word) => actorWords.has(word) && !GENERIC_SOURCE_WORDS.has(word))) return null;
  const words = new Set(all.filter((word) => !GENERIC_SOURCE_WORDS.has(word) && /\p{L}/u.test(word)));
  return words.size > 0 ? { words, generic: words.size < all.length } : null;
}

/**
 * The same statement credited to different named sources. Roles ("a spokesperson") name no one,
 * across languages a role word may be translated, so only bare names are compared there, and an
 * actor quoted about itself is not a source in this sense.
 */
export function attributionRule(a: ClaimFeatures, b: ClaimFeatures, similarity: number, sameCluster: boolean): Finding | null {
  if (!sameCluster && similarity < SAME_STATEMENT) return null;
  const sourceA = sourceName(a);
  const sourceB = sourceName(b);
  if (!sourceA || !sourceB) return null;
  if (a.language !== b.language && (sourceA.generic || sourceB.generic)) return null;
  if ([...sourceA.words].some((word) => sourceB.words.has(word))) return null;
  return {
    kind: 'attribution',
    explanation: `The same statement is credited to ${a.claim.source} in A and to ${b.claim.source} in B.`,
    score: clampScore(0.35 + similarity * 0.3),
  };
}
