import { parse as parseYaml } from 'yaml';
import type { ArticleMetadata } from '../../../schemas/article.ts';
import { metadataFromRecord } from './fields.ts';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/** Markdown with optional YAML front matter; a leading `# Heading` is the title when none is given. */
export function parseMarkdown(text: string): { body: string; metadata: ArticleMetadata } {
  const match = FRONT_MATTER.exec(text);
  let metadata: ArticleMetadata = {};
  let body = text;
  if (match) {
    const data: unknown = parseYaml(match[1]!, { schema: 'core' });
    if (data && typeof data === 'object' && !Array.isArray(data))
      metadata = metadataFromRecord(data as Record<string, unknown>);
    body = text.slice(match[0].length);
  }
  const heading = /^\s*#\s+(.+)\n/.exec(body);
  if (heading && !metadata.title) metadata.title = heading[1]!.trim();
  return { body, metadata };
}
