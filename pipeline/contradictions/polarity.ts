import type { ClaimFeatures } from './features.ts';
import { clampScore, type Finding } from './finding.ts';
import { POLARITY } from './lexicon.ts';
import { excerpt } from './text.ts';

const sideWord = (concept: string, sign: 1 | -1) => {
  const entry = POLARITY.concepts.find((candidate) => candidate.concept === concept);
  return entry ? (sign > 0 ? entry.positiveWord : entry.negativeWord) : sign > 0 ? 'yes' : 'no';
};

/**
 * One claim asserts what the other negates or reverses: "verboden" against "allowed", "fixed"
 * against "still vulnerable", "heeft geen toegang" against "has access". When both take the same
 * side of a concept ("banned" and "not allowed") they agree, whatever their polarity fields say.
 */
export function polarityRule(
  a: ClaimFeatures,
  b: ClaimFeatures,
  options: { stancesOnly?: boolean } = {},
): Finding | null {
  // "may choose another service as long as it is not fixed" against "fixed": a condition, not a
  // denial. Sides are compared between claims of one modality; the modality rule sees the rest.
  if (a.modality !== b.modality) return null;
  let shared = false;
  for (const [concept, stanceA] of a.stances) {
    const stanceB = b.stances.get(concept);
    if (!stanceB) continue;
    shared = true;
    if (stanceA.sign === stanceB.sign) continue;
    return {
      kind: 'polarity',
      explanation: `On ${concept}, A says ${sideWord(concept, stanceA.sign)} ("${stanceA.word}") and B says ${sideWord(concept, stanceB.sign)} ("${stanceB.word}"): one reverses the other.`,
      score: clampScore(0.8),
    };
  }
  if (shared || options.stancesOnly || a.negated === b.negated) return null;
  const [affirms, negates] = a.negated ? [b, a] : [a, b];
  const which = a.negated ? ['B', 'A'] : ['A', 'B'];
  return {
    kind: 'polarity',
    explanation: `${which[0]} affirms "${excerpt(affirms.claim.action, 60)}" while ${which[1]} negates it ("${excerpt(negates.claim.action, 60)}").`,
    score: clampScore(0.7),
  };
}
