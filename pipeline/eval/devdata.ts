import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { scoreLanguage, type LanguageScore } from './language.ts';

/** One line of ../shared/devdata/flores-wikinews/articles.jsonl: the same article, sentence by sentence, in three languages. */
const FloresArticle = z.object({ id: z.string(), en: z.array(z.string()), de: z.array(z.string()), nl: z.array(z.string()) });

export type DevdataLanguage = { file: string; sentences: LanguageScore; articles: LanguageScore };

/**
 * Language detection on real translated news (FLORES-200 Wikinews), read where it lies at run
 * time and never copied: per sentence, and per whole article. Absent data gives null.
 */
export function devdataLanguage(file: string): DevdataLanguage | null {
  if (!existsSync(file)) return null;
  const sentences: { text: string; lang: string }[] = [];
  const articles: { text: string; lang: string }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const parsed = FloresArticle.safeParse(JSON.parse(line));
    if (!parsed.success) continue;
    for (const lang of ['nl', 'de', 'en'] as const) {
      const texts = parsed.data[lang].map((text) => text.trim()).filter(Boolean);
      sentences.push(...texts.map((text) => ({ text, lang })));
      articles.push({ text: texts.join(' '), lang });
    }
  }
  return { file, sentences: scoreLanguage(sentences), articles: scoreLanguage(articles, () => 'article') };
}
