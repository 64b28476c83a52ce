import type { StoredClaim } from '../../schemas/claim.ts';
import type { Contradiction } from '../../schemas/contradiction.ts';
import type { Db } from './open.ts';

/** A claim with what a reviewer needs to place it: its article's path, outlet and date. */
export type ClaimRow = StoredClaim & { path: string | null };

/** One contradiction with both claims in full, as the report shows it. */
export type ContradictionRow = Contradiction & { a: ClaimRow; b: ClaimRow };

export type ReportCounts = {
  articles: number;
  claims: number;
  clusters: number;
  contradictions: number;
  byKind: Record<string, number>;
  byLanguage: Record<string, number>;
};

const CLAIM_COLUMNS = `
  c.claim_id, c.article_id, a.language, c.actor, c.action, c.date_text AS date, c.date_start, c.date_end, c.date_precision,
  c.reason, c.source, c.quote, c.char_start, c.char_end, c.alignment, c.alignment_score, c.statement_en, c.polarity,
  c.modality, c.extractor, c.model, c.prompt_version, c.cluster_id, a.published, o.name AS outlet,
  (SELECT min(p.path) FROM article_paths p WHERE p.article_id = c.article_id) AS path`;

const CLAIM_FROM = `FROM claims c JOIN articles a ON a.article_id = c.article_id LEFT JOIN outlets o ON o.outlet_id = a.outlet_id`;

/** Every stored claim of an article that was processed successfully, in a stable order. */
export function loadClaims(db: Db): ClaimRow[] {
  return db.prepare(`SELECT ${CLAIM_COLUMNS} ${CLAIM_FROM} WHERE a.status = 'ok' ORDER BY c.claim_id`).all() as ClaimRow[];
}

export type SaveOutcome = { inserted: number; updated: number; deleted: number };

/**
 * Makes the table hold exactly these contradictions, in one transaction, touching only rows that
 * differ: an unchanged re-run writes nothing.
 */
export function saveContradictions(db: Db, contradictions: readonly Contradiction[]): SaveOutcome {
  const outcome: SaveOutcome = { inserted: 0, updated: 0, deleted: 0 };
  const existing = new Map(
    (db.prepare('SELECT contradiction_id, kind, claim_a, claim_b, explanation, score, judge FROM contradictions').all() as Contradiction[]).map((row) => [row.contradiction_id, row]),
  );
  const insert = db.prepare(
    'INSERT INTO contradictions (contradiction_id, kind, claim_a, claim_b, explanation, score, judge) VALUES (@contradiction_id, @kind, @claim_a, @claim_b, @explanation, @score, @judge)',
  );
  const update = db.prepare('UPDATE contradictions SET explanation = @explanation, score = @score, judge = @judge WHERE contradiction_id = @contradiction_id');
  const remove = db.prepare('DELETE FROM contradictions WHERE contradiction_id = ?');
  db.transaction(() => {
    const keep = new Set<string>();
    for (const contradiction of contradictions) {
      keep.add(contradiction.contradiction_id);
      const before = existing.get(contradiction.contradiction_id);
      if (!before) {
        insert.run(contradiction);
        outcome.inserted += 1;
      } else if (before.explanation !== contradiction.explanation || before.score !== contradiction.score || before.judge !== contradiction.judge) {
        update.run(contradiction);
        outcome.updated += 1;
      }
    }
    for (const id of existing.keys()) {
      if (!keep.has(id)) {
        remove.run(id);
        outcome.deleted += 1;
      }
    }
  })();
  return outcome;
}

/** Contradictions with both claims, highest score first, ties in a stable order. */
export function loadContradictions(db: Db): ContradictionRow[] {
  const rows = db
    .prepare('SELECT contradiction_id, kind, claim_a, claim_b, explanation, score, judge FROM contradictions ORDER BY score DESC, kind, contradiction_id')
    .all() as Contradiction[];
  const claim = db.prepare(`SELECT ${CLAIM_COLUMNS} ${CLAIM_FROM} WHERE c.claim_id = ?`);
  return rows.flatMap((row) => {
    const a = claim.get(row.claim_a) as ClaimRow | undefined;
    const b = claim.get(row.claim_b) as ClaimRow | undefined;
    return a && b ? [{ ...row, a, b }] : [];
  });
}

export function reportCounts(db: Db): ReportCounts {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const grouped = (sql: string) => Object.fromEntries((db.prepare(sql).all() as { key: string; n: number }[]).map((row) => [row.key, row.n]));
  return {
    articles: count(`SELECT count(*) AS n FROM articles WHERE status = 'ok'`),
    claims: count('SELECT count(*) AS n FROM claims'),
    clusters: count('SELECT count(*) AS n FROM clusters'),
    contradictions: count('SELECT count(*) AS n FROM contradictions'),
    byKind: grouped('SELECT kind AS key, count(*) AS n FROM contradictions GROUP BY kind ORDER BY kind'),
    byLanguage: grouped(
      `SELECT a.language AS key, count(DISTINCT x.contradiction_id) AS n FROM contradictions x
       JOIN claims c ON c.claim_id IN (x.claim_a, x.claim_b) JOIN articles a ON a.article_id = c.article_id
       GROUP BY a.language ORDER BY a.language`,
    ),
  };
}
