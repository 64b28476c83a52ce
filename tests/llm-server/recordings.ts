import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ExtractedClaim } from '../../schemas/claim.ts';
import type { Recording } from './server.ts';

export const RECORDINGS_DIR = fileURLToPath(new URL('./recordings', import.meta.url));

/**
 * A recorded extraction, written by hand from reading the article: `article` names the file it
 * was made from, `when` a phrase of that article that picks it out of a request.
 */
export const RecordingFile = z.object({
  article: z.string(),
  when: z.string().min(12),
  claims: z.array(ExtractedClaim),
});
export type RecordingFile = z.infer<typeof RecordingFile>;

function jsonFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
    });
}

/** Every recording under the folder, validated; a broken file stops the server with its name. */
export function loadRecordings(folder = RECORDINGS_DIR): (RecordingFile & { file: string })[] {
  return jsonFiles(folder).map((file) => {
    const parsed = RecordingFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    return { ...parsed.data, file };
  });
}

export const asServerRecordings = (files: readonly RecordingFile[]): Recording[] =>
  files.map(({ when, claims }) => ({ when, claims }));
