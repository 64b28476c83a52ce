import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { SimpleChatModel, type BaseChatModelCallOptions } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import { ClaimlensError } from '../errors.ts';
import type { Extractor } from '../extract/index.ts';
import { createChatExtractor } from '../llm/chat-extractor.ts';
import { answerText, toLangChainMessages } from '../llm/messages.ts';
import { loadPrompt } from '../llm/prompt.ts';
import { retryPolicy } from '../llm/retry.ts';
import type { ChatClient } from '../llm/structured.ts';
import type { ProviderContext } from './index.ts';

const DOWNLOAD_HINT =
  'download a small multilingual instruct model in GGUF format (see README, e.g. Qwen2.5-3B-Instruct Q4_K_M) and give its path';

/** A GGUF file starts with the four bytes "GGUF"; anything else would fail deep inside llama.cpp. */
export function checkGgufFile(path: string): string {
  const file = resolve(path);
  try {
    if (!statSync(file).isFile()) throw new ClaimlensError('BAD_GGUF', `${file} is not a file`, DOWNLOAD_HINT);
  } catch (error) {
    if (error instanceof ClaimlensError) throw error;
    throw new ClaimlensError('NO_GGUF', `no model file at ${file}`, DOWNLOAD_HINT);
  }
  // A file shorter than four bytes leaves zeros in the buffer, so it fails the same check.
  const magic = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, magic, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (magic.toString('latin1') !== 'GGUF') {
    throw new ClaimlensError('BAD_GGUF', `${file} is not a GGUF model file`, DOWNLOAD_HINT);
  }
  return file;
}

type LlamaCpp = typeof import('node-llama-cpp');
type GgufCallOptions = BaseChatModelCallOptions & { jsonSchema?: Record<string, unknown> };

/**
 * Enough for the prompt, one chunk and its answer. node-llama-cpp would otherwise size the context
 * to the model's training length (32k for Gemma 3), and that KV cache made a 270M model on two
 * cores some 50 times slower than this.
 */
const CONTEXT_TOKENS = 8192;
/**
 * An answer longer than this is cut and fails validation, so a model that never closes its JSON cannot hang an article.
 */
export const DEFAULT_MAX_ANSWER_TOKENS = 2048;
/**
 * Greedy decoding among the 40 likeliest tokens: whenever one of those fits the JSON grammar, the
 * answer is the one the whole vocabulary would give, but the grammar is checked against 40 tokens
 * instead of Gemma's 262k, which made constrained generation 8 times faster on two cores (4.4 vs
 * 36 tokens/s, Gemma 3 270M).
 */
const SAMPLING = { temperature: 0, topK: 40 } as const;

/** CLAIMLENS_GGUF_MAX_TOKENS, or the default; a bad value is the user's to fix, so it stops the run. */
export function maxAnswerTokens(env: NodeJS.ProcessEnv): number {
  const raw = env.CLAIMLENS_GGUF_MAX_TOKENS?.trim();
  if (!raw) return DEFAULT_MAX_ANSWER_TOKENS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new ClaimlensError(
      'BAD_ARGS',
      `CLAIMLENS_GGUF_MAX_TOKENS must be a whole number of at least 1, not "${raw}"`,
    );
  return value;
}

/**
 * node-llama-cpp as a @langchain/core chat model. Each call gets a fresh session on the one context
 * sequence (calls are serialised: one model in memory answers one question at a time), and the
 * answer is generated under a grammar built from the JSON schema, so it is always schema-shaped.
 */

/**
 * The schema without its length and count caps: a grammar spelling out "at most 2,000 characters"
 * is too large for llama.cpp to parse ("Failed to parse grammar"). The caps still hold: every
 * answer is validated against the zod schema, and the token budget bounds what the model can write.
 */
export function withoutLengthCaps(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutLengthCaps);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'maxLength' && key !== 'maxItems')
      .map(([key, value]) => [key, withoutLengthCaps(value)]),
  );
}

class GgufChatModel extends SimpleChatModel<GgufCallOptions> {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly grammars = new Map<string, Promise<unknown>>();
  private sequence: ReturnType<typeof this.context.getSequence> | undefined;

  constructor(
    private readonly llamaCpp: LlamaCpp,
    private readonly llama: Awaited<ReturnType<LlamaCpp['getLlama']>>,
    private readonly context: Awaited<
      ReturnType<Awaited<ReturnType<Awaited<ReturnType<LlamaCpp['getLlama']>>['loadModel']>>['createContext']>
    >,
    private readonly maxTokens: number,
  ) {
    super({});
  }

  _llmType() {
    return 'node-llama-cpp';
  }

  async _call(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<string> {
    const run = this.queue.then(() => this.answer(messages, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private grammarFor(schema: Record<string, unknown>) {
    const key = JSON.stringify(schema);
    if (!this.grammars.has(key))
      this.grammars.set(key, this.llama.createGrammarForJsonSchema(withoutLengthCaps(schema) as never));
    return this.grammars.get(key)! as Promise<Awaited<ReturnType<typeof this.llama.createGrammarForJsonSchema>>>;
  }

  private async answer(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<string> {
    const history = messages.slice(0, -1).map((message) => {
      const text = answerText(message);
      const type = message.getType();
      if (type === 'system') return { type: 'system' as const, text };
      if (type === 'ai') return { type: 'model' as const, response: [text] };
      return { type: 'user' as const, text };
    });
    const last = messages.at(-1);
    // One sequence for every question: a new session on it evaluates only what differs from the
    // tokens already in it, so the shared system prompt and few-shot examples are read once.
    this.sequence ??= this.context.getSequence();
    const session = new this.llamaCpp.LlamaChatSession({ contextSequence: this.sequence, autoDisposeSequence: false });
    try {
      session.setChatHistory(history);
      const grammar = options.jsonSchema ? await this.grammarFor(options.jsonSchema) : undefined;
      return await session.prompt(last ? answerText(last) : '', {
        ...SAMPLING,
        maxTokens: this.maxTokens,
        ...(grammar ? { grammar } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }
}

/** `gguf:<path>`: a local model file run in-process; no server, no key, nothing leaves the machine. */
export async function createGgufExtractor(path: string, context: ProviderContext): Promise<Extractor> {
  const file = checkGgufFile(path);
  const maxTokens = maxAnswerTokens(context.env);
  const prompt = loadPrompt();
  let llamaCpp: LlamaCpp;
  try {
    llamaCpp = await import('node-llama-cpp');
  } catch (error) {
    throw new ClaimlensError(
      'NO_LLAMA_CPP',
      `node-llama-cpp could not be loaded (${(error as Error).message})`,
      'run `npm install node-llama-cpp`, or use --llm openai:/ollama:',
    );
  }
  const llama = await llamaCpp.getLlama();
  let model;
  try {
    model = await llama.loadModel({ modelPath: file });
  } catch (error) {
    throw new ClaimlensError('BAD_GGUF', `cannot load ${file}: ${(error as Error).message}`, DOWNLOAD_HINT);
  }
  const llamaContext = await model.createContext({
    contextSize: { max: CONTEXT_TOKENS },
    threads: availableParallelism(),
  });
  const chat = new GgufChatModel(llamaCpp, llama, llamaContext, maxTokens);
  const client: ChatClient = {
    complete: async (turns, { signal, schema }) =>
      answerText(await chat.invoke(toLangChainMessages(turns), { signal, jsonSchema: schema.schema })),
  };
  return createChatExtractor({
    extractor: 'gguf',
    model: file.split(/[\\/]/u).at(-1)!,
    prompt,
    client,
    cache: context.cache,
    // In-process generation has no rate limits; only the time-out can fire, and retrying it would not help.
    retry: { ...retryPolicy(context), maxRetries: 0 },
    maxRepairs: context.maxRepairs,
    close: async () => {
      await llamaContext.dispose();
      await model.dispose();
      await llama.dispose();
    },
  });
}
