import { fileURLToPath } from 'node:url';
import type { FloresArticle } from '../../schemas/devdata.ts';
import { FLORES_PATH, readFloresArticles } from './flores.ts';
import { extractRuleClaims } from '../rules/extract.ts';
import { glossTokens } from '../rules/gloss.ts';
import { lexiconFor } from '../rules/lexicon.ts';
import { tokenize } from '../text/tokens.ts';

/**
 * How much of the English a Dutch or German gloss gets right, on real translated news (FLORES-200
 * Wikinews, read from ../shared/devdata at run time, never copied): the stemmed content words the
 * gloss of a sentence shares with the English translation of that sentence.
 *   npx tsx pipeline/eval/flores-gloss.ts
 */

const STOP = new Set(
  (
    'a an the this that these those and or but of in on at to for with by from about as into than then so not no it its he she they we i you ' +
    'his her their our my your him them us is are was were be been being has have had do does did will would can could may might must should ' +
    'there here also still already now which who whom whose what when where why how all some any more most very just only such other out up'
  ).split(' '),
);

/** A crude English stem, the same for both sides: "concerns" and "concerned" meet at "concern". */
function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  for (const [suffix, keep] of [
    ['ies', 'y'],
    ['ied', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
    ['ly', ''],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + keep;
      break;
    }
  }
  return w.replace(/e$/, '');
}

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.kind === 'punct' || STOP.has(token.lower)) continue;
    for (const part of token.lower.split(/[-']/)) if (part && !STOP.has(part)) out.add(stem(part));
  }
  return out;
}

/** Jaccard overlap and recall (share of the English content words the gloss has). */
function overlap(gloss: string, english: string): { jaccard: number; recall: number } {
  const g = contentWords(gloss);
  const e = contentWords(english);
  let shared = 0;
  for (const w of g) if (e.has(w)) shared++;
  const union = g.size + e.size - shared;
  return { jaccard: union ? shared / union : 1, recall: e.size ? shared / e.size : 1 };
}

export type GlossScores = {
  sentences: number;
  jaccard: number;
  recall: number;
  claims: number;
  claimPrecision: number;
};

export function glossFidelity(articles: readonly FloresArticle[]): Record<'nl' | 'de', GlossScores> {
  const result = {} as Record<'nl' | 'de', GlossScores>;
  for (const language of ['nl', 'de'] as const) {
    const lex = lexiconFor(language);
    let jaccard = 0;
    let recall = 0;
    let sentences = 0;
    let claims = 0;
    let claimPrecision = 0;
    for (const article of articles) {
      article[language].forEach((sentence, i) => {
        const english = article.en[i] ?? '';
        const o = overlap(glossTokens(tokenize(sentence), lex), english);
        jaccard += o.jaccard;
        recall += o.recall;
        sentences++;
        // A claim's statement should say words of its sentence's English: the share of its content words that do.
        const englishWords = contentWords(english);
        for (const claim of extractRuleClaims({ articleId: `${article.id}-${i}`, text: sentence, language })) {
          const words = contentWords(claim.statement_en);
          if (!words.size) continue;
          claims++;
          claimPrecision += [...words].filter((w) => englishWords.has(w)).length / words.size;
        }
      });
    }
    const r = (x: number, n: number) => Number((n ? x / n : 0).toFixed(3));
    result[language] = {
      sentences,
      jaccard: r(jaccard, sentences),
      recall: r(recall, sentences),
      claims,
      claimPrecision: r(claimPrecision, claims),
    };
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const articles = readFloresArticles();
  if (!articles) {
    console.log(`no FLORES devdata at ${FLORES_PATH}; nothing to measure`);
  } else {
    const started = performance.now();
    const scores = glossFidelity(articles);
    console.log('gloss of the whole sentence vs its English (stemmed content words): jaccard, recall;');
    console.log('claims: share of statement_en content words found in the English sentence');
    for (const [language, s] of Object.entries(scores)) console.log(language, JSON.stringify(s));
    console.log(`${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
}
