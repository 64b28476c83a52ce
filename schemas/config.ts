import { z } from 'zod';

export const MEGABYTE = 1024 * 1024;

/** Everything a run can be told; CLI flags and environment variables are parsed into this. */
export const RunConfig = z.object({
  folder: z.string().describe('folder of articles to ingest'),
  out: z.string().describe('output folder for claims.sqlite and the reports'),
  llm: z.string().describe('extractor spec: rules, openai:<model>, ollama:<model>, gguf:<path>'),
  concurrency: z.number().int().min(1).max(256).describe('articles extracted at once'),
  force: z.boolean().describe('extract again even when an article was already done with this extractor'),
  maxFileBytes: z.number().int().positive().describe('files larger than this are recorded as errors, not read'),
  requestTimeoutMs: z.number().int().positive(),
  maxRetries: z.number().int().min(0),
  maxRepairs: z.number().int().min(0),
  json: z.boolean().describe('print the summary as JSON'),
  quiet: z.boolean(),
});
export type RunConfig = z.infer<typeof RunConfig>;

export const DEFAULT_MAX_FILE_BYTES = 5 * MEGABYTE;
