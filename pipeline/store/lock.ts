import lockfile from 'proper-lockfile';
import { ClaimlensError } from '../errors.ts';

/**
 * One writer per database: SQLite's own lock lasts one transaction, but an ingest interleaves
 * many, so a second run would mix its articles into the first's. The lock goes stale a few
 * seconds after its holder dies (a killed run), so the next run can take it over.
 */
export async function lockDatabase(file: string): Promise<() => Promise<void>> {
  try {
    const release = await lockfile.lock(file, {
      realpath: false,
      stale: 5000,
      update: 1000,
      retries: { retries: 6, minTimeout: 500, maxTimeout: 1500 },
      onCompromised: () => undefined,
    });
    // A lock taken over while this run was stalled is no longer ours to remove.
    return () => release().catch(() => undefined);
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new ClaimlensError('DB_BUSY', `${file} is in use by another claimlens run`, 'wait for it to finish, or use another --out');
    }
    throw error;
  }
}
