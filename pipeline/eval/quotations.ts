import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QuotedArticle } from '../../schemas/devdata-quotes.ts';
import type { Db } from '../store/index.ts';
import { fieldAgrees, spanOverlap, MATCH_OVERLAP, type Span } from './metrics.ts';

/** Where the annotated German Wikinews quotations lie beside this project's checkout (evaluation only). */
export const WIKINEWS_QUOTES_PATH = fileURLToPath(
  new URL('../../../shared/devdata/de-wikinews-quotes/articles.jsonl', import.meta.url),
);

export function readQuotedArticles(path = WIKINEWS_QUOTES_PATH): QuotedArticle[] | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => QuotedArticle.parse(JSON.parse(line)));
}

const pathOf = (article: QuotedArticle) => `wikinews-${article.dewikinews_id}.md`;

/**
 * Writes the articles as a user's folder would hold them: Markdown with front matter (title,
 * outlet Wikinews, date), into a scratch folder, never into the project.
 */
export function writeQuotedFolder(articles: readonly QuotedArticle[], folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const article of articles) {
    const front = `---\ntitle: ${JSON.stringify(article.title)}\noutlet: Wikinews\ndate: ${article.date}\n---\n\n`;
    writeFileSync(join(folder, pathOf(article)), `${front}${article.text}\n`);
  }
}

export type QuotationClaim = Span & { source: string | null; actor?: string | null };
export type PlacedQuotation = Span & { speaker: string | null };

export type QuotationScore = {
  quotations: number;
  placed: number;
  recalled: number;
  withSpeaker: number;
  speakerAsSource: number;
  /**
   * The speaker as source, or as the actor of the claim itself: "Die Grünen fordern …" stores the demand as the
   * Greens' act, reported by the outlet (source null, as our corpus gold marks it), where the Wikinews annotation
   * calls the demand an indirect quotation by the Greens. Printed beside the goal figure, never instead of it.
   */
  speakerNamed: number;
  recall: number;
  speakerRate: number;
};

/**
 * A quotation is recalled when some claim's quote overlaps it by half of the shorter span; its
 * speaker is the source when one of those claims names the annotated speaker (shared words).
 * Speaker-as-source counts over every quotation with a speaker, recalled or not.
 */
export function scoreQuotations(
  quotations: readonly PlacedQuotation[],
  claims: readonly QuotationClaim[],
  total = quotations.length,
): QuotationScore {
  let recalled = 0;
  let withSpeaker = 0;
  let speakerAsSource = 0;
  let speakerNamed = 0;
  for (const quotation of quotations) {
    const hits = claims.filter((claim) => spanOverlap(claim, quotation) >= MATCH_OVERLAP);
    if (hits.length) recalled++;
    if (!quotation.speaker) continue;
    withSpeaker++;
    const speaker = quotation.speaker;
    const agrees = (field: string | null | undefined) => field != null && fieldAgrees(field, speaker);
    if (hits.some((claim) => agrees(claim.source))) speakerAsSource++;
    if (hits.some((claim) => agrees(claim.source) || agrees(claim.actor))) speakerNamed++;
  }
  return {
    quotations: total,
    placed: quotations.length,
    recalled,
    withSpeaker,
    speakerAsSource,
    speakerNamed,
    recall: total > 0 ? recalled / total : 0,
    speakerRate: withSpeaker > 0 ? speakerAsSource / withSpeaker : 0,
  };
}

const codePoints = (text: string) => [...text].length;

/** Places each annotated quotation in the stored text of its article (code points, as v_claims counts). */
export function placeQuotations(
  db: Db,
  articles: readonly QuotedArticle[],
): { placed: PlacedQuotation[]; total: number } {
  const textOf = db.prepare(
    'SELECT t.text FROM v_articles a JOIN v_article_text t USING (article_id) WHERE a.path = ?',
  );
  const placed: PlacedQuotation[] = [];
  let total = 0;
  for (const article of articles) {
    const path = pathOf(article);
    const row = textOf.get(path) as { text: string } | undefined;
    for (const quotation of article.quotes) {
      total++;
      const index = row ? row.text.normalize('NFC').indexOf(quotation.quote.normalize('NFC').trim()) : -1;
      if (!row || index < 0) continue;
      const start = codePoints(row.text.slice(0, index));
      placed.push({
        path,
        char_start: start,
        char_end: start + codePoints(quotation.quote.trim()),
        speaker: quotation.speaker?.trim() || null,
      });
    }
  }
  return { placed, total };
}
