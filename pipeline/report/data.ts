import type { ClaimRow, ContradictionRow, ReportCounts } from '../store/contradictions.ts';

/** Everything a report shows, read from the database once. */
export type ReportData = { counts: ReportCounts; items: ContradictionRow[] };

/** "Dagblad, 2020-04-07", with whatever of the two is known. */
export const placeOf = (claim: ClaimRow) => [claim.outlet ?? 'unknown outlet', claim.published ?? 'undated'].join(', ');

export const languagesOf = (item: ContradictionRow) => [...new Set([item.a.language, item.b.language])].sort();

export const summaryLine = (counts: ReportCounts) =>
  `${counts.contradictions} contradiction${counts.contradictions === 1 ? '' : 's'} among ${counts.claims} claims from ${counts.articles} articles (${counts.clusters} clusters).`;

export const countList = (counts: Record<string, number>) =>
  Object.entries(counts).map(([key, n]) => `${key} ${n}`).join(', ') || 'none';
