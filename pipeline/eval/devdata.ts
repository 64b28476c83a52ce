import { readFloresArticles } from './flores.ts';
import { scoreLanguage, type LanguageScore } from './language.ts';

export type DevdataLanguage = { file: string; sentences: LanguageScore; articles: LanguageScore };

/**
 * Language detection on real translated news (FLORES-200 Wikinews), read where it lies at run
 * time and never copied: per sentence, and per whole article. Absent data gives null.
 */
export function devdataLanguage(file: string): DevdataLanguage | null {
  const flores = readFloresArticles(file);
  if (!flores) return null;
  const sentences: { text: string; lang: string }[] = [];
  const articles: { text: string; lang: string }[] = [];
  for (const article of flores) {
    for (const lang of ['nl', 'de', 'en'] as const) {
      const texts = article[lang].map((text) => text.trim()).filter(Boolean);
      sentences.push(...texts.map((text) => ({ text, lang })));
      articles.push({ text: texts.join(' '), lang });
    }
  }
  return { file, sentences: scoreLanguage(sentences), articles: scoreLanguage(articles, () => 'article') };
}
