import { createHash } from 'node:crypto';

/** Content ids: the same input always gets the same id, so upserts are idempotent. */
export function contentId(...parts: readonly (string | number | null | undefined)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part ?? ''}\u0000`);
  return hash.digest('hex').slice(0, 16);
}
