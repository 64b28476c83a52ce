import { describe, expect, it } from 'vitest';
import { jsonLineOutcomes } from '../pipeline/load/index.ts';
import type { LoadOutcome } from '../schemas/article.ts';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';

const MB = 1024 * 1024;
const articleLine = (town: string) =>
  JSON.stringify({
    outlet: 'Daily Ledger',
    text: `The council of ${town} will close the old swimming pool in June, the mayor said on Tuesday. The decision follows a long debate.`,
  });

/** A feed whose second line is `hugeMb` megabytes, generated chunk by chunk: never on disk, never whole. */
async function* feedWithHugeLine(hugeMb: number, onChunk: () => void): AsyncGenerator<Buffer> {
  yield Buffer.from(`${articleLine('Alderwick')}\n{"text": "`);
  const filler = Buffer.alloc(MB, 'a');
  for (let i = 0; i < hugeMb; i++) {
    onChunk();
    yield filler;
  }
  yield Buffer.from(`"}\n${articleLine('Brimford')}\n`);
}

const summary = (outcome: LoadOutcome) =>
  outcome.kind === 'article'
    ? { path: outcome.article.path, ok: true }
    : { path: outcome.failure.path, reason: outcome.failure.reason };

describe('.jsonl lines are capped while streaming', () => {
  it('records a 700 MB line as a row with its size, reads the lines around it, and holds memory to a few MB', async () => {
    let peak = 0;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    const outcomes: LoadOutcome[] = [];
    for await (const outcome of jsonLineOutcomes(feedWithHugeLine(700, sample), 'feed.jsonl', { maxFileBytes: 5 * MB }))
      outcomes.push(outcome);
    expect(outcomes.map(summary)).toEqual([
      { path: 'feed.jsonl#1', ok: true },
      { path: 'feed.jsonl#2', reason: 'line is 700.0 MB, over the 5.0 MB limit (raise it with --max-file-mb)' },
      { path: 'feed.jsonl#3', ok: true },
    ]);
    expect((peak - baseline) / MB).toBeLessThan(100);
  }, 60_000);

  it('stores the other lines of a feed with an over-size line and keeps what an earlier run stored', async () => {
    const out = tempDir();
    const before = await ingest(makeFolder({ 'old.jsonl': `${articleLine('Carrow')}\n` }), out);
    const stored = rows(before.db, 'SELECT claim_id, quote FROM v_claims ORDER BY claim_id');
    before.db.close();
    const big = JSON.stringify({ text: 'x'.repeat(10_000) });
    const folder = makeFolder({
      'old.jsonl': `${articleLine('Carrow')}\n`,
      'feed.jsonl': `${articleLine('Dunmore')}\n${big}\r\n\n${articleLine('Elmstead')}\n`,
    });
    const { db } = await ingest(folder, out, { maxFileBytes: 5000 });
    expect(rows(db, 'SELECT path, status, error FROM v_articles ORDER BY path')).toEqual([
      { path: 'feed.jsonl#1', status: 'ok', error: null },
      {
        path: 'feed.jsonl#2',
        status: 'error',
        error: 'line is 9.8 kB, over the 4.9 kB limit (raise it with --max-file-mb)',
      },
      { path: 'feed.jsonl#4', status: 'ok', error: null },
      { path: 'old.jsonl#1', status: 'ok', error: null },
    ]);
    expect(rows(db, "SELECT claim_id, quote FROM v_claims WHERE path = 'old.jsonl#1' ORDER BY claim_id")).toEqual(
      stored,
    );
  });
});
