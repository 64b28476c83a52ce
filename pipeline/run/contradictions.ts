import pLimit from 'p-limit';
import type { Contradiction, HeldContradiction, PairJudgement } from '../../schemas/contradiction.ts';
import {
  articlesToRead,
  combine,
  judgePair,
  judgeTurns,
  JUDGE_PROMPT_VERSION,
  MAX_JUDGED_PAIRS,
  pairFindings,
  pairsOf,
  questionKey,
  RULES_FINGERPRINT,
  storedFindings,
  translationsAmong,
  type CandidatePair,
  type JudgeStats,
} from '../contradictions/index.ts';
import type { Extractor, Judge } from '../extract/index.ts';
import {
  countContradictions,
  countHeldContradictions,
  judgeFailures,
  loadArticleTexts,
  loadClaims,
  saveContradictions,
  saveHeldContradictions,
  saveJudgeFailures,
  type SaveOutcome,
} from '../store/contradictions.ts';
import { claimsVersion, recordStageInput, stageInput, type Db } from '../store/index.ts';

const STAGE = 'contradictions';

/** `held`: findings kept out of the report by the strict checks or the judge (v_contradiction_candidates). */
export type ContradictionSummary = { contradictions: number; held: number; pairs: number } & SaveOutcome & JudgeStats;

export type ContradictionContext = {
  extractor: Extractor;
  /** Judge questions in flight at once (the run's --concurrency); one at a time when absent. */
  concurrency?: number;
  /** Ask again the questions that failed on an earlier run. */
  force?: boolean;
};

/** Pairs with rule findings first, then the most alike: those are where a model's word counts most. */
const judgingOrder = (pairs: readonly { pair: CandidatePair; hasFindings: boolean }[]) =>
  [...pairs]
    .sort((x, y) => Number(y.hasFindings) - Number(x.hasFindings) || y.pair.similarity - x.pair.similarity)
    .slice(0, MAX_JUDGED_PAIRS);

/**
 * The judge's verdicts on these pairs, `concurrency` questions at a time. A question that failed
 * on an earlier run is not asked again unless forced: the failures are recorded, so an unchanged
 * re-run makes no model call at all.
 */
async function judgeAll(
  db: Db,
  judge: Judge,
  pairs: readonly CandidatePair[],
  context: ContradictionContext,
  stats: JudgeStats,
): Promise<Map<CandidatePair, PairJudgement>> {
  const known = context.force ? new Set<string>() : judgeFailures(db, judge.model);
  const limit = pLimit(Math.max(1, context.concurrency ?? 1));
  const verdicts = new Map<CandidatePair, PairJudgement>();
  const failed = new Map<string, string>();
  await Promise.all(
    pairs.map((pair) => {
      const question = questionKey(judge.model, judgeTurns(pair));
      if (known.has(question)) {
        stats.skipped += 1;
        failed.set(question, 'failed on an earlier run');
        return null;
      }
      return limit(async () => {
        stats.judged += 1;
        const outcome = await judgePair(pair, judge);
        if ('judgement' in outcome) verdicts.set(pair, outcome.judgement);
        else {
          stats.failures += 1;
          failed.set(question, outcome.failure);
        }
      });
    }),
  );
  saveJudgeFailures(db, judge.model, failed);
  return verdicts;
}

/**
 * Finds where stored claims disagree and makes the contradictions table say exactly that.
 * Offline rules always run; when the extractor offers its model as a judge, the model judges the
 * candidate pairs too, its answers cached so an unchanged re-run asks nothing and changes nothing.
 */
export async function contradictionStage(db: Db, context: ContradictionContext): Promise<ContradictionSummary> {
  const { judge } = context.extractor;
  // The whole stage is a function of the claims, the rules and the judge: the same three, the same answer.
  const inputKey = `${claimsVersion(db)}|${RULES_FINGERPRINT}|${judge ? `${judge.model}|${JUDGE_PROMPT_VERSION}` : 'rules'}`;
  if (!context.force && stageInput(db, STAGE) === inputKey) {
    const skipped = judge ? judgeFailures(db, judge.model).size : 0;
    return {
      contradictions: countContradictions(db),
      held: countHeldContradictions(db),
      pairs: 0,
      inserted: 0,
      updated: 0,
      deleted: 0,
      judged: 0,
      failures: 0,
      skipped,
    };
  }
  const pairs = pairsOf(loadClaims(db), { judging: Boolean(judge) });
  const translations = translationsAmong(pairs, loadArticleTexts(db, articlesToRead(pairs)));
  const stats: JudgeStats = { judged: 0, failures: 0, skipped: 0 };
  const findings = pairs.map((pair) => {
    const found = pairFindings(pair, { translations });
    return { pair, findings: found, hasFindings: found.length > 0 };
  });
  const verdicts = judge
    ? await judgeAll(
        db,
        judge,
        judgingOrder(findings).map((entry) => entry.pair),
        context,
        stats,
      )
    : new Map<CandidatePair, PairJudgement>();
  const { shown, held } = { shown: [] as Contradiction[], held: [] as HeldContradiction[] };
  for (const { pair, findings: found } of findings)
    storedFindings(pair, combine(found, verdicts.get(pair) ?? null, judge?.model ?? 'rules'), { shown, held });
  const outcome = saveContradictions(db, shown);
  saveHeldContradictions(db, held);
  recordStageInput(db, STAGE, inputKey);
  return { contradictions: shown.length, held: held.length, pairs: pairs.length, ...outcome, ...stats };
}
