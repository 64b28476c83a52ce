import type { ReviewData } from '../../schemas/review.ts';
import type { ClaimRow, ContradictionRow } from '../../schemas/contradiction.ts';
import {
  dateOf,
  glossPieces,
  languagesOf,
  moreLine,
  placeOf,
  sharedGround,
  summaryLine,
  supportOf,
  type ReportData,
} from './data.ts';
import { REPORT_CSS } from './page-assets.ts';
import { REPORT_SCRIPT } from './page-script.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string | number | null | undefined) =>
  String(text ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/**
 * JSON inside <script type="application/json">: the browser ends the element at the first "</script",
 * and "<!--" changes how it is parsed, so every "<" is written as \u003c (still the same JSON); U+2028
 * and U+2029 are escaped too, for any reader that evaluates the text as script.
 */
export const embeddedJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** What the cards know of a claim beyond ClaimRow: its article's title and where its English line came from. */
type ClaimContext = { title: string | null; origin: string | null };

const articleLink = (claim: ClaimRow) =>
  `#tab=articles&article=${encodeURIComponent(claim.article_id)}&claim=${encodeURIComponent(claim.claim_id)}`;

/** A gloss marks the words it kept as written; any other English line is shown as it is. */
function englishHtml(claim: ClaimRow, origin: string | null): string {
  if (origin !== 'gloss') return escapeHtml(claim.statement_en);
  return glossPieces(claim.statement_en, claim.quote)
    .map((piece) =>
      piece.asWritten ? `<i title="as written in the quote">${escapeHtml(piece.text)}</i>` : escapeHtml(piece.text),
    )
    .join('');
}

function claimCard(label: string, claim: ClaimRow, support: number, context: ClaimContext | undefined): string {
  const backing = supportOf(support);
  const date = dateOf(claim);
  const origin = context?.origin
    ? `<span class="origin" title="where this English line comes from">${escapeHtml(context.origin)}</span> `
    : '';
  const title = context?.title ?? claim.path ?? claim.article_id;
  return `<section class="claim">
  <h3>${label} <span class="lang">${escapeHtml(claim.language)}</span></h3>
  <blockquote lang="${escapeHtml(claim.language)}">${escapeHtml(claim.quote)}</blockquote>
  <p class="english" lang="en">${origin}${englishHtml(claim, context?.origin ?? null)}</p>
  <dl>
    <dt>article</dt><dd><a href="${escapeHtml(articleLink(claim))}">${escapeHtml(title)}</a> <code>${escapeHtml(claim.path ?? claim.article_id)}</code></dd>
    <dt>outlet</dt><dd>${escapeHtml(placeOf(claim))}</dd>
    <dt>source</dt><dd>${escapeHtml(claim.source ?? 'the outlet')}</dd>
    ${date ? `<dt>date</dt><dd>${escapeHtml(date)}</dd>` : ''}${backing ? `<dt>stands for</dt><dd>${escapeHtml(backing)}</dd>` : ''}
  </dl>
</section>`;
}

function groundLine(entry: ContradictionRow): string {
  const ground = sharedGround(entry.a, entry.b);
  const parts = [
    ground.subject ? `<span><b>subject</b> ${escapeHtml(ground.subject)}</span>` : '',
    ground.predicate ? `<span><b>predicate</b> ${escapeHtml(ground.predicate)}</span>` : '',
    ground.differs.length ? `<span><b>differs</b> ${escapeHtml(ground.differs.join('; '))}</span>` : '',
  ].filter(Boolean);
  return parts.length ? `<p class="ground"><span class="label">shared</span>${parts.join('')}</p>` : '';
}

function item(entry: ContradictionRow, index: number, contexts: ReadonlyMap<string, ClaimContext>): string {
  return `<article class="item" id="c-${escapeHtml(entry.contradiction_id)}" data-kind="${escapeHtml(entry.kind)}" data-languages="${escapeHtml(languagesOf(entry).join(' '))}">
<header><span class="rank">${index + 1}</span><span class="kind kind-${escapeHtml(entry.kind)}">${escapeHtml(entry.kind)}</span><span class="score" title="score">${entry.score.toFixed(2)}</span><span class="judge">judged by ${escapeHtml(entry.judge)}</span></header>
<p class="explanation">${escapeHtml(entry.explanation)}</p>
${groundLine(entry)}
<div class="pair">${claimCard('A', entry.a, entry.support_a, contexts.get(entry.a.claim_id))}${claimCard('B', entry.b, entry.support_b, contexts.get(entry.b.claim_id))}</div>
</article>`;
}

function options(label: string, name: string, counts: Record<string, number>): string {
  const entries = Object.entries(counts)
    .map(([key, n]) => `<option value="${escapeHtml(key)}">${escapeHtml(key)} (${n})</option>`)
    .join('');
  return `<label>${label} <select id="filter-${name}"><option value="">all</option>${entries}</select></label>`;
}

function claimContexts(review: ReviewData): Map<string, ClaimContext> {
  const titles = new Map(review.articles.map((article) => [article.article_id, article.title]));
  return new Map(
    review.claims.map((claim) => [
      claim.claim_id,
      { title: titles.get(claim.article_id) ?? null, origin: claim.statement_origin },
    ]),
  );
}

const EMPTY_REVIEW: ReviewData = { articles: [], claims: [], clusters: [], contradictions: [], unaligned: [] };

/**
 * The analyst's page as one self-contained file: no external asset, works from file://. The
 * contradictions are written as HTML (they read without script); the Claims and Articles tabs are
 * drawn by the script from the embedded JSON when first opened, so 10,000 claims cost one parse.
 */
export function renderHtml(data: ReportData, review: ReviewData = EMPTY_REVIEW): string {
  const { counts } = data;
  const contexts = claimContexts(review);
  const tiles = [
    ['contradictions', counts.contradictions],
    ['claims', counts.claims],
    ['articles', counts.articles],
    ['clusters', counts.clusters],
  ]
    .map(([name, n]) => `<div class="tile"><b>${n}</b><span>${name}</span></div>`)
    .join('');
  const more = moreLine(data);
  const moreNote = more
    ? `<p class="more">${escapeHtml(more.text)}</p><pre class="more"><code>${escapeHtml(more.command)}</code></pre>`
    : '';
  const kinds = Object.entries(counts.byKind)
    .map(([kind, n]) => `<li><span class="kind kind-${escapeHtml(kind)}">${escapeHtml(kind)}</span> ${n}</li>`)
    .join('');
  const empty =
    '<p class="empty">No contradictions found. The Claims tab lists what each source claims; the Articles tab shows each article with its claims marked.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimlens — review</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header class="top">
<h1>claimlens review</h1>
<p class="summary">${escapeHtml(summaryLine(counts))}</p>
<div class="tiles">${tiles}</div>
<nav class="tabs" role="tablist">
<a role="tab" href="#tab=contradictions" data-tab="contradictions">Contradictions <span>${counts.contradictions}</span></a>
<a role="tab" href="#tab=claims" data-tab="claims">Claims <span>${review.clusters.length} clusters</span></a>
<a role="tab" href="#tab=articles" data-tab="articles">Articles <span>${review.articles.length}</span></a>
</nav>
</header>
<section id="tab-contradictions" class="tab" data-tab-panel="contradictions">
<ul class="kinds">${kinds}</ul>
${moreNote}
<form class="filters" onsubmit="return false">${options('Kind', 'kind', counts.byKind)}${options('Language', 'language', counts.byLanguage)}<output id="shown">${data.items.length} shown</output></form>
<div id="items">
${data.items.map((entry, index) => item(entry, index, contexts)).join('\n') || empty}
</div>
</section>
<section id="tab-claims" class="tab" data-tab-panel="claims" hidden></section>
<section id="tab-articles" class="tab" data-tab-panel="articles" hidden></section>
</main>
<script type="application/json" id="review-data">${embeddedJson(review)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
