import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DEFAULT_MAX_FILE_BYTES } from '../../schemas/config.ts';
import { loadFolder } from '../load/index.ts';
import { measureRun, type LlmSection } from './run-bench.ts';

type LoopbackServer = {
  openaiBaseUrl: string;
  ollamaHost: string;
  stats: { chatRequests: number };
  close(): Promise<void>;
};
type ServerModule = {
  startLlmServer(options: {
    latencyMs?: number;
    models?: readonly string[];
    recordings?: readonly { when: string; claims: unknown[] }[];
  }): Promise<LoopbackServer>;
};

/** What the loopback model answers for each article: one claim per sentence, quoted verbatim, as a model would. */
async function recordingsFor(folder: string): Promise<{ when: string; claims: unknown[] }[]> {
  const recordings: { when: string; claims: unknown[] }[] = [];
  for await (const outcome of loadFolder(folder, { maxFileBytes: DEFAULT_MAX_FILE_BYTES })) {
    if (outcome.kind !== 'article') continue;
    const sentences = outcome.article.text.match(/[^.!?\n]+[.!?]/g) ?? [];
    const claims = sentences.slice(0, 8).map((sentence) => {
      const words = sentence.trim().split(/\s+/);
      return {
        actor: words.slice(0, 2).join(' '),
        action: words.slice(2, 8).join(' ') || 'says',
        date: null,
        reason: null,
        source: null,
        quote: sentence.trim(),
        statement_en: sentence.trim(),
        polarity: 'affirmed',
        modality: 'fact',
      };
    });
    recordings.push({ when: outcome.article.text.slice(0, 120), claims });
  }
  return recordings;
}

/**
 * The LLM section of the benchmark: the same measurement as the rules run, with `openai:<model>`
 * pointed at the loopback server from tests/llm-server answering after a set latency. The server
 * is test equipment, loaded only if the checkout has it; without it the section is skipped. It
 * answers each article with one claim per sentence, so grounding and storing do real work; it
 * answers no judge questions, so the contradictions stage runs on its offline rules here.
 */
export function loopbackLlmSection(serverFile: string, latencyMs: number, concurrency: number): LlmSection | undefined {
  if (!existsSync(serverFile)) return undefined;
  return async (folder, scratch) => {
    const { startLlmServer } = (await import(pathToFileURL(serverFile).href)) as ServerModule;
    const server = await startLlmServer({
      latencyMs,
      models: ['bench-model'],
      recordings: await recordingsFor(folder),
    });
    try {
      const env = { OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: server.openaiBaseUrl };
      const run = await measureRun(folder, scratch, 'openai:bench-model', {
        env,
        concurrency,
        requestTimeoutMs: 30_000,
        withoutJudge: true,
      });
      return { ...run, spec: `openai (loopback ${latencyMs} ms, ×${concurrency}, no judge)` };
    } finally {
      await server.close();
    }
  };
}
