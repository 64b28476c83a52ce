import type { SupportedLanguage } from '../../schemas/article.ts';
import type { Db } from '../store/index.ts';
import type { Gold, PlacedGoldClaim } from './gold.ts';
import { englishInvertsPolarity, isBarePronoun, quoteNegationLost } from './honesty.ts';
import {
  fieldAgrees,
  matchSpans,
  pairwiseClusters,
  prf,
  scoreContradictions,
  type ContradictionScore,
  type PRF,
} from './metrics.ts';

type ClaimRow = {
  claim_id: string;
  path: string;
  language: SupportedLanguage;
  statement_en: string;
  polarity: 'affirmed' | 'negated';
  quote: string;
  char_start: number;
  char_end: number;
  actor: string;
  date: string | null;
  source: string | null;
  cluster_id: string | null;
};

export type FieldScore = { right: number; total: number; accuracy: number };

/** What a reader would distrust in the claims, counted without gold: nameless actors, English that flips polarity. */
export type HonestyScore = {
  claims: number;
  barePronounActors: number;
  invertedEnglish: number;
  quoteNegationLost: number;
};

export type LanguageRunScore = {
  claims: PRF & { predicted: number; gold: number; matched: number };
  fields: { actor: FieldScore; date: FieldScore; source: FieldScore };
  honesty: HonestyScore;
};

export type RunScore = {
  extractor: string;
  byLanguage: Record<string, LanguageRunScore>;
  articles: { total: number; ok: number; languageRight: number };
  claims: PRF & { predicted: number; gold: number; matched: number };
  fields: { actor: FieldScore; date: FieldScore; source: FieldScore };
  grounding: { claims: number; unaligned: number; rate: number };
  clusters: PRF & { goldPairs: number; predictedPairs: number; clusteredClaims: number };
  contradictions: ContradictionScore;
};

const fieldScore = (right: number, total: number): FieldScore => ({
  right,
  total,
  accuracy: total > 0 ? right / total : 0,
});

/** Honesty counts over stored claims: needs no gold, so it runs on devdata too. */
export function honestyOf(
  claims: readonly Pick<ClaimRow, 'actor' | 'language' | 'statement_en' | 'polarity' | 'quote'>[],
): HonestyScore {
  return {
    claims: claims.length,
    barePronounActors: claims.filter((c) => isBarePronoun(c.actor, c.language)).length,
    invertedEnglish: claims.filter((c) => englishInvertsPolarity(c.statement_en, c.polarity)).length,
    quoteNegationLost: claims.filter((c) => quoteNegationLost(c.quote, c.statement_en, c.polarity, c.language)).length,
  };
}

function matchAndScore(
  claims: readonly ClaimRow[],
  goldClaims: readonly PlacedGoldClaim[],
  outletOf: ReadonlyMap<string, string | null>,
) {
  const { pairs } = matchSpans<ClaimRow, PlacedGoldClaim>(claims, goldClaims);
  let actor = 0;
  let date = 0;
  let source = 0;
  for (const [predicted, truth] of pairs) {
    if (fieldAgrees(predicted.actor, truth.actor)) actor += 1;
    if (fieldAgrees(predicted.date, truth.date)) date += 1;
    if (fieldAgrees(predicted.source, truth.source, outletOf.get(predicted.path) ?? null)) source += 1;
  }
  return {
    pairs,
    claims: {
      ...prf(pairs.length, claims.length, goldClaims.length),
      predicted: claims.length,
      gold: goldClaims.length,
      matched: pairs.length,
    },
    fields: {
      actor: fieldScore(actor, pairs.length),
      date: fieldScore(date, pairs.length),
      source: fieldScore(source, pairs.length),
    },
  };
}

/** Scores what one pipeline run stored in `db`, through the public views only, against the gold. */
export function scoreRun(db: Db, gold: Gold, extractor: string): RunScore {
  const articles = db.prepare('SELECT path, language, status, outlet FROM v_articles').all() as {
    path: string;
    language: string | null;
    status: string;
    outlet: string | null;
  }[];
  const outletOf = new Map(articles.map((row) => [row.path, row.outlet]));
  const languageRight = articles.filter(
    (row) => row.status === 'ok' && gold.articles.get(row.path)?.language === row.language,
  ).length;

  const claims = db
    .prepare(
      'SELECT claim_id, path, language, char_start, char_end, actor, date, source, cluster_id, statement_en, polarity, quote FROM v_claims',
    )
    .all() as ClaimRow[];
  const goldClaims = [...gold.claims.values()];
  const { pairs, claims: claimScore, fields } = matchAndScore(claims, goldClaims, outletOf);
  const byLanguage: Record<string, LanguageRunScore> = {};
  for (const language of ['nl', 'de', 'en'] as const) {
    const mine = claims.filter((claim) => claim.language === language);
    const theirs = goldClaims.filter((claim) => gold.articles.get(claim.path)?.language === language);
    const scored = matchAndScore(mine, theirs, outletOf);
    byLanguage[language] = { claims: scored.claims, fields: scored.fields, honesty: honestyOf(mine) };
  }

  const unaligned = (db.prepare('SELECT count(*) AS n FROM v_unaligned').get() as { n: number }).n;
  const goldIdOf = new Map(pairs.map(([predicted, truth]) => [predicted.claim_id, truth.id]));
  const contradictions = db.prepare('SELECT kind, claim_a, claim_b FROM v_contradictions').all() as {
    kind: string;
    claim_a: string;
    claim_b: string;
  }[];

  return {
    extractor,
    byLanguage,
    articles: { total: articles.length, ok: articles.filter((row) => row.status === 'ok').length, languageRight },
    claims: claimScore,
    fields,
    grounding: {
      claims: claims.length,
      unaligned,
      rate: claims.length + unaligned > 0 ? claims.length / (claims.length + unaligned) : 0,
    },
    clusters: {
      ...pairwiseClusters(
        pairs.map(([predicted, truth]) => ({ gold: truth.cluster, predicted: predicted.cluster_id })),
      ),
      clusteredClaims: claims.filter((claim) => claim.cluster_id !== null).length,
    },
    contradictions: scoreContradictions(
      contradictions.map((row) => ({
        a: goldIdOf.get(row.claim_a) ?? null,
        b: goldIdOf.get(row.claim_b) ?? null,
        kind: row.kind,
      })),
      gold.contradictions,
      gold.nearMisses,
    ),
  };
}
