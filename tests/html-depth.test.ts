import { describe, expect, it } from 'vitest';
import { nestingDepth } from '../pipeline/load/formats/html-depth.ts';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';

const SENTENCE = 'The health ministry banned Zoom in all schools on Tuesday, officials said in a statement.';
const nested = (depth: number, body: string) =>
  `<html lang="en"><body>${'<div>'.repeat(depth)}${body}${'</div>'.repeat(depth)}</body></html>`;

const PAGE = `<!doctype html><html lang="en"><head><title>Zoom banned | Paper</title></head><body>
  <nav><a href="/">Home</a></nav><article><h1>Zoom banned in schools</h1>
  <p>The health ministry banned Zoom in all schools on Tuesday, a spokesman for the ministry said.</p>
  <p>The minister said the ban would stay in place until the security flaws were fixed.</p></article></body></html>`;

describe('deeply nested HTML', () => {
  it('gets a row that says how deep it is, quickly, and the page beside it is still read', async () => {
    // 2,003 levels (html, body, 2,000 divs, p): parsing and Readability took some 40 s on this 12 kB page, 200,000
    // levels took hours.
    const folder = makeFolder({ 'deep.html': nested(2000, `<p>${SENTENCE}</p>`), 'page.html': PAGE });
    const started = Date.now();
    const { db } = await ingest(folder, tempDir());
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(rows(db, 'SELECT path, status, error FROM v_articles ORDER BY path')).toEqual([
      { path: 'deep.html', status: 'error', error: 'HTML nested 2003 levels deep, over the 512-level limit' },
      { path: 'page.html', status: 'ok', error: null },
    ]);
    expect(rows(db, "SELECT quote FROM v_claims WHERE path = 'page.html'").length).toBeGreaterThan(0);
  }, 20_000);

  it('is still read up to the limit', async () => {
    const { db } = await ingest(makeFolder({ 'deep.html': nested(500, `<p>${SENTENCE.repeat(5)}</p>`) }), tempDir());
    expect(rows(db, 'SELECT path, status, error FROM v_articles')).toEqual([
      { path: 'deep.html', status: 'ok', error: null },
    ]);
  });

  it.each([
    ['200,000 nested <div>s', nested(200_000, 'x'), 200_002],
    ['void elements, which do not nest', `<div>${'<br><img src=a><input>'.repeat(5000)}</div>`, 2],
    [
      '<p>, <li> and <td> left open, as the parser closes them',
      `<ul>${'<li><a>item</a>'.repeat(5000)}</ul><div>${'<p>para'.repeat(5000)}</div><table>${'<tr><td>a<td>b'.repeat(5000)}</table>`,
      3,
    ],
    ['a self-closing <span/>, which HTML opens', `<div>${'<span/>'.repeat(5000)}</div>`, 5001],
    [
      'markup inside scripts and comments',
      `<div><script>${'"<div>"; '.repeat(5000)}</script><!-- ${'<div>'.repeat(5000)} --></div>`,
      2,
    ],
    ['a ">" inside a quoted attribute', `<div title="a > b">${'<span data-x=">">'.repeat(3)}</div>`, 4],
    ['self-closing tags inside SVG', `<div><svg>${'<path d="M0 0"/>'.repeat(5000)}</svg></div>`, 3],
  ])('counts the depth of %s as the parser builds it', (_name, html, depth) => {
    expect(nestingDepth(html)).toBe(depth);
  });
});
