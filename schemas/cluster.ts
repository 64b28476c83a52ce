import { z } from 'zod';

/** A canonical claim: the claims of many articles that answer the same question about one event. */
export const Cluster = z.object({
  cluster_id: z.string().describe('stable across runs: derived from the earliest member claim'),
  statement_en: z.string().describe('a representative English statement'),
  claim_ids: z.array(z.string()).min(1),
});
export type Cluster = z.infer<typeof Cluster>;
