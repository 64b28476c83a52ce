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
