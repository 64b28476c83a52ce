import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import type { FloresArticle } from '../../schemas/devdata.ts';
import type { Extractor } from '../extract/index.ts';
import type { Db } from '../store/index.ts';
import { FLORES_LANGUAGES as LANGUAGES, scoreFlores } from './flores-dedup.ts';
import { ingestScratch } from './scratch-run.ts';

/** What the whole pipeline does with translations of one text: join them, and never flag them. */
export type FloresRunFigures = {
  articles: number;
  claims: number;
  /** contradictions shown whose two claims come from translations of one article */
  betweenTranslations: number;
  /** all contradictions shown (FLORES articles are about different events, so any is suspect) */
  shown: number;
  /** findings between translations held out of the report, with the reasons and their counts */
  heldBetweenTranslations: number;
  heldReasons: Record<string, number>;
  /** of claim pairs from one sentence's translations, the share the run clustered together */
  translationJoin: number;
  translationPairs: number;
  /** of claim pairs clustered together, the share from one article */
  sameArticlePrecision: number;
  seconds: number;
};

const fileOf = (id: string, language: string) => `${id}.${language}.txt`;

/** Each FLORES article as three plain-text files (a scratch folder: the devdata is never copied into the project). */
export function writeFloresFolder(articles: readonly FloresArticle[], folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const article of articles) {
    for (const language of LANGUAGES)
      writeFileSync(join(folder, fileOf(article.id, language)), `${article[language].join(' ')}\n`);
  }
}

type StoredClaim = { claim_id: string; path: string; char_start: number; cluster_id: string | null };

/** The article and sentence each stored claim comes from, read off its path and offset. */
function originsOf(db: Db, articles: readonly FloresArticle[]) {
  const byFile = new Map(
    articles.flatMap((article) =>
      LANGUAGES.map((language) => [fileOf(article.id, language), { article, language }] as const),
    ),
  );
  const origins = new Map<string, { article: string; sentence: number; language: string }>();
  const assignments = new Map<string, string>();
  for (const claim of db
    .prepare('SELECT claim_id, path, char_start, cluster_id FROM v_claims')
    .all() as StoredClaim[]) {
    const found = byFile.get(claim.path.split(/[\\/]/).pop() ?? '');
    if (!found) continue;
    const sentences = found.article[found.language];
    let offset = 0;
    let sentence = 0;
    // Code-point offsets, as the store keeps them.
    for (let i = 0; i < sentences.length; i += 1) {
      if (offset > claim.char_start) break;
      sentence = i;
      offset += [...sentences[i]!].length + 1;
    }
    origins.set(claim.claim_id, { article: found.article.id, sentence, language: found.language });
    assignments.set(claim.claim_id, claim.cluster_id ?? `claim:${claim.claim_id}`);
  }
  return { origins, assignments };
}

/** Runs the whole pipeline on the FLORES articles in a scratch folder and counts what it made of the translations. */
export async function floresRun(
  articles: readonly FloresArticle[],
  scratch: string,
  makeExtractor: (db: Db) => Promise<Extractor>,
  embedder?: Embeddings,
): Promise<FloresRunFigures> {
  const folder = join(scratch, 'articles');
  writeFloresFolder(articles, folder);
  return ingestScratch(
    folder,
    join(scratch, 'out'),
    makeExtractor,
    (db, summary) => {
      const { origins, assignments } = originsOf(db, articles);
      const sameArticle = (a: string, b: string) =>
        origins.get(a)?.article !== undefined && origins.get(a)?.article === origins.get(b)?.article;
      const shown = db.prepare('SELECT claim_a, claim_b FROM contradictions').all() as {
        claim_a: string;
        claim_b: string;
      }[];
      const held = db.prepare('SELECT claim_a, claim_b, held FROM contradiction_candidates').all() as {
        claim_a: string;
        claim_b: string;
        held: string;
      }[];
      const heldBetween = held.filter((row) => sameArticle(row.claim_a, row.claim_b));
      const heldReasons: Record<string, number> = {};
      for (const row of heldBetween) heldReasons[row.held] = (heldReasons[row.held] ?? 0) + 1;
      const scores = scoreFlores(assignments, origins);
      return {
        articles: articles.length,
        claims: origins.size,
        betweenTranslations: shown.filter((row) => sameArticle(row.claim_a, row.claim_b)).length,
        shown: shown.length,
        heldBetweenTranslations: heldBetween.length,
        heldReasons,
        translationJoin: scores.translationRecall,
        translationPairs: scores.translationPairs,
        sameArticlePrecision: scores.sameArticlePrecision,
        seconds: summary.seconds,
      };
    },
    embedder,
  );
}
