import { describe, expect, it } from 'vitest';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';

const WIRE =
  'The council of Alderwick will close the old swimming pool in June, the mayor said on Tuesday. The decision follows a long debate about the costs of repairs.';
const copy = (outlet: string, title: string, date: string) =>
  `outlet: ${outlet}\ntitle: ${title}\ndate: ${date}\n\n${WIRE}`;

describe('each path keeps its own metadata', () => {
  it('shows both outlets of a wire story carried by two outlets, and counts them as two sources', async () => {
    const folder = makeFolder({
      'a/harbour-tribune.txt': copy('Harbour Tribune', 'Pool to close', '2021-03-01'),
      'b/daily-ledger.txt': copy('Daily Ledger', 'Alderwick shuts its pool', '2021-03-02'),
    });
    const { db } = await ingest(folder, tempDir());
    expect(rows(db, 'SELECT path, title, outlet, published FROM v_articles ORDER BY path')).toEqual([
      { path: 'a/harbour-tribune.txt', title: 'Pool to close', outlet: 'Harbour Tribune', published: '2021-03-01' },
      {
        path: 'b/daily-ledger.txt',
        title: 'Alderwick shuts its pool',
        outlet: 'Daily Ledger',
        published: '2021-03-02',
      },
    ]);
    expect(rows(db, 'SELECT count(DISTINCT article_id) AS n FROM v_articles')).toEqual([{ n: 1 }]);
    const clusters = rows<{ n_articles: number; n_sources: number }>(
      db,
      'SELECT n_articles, n_sources FROM v_clusters',
    );
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.every((cluster) => cluster.n_articles === 1 && cluster.n_sources === 2)).toBe(true);
  });

  it('counts copies without an outlet by their top folder, so two files of one folder are one source', async () => {
    const folder = makeFolder({
      'wire/one.txt': WIRE,
      'wire/two.txt': `${WIRE}\n\nMore on this later.`,
      'other/three.txt': `${WIRE}\n\nUpdated.`,
    });
    const { db } = await ingest(folder, tempDir());
    const sources = rows<{ n_sources: number }>(
      db,
      "SELECT n_sources FROM v_clusters WHERE statement_en LIKE '%pool%'",
    );
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.map((row) => row.n_sources)).toContain(2);
    expect(Math.max(...sources.map((row) => row.n_sources))).toBe(2);
  });

  it('keeps the first path and its claims when a second path with another outlet is added later', async () => {
    const folder = makeFolder({ 'a/harbour-tribune.txt': copy('Harbour Tribune', 'Pool to close', '2021-03-01') });
    const out = tempDir();
    const first = await ingest(folder, out);
    const before = rows(first.db, 'SELECT claim_id, quote FROM v_claims ORDER BY claim_id');
    first.db.close();
    const later = makeFolder({
      'a/harbour-tribune.txt': copy('Harbour Tribune', 'Pool to close', '2021-03-01'),
      'b/daily-ledger.txt': copy('Daily Ledger', 'Alderwick shuts its pool', '2021-03-02'),
    });
    const { db } = await ingest(later, out);
    expect(rows(db, 'SELECT claim_id, quote FROM v_claims ORDER BY claim_id')).toEqual(before);
    expect(rows(db, 'SELECT outlet FROM v_articles ORDER BY path')).toEqual([
      { outlet: 'Harbour Tribune' },
      { outlet: 'Daily Ledger' },
    ]);
  });
});
