import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_LIMITS } from '../schemas/claim.ts';
import { MAX_ANSWER_BYTES, REPAIR_EXCERPT_CHARS } from '../pipeline/llm/structured.ts';
import { makeFolder, tempDir } from './support/folder.ts';
import { rows } from './support/ingest.ts';
import { ingestWithLlm } from './llm-server/harness.ts';
import { startLlmServer, type LlmServer } from './llm-server/server.ts';

const article = (town: string) =>
  `The council of ${town} will close the old swimming pool in June. The decision was announced by the council of ${town} after a long meeting in the town hall.`;

const claim = (town: string, extra: Record<string, unknown> = {}) => ({
  actor: `The council of ${town}`,
  action: 'will close the old swimming pool in June',
  date: 'in June',
  reason: null,
  source: null,
  quote: `The council of ${town} will close the old swimming pool in June.`,
  statement_en: `The council of ${town} will close the old pool in June.`,
  polarity: 'affirmed',
  modality: 'planned',
  ...extra,
});

let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer();
});
afterAll(async () => {
  await server.close();
});

/** A good article stored first, so each test can check that a bad answer later loses nothing. */
async function withStoredArticle(
  town: string,
  bad: Record<string, string>,
  settings: Parameters<typeof ingestWithLlm>[4] = {},
) {
  server.addRecordings([{ when: town, claims: [claim(town)] }]);
  const out = tempDir();
  const first = await ingestWithLlm(makeFolder({ 'good.txt': article(town) }), out, 'openai:test-model', server);
  const before = rows(first.db, 'SELECT claim_id, quote, statement_en FROM v_claims ORDER BY claim_id');
  expect(before).toHaveLength(1);
  first.db.close();
  const second = await ingestWithLlm(
    makeFolder({ 'good.txt': article(town), ...bad }),
    out,
    'openai:test-model',
    server,
    settings,
  );
  expect(rows(second.db, 'SELECT claim_id, quote, statement_en FROM v_claims ORDER BY claim_id')).toEqual(before);
  return second;
}

const badRow = (db: Parameters<typeof rows>[0]) =>
  rows<{ status: string; error: string }>(db, "SELECT status, error FROM v_articles WHERE path = 'bad.txt'")[0];

describe('caps on what a model can answer', () => {
  it('refuses an answer with more claims than a chunk can make, and shows the model only an excerpt of it in the repair turn', async () => {
    const many = Array.from({ length: 200 }, () => claim('Ashcombe'));
    const flood = JSON.stringify({ claims: many });
    server.addScript({
      when: 'Ashcombe',
      replies: [
        { kind: 'content', content: flood },
        { kind: 'content', content: flood },
        { kind: 'content', content: flood },
      ],
    });
    const { db } = await withStoredArticle('Alderwick', { 'bad.txt': article('Ashcombe') });
    expect(badRow(db)).toEqual({
      status: 'error',
      error: expect.stringMatching(
        /still invalid after 2 repairs: .*claims: Too big: expected array to have <=60 items/,
      ),
    });
    expect(rows(db, "SELECT count(*) AS n FROM v_claims WHERE path = 'bad.txt'")).toEqual([{ n: 0 }]);
    const asked = server.requests.filter((r) => r.subject.includes('Ashcombe'));
    expect(asked).toHaveLength(3);
    const size = (request: (typeof asked)[number]) => JSON.stringify(request.messages).length;
    for (const repair of asked.slice(1)) {
      // The answer shown back is an excerpt: the flood is never re-sent, and the request grows by a bounded amount.
      expect(repair.messages.at(-2)!.content.length).toBeLessThan(REPAIR_EXCERPT_CHARS + 100);
      expect(size(repair) - size(asked[0]!)).toBeLessThan(2 * (2 * REPAIR_EXCERPT_CHARS + 1000));
    }
    expect(flood.length).toBeGreaterThan(20 * REPAIR_EXCERPT_CHARS);
  });

  it.each([
    ['statement_en', CLAIM_LIMITS.statement],
    ['actor', CLAIM_LIMITS.shortField],
    ['quote', CLAIM_LIMITS.quote],
  ])('refuses a %s longer than its limit', async (field, limit) => {
    const town = `Brim${field.replace('_', '')}`;
    const long = claim(town, { [field]: 'x'.repeat(limit + 1) });
    server.addScript({
      when: town,
      replies: Array.from({ length: 3 }, () => ({ kind: 'claims' as const, claims: [long] })),
    });
    const { db } = await withStoredArticle('Alderwick', { 'bad.txt': article(town) });
    expect(badRow(db)).toEqual({
      status: 'error',
      error: expect.stringContaining(`claims.0.${field}: Too big: expected string to have <=${limit} characters`),
    });
  });

  it('stops reading an answer past the byte limit and records the article with the reason', async () => {
    const huge = claim('Carrow', { statement_en: 'y'.repeat(MAX_ANSWER_BYTES * 3) });
    server.addScript({ when: 'Carrow', replies: [{ kind: 'claims', claims: [huge] }] });
    const { db } = await withStoredArticle('Alderwick', { 'bad.txt': article('Carrow') });
    expect(badRow(db)).toEqual({
      status: 'error',
      error: `extraction failed: LLM request failed: the answer passed ${MAX_ANSWER_BYTES} bytes and was cut off; answer with fewer, shorter claims`,
    });
    const size = rows<{ n: number }>(db, 'SELECT max(length(response)) AS n FROM _llm_cache')[0]!.n;
    expect(size).toBeLessThan(10_000);
  });

  it('gives a hung server one time budget per article across its retries, not a time-out per retry', async () => {
    server.addScript({ when: 'Dunmore', replies: Array.from({ length: 6 }, () => ({ kind: 'hang' as const })) });
    const started = Date.now();
    const timeoutMs = 400;
    const { db } = await withStoredArticle(
      'Alderwick',
      { 'bad.txt': article('Dunmore') },
      { requestTimeoutMs: timeoutMs, maxRetries: 4, retryBaseMs: 10 },
    );
    const elapsed = Date.now() - started;
    expect(badRow(db)).toEqual({
      status: 'error',
      error: expect.stringMatching(
        /time-out: no answer within 0\.4 s; the article's time budget of 1 s is used up|time budget of 1 s is used up/,
      ),
    });
    const attempts = server.requests.filter((r) => r.subject.includes('Dunmore')).length;
    expect(attempts).toBe(2);
    // Five time-outs would be 2 s; the budget is two (one chunk: twice the time-out).
    expect(elapsed).toBeLessThan(5 * timeoutMs);
  });
});
