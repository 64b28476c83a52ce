import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMetadata } from '../../../schemas/article.ts';
import { parsePublished } from '../published.ts';
import { nestingDepth } from './html-depth.ts';

const meta = (document: Document, selectors: readonly string[]): string | undefined => {
  for (const selector of selectors) {
    const content = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
};

/** Block elements after which Readability's textContent would otherwise run words together. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, tr, div';

function textWithParagraphs(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const block of document.querySelectorAll(BLOCKS)) block.append(document.createTextNode('\n\n'));
  for (const br of document.querySelectorAll('br')) br.replaceWith(document.createTextNode('\n'));
  return (document.body.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n');
}

/**
 * How deep a page may nest. Parsing and Readability take time in the square of the depth: 1.5 s at
 * 512 levels, 40 s at 2,000. Real pages nest a few dozen levels; Chromium's parser stops at 512 too.
 */
export const MAX_HTML_DEPTH = 512;

/** The main article text of a web page, found by Mozilla's Readability, and its <meta> metadata. */
export function parseHtml(html: string): { body: string; metadata: ArticleMetadata } | { reason: string } {
  const depth = nestingDepth(html);
  if (depth > MAX_HTML_DEPTH)
    return { reason: `HTML nested ${depth} levels deep, over the ${MAX_HTML_DEPTH}-level limit` };
  const { document } = parseHTML(html);
  const metadata: ArticleMetadata = {};
  const title =
    meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    document.querySelector('title')?.textContent?.trim();
  const outlet = meta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const author = meta(document, ['meta[name="author"]', 'meta[property="article:author"]']);
  const url =
    meta(document, ['meta[property="og:url"]']) ??
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    undefined;
  const published = parsePublished(
    meta(document, [
      'meta[property="article:published_time"]',
      'meta[name="date"]',
      'meta[name="pubdate"]',
      'meta[itemprop="datePublished"]',
    ]) ?? document.querySelector('time[datetime]')?.getAttribute('datetime'),
  );
  const language = document.documentElement?.getAttribute('lang')?.trim();
  if (title) metadata.title = title;
  if (outlet) metadata.outlet = outlet;
  if (author) metadata.author = author;
  if (url) metadata.url = url;
  if (published) metadata.published = published;
  if (language) metadata.declaredLanguage = language.slice(0, 2).toLowerCase();

  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const body = article?.content ? textWithParagraphs(article.content) : (document.body?.textContent ?? '');
  return { body, metadata };
}
