import { ClaimlensError } from '../errors.ts';
import type { Extractor } from '../extract/index.ts';
import { createChatExtractor } from '../llm/chat-extractor.ts';
import { answerText, toLangChainMessages } from '../llm/messages.ts';
import { probeServer } from '../llm/probe.ts';
import { loadPrompt } from '../llm/prompt.ts';
import { HttpStatusError, retryAfterMs, retryPolicy } from '../llm/retry.ts';
import type { ChatClient } from '../llm/structured.ts';
import type { ProviderContext } from './index.ts';

const DEFAULT_PORT = 11434;

/** OLLAMA_HOST as Ollama reads it ("0.0.0.0", "host:port", a full URL) to a URL we can call. */
export function ollamaBaseUrl(host: string | undefined): string {
  const raw = (host ?? '').trim() || `127.0.0.1:${DEFAULT_PORT}`;
  const url = new URL(/^https?:\/\//iu.test(raw) ? raw : `http://${raw}`);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  const explicitPort = /:\d+(\/|$)/u.test(raw.replace(/^https?:\/\//iu, ''));
  if (!explicitPort && url.protocol === 'http:') url.port = String(DEFAULT_PORT);
  return url.origin + url.pathname.replace(/\/+$/u, '');
}

/**
 * ollama-js throws only a status code on 429/5xx; this fetch keeps the Retry-After header and
 * bounds each request, body included, by the time-out so a hung server frees its socket.
 */
function fetchWithStatus(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await fetch(input, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    });
    if (response.status === 429 || response.status >= 500) {
      throw new HttpStatusError(response.status, await response.text().catch(() => ''), retryAfterMs(response.headers));
    }
    return response;
  };
}

type Tags = { models?: { name?: string; model?: string }[] };

/** `ollama:<model>` against OLLAMA_HOST; the answer is constrained by Ollama's `format` JSON schema. */
export async function createOllamaExtractor(model: string, context: ProviderContext): Promise<Extractor> {
  const baseUrl = ollamaBaseUrl(context.env.OLLAMA_HOST);
  const prompt = loadPrompt();
  const tags = await probeServer(`${baseUrl}/api/tags`, {
    name: 'Ollama',
    hint: 'start it with `ollama serve`, or set OLLAMA_HOST, or use --llm rules',
  });
  if (!tags.ok)
    throw new ClaimlensError(
      'LLM_UNREACHABLE',
      `Ollama at ${baseUrl} answered HTTP ${tags.status} to /api/tags`,
      'check OLLAMA_HOST, or use --llm rules',
    );
  const names = (((await tags.json().catch(() => ({}))) as Tags).models ?? [])
    .flatMap((m) => [m.name, m.model])
    .filter(Boolean);
  if (!names.some((name) => name === model || name === `${model}:latest`)) {
    throw new ClaimlensError(
      'NO_MODEL',
      `Ollama at ${baseUrl} has no model "${model}"`,
      `run \`ollama pull ${model}\`, or pick one of: ${names.join(', ') || '(none pulled)'}`,
    );
  }

  const { ChatOllama, OllamaEmbeddings } = await import('@langchain/ollama');
  const fetchBounded = fetchWithStatus(context.requestTimeoutMs);
  const chat = new ChatOllama({ model, baseUrl, temperature: 0, maxRetries: 0, fetch: fetchBounded });
  const client: ChatClient = {
    complete: async (turns, { signal, schema }) =>
      answerText(await chat.invoke(toLangChainMessages(turns), { signal, format: schema.schema })),
  };
  const embeddingModel = context.env.OLLAMA_EMBED_MODEL || model;
  return createChatExtractor({
    extractor: 'ollama',
    model,
    prompt,
    client,
    cache: context.cache,
    retry: retryPolicy(context),
    maxRepairs: context.maxRepairs,
    embedder: () => new OllamaEmbeddings({ model: embeddingModel, baseUrl, fetch: fetchBounded, maxRetries: 2 }),
  });
}
