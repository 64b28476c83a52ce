import type { Extractor } from './extract.ts';
import type { Db } from './store/index.ts';

export type ClusterSummary = { clusters: number; clusteredClaims: number };

/** Placeholder until the dedup issue: every claim stays unclustered. */
export async function clusterStage(_db: Db, _context: { extractor: Extractor }): Promise<ClusterSummary> {
  return { clusters: 0, clusteredClaims: 0 };
}
