import { z } from 'zod';
import type { ExtractionStats } from '../extract/index.ts';
import type { ResponseCache } from '../../schemas/record.ts';
import { parseAnswer } from './parse.ts';
import type { ChatTurn } from '../extract/index.ts';
import { withRetries, type Deadline, type RetryPolicy } from './retry.ts';

/** A JSON schema with the name OpenAI-style APIs want beside it. */
export type NamedSchema = { name: string; schema: Record<string, unknown> };

/**
 * What a provider gives the pipeline: one chat completion, constrained to a JSON schema where the
 * backend can (OpenAI response_format, Ollama format, a llama.cpp grammar), plain text otherwise.
 */
export interface ChatClient {
  complete(turns: readonly ChatTurn[], options: { signal: AbortSignal; schema: NamedSchema }): Promise<string>;
}

export type StructuredOptions = {
  client: ChatClient;
  cache: ResponseCache;
  /** Identity of the answers in the cache: provider, model and prompt version. */
  model: string;
  promptVersion: string;
  retry: RetryPolicy;
  maxRepairs: number;
  repairTurn: (errors: string) => ChatTurn;
};

export type AskRequest<T> = {
  schema: z.ZodType<T>;
  schemaName: string;
  turns: readonly ChatTurn[];
  cacheKey: string;
  wrapArrayAs?: string;
  /** The article's budget: every request and retry of this question ends by then. */
  deadline?: Deadline;
};

/**
 * The largest answer read from a model: 60 claims of full-length fields fit several times over.
 * Beyond it the answer is garbage or an attack, and is refused before it is parsed or stored.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** How much of a bad answer a repair turn shows the model: enough to see the mistake, never the whole flood. */
export const REPAIR_EXCERPT_CHARS = 2000;

/** The start of a long answer, and how much was cut, for a repair turn. */
export function excerpt(answer: string, limit = REPAIR_EXCERPT_CHARS): string {
  if (answer.length <= limit) return answer;
  return `${answer.slice(0, limit)}\n[… ${answer.length - limit} more characters cut]`;
}

const oversize = (answer: string) => {
  const bytes = Buffer.byteLength(answer);
  return bytes > MAX_ANSWER_BYTES
    ? `the answer is ${bytes} bytes, over the ${MAX_ANSWER_BYTES}-byte limit; answer with fewer, shorter claims`
    : undefined;
};

/**
 * Asks until the answer parses with the schema: a bounded number of repair turns that show the
 * model its validation errors, each request with its own retries. Valid answers are cached, so
 * the same question under the same model and prompt version is never asked twice.
 */
export async function askStructured<T>(
  options: StructuredOptions,
  request: AskRequest<T>,
  stats: ExtractionStats,
): Promise<T> {
  const cached = options.cache.get(request.cacheKey);
  if (cached !== undefined) {
    const parsed = parseAnswer(cached, request.schema, request.wrapArrayAs);
    if (parsed.ok) {
      stats.cacheHits += 1;
      return parsed.value;
    }
  }
  const schema: NamedSchema = { name: request.schemaName, schema: jsonSchemaOf(request.schema) };
  const turns = [...request.turns];
  let lastErrors = '';
  for (let round = 0; round <= options.maxRepairs; round++) {
    if (round > 0) stats.repairs += 1;
    const answer = await withRetries(
      (signal) => options.client.complete(turns, { signal, schema }),
      options.retry,
      () => {
        stats.llmCalls += 1;
      },
      undefined,
      request.deadline,
    );
    const tooLong = oversize(answer);
    const parsed = tooLong
      ? { ok: false as const, errors: tooLong, summary: tooLong }
      : parseAnswer(answer, request.schema, request.wrapArrayAs);
    if (parsed.ok) {
      options.cache.set(request.cacheKey, {
        model: options.model,
        promptVersion: options.promptVersion,
        response: JSON.stringify(parsed.value),
      });
      return parsed.value;
    }
    lastErrors = parsed.summary;
    turns.push({ role: 'assistant', content: excerpt(answer) }, options.repairTurn(excerpt(parsed.errors)));
  }
  throw new Error(
    `model output still invalid after ${options.maxRepairs} repair${options.maxRepairs === 1 ? '' : 's'}: ${lastErrors}`,
  );
}

const jsonSchemas = new WeakMap<z.ZodType, Record<string, unknown>>();

/** The JSON schema of a zod schema, made once per schema: every request sends it. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  let json = jsonSchemas.get(schema);
  if (!json) {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
    json = rest;
    jsonSchemas.set(schema, json);
  }
  return json;
}
