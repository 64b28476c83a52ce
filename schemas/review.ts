import { z } from 'zod';

/**
 * What the report page embeds as JSON and renders in the browser: every stored article with its
 * text, every claim with its offsets, the clusters and all contradictions. Short keys would save
 * bytes, but a person reading the page source (or a script reusing it) should not need a legend.
 */
export const ReviewArticle = z.object({
  article_id: z.string(),
  paths: z.array(z.string()),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string().nullable(),
  text: z.string(),
});
export type ReviewArticle = z.infer<typeof ReviewArticle>;

export const ReviewClaim = z.object({
  claim_id: z.string(),
  article_id: z.string(),
  cluster_id: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  date: z.string().nullable(),
  date_start: z.string().nullable(),
  date_end: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.string().nullable(),
  quote: z.string(),
  /** Code points into the article's stored text, as in v_claims. */
  char_start: z.number().int(),
  char_end: z.number().int(),
  alignment: z.string(),
  statement_en: z.string(),
  /** Where the English line comes from (model, gloss, source) when the database says; null otherwise. */
  statement_origin: z.string().nullable(),
  polarity: z.string(),
  modality: z.string(),
});
export type ReviewClaim = z.infer<typeof ReviewClaim>;

export const ReviewCluster = z.object({
  cluster_id: z.string(),
  statement_en: z.string(),
  n_claims: z.number().int(),
  n_articles: z.number().int(),
  n_sources: z.number().int(),
  first_date: z.string().nullable(),
  last_date: z.string().nullable(),
});
export type ReviewCluster = z.infer<typeof ReviewCluster>;

export const ReviewContradiction = z.object({
  contradiction_id: z.string(),
  kind: z.string(),
  claim_a: z.string(),
  claim_b: z.string(),
  score: z.number(),
  explanation: z.string(),
});
export type ReviewContradiction = z.infer<typeof ReviewContradiction>;

export const ReviewUnaligned = z.object({
  article_id: z.string(),
  quote: z.string(),
  statement_en: z.string().nullable(),
  actor: z.string().nullable(),
  action: z.string().nullable(),
});
export type ReviewUnaligned = z.infer<typeof ReviewUnaligned>;

export const ReviewData = z.object({
  articles: z.array(ReviewArticle),
  claims: z.array(ReviewClaim),
  clusters: z.array(ReviewCluster),
  contradictions: z.array(ReviewContradiction),
  unaligned: z.array(ReviewUnaligned),
});
export type ReviewData = z.infer<typeof ReviewData>;
