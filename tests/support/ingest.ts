import { join } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../../schemas/config.ts';
import type { Extractor } from '../../pipeline/extract/index.ts';
import { createRulesExtractor } from '../../pipeline/providers/rules.ts';
import { runIngest, type RunSummary } from '../../pipeline/run.ts';
import { openDatabase, type Db } from '../../pipeline/store/index.ts';

/** Runs the real pipeline on a folder into `<out>/claims.sqlite` and hands back the open database. */
export async function ingest(
  folder: string,
  out: string,
  options: { extractor?: Extractor; maxFileBytes?: number; force?: boolean; concurrency?: number } = {},
): Promise<{ db: Db; summary: RunSummary }> {
  const db = openDatabase(join(out, 'claims.sqlite'));
  const summary = await runIngest(
    {
      folder,
      out,
      concurrency: options.concurrency ?? 2,
      force: options.force ?? false,
      maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    },
    db,
    options.extractor ?? createRulesExtractor(),
  );
  return { db, summary };
}

export function rows<T = Record<string, unknown>>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[];
}
