import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contradictionStage } from '../pipeline/run/contradictions.ts';
import { localModels, SKIP_MESSAGE } from '../pipeline/eval/local-models.ts';
import type { Extractor } from '../pipeline/extract/index.ts';
import { createGgufExtractor } from '../pipeline/providers/gguf.ts';
import { databaseCache, openDatabase, type Db } from '../pipeline/store/index.ts';
import { PairJudgement } from '../schemas/contradiction.ts';
import { storeArticle } from './support/contradiction-claims.ts';
import { makeFolder, tempDir } from './support/folder.ts';

/**
 * Gemma 3 270M (`npm run models`) through `--llm gguf:` on three short corpus articles, one per
 * language. What the model writes is not predictable; what claimlens does with it is: every stored
 * claim is grounded, the rest is unaligned, a broken answer is an error row, a re-run asks nothing.
 */
const { gguf } = localModels();
if (!gguf) console.log(`${SKIP_MESSAGE} (gguf: ${localModels().missing.join('; ')})`);

const ARTICLES = {
  'nl/negeneuroticket.txt': 'nl',
  'de/ever-given-frei.txt': 'de',
  'en/eurozone-inflation.txt': 'en',
} as const;
const corpusFolder = () =>
  makeFolder(Object.fromEntries(Object.keys(ARTICLES).map((path) => [path, readFileSync(join('corpus', path))])));

type Summary = {
  articles: number;
  unchanged: number;
  llmCalls: number;
  claims: number;
  unaligned: number;
  stageSeconds: Record<string, number>;
};

/** `npm run ingest` as a user runs it, with the environment a test chooses. */
function ingest(
  folder: string,
  out: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; summary: Summary; stderr: string }> {
  const args = [
    '--import',
    'tsx',
    'pipeline/cli/ingest.ts',
    folder,
    '--out',
    out,
    '--llm',
    `gguf:${gguf}`,
    '--concurrency',
    '1',
    '--timeout-s',
    '900',
    '--json',
    '--quiet',
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, CLAIMLENS_LLM: '', CLAIMLENS_EMBEDDINGS: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({ code, stderr, summary: code === 0 ? (JSON.parse(stdout) as Summary) : ({} as Summary) }),
    ),
  );
}

describe.skipIf(!gguf)('gguf: with Gemma 3 270M', () => {
  let out: string;
  let first: Awaited<ReturnType<typeof ingest>>;
  let db: Db;

  beforeAll(async () => {
    out = tempDir();
    // Capped answers keep a model that never closes its JSON from holding up two shared cores.
    first = await ingest(corpusFolder(), out, { CLAIMLENS_GGUF_MAX_TOKENS: '512' });
    db = openDatabase(join(out, 'claims.sqlite'));
  }, 1_200_000);
  afterAll(() => db?.close());

  it('completes the run with one row per article', () => {
    expect(first.code, first.stderr).toBe(0);
    const rows = db.prepare('SELECT path, language, status, error FROM v_articles ORDER BY path').all() as {
      path: string;
      language: string;
      status: string;
      error: string | null;
    }[];
    expect(rows.map((row) => [row.path, row.language])).toEqual(Object.entries(ARTICLES).sort());
    for (const row of rows) expect(row.status === 'ok' || (row.status === 'error' && Boolean(row.error))).toBe(true);
  });

  it('stores only claims whose offsets give back their quote', () => {
    const claims = db
      .prepare(
        'SELECT c.quote, c.extractor, substr(t.text, c.char_start + 1, c.char_end - c.char_start) AS span FROM v_claims c JOIN v_article_text t USING (article_id)',
      )
      .all() as { quote: string; extractor: string; span: string }[];
    for (const claim of claims) {
      expect(claim.span).toBe(claim.quote);
      expect(claim.extractor).toBe('gguf');
    }
    const unaligned = (db.prepare('SELECT count(*) AS n FROM v_unaligned').get() as { n: number }).n;
    const seconds = first.summary.stageSeconds.ingest! / Object.keys(ARTICLES).length;
    const share =
      claims.length + unaligned === 0 ? 'n/a' : `${((100 * claims.length) / (claims.length + unaligned)).toFixed(1)} %`;
    console.log(
      `gguf Gemma 3 270M: ${claims.length} grounded claims, ${unaligned} unaligned (grounded share ${share}), ${seconds.toFixed(1)} s per article, ${first.summary.llmCalls} model calls`,
    );
  });

  it('keeps what the model invented in v_unaligned, never in v_claims', () => {
    const invented = db
      .prepare(
        'SELECT u.quote, instr(t.text, u.quote) AS found FROM v_unaligned u JOIN v_article_text t USING (article_id)',
      )
      .all() as { quote: string; found: number }[];
    for (const row of invented) expect(row.found, row.quote).toBe(0);
    const leaked = db
      .prepare(
        'SELECT count(*) AS n FROM v_claims c JOIN v_unaligned u ON u.article_id = c.article_id AND u.quote = c.quote',
      )
      .get() as { n: number };
    expect(leaked.n).toBe(0);
  });

  it('makes no model call when the folder is run again unchanged', async () => {
    // An article the small model failed on is tried again by design: the unchanged ones are those it answered.
    const answered = (db.prepare("SELECT path FROM v_articles WHERE status = 'ok'").all() as { path: string }[]).map(
      (row) => row.path,
    );
    expect(answered.length).toBeGreaterThan(0);
    const again = await ingest(
      makeFolder(Object.fromEntries(answered.map((path) => [path, readFileSync(join('corpus', path))]))),
      out,
      { CLAIMLENS_GGUF_MAX_TOKENS: '512' },
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.summary).toMatchObject({ articles: answered.length, llmCalls: 0 });
  }, 300_000);

  it('records an answer that fails validation after its repairs as an error row with the reason', async () => {
    const failedOut = tempDir();
    // Twelve tokens cut every answer inside its JSON: the real model itself gives the invalid answers.
    const failed = await ingest(
      makeFolder({ 'en/eurozone-inflation.txt': readFileSync('corpus/en/eurozone-inflation.txt') }),
      failedOut,
      { CLAIMLENS_GGUF_MAX_TOKENS: '12' },
    );
    expect(failed.code, failed.stderr).toBe(0);
    expect(failed.summary).toMatchObject({ articles: 1, claims: 0 });
    const failedDb = openDatabase(join(failedOut, 'claims.sqlite'));
    const row = failedDb.prepare('SELECT status, error FROM v_articles').get() as { status: string; error: string };
    failedDb.close();
    expect(row.status).toBe('error');
    expect(row.error).toMatch(/model output still invalid after 2 repairs/);
  }, 300_000);
});

describe.skipIf(!gguf)('the contradiction judge through gguf:', () => {
  let extractor: Extractor;
  let db: Db;
  beforeAll(async () => {
    db = openDatabase(join(tempDir(), 'claims.sqlite'));
    extractor = await createGgufExtractor(gguf!, {
      cache: databaseCache(db),
      env: { CLAIMLENS_GGUF_MAX_TOKENS: '160' },
      requestTimeoutMs: 120_000,
      maxRetries: 0,
      maxRepairs: 1,
    });
  }, 120_000);
  afterAll(async () => {
    await extractor?.close?.();
    db?.close();
  });

  it('answers the question on a pair of claims with a verdict the schema accepts', async () => {
    const quake = (count: number) => ({
      actor: 'The earthquake',
      action: `killed ${count} people in Izmir`,
      statement_en: `The earthquake in Izmir killed ${count} people.`,
      quote: `The earthquake killed ${count} people in Izmir on Friday.`,
    });
    storeArticle(db, {
      path: 'a.txt',
      language: 'en',
      outlet: 'Daily A',
      published: '2020-10-31',
      claims: [quake(12)],
    });
    storeArticle(db, {
      path: 'b.txt',
      language: 'en',
      outlet: 'Daily B',
      published: '2020-10-31',
      claims: [quake(25)],
    });
    const summary = await contradictionStage(db, { extractor, concurrency: 1, force: false });
    expect(summary).toMatchObject({ judged: 1, failures: 0 });
    const answers = db.prepare('SELECT response FROM _llm_cache').all() as { response: string }[];
    expect(answers).toHaveLength(1);
    const judgement = PairJudgement.parse(JSON.parse(answers[0]!.response));
    console.log(`gguf judge (Gemma 3 270M) on 12 vs 25 dead: ${JSON.stringify(judgement)}`);
  }, 180_000);
});
