import { join } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../../schemas/config.ts';
import { detectLanguage } from '../detect-language.ts';
import type { Extractor } from '../extract.ts';
import { contentId } from '../hash.ts';
import { loadFolder } from '../load/index.ts';
import { processArticle } from '../process-article.ts';
import { openDatabase, saveArticle } from '../store/index.ts';

export type StageTimes = {
  articles: number;
  claims: number;
  seconds: { load: number; detect: number; extract: number; store: number };
};

/**
 * The stages inside runIngest's single 'ingest' timing, measured one by one in a plain loop over
 * the same folder with the pipeline's own pieces: load (read, parse, normalise), detect, extract
 * (processArticle: extraction and grounding), and store (saveArticle, one transaction per article,
 * into a scratch database). Load is what the loop spends outside the other three.
 */
export async function timeIngestStages(folder: string, scratch: string, extractor: Extractor): Promise<StageTimes> {
  const db = openDatabase(join(scratch, 'stages.sqlite'));
  const seconds = { load: 0, detect: 0, extract: 0, store: 0 };
  let processing = 0;
  let articles = 0;
  let claims = 0;
  const started = performance.now();
  try {
    for await (const outcome of loadFolder(folder, { maxFileBytes: DEFAULT_MAX_FILE_BYTES })) {
      if (outcome.kind !== 'article') continue;
      const { article } = outcome;
      articles += 1;
      let mark = performance.now();
      detectLanguage(article.text);
      seconds.detect += (performance.now() - mark) / 1000;
      mark = performance.now();
      const { record } = await processArticle(contentId(article.text), article, extractor);
      processing += (performance.now() - mark) / 1000;
      claims += record.claims.length;
      mark = performance.now();
      saveArticle(db, record);
      seconds.store += (performance.now() - mark) / 1000;
    }
  } finally {
    db.close();
  }
  const total = (performance.now() - started) / 1000;
  // processArticle detects the language again (the same deterministic work): the rest of it is extraction.
  seconds.extract = Math.max(0, processing - seconds.detect);
  seconds.load = Math.max(0, total - seconds.detect - processing - seconds.store);
  return { articles, claims, seconds };
}
