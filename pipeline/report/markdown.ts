import type { ClaimRow } from '../store/contradictions.ts';
import { countList, placeOf, summaryLine, type ReportData } from './data.ts';

const cell = (text: string | null | undefined) => (text ?? '—').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim() || '—';

function side(claim: ClaimRow): string[] {
  return [
    `\`${claim.path ?? claim.article_id}\``,
    placeOf(claim),
    claim.language,
    `“${claim.quote}”`,
    claim.statement_en,
    claim.source ?? 'the outlet',
    claim.date ? `${claim.date}${claim.date_start ? ` (${claim.date_start}${claim.date_end && claim.date_end !== claim.date_start ? ` to ${claim.date_end}` : ''})` : ''}` : null,
  ].map(cell);
}

const ROWS = ['article', 'outlet, published', 'language', 'quote', 'in English', 'source', 'date'];

/** The review report as Markdown: summary counts, then each contradiction, highest score first. */
export function renderMarkdown(data: ReportData): string {
  const lines = ['# Contradictions', '', summaryLine(data.counts), ''];
  lines.push(`By kind: ${countList(data.counts.byKind)}.`, `By language: ${countList(data.counts.byLanguage)}.`, '');
  if (data.items.length === 0) lines.push('No contradictions found.', '');
  data.items.forEach((item, index) => {
    const a = side(item.a);
    const b = side(item.b);
    lines.push(`## ${index + 1}. ${item.kind} · score ${item.score.toFixed(2)}`, '', item.explanation, '');
    lines.push('| | A | B |', '| --- | --- | --- |');
    ROWS.forEach((name, row) => lines.push(`| ${name} | ${a[row]} | ${b[row]} |`));
    lines.push('', `Judged by ${item.judge}; id \`${item.contradiction_id}\`.`, '');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
