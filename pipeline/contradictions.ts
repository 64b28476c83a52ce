import type { Extractor } from './extract.ts';
import type { Db } from './store/index.ts';

export type ContradictionSummary = { contradictions: number };

/** Placeholder until the contradictions issue. */
export async function contradictionStage(_db: Db, _context: { extractor: Extractor }): Promise<ContradictionSummary> {
  return { contradictions: 0 };
}
