import type { Embeddings } from '@langchain/core/embeddings';
import type { ArticleForExtraction } from '../../schemas/article.ts';
import { ExtractionOutput, type ExtractedClaim, type ExtractorClaim } from '../../schemas/claim.ts';
import type { PromptFile } from '../../schemas/prompt.ts';
import { noStats, type ChatTurn, type Extraction, type Extractor, type Judge } from '../extract/index.ts';
import { contentId } from '../hash.ts';
import type { ResponseCache } from '../../schemas/record.ts';
import { chunkArticle } from './chunk.ts';
import { buildMessages, contextOf, repairMessage } from './prompt.ts';
import type { RetryPolicy } from './retry.ts';
import { askStructured, type ChatClient, type StructuredOptions } from './structured.ts';

export type ChatExtractorOptions = {
  extractor: string;
  model: string;
  prompt: PromptFile;
  client: ChatClient;
  cache: ResponseCache;
  retry: RetryPolicy;
  maxRepairs: number;
  embedder?: () => Embeddings;
  close?: () => Promise<void>;
};

const claimKey = (claim: ExtractedClaim) =>
  [claim.quote, claim.actor, claim.action]
    .map((part) => part.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim())
    .join('\u0000');

/**
 * An Extractor over any chat model: the article in chunks, each chunk one structured question
 * (cached, retried, repaired), the chunks' claims merged with the overlap's repeats dropped.
 */
export function createChatExtractor(options: ChatExtractorOptions): Extractor {
  const { extractor, model, prompt } = options;
  const structured: StructuredOptions = {
    client: options.client,
    cache: options.cache,
    model: `${extractor}:${model}`,
    promptVersion: prompt.version,
    retry: options.retry,
    maxRepairs: options.maxRepairs,
    repairTurn: (errors) => repairMessage(prompt, errors),
  };

  const extract = async (article: ArticleForExtraction): Promise<Extraction> => {
    const stats = noStats();
    const claims: ExtractorClaim[] = [];
    const seen = new Set<string>();
    const chunks = chunkArticle(article.text);
    // One budget for all requests of the article: a hung server costs it this, not every retry's time-out.
    const budgetMs = options.retry.articleBudgetMs ?? options.retry.timeoutMs * (chunks.length + 1);
    const deadline = { at: Date.now() + budgetMs, budgetMs };
    // Chunks of one article go one after another, so the run's --concurrency bounds requests in flight.
    for (const chunk of chunks) {
      stats.chunks += 1;
      const context = contextOf(article);
      const turns = buildMessages(prompt, chunk, article.language, context);
      const output = await askStructured(
        structured,
        {
          schema: ExtractionOutput,
          schemaName: 'extraction',
          turns,
          cacheKey: contentId(
            'extract',
            extractor,
            model,
            prompt.version,
            article.language,
            chunk,
            context.title ?? '',
            context.outlet ?? '',
            context.published ?? '',
          ),
          wrapArrayAs: 'claims',
          deadline,
        },
        stats,
      );
      for (const claim of output.claims) {
        const key = claimKey(claim);
        if (seen.has(key)) continue;
        seen.add(key);
        claims.push({ ...claim, statement_origin: 'model' });
      }
    }
    return { claims, stats };
  };

  const judge: Judge = {
    model: `${extractor}:${model}`,
    ask: (schema, turns: readonly ChatTurn[], name = 'answer') =>
      askStructured(
        structured,
        {
          schema,
          schemaName: name,
          turns,
          cacheKey: contentId('judge', extractor, model, name, JSON.stringify(turns)),
        },
        noStats(),
      ),
  };

  const created: Extractor = {
    extractor,
    model,
    promptVersion: prompt.version,
    extract,
    judge,
    ...(options.close ? { close: options.close } : {}),
  };
  const makeEmbedder = options.embedder;
  if (makeEmbedder) {
    // Built on first use: a run whose dedup stage does not embed never constructs a client.
    let embedder: Embeddings | undefined;
    Object.defineProperty(created, 'embedder', { enumerable: true, get: () => (embedder ??= makeEmbedder()) });
  }
  return created;
}
