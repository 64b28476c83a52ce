import { z } from 'zod';

/** A canonical claim: the claims of many articles that answer the same question about one event. */
export const Cluster = z.object({
  cluster_id: z.string().describe('stable across runs: derived from the earliest member claim'),
  statement_en: z.string().describe('a representative English statement'),
  claim_ids: z.array(z.string()).min(1),
});
export type Cluster = z.infer<typeof Cluster>;

/** A stored claim as dedup reads it, with the cluster it has now. */
export const ClaimForDedup = z.object({
  claim_id: z.string(),
  article_id: z.string(),
  language: z.string(),
  actor: z.string(),
  action: z.string(),
  statement_en: z.string(),
  date_start: z.string().nullable(),
  date_end: z.string().nullable(),
  date_precision: z.enum(['day', 'month', 'year']).nullable(),
  published: z.string().nullable(),
  cluster_id: z.string().nullable(),
});
export type ClaimForDedup = z.infer<typeof ClaimForDedup>;
