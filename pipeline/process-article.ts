import type { ArticleForExtraction, LoadedArticle, SupportedLanguage } from '../schemas/article.ts';
import type { ExtractorClaim, GroundedClaim } from '../schemas/claim.ts';
import { resolveDate } from './dates.ts';
import { detectLanguage } from './detect-language.ts';
import { oneLine } from './errors.ts';
import { noStats, type Extractor, type ExtractionStats } from './extract.ts';
import { quoteGrounder } from './ground.ts';
import type { ArticleRecord } from './store/index.ts';

export type ProcessedArticle = { record: ArticleRecord; stats: ExtractionStats };

/** Claims whose quotes align with the text, and those that do not (kept for review, never stored as fact). */
export function groundClaims(
  text: string,
  claims: readonly ExtractorClaim[],
  language: SupportedLanguage,
  published: LoadedArticle['metadata']['published'],
): { grounded: GroundedClaim[]; unaligned: ExtractorClaim[] } {
  const grounded: GroundedClaim[] = [];
  const unaligned: ExtractorClaim[] = [];
  const seenSpans = new Set<string>();
  const ground = quoteGrounder(text);
  for (const claim of claims) {
    const grounding = ground(claim.quote);
    if (!grounding) {
      unaligned.push(claim);
      continue;
    }
    // Overlapping chunks of a long article report the same claim twice: keep it once.
    const span = `${grounding.char_start}:${grounding.char_end}:${claim.actor}:${claim.action}`;
    if (seenSpans.has(span)) continue;
    seenSpans.add(span);
    grounded.push({ ...claim, ...grounding, ...resolveDate(claim.date, language, published) });
  }
  return { grounded, unaligned };
}

/** Language, extraction and grounding for one article: what the store will write, in one go. */
export async function processArticle(articleId: string, article: LoadedArticle, extractor: Extractor): Promise<ProcessedArticle> {
  const identity = { extractor: extractor.extractor, model: extractor.model, promptVersion: extractor.promptVersion };
  const language = detectLanguage(article.text);
  const base = { articleId, article, language, identity, claims: [], unaligned: [] };
  if (!language.supported) {
    return { record: { ...base, status: 'skipped', error: language.reason ?? 'unsupported language' }, stats: noStats() };
  }
  const input: ArticleForExtraction = {
    articleId,
    text: article.text,
    language: language.code as SupportedLanguage,
    ...(article.metadata.title ? { title: article.metadata.title } : {}),
    ...(article.metadata.outlet ? { outlet: article.metadata.outlet } : {}),
    ...(article.metadata.published ? { published: article.metadata.published } : {}),
  };
  try {
    const extraction = await extractor.extract(input);
    const { grounded, unaligned } = groundClaims(article.text, extraction.claims, input.language, article.metadata.published);
    // A loading warning rides in the error column of an ok article: the text is stored, but a reader should look.
    const warning = article.warnings?.length ? { error: `warning: ${article.warnings.join('; ')}` } : {};
    return { record: { ...base, status: 'ok', claims: grounded, unaligned, ...warning }, stats: extraction.stats };
  } catch (error) {
    return { record: { ...base, status: 'error', error: `extraction failed: ${oneLine(error)}` }, stats: noStats() };
  }
}
