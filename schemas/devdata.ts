import { z } from 'zod';

/**
 * One line of ../shared/devdata/flores-wikinews/articles.jsonl (text by others, read at run time
 * and never copied): the same article, sentence by sentence, in three languages.
 */
export const FloresArticle = z.object({
  id: z.string(),
  en: z.array(z.string()),
  de: z.array(z.string()),
  nl: z.array(z.string()),
});
export type FloresArticle = z.infer<typeof FloresArticle>;
