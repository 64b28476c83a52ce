import type { Extractor } from '../extract.ts';
import { noStats } from '../extract.ts';

/** Placeholder until the rules issue lands. */
export function createRulesExtractor(): Extractor {
  return {
    extractor: 'rules',
    model: 'rules-v0',
    promptVersion: 'none',
    extract: async () => ({ claims: [], stats: noStats() }),
  };
}
