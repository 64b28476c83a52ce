import type { ArticleMetadata } from '../../../schemas/article.ts';
import { metadataFromRecord } from './fields.ts';

const HEADER_LINE = /^(date|published|title|outlet|source|url|author|language)\s*:?\s+(.+)$/i;

/**
 * Plain text whose first lines may be metadata (`date 2020-04`, `title: ...`), read until the
 * first line that is not; the rest is the body.
 */
export function parseTxt(text: string): { body: string; metadata: ArticleMetadata } {
  const lines = text.split('\n');
  const header: Record<string, string> = {};
  let index = 0;
  for (; index < lines.length && index < 8; index++) {
    const match = HEADER_LINE.exec(lines[index]!.trim());
    if (!match) break;
    header[match[1]!.toLowerCase()] = match[2]!.trim();
  }
  return { body: lines.slice(index).join('\n'), metadata: metadataFromRecord(header) };
}
