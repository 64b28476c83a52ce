import type { ReviewData } from '../../schemas/review.ts';
import type { Db } from './open.ts';

/** Everything the report page's Claims and Articles tabs show, in stable orders, read in one pass per table. */
export function loadReviewData(db: Db): ReviewData {
  const articles = (
    db
      .prepare(
        `SELECT a.article_id, (SELECT json_group_array(path) FROM (SELECT p.path FROM article_paths p WHERE p.article_id = a.article_id ORDER BY p.path)) AS paths,
       a.title, o.name AS outlet, a.published, a.language, a.text
     FROM articles a LEFT JOIN outlets o ON o.outlet_id = a.outlet_id WHERE a.status = 'ok'
     ORDER BY a.published DESC NULLS LAST, a.article_id`,
      )
      .all() as (Omit<ReviewData['articles'][number], 'paths'> & { paths: string })[]
  ).map((row) => ({ ...row, paths: JSON.parse(row.paths) as string[] }));
  const claims = db
    .prepare(
      `SELECT c.claim_id, c.article_id, c.cluster_id, c.actor, c.action, c.date_text AS date, c.date_start, c.date_end, c.reason, c.source, c.quote,
       c.char_start, c.char_end, c.alignment, c.statement_en, c.statement_origin, c.polarity, c.modality
     FROM claims c JOIN articles a ON a.article_id = c.article_id WHERE a.status = 'ok' ORDER BY c.article_id, c.char_start, c.claim_id`,
    )
    .all() as ReviewData['claims'];
  const clusters = db
    .prepare(
      `SELECT cluster_id, statement_en, n_claims, n_articles, n_sources, first_date, last_date FROM v_clusters ORDER BY n_sources DESC, n_claims DESC, cluster_id`,
    )
    .all() as ReviewData['clusters'];
  const contradictions = db
    .prepare(
      'SELECT contradiction_id, kind, claim_a, claim_b, score, explanation FROM contradictions ORDER BY score DESC, kind, contradiction_id',
    )
    .all() as ReviewData['contradictions'];
  const unaligned = db
    .prepare('SELECT article_id, quote, statement_en, actor, action FROM unaligned ORDER BY article_id, unaligned_id')
    .all() as ReviewData['unaligned'];
  return { articles, claims, clusters, contradictions, unaligned };
}
