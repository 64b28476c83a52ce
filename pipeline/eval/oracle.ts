import type { ExtractedClaim } from '../../schemas/claim.ts';
import { noStats, type Extractor } from '../extract/index.ts';
import type { Gold } from './gold.ts';

/**
 * An extractor that answers with the gold claims of each article, so the later stages (dedup,
 * contradictions) can be scored on perfect input, apart from extraction errors. It borrows the
 * embedder and judge of the real extractor, if any, so those stages run as they would.
 */
export function goldExtractor(gold: Gold, borrowFrom?: Extractor): Extractor {
  const byText = new Map([...gold.articles.values()].map((article) => [article.text, article.claims]));
  return {
    extractor: 'gold',
    model: 'corpus/gold',
    promptVersion: String(gold.claims.size),
    ...(borrowFrom?.embedder ? { embedder: borrowFrom.embedder } : {}),
    ...(borrowFrom?.judge ? { judge: borrowFrom.judge } : {}),
    ...(borrowFrom?.close ? { close: () => borrowFrom.close!() } : {}),
    async extract(article) {
      const claims: ExtractedClaim[] = (byText.get(article.text) ?? []).map((claim) => ({
        actor: claim.actor,
        action: claim.action,
        date: claim.date,
        reason: claim.reason,
        source: claim.source,
        quote: claim.quote,
        statement_en: claim.statement_en,
        polarity: claim.polarity,
        modality: claim.modality,
      }));
      return { claims, stats: noStats() };
    },
  };
}
