import { z } from 'zod';
import { ArticleStatus, LanguageGuess, LoadedArticle } from './article.ts';
import { GroundedClaim, UnalignedClaim } from './claim.ts';

/** Which extractor made a claim: recorded with it, so a change of model or prompt re-extracts. */
export const ExtractorIdentity = z.object({ extractor: z.string(), model: z.string(), promptVersion: z.string() });
export type ExtractorIdentity = z.infer<typeof ExtractorIdentity>;

/** Everything one article's processing produced, written to the store in one transaction. */
export const ArticleRecord = z.object({
  articleId: z.string(),
  article: LoadedArticle,
  language: LanguageGuess,
  status: ArticleStatus,
  error: z.string().optional(),
  identity: ExtractorIdentity,
  claims: z.array(GroundedClaim).readonly(),
  unaligned: z.array(UnalignedClaim).readonly(),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/**
 * The response cache port: the LLM extractors read and write answers through it, the store
 * implements it in SQLite, tests in memory.
 */
export type ResponseCache = {
  get(key: string): string | undefined;
  set(key: string, entry: { model: string; promptVersion: string; response: string }): void;
};
