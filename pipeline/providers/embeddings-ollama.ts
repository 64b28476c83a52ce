import { ClaimlensError } from '../errors.ts';
import { probeServer } from '../llm/probe.ts';
import { HttpStatusError, retryAfterMs } from '../llm/retry.ts';
import { isE5Model, type EmbedRequest, type EmbeddingContext, type EmbeddingServer } from './embeddings.ts';
import { ollamaBaseUrl } from './ollama.ts';

type Tags = { models?: { name?: string; model?: string }[] };

/** POST /api/embed: Ollama's batch endpoint, one vector per input in order. */
function ollamaRequest(baseUrl: string, model: string): EmbedRequest {
  const request: EmbedRequest = async (texts, signal) => {
    const response = await fetch(`${baseUrl}/api/embed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model, input: texts }),
      signal,
    });
    if (!response.ok)
      throw new HttpStatusError(response.status, await response.text().catch(() => ''), retryAfterMs(response.headers));
    const answer = (await response.json()) as { embeddings?: unknown[] };
    return (answer.embeddings ?? []).map((vector) => (Array.isArray(vector) ? (vector as number[]) : []));
  };
  // Ollama passes text through as given, so an E5 model gets its prefix from us.
  return isE5Model(model)
    ? (texts, signal) =>
        request(
          texts.map((text) => `query: ${text}`),
          signal,
        )
    : request;
}

/** `ollama:<model>` embeddings from OLLAMA_HOST; the model must have been pulled. */
export async function ollamaEmbeddingServer(model: string, context: EmbeddingContext): Promise<EmbeddingServer> {
  const baseUrl = ollamaBaseUrl(context.env.OLLAMA_HOST);
  const tags = await probeServer(`${baseUrl}/api/tags`, {
    name: 'Ollama',
    hint: 'start it with `ollama serve`, or set OLLAMA_HOST, or use --embeddings none',
  });
  if (!tags.ok)
    throw new ClaimlensError(
      'LLM_UNREACHABLE',
      `Ollama at ${baseUrl} answered HTTP ${tags.status} to /api/tags`,
      'check OLLAMA_HOST, or use --embeddings none',
    );
  const names = (((await tags.json().catch(() => ({}))) as Tags).models ?? [])
    .flatMap((m) => [m.name, m.model])
    .filter(Boolean);
  if (!names.some((name) => name === model || name === `${model}:latest`)) {
    throw new ClaimlensError(
      'NO_MODEL',
      `Ollama at ${baseUrl} has no model "${model}"`,
      `run \`ollama pull ${model}\`, or use --embeddings none`,
    );
  }
  return {
    id: `ollama:${model}`,
    model,
    request: ollamaRequest(baseUrl, model),
    convention: isE5Model(model) ? 'query: prefixed' : 'as given',
  };
}
