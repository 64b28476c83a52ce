import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ClaimlensError } from '../pipeline/errors.ts';
import { ollamaBaseUrl } from '../pipeline/providers/ollama.ts';
import { memoryCache, openDatabase } from '../pipeline/store/index.ts';
import { makeFolder, tempDir } from './support/folder.ts';
import { rows } from './support/ingest.ts';
import { extractorFor, ingestWithLlm, serverEnv } from './llm-server/harness.ts';
import { startLlmServer, type LlmServer } from './llm-server/server.ts';
import { resolveExtractor } from '../pipeline/providers/index.ts';

const TEXT =
  'Het kabinet verbiedt het gebruik van de app op werktelefoons van ambtenaren. Dat zei de minister dinsdag in Den Haag na afloop van de ministerraad.';
const CLAIM = {
  actor: 'Het kabinet',
  action: 'verbiedt het gebruik van de app op werktelefoons',
  date: 'dinsdag',
  reason: null,
  source: 'de minister',
  quote: 'Het kabinet verbiedt het gebruik van de app op werktelefoons van ambtenaren.',
  statement_en: 'The Dutch cabinet bans the app on civil servants’ work phones.',
  polarity: 'affirmed',
  modality: 'fact',
};

let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer({ recordings: [{ when: 'werktelefoons', claims: [CLAIM] }] });
});
afterAll(async () => {
  await server.close();
});

const db = () => openDatabase(join(tempDir(), 'claims.sqlite'));

async function failure(promise: Promise<unknown>): Promise<ClaimlensError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClaimlensError);
  return error as ClaimlensError;
}

describe('choosing a provider fails fast, before any article is read', () => {
  it('refuses an unknown provider and a provider without a model', async () => {
    expect((await failure(extractorFor('mistral:large', db(), server))).code).toBe('BAD_LLM_SPEC');
    expect((await failure(extractorFor('openai', db(), server))).toLine()).toMatch(/openai:<model>/);
  });

  it('says what to set when OPENAI_API_KEY is missing', async () => {
    const error = await failure(
      extractorFor('openai:test-model', db(), server, { env: { OPENAI_BASE_URL: server.openaiBaseUrl } }),
    );
    expect(error.toLine()).toBe('claimlens: OPENAI_API_KEY is not set; set it or use --llm rules');
  });

  it('names the address when the server cannot be reached', async () => {
    const closed = await startLlmServer();
    await closed.close();
    const openai = await failure(extractorFor('openai:test-model', db(), closed));
    expect(openai.code).toBe('LLM_UNREACHABLE');
    expect(openai.message).toContain(closed.openaiBaseUrl);
    expect(openai.hint).toMatch(/OPENAI_BASE_URL/);
    const ollama = await failure(extractorFor('ollama:test-model', db(), closed));
    expect(ollama.hint).toMatch(/ollama serve|OLLAMA_HOST/);
  });

  it('warns, with the names to use, when an OpenAI-compatible server does not list the model', async () => {
    const warnings: string[] = [];
    const context = {
      cache: memoryCache(),
      env: serverEnv(server),
      requestTimeoutMs: 2000,
      maxRetries: 0,
      maxRepairs: 1,
      warn: (message: string) => warnings.push(message),
    };
    await resolveExtractor('openai:gpt-nope', context);
    expect(warnings).toEqual([expect.stringMatching(/does not list the model "gpt-nope" \(it lists: test-model\)/)]);
    warnings.length = 0;
    await resolveExtractor('openai:test-model', context);
    expect(warnings).toEqual([]);
  });

  it('tells an Ollama user to pull a model the server does not have', async () => {
    const error = await failure(extractorFor('ollama:llama-nope', db(), server));
    expect(error.code).toBe('NO_MODEL');
    expect(error.hint).toMatch(/ollama pull llama-nope/);
  });

  it.each([
    ['a missing file', () => join(tempDir(), 'no-such-model.gguf'), 'NO_GGUF', /no model file at/],
    [
      'a file that is not GGUF',
      () => {
        const path = join(tempDir(), 'fake.gguf');
        writeFileSync(path, '<html>404 Not Found</html>');
        return path;
      },
      'BAD_GGUF',
      /is not a GGUF model file/,
    ],
    ['a folder', () => tempDir(), 'BAD_GGUF', /is not a file/],
  ])('gives a clear error for a gguf: spec naming %s', async (_name, makePath, code, message) => {
    const error = await failure(extractorFor(`gguf:${makePath()}`, db(), null));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/GGUF/);
  });

  it('reads OLLAMA_HOST the way Ollama does', () => {
    expect(ollamaBaseUrl(undefined)).toBe('http://127.0.0.1:11434');
    expect(ollamaBaseUrl('0.0.0.0')).toBe('http://127.0.0.1:11434');
    expect(ollamaBaseUrl('127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(ollamaBaseUrl('http://localhost:11434/')).toBe('http://localhost:11434');
  });
});

describe('the Ollama provider against /api/chat', () => {
  it('stores grounded claims from a streamed answer and sends the JSON schema as format', async () => {
    const { db: store } = await ingestWithLlm(makeFolder({ 'nl.txt': TEXT }), tempDir(), 'ollama:test-model', server);
    expect(rows(store, 'SELECT quote, extractor, model, alignment FROM v_claims')).toEqual([
      { quote: CLAIM.quote, extractor: 'ollama', model: 'test-model', alignment: 'exact' },
    ]);
    const request = server.requests.findLast((r) => r.protocol === 'ollama')!;
    expect(request.body.format).toMatchObject({ type: 'object', required: ['claims'] });
  });

  it('honours a 429 and recovers from a 500', async () => {
    const text = TEXT.replace('dinsdag', 'woensdag');
    server.addScript({
      when: 'woensdag',
      replies: [
        { kind: 'status', status: 429, retryAfter: '0' },
        { kind: 'status', status: 500 },
      ],
    });
    const { summary } = await ingestWithLlm(makeFolder({ 'nl.txt': text }), tempDir(), 'ollama:test-model', server);
    expect(summary.byStatus).toEqual({ ok: 1 });
    expect(summary.llmCalls).toBe(3);
  });

  it('gives up on a hung server after the time-out and retries', async () => {
    const text = TEXT.replace('dinsdag', 'donderdag');
    server.addScript({ when: 'donderdag', replies: [{ kind: 'hang' }, { kind: 'hang' }] });
    const { db: store } = await ingestWithLlm(makeFolder({ 'nl.txt': text }), tempDir(), 'ollama:test-model', server, {
      requestTimeoutMs: 300,
      maxRetries: 1,
    });
    expect(rows(store, 'SELECT status, error FROM v_articles')).toEqual([
      { status: 'error', error: expect.stringMatching(/after 2 attempts: time-out/) },
    ]);
  });
});

describe('what LLM providers offer the later stages', () => {
  it.each(['openai:test-model', 'ollama:test-model'])(
    '%s embeds texts so that shared words point the same way',
    async (spec) => {
      const extractor = await extractorFor(spec, db(), server);
      const [ban, banAgain, weather] = await extractor.embedder!.embedDocuments([
        'the cabinet bans the app',
        'the cabinet bans the app on phones',
        'rain is expected tomorrow',
      ]);
      const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
      expect(cosine(ban!, banAgain!)).toBeGreaterThan(cosine(ban!, weather!));
    },
  );

  it('answers a judge question through the same repairs and cache', async () => {
    server.addScript({
      when: 'JUDGE-A',
      replies: [
        { kind: 'content', content: '{"verdict": "maybe"}' },
        { kind: 'content', content: '```json\n{"verdict": "contradicts"}\n```' },
      ],
    });
    const extractor = await resolveExtractor('openai:test-model', {
      cache: memoryCache(),
      env: serverEnv(server),
      requestTimeoutMs: 2000,
      maxRetries: 0,
      maxRepairs: 1,
    });
    const Verdict = z.object({ verdict: z.enum(['agrees', 'contradicts', 'unrelated']) });
    const turns = [
      { role: 'system' as const, content: 'Compare the claims.' },
      { role: 'user' as const, content: '<article>JUDGE-A: one says 40, the other 400' },
    ];
    expect(await extractor.judge!.ask(Verdict, turns, 'verdict')).toEqual({ verdict: 'contradicts' });
    const before = server.stats.chatRequests;
    expect(await extractor.judge!.ask(Verdict, turns, 'verdict')).toEqual({ verdict: 'contradicts' });
    expect(server.stats.chatRequests).toBe(before);
  });

  it('loads no LLM client for the rules extractor', async () => {
    const rules = await resolveExtractor('rules', {
      cache: memoryCache(),
      env: {},
      requestTimeoutMs: 1000,
      maxRetries: 0,
      maxRepairs: 0,
    });
    expect(rules.judge).toBeUndefined();
    expect(rules.embedder).toBeUndefined();
  });
});
