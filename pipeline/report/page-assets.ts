/** The report page's style and script, inlined so the page is one file that works offline. */

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
.item[hidden] { display: none; }
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
`;

/**
 * Filters by kind and language, kept in the URL (`report.html#kind=numeric&language=de`) so a
 * filtered view can be shared; marks the page ready, with where the first item starts, so a
 * headless check can tell the script ran and the first contradiction is on screen.
 */
export const REPORT_SCRIPT = `
(function () {
  var kind = document.getElementById('filter-kind');
  var language = document.getElementById('filter-language');
  var shown = document.getElementById('shown');
  var items = Array.prototype.slice.call(document.querySelectorAll('.item'));
  function apply() {
    var count = 0;
    items.forEach(function (item) {
      var visible = (!kind.value || item.dataset.kind === kind.value) &&
        (!language.value || item.dataset.languages.split(' ').indexOf(language.value) >= 0);
      item.hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = count + ' of ' + items.length + ' shown';
  }
  function fromHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    kind.value = params.get('kind') || '';
    language.value = params.get('language') || '';
  }
  function change() {
    var params = new URLSearchParams();
    if (kind.value) params.set('kind', kind.value);
    if (language.value) params.set('language', language.value);
    history.replaceState(null, '', params.toString() ? '#' + params.toString() : location.pathname);
    apply();
  }
  kind.addEventListener('change', change);
  language.addEventListener('change', change);
  window.addEventListener('hashchange', function () { fromHash(); apply(); });
  fromHash();
  apply();
  var first = items.filter(function (item) { return !item.hidden; })[0];
  var root = document.documentElement;
  if (first) root.setAttribute('data-first-item-top', String(Math.round(first.getBoundingClientRect().top)));
  root.setAttribute('data-report-ready', 'yes');
})();
`;
