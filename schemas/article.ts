import { z } from 'zod';

/** ISO 639-1 codes of the languages claimlens extracts from. */
export const SupportedLanguage = z.enum(['nl', 'de', 'en']);
export type SupportedLanguage = z.infer<typeof SupportedLanguage>;

export const DatePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** A publication date as far as the article tells it: `2020-04` stays a month. */
export const PublishedDate = z.object({
  iso: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .describe('YYYY, YYYY-MM or YYYY-MM-DD'),
  precision: DatePrecision,
});
export type PublishedDate = z.infer<typeof PublishedDate>;

export const TextEncoding = z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']);
export type TextEncoding = z.infer<typeof TextEncoding>;

/** Metadata a file may carry about its article; every field optional because formats differ. */
export const ArticleMetadata = z.object({
  title: z.string().optional(),
  outlet: z.string().optional(),
  published: PublishedDate.optional(),
  url: z.string().optional(),
  author: z.string().optional(),
  declaredLanguage: z
    .string()
    .optional()
    .describe('from <html lang> or front matter; a hint, never trusted over the text'),
});
export type ArticleMetadata = z.infer<typeof ArticleMetadata>;

/** Size and modification time of the file an article came from: unchanged stamps skip the read. */
export const FileStamp = z.object({ size: z.number().int().nonnegative(), mtimeMs: z.number().nonnegative() });
export type FileStamp = z.infer<typeof FileStamp>;

/** One article as read from disk: a file, or one line of a .jsonl file. */
export const LoadedArticle = z.object({
  path: z.string().describe('relative to the ingested folder; `feed.jsonl#12` for line 12'),
  text: z.string().min(1).describe('NFC-normalised body text; every offset points into it'),
  encoding: TextEncoding,
  replaced: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('invalid byte sequences the decoder replaced with U+FFFD'),
  metadata: ArticleMetadata,
  stamp: FileStamp.optional(),
  warnings: z
    .array(z.string())
    .optional()
    .describe('what loading was unsure of (a header line read as body text); the article is still ok'),
});
export type LoadedArticle = z.infer<typeof LoadedArticle>;

/** A file (or line) that could not become an article, with the one-line reason. */
export const LoadFailure = z.object({
  path: z.string(),
  reason: z.string(),
  status: z
    .enum(['error', 'skipped'])
    .describe('skipped: not an article file at all; error: an article file that could not be read'),
  stamp: FileStamp.optional(),
});
export type LoadFailure = z.infer<typeof LoadFailure>;

export type LoadOutcome = { kind: 'article'; article: LoadedArticle } | { kind: 'failure'; failure: LoadFailure };

export const ArticleStatus = z.enum(['ok', 'skipped', 'error']);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

/** A language franc found: one claimlens reads, or another with the reason it is not read. */
export const LanguageGuess = z.discriminatedUnion('supported', [
  z.object({ supported: z.literal(true), code: SupportedLanguage, confidence: z.number().min(0).max(1) }),
  z.object({
    supported: z.literal(false),
    code: z.string().describe('another ISO 639-1/3 code, or und'),
    confidence: z.number().min(0).max(1),
    reason: z.string().describe('why the text is not processed'),
  }),
]);
export type LanguageGuess = z.infer<typeof LanguageGuess>;

/** What an extractor sees of an article. The text is data, never instructions. */
export const ArticleForExtraction = z.object({
  articleId: z.string(),
  text: z.string(),
  language: SupportedLanguage,
  title: z.string().optional(),
  outlet: z.string().optional(),
  published: PublishedDate.optional(),
});
export type ArticleForExtraction = z.infer<typeof ArticleForExtraction>;
