import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../schemas/config.ts';
import { readCorpusTexts } from '../pipeline/eval/corpus.ts';
import { loadGold } from '../pipeline/eval/gold.ts';
import { goldExtractor } from '../pipeline/eval/oracle.ts';
import { createRulesExtractor } from '../pipeline/providers/rules.ts';
import type { Extractor } from '../pipeline/extract/index.ts';
import { databasePath, runIngest } from '../pipeline/run.ts';
import { openDatabase, type Db } from '../pipeline/store/index.ts';
import { tempDir } from './support/folder.ts';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

/** The corpus in two folders: the German and English articles, and the Dutch ones with the feed. */
function halves(): [string, string] {
  const root = mkdtempSync(join(tmpdir(), 'claimlens-order-'));
  for (const folder of ['de', 'en']) cpSync(join(CORPUS, folder), join(root, 'first', folder), { recursive: true });
  for (const folder of ['nl', 'feeds']) cpSync(join(CORPUS, folder), join(root, 'second', folder), { recursive: true });
  return [join(root, 'first'), join(root, 'second')];
}

/**
 * What a reader sees, without ids: each cluster as its members' quotes, each contradiction as its kind and two quotes.
 */
function content(db: Db) {
  const claims = db.prepare('SELECT quote, cluster_id FROM v_claims').all() as { quote: string; cluster_id: string }[];
  const byCluster = new Map<string, string[]>();
  for (const claim of claims)
    byCluster.set(claim.cluster_id, [...(byCluster.get(claim.cluster_id) ?? []), claim.quote]);
  const clusters = [...byCluster.values()].map((quotes) => quotes.sort().join(' ‖ ')).sort();
  const contradictions = (
    db.prepare('SELECT kind, quote_a, quote_b FROM v_contradictions').all() as {
      kind: string;
      quote_a: string;
      quote_b: string;
    }[]
  )
    .map((row) => `${row.kind}: ${[row.quote_a, row.quote_b].sort().join(' ‖ ')}`)
    .sort();
  return { clusters, contradictions };
}

async function ingestInOrder(folders: readonly string[], extractor: () => Extractor) {
  const out = tempDir();
  const db = openDatabase(databasePath(out));
  try {
    for (const folder of folders)
      await runIngest(
        { folder, out, concurrency: 2, force: false, maxFileBytes: DEFAULT_MAX_FILE_BYTES },
        db,
        extractor(),
      );
    return content(db);
  } finally {
    db.close();
  }
}

describe('same input, same output', () => {
  const texts = readCorpusTexts(CORPUS);
  it.each([
    ['the rules extractor', async () => () => createRulesExtractor()],
    [
      'the gold claims',
      async () => {
        const gold = loadGold(join(CORPUS, 'gold'), await texts);
        return () => goldExtractor(gold);
      },
    ],
  ])(
    'gives the same clusters and contradictions whichever folder is ingested first, with %s',
    async (_, makeExtractor) => {
      const extractor = await makeExtractor();
      const [first, second] = halves();
      const forward = await ingestInOrder([first, second], extractor);
      const backward = await ingestInOrder([second, first], extractor);
      // Cross-language clusters and contradictions exist, so the order had something to change.
      expect(forward.clusters.some((cluster) => cluster.includes(' ‖ '))).toBe(true);
      expect(forward.contradictions.length).toBeGreaterThan(0);
      expect(backward).toEqual(forward);
    },
    60_000,
  );
});
