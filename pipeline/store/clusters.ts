import type { ClaimForDedup } from '../../schemas/cluster.ts';
import type { Db } from './open.ts';

export type { ClaimForDedup } from '../../schemas/cluster.ts';

export type ClusterWrite = { assignments: ReadonlyMap<string, string>; statements: ReadonlyMap<string, string> };
export type ClusterWriteSummary = {
  clusters: number;
  clusteredClaims: number;
  changedClaims: number;
  changedClusters: number;
  removedClusters: number;
};

export function readClaimsForDedup(db: Db): ClaimForDedup[] {
  return db
    .prepare(
      `SELECT c.claim_id, c.article_id, coalesce(a.language, 'und') AS language, c.actor, c.action, c.statement_en,
       c.date_start, c.date_end, c.date_precision, a.published, c.cluster_id
     FROM claims c JOIN articles a ON a.article_id = c.article_id
     ORDER BY c.claim_rowid`,
    )
    .all() as ClaimForDedup[];
}

/**
 * Whether clustering has work to do: a claim without a cluster, or a cluster that lost the claim
 * its statement came from (an article changed or went away).
 */
export function clustersOutOfDate(db: Db): boolean {
  const unassigned = db.prepare('SELECT 1 FROM claims WHERE cluster_id IS NULL LIMIT 1').get();
  if (unassigned) return true;
  const stale = db
    .prepare(
      `SELECT 1 FROM clusters k WHERE NOT EXISTS (
       SELECT 1 FROM claims c WHERE c.cluster_id = k.cluster_id AND c.statement_en = k.statement_en) LIMIT 1`,
    )
    .get();
  return Boolean(stale);
}

export function dedupState(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM _dedup_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

const setState = (db: Db, key: string, value: string) =>
  db
    .prepare(
      'INSERT INTO _dedup_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value',
    )
    .run(key, value);

export function countClusters(db: Db): { clusters: number; clusteredClaims: number } {
  return db
    .prepare(
      'SELECT (SELECT count(*) FROM clusters) AS clusters, (SELECT count(*) FROM claims WHERE cluster_id IS NOT NULL) AS clusteredClaims',
    )
    .get() as { clusters: number; clusteredClaims: number };
}

/**
 * Writes clusters and every claim's cluster in one transaction, touching only rows whose value
 * changes, so a re-run that decides the same writes nothing; clusters left without claims go.
 */
export function writeClusters(
  db: Db,
  write: ClusterWrite,
  state: Readonly<Record<string, string>>,
): ClusterWriteSummary {
  return db.transaction(() => {
    const stored = new Map(
      (
        db.prepare('SELECT cluster_id, statement_en FROM clusters').all() as {
          cluster_id: string;
          statement_en: string;
        }[]
      ).map((row) => [row.cluster_id, row.statement_en]),
    );
    const upsert = db.prepare(
      'INSERT INTO clusters (cluster_id, statement_en) VALUES (?, ?) ON CONFLICT (cluster_id) DO UPDATE SET statement_en = excluded.statement_en',
    );
    let changedClusters = 0;
    for (const [clusterId, statement] of write.statements) {
      if (stored.get(clusterId) === statement) continue;
      upsert.run(clusterId, statement);
      changedClusters += 1;
    }
    const current = db.prepare('SELECT claim_id, cluster_id FROM claims').all() as {
      claim_id: string;
      cluster_id: string | null;
    }[];
    const assign = db.prepare('UPDATE claims SET cluster_id = ? WHERE claim_id = ?');
    let changedClaims = 0;
    for (const row of current) {
      const clusterId = write.assignments.get(row.claim_id) ?? null;
      if (clusterId === row.cluster_id) continue;
      assign.run(clusterId, row.claim_id);
      changedClaims += 1;
    }
    const remove = db.prepare('DELETE FROM clusters WHERE cluster_id = ?');
    let removedClusters = 0;
    for (const clusterId of stored.keys()) {
      if (write.statements.has(clusterId)) continue;
      remove.run(clusterId);
      removedClusters += 1;
    }
    for (const [key, value] of Object.entries(state)) setState(db, key, value);
    return { ...countClusters(db), changedClaims, changedClusters, removedClusters };
  })();
}

/** Cached embeddings of statements for one model, by text hash. */
export function readEmbeddings(db: Db, model: string, textHashes: readonly string[]): Map<string, Float32Array> {
  const found = new Map<string, Float32Array>();
  const select = db.prepare('SELECT vector FROM _embeddings WHERE text_hash = ? AND model = ?');
  for (const hash of textHashes) {
    const row = select.get(hash, model) as { vector: Buffer } | undefined;
    if (row)
      found.set(
        hash,
        new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength)),
      );
  }
  return found;
}

export function saveEmbeddings(db: Db, model: string, vectors: ReadonlyMap<string, ArrayLike<number>>): void {
  const insert = db.prepare('INSERT OR IGNORE INTO _embeddings (text_hash, model, vector) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const [hash, vector] of vectors) insert.run(hash, model, Buffer.from(Float32Array.from(vector).buffer));
  })();
}
