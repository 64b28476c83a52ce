import { join } from 'node:path';
import type { Extractor } from '../../pipeline/extract/index.ts';
import { resolveExtractor, type ProviderContext } from '../../pipeline/providers/index.ts';
import { runIngest, type RunSummary } from '../../pipeline/run.ts';
import { databaseCache, openDatabase, type Db } from '../../pipeline/store/index.ts';
import type { LlmServer } from './server.ts';

export type Settings = Partial<Omit<ProviderContext, 'cache' | 'env'>> & { env?: NodeJS.ProcessEnv };

/** The environment a user would set to point claimlens at this server, and nothing of the real one. */
export const serverEnv = (server: LlmServer): NodeJS.ProcessEnv => ({
  OPENAI_API_KEY: 'sk-test',
  OPENAI_BASE_URL: server.openaiBaseUrl,
  OLLAMA_HOST: server.ollamaHost,
});

/** Resolves `--llm spec` exactly as the CLI does, with short retries so tests stay fast. */
export function extractorFor(
  spec: string,
  db: Db,
  server: LlmServer | null,
  settings: Settings = {},
): Promise<Extractor> {
  return resolveExtractor(spec, {
    cache: databaseCache(db),
    env: settings.env ?? (server ? serverEnv(server) : {}),
    requestTimeoutMs: settings.requestTimeoutMs ?? 5000,
    maxRetries: settings.maxRetries ?? 3,
    maxRepairs: settings.maxRepairs ?? 2,
    retryBaseMs: settings.retryBaseMs ?? 20,
  });
}

/** One run of the whole pipeline on a folder with an LLM spec, into `<out>/claims.sqlite`. */
export async function ingestWithLlm(
  folder: string,
  out: string,
  spec: string,
  server: LlmServer | null,
  settings: Settings & { concurrency?: number; force?: boolean } = {},
): Promise<{ db: Db; summary: RunSummary; extractor: Extractor }> {
  const db = openDatabase(join(out, 'claims.sqlite'));
  const extractor = await extractorFor(spec, db, server, settings);
  const summary = await runIngest(
    { folder, out, concurrency: settings.concurrency ?? 2, force: settings.force ?? false, maxFileBytes: 1_000_000 },
    db,
    extractor,
  );
  await extractor.close?.();
  return { db, summary, extractor };
}
