import type { ArticleMetadata } from '../../../schemas/article.ts';
import { bodyFromRecord, metadataFromRecord } from './fields.ts';

export type ParsedRecord = { ok: true; body: string; metadata: ArticleMetadata } | { ok: false; reason: string };

/** One article object, as a .json file or one line of a .jsonl file holds it. */
export function parseArticleJson(source: string): ParsedRecord {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'JSON is not an article object' };
  }
  const record = data as Record<string, unknown>;
  const body = bodyFromRecord(record);
  if (!body) return { ok: false, reason: 'JSON article has no text, content or body field' };
  return { ok: true, body, metadata: metadataFromRecord(record) };
}
