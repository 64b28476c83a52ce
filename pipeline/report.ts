import type { Db } from './store/index.ts';

/** Placeholder until the report issue: returns the files it wrote. */
export function writeReports(_db: Db, _outDir: string): string[] {
  return [];
}
