/** The report page's style, inlined so the page is one file that works offline; its script is in page-script.ts. */

export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5d6577; --line: #d9dde5; --paper: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--paper); }
main { max-width: 1200px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
.summary { color: var(--muted); margin: 0 0 12px; }
.tiles { display: flex; gap: 12px; flex-wrap: wrap; }
.tile { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 110px; }
.tile b { display: block; font-size: 22px; }
.tile span { color: var(--muted); font-size: 13px; }
.kinds { list-style: none; padding: 0; display: flex; gap: 14px; flex-wrap: wrap; margin: 12px 0; }
.filters { display: flex; gap: 16px; align-items: center; margin: 8px 0 16px; flex-wrap: wrap; }
.filters select { font: inherit; padding: 2px 6px; }
#shown { color: var(--muted); }
.item { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin: 0 0 16px; }
/* 500 cards: the browser lays out only those near the screen, which takes most of the page's load time away. */
.item, .cluster { content-visibility: auto; contain-intrinsic-size: auto 420px; }
.item[hidden] { display: none; }
.item.current { outline: 3px solid #d08a00; }
.item header { display: flex; gap: 10px; align-items: center; }
.rank { font-weight: 700; color: var(--muted); }
.kind { display: inline-block; border-radius: 4px; padding: 1px 8px; font-size: 13px; font-weight: 600; background: #e6e9f0; }
.kind-numeric { background: #ffe3c2; } .kind-date { background: #d8ecff; } .kind-polarity { background: #ffd6d6; }
.kind-modality { background: #e9dcff; } .kind-attribution { background: #d9f3e1; } .kind-other { background: #eeeeee; }
.score { font-variant-numeric: tabular-nums; font-weight: 600; }
.judge { color: var(--muted); font-size: 13px; margin-left: auto; }
.explanation { margin: 8px 0 12px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
@media (max-width: 760px) { .pair { grid-template-columns: 1fr; } }
.claim { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: #fcfcfd; }
.claim h3 { margin: 0 0 6px; font-size: 14px; }
.lang { font-weight: 400; color: var(--muted); text-transform: uppercase; font-size: 12px; }
blockquote { margin: 0 0 6px; padding: 4px 10px; border-left: 3px solid #8a94a8; font-style: italic; }
.english { margin: 0 0 8px; color: #2f3a52; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; font-size: 13px; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
.empty { color: var(--muted); }
.more { color: var(--muted); margin: 4px 0; } pre.more { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
.top { padding-bottom: 2px; }
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--line); margin: 10px 0 12px; }
.tabs a { padding: 6px 14px; border: 1px solid transparent; border-bottom: none; border-radius: 8px 8px 0 0; color: var(--ink); text-decoration: none; font-weight: 600; }
.tabs a span { color: var(--muted); font-weight: 400; font-size: 13px; }
.tabs a.active { background: #fff; border-color: var(--line); margin-bottom: -1px; }
.tab[hidden] { display: none; }
a { color: #1f4fa8; }
.origin { display: inline-block; font-size: 11px; text-transform: uppercase; letter-spacing: .03em; border: 1px solid #b7c0d4; border-radius: 3px; padding: 0 4px; color: var(--muted); font-style: normal; }
.ground { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 0 0 10px; font-size: 13px; }
.ground .label { color: var(--muted); }
.ground b { color: var(--muted); font-weight: 600; margin-right: 4px; }
.cluster { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; margin: 0 0 14px; }
.cluster h3 { margin: 0 0 4px; font-size: 16px; }
.cluster .counts, .cluster .outlets { margin: 0 0 4px; color: var(--muted); font-size: 13px; }
.lang-group { border-top: 1px solid var(--line); margin-top: 8px; padding-top: 6px; }
.lang-group h4 { margin: 0 0 4px; }
.outlet-group h5 { margin: 4px 0 2px; font-size: 13px; }
.outlet-group ul { list-style: none; margin: 0; padding: 0 0 0 10px; }
.mention { margin: 0 0 8px; }
.mention .meta, .meta { margin: 2px 0; font-size: 13px; color: var(--muted); }
.conflict { color: #a33; }
#claims-more { font: inherit; padding: 6px 16px; }
.articles { display: grid; grid-template-columns: 300px 1fr; gap: 16px; align-items: start; }
.articles aside { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
.articles aside input { width: 100%; font: inherit; margin-bottom: 6px; }
#article-list { list-style: none; margin: 0; padding: 0; font-size: 13px; }
#article-list li { padding: 4px 6px; border-radius: 4px; }
#article-list li.current { background: #e8eefb; }
#article-list li .meta { display: block; }
#article-view { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; min-width: 0; }
.article-head h2 { margin: 0 0 4px; font-size: 19px; }
.reading { display: grid; grid-template-columns: 1fr 340px; gap: 16px; align-items: start; }
#article-text { white-space: pre-wrap; line-height: 1.6; overflow-wrap: anywhere; }
mark.hl { background: #fff0a8; cursor: pointer; border-radius: 2px; }
mark.hl.begins { box-shadow: inset 2px 0 0 #c99a00; }
mark.hl.overlap { background: #ffd98a; }
mark.hl.selected { background: #ffc44d; outline: 2px solid #d08a00; }
#claim-details { position: sticky; top: 8px; border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; background: #fcfcfd; font-size: 13px; }
#claim-details h3, #claim-details h4 { margin: 4px 0; }
#claim-details ul { padding-left: 16px; margin: 4px 0; }
#unaligned { border-top: 1px solid var(--line); margin-top: 14px; }
#unaligned h3 { font-size: 15px; }
@media (max-width: 980px) { .articles, .reading { grid-template-columns: 1fr; } .articles aside, #claim-details { position: static; max-height: none; } }
`;
