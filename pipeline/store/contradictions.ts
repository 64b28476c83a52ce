import {
  REPORT_ORDER,
  type ArticleText,
  type ClaimRow,
  type Contradiction,
  type ContradictionRow,
  type HeldContradiction,
  type ReportCounts,
} from '../../schemas/contradiction.ts';
import { statement, type Db } from './open.ts';

// The shapes live in schemas/; re-exported for the store's readers.
export type { ClaimRow, ContradictionRow, ReportCounts } from '../../schemas/contradiction.ts';

/** A claim's columns as [name, expression over claims c, articles a and outlets o]. */
const CLAIM_FIELDS: readonly (readonly [string, string])[] = [
  ['claim_id', 'c.claim_id'],
  ['article_id', 'c.article_id'],
  ['language', 'a.language'],
  ['actor', 'c.actor'],
  ['action', 'c.action'],
  ['date', 'c.date_text'],
  ...[
    'date_start',
    'date_end',
    'date_precision',
    'reason',
    'source',
    'quote',
    'char_start',
    'char_end',
    'alignment',
    'alignment_score',
    'statement_en',
    'polarity',
    'modality',
    'extractor',
    'model',
    'prompt_version',
    'cluster_id',
    'statement_origin',
  ].map((name) => [name, `c.${name}`] as const),
  ['published', 'a.published'],
  ['outlet', 'o.name'],
  ['path', '(SELECT min(p.path) FROM article_paths p WHERE p.article_id = c.article_id)'],
];

const CLAIM_COLUMNS = CLAIM_FIELDS.map(([name, expression]) => `${expression} AS ${name}`).join(', ');

const CLAIM_FROM = `FROM claims c JOIN articles a ON a.article_id = c.article_id LEFT JOIN outlets o ON o.outlet_id = a.outlet_id`;

/** Every stored claim of an article that was processed successfully, in a stable order. */
export function loadClaims(db: Db): ClaimRow[] {
  return db
    .prepare(`SELECT ${CLAIM_COLUMNS} ${CLAIM_FROM} WHERE a.status = 'ok' ORDER BY c.claim_id`)
    .all() as ClaimRow[];
}

export type SaveOutcome = { inserted: number; updated: number; deleted: number };

const STORED = [
  'contradiction_id',
  'kind',
  'claim_a',
  'claim_b',
  'explanation',
  'score',
  'judge',
  'support_a',
  'support_b',
] as const;

type Row = Record<string, unknown> & { contradiction_id: string };

/**
 * Makes a table hold exactly these rows, in one transaction, touching only rows that differ:
 * an unchanged re-run writes nothing.
 */
function syncRows(
  db: Db,
  table: 'contradictions' | 'contradiction_candidates',
  columns: readonly string[],
  rows: readonly Row[],
): SaveOutcome {
  const outcome: SaveOutcome = { inserted: 0, updated: 0, deleted: 0 };
  const existing = new Map(
    (db.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).all() as Row[]).map((row) => [row.contradiction_id, row]),
  );
  const insert = db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
  );
  const changing = columns.filter((column) => column !== 'contradiction_id');
  const update = db.prepare(
    `UPDATE ${table} SET ${changing.map((column) => `${column} = @${column}`).join(', ')} WHERE contradiction_id = @contradiction_id`,
  );
  const remove = db.prepare(`DELETE FROM ${table} WHERE contradiction_id = ?`);
  db.transaction(() => {
    const keep = new Set<string>();
    for (const row of rows) {
      keep.add(row.contradiction_id);
      const before = existing.get(row.contradiction_id);
      const values = Object.fromEntries(columns.map((column) => [column, row[column]]));
      if (!before) {
        insert.run(values);
        outcome.inserted += 1;
      } else if (changing.some((column) => before[column] !== row[column])) {
        update.run(values);
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

/** Makes the contradictions table (what the report shows) hold exactly these. */
export const saveContradictions = (db: Db, contradictions: readonly Contradiction[]): SaveOutcome =>
  syncRows(db, 'contradictions', STORED, contradictions);

/** Makes the held candidates (v_contradiction_candidates) exactly these; a finding is in one table or the other. */
export const saveHeldContradictions = (db: Db, held: readonly HeldContradiction[]): SaveOutcome =>
  syncRows(db, 'contradiction_candidates', [...STORED, 'held'], held);

/** The texts of these articles, for the translation check. */
export function loadArticleTexts(db: Db, ids: readonly string[]): ArticleText[] {
  const select = db.prepare('SELECT article_id, language, text, published FROM articles WHERE article_id = ?');
  return ids.flatMap((id) => select.all(id) as ArticleText[]);
}

/**
 * The report's order, highest score first, ties in a stable order: the report reads in it and points a reader at
 * v_contradictions with it.
 */

/** The claim columns of one side of a contradiction, prefixed `a_` or `b_`, over aliases ca, aa, oa (or cb, ab, ob). */
const sideColumns = (side: 'a' | 'b') =>
  CLAIM_FIELDS.map(
    ([name, expression]) => `${expression.replace(/\b([cao])\./g, `$1${side}.`)} AS ${side}_${name}`,
  ).join(', ');

const sideJoins = (side: 'a' | 'b') => `
  JOIN claims c${side} ON c${side}.claim_id = x.claim_${side}
  JOIN articles a${side} ON a${side}.article_id = c${side}.article_id
  LEFT JOIN outlets o${side} ON o${side}.outlet_id = a${side}.outlet_id`;

const CONTRADICTION_ROWS = `SELECT x.contradiction_id, x.kind, x.claim_a, x.claim_b, x.explanation, x.score, x.judge, x.support_a, x.support_b,
  ${sideColumns('a')}, ${sideColumns('b')}
  FROM contradictions x ${sideJoins('a')} ${sideJoins('b')}
  ORDER BY ${REPORT_ORDER} LIMIT ?`;

/** One side's claim out of a joined row's prefixed columns. */
function sideOf(row: Record<string, unknown>, side: 'a' | 'b'): ClaimRow {
  const prefix = `${side}_`;
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  ) as ClaimRow;
}

/**
 * The `limit` highest-scoring contradictions with both claims, ties in a stable order: one
 * query, so a report costs the same whatever the table holds beyond what it shows.
 */
export function loadContradictions(db: Db, limit = -1): ContradictionRow[] {
  return (db.prepare(CONTRADICTION_ROWS).all(limit) as Record<string, unknown>[]).map((row) => ({
    contradiction_id: row.contradiction_id as string,
    kind: row.kind as ContradictionRow['kind'],
    claim_a: row.claim_a as string,
    claim_b: row.claim_b as string,
    explanation: row.explanation as string,
    score: row.score as number,
    judge: row.judge as string,
    support_a: row.support_a as number,
    support_b: row.support_b as number,
    a: sideOf(row, 'a'),
    b: sideOf(row, 'b'),
  }));
}

export function reportCounts(db: Db): ReportCounts {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const grouped = (sql: string) =>
    Object.fromEntries((db.prepare(sql).all() as { key: string; n: number }[]).map((row) => [row.key, row.n]));
  return {
    articles: count(`SELECT count(*) AS n FROM articles WHERE status = 'ok'`),
    claims: count('SELECT count(*) AS n FROM claims'),
    clusters: count('SELECT count(*) AS n FROM clusters'),
    contradictions: count('SELECT count(*) AS n FROM contradictions'),
    held: count('SELECT count(*) AS n FROM contradiction_candidates'),
    byKind: grouped('SELECT kind AS key, count(*) AS n FROM contradictions GROUP BY kind ORDER BY kind'),
    byLanguage: grouped(
      `SELECT a.language AS key, count(DISTINCT x.contradiction_id) AS n FROM contradictions x
       JOIN claims c ON c.claim_id IN (x.claim_a, x.claim_b) JOIN articles a ON a.article_id = c.article_id
       GROUP BY a.language ORDER BY a.language`,
    ),
  };
}

/** The judge questions (by key) this model failed to answer on an earlier run. */
export function judgeFailures(db: Db, model: string): Set<string> {
  return new Set(
    (db.prepare('SELECT question FROM _judge_failures WHERE model = ?').all(model) as { question: string }[]).map(
      (row) => row.question,
    ),
  );
}

/**
 * Makes the failure record for one model hold exactly these failed questions: new failures are
 * added, questions answered since (a --force re-run) or no longer asked are dropped. An
 * unchanged re-run writes nothing.
 */
export function saveJudgeFailures(
  db: Db,
  model: string,
  failed: ReadonlyMap<string, string>,
  now = new Date().toISOString(),
): void {
  const known = judgeFailures(db, model);
  const insert = db.prepare(
    'INSERT OR REPLACE INTO _judge_failures (question, model, reason, failed_at) VALUES (?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM _judge_failures WHERE question = ?');
  db.transaction(() => {
    for (const [question, reason] of failed) if (!known.has(question)) insert.run(question, model, reason, now);
    for (const question of known) if (!failed.has(question)) remove.run(question);
  })();
}

export function countHeldContradictions(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM contradiction_candidates').get() as { n: number }).n;
}

export function countContradictions(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM contradictions').get() as { n: number }).n;
}
