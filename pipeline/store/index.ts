/**
 * The only door to the database: every stage reads and writes through these functions, so the
 * store can move to another engine (PostgreSQL, DuckDB files) by changing this folder alone.
 */
export { openDatabase, statement, type Db } from './open.ts';
export { lockDatabase } from './lock.ts';
export { storageFailure, KEPT_BY_RUN, KEPT_UNCHANGED, type FailureContext } from './failure.ts';
export {
  articleOutcome,
  articleState,
  claimsVersion,
  countClaims,
  recordStageInput,
  stageInput,
  linkPath,
  markFileRead,
  unchangedFileOutcomes,
  recordFailure,
  saveArticle,
  claimId,
  extractorKey,
} from './articles.ts';
export type { ArticleRecord, ArticleState, ExtractorIdentity, StoredPathOutcome } from './articles.ts';
export { databaseCache, memoryCache, type ResponseCache } from './cache.ts';
export {
  readClaimsForDedup,
  clustersOutOfDate,
  dedupState,
  countClusters,
  writeClusters,
  readEmbeddings,
  saveEmbeddings,
} from './clusters.ts';
export type { ClaimForDedup, ClusterWrite, ClusterWriteSummary } from './clusters.ts';
export { loadReviewData } from './review.ts';
