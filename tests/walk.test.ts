import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';

const ARTICLE = (town: string) =>
  `The council of ${town} will close the old swimming pool in June, the mayor said on Tuesday. The decision follows a long debate about the costs of repairs.`;

type PathRow = { path: string; status: string; error: string | null };
const pathRows = (db: Parameters<typeof rows>[0]) =>
  rows<PathRow>(db, 'SELECT path, status, error FROM v_articles ORDER BY path');

const canMkfifo = spawnSync('mkfifo', ['--help']).status === 0;

describe('every path below the folder gets a row', () => {
  it('records symlinks, dangling symlinks, loops and links outside the folder, and reads a link to a file inside', async () => {
    const outside = makeFolder({ 'secret.txt': ARTICLE('Outerby') });
    const folder = makeFolder({ 'a.txt': ARTICLE('Alderwick'), 'sub/b.txt': ARTICLE('Brimford') });
    symlinkSync(join(folder, 'a.txt'), join(folder, 'link-to-a.txt'));
    symlinkSync(join(folder, 'missing.txt'), join(folder, 'dangling.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'outside.txt'));
    symlinkSync(folder, join(folder, 'sub', 'loop'));
    symlinkSync(join(folder, 'self.txt'), join(folder, 'self.txt'));
    const { db, summary } = await ingest(folder, tempDir());
    expect(pathRows(db)).toEqual([
      { path: 'a.txt', status: 'ok', error: null },
      { path: 'dangling.txt', status: 'error', error: 'dangling symlink (target missing: ENOENT)' },
      { path: 'link-to-a.txt', status: 'ok', error: null },
      { path: 'outside.txt', status: 'skipped', error: 'symlink to a target outside the folder, not followed' },
      { path: 'self.txt', status: 'error', error: 'symlink loop, not followed' },
      { path: 'sub/b.txt', status: 'ok', error: null },
      {
        path: 'sub/loop',
        status: 'skipped',
        error: 'symlink to a folder already read (a loop or a second way to it), not followed',
      },
    ]);
    expect(summary.articles).toBe(7);
    expect(rows(db, "SELECT count(*) AS n FROM v_claims WHERE quote LIKE '%Outerby%'")).toEqual([{ n: 0 }]);
  });

  it.runIf(canMkfifo)('records a FIFO named .txt as not a regular file instead of blocking on it', async () => {
    const folder = makeFolder({ 'a.txt': ARTICLE('Alderwick') });
    spawnSync('mkfifo', [join(folder, 'pipe.txt')]);
    const { db } = await ingest(folder, tempDir());
    expect(pathRows(db)).toEqual([
      { path: 'a.txt', status: 'ok', error: null },
      { path: 'pipe.txt', status: 'skipped', error: 'not a regular file (a FIFO)' },
    ]);
  });

  // Root reads any file, so permissions are tested from a child running as nobody. That child must
  // reach the checkout: .ci/run makes it readable; a clone inside a private folder (mktemp -d) is not,
  // and there the test cannot run. The path is absolute: nobody must pass every folder above it.
  const nobodyReachesCheckout =
    process.getuid?.() === 0 &&
    spawnSync('test', ['-r', resolve('node_modules/tsx/package.json')], { uid: 65534, gid: 65534 }).status === 0;
  it.runIf(nobodyReachesCheckout)(
    'records an unreadable folder and file and reads everything after them, keeping what was stored',
    () => {
      const folder = makeFolder({
        'a.txt': ARTICLE('Alderwick'),
        'b-locked/c.txt': ARTICLE('Carrow'),
        'e/f.txt': ARTICLE('Elmstead'),
      });
      const out = tempDir();
      chmodSync(folder, 0o755);
      chmodSync(out, 0o777);
      const run = () =>
        spawnSync(
          process.execPath,
          ['--import', 'tsx', 'pipeline/cli/ingest.ts', folder, '--out', out, '--quiet', '--json'],
          {
            uid: 65534,
            gid: 65534,
            encoding: 'utf8',
            env: { ...process.env, HOME: out, TSX_TSCONFIG_PATH: '' },
          },
        );
      const first = run();
      expect(first.status, first.stderr).toBe(0);
      chmodSync(join(folder, 'b-locked'), 0o000);
      writeFileSync(join(folder, 'd-locked.txt'), ARTICLE('Dunmore'));
      chmodSync(join(folder, 'd-locked.txt'), 0o000);
      writeFileSync(join(folder, 'e', 'g.txt'), ARTICLE('Fenwick'));
      const second = run();
      expect(second.status, second.stderr).toBe(0);
      const db = new Database(join(out, 'claims.sqlite'), { readonly: true });
      expect(pathRows(db)).toEqual([
        { path: 'a.txt', status: 'ok', error: null },
        { path: 'b-locked', status: 'error', error: 'folder could not be read: EACCES; its files were not ingested' },
        // Stored by the first run and not lost because the folder cannot be listed now.
        { path: 'b-locked/c.txt', status: 'ok', error: null },
        { path: 'd-locked.txt', status: 'error', error: expect.stringMatching(/^could not read: .*EACCES/) },
        { path: 'e/f.txt', status: 'ok', error: null },
        { path: 'e/g.txt', status: 'ok', error: null },
      ]);
      expect(rows(db, "SELECT count(*) AS n FROM v_claims WHERE path = 'b-locked/c.txt'")).toEqual([{ n: 1 }]);
      db.close();
    },
  );
});
