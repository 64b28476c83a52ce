import { z } from 'zod';

export const MEGABYTE = 1024 * 1024;

/** What a run is told, whoever calls it (the ingest CLI, eval, bench, tests). */
export const RunConfig = z.object({
  folder: z.string().describe('folder of articles to ingest'),
  out: z.string().describe('output folder for claims.sqlite and the reports'),
  concurrency: z.number().int().min(1).max(256).describe('articles extracted at once'),
  force: z.boolean().describe('read and extract again even what is unchanged'),
  maxFileBytes: z.number().int().positive().describe('files larger than this are recorded as errors, not read'),
});
export type RunConfig = z.infer<typeof RunConfig>;

export const DEFAULT_MAX_FILE_BYTES = 5 * MEGABYTE;

/** `--embeddings`: where dedup's sentence vectors come from; `none` clusters on offline signals alone. */
export const EmbeddingsSpec = z
  .string()
  .trim()
  .regex(/^(none|(openai|ollama):\S.*)$/iu, 'write it as openai:<model>, ollama:<model> or none')
  .describe('embedding provider and model for cross-lingual dedup');
export type EmbeddingsSpec = z.infer<typeof EmbeddingsSpec>;
