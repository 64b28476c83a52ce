import type { Db } from '../store/index.ts';
import type { Gold, PlacedGoldClaim } from './gold.ts';
import { fieldAgrees, matchSpans, pairwiseClusters, prf, scoreContradictions, type ContradictionScore, type PRF } from './metrics.ts';

type ClaimRow = {
  claim_id: string;
  path: string;
  char_start: number;
  char_end: number;
  actor: string;
  date: string | null;
  source: string | null;
  cluster_id: string | null;
};

export type FieldScore = { right: number; total: number; accuracy: number };

export type RunScore = {
  extractor: string;
  articles: { total: number; ok: number; languageRight: number };
  claims: PRF & { predicted: number; gold: number; matched: number };
  fields: { actor: FieldScore; date: FieldScore; source: FieldScore };
  grounding: { claims: number; unaligned: number; rate: number };
  clusters: PRF & { goldPairs: number; predictedPairs: number; clusteredClaims: number };
  contradictions: ContradictionScore;
};

const fieldScore = (right: number, total: number): FieldScore => ({ right, total, accuracy: total > 0 ? right / total : 0 });

/** Scores what one pipeline run stored in `db`, through the public views only, against the gold. */
export function scoreRun(db: Db, gold: Gold, extractor: string): RunScore {
  const articles = db.prepare('SELECT path, language, status, outlet FROM v_articles').all() as { path: string; language: string | null; status: string; outlet: string | null }[];
  const outletOf = new Map(articles.map((row) => [row.path, row.outlet]));
  const languageRight = articles.filter((row) => row.status === 'ok' && gold.articles.get(row.path)?.language === row.language).length;

  const claims = db.prepare('SELECT claim_id, path, char_start, char_end, actor, date, source, cluster_id FROM v_claims').all() as ClaimRow[];
  const goldClaims = [...gold.claims.values()];
  const { pairs } = matchSpans<ClaimRow, PlacedGoldClaim>(claims, goldClaims);

  let actor = 0;
  let date = 0;
  let source = 0;
  for (const [predicted, truth] of pairs) {
    if (fieldAgrees(predicted.actor, truth.actor)) actor += 1;
    if (fieldAgrees(predicted.date, truth.date)) date += 1;
    if (fieldAgrees(predicted.source, truth.source, outletOf.get(predicted.path) ?? null)) source += 1;
  }

  const unaligned = (db.prepare('SELECT count(*) AS n FROM v_unaligned').get() as { n: number }).n;
  const goldIdOf = new Map(pairs.map(([predicted, truth]) => [predicted.claim_id, truth.id]));
  const contradictions = db.prepare('SELECT kind, claim_a, claim_b FROM v_contradictions').all() as { kind: string; claim_a: string; claim_b: string }[];

  return {
    extractor,
    articles: { total: articles.length, ok: articles.filter((row) => row.status === 'ok').length, languageRight },
    claims: { ...prf(pairs.length, claims.length, goldClaims.length), predicted: claims.length, gold: goldClaims.length, matched: pairs.length },
    fields: { actor: fieldScore(actor, pairs.length), date: fieldScore(date, pairs.length), source: fieldScore(source, pairs.length) },
    grounding: { claims: claims.length, unaligned, rate: claims.length + unaligned > 0 ? claims.length / (claims.length + unaligned) : 0 },
    clusters: {
      ...pairwiseClusters(pairs.map(([predicted, truth]) => ({ gold: truth.cluster, predicted: predicted.cluster_id }))),
      clusteredClaims: claims.filter((claim) => claim.cluster_id !== null).length,
    },
    contradictions: scoreContradictions(
      contradictions.map((row) => ({ a: goldIdOf.get(row.claim_a) ?? null, b: goldIdOf.get(row.claim_b) ?? null, kind: row.kind })),
      gold.contradictions,
      gold.nearMisses,
    ),
  };
}
