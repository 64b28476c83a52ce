/**
 * How deep the elements of a page nest, told in one linear pass over the markup before it is parsed.
 * The parser (linkedom's htmlparser2) and Readability both take time in the square of the depth: a
 * 2 MB page of 200,000 nested <div>s held the ingest for minutes. The rules below are htmlparser2's,
 * so the count is the depth of the tree it would build: void elements do not nest, an open <p>, <li>
 * or <td> is closed by the next one, a closing tag closes what it matches and nothing else.
 */

const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
/** Elements whose content is text up to their closing tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
/** Inside these a self-closing tag `<path/>` closes itself; in HTML it opens an element. */
const FOREIGN = new Set(['svg', 'math']);

const closes = (...names: string[]) => new Set(names);
const P = closes('p');
const FORM = closes('input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea');
/** The elements an opening tag closes when one of them is the innermost open element. */
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', closes('tr', 'th', 'td')],
  ['th', closes('th')],
  ['td', closes('thead', 'th', 'td')],
  ['body', closes('head', 'link', 'script')],
  ['li', closes('li')],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name) => [name, FORM] as const),
  ['option', closes('option')],
  ['optgroup', closes('optgroup', 'option')],
  ['dd', closes('dd', 'dt')],
  ['dt', closes('dd', 'dt')],
  ['rt', closes('rt', 'rp')],
  ['rp', closes('rt', 'rp')],
  ['tbody', closes('thead', 'tbody')],
  ['tfoot', closes('thead', 'tbody')],
  ...(
    'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form ' +
    'hr main nav ol pre section table ul'
  )
    .split(' ')
    .map((name) => [name, P] as const),
]);

const TAG_NAME = /[a-zA-Z][^\s/>]*/y;

/** Where the tag whose attributes start at `from` ends (its `>`), skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const char = html[i];
    if (char === '>') return i;
    if ((char === '"' || char === "'") && html[i - 1] === '=') {
      const close = html.indexOf(char, i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** The depth of the deepest element: 1 for a page that is one element with text in it. */
export function nestingDepth(html: string): number {
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const count = (name: string, by: number) => openCount.set(name, (openCount.get(name) ?? 0) + by);
  const pop = () => {
    const name = stack.pop()!;
    count(name, -1);
    return name;
  };
  let deepest = 0;
  let i = 0;
  for (;;) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const closing = html[lt + 1] === '/';
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    TAG_NAME.lastIndex = lt + (closing ? 2 : 1);
    const match = TAG_NAME.exec(html);
    if (!match) {
      i = lt + 1;
      continue;
    }
    const name = match[0].toLowerCase();
    const end = tagEnd(html, TAG_NAME.lastIndex);
    if (end < 0) break;
    i = end + 1;
    if (closing) {
      if (VOID.has(name) || !openCount.get(name)) continue;
      while (pop() !== name);
      continue;
    }
    const implied = OPEN_IMPLIES_CLOSE.get(name);
    while (implied && stack.length && implied.has(stack.at(-1)!)) pop();
    const inForeign = [...FOREIGN].some((foreign) => openCount.get(foreign));
    if (VOID.has(name) || (inForeign && html[end - 1] === '/')) {
      deepest = Math.max(deepest, stack.length + 1);
      continue;
    }
    stack.push(name);
    count(name, 1);
    deepest = Math.max(deepest, stack.length);
    if (RAW_TEXT.has(name)) {
      const closeTag = new RegExp(`</${name}`, 'ig');
      closeTag.lastIndex = i;
      if (!closeTag.exec(html)) break;
      i = closeTag.lastIndex - name.length - 2;
    }
  }
  return deepest;
}
