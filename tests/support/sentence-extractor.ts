import type { Extractor } from '../../pipeline/extract/index.ts';

/**
 * A deterministic stand-in for a model, for tests of the store and the run: one claim per
 * sentence, quoting it verbatim. It counts its calls so a test can tell whether work was done.
 */
export function sentenceExtractor(options: { delayMs?: number; failOn?: string } = {}): Extractor & { calls: number } {
  const extractor = {
    extractor: 'test',
    model: 'sentences',
    promptVersion: 't1',
    calls: 0,
    async extract(article: { text: string }) {
      extractor.calls += 1;
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.failOn && article.text.includes(options.failOn)) throw new Error('model answered garbage twice');
      const sentences = article.text.match(/[^.!?\n]+[.!?]/g) ?? [];
      const claims = sentences.map((sentence) => ({
        actor: sentence.trim().split(/\s+/).slice(0, 2).join(' '),
        action: sentence.trim().split(/\s+/).slice(2, 6).join(' ') || 'says',
        date: null,
        reason: null,
        source: null,
        quote: sentence.trim(),
        statement_en: sentence.trim(),
        polarity: 'affirmed' as const,
        modality: 'fact' as const,
      }));
      return { claims, stats: { llmCalls: 1, cacheHits: 0, repairs: 0, chunks: 1 } };
    },
  };
  return extractor;
}
