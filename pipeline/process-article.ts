import type { ArticleForExtraction, LoadedArticle, SupportedLanguage } from '../schemas/article.ts';
import type { ExtractorClaim, GroundedClaim, UnalignedClaim } from '../schemas/claim.ts';
import { resolveDate } from './dates/index.ts';
import { detectLanguage } from './detect-language/index.ts';
import { oneLine } from './errors.ts';
import { noStats, type Extractor, type ExtractionStats } from './extract/index.ts';
import { alignmentKeepsMeaning, quoteGrounder, quoteSupports, type QuoteSurroundings } from './ground/index.ts';
import type { ArticleRecord } from '../schemas/record.ts';

export type ProcessedArticle = { record: ArticleRecord; stats: ExtractionStats };

/**
 * Times one named step and hands back its result. The run passes its own, so ingest and bench time
 * the same code; without one, nothing is timed.
 */
export type StageClock = <T>(stage: 'detect' | 'extract' | 'ground', work: () => T) => T;
const untimed: StageClock = (_stage, work) => work();

/** How far before a quote its actor may be named (the sentence before), and after it. */
const NEAR_BEFORE = 300;
const NEAR_AFTER = 100;
const SENTENCE_END = /[.!?\n]/u;

/**
 * The text around a grounded quote. Code-point offsets are used as UTF-16 indices here: off by one
 * per astral character before the quote, which windows of whole sentences and hundreds of characters absorb.
 */
function surroundingsOf(text: string, span: { char_start: number; char_end: number }): QuoteSurroundings {
  let from = span.char_start;
  for (let ends = 0; from > 0 && from > span.char_start - 2 * NEAR_BEFORE; from--) {
    if (SENTENCE_END.test(text[from - 1]!) && ++ends === 2) break;
  }
  let to = span.char_end;
  while (to < text.length && to < span.char_end + NEAR_BEFORE && !SENTENCE_END.test(text[to]!)) to++;
  return {
    near: text.slice(Math.max(0, span.char_start - NEAR_BEFORE), span.char_end + NEAR_AFTER),
    sentences: text.slice(from, to + 1),
  };
}

/**
 * Claims whose quotes align with the text and carry the claim, and those that do not, each with
 * the reason (kept for review, never stored as fact): a quote that is not there, a loose alignment
 * that changes a negation or a number, a quote too short to state anything or that does not name
 * the actor or hold the action.
 */
export function groundClaims(
  text: string,
  claims: readonly ExtractorClaim[],
  language: SupportedLanguage,
  published: LoadedArticle['metadata']['published'],
): { grounded: GroundedClaim[]; unaligned: UnalignedClaim[] } {
  const grounded: GroundedClaim[] = [];
  const unaligned: UnalignedClaim[] = [];
  const seenSpans = new Set<string>();
  const ground = quoteGrounder(text);
  for (const claim of claims) {
    const grounding = ground(claim.quote);
    if (!grounding) {
      unaligned.push({ ...claim, unaligned_reason: 'quote not found in the article' });
      continue;
    }
    const aligned =
      grounding.alignment === 'exact'
        ? ({ supported: true } as const)
        : alignmentKeepsMeaning(claim.quote, grounding.quote);
    const supported = aligned.supported
      ? quoteSupports(claim, grounding.quote, language, surroundingsOf(text, grounding))
      : aligned;
    if (!supported.supported) {
      unaligned.push({ ...claim, unaligned_reason: supported.reason });
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
export async function processArticle(
  articleId: string,
  article: LoadedArticle,
  extractor: Extractor,
  clock: StageClock = untimed,
): Promise<ProcessedArticle> {
  const identity = { extractor: extractor.extractor, model: extractor.model, promptVersion: extractor.promptVersion };
  const language = clock('detect', () => detectLanguage(article.text));
  const base = { articleId, article, language, identity, claims: [], unaligned: [] };
  if (!language.supported) {
    return {
      record: { ...base, status: 'skipped', error: language.reason },
      stats: noStats(),
    };
  }
  const input: ArticleForExtraction = {
    articleId,
    text: article.text,
    language: language.code,
    ...(article.metadata.title ? { title: article.metadata.title } : {}),
    ...(article.metadata.outlet ? { outlet: article.metadata.outlet } : {}),
    ...(article.metadata.published ? { published: article.metadata.published } : {}),
  };
  try {
    const extraction = await clock('extract', () => extractor.extract(input));
    const { grounded, unaligned } = clock('ground', () =>
      groundClaims(article.text, extraction.claims, input.language, article.metadata.published),
    );
    // A loading warning rides in the error column of an ok article: the text is stored, but a reader should look.
    const warning = article.warnings?.length ? { error: `warning: ${article.warnings.join('; ')}` } : {};
    return { record: { ...base, status: 'ok', claims: grounded, unaligned, ...warning }, stats: extraction.stats };
  } catch (error) {
    return { record: { ...base, status: 'error', error: `extraction failed: ${oneLine(error)}` }, stats: noStats() };
  }
}
