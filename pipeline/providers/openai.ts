import type { BaseMessage } from '@langchain/core/messages';
import type { ChatOpenAICallOptions } from '@langchain/openai';
import { ClaimlensError } from '../errors.ts';
import type { Extractor } from '../extract/index.ts';
import { createChatExtractor } from '../llm/chat-extractor.ts';
import { collectAnswer, toLangChainMessages } from '../llm/messages.ts';
import { probeServer } from '../llm/probe.ts';
import { loadPrompt } from '../llm/prompt.ts';
import { retryPolicy } from '../llm/retry.ts';
import { MAX_ANSWER_BYTES, type ChatClient } from '../llm/structured.ts';
import type { ProviderContext } from './index.ts';

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';

// Reasoning models refuse a temperature other than the default.
const acceptsTemperature = (model: string) => !/^(o\d|gpt-5)/iu.test(model);

/**
 * Servers list the models they serve, but some (llama.cpp's) answer to any name: an unlisted
 * model is a warning with the names to use, not a refusal.
 */
async function unlistedModelWarning(probe: Response, model: string, baseURL: string): Promise<string | undefined> {
  if (!probe.ok) return undefined;
  const listed = await probe
    .json()
    .then((body: { data?: { id?: unknown }[] }) =>
      (body.data ?? []).map((entry) => entry.id).filter((id): id is string => typeof id === 'string'),
    )
    .catch(() => [] as string[]);
  if (listed.length === 0 || listed.includes(model)) return undefined;
  const names = listed.slice(0, 8).join(', ') + (listed.length > 8 ? ', …' : '');
  return `${baseURL} does not list the model "${model}" (it lists: ${names}); if articles fail with 404, use --llm openai:<one of those>`;
}

/**
 * `openai:<model>` against OPENAI_BASE_URL: OpenAI itself, or any server speaking its protocol
 * (vLLM, llama.cpp's server, LM Studio). Answers are constrained with response_format json_schema;
 * a server that rejects that is asked again without it, and the JSON is then checked by zod alone.
 */
export async function createOpenAIExtractor(model: string, context: ProviderContext): Promise<Extractor> {
  const apiKey = context.env.OPENAI_API_KEY;
  if (!apiKey) throw new ClaimlensError('NO_API_KEY', 'OPENAI_API_KEY is not set', 'set it or use --llm rules');
  const baseURL = (context.env.OPENAI_BASE_URL || DEFAULT_BASE_URL).replace(/\/+$/u, '');
  const prompt = loadPrompt();
  const probe = await probeServer(`${baseURL}/models`, {
    name: 'the OpenAI-compatible server',
    hint: 'start it, or set OPENAI_BASE_URL to its address (e.g. http://127.0.0.1:8000/v1), or use --llm rules',
    headers: { authorization: `Bearer ${apiKey}` },
  });
  if (probe.status === 401 || probe.status === 403) {
    throw new ClaimlensError(
      'BAD_API_KEY',
      `${baseURL} refused OPENAI_API_KEY (HTTP ${probe.status})`,
      'check the key, or use --llm rules',
    );
  }
  const warning = await unlistedModelWarning(probe, model, baseURL);
  if (warning) context.warn?.(warning);

  const { ChatOpenAI, OpenAIEmbeddings } = await import('@langchain/openai');
  const chat = new ChatOpenAI({
    model,
    apiKey,
    configuration: { baseURL },
    timeout: context.requestTimeoutMs,
    // Retries are ours (withRetries), so that Retry-After is honoured and attempts are counted once.
    maxRetries: 0,
    streamUsage: false,
    ...(acceptsTemperature(model) ? { temperature: 0 } : {}),
  });
  // Streamed, because the SDK's non-streaming path JSON-parses a json_schema answer itself and
  // throws the text away when it is broken: the repair turn needs to show the model what it wrote.
  const streamed = async (messages: BaseMessage[], options: ChatOpenAICallOptions) =>
    collectAnswer(await chat.stream(messages, options), MAX_ANSWER_BYTES);
  let structured = true;
  const client: ChatClient = {
    async complete(turns, { signal, schema }) {
      const messages = toLangChainMessages(turns);
      if (structured) {
        try {
          const format = {
            type: 'json_schema' as const,
            json_schema: { name: schema.name, schema: schema.schema, strict: false },
          };
          return await streamed(messages, { signal, response_format: format });
        } catch (error) {
          const status = (error as { status?: number }).status;
          if (status !== 400 || !/response_format|json_schema/iu.test((error as Error).message)) throw error;
          structured = false;
        }
      }
      return streamed(messages, { signal });
    },
  };
  const embeddingModel = context.env.OPENAI_EMBEDDING_MODEL || DEFAULT_EMBEDDING_MODEL;
  return createChatExtractor({
    extractor: 'openai',
    model,
    prompt,
    client,
    cache: context.cache,
    retry: retryPolicy(context),
    maxRepairs: context.maxRepairs,
    embedder: () => new OpenAIEmbeddings({ model: embeddingModel, apiKey, configuration: { baseURL }, maxRetries: 2 }),
  });
}
