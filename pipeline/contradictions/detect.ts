import type { Contradiction } from '../../schemas/contradiction.ts';
import { contentId } from '../hash.ts';
import type { ClaimRow } from '../store/contradictions.ts';
import { attributionRule } from './attribution.ts';
import { candidatePairs, type CandidatePair } from './candidates.ts';
import { dateRule } from './date-range.ts';
import { claimFeatures } from './features.ts';
import type { Finding } from './finding.ts';
import { modalityRule } from './modality.ts';
import { numericRule } from './numeric.ts';
import { polarityRule } from './polarity.ts';

/** Two claims outside one cluster must read this alike before their dates are compared. */
const SAME_EVENT_FOR_DATES = 0.5;

export const RULES_JUDGE = 'rules';

/** Every kind of disagreement the offline rules find in one pair. */
export function ruleFindings(pair: CandidatePair): Finding[] {
  const { a, b, similarity, sameCluster } = pair;
  const findings = [numericRule(a, b), polarityRule(a, b), modalityRule(a, b), attributionRule(a, b, similarity, sameCluster)];
  if (sameCluster || similarity >= SAME_EVENT_FOR_DATES) findings.push(dateRule(a, b));
  return findings.filter((finding): finding is Finding => finding !== null);
}

export const contradictionId = (claimA: string, claimB: string, kind: string) => contentId('contradiction', claimA, claimB, kind);

export function toContradiction(pair: CandidatePair, finding: Finding, judge: string): Contradiction {
  return {
    contradiction_id: contradictionId(pair.a.claim.claim_id, pair.b.claim.claim_id, finding.kind),
    kind: finding.kind,
    claim_a: pair.a.claim.claim_id,
    claim_b: pair.b.claim.claim_id,
    explanation: finding.explanation,
    score: finding.score,
    judge,
  };
}

/** The candidate pairs of a set of claims, with their features computed once. */
export const pairsOf = (claims: readonly ClaimRow[]) => candidatePairs(claims.map(claimFeatures));

/** The offline contradictions among claims: pure, deterministic, in a stable order. */
export function detectContradictions(claims: readonly ClaimRow[]): Contradiction[] {
  return pairsOf(claims).flatMap((pair) => ruleFindings(pair).map((finding) => toContradiction(pair, finding, RULES_JUDGE)));
}
