import { z } from 'zod';
import { SupportedLanguage } from './article.ts';
import { Modality, Polarity } from './claim.ts';
import { ContradictionKind } from './contradiction.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
const nullableText = z.string().min(1).nullable();

/** A claim a careful reader takes from the article; its quote occurs verbatim in the stored text. */
export const GoldClaim = z.strictObject({
  id: id.describe('unique across all gold files'),
  quote: z.string().min(1).describe('verbatim from the stored (NFC, furniture-free) article text'),
  actor: z.string().min(1),
  action: z.string().min(1),
  date: nullableText.describe('as written in the article, or null'),
  reason: nullableText,
  source: nullableText.describe('who asserts it; null means the outlet itself'),
  polarity: Polarity,
  modality: Modality,
  statement_en: z.string().min(1),
  cluster: id.describe('claims sharing this key say the same thing about the same event'),
});
export type GoldClaim = z.infer<typeof GoldClaim>;

export const GoldArticle = z.strictObject({
  path: z.string().min(1).describe('as stored in v_articles.path: relative to corpus/, `feed.jsonl#3` for a feed line'),
  language: SupportedLanguage,
  claims: z.array(GoldClaim),
});
export type GoldArticle = z.infer<typeof GoldArticle>;

/** Two gold claims that contradict each other; the same pair may be listed once per kind. */
export const GoldContradiction = z.strictObject({ a: id, b: id, kind: ContradictionKind, note: z.string().min(1) });
export type GoldContradiction = z.infer<typeof GoldContradiction>;

/** Two gold claims that look alike but agree: a system that flags them raises a false alarm. */
export const GoldNearMiss = z.strictObject({ a: id, b: id, note: z.string().min(1) });
export type GoldNearMiss = z.infer<typeof GoldNearMiss>;

/** One gold file: the articles about one event, and the pairs among their claims. */
export const GoldFile = z.strictObject({
  event: id,
  articles: z.array(GoldArticle).min(1),
  contradictions: z.array(GoldContradiction).default([]),
  near_misses: z.array(GoldNearMiss).default([]),
});
export type GoldFile = z.infer<typeof GoldFile>;
