import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';
import { sentenceExtractor } from './support/sentence-extractor.ts';
import { openDatabase } from '../pipeline/store/index.ts';
import { join } from 'node:path';

const ARTICLES = 400;

function folderOfArticles() {
  const files: Record<string, string> = {};
  for (let i = 0; i < ARTICLES; i++) {
    files[`a${String(i).padStart(4, '0')}.txt`] =
      `The council of district ${i} approved a budget of ${i * 7} million euros on Monday. ` +
      `The mayor said the money would go to ${i % 2 ? 'schools' : 'roads'} and housing.`;
  }
  files['feed.jsonl'] = Array.from({ length: 50 }, (_, i) =>
    JSON.stringify({ text: `The ministry said on Friday that line ${i} of the feed was approved by the committee.` }),
  ).join('\n');
  return makeFolder(files);
}

/** Starts a slow ingest of `folder` into `out` and kills it (SIGKILL) once `atLeast` paths are stored. */
async function killIngestAfter(folder: string, out: string, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/ingest-child.ts', folder, out], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let childErrors = '';
  child.stderr.on('data', (chunk) => (childErrors += chunk));
  const killedAfter = await new Promise<number>((resolve, reject) => {
    const probe = setInterval(() => {
      try {
        const db = openDatabase(join(out, 'claims.sqlite'), { readonly: true });
        const stored = (db.prepare('SELECT count(*) AS n FROM article_paths').get() as { n: number }).n;
        db.close();
        if (stored >= atLeast) {
          clearInterval(probe);
          child.kill('SIGKILL');
          resolve(stored);
        }
      } catch {
        // the child has not created the database yet
      }
    }, 20);
    child.on('exit', () => {
      clearInterval(probe);
      reject(new Error(`the child finished before it could be killed: ${childErrors.slice(-500)}`));
    });
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return killedAfter;
}

describe('a run killed halfway', () => {
  it('leaves a consistent database that the next run completes without duplicates', async () => {
    const folder = folderOfArticles();
    const out = tempDir();
    const killedAfter = await killIngestAfter(folder, out, 40);
    expect(killedAfter).toBeLessThan(ARTICLES);

    const extractor = sentenceExtractor();
    const { db } = await ingest(folder, out, { extractor });
    expect(rows(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(extractor.calls).toBeLessThan(ARTICLES + 50);
    expect(extractor.calls).toBeGreaterThan(0);
    expect(rows(db, 'SELECT count(*) AS n FROM v_articles')).toEqual([{ n: ARTICLES + 50 }]);
    expect(rows(db, `SELECT count(*) AS n FROM v_articles WHERE status = 'ok' AND n_claims = 2`)).toEqual([
      { n: ARTICLES },
    ]);
    expect(rows(db, 'SELECT count(*) AS n FROM v_claims')).toEqual([{ n: ARTICLES * 2 + 50 }]);
    expect(
      rows(db, 'SELECT count(*) AS n FROM (SELECT quote, article_id FROM claims GROUP BY 1, 2 HAVING count(*) > 1)'),
    ).toEqual([{ n: 0 }]);
  });

  it('reads the rest of a .jsonl feed it was killed inside, instead of taking the file as done', async () => {
    const lines = 300;
    const folder = makeFolder({
      'feed.jsonl': Array.from({ length: lines }, (_, i) =>
        JSON.stringify({
          text: `The agency said on Friday that permit ${i} of the harbour was approved by the board.`,
        }),
      ).join('\n'),
    });
    const out = tempDir();
    const killedAfter = await killIngestAfter(folder, out, 20);
    expect(killedAfter).toBeLessThan(lines);

    const first = await ingest(folder, out, { extractor: sentenceExtractor() });
    expect(rows(first.db, 'SELECT count(*) AS n FROM v_articles')).toEqual([{ n: lines }]);
    expect(rows(first.db, `SELECT count(*) AS n FROM v_articles WHERE status = 'ok'`)).toEqual([{ n: lines }]);
    expect(rows(first.db, 'SELECT count(*) AS n FROM v_claims')).toEqual([{ n: lines }]);
    first.db.close();

    // Once read to its end, the unchanged feed is skipped.
    const extractor = sentenceExtractor();
    const again = await ingest(folder, out, { extractor });
    expect(extractor.calls).toBe(0);
    expect(rows(again.db, 'SELECT count(*) AS n FROM v_articles')).toEqual([{ n: lines }]);
  });
});
