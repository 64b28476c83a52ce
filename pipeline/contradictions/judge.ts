import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JudgePromptFile } from '../../schemas/prompt.ts';
import { PairJudgement } from '../../schemas/contradiction.ts';
import type { ChatTurn, Judge } from '../extract/index.ts';
import type { ClaimRow } from '../../schemas/contradiction.ts';
import { contentId } from '../hash.ts';
import type { CandidatePair } from './candidates.ts';
import { clampScore, type HeldFinding } from './finding.ts';

/** Model calls per run are bounded: the pairs with rule findings and the most alike go first. */
export const MAX_JUDGED_PAIRS = 400;
const MODEL_ONLY_SCORE = 0.6;
const DISPUTED_FACTOR = 0.6;

// Read once at import: the prompt is data beside the extraction prompt, versioned the same way.
const JUDGE_PROMPT = JudgePromptFile.parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../prompts/judge.v1.json', import.meta.url)), 'utf8')),
);
export const JUDGE_PROMPT_VERSION = JUDGE_PROMPT.version;
const SYSTEM = JUDGE_PROMPT.system.join('\n');

const describeClaim = (label: string, claim: ClaimRow) =>
  [
    `Claim ${label} (${claim.language}, ${claim.outlet ?? 'unknown outlet'}, published ${claim.published ?? 'unknown'}):`,
    `  statement: ${claim.statement_en}`,
    `  quote: ${claim.quote}`,
    `  source: ${claim.source ?? 'the article itself'}`,
    `  date: ${claim.date ?? 'none'}${claim.date_start ? ` (${claim.date_start}${claim.date_end && claim.date_end !== claim.date_start ? ` to ${claim.date_end}` : ''})` : ''}`,
    `  polarity: ${claim.polarity}; modality: ${claim.modality}`,
  ].join('\n');

export function judgeTurns(pair: CandidatePair): ChatTurn[] {
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `${describeClaim('A', pair.a.claim)}\n\n${describeClaim('B', pair.b.claim)}` },
  ];
}

/**
 * `judged`: questions put to the judge (cached answers included); `failures`: of those, the ones that failed;
 * `skipped`: questions that failed on an earlier run and were not asked again.
 */
export type JudgeStats = { judged: number; failures: number; skipped: number };

/** The key a judge question is remembered by when it fails: the model and the exact question. */
export const questionKey = (model: string, turns: readonly ChatTurn[]) =>
  contentId('judge-question', model, JSON.stringify(turns));

export type JudgeOutcome = { judgement: PairJudgement } | { failure: string };

/**
 * The model's verdict on a pair. The extractor's judge validates, repairs and caches the answer
 * by its exact question, so the question is built only from the stored claims: a re-run asks
 * the same question and gets the cached answer.
 */
export async function judgePair(pair: CandidatePair, judge: Judge): Promise<JudgeOutcome> {
  try {
    return { judgement: await judge.ask(PairJudgement, judgeTurns(pair), 'pair_judgement') };
  } catch (error) {
    // A failing model leaves the offline findings standing; it must not sink the run.
    return { failure: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * How the model's verdict changes the rules' findings for one pair. A judge decides when there
 * is one: what it calls agreement or unrelated is held out of the report (kept queryable, with
 * its reason), what it confirms is shown even when the strict checks held it, and a
 * contradiction it sees that no rule found is shown as its own.
 */
export function combine(
  findings: readonly HeldFinding[],
  judgement: PairJudgement | null,
  model: string,
): (HeldFinding & { judge: string })[] {
  if (!judgement) return findings.map((finding) => ({ ...finding, judge: 'rules' }));
  if (judgement.verdict !== 'contradiction') {
    const verdict = judgement.verdict === 'agreement' ? 'in agreement' : 'unrelated';
    return findings.map((finding) => ({
      ...finding,
      explanation: `${finding.explanation} (${model} judged the pair ${verdict}: ${judgement.reason})`,
      score: clampScore(finding.score * DISPUTED_FACTOR),
      held: finding.held ?? `${model} judged the pair ${verdict}`,
      judge: 'rules',
    }));
  }
  const confirmed = findings.find((finding) => finding.kind === judgement.kind);
  const combined = findings.map((finding) =>
    finding === confirmed
      ? {
          ...finding,
          explanation: `${finding.explanation} ${model} agrees: ${judgement.reason}`,
          score: clampScore(Math.max(finding.score, 0.85)),
          held: null,
          judge: `rules+${model}`,
        }
      : { ...finding, judge: 'rules' },
  );
  if (!confirmed)
    combined.push({
      kind: judgement.kind,
      explanation: `${model} judged: ${judgement.reason}`,
      score: MODEL_ONLY_SCORE,
      held: null,
      judge: model,
    });
  return combined;
}
