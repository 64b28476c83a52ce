import type { ArticleForExtraction } from '../schemas/article.ts';
import type { ExtractedClaim } from '../schemas/claim.ts';

/** What an extractor reports besides its claims, for the run summary and the benchmark. */
export type ExtractionStats = { llmCalls: number; cacheHits: number; repairs: number; chunks: number };

export type Extraction = { claims: ExtractedClaim[]; stats: ExtractionStats };

/**
 * One interface for every way of finding claims: the offline rules and each LLM provider.
 * Nothing downstream knows which one ran, beyond the identity stored with each claim.
 */
export interface Extractor {
  /** `rules`, `openai`, `ollama` or `gguf`. */
  readonly extractor: string;
  /** The model name, or the rules' version. */
  readonly model: string;
  readonly promptVersion: string;
  /** Throws an Error whose message is the one-line reason the article failed. */
  extract(article: ArticleForExtraction): Promise<Extraction>;
  close?(): Promise<void>;
}

export const noStats = (): ExtractionStats => ({ llmCalls: 0, cacheHits: 0, repairs: 0, chunks: 0 });
