import type { ClaimRow } from '../../schemas/contradiction.ts';
import { printable } from '../printable.ts';
import { countList, dateOf, englishOf, moreLine, placeOf, summaryLine, type ReportData } from './data.ts';

/**
 * Article and model text as Markdown shows it, as text: Markdown passes HTML through and turns
 * `[x](javascript:…)` into a live link and `![x](http://…)` into an image the viewer fetches. So
 * HTML tags and entities are written as entities, and the characters of link, image, emphasis and code
 * syntax are backslash-escaped; the text reads the same, nothing in it renders. Escape sequences and
 * control characters go too: `cat contradictions.md` must not clear a screen or set a window title.
 */
export const escapeMarkdown = (text: string) =>
  printable(text)
    .replace(/[\\`*_[\]~]/g, (char) => `\\${char}`)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;');

/** A paragraph of untrusted text: one line, escaped, and no heading, list or quote marker at its start. */
const paragraph = (text: string) =>
  escapeMarkdown(text.replace(/\s+/g, ' ').trim()).replace(/^([#>+=-]|\d+[.)])/u, '\\$1');

// Pipes are escaped after the rest, so their backslash is not escaped in turn.
const cell = (text: string | null | undefined) =>
  escapeMarkdown((text ?? '—').replace(/\s+/g, ' ').trim() || '—').replace(/\|/g, '\\|');

const codeCell = (text: string) =>
  `\`${printable(text).replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'")}\``;

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
    lines.push(`## ${index + 1}. ${item.kind} · score ${item.score.toFixed(2)}`, '', paragraph(item.explanation), '');
    lines.push('| | A | B |', '| --- | --- | --- |');
    ROWS.forEach((name, row) => lines.push(`| ${name} | ${a[row]} | ${b[row]} |`));
    if (item.support_a > 1 || item.support_b > 1)
      lines.push(`| claims on this side | ${item.support_a} | ${item.support_b} |`);
    lines.push('', `Judged by ${escapeMarkdown(item.judge)}; id \`${item.contradiction_id}\`.`, '');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
