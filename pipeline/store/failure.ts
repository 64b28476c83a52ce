import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ClaimlensError } from '../errors.ts';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
/** The WAL index beside the database (claims.sqlite-shm), which SQLite creates and sizes on opening. */
const SHARED_MEMORY = /^SQLITE_IOERR_SHM/u;
const IO = /^(SQLITE_IOERR|SQLITE_CANTOPEN|SQLITE_READONLY|EIO$|EROFS$|ENXIO$)/u;
/** Only these mean the file itself is bad; every other failure leaves a database worth keeping. */
const DAMAGED = /^(SQLITE_CORRUPT|SQLITE_NOTADB)/u;

/**
 * SQLite reports a write that found no room as SQLITE_FULL only for the database and its journal;
 * sizing the -shm file, a write or an fsync that hit ENOSPC come back as SQLITE_IOERR_*. Less than
 * this much room left in the folder is read as the disk being full.
 */
const NEARLY_FULL_BYTES = 1024 * 1024;

function folderIsFull(folder: string): boolean {
  try {
    const disk = statfsSync(folder);
    return disk.bavail * disk.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

export type FailureContext = {
  /** The database (or report) being used, for the message and for asking its disk how full it is. */
  file?: string;
  /** What the user still has, told after what to do next. */
  kept?: string;
};

export const KEPT_BY_RUN = 'everything stored before is kept and the next run goes on from there';
export const KEPT_UNCHANGED = 'the database is unchanged';

/**
 * The machine failing under a command (a full disk, an IO error, a damaged file) as the one error a
 * user can act on; undefined for anything else. Shared by opening the database and by ingest, report
 * and query, so the same failure reads the same everywhere, and only a file SQLite found damaged is
 * ever called something to delete: SQLite rolls back what it was writing, so after a full disk or
 * an IO error the database holds everything stored before.
 */
export function storageFailure(error: unknown, context: FailureContext = {}): ClaimlensError | undefined {
  const code = String((error as { code?: unknown })?.code ?? '');
  const detail = (error as Error)?.message?.replace(/\s+/g, ' ').slice(0, 200) ?? String(error);
  const cause = `(${code}: ${detail})`;
  const { file, kept = KEPT_BY_RUN } = context;
  if (DAMAGED.test(code))
    return new ClaimlensError(
      'DB_DAMAGED',
      `${file ?? 'the database'} is damaged and cannot be read ${cause}`,
      'delete it (or move it away) to start afresh, or use another --out',
    );
  const full = FULL.has(code) || (IO.test(code) && file !== undefined && folderIsFull(dirname(file)));
  if (!full && !IO.test(code)) return undefined;
  const what =
    SHARED_MEMORY.test(code) && file !== undefined
      ? `: could not create ${file}-shm beside the database ${cause}`
      : ` ${cause}`;
  return full
    ? new ClaimlensError('DISK_FULL', `the disk is full${what}`, `free some space and run again; ${kept}`)
    : new ClaimlensError(
        'IO_ERROR',
        `the disk failed to read or write${what}`,
        `check the disk and run again; ${kept}`,
      );
}
