/**
 * The contradictions stage: candidate pairs of claims, the rules and strict checks over them, and the
 * optional judge; pure (the store IO is `pipeline/run/contradictions.ts`'s).
 */
export type { CandidatePair } from './candidates.ts';
export { articlesToRead, pairFindings, pairsOf, storedFindings, translationsAmong } from './detect.ts';
export {
  combine,
  judgePair,
  judgeTurns,
  JUDGE_PROMPT_VERSION,
  MAX_JUDGED_PAIRS,
  questionKey,
  type JudgeStats,
} from './judge.ts';
export { RULES_FINGERPRINT } from './lexicon.ts';
