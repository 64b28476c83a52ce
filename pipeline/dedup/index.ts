/** The dedup stage: claims in, clusters out, pure (the store IO is `pipeline/run/dedup.ts`'s). */
export { clusterClaims } from './cluster.ts';
export { quantiseEmbeddings } from './embeddings.ts';
export type { DedupClaim } from './features.ts';
export { loadLexicons } from './lexicons.ts';
