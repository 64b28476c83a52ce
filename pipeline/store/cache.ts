import type { Db } from './open.ts';

/** Model answers kept by a key of model, prompt version and input, so a re-run asks nothing twice. */
import type { ResponseCache } from '../../schemas/record.ts';

export type { ResponseCache } from '../../schemas/record.ts';

export function databaseCache(db: Db): ResponseCache {
  const select = db.prepare('SELECT response FROM _llm_cache WHERE cache_key = ?');
  const insert = db.prepare(
    'INSERT OR REPLACE INTO _llm_cache (cache_key, model, prompt_version, response, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    get: (key) => (select.get(key) as { response: string } | undefined)?.response,
    set: (key, entry) =>
      void insert.run(key, entry.model, entry.promptVersion, entry.response, new Date().toISOString()),
  };
}

/** For tests and one-off runs that keep nothing. */
export function memoryCache(): ResponseCache {
  const entries = new Map<string, string>();
  return { get: (key) => entries.get(key), set: (key, entry) => void entries.set(key, entry.response) };
}
