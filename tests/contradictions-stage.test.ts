import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contradictionStage } from '../pipeline/run/contradictions.ts';
import { createRulesExtractor } from '../pipeline/providers/rules.ts';
import { openDatabase, type Db } from '../pipeline/store/index.ts';
import { extractorFor } from './llm-server/harness.ts';
import { startLlmServer, type LlmServer } from './llm-server/server.ts';
import { tempDir } from './support/folder.ts';
import { storeArticle, type StoredArticleSketch } from './support/contradiction-claims.ts';

const ban = (
  language: 'nl' | 'en',
  quote: string,
  statement: string,
  extra: Partial<StoredArticleSketch['claims'][number]> = {},
) => ({
  quote,
  statement_en: statement,
  actor: language === 'nl' ? 'Het kabinet' : 'The cabinet',
  action: quote,
  ...extra,
});

const articles: StoredArticleSketch[] = [
  {
    path: 'nl/verbod.txt',
    language: 'nl',
    outlet: 'Dagblad',
    published: '2020-04-07',
    claims: [
      ban(
        'nl',
        'Het kabinet heeft Zoom op 7 april verboden voor ambtenaren.',
        'The cabinet banned Zoom for civil servants on 7 April.',
        { date: 'op 7 april', date_start: '2020-04-07', date_end: '2020-04-07', date_precision: 'day' },
      ),
      {
        quote: 'Zoom heeft 200 miljoen gebruikers.',
        actor: 'Zoom',
        action: 'heeft 200 miljoen gebruikers',
        statement_en: 'Zoom has 200 million users.',
      },
    ],
  },
  {
    path: 'en/advice.txt',
    language: 'en',
    outlet: 'Daily Wire Service',
    published: '2020-04-09',
    claims: [
      ban(
        'en',
        'The cabinet told civil servants they should avoid Zoom.',
        'The cabinet said civil servants should avoid Zoom.',
      ),
      {
        quote: 'Zoom has 300 million users.',
        actor: 'Zoom',
        action: 'has 300 million users',
        statement_en: 'Zoom has 300 million users.',
      },
    ],
  },
];

let db: Db | undefined;
afterEach(() => db?.close());

function setUp(): Db {
  db = openDatabase(join(tempDir(), 'claims.sqlite'));
  for (const article of articles) storeArticle(db, article);
  return db;
}

const rowsOf = (database: Db) =>
  database.prepare('SELECT * FROM v_contradictions ORDER BY contradiction_id').all() as Record<string, unknown>[];

/** The loopback model server answering every pair question with the same reply; closed after the test. */
async function judgeServer(reply: string, count = 40): Promise<LlmServer> {
  const server = await startLlmServer({
    scripts: [
      {
        when: 'Claim A (',
        replies: Array.from({ length: count }, () => ({ kind: 'content' as const, content: reply })),
      },
    ],
  });
  servers.push(server);
  return server;
}
const servers: LlmServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('the contradictions stage', () => {
  it('stores what the rules find, visible in v_contradictions with both quotes and paths', async () => {
    const database = setUp();
    const summary = await contradictionStage(database, { extractor: createRulesExtractor() });
    const rows = rowsOf(database);
    expect(summary.contradictions).toBe(rows.length);
    expect(rows.map((row) => row.kind).sort()).toEqual(['modality', 'numeric']);
    const numeric = rows.find((row) => row.kind === 'numeric')!;
    expect([numeric.path_a, numeric.path_b].sort()).toEqual(['en/advice.txt', 'nl/verbod.txt']);
    expect([numeric.quote_a, numeric.quote_b].sort()).toEqual([
      'Zoom has 300 million users.',
      'Zoom heeft 200 miljoen gebruikers.',
    ]);
  });

  it('changes nothing when run again on unchanged claims', async () => {
    const database = setUp();
    await contradictionStage(database, { extractor: createRulesExtractor() });
    const before = rowsOf(database);
    const changesBefore = database.prepare('SELECT total_changes() AS n').get() as { n: number };
    const again = await contradictionStage(database, { extractor: createRulesExtractor() });
    expect(again).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(database.prepare('SELECT total_changes() AS n').get()).toEqual(changesBefore);
    expect(rowsOf(database)).toEqual(before);
  });

  it('drops a contradiction once one of its claims is gone', async () => {
    const database = setUp();
    await contradictionStage(database, { extractor: createRulesExtractor() });
    storeArticle(database, { ...articles[1]!, claims: [articles[1]!.claims[0]!] });
    const summary = await contradictionStage(database, { extractor: createRulesExtractor() });
    expect(rowsOf(database).map((row) => row.kind)).toEqual(['modality']);
    expect(summary.deleted).toBe(0); // the cascade from claims already removed it
  });

  it('finds a contradiction again when its claim comes back, though the stage had nothing to do in between', async () => {
    const database = setUp();
    await contradictionStage(database, { extractor: createRulesExtractor() });
    const full = rowsOf(database);
    storeArticle(database, { ...articles[1]!, claims: [articles[1]!.claims[0]!] });
    await contradictionStage(database, { extractor: createRulesExtractor() });
    await contradictionStage(database, { extractor: createRulesExtractor() });
    storeArticle(database, articles[1]!);
    const summary = await contradictionStage(database, { extractor: createRulesExtractor() });
    expect(summary.inserted).toBeGreaterThan(0);
    expect(rowsOf(database).map((row) => row.kind)).toEqual(full.map((row) => row.kind));
  });

  it('asks the model about candidate pairs once, then answers from the cache', async () => {
    const database = setUp();
    const server = await judgeServer(
      '{"verdict":"contradiction","kind":"numeric","reason":"200 million is not 300 million."}',
    );
    const extractor = await extractorFor('openai:test-model', database, server, { maxRepairs: 0, maxRetries: 0 });
    const first = await contradictionStage(database, { extractor });
    expect(first.judged).toBeGreaterThan(0);
    expect(server.stats.chatRequests).toBe(first.judged);
    const numeric = rowsOf(database).find((row) => row.kind === 'numeric')!;
    expect(numeric.explanation).toMatch(/openai:test-model agrees: 200 million is not 300 million/);
    expect(numeric.score).toBeGreaterThanOrEqual(0.85);
    const second = await contradictionStage(database, { extractor });
    expect(second).toMatchObject({ inserted: 0, updated: 0, deleted: 0, failures: 0 });
    expect(server.stats.chatRequests).toBe(first.judged);
  });

  it('adds what only the model sees, as its own finding', async () => {
    const database = setUp();
    const server = await judgeServer(
      '{"verdict":"contradiction","kind":"other","reason":"One speaks of a ban, the other of a user count."}',
    );
    await contradictionStage(database, {
      extractor: await extractorFor('openai:test-model', database, server, { maxRepairs: 0, maxRetries: 0 }),
    });
    const other = rowsOf(database).filter((row) => row.kind === 'other');
    expect(other.length).toBeGreaterThan(0);
    expect(other[0]!.explanation).toBe('openai:test-model judged: One speaks of a ban, the other of a user count.');
  });

  it("holds the rules' findings out of the report, scored lower and kept queryable, when the model disagrees, and survives a garbled answer", async () => {
    const rules = setUp();
    await contradictionStage(rules, { extractor: createRulesExtractor() });
    const byRules = new Map(rowsOf(rules).map((row) => [row.kind, row.score as number]));
    rules.close();
    const database = setUp();
    const agreeing = await judgeServer('{"verdict":"agreement","kind":"other","reason":"Both describe the same ban."}');
    const summary = await contradictionStage(database, {
      extractor: await extractorFor('openai:test-model', database, agreeing, { maxRepairs: 0, maxRetries: 0 }),
    });
    expect(rowsOf(database)).toEqual([]);
    const held = database.prepare('SELECT kind, score, held, explanation FROM v_contradiction_candidates').all() as {
      kind: string;
      score: number;
      held: string;
      explanation: string;
    }[];
    expect(summary.held).toBe(held.length);
    expect(held.map((row) => row.kind).sort()).toEqual([...byRules.keys()].sort());
    for (const row of held) {
      expect(row.score).toBeLessThan(byRules.get(row.kind)!);
      expect(row.held).toBe('openai:test-model judged the pair in agreement');
      expect(row.explanation).toContain('Both describe the same ban.');
    }
    database.close();
    const fresh = setUp();
    const garbling = await judgeServer('I think they disagree');
    const garbled = await contradictionStage(fresh, {
      extractor: await extractorFor('openai:test-model', fresh, garbling, { maxRepairs: 0, maxRetries: 0 }),
    });
    expect(garbled.failures).toBe(garbled.judged);
    expect(new Map(rowsOf(fresh).map((row) => [row.kind, row.score]))).toEqual(byRules);
  });
});

describe('judging pairs with a model', () => {
  /** Six outlets each giving Zoom a different user count: every pair of them is a question for the judge. */
  const counts: StoredArticleSketch[] = [100, 200, 300, 400, 500, 600].map((millions, index) => ({
    path: `en/users-${millions}.txt`,
    language: 'en',
    outlet: `Outlet ${index}`,
    published: '2020-04-0' + (index + 1),
    claims: [
      {
        quote: `Zoom has ${millions} million users.`,
        actor: 'Zoom',
        action: `has ${millions} million users`,
        statement_en: `Zoom has ${millions} million users.`,
      },
    ],
  }));

  function setUpCounts(): Db {
    db = openDatabase(join(tempDir(), 'claims.sqlite'));
    for (const article of counts) storeArticle(db, article);
    return db;
  }

  it.each([1, 3])(
    'keeps at most %i judge questions in flight, and that many when there are more',
    async (concurrency) => {
      const database = setUpCounts();
      const server = await judgeServer(
        '{"verdict":"contradiction","kind":"numeric","reason":"The counts differ."}',
        100,
      );
      server.setLatency(40);
      const summary = await contradictionStage(database, {
        extractor: await extractorFor('openai:test-model', database, server, { maxRepairs: 0, maxRetries: 0 }),
        concurrency,
      });
      expect(summary.judged).toBeGreaterThan(concurrency);
      expect(server.stats.chatRequests).toBe(summary.judged);
      expect(server.stats.maxInFlight).toBe(concurrency);
    },
  );

  it('does not ask again, on an unchanged re-run, what the model failed to answer; --force asks again', async () => {
    const database = setUpCounts();
    const server = await startLlmServer({
      scripts: [
        { when: 'Claim A (', replies: Array.from({ length: 100 }, () => ({ kind: 'status' as const, status: 500 })) },
      ],
    });
    servers.push(server);
    const extractor = await extractorFor('openai:test-model', database, server, { maxRepairs: 0, maxRetries: 0 });
    const first = await contradictionStage(database, { extractor, concurrency: 2 });
    expect(first.judged).toBeGreaterThan(0);
    expect(first.failures).toBe(first.judged);
    const byRules = rowsOf(database);
    expect(byRules.length).toBeGreaterThan(0);

    server.resetStats();
    const again = await contradictionStage(database, { extractor, concurrency: 2 });
    expect(server.stats.chatRequests).toBe(0);
    expect(again).toMatchObject({
      judged: 0,
      failures: 0,
      skipped: first.failures,
      inserted: 0,
      updated: 0,
      deleted: 0,
    });
    expect(rowsOf(database)).toEqual(byRules);

    // The model answers now (a second server, one model name); --force asks the failed questions again, and their
    // answers are kept.
    const answering = await judgeServer(
      '{"verdict":"contradiction","kind":"numeric","reason":"The counts differ."}',
      100,
    );
    const recovered = await extractorFor('openai:test-model', database, answering, { maxRepairs: 0, maxRetries: 0 });
    expect(await contradictionStage(database, { extractor: recovered, concurrency: 2 })).toMatchObject({
      judged: 0,
      skipped: first.failures,
    });
    const forced = await contradictionStage(database, { extractor: recovered, concurrency: 2, force: true });
    expect(forced).toMatchObject({ judged: first.judged, failures: 0, skipped: 0 });
    expect(answering.stats.chatRequests).toBe(first.judged);
    expect(rowsOf(database).some((row) => String(row.explanation).includes('openai:test-model agrees'))).toBe(true);

    const after = await contradictionStage(database, { extractor: recovered, concurrency: 2 });
    expect(answering.stats.chatRequests).toBe(first.judged);
    expect(after).toMatchObject({ failures: 0, skipped: 0, inserted: 0, updated: 0, deleted: 0 });
  });
});
