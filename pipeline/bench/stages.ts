import { join } from 'node:path';
import type { ArticleForExtraction, SupportedLanguage } from '../../schemas/article.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../../schemas/config.ts';
import { detectLanguage } from '../detect-language.ts';
import type { Extractor } from '../extract.ts';
import { contentId } from '../hash.ts';
import { loadFolder } from '../load/index.ts';
import { groundClaims } from '../process-article.ts';
import { openDatabase, saveArticle } from '../store/index.ts';

export type StageTimes = { articles: number; claims: number; seconds: { load: number; detect: number; extract: number; store: number } };

/**
 * The stages inside runIngest's single 'ingest' timing, measured one by one in a plain loop over
 * the same folder: load (read, parse, normalise), detect, extract (with grounding), and store
 * (one transaction per article into a scratch database). Load is what the loop spends outside
 * the other three.
 */
export async function timeIngestStages(folder: string, scratch: string, extractor: Extractor): Promise<StageTimes> {
  const db = openDatabase(join(scratch, 'stages.sqlite'));
  const identity = { extractor: extractor.extractor, model: extractor.model, promptVersion: extractor.promptVersion };
  const seconds = { load: 0, detect: 0, extract: 0, store: 0 };
  let articles = 0;
  let claims = 0;
  const started = performance.now();
  try {
    for await (const outcome of loadFolder(folder, { maxFileBytes: DEFAULT_MAX_FILE_BYTES })) {
      if (outcome.kind !== 'article') continue;
      const { article } = outcome;
      articles += 1;
      let mark = performance.now();
      const language = detectLanguage(article.text);
      seconds.detect += (performance.now() - mark) / 1000;
      const articleId = contentId(article.text);
      const base = { articleId, article, language, identity, claims: [], unaligned: [] };
      if (!language.supported) {
        saveArticle(db, { ...base, status: 'skipped', error: language.reason ?? 'unsupported language' });
        continue;
      }
      mark = performance.now();
      const input: ArticleForExtraction = { articleId, text: article.text, language: language.code as SupportedLanguage };
      const extraction = await extractor.extract(input);
      const { grounded, unaligned } = groundClaims(article.text, extraction.claims, input.language, article.metadata.published);
      seconds.extract += (performance.now() - mark) / 1000;
      claims += grounded.length;
      mark = performance.now();
      saveArticle(db, { ...base, status: 'ok', claims: grounded, unaligned });
      seconds.store += (performance.now() - mark) / 1000;
    }
  } finally {
    db.close();
  }
  const total = (performance.now() - started) / 1000;
  seconds.load = Math.max(0, total - seconds.detect - seconds.extract - seconds.store);
  return { articles, claims, seconds };
}
