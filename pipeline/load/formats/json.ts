import type { ArticleMetadata } from '../../../schemas/article.ts';
import { BODY_FIELDS, bodyFromRecord, metadataFromRecord } from './fields.ts';

export type ParsedRecord = { ok: true; body: string; metadata: ArticleMetadata } | { ok: false; reason: string };

const kindOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;

/** Why an article object has no body: the body field it has, and what it holds instead of text. */
function whyNoBody(record: Readonly<Record<string, unknown>>): string {
  const field = BODY_FIELDS.find((key) => Object.hasOwn(record, key));
  if (field === undefined)
    return `JSON article has no ${BODY_FIELDS.slice(0, -1).join(', ')} or ${BODY_FIELDS.at(-1)} field`;
  const value = record[field];
  return typeof value === 'string'
    ? `JSON article's "${field}" field is empty`
    : `JSON article's "${field}" field is ${kindOf(value)}, not a string`;
}

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
  if (!body) return { ok: false, reason: whyNoBody(record) };
  return { ok: true, body, metadata: metadataFromRecord(record) };
}
