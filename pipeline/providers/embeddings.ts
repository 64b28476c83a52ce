import { Embeddings } from '@langchain/core/embeddings';
import pLimit from 'p-limit';
import { ClaimlensError } from '../errors.ts';
import type { Extractor } from '../extract/index.ts';
import { retryPolicy, withRetries, type RetryPolicy } from '../llm/retry.ts';
import type { ProviderContext } from './index.ts';

/** One request to an embedding server: texts in, one vector per text out, in order. */
export type EmbedRequest = (texts: string[], signal: AbortSignal) => Promise<number[][]>;

/** A server's embeddings, probed and ready; `id` names the vectors in the database cache. */
export type EmbeddingServer = {
  id: string;
  model: string;
  request: EmbedRequest;
  /** How texts are sent (e.g. E5's prefix, and who adds it), for the user and the tests. */
  convention: 'as given' | 'query: prefixed' | 'server prefixes query:';
};

export type EmbeddingContext = ProviderContext & { extractor: Extractor };

type EmbeddingFactory = (model: string, context: EmbeddingContext) => Promise<EmbeddingServer>;

/** Adding an embedding provider is one file and one line here, as for the chat providers. */
const EMBEDDING_PROVIDERS: Readonly<Record<string, EmbeddingFactory>> = {
  openai: (model, context) => import('./embeddings-openai.ts').then((m) => m.openAIEmbeddingServer(model, context)),
  ollama: (model, context) => import('./embeddings-ollama.ts').then((m) => m.ollamaEmbeddingServer(model, context)),
};

const SPEC_HINT = 'use one of: openai:<model>, ollama:<model>, none';

/** Texts per request: what OpenAI-compatible servers take comfortably in one body. */
export const EMBED_BATCH = 32;
/** Requests in flight: an embedding server is one process on the same few cores as we are. */
export const EMBED_CONCURRENCY = 2;

/**
 * multilingual-e5 was trained with a "query: " or "passage: " prefix on every text; claims are
 * compared with claims, so both sides are queries. Decided here so no caller has to know.
 */
export const isE5Model = (model: string) => /\be5\b|multilingual-e5/iu.test(model);

/**
 * Embeddings behind @langchain/core's interface, as dedup expects: batched, a bounded number of
 * requests in flight, each retried like a chat request. `requests` counts what reached the server.
 */
export class ServerEmbeddings extends Embeddings {
  readonly id: string;
  readonly model: string;
  readonly convention: EmbeddingServer['convention'];
  requests = 0;
  private readonly limit = pLimit(EMBED_CONCURRENCY);

  constructor(
    private readonly server: EmbeddingServer,
    private readonly retry: RetryPolicy,
    private readonly batchSize = EMBED_BATCH,
  ) {
    super({});
    this.id = server.id;
    this.model = server.model;
    this.convention = server.convention;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const batches: string[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize)
      batches.push(texts.slice(start, start + this.batchSize));
    const answers = await Promise.all(
      batches.map((batch) =>
        this.limit(() =>
          withRetries(
            async (signal) => {
              const vectors = await this.server.request(batch, signal);
              if (vectors.length !== batch.length)
                throw new Error(`${this.id} answered ${vectors.length} vectors for ${batch.length} texts`);
              return vectors;
            },
            this.retry,
            () => {
              this.requests += 1;
            },
          ),
        ),
      ),
    );
    return answers.flat();
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedDocuments([text]))[0]!;
  }
}

/**
 * `--embeddings <spec>` to the embedder dedup uses, or null for none. Without a spec, the LLM
 * provider's own embeddings (none for rules, which is why rules with a local embedding server
 * is asked for explicitly). An explicit spec is probed here, before any article is read.
 */
export async function resolveEmbeddings(
  spec: string | undefined,
  context: EmbeddingContext,
): Promise<Embeddings | null> {
  const trimmed = (spec ?? '').trim();
  if (!trimmed) return context.extractor.embedder ?? null;
  if (trimmed.toLowerCase() === 'none') return null;
  const colon = trimmed.indexOf(':');
  const name = (colon < 0 ? trimmed : trimmed.slice(0, colon)).toLowerCase();
  const model = colon < 0 ? '' : trimmed.slice(colon + 1).trim();
  const factory = EMBEDDING_PROVIDERS[name];
  if (!factory) throw new ClaimlensError('BAD_EMBEDDINGS_SPEC', `unknown --embeddings "${trimmed}"`, SPEC_HINT);
  if (!model)
    throw new ClaimlensError(
      'BAD_EMBEDDINGS_SPEC',
      `--embeddings ${name} needs a model`,
      `write it as ${name}:<model>`,
    );
  const server = await factory(model, context);
  return new ServerEmbeddings(server, retryPolicy(context));
}
