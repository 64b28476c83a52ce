import { z } from 'zod';
import { StoredClaim } from './claim.ts';

export const ContradictionKind = z.enum(['numeric', 'date', 'polarity', 'modality', 'attribution', 'other']);
export type ContradictionKind = z.infer<typeof ContradictionKind>;

export const Contradiction = z.object({
  contradiction_id: z.string().describe('hash of the ordered claim pair and the kind'),
  kind: ContradictionKind,
  claim_a: z.string(),
  claim_b: z.string(),
  explanation: z.string().describe('one plain-English sentence a reviewer can check against both quotes'),
  score: z.number().min(0).max(1),
  judge: z.string().describe('rules, or the model that judged the pair'),
  support_a: z.number().int().min(1).describe("how many claims take claim_a's position (claim_a represents them)"),
  support_b: z.number().int().min(1).describe("how many claims take claim_b's position (claim_b represents them)"),
});
export type Contradiction = z.infer<typeof Contradiction>;

/** A finding the strict checks (or a judge) hold out of the report, kept with the reason. */
export const HeldContradiction = Contradiction.extend({
  held: z.string().min(1).describe('why the finding is not in the report'),
});
export type HeldContradiction = z.infer<typeof HeldContradiction>;

/** What a model answers when asked whether two claims contradict each other. */
export const PairJudgement = z.object({
  verdict: z.enum(['contradiction', 'agreement', 'unrelated']),
  kind: ContradictionKind.describe('the kind of disagreement, when verdict is contradiction; other otherwise'),
  reason: z.string().describe('one plain-English sentence'),
});
export type PairJudgement = z.infer<typeof PairJudgement>;

/** What the translation check reads of an article: its language, its text and when it was published. */
export const ArticleText = z.object({
  article_id: z.string(),
  language: z.string(),
  text: z.string(),
  published: z.string().nullable(),
});
export type ArticleText = z.infer<typeof ArticleText>;

/** The order the report lists contradictions in, and the query it prints for the rest: one order for both. */
export const REPORT_ORDER = 'score DESC, kind, contradiction_id';

/** A stored claim with the path a reader finds it under: one side of a contradiction, a judge's input. */
export const ClaimRow = StoredClaim.extend({ path: z.string().nullable() });
export type ClaimRow = z.infer<typeof ClaimRow>;

/** One contradiction with both claims in full, as the report shows it. */
export const ContradictionRow = Contradiction.extend({ a: ClaimRow, b: ClaimRow });
export type ContradictionRow = z.infer<typeof ContradictionRow>;

/** The counts over the whole database that head the report. */
export const ReportCounts = z.object({
  articles: z.number().int(),
  claims: z.number().int(),
  clusters: z.number().int(),
  contradictions: z.number().int(),
  held: z
    .number()
    .int()
    .describe('findings held out of the report by the strict checks or a judge (v_contradiction_candidates)'),
  byKind: z.record(z.string(), z.number().int()),
  byLanguage: z.record(z.string(), z.number().int()),
});
export type ReportCounts = z.infer<typeof ReportCounts>;
