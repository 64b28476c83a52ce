import Database from 'better-sqlite3';
import { ClaimlensError } from '../errors.ts';
import { KEPT_UNCHANGED, storageFailure } from './failure.ts';

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/u.test(String((error as { code?: unknown })?.code ?? ''));

/**
 * One writer per database, for the whole run: SQLite's own lock lasts one transaction, but an
 * ingest interleaves many, so a second run would mix its articles into the first's. The run holds
 * an exclusive transaction on a small lock file beside the database. That is an OS file lock:
 * it needs no timer (a run busy on one huge article for minutes keeps it) and it ends when the
 * process does, however it ends (a killed run leaves nothing stale to time out).
 */
export async function lockDatabase(file: string): Promise<() => Promise<void>> {
  let lock: Database.Database | undefined;
  try {
    lock = new Database(`${file}-writer.lock`);
    lock.pragma('busy_timeout = 0');
    // A rollback journal, not WAL: then an exclusive transaction locks the file itself for everyone.
    lock.pragma('journal_mode = DELETE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock?.close();
    if (isBusy(error)) {
      throw new ClaimlensError(
        'DB_BUSY',
        `${file} is in use by another claimlens run`,
        'wait for it to finish, or use another --out',
      );
    }
    throw storageFailure(error, { file, kept: KEPT_UNCHANGED }) ?? error;
  }
  const held = lock;
  return async () => {
    if (!held.open) return;
    if (held.inTransaction) held.exec('ROLLBACK');
    held.close();
  };
}
