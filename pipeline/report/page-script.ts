/**
 * The report page's script, inlined into the page; plain browser JavaScript, no template interpolation (String.raw).
 */

/**
 * The page's behaviour: tabs, filters and search kept in the URL (`report.html#kind=numeric&language=de`,
 * `#tab=claims&q=zoom`, `#tab=articles&article=…&claim=…`) so any view can be shared; the Claims and
 * Articles tabs drawn from the embedded JSON when first opened, a page of clusters at a time. It marks
 * the page ready, with when each tab was first drawn, so a headless check and the bench can read it.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var root = document.documentElement;
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var TABS = ['contradictions', 'claims', 'articles'];
  var PAGE = 60;

  // Indexes over the embedded data, built once.
  var articleById = new Map();
  data.articles.forEach(function (article) { articleById.set(article.article_id, article); });
  var claimById = new Map();
  var claimsByArticle = new Map();
  var claimsByCluster = new Map();
  function push(map, key, value) { var list = map.get(key); if (!list) map.set(key, (list = [])); list.push(value); }
  data.claims.forEach(function (claim) {
    claimById.set(claim.claim_id, claim);
    push(claimsByArticle, claim.article_id, claim);
    push(claimsByCluster, claim.cluster_id || ('claim:' + claim.claim_id), claim);
  });
  var clusters = data.clusters.slice();
  var clusterById = new Map();
  clusters.forEach(function (cluster) { clusterById.set(cluster.cluster_id, cluster); });
  // A claim the dedup stage has not placed stands alone, after the clusters.
  data.claims.forEach(function (claim) {
    if (claim.cluster_id && clusterById.has(claim.cluster_id)) return;
    var key = claim.cluster_id || ('claim:' + claim.claim_id);
    if (clusterById.has(key)) return;
    var alone = { cluster_id: key, statement_en: claim.statement_en, n_claims: 1, n_articles: 1, n_sources: 1, first_date: claim.date_start, last_date: claim.date_end };
    clusters.push(alone);
    clusterById.set(key, alone);
  });
  var contradictionsByClaim = new Map();
  var kindsByClaim = new Map();
  data.contradictions.forEach(function (item) {
    [item.claim_a, item.claim_b].forEach(function (id) {
      push(contradictionsByClaim, id, item);
      push(kindsByClaim, id, item.kind);
    });
  });
  var unalignedByArticle = new Map();
  data.unaligned.forEach(function (entry) { push(unalignedByArticle, entry.article_id, entry); });

  // Every node is built with textContent: article and model text is untrusted and never parsed as HTML.
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    if (attributes) Object.keys(attributes).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = String(value);
      else node.setAttribute(name, String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    });
    return node;
  }
  function hashOf(params) {
    var search = new URLSearchParams();
    Object.keys(params).forEach(function (key) { if (params[key]) search.set(key, params[key]); });
    return '#' + search.toString();
  }
  function link(text, params, className) { return el('a', { href: hashOf(params), 'class': className }, [text]); }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function fold(text) { return String(text || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(); }
  function uniq(list) { return Array.from(new Set(list.filter(function (x) { return x; }))).sort(); }

  var state = {};
  var KEYS = ['tab', 'kind', 'language', 'outlet', 'q', 'from', 'to', 'cluster', 'article', 'claim', 'contradiction'];
  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    state = {};
    KEYS.forEach(function (key) { state[key] = params.get(key) || ''; });
    if (TABS.indexOf(state.tab) < 0) state.tab = 'contradictions';
  }
  function writeHash() {
    var params = {};
    KEYS.forEach(function (key) { if (state[key] && !(key === 'tab' && state.tab === 'contradictions')) params[key] = state[key]; });
    var hash = hashOf(params);
    history.replaceState(null, '', hash === '#' ? location.pathname : hash);
  }
  function set(changes) {
    Object.keys(changes).forEach(function (key) { state[key] = changes[key]; });
    writeHash();
    render();
  }

  // ---- Contradictions: the cards are in the page; the script only filters them.
  var kindSelect = document.getElementById('filter-kind');
  var languageSelect = document.getElementById('filter-language');
  var shown = document.getElementById('shown');
  var items = Array.prototype.slice.call(document.querySelectorAll('.item'));
  function renderContradictions() {
    kindSelect.value = state.kind;
    languageSelect.value = state.language;
    var count = 0;
    items.forEach(function (item) {
      var visible = (!state.kind || item.dataset.kind === state.kind) &&
        (!state.language || item.dataset.languages.split(' ').indexOf(state.language) >= 0);
      item.hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = count + ' of ' + items.length + ' shown';
    items.forEach(function (item) { item.classList.toggle('current', item.id === 'c-' + state.contradiction); });
    var card = state.contradiction && document.getElementById('c-' + state.contradiction);
    if (card && !card.hidden) card.scrollIntoView({ block: 'start' });
  }
  kindSelect.addEventListener('change', function () { set({ kind: kindSelect.value }); });
  languageSelect.addEventListener('change', function () { set({ language: languageSelect.value }); });

  // ---- Claims: the clusters, most supported first, with their mentions by language and outlet.
  var allLanguages = uniq(data.articles.map(function (a) { return a.language; }));
  var allOutlets = uniq(data.articles.map(function (a) { return a.outlet; }));
  var allKinds = uniq(data.contradictions.map(function (c) { return c.kind; }));
  var claimsPanel = document.getElementById('tab-claims');
  var claimsControls = null;
  var claimsList = null;
  var claimsCount = null;
  var claimsMore = null;
  var claimsShown = [];
  var claimsRendered = 0;

  function select(name, label, values, allLabel) {
    var node = el('select', { id: 'claims-' + name, name: name }, [el('option', { value: '', text: allLabel })].concat(values.map(function (value) {
      return el('option', { value: value, text: value });
    })));
    node.addEventListener('change', function () { var change = {}; change[name] = node.value; set(change); });
    return el('label', null, [label + ' ', node]);
  }
  function buildClaimsControls() {
    var search = el('input', { type: 'search', id: 'claims-q', placeholder: 'words in actor, action, quote, English line, outlet…', size: 40 });
    var timer = null;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { set({ q: search.value.trim() }); }, 150);
    });
    var from = el('input', { type: 'date', id: 'claims-from' });
    var to = el('input', { type: 'date', id: 'claims-to' });
    from.addEventListener('change', function () { set({ from: from.value }); });
    to.addEventListener('change', function () { set({ to: to.value }); });
    claimsCount = el('output', { id: 'claims-shown' });
    claimsControls = el('form', { 'class': 'filters', onsubmit: 'return false' }, [
      el('label', null, ['Search ', search]),
      select('language', 'Language', allLanguages, 'all'),
      select('outlet', 'Outlet', allOutlets, 'all'),
      select('kind', 'Contradiction', allKinds, 'any or none'),
      el('label', null, ['From ', from]), el('label', null, ['to ', to]),
      claimsCount,
    ]);
    claimsList = el('div', { id: 'clusters' });
    claimsMore = el('button', { type: 'button', id: 'claims-more', hidden: 'hidden' }, ['Show more']);
    claimsMore.addEventListener('click', renderMoreClusters);
    claimsPanel.appendChild(claimsControls);
    claimsPanel.appendChild(claimsList);
    claimsPanel.appendChild(claimsMore);
    if ('IntersectionObserver' in window) {
      new IntersectionObserver(function (entries) {
        if (entries[0].isIntersecting && !claimsPanel.hidden) renderMoreClusters();
      }).observe(claimsMore);
    }
  }
  function claimDates(claim) {
    var article = articleById.get(claim.article_id);
    var start = claim.date_start || (article && article.published) || '';
    return [start, claim.date_end || start];
  }
  function claimMatches(claim, words) {
    var article = articleById.get(claim.article_id) || {};
    if (state.language && article.language !== state.language) return false;
    if (state.outlet && article.outlet !== state.outlet) return false;
    if (state.kind && (kindsByClaim.get(claim.claim_id) || []).indexOf(state.kind) < 0) return false;
    if (state.from || state.to) {
      var range = claimDates(claim);
      if (!range[0]) return false;
      if (state.from && range[1].slice(0, 10) < state.from) return false;
      if (state.to && range[0].slice(0, 10) > state.to) return false;
    }
    if (words.length) {
      var haystack = fold([claim.actor, claim.action, claim.quote, claim.statement_en, claim.source, claim.reason, claim.date, article.outlet, article.title].join(' '));
      for (var i = 0; i < words.length; i += 1) if (haystack.indexOf(words[i]) < 0) return false;
    }
    return true;
  }
  function mention(claim) {
    var article = articleById.get(claim.article_id) || {};
    var when = claim.date ? claim.date + (claim.date_start ? ' (' + claim.date_start + (claim.date_end && claim.date_end !== claim.date_start ? ' to ' + claim.date_end : '') + ')' : '') : null;
    var conflicts = contradictionsByClaim.get(claim.claim_id) || [];
    return el('li', { 'class': 'mention', 'data-claim': claim.claim_id }, [
      el('blockquote', { lang: article.language || '' }, [claim.quote]),
      el('p', { 'class': 'meta' }, [
        el('b', null, [claim.actor]), ' · ', claim.action,
        when ? ' · ' + when : null,
        claim.source ? ' · source: ' + claim.source : null,
        claim.polarity === 'negated' ? ' · negated' : null,
        claim.modality !== 'fact' ? ' · ' + claim.modality : null,
      ]),
      el('p', { 'class': 'meta' }, [
        link(article.title || (article.paths || [])[0] || claim.article_id, { tab: 'articles', article: claim.article_id, claim: claim.claim_id }),
        article.published ? ' · published ' + article.published : null,
        conflicts.length ? el('span', { 'class': 'conflict' }, [' · ' + conflicts.length + ' contradiction' + (conflicts.length === 1 ? '' : 's')]) : null,
      ]),
    ]);
  }
  function clusterCard(entry) {
    var cluster = entry.cluster;
    var claims = entry.claims;
    var all = claimsByCluster.get(cluster.cluster_id) || [];
    var languages = uniq(all.map(function (c) { return (articleById.get(c.article_id) || {}).language; }));
    var outlets = uniq(all.map(function (c) { return (articleById.get(c.article_id) || {}).outlet; }));
    var groups = new Map();
    claims.forEach(function (claim) {
      var article = articleById.get(claim.article_id) || {};
      var language = article.language || '?';
      if (!groups.has(language)) groups.set(language, new Map());
      push(groups.get(language), article.outlet || 'unknown outlet', claim);
    });
    var body = Array.from(groups.keys()).sort().map(function (language) {
      var outletsOfLanguage = groups.get(language);
      return el('section', { 'class': 'lang-group', 'data-language': language }, [
        el('h4', null, [el('span', { 'class': 'lang' }, [language])]),
      ].concat(Array.from(outletsOfLanguage.keys()).sort().map(function (outlet) {
        return el('div', { 'class': 'outlet-group' }, [el('h5', null, [outlet]), el('ul', null, outletsOfLanguage.get(outlet).map(mention))]);
      })));
    });
    var dates = cluster.first_date ? cluster.first_date + (cluster.last_date && cluster.last_date !== cluster.first_date ? ' – ' + cluster.last_date : '') : 'undated';
    var conflicts = new Set();
    all.forEach(function (c) { (contradictionsByClaim.get(c.claim_id) || []).forEach(function (x) { conflicts.add(x.contradiction_id); }); });
    return el('article', { 'class': 'cluster', id: 'k-' + cluster.cluster_id, 'data-cluster': cluster.cluster_id }, [
      el('header', null, [
        el('h3', { lang: 'en' }, [cluster.statement_en]),
        el('p', { 'class': 'counts' }, [
          cluster.n_claims + ' claim' + (cluster.n_claims === 1 ? '' : 's') + ' in ' + cluster.n_articles + ' article' + (cluster.n_articles === 1 ? '' : 's') +
          ' from ' + cluster.n_sources + ' source' + (cluster.n_sources === 1 ? '' : 's') + ' · ' + languages.join(', ') + ' · ' + dates,
          conflicts.size ? el('span', { 'class': 'conflict' }, [' · ' + conflicts.size + ' contradiction' + (conflicts.size === 1 ? '' : 's')]) : null,
          claims.length < all.length ? ' · ' + claims.length + ' of ' + all.length + ' mentions match' : null,
        ]),
        el('p', { 'class': 'outlets' }, [outlets.join(' · ') || 'no outlet known']),
      ]),
    ].concat(body));
  }
  function renderMoreClusters() {
    var end = Math.min(claimsShown.length, claimsRendered + PAGE);
    var fragment = document.createDocumentFragment();
    for (var i = claimsRendered; i < end; i += 1) fragment.appendChild(clusterCard(claimsShown[i]));
    claimsList.appendChild(fragment);
    claimsRendered = end;
    claimsMore.hidden = claimsRendered >= claimsShown.length;
  }
  var claimsKey = null;
  function renderClaims() {
    if (!claimsControls) buildClaimsControls();
    var key = [state.q, state.language, state.outlet, state.kind, state.from, state.to, state.cluster].join('\u0001');
    ['language', 'outlet', 'kind', 'from', 'to', 'q'].forEach(function (name) {
      var input = document.getElementById('claims-' + name);
      if (input && input.value !== state[name] && document.activeElement !== input) input.value = state[name];
    });
    if (key === claimsKey) return;
    claimsKey = key;
    var words = fold(state.q).split(/\s+/).filter(Boolean);
    claimsShown = [];
    var mentions = 0;
    clusters.forEach(function (cluster) {
      if (state.cluster && cluster.cluster_id !== state.cluster) return;
      var matching = (claimsByCluster.get(cluster.cluster_id) || []).filter(function (claim) { return claimMatches(claim, words); });
      if (matching.length) { claimsShown.push({ cluster: cluster, claims: matching }); mentions += matching.length; }
    });
    claimsList.textContent = '';
    claimsRendered = 0;
    claimsCount.textContent = claimsShown.length + ' of ' + clusters.length + ' claims shown (' + mentions + ' mentions)';
    if (state.cluster) claimsList.appendChild(el('p', { 'class': 'note' }, ['One cluster. ', link('Show all claims', { tab: 'claims' })]));
    if (!claimsShown.length) claimsList.appendChild(el('p', { 'class': 'empty' }, [data.claims.length ? 'No claim matches these filters.' : 'No claims in the database.']));
    renderMoreClusters();
  }

  // ---- Articles: one article's text with its claims marked where they stand.
  var articlesPanel = document.getElementById('tab-articles');
  var articleList = null;
  var articleView = null;
  var articleFilter = null;
  function buildArticles() {
    articleFilter = el('input', { type: 'search', id: 'articles-q', placeholder: 'filter by title, outlet, path' });
    articleList = el('ol', { id: 'article-list' });
    articleFilter.addEventListener('input', filterArticleList);
    data.articles.forEach(function (article) {
      var n = (claimsByArticle.get(article.article_id) || []).length;
      var item = el('li', { 'data-article': article.article_id, 'data-search': fold([article.title, article.outlet, article.paths.join(' '), article.language].join(' ')) }, [
        link(article.title || article.paths[0] || article.article_id, { tab: 'articles', article: article.article_id }),
        el('span', { 'class': 'meta' }, [[article.language, article.outlet || 'unknown outlet', article.published || 'undated', n + ' claims'].join(' · ')]),
      ]);
      articleList.appendChild(item);
    });
    articleView = el('div', { id: 'article-view' });
    articlesPanel.appendChild(el('div', { 'class': 'articles' }, [el('aside', null, [articleFilter, articleList]), articleView]));
  }
  function filterArticleList() {
    var words = fold(articleFilter.value).split(/\s+/).filter(Boolean);
    Array.prototype.forEach.call(articleList.children, function (item) {
      var haystack = item.getAttribute('data-search');
      item.hidden = !words.every(function (word) { return haystack.indexOf(word) >= 0; });
    });
  }
  /**
   * UTF-16 indices of the given code-point offsets: stored offsets count code points, JS strings count UTF-16 units.
   */
  function utf16Indices(text, offsets) {
    var wanted = Array.from(new Set(offsets)).sort(function (a, b) { return a - b; });
    var indices = new Map();
    var point = 0;
    var unit = 0;
    var next = 0;
    while (next < wanted.length) {
      while (next < wanted.length && wanted[next] <= point) { indices.set(wanted[next], unit); next += 1; }
      if (unit >= text.length) break;
      var code = text.charCodeAt(unit);
      unit += code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length ? 2 : 1;
      point += 1;
    }
    for (; next < wanted.length; next += 1) indices.set(wanted[next], text.length);
    return indices;
  }
  /** The text split at every claim boundary; a stretch covered by claims becomes one mark naming them all. */
  function markedText(article, claims) {
    var text = article.text;
    var bounds = [0];
    claims.forEach(function (c) { bounds.push(c.char_start, c.char_end); });
    var units = utf16Indices(text, bounds);
    var points = Array.from(units.keys()).sort(function (a, b) { return a - b; });
    var fragment = document.createDocumentFragment();
    var lastUnit = 0;
    for (var i = 0; i < points.length; i += 1) {
      var start = points[i];
      var end = i + 1 < points.length ? points[i + 1] : null;
      var from = units.get(start);
      if (from > lastUnit) { fragment.appendChild(document.createTextNode(text.slice(lastUnit, from))); }
      if (end === null) { lastUnit = from; break; }
      var to = units.get(end);
      var covering = claims.filter(function (c) { return c.char_start <= start && c.char_end >= end && c.char_end > c.char_start; });
      var piece = text.slice(from, to);
      if (covering.length && piece) {
        fragment.appendChild(el('mark', {
          'class': 'hl' + (covering.length > 1 ? ' overlap' : '') + (claims.some(function (c) { return c.char_start === start; }) ? ' begins' : '') + (covering.some(function (c) { return c.claim_id === state.claim; }) ? ' selected' : ''),
          'data-start': start, 'data-end': end, 'data-claims': covering.map(function (c) { return c.claim_id; }).join(' '), tabindex: 0,
          title: covering.map(function (c) { return c.statement_en; }).join('\n'),
        }, [piece]));
      } else if (piece) fragment.appendChild(document.createTextNode(piece));
      lastUnit = to;
    }
    if (lastUnit < text.length) fragment.appendChild(document.createTextNode(text.slice(lastUnit)));
    return fragment;
  }
  // The words a gloss kept as written (names, words its lexicon does not know) in italics, as the static cards do.
  function glossPieces(english, quote) {
    var word = /\p{L}[\p{L}\p{N}'\u2019-]*/gu;
    var quoted = new Set((quote.match(word) || []).map(function (w) { return w.toLowerCase(); }));
    var pieces = [];
    var last = 0;
    english.replace(word, function (w, at) {
      if (w.length < 3 || !quoted.has(w.toLowerCase())) return w;
      if (at > last) pieces.push(english.slice(last, at));
      pieces.push(el('i', { title: 'as written in the quote' }, [w]));
      last = at + w.length;
      return w;
    });
    if (last < english.length) pieces.push(english.slice(last));
    return pieces;
  }
  function field(name, value) { return value ? [el('dt', null, [name]), el('dd', null, [value])] : []; }
  function claimDetails(claim) {
    var cluster = clusterById.get(claim.cluster_id || ('claim:' + claim.claim_id));
    var siblings = (claimsByCluster.get(claim.cluster_id || ('claim:' + claim.claim_id)) || []).filter(function (c) { return c.claim_id !== claim.claim_id; });
    var conflicts = contradictionsByClaim.get(claim.claim_id) || [];
    var date = claim.date ? claim.date + (claim.date_start ? ' (' + claim.date_start + (claim.date_end && claim.date_end !== claim.date_start ? ' to ' + claim.date_end : '') + ')' : '') : null;
    var english = el('span', null, [claim.statement_origin ? el('span', { 'class': 'origin' }, [claim.statement_origin]) : null, claim.statement_origin ? ' ' : null].concat(claim.statement_origin === 'gloss' ? glossPieces(claim.statement_en, claim.quote) : [claim.statement_en]));
    var fields = [].concat(
      field('actor', claim.actor), field('action', claim.action), field('date', date), field('reason', claim.reason),
      field('source', claim.source || 'the outlet'), field('polarity', claim.polarity), field('modality', claim.modality),
      [el('dt', null, ['in English']), el('dd', { lang: 'en' }, [english])],
      field('quote at', claim.char_start + '–' + claim.char_end + ' (' + claim.alignment + ')'),
    );
    return el('section', { id: 'claim-details', 'data-claim': claim.claim_id }, [
      el('h3', null, ['Claim']),
      el('dl', null, fields),
      el('h4', null, ['Cluster']),
      cluster ? el('p', null, [link(cluster.statement_en, { tab: 'claims', cluster: cluster.cluster_id }), ' — ' + plural(cluster.n_claims, 'claim') + ', ' + plural(cluster.n_sources, 'source')]) : el('p', null, ['not clustered']),
      siblings.length ? el('ul', { 'class': 'siblings' }, siblings.slice(0, 12).map(function (c) {
        var other = articleById.get(c.article_id) || {};
        return el('li', null, [el('span', { 'class': 'lang' }, [other.language || '?']), ' ', link(c.quote, { tab: 'articles', article: c.article_id, claim: c.claim_id }), ' — ' + (other.outlet || 'unknown outlet')]);
      })) : null,
      el('h4', null, ['Contradictions']),
      conflicts.length ? el('ul', { 'class': 'conflicts' }, conflicts.map(function (x) {
        var otherId = x.claim_a === claim.claim_id ? x.claim_b : x.claim_a;
        var other = claimById.get(otherId);
        var otherArticle = other ? articleById.get(other.article_id) || {} : {};
        return el('li', { 'data-contradiction': x.contradiction_id }, [
          el('span', { 'class': 'kind kind-' + x.kind }, [x.kind]), ' ' + x.score.toFixed(2) + ' ', x.explanation, ' ',
          other ? link('“' + other.quote + '” (' + (otherArticle.outlet || 'unknown outlet') + ')', { tab: 'articles', article: other.article_id, claim: other.claim_id }) : null,
          ' ', link('card', { tab: 'contradictions', contradiction: x.contradiction_id }, 'card-link'),
        ]);
      })) : el('p', null, ['none']),
    ]);
  }
  var articleKey = null;
  function renderArticles() {
    if (!articleList) buildArticles();
    // An article asked for by the URL but not in this page is said so, never replaced by another.
    var missing = state.article && !articleById.has(state.article);
    var article = missing ? null : articleById.get(state.article) || data.articles[0];
    var key = (article ? article.article_id : '') + '\u0001' + state.claim;
    Array.prototype.forEach.call(articleList.children, function (item) { item.classList.toggle('current', !!article && item.getAttribute('data-article') === article.article_id); });
    if (key === articleKey) return;
    articleKey = key;
    articleView.textContent = '';
    if (!article) { articleView.appendChild(el('p', { 'class': 'empty' }, [missing ? 'This article is not in the report (it has no stored text, or the link is from another run).' : 'No article in the database.'])); return; }
    var claims = claimsByArticle.get(article.article_id) || [];
    var unaligned = unalignedByArticle.get(article.article_id) || [];
    var selected = claims.filter(function (c) { return c.claim_id === state.claim; })[0];
    var textNode = el('div', { id: 'article-text', lang: article.language || '', 'data-article': article.article_id }, [markedText(article, claims)]);
    textNode.addEventListener('click', function (event) {
      var mark = event.target.closest ? event.target.closest('mark.hl') : null;
      if (!mark) return;
      var ids = mark.getAttribute('data-claims').split(' ');
      // A second click on a stretch two claims share moves to the next of them.
      var index = ids.indexOf(state.claim);
      set({ tab: 'articles', article: article.article_id, claim: ids[(index + 1) % ids.length] });
    });
    articleView.appendChild(el('header', { 'class': 'article-head' }, [
      el('h2', null, [article.title || article.paths[0] || article.article_id]),
      el('p', { 'class': 'meta' }, [[article.language, article.outlet || 'unknown outlet', article.published || 'undated'].join(' · ')]),
      el('p', { 'class': 'meta' }, [article.paths.map(function (p) { return p; }).join(', ')]),
      el('p', { 'class': 'meta' }, [claims.length + ' claims marked; click a mark for its fields, cluster and contradictions' + (unaligned.length ? '; ' + unaligned.length + ' unaligned below' : '')]),
    ]));
    articleView.appendChild(el('div', { 'class': 'reading' }, [textNode, selected ? claimDetails(selected) : el('section', { id: 'claim-details', 'class': 'hint' }, ['Click a marked passage.'])]));
    if (unaligned.length) {
      articleView.appendChild(el('section', { id: 'unaligned' }, [
        el('h3', null, ['Unaligned extractions (quote not found in the text; not counted as claims)']),
        el('ul', null, unaligned.map(function (u) {
          return el('li', null, [el('blockquote', { lang: article.language || '' }, [u.quote]), el('p', { 'class': 'meta' }, [[u.actor, u.action, u.statement_en].filter(Boolean).join(' · ')])]);
        })),
      ]));
    }
    var current = textNode.querySelector('mark.selected');
    if (current && current.getBoundingClientRect().bottom > window.innerHeight) current.scrollIntoView({ block: 'center' });
  }

  // ---- Tabs, and the marks a headless check reads.
  var rendered = {};
  function render() {
    var started = performance.now();
    TABS.forEach(function (tab) {
      document.getElementById('tab-' + tab).hidden = tab !== state.tab;
      var nav = document.querySelector('.tabs [data-tab="' + tab + '"]');
      nav.classList.toggle('active', tab === state.tab);
      nav.setAttribute('aria-selected', String(tab === state.tab));
      nav.setAttribute('href', hashOf({ tab: tab, kind: state.kind, language: state.language }));
    });
    if (state.tab === 'contradictions') renderContradictions();
    else if (state.tab === 'claims') renderClaims();
    else renderArticles();
    root.setAttribute('data-tab', state.tab);
    if (!rendered[state.tab]) {
      rendered[state.tab] = true;
      // Since navigation start: parsing the page and its data, then drawing this tab.
      root.setAttribute('data-first-render-ms-' + state.tab, String(Math.round(performance.now())));
    }
    root.setAttribute('data-last-render-ms', String(Math.round(performance.now() - started)));
  }
  window.addEventListener('hashchange', function () { readHash(); render(); });
  readHash();
  render();
  var first = items.filter(function (item) { return !item.hidden; })[0];
  if (first && state.tab === 'contradictions') root.setAttribute('data-first-item-top', String(Math.round(first.getBoundingClientRect().top)));
  root.setAttribute('data-report-ready', 'yes');
})();
`;
