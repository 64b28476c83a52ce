import { z } from 'zod';

/**
 * One line of ../shared/devdata/de-wikinews-quotes/articles.jsonl (text by others, evaluation only,
 * read at run time and never copied): a German Wikinews article with its quotations annotated by hand.
 */
export const AnnotatedQuotation = z.object({
  type: z.string(),
  speaker: z.string().nullable().optional(),
  cue: z.string().nullable().optional(),
  quote: z.string(),
});
export const QuotedArticle = z.object({
  dewikinews_id: z.string(),
  title: z.string(),
  date: z.string(),
  text: z.string(),
  quotes: z.array(AnnotatedQuotation),
});
export type QuotedArticle = z.infer<typeof QuotedArticle>;
