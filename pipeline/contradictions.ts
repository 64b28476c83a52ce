import type { Contradiction } from '../schemas/contradiction.ts';
import type { CandidatePair } from './contradictions/candidates.ts';
import { pairFindings, pairsOf, toContradiction } from './contradictions/detect.ts';
import { combine, judgePair, MAX_JUDGED_PAIRS, type JudgeStats } from './contradictions/judge.ts';
import type { Extractor } from './extract.ts';
import { loadClaims, saveContradictions, type SaveOutcome } from './store/contradictions.ts';
import type { Db } from './store/index.ts';

export type ContradictionSummary = { contradictions: number; pairs: number } & SaveOutcome & JudgeStats;

/** Pairs with rule findings first, then the most alike: those are where a model's word counts most. */
const judgingOrder = (pairs: readonly { pair: CandidatePair; hasFindings: boolean }[]) =>
  [...pairs].sort((x, y) => Number(y.hasFindings) - Number(x.hasFindings) || y.pair.similarity - x.pair.similarity).slice(0, MAX_JUDGED_PAIRS);

/**
 * Finds where stored claims disagree and makes the contradictions table say exactly that.
 * Offline rules always run; when the extractor offers its model as a judge, the model judges the
 * candidate pairs too, its answers cached so an unchanged re-run asks nothing and changes nothing.
 */
export async function contradictionStage(db: Db, context: { extractor: Extractor }): Promise<ContradictionSummary> {
  const { judge } = context.extractor;
  const pairs = pairsOf(loadClaims(db), { judging: Boolean(judge) });
  const stats: JudgeStats = { judged: 0, failures: 0 };
  const findings = pairs.map((pair) => ({ pair, findings: pairFindings(pair), hasFindings: false }));
  for (const entry of findings) entry.hasFindings = entry.findings.length > 0;
  const contradictions: Contradiction[] = [];
  const judged = new Set(judge ? judgingOrder(findings).map((entry) => entry.pair) : []);
  for (const { pair, findings: found } of findings) {
    const judgement = judge && judged.has(pair) ? await judgePair(pair, judge, stats) : null;
    for (const finding of combine(found, judgement, judge?.model ?? 'rules')) contradictions.push(toContradiction(pair, finding, finding.judge));
  }
  const outcome = saveContradictions(db, contradictions);
  return { contradictions: contradictions.length, pairs: pairs.length, ...outcome, ...stats };
}
