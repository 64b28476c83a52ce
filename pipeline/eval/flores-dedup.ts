import { fileURLToPath } from 'node:url';
import type { FloresArticle } from '../../schemas/devdata.ts';
import { FLORES_PATH, readFloresArticles } from './flores.ts';
import { extractRuleClaims } from '../rules/extract.ts';
import { clusterClaims } from '../dedup/cluster.ts';
import type { DedupClaim } from '../dedup/features.ts';

/**
 * Cross-language dedup on real translated news (FLORES-200 Wikinews, read from
 * ../shared/devdata at run time, never copied): the rules extractor reads each article in
 * English, German and Dutch; claims from one sentence's translations should share a cluster,
 * claims from different articles never.
 */
export const FLORES_LANGUAGES = ['en', 'de', 'nl'] as const;

type Origin = { article: string; sentence: number; language: string };

export type FloresScores = {
  articles: number;
  claims: number;
  clusters: number;
  /** Of claim pairs from translations of one sentence (different languages), the share clustered together. */
  translationRecall: number;
  translationPairs: number;
  /** Of claim pairs clustered together, the share from one sentence (strict) and from one article (lenient). */
  sameSentencePrecision: number;
  sameArticlePrecision: number;
  predictedPairs: number;
  /** The same with statement_en replaced by the English sentence, as a good LLM gloss would give. */
};

export function floresClaims(
  articles: readonly FloresArticle[],
  options: { idealGloss?: boolean } = {},
): { claims: DedupClaim[]; origins: Map<string, Origin> } {
  const claims: DedupClaim[] = [];
  const origins = new Map<string, Origin>();
  for (const article of articles) {
    for (const language of FLORES_LANGUAGES) {
      const sentences = article[language];
      const text = sentences.join(' ');
      const starts = sentences.map((_, i) => sentences.slice(0, i).join(' ').length + (i ? 1 : 0));
      extractRuleClaims({ articleId: `${article.id}-${language}`, text, language }).forEach((claim, index) => {
        const at = text.indexOf(claim.quote);
        const sentence = Math.max(
          0,
          starts.findLastIndex((start) => start <= Math.max(0, at)),
        );
        const claimId = `${article.id}-${language}-${index}`;
        claims.push({
          claim_id: claimId,
          article_id: `${article.id}-${language}`,
          language,
          actor: claim.actor,
          action: claim.action,
          statement_en: options.idealGloss ? (article.en[sentence] ?? claim.statement_en) : claim.statement_en,
          date_start: null,
          date_end: null,
          date_precision: null,
          published: null,
        });
        origins.set(claimId, { article: article.id, sentence, language });
      });
    }
  }
  return { claims, origins };
}

export function scoreFlores(
  assignments: ReadonlyMap<string, string>,
  origins: ReadonlyMap<string, Origin>,
): Omit<FloresScores, 'articles' | 'claims'> {
  const byCluster = new Map<string, string[]>();
  for (const [claimId, cluster] of assignments) byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), claimId]);
  let predictedPairs = 0;
  let sameSentence = 0;
  let sameArticle = 0;
  for (const members of byCluster.values()) {
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        const a = origins.get(members[i]!)!;
        const b = origins.get(members[j]!)!;
        predictedPairs += 1;
        if (a.article === b.article) sameArticle += 1;
        if (a.article === b.article && a.sentence === b.sentence) sameSentence += 1;
      }
    }
  }
  const bySentence = new Map<string, string[]>();
  for (const [claimId, origin] of origins)
    bySentence.set(`${origin.article}#${origin.sentence}`, [
      ...(bySentence.get(`${origin.article}#${origin.sentence}`) ?? []),
      claimId,
    ]);
  let translationPairs = 0;
  let together = 0;
  for (const members of bySentence.values()) {
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        if (origins.get(members[i]!)!.language === origins.get(members[j]!)!.language) continue;
        translationPairs += 1;
        if (assignments.get(members[i]!) === assignments.get(members[j]!)) together += 1;
      }
    }
  }
  const ratio = (a: number, b: number) => (b ? Number((a / b).toFixed(3)) : 1);
  return {
    clusters: byCluster.size,
    translationRecall: ratio(together, translationPairs),
    translationPairs,
    sameSentencePrecision: ratio(sameSentence, predictedPairs),
    sameArticlePrecision: ratio(sameArticle, predictedPairs),
    predictedPairs,
  };
}

/** Dedup alone on the rules extractor's claims from these articles, scored against the sentence alignment. */
export function floresDedup(articles: readonly FloresArticle[], options: { idealGloss?: boolean } = {}): FloresScores {
  const { claims, origins } = floresClaims(articles, options);
  const { assignments } = clusterClaims(claims, new Map());
  return { articles: articles.length, claims: claims.length, ...scoreFlores(assignments, origins) };
}

export function evaluateFlores(path = FLORES_PATH, options: { idealGloss?: boolean } = {}): FloresScores | null {
  const articles = readFloresArticles(path);
  return articles ? floresDedup(articles, options) : null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rules = evaluateFlores();
  if (!rules) {
    console.log(`no FLORES devdata at ${FLORES_PATH}; nothing to measure`);
  } else {
    console.log('rules extractor, its own English gloss:', JSON.stringify(rules));
    console.log(
      'rules extractor, the English sentence as gloss:',
      JSON.stringify(evaluateFlores(FLORES_PATH, { idealGloss: true })),
    );
  }
}
