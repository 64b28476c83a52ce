import { z } from 'zod';
import { DatePrecision } from './article.ts';

export const Polarity = z.enum(['affirmed', 'negated']);
export type Polarity = z.infer<typeof Polarity>;

export const Modality = z.enum(['fact', 'planned', 'advised', 'demanded', 'possible']);
export type Modality = z.infer<typeof Modality>;

export const Alignment = z.enum(['exact', 'normalised', 'fuzzy']);
export type Alignment = z.infer<typeof Alignment>;

/**
 * Bounds on a model's answer, so a broken or hostile model cannot fill the database: a field
 * longer than any sentence, or more claims than a chunk of text can make, fails validation.
 */
export const CLAIM_LIMITS = { shortField: 300, quote: 2000, statement: 1000, claimsPerChunk: 60 } as const;

const optionalText = (description: string) => z.string().max(CLAIM_LIMITS.shortField).nullable().describe(description);

/**
 * One claim as an extractor (LLM or rules) returns it, before grounding.
 * The descriptions are sent to the model in the JSON schema, so they are written for it.
 */
export const ExtractedClaim = z.object({
  actor: z
    .string()
    .min(1)
    .max(CLAIM_LIMITS.shortField)
    .describe('Who does or did it, exactly as named in the article, in its language'),
  action: z
    .string()
    .min(1)
    .max(CLAIM_LIMITS.shortField)
    .describe('What the actor does, did or says: a short verb phrase with its object, in the article language'),
  date: optionalText('When it happens, as written in the article ("on 3 April", "vandaag"), or null'),
  reason: optionalText('Why, where the article says so, or null'),
  source: optionalText(
    'Who asserts it: the quoted speaker, document or outlet; null when the article itself asserts it',
  ),
  quote: z
    .string()
    .min(1)
    .max(CLAIM_LIMITS.quote)
    .describe('A verbatim span copied character for character from the article that supports the claim'),
  statement_en: z.string().min(1).max(CLAIM_LIMITS.statement).describe('The claim as one plain English sentence'),
  polarity: Polarity.describe('negated when the article says the action did not or will not happen'),
  modality: Modality.describe(
    'fact: happened or is the case; planned: announced or will happen; advised: recommended or warned against; demanded: called for; possible: may happen',
  ),
});
export type ExtractedClaim = z.infer<typeof ExtractedClaim>;

/**
 * Where a claim's English comes from: a model wrote it, the rules glossed it word by word, or the quote is English
 * already.
 */
export const StatementOrigin = z.enum(['model', 'gloss', 'source']);
export type StatementOrigin = z.infer<typeof StatementOrigin>;

/**
 * A claim as an extractor hands it on: the model's answer (whose schema stays ExtractedClaim, so the
 * model is never asked for it) marked with where its statement_en comes from.
 */
export const ExtractorClaim = ExtractedClaim.extend({ statement_origin: StatementOrigin.optional() });
export type ExtractorClaim = z.infer<typeof ExtractorClaim>;

/** An extraction that is not stored as a claim, with why: its quote is not in the article, or does not carry it. */
export const UnalignedClaim = ExtractorClaim.extend({ unaligned_reason: z.string() });
export type UnalignedClaim = z.infer<typeof UnalignedClaim>;

/** What the model must answer: the JSON schema sent to it is generated from this. */
export const ExtractionOutput = z.object({
  claims: z
    .array(ExtractedClaim)
    .max(CLAIM_LIMITS.claimsPerChunk)
    .describe('Every claim the article makes about an event or a statement; empty when none'),
});
export type ExtractionOutput = z.infer<typeof ExtractionOutput>;

export const ResolvedDate = z.object({
  date_start: z.string().nullable(),
  date_end: z.string().nullable(),
  date_precision: DatePrecision.nullable(),
});
export type ResolvedDate = z.infer<typeof ResolvedDate>;

export const Grounding = z.object({
  char_start: z.number().int().nonnegative().describe('code-point offset into the stored text'),
  char_end: z.number().int().nonnegative(),
  quote: z.string().describe('the text at those offsets, which may differ from what the extractor wrote'),
  alignment: Alignment,
  alignment_score: z.number().min(0).max(1),
});
export type Grounding = z.infer<typeof Grounding>;

/** A claim ready to store: extracted, grounded in the article text, its date resolved. */
export const GroundedClaim = ExtractorClaim.extend({ ...Grounding.shape, ...ResolvedDate.shape });
export type GroundedClaim = z.infer<typeof GroundedClaim>;

/** The claim as stored and read back. */
export const StoredClaim = GroundedClaim.extend({
  claim_id: z.string(),
  article_id: z.string(),
  language: z.string(),
  extractor: z.string(),
  model: z.string(),
  prompt_version: z.string(),
  cluster_id: z.string().nullable(),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
});
export type StoredClaim = z.infer<typeof StoredClaim>;
