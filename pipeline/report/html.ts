import type { ClaimRow, ContradictionRow } from '../store/contradictions.ts';
import { dateOf, languagesOf, moreLine, placeOf, summaryLine, supportOf, type ReportData } from './data.ts';
import { REPORT_CSS, REPORT_SCRIPT } from './page-assets.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string | number | null | undefined) => String(text ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char]!);

function claimCard(label: string, claim: ClaimRow, support: number): string {
  const backing = supportOf(support);
  const date = dateOf(claim);
  return `<section class="claim">
  <h3>${label} <span class="lang">${escapeHtml(claim.language)}</span></h3>
  <blockquote lang="${escapeHtml(claim.language)}">${escapeHtml(claim.quote)}</blockquote>
  <p class="english" lang="en">${escapeHtml(claim.statement_en)}</p>
  <dl>
    <dt>article</dt><dd><code>${escapeHtml(claim.path ?? claim.article_id)}</code></dd>
    <dt>outlet</dt><dd>${escapeHtml(placeOf(claim))}</dd>
    <dt>source</dt><dd>${escapeHtml(claim.source ?? 'the outlet')}</dd>
    ${date ? `<dt>date</dt><dd>${escapeHtml(date)}</dd>` : ''}${backing ? `<dt>stands for</dt><dd>${escapeHtml(backing)}</dd>` : ''}
  </dl>
</section>`;
}

function item(entry: ContradictionRow, index: number): string {
  return `<article class="item" id="c-${escapeHtml(entry.contradiction_id)}" data-kind="${escapeHtml(entry.kind)}" data-languages="${escapeHtml(languagesOf(entry).join(' '))}">
<header><span class="rank">${index + 1}</span><span class="kind kind-${escapeHtml(entry.kind)}">${escapeHtml(entry.kind)}</span><span class="score" title="score">${entry.score.toFixed(2)}</span><span class="judge">judged by ${escapeHtml(entry.judge)}</span></header>
<p class="explanation">${escapeHtml(entry.explanation)}</p>
<div class="pair">${claimCard('A', entry.a, entry.support_a)}${claimCard('B', entry.b, entry.support_b)}</div>
</article>`;
}

function options(label: string, name: string, counts: Record<string, number>): string {
  const entries = Object.entries(counts).map(([key, n]) => `<option value="${escapeHtml(key)}">${escapeHtml(key)} (${n})</option>`).join('');
  return `<label>${label} <select id="filter-${name}"><option value="">all</option>${entries}</select></label>`;
}

/** The review report as one self-contained page: no external asset, works offline, filters in place. */
export function renderHtml(data: ReportData): string {
  const { counts } = data;
  const tiles = [['contradictions', counts.contradictions], ['claims', counts.claims], ['articles', counts.articles], ['clusters', counts.clusters]]
    .map(([name, n]) => `<div class="tile"><b>${n}</b><span>${name}</span></div>`).join('');
  const more = moreLine(data);
  const moreNote = more ? `<p class="more">${escapeHtml(more.text)}</p><pre class="more"><code>${escapeHtml(more.command)}</code></pre>` : '';
  const kinds = Object.entries(counts.byKind).map(([kind, n]) => `<li><span class="kind kind-${escapeHtml(kind)}">${escapeHtml(kind)}</span> ${n}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimlens — contradictions</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>Contradictions between sources</h1>
<p class="summary">${escapeHtml(summaryLine(counts))}</p>
<div class="tiles">${tiles}</div>
<ul class="kinds">${kinds}</ul>
${moreNote}
<form class="filters" onsubmit="return false">${options('Kind', 'kind', counts.byKind)}${options('Language', 'language', counts.byLanguage)}<output id="shown">${data.items.length} shown</output></form>
<div id="items">
${data.items.map(item).join('\n') || '<p class="empty">No contradictions found.</p>'}
</div>
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
