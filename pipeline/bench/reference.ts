import { join } from 'node:path';
import Database from 'better-sqlite3';
import { franc } from 'franc';

export type Reference = {
  sqliteInsertsPerSecond: number;
  sqliteRows: number;
  francPerSecond: number;
  francTexts: number;
};

/**
 * The raw speed of the libraries under the pipeline on this machine, in the same run: rows of
 * article-sized text inserted into a WAL database in one transaction, and franc detections
 * on article texts (restricted to nl/de/en, as the pipeline calls it).
 */
export function referencePoints(scratch: string, sampleTexts: readonly string[], rows = 50_000): Reference {
  const db = new Database(join(scratch, 'reference.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, hash TEXT UNIQUE, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (hash, text) VALUES (?, ?)');
  const texts = sampleTexts.length > 0 ? sampleTexts : ['x'.repeat(1200)];
  let start = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`h${i}`, texts[i % texts.length]!);
  })();
  const sqliteSeconds = (performance.now() - start) / 1000;
  db.close();

  const francTexts = Math.max(2000, texts.length);
  start = performance.now();
  for (let i = 0; i < francTexts; i++) franc(texts[i % texts.length]!.slice(0, 4000), { only: ['nld', 'deu', 'eng'] });
  const francSeconds = (performance.now() - start) / 1000;
  return {
    sqliteInsertsPerSecond: rows / sqliteSeconds,
    sqliteRows: rows,
    francPerSecond: francTexts / francSeconds,
    francTexts,
  };
}
