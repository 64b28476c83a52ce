import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Embeddings } from '@langchain/core/embeddings';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimlensError } from '../pipeline/errors.ts';
import type { Extractor } from '../pipeline/extract/index.ts';
import { EMBED_BATCH, resolveEmbeddings, type ServerEmbeddings } from '../pipeline/providers/embeddings.ts';
import { createRulesExtractor } from '../pipeline/providers/rules.ts';
import { memoryCache } from '../pipeline/store/index.ts';
import { makeFolder, tempDir } from './support/folder.ts';

/**
 * `--embeddings` against a small OpenAI-style embedding server written here (no model needed):
 * what is sent, how often, and what stops the run. The real model is in models-embeddings.test.ts.
 */
type Fake = {
  baseURL: string;
  bodies: { model: string; input: string[]; input_type?: string }[];
  server: Server;
  failNext: (count: number) => void;
};

function fakeServer(options: { models?: string[]; prefixesByInputType?: boolean } = {}): Promise<Fake> {
  const bodies: Fake['bodies'] = [];
  let failures = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.url === '/v1/models') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data: (options.models ?? ['e5-test']).map((id) => ({ id })) }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Fake['bodies'][number];
    bodies.push(body);
    if (failures > 0) {
      failures -= 1;
      response.writeHead(500).end('busy');
      return;
    }
    // A vector that tells texts apart, and query from passage when the server is one that prefixes.
    const shift = options.prefixesByInputType && body.input_type === 'passage' ? 1 : 0;
    const data = body.input.map((text, index) => ({
      index,
      embedding: [text.length + shift, text.charCodeAt(0) || 0, 1],
    }));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        bodies,
        failNext: (count) => (failures = count),
        baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
      }),
    ),
  );
}

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

const context = (env: NodeJS.ProcessEnv, extractor: Extractor = createRulesExtractor()) => ({
  cache: memoryCache(),
  env,
  requestTimeoutMs: 5000,
  maxRetries: 2,
  maxRepairs: 0,
  retryBaseMs: 10,
  extractor,
});

async function embedderOn(options: Parameters<typeof fakeServer>[0], model: string) {
  const fake = await fakeServer(options);
  servers.push(fake.server);
  const embedder = (await resolveEmbeddings(
    `openai:${model}`,
    context({ CLAIMLENS_EMBEDDINGS_BASE_URL: fake.baseURL }),
  )) as ServerEmbeddings;
  fake.bodies.length = 0;
  return { fake, embedder };
}

describe('--embeddings', () => {
  it.each([
    ['foo:bar', /unknown --embeddings "foo:bar"/],
    ['openai:', /--embeddings openai needs a model/],
  ])('refuses the spec %s with what to write instead', async (spec, message) => {
    await expect(resolveEmbeddings(spec, context({}))).rejects.toThrow(message);
  });

  it('means no embeddings with none, and by default for rules; an LLM provider keeps its own', async () => {
    expect(await resolveEmbeddings('none', context({}))).toBeNull();
    expect(await resolveEmbeddings(undefined, context({}))).toBeNull();
    class Own extends Embeddings {
      async embedDocuments(texts: string[]) {
        return texts.map(() => [1]);
      }
      async embedQuery() {
        return [1];
      }
    }
    const own = new Own({});
    expect(await resolveEmbeddings(undefined, context({}, { ...createRulesExtractor(), embedder: own }))).toBe(own);
  });

  it('stops before any article when the server is unreachable or does not serve the model', async () => {
    const closed = resolveEmbeddings(
      'openai:e5-test',
      context({ CLAIMLENS_EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9/v1' }),
    );
    await expect(closed).rejects.toMatchObject({ code: 'LLM_UNREACHABLE' });
    const fake = await fakeServer({ models: ['multilingual-e5-small-q4'] });
    servers.push(fake.server);
    const unknown = resolveEmbeddings(
      'openai:text-embedding-3-small',
      context({ CLAIMLENS_EMBEDDINGS_BASE_URL: fake.baseURL }),
    );
    await expect(unknown).rejects.toThrow(ClaimlensError);
    await expect(unknown).rejects.toMatchObject({
      code: 'NO_MODEL',
      message: expect.stringMatching(/does not serve the embedding model "text-embedding-3-small"/),
      hint: expect.stringMatching(/one of: multilingual-e5-small-q4/),
    });
  });

  it('exits 2 with one line from npm run ingest, and no article read, when the embedding server is down', () => {
    const out = tempDir();
    const folder = makeFolder({
      'a.txt': 'De regering verbiedt Zoom voor alle ambtenaren, meldde de minister dinsdag.',
    });
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'pipeline/cli/ingest.ts', folder, '--out', out, '--embeddings', 'openai:e5-test'],
      {
        encoding: 'utf8',
        env: { ...process.env, CLAIMLENS_LLM: '', CLAIMLENS_EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9/v1' },
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^claimlens: cannot reach the embedding server at http:\/\/127\.0\.0\.1:9\/v1\/models/),
    ]);
  });

  it.each([
    ['an E5 model on a server that passes text through', 'e5-test', false, ['query: Zoom is banned.'], undefined],
    ['an E5 model on a server that prefixes by input_type', 'e5-test', true, ['Zoom is banned.'], 'query'],
    ['any other model', 'nomic-embed-text', false, ['Zoom is banned.'], undefined],
  ])(
    'sends the texts for %s so that each is embedded as its model wants',
    async (_, model, prefixesByInputType, input, inputType) => {
      const { fake, embedder } = await embedderOn({ models: [model], prefixesByInputType }, model);
      await embedder.embedDocuments(['Zoom is banned.']);
      expect(fake.bodies).toHaveLength(1);
      expect(fake.bodies[0]!.input).toEqual(input);
      expect(fake.bodies[0]!.input_type).toBe(inputType);
    },
  );

  it('sends texts in batches and gives one vector per text, in order', async () => {
    const { fake, embedder } = await embedderOn({ models: ['nomic-embed-text'] }, 'nomic-embed-text');
    const texts = Array.from({ length: EMBED_BATCH * 2 + 5 }, (_, i) => 'x'.repeat(i + 1));
    const vectors = await embedder.embedDocuments(texts);
    expect(fake.bodies.map((body) => body.input.length)).toEqual([EMBED_BATCH, EMBED_BATCH, 5]);
    expect(vectors.map((vector) => vector[0])).toEqual(texts.map((text) => text.length));
  });

  it('retries a server error like a chat request', async () => {
    const { fake, embedder } = await embedderOn({ models: ['nomic-embed-text'] }, 'nomic-embed-text');
    fake.failNext(2);
    const [vector] = await embedder.embedDocuments(['hello']);
    expect(vector).toEqual([5, 104, 1]);
    expect(embedder.requests).toBe(3);
  });
});
