import type { ClaimRow } from '../store/contradictions.ts';
import { countList, dateOf, englishOf, moreLine, placeOf, summaryLine, type ReportData } from './data.ts';

/**
 * Quoted text as Markdown shows it: Markdown passes HTML through, so a quote holding "<b>" or
 * "&lt;" would render as markup; a `<` and an `&` that starts an entity are written as entities.
 */
export const escapeMarkdown = (text: string) => text.replace(/&(?=#?\w+;)/g, '&amp;').replace(/</g, '&lt;');

const cell = (text: string | null | undefined) => escapeMarkdown((text ?? '—').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim() || '—');

const codeCell = (text: string) => `\`${text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'")}\``;

function side(claim: ClaimRow): string[] {
  return [
    codeCell(claim.path ?? claim.article_id),
    cell(placeOf(claim)),
    cell(claim.language),
    cell(`“${claim.quote}”`),
    cell(englishOf(claim)),
    cell(claim.source ?? 'the outlet'),
    cell(dateOf(claim)),
  ];
}

const ROWS = ['article', 'outlet, published', 'language', 'quote', 'in English', 'source', 'date'];

/** The review report as Markdown: summary counts, then each contradiction shown, highest score first. */
export function renderMarkdown(data: ReportData): string {
  const lines = ['# Contradictions', '', summaryLine(data.counts), ''];
  lines.push(`By kind: ${countList(data.counts.byKind)}.`, `By language: ${countList(data.counts.byLanguage)}.`, '');
  const more = moreLine(data);
  if (more) lines.push(more.text, '', '```sh', more.command, '```', '');
  if (data.items.length === 0) lines.push('No contradictions found.', '');
  data.items.forEach((item, index) => {
    const a = side(item.a);
    const b = side(item.b);
    lines.push(`## ${index + 1}. ${item.kind} · score ${item.score.toFixed(2)}`, '', escapeMarkdown(item.explanation), '');
    lines.push('| | A | B |', '| --- | --- | --- |');
    ROWS.forEach((name, row) => lines.push(`| ${name} | ${a[row]} | ${b[row]} |`));
    if (item.support_a > 1 || item.support_b > 1) lines.push(`| claims on this side | ${item.support_a} | ${item.support_b} |`);
    lines.push('', `Judged by ${item.judge}; id \`${item.contradiction_id}\`.`, '');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
