import { join } from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import pLimit from 'p-limit';
import type { ArticleStatus, LoadedArticle } from '../schemas/article.ts';
import type { RunConfig } from '../schemas/config.ts';
import { contradictionStage } from './run/contradictions.ts';
import { clusterStage } from './run/dedup.ts';
import type { Extractor } from './extract/index.ts';
import { contentId } from './hash.ts';
import { loadFile, stampOf, walkFolder } from './load/index.ts';
import { processArticle } from './process-article.ts';
import { writeReports } from './run/report.ts';
import {
  articleOutcome,
  articleState,
  countClaims,
  extractorKey,
  markFileRead,
  unchangedFileOutcomes,
  linkPath,
  recordFailure,
  saveArticle,
  type Db,
  type StoredPathOutcome,
} from './store/index.ts';

/**
 * `unchanged`: done by an earlier run; `sameTextAs`: a copy of a text an earlier path of this run holds (its claims are
 * that path's).
 */
export type ArticleEvent = {
  path: string;
  status: ArticleStatus;
  language: string | null;
  claims: number;
  unchanged: boolean;
  error?: string;
  sameTextAs?: string;
};

export type RunSummary = {
  articles: number;
  unchanged: number;
  /** Paths whose text an earlier path of this same run holds: stored once, counted apart from `unchanged`. */
  sameText: number;
  byStatus: Record<string, number>;
  byLanguage: Record<string, number>;
  claims: number;
  /** Claims the database holds after the run, from every run so far. */
  claimsStored: number;
  unaligned: number;
  llmCalls: number;
  cacheHits: number;
  clusters: number;
  contradictions: number;
  reports: string[];
  seconds: number;
  /**
   * Seconds per stage: `ingest` is the wall time of the article phase; inside it `load`, `detect`,
   * `extract`, `ground` and `store` add up each article's step (extractions in flight overlap, so
   * they can sum to more than `ingest`); then `dedup`, `contradictions`, `report`.
   */
  stageSeconds: Record<string, number>;
  /** Things the user should know that did not stop the run (e.g. embeddings unavailable). */
  warnings: string[];
};

export type RunHooks = { onArticle?: (event: ArticleEvent) => void; onStage?: (stage: string) => void };

/**
 * Models the run uses besides the extractor: the embedder from --embeddings (null: none; absent: the extractor's own).
 */
export type RunModels = { embedder?: Embeddings | null };

const articleIdOf = (article: LoadedArticle) => contentId(article.text);

/**
 * load ─► detect ─► extract ─► ground ─► store, one article at a time through a bounded pool;
 * then dedup ─► contradictions ─► report over the whole database. Each article is one
 * transaction, so a run killed anywhere leaves a database the next run simply completes.
 */
export async function runIngest(
  config: RunConfig,
  db: Db,
  extractor: Extractor,
  hooks: RunHooks = {},
  models: RunModels = {},
): Promise<RunSummary> {
  const started = performance.now();
  const summary: RunSummary = {
    articles: 0,
    unchanged: 0,
    sameText: 0,
    byStatus: {},
    byLanguage: {},
    claims: 0,
    claimsStored: 0,
    unaligned: 0,
    llmCalls: 0,
    cacheHits: 0,
    clusters: 0,
    contradictions: 0,
    reports: [],
    seconds: 0,
    stageSeconds: {},
    warnings: [],
  };
  const key = extractorKey({
    extractor: extractor.extractor,
    model: extractor.model,
    promptVersion: extractor.promptVersion,
  });
  const limit = pLimit(config.concurrency);
  const inFlight = new Map<string, Promise<void>>();
  const pending = new Set<Promise<void>>();

  const count = (event: ArticleEvent) => {
    summary.articles += 1;
    summary.byStatus[event.status] = (summary.byStatus[event.status] ?? 0) + 1;
    if (event.language) summary.byLanguage[event.language] = (summary.byLanguage[event.language] ?? 0) + 1;
    if (event.sameTextAs !== undefined) summary.sameText += 1;
    else if (event.unchanged) summary.unchanged += 1;
    else summary.claims += event.claims;
    hooks.onArticle?.(event);
  };

  const countUnchanged = (stored: StoredPathOutcome, sameTextAs?: string) =>
    count({
      path: stored.path,
      status: stored.status,
      language: stored.language,
      claims: stored.claims,
      unchanged: sameTextAs === undefined,
      ...(stored.error ? { error: stored.error } : {}),
      ...(sameTextAs !== undefined ? { sameTextAs } : {}),
    });
  /** The first path of this run to hold each text, so a later copy says whose text it is. */
  const firstPathOf = new Map<string, string>();

  /** Seconds the thread spent inside timed steps so far: what waiting on the loader must not count as loading. */
  let busy = 0;
  /** Adds a step's time to its stage, when a promise settles if it returns one (steps overlap in the pool). */
  const clock = <T>(stage: string, work: () => T): T => {
    const start = performance.now();
    const add = () => {
      summary.stageSeconds[stage] = (summary.stageSeconds[stage] ?? 0) + (performance.now() - start) / 1000;
    };
    const result = work();
    busy += (performance.now() - start) / 1000;
    if (result instanceof Promise) return result.finally(add) as T;
    add();
    return result;
  };

  const extract = async (article: LoadedArticle, articleId: string) => {
    const work = limit(async () => {
      const { record, stats } = await processArticle(articleId, article, extractor, clock);
      clock('store', () => saveArticle(db, record));
      summary.llmCalls += stats.llmCalls;
      summary.cacheHits += stats.cacheHits;
      summary.unaligned += record.unaligned.length;
      count({
        path: article.path,
        status: record.status,
        language: record.language.supported ? record.language.code : null,
        claims: record.claims.length,
        unchanged: false,
        ...(record.error ? { error: record.error } : {}),
      });
    });
    inFlight.set(articleId, work);
    try {
      await work;
    } finally {
      inFlight.delete(articleId);
    }
  };

  /** Extracts an article unless its text is done (by this extractor) or being done under another path. */
  const handle = async (article: LoadedArticle) => {
    const articleId = articleIdOf(article);
    const sameTextElsewhere = inFlight.get(articleId);
    const firstPath = firstPathOf.get(articleId);
    if (firstPath === undefined) firstPathOf.set(articleId, article.path);
    if (sameTextElsewhere) {
      await sameTextElsewhere;
    } else if (firstPath === undefined) {
      const state = articleState(db, articleId);
      const done = state && state.extractorKey === key && state.status !== 'error';
      if (config.force || !done) return extract(article, articleId);
    }
    linkPath(db, article, articleId);
    countUnchanged(articleOutcome(db, article.path, articleId), firstPath);
  };

  /** A whole stage: announced to the progress display, and clocked like a step. */
  const timed = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    hooks.onStage?.(stage);
    return clock(stage, async () => work());
  };

  await timed('ingest', async () => {
    // The first article whose store failed (a full disk, say): no new work starts, the work in flight
    // ends, then the run fails with it. Each article is its own transaction, so what is stored stays.
    let failure: { error: unknown } | undefined;
    // Loading is the time spent waiting on the walk and the file readers, outside the loop bodies,
    // less the timed steps of earlier articles that ran on the thread while the loader waited.
    let loading = performance.now();
    let busyBefore = busy;
    const loaded = () => {
      const waited = (performance.now() - loading) / 1000 - (busy - busyBefore);
      summary.stageSeconds.load = (summary.stageSeconds.load ?? 0) + Math.max(0, waited);
    };
    files: for await (const file of walkFolder(config.folder)) {
      const stamp = await stampOf(file.absolute);
      const unchanged = !config.force && stamp && unchangedFileOutcomes(db, file.relative, stamp, key);
      if (unchanged) {
        unchanged.forEach((stored) => countUnchanged(stored));
        continue;
      }
      // Every article of the file, so the file is marked read only once all of them are stored.
      const fileTasks: Promise<void>[] = [];
      for await (const outcome of loadFile(
        file.absolute,
        file.relative,
        { maxFileBytes: config.maxFileBytes },
        stamp,
      )) {
        loaded();
        if (failure) break files;
        if (outcome.kind === 'failure') {
          clock('store', () => recordFailure(db, outcome.failure));
          count({
            path: outcome.failure.path,
            status: outcome.failure.status,
            language: null,
            claims: 0,
            unchanged: false,
            error: outcome.failure.reason,
          });
          loading = performance.now();
          busyBefore = busy;
          continue;
        }
        const task = handle(outcome.article).catch((error: unknown) => {
          failure ??= { error };
        });
        pending.add(task);
        fileTasks.push(task);
        void task.finally(() => pending.delete(task));
        // Backpressure: never hold more loaded articles than the pool can soon take.
        if (pending.size >= config.concurrency * 4) await Promise.race(pending);
        loading = performance.now();
        busyBefore = busy;
      }
      if (stamp) {
        const read = Promise.all(fileTasks).then(() => {
          if (!failure) clock('store', () => markFileRead(db, file.relative, stamp));
        });
        pending.add(read);
        void read.finally(() => pending.delete(read));
      }
    }
    loaded();
    await Promise.all(pending);
    if (failure) throw failure.error;
  });

  const clustering = await timed('dedup', () =>
    clusterStage(db, { extractor, ...(models.embedder !== undefined ? { embedder: models.embedder } : {}) }),
  );
  summary.clusters = clustering.clusters;
  if (clustering.warning) summary.warnings.push(clustering.warning);
  const contradicting = await timed('contradictions', () =>
    contradictionStage(db, { extractor, concurrency: config.concurrency, force: config.force }),
  );
  summary.contradictions = contradicting.contradictions;
  if (contradicting.failures > 0)
    summary.warnings.push(
      `the model could not judge ${contradicting.failures} candidate pairs; they keep the rules' verdict`,
    );
  if (contradicting.skipped > 0) {
    summary.warnings.push(
      `${contradicting.skipped} candidate pairs the model failed to judge before were not asked again; --force asks again`,
    );
  }
  summary.reports = await timed('report', () => writeReports(db, config.out));
  summary.claimsStored = countClaims(db);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export const databasePath = (out: string) => join(out, 'claims.sqlite');
