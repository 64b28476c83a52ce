import type { ArticleMetadata } from '../../../schemas/article.ts';
import { parsePublished } from '../published.ts';

type Record_ = Readonly<Record<string, unknown>>;

const firstString = (record: Record_, keys: readonly string[]): string | undefined => {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
};

/** Metadata from the loose key names feeds and front matter use. */
export function metadataFromRecord(record: Record_): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  const title = firstString(record, ['title', 'headline']);
  const outlet = firstString(record, ['outlet', 'source', 'publisher', 'site']);
  const url = firstString(record, ['url', 'link']);
  const author = firstString(record, ['author', 'byline']);
  const language = firstString(record, ['language', 'lang']);
  const published = parsePublished(record.date ?? record.published ?? record.published_at ?? record.pubDate);
  if (title) metadata.title = title;
  if (outlet) metadata.outlet = outlet;
  if (url) metadata.url = url;
  if (author) metadata.author = author;
  if (language) metadata.declaredLanguage = language;
  if (published) metadata.published = published;
  return metadata;
}

/** The fields a feed record's body may be in, in the order they are looked for. */
export const BODY_FIELDS = ['text', 'content', 'body', 'article'] as const;

/** The body of a feed record: the first text-like field that is present. */
export function bodyFromRecord(record: Record_): string | undefined {
  return firstString(record, BODY_FIELDS);
}
