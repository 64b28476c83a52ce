import type { ArticleForExtraction } from '../../schemas/article.ts';
import type { ExtractorClaim } from '../../schemas/claim.ts';
import type { Embeddings } from '@langchain/core/embeddings';
import type { z } from 'zod';

/** What an extractor reports besides its claims, for the run summary and the benchmark. */
export type ExtractionStats = { llmCalls: number; cacheHits: number; repairs: number; chunks: number };

export type Extraction = { claims: ExtractorClaim[]; stats: ExtractionStats };

/** One turn of a chat with a model. */
export type ChatTurn = { role: 'system' | 'user' | 'assistant'; content: string };

/** Structured questions to the run's model (cached, retried, repaired), for stages after extraction. */
export interface Judge {
  readonly model: string;
  ask<T>(schema: z.ZodType<T>, turns: readonly ChatTurn[], schemaName?: string): Promise<T>;
}

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
  /** Sentence embeddings from the same provider, for cross-lingual dedup; absent for rules. */
  readonly embedder?: Embeddings;
  /** The LLM itself, for the contradictions stage; absent for rules. */
  readonly judge?: Judge;
}

export const noStats = (): ExtractionStats => ({ llmCalls: 0, cacheHits: 0, repairs: 0, chunks: 0 });
