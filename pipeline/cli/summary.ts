import type { RunSummary } from '../run.ts';
import { formatTable } from './table.ts';

/** The end-of-run table: articles by language and status, then what was found and how long it took. */
export function formatSummary(summary: RunSummary): string {
  const statuses = ['ok', 'skipped', 'error'];
  const languages = Object.keys(summary.byLanguage).sort();
  const rows = [
    ...languages.map((language) => ({ language, articles: summary.byLanguage[language] ?? 0 })),
    { language: 'total', articles: summary.articles },
  ];
  const statusRows = statuses.map((status) => ({ status, articles: summary.byStatus[status] ?? 0 }));
  const figures = [
    { what: 'articles unchanged since last run', value: summary.unchanged },
    { what: 'copies of a text read earlier in this run', value: summary.sameText },
    { what: 'claims found this run', value: summary.claims },
    { what: 'claims in the database', value: summary.claimsStored },
    { what: 'quotes not found in their article', value: summary.unaligned },
    { what: 'LLM calls (cache hits)', value: `${summary.llmCalls} (${summary.cacheHits})` },
    { what: 'clusters', value: summary.clusters },
    { what: 'contradictions', value: summary.contradictions },
    {
      what: 'time',
      value: `${summary.seconds.toFixed(1)} s (${(summary.articles / Math.max(summary.seconds, 1e-3)).toFixed(1)} articles/s)`,
    },
  ];
  return [formatTable(rows), '', formatTable(statusRows), '', formatTable(figures)].join('\n');
}
