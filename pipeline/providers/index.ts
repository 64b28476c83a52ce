import { ClaimlensError } from '../errors.ts';
import type { Extractor } from '../extract/index.ts';
import type { ResponseCache } from '../../schemas/record.ts';
import { createRulesExtractor } from './rules.ts';

/** What every provider may need from the run; each takes what it uses. */
export type ProviderContext = {
  cache: ResponseCache;
  env: NodeJS.ProcessEnv;
  requestTimeoutMs: number;
  maxRetries: number;
  maxRepairs: number;
  /** First retry delay; the default (1 s) suits real servers, tests shorten it. */
  retryBaseMs?: number;
  /** Tells the user something that does not stop the run. */
  warn?: (message: string) => void;
};

/** How hard to try one request: every caller (ingest, eval, bench) uses the same unless told otherwise. */
export const REQUEST_DEFAULTS = { requestTimeoutMs: 120_000, maxRetries: 4, maxRepairs: 2 } as const;

type ProviderFactory = (model: string, context: ProviderContext) => Promise<Extractor>;

/** Adding a provider is one file and one line here. LLM providers are loaded only when asked for. */
const PROVIDERS: Readonly<Record<string, ProviderFactory>> = {
  rules: async () => createRulesExtractor(),
  openai: (model, context) => import('./openai.ts').then((m) => m.createOpenAIExtractor(model, context)),
  ollama: (model, context) => import('./ollama.ts').then((m) => m.createOllamaExtractor(model, context)),
  gguf: (path, context) => import('./gguf.ts').then((m) => m.createGgufExtractor(path, context)),
};

export const PROVIDER_NAMES = Object.keys(PROVIDERS);

/**
 * `rules`, `openai:<model>`, `ollama:<model>` or `gguf:<path>` to a ready extractor; a wrong spec,
 * a missing key or an unreachable server fails here, before any article is read.
 */
export async function resolveExtractor(spec: string, context: ProviderContext): Promise<Extractor> {
  const colon = spec.indexOf(':');
  const name = (colon < 0 ? spec : spec.slice(0, colon)).trim().toLowerCase();
  const model = colon < 0 ? '' : spec.slice(colon + 1).trim();
  const factory = PROVIDERS[name];
  if (!factory) {
    throw new ClaimlensError(
      'BAD_LLM_SPEC',
      `unknown --llm "${spec}"`,
      `use one of: rules, openai:<model>, ollama:<model>, gguf:<path>`,
    );
  }
  if (name !== 'rules' && !model) {
    throw new ClaimlensError(
      'BAD_LLM_SPEC',
      `--llm ${name} needs a model`,
      `write it as ${name}:<${name === 'gguf' ? 'path' : 'model'}>`,
    );
  }
  return factory(model, context);
}
