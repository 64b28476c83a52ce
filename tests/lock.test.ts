import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../pipeline/store/index.ts';
import { makeFolder, tempDir } from './support/folder.ts';

/** The stale window of the old lock, which a run busy for longer lost. */
const OLD_STALE_MS = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ARTICLE =
  'The council of Alderwick will close the old swimming pool in June, the mayor said on Tuesday. The decision follows a long debate.';

const ingest = (folder: string, out: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/ingest.ts', folder, '--out', out, '--quiet'], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('one writer per database', () => {
  it('refuses a second run while the first is busy (event loop blocked) past the old stale window, and lets it in once the first dies', async () => {
    const out = tempDir();
    const file = join(out, 'claims.sqlite');
    openDatabase(file).close();
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/hold-lock.ts', file, String((OLD_STALE_MS + 3000) / 1000)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk) => {
          output += chunk;
          if (output.includes('locked')) resolve();
        });
        holder.on('exit', () => reject(new Error('holder exited')));
      });
      await sleep(OLD_STALE_MS + 1000);
      const folder = makeFolder({ 'a.txt': ARTICLE });
      const refused = ingest(folder, out);
      expect(refused.status).toBe(2);
      expect(refused.stderr.trim()).toMatch(
        /^claimlens: .*claims\.sqlite is in use by another claimlens run; wait for it to finish, or use another --out$/,
      );
      const db = openDatabase(file);
      expect(db.prepare('SELECT count(*) AS n FROM article_paths').get()).toEqual({ n: 0 });
      db.close();

      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
      const after = ingest(folder, out);
      expect(after.status, after.stderr).toBe(0);
    } finally {
      holder.kill('SIGKILL');
    }
  }, 60_000);
});
