import type { ClaimFeatures } from './features.ts';
import { clampScore, type Finding } from './finding.ts';
import { MODALITY } from './lexicon.ts';

/**
 * One claim reports as done what the other reports as advised, planned, demanded or possible:
 * "verboden" against "should avoid" against "will ban".
 */
export function modalityRule(a: ClaimFeatures, b: ClaimFeatures): Finding | null {
  if (a.modality === b.modality) return null;
  const key = [a.modality, b.modality].sort().join('|');
  const score = MODALITY.scores[key] ?? 0.4;
  return {
    kind: 'modality',
    explanation: `A reports ${MODALITY.labels[a.modality]} ("${a.claim.action}"), B reports ${MODALITY.labels[b.modality]} ("${b.claim.action}").`,
    score: clampScore(score),
  };
}
