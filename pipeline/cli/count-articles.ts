import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { walkFolder } from '../load/walk.ts';

/** Bytes that leave a line blank: the loader skips a .jsonl line holding only these. */
const BLANK = new Set([0x20, 0x09, 0x0d, 0x0b, 0x0c]);

/**
 * The non-blank lines of a .jsonl file, counted on the bytes: one huge line costs no memory, and a
 * file that cannot be read counts as one (the run records it as one failed path).
 */
export async function countJsonLines(file: string): Promise<number> {
  let lines = 0;
  let filled = false;
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      for (const byte of chunk) {
        if (byte === 0x0a) {
          if (filled) lines += 1;
          filled = false;
        } else if (!filled && !BLANK.has(byte)) filled = true;
      }
    }
  } catch {
    return 1;
  }
  return lines + (filled ? 1 : 0);
}

/**
 * Counts the articles a run will meet (a file is one, a .jsonl feed one per line), reporting the
 * running total as the walk goes, so a progress bar's total grows toward the truth instead of
 * starting at the number of files. Runs beside the ingest; a folder it cannot read ends the count,
 * not the run.
 */
export async function countArticles(folder: string, onTotal: (total: number) => void): Promise<number> {
  let total = 0;
  try {
    for await (const file of walkFolder(folder)) {
      total += extname(file.relative).toLowerCase() === '.jsonl' ? await countJsonLines(file.absolute) : 1;
      onTotal(total);
    }
  } catch {
    // the run reports what it could not read
  }
  return total;
}
