import type { Embeddings } from '@langchain/core/embeddings';
import { DEFAULT_MAX_FILE_BYTES } from '../../schemas/config.ts';
import type { Extractor } from '../extract/index.ts';
import { databasePath, runIngest, type RunSummary } from '../run.ts';
import { openDatabase, type Db } from '../store/index.ts';

/**
 * Ingests `folder` into a fresh database under `out` with the extractor `makeExtractor` builds
 * (and the embedder, when given), then lets `read` score the database before it is closed.
 */
export async function ingestScratch<T>(
  folder: string,
  out: string,
  makeExtractor: (db: Db) => Promise<Extractor>,
  read: (db: Db, summary: RunSummary, extractor: Extractor) => T,
  embedder?: Embeddings,
): Promise<T> {
  const db = openDatabase(databasePath(out));
  try {
    const extractor = await makeExtractor(db);
    let summary: RunSummary;
    try {
      summary = await runIngest(
        { folder, out, concurrency: 4, force: false, maxFileBytes: DEFAULT_MAX_FILE_BYTES },
        db,
        extractor,
        {},
        embedder ? { embedder } : {},
      );
    } finally {
      await extractor.close?.();
    }
    return read(db, summary, extractor);
  } finally {
    db.close();
  }
}
