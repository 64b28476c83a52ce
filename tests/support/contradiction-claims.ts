import type { ClaimRow } from '../../pipeline/store/contradictions.ts';
import { contentId } from '../../pipeline/hash.ts';

export type ClaimSketch = Partial<ClaimRow> & Pick<ClaimRow, 'language' | 'actor' | 'action' | 'statement_en'>;

let serial = 0;

/** A stored claim as the contradiction rules see it; the quote defaults to actor and action. */
export function claimRow(sketch: ClaimSketch): ClaimRow {
  serial += 1;
  const quote = sketch.quote ?? `${sketch.actor} ${sketch.action}`;
  const article = sketch.article_id ?? `article-${serial}`;
  return {
    claim_id: sketch.claim_id ?? contentId('claim', article, quote, sketch.statement_en, serial),
    article_id: article,
    date: null,
    date_start: null,
    date_end: null,
    date_precision: null,
    reason: null,
    source: null,
    quote,
    char_start: 0,
    char_end: quote.length,
    alignment: 'exact',
    alignment_score: 1,
    polarity: 'affirmed',
    modality: 'fact',
    extractor: 'test',
    model: 'hand',
    prompt_version: 't',
    cluster_id: null,
    published: '2020-04-07',
    outlet: `Outlet ${serial}`,
    path: `${article}.txt`,
    ...sketch,
  };
}

import type { GroundedClaim } from '../../schemas/claim.ts';
import { saveArticle, type Db } from '../../pipeline/store/index.ts';

export type StoredArticleSketch = {
  path: string;
  language: 'nl' | 'de' | 'en';
  outlet: string;
  published: string;
  claims: (Pick<GroundedClaim, 'actor' | 'action' | 'statement_en' | 'quote'> & Partial<GroundedClaim>)[];
};

/** Stores an article whose text is its claims' quotes, each claim grounded exactly. */
export function storeArticle(db: Db, sketch: StoredArticleSketch): string {
  const text = sketch.claims.map((claim) => claim.quote).join(' ');
  const articleId = contentId('article', sketch.path, text);
  let offset = 0;
  const claims: GroundedClaim[] = sketch.claims.map((claim) => {
    const start = text.indexOf(claim.quote, offset);
    offset = start + claim.quote.length;
    return {
      date: null,
      reason: null,
      source: null,
      polarity: 'affirmed',
      modality: 'fact',
      date_start: null,
      date_end: null,
      date_precision: null,
      ...claim,
      char_start: start,
      char_end: start + claim.quote.length,
      alignment: 'exact',
      alignment_score: 1,
    };
  });
  saveArticle(db, {
    articleId,
    article: {
      path: sketch.path,
      text,
      encoding: 'utf-8',
      metadata: { outlet: sketch.outlet, title: sketch.path, published: { iso: sketch.published, precision: 'day' } },
    },
    language: { code: sketch.language, confidence: 1, supported: true },
    status: 'ok',
    identity: { extractor: 'test', model: 'hand', promptVersion: 't' },
    claims,
    unaligned: [],
  });
  return articleId;
}
