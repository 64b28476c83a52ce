import type { Embeddings } from '@langchain/core/embeddings';
import { clusterClaims, loadLexicons, quantiseEmbeddings, type DedupClaim } from '../dedup/index.ts';
import type { Extractor } from '../extract/index.ts';
import { contentId } from '../hash.ts';
import {
  clustersOutOfDate,
  countClusters,
  dedupState,
  readClaimsForDedup,
  readEmbeddings,
  saveEmbeddings,
  writeClusters,
  type ClaimForDedup,
  type Db,
} from '../store/index.ts';

export type ClusterSummary = {
  clusters: number;
  clusteredClaims: number;
  changedClaims?: number;
  embedded?: number;
  warning?: string;
};

/** Bump when scoring or blocking changes in a way that should regroup stored clusters. */
const ALGORITHM = 'dedup-3';
const EMBED_BATCH = 64;

const embeddingModel = (embedder: Embeddings, extractor: Extractor) => {
  // An embedder resolved from --embeddings names its own vectors; the provider's own are named by it.
  const id = (embedder as unknown as { id?: unknown }).id;
  if (typeof id === 'string') return id;
  const model = (embedder as unknown as { model?: unknown }).model;
  return `${extractor.extractor}:${typeof model === 'string' ? model : extractor.model}`;
};

/**
 * Statement embeddings for every claim, computed once per text and model and cached in the
 * database, so an unchanged re-run makes no call. A provider without embeddings, or one that
 * fails, leaves dedup on its offline signals.
 */
async function embedStatements(
  db: Db,
  claims: readonly ClaimForDedup[],
  hashes: readonly string[],
  extractor: Extractor,
  embedder: Embeddings | undefined,
): Promise<{ vectors: Map<string, Float32Array>; embedded: number; warning?: string }> {
  if (!embedder) return { vectors: new Map(), embedded: 0 };
  const model = embeddingModel(embedder, extractor);
  const vectors = readEmbeddings(db, model, [...new Set(hashes)]);
  const missing = new Map<string, string>();
  claims.forEach((claim, index) => {
    if (!vectors.has(hashes[index]!)) missing.set(hashes[index]!, claim.statement_en);
  });
  const pending = [...missing];
  let embedded = 0;
  try {
    for (let start = 0; start < pending.length; start += EMBED_BATCH) {
      const batch = pending.slice(start, start + EMBED_BATCH);
      const result = await embedder.embedDocuments(batch.map(([, text]) => text));
      const fresh = new Map(
        batch.map(([hash], index) => [hash, result[index] ?? []] as const).filter(([, vector]) => vector.length > 0),
      );
      saveEmbeddings(db, model, fresh);
      for (const [hash, vector] of fresh) vectors.set(hash, Float32Array.from(vector));
      embedded += fresh.size;
    }
  } catch (error) {
    const warning = `embeddings unavailable (${(error as Error).message.split('\n')[0]}); clustering without them`;
    return { vectors: new Map(), embedded, warning };
  }
  return { vectors, embedded };
}

/** The run's resolved embedder (null: none asked for); without one, the extractor's own. */
const embedderOf = (context: { extractor: Extractor; embedder?: Embeddings | null }) =>
  context.embedder === undefined ? context.extractor.embedder : (context.embedder ?? undefined);

/**
 * Groups every stored claim into clusters of claims that answer the same question about the
 * same event, across articles and languages. Runs after each ingest over the whole database and
 * regroups all of it, in claim-id order, so the clusters are a function of the set of claims,
 * never of the order articles were ingested in; ids are kept where members stay together. An
 * unchanged database (same claims, rules and embedding model) is left untouched.
 */
export async function clusterStage(
  db: Db,
  context: { extractor: Extractor; embedder?: Embeddings | null },
): Promise<ClusterSummary> {
  const embedder = embedderOf(context);
  // Clusters with and without embeddings differ: switching regroups.
  const fingerprintWith = (model: string) => `${ALGORITHM}:${loadLexicons().fingerprint}:${model}`;
  const fingerprint = fingerprintWith(embedder ? embeddingModel(embedder, context.extractor) : 'lexical');
  if (dedupState(db, 'fingerprint') === fingerprint && !clustersOutOfDate(db)) return countClusters(db);
  // Claim-id order, not storage order: storage order is ingestion order.
  const stored = readClaimsForDedup(db).sort((a, b) =>
    a.claim_id < b.claim_id ? -1 : a.claim_id > b.claim_id ? 1 : 0,
  );
  // One hash per claim, shared by the cache lookup and the claims' embeddings.
  const hashes = stored.map((claim) => contentId(claim.statement_en));
  const { vectors, embedded, warning } = await embedStatements(db, stored, hashes, context.extractor, embedder);
  // Quantised once into the block the clusterer keeps; the float vectors can go before it runs.
  const embeddings = quantiseEmbeddings(hashes.map((hash) => vectors.get(hash)));
  vectors.clear();
  const claims: DedupClaim[] = stored;
  const previous = new Map(
    stored.filter((claim) => claim.cluster_id !== null).map((claim) => [claim.claim_id, claim.cluster_id as string]),
  );
  const result = clusterClaims(claims, previous, { rebuild: true, embeddings });
  // Clustered without the vectors they failed to give: the next run tries them again.
  const written = writeClusters(db, result, { fingerprint: warning ? fingerprintWith('lexical') : fingerprint });
  return {
    clusters: written.clusters,
    clusteredClaims: written.clusteredClaims,
    changedClaims: written.changedClaims,
    embedded,
    ...(warning ? { warning } : {}),
  };
}
