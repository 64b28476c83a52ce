import type { Extractor } from '../extract/index.ts';
import { noStats } from '../extract/index.ts';
import { lexiconVersion } from '../rules/lexicon.ts';
import { extractRuleClaims } from '../rules/extract.ts';

/** The offline extractor: no model, no network, deterministic. Its version is that of its lexicons. */
export function createRulesExtractor(): Extractor {
  return {
    extractor: 'rules',
    model: 'rules-1',
    promptVersion: lexiconVersion(),
    extract: async (article) => ({ claims: extractRuleClaims(article), stats: noStats() }),
  };
}
