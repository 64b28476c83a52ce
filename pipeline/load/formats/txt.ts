import type { ArticleMetadata } from '../../../schemas/article.ts';
import { parsePublished } from '../published.ts';
import { metadataFromRecord } from './fields.ts';

const HEADER_KEY = /^(date|published|title|outlet|source|url|author|language)(\s*:\s*|\s+)(.*)$/i;

const MONTH_NAMES =
  'jan(?:uary|uari|uar)?|feb(?:ruary|ruari|ruar)?|m[aä]r(?:ch|t|z)?|apr(?:il)?|ma[iy]|mei|jun[ei]?|jul[iy]?|aug(?:ust(?:us)?)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?';
/** Date forms a header line starts with; whatever follows on the line is body text. */
const DATE_PREFIX = new RegExp(
  [
    String.raw`\d{4}(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?`,
    String.raw`\d{1,2}[-/.]\d{1,2}[-/.]\d{4}`,
    String.raw`\d{1,2}\.?\s+(?:${MONTH_NAMES})\.?\s+\d{4}`,
    String.raw`(?:${MONTH_NAMES})\.?\s+\d{1,2},?\s+\d{4}`,
  ]
    .map((form) => `(?:${form})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(String.raw`)(?=\s|$|[,;])`),
  'iu',
);

/** Longest value a text field of one header line takes before the rest reads as the body. */
const MAX_WORDS: Record<string, number> = { title: 25, outlet: 8, source: 8, author: 8 };

type HeaderValue = { value: string; rest: string; warning?: string };

/** Splits the value a header line gives from body text written on the same line. */
function splitValue(key: string, value: string, line: number): HeaderValue | null {
  if (key === 'date' || key === 'published') {
    const date = DATE_PREFIX.exec(value);
    if (!date || !parsePublished(date[0].replace(/T.*$/, ''))) return null;
    return { value: date[0].replace(/T.*$/, ''), rest: value.slice(date[0].length).replace(/^[\s,;]+/, '') };
  }
  if (key === 'url' || key === 'language') {
    const [first = '', ...rest] = value.split(/\s+/);
    return first ? { value: first, rest: rest.join(' ') } : null;
  }
  const words = value.split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const limit = MAX_WORDS[key] ?? 25;
  // "title: Zoom verboden. Het kabinet heeft …": a sentence end followed by a sentence of its own closes the value.
  const end = /[.!?]\s+(?=\p{Lu})/u.exec(value);
  const after = end ? value.slice(end.index + end[0].length) : '';
  if (end && after.split(/\s+/).length >= 4 && value.slice(0, end.index).split(/\s+/).length <= limit) {
    return { value: value.slice(0, end.index + 1).trim(), rest: after };
  }
  if (words.length <= limit) return { value, rest: '' };
  return {
    value: '',
    rest: value,
    warning: `line ${line} starts with "${key}" but ${words.length} words follow; kept it as body text, not as the ${key}`,
  };
}

/**
 * Plain text whose first lines may be metadata (`date 2020-04`, `title: ...`), read until the
 * first line that is not; the rest is the body. A header line takes only its value: body text
 * written after it on the same line stays in the body, so no word of the article is lost.
 */
export function parseTxt(text: string): { body: string; metadata: ArticleMetadata; warnings: string[] } {
  const lines = text.split('\n');
  const header: Record<string, string> = {};
  const warnings: string[] = [];
  let index = 0;
  let carried = '';
  for (; index < lines.length && index < 8; index++) {
    const trimmed = lines[index]!.trim();
    if (!trimmed && !Object.keys(header).length) continue;
    const match = HEADER_KEY.exec(trimmed);
    if (!match) break;
    const key = match[1]!.toLowerCase();
    // Without a colon only a date is a header ("date 2020-04"): "Source of the leak was …" is body text.
    const colon = match[2]!.includes(':');
    if (!colon && key !== 'date' && key !== 'published') break;
    const split = splitValue(key, match[3]!.trim(), index + 1);
    if (!split) break;
    if (split.warning) warnings.push(split.warning);
    if (split.value) header[key] = split.value;
    if (split.rest) {
      carried = split.rest;
      index++;
      break;
    }
  }
  const rest = lines.slice(index).join('\n');
  const body = carried ? `${carried}\n${rest}` : rest;
  return { body, metadata: metadataFromRecord(header), warnings };
}
