import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../pipeline/run/report.ts';
import { storageFailure } from '../pipeline/store/failure.ts';
import { runInProcess } from './support/cli.ts';
import { makeFolder, tempDir } from './support/folder.ts';

const sentence = (town: string) =>
  `The council of ${town} will close the old swimming pool in June, the mayor said on Tuesday. `;
const articles = (count: number, repeat: number, prefix: string) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `${prefix}${String(i).padStart(3, '0')}.txt`,
      sentence(`${prefix}town${i}`).repeat(repeat),
    ]),
  );

/**
 * Runs `npm run <command> -- <args>` in a child. With noFileGrowth it starts under `ulimit -f 0`: every
 * write that would make a file longer fails (as on a full disk; Node ignores the SIGXFSZ), while the
 * pipes to this test still work.
 */
const cli = (command: string, args: string[], { noFileGrowth = false } = {}) => {
  const argv = ['--import', 'tsx', `pipeline/cli/${command}.ts`, ...args];
  const options = { encoding: 'utf8', timeout: 60_000 } as const;
  return noFileGrowth
    ? spawnSync('sh', ['-c', 'ulimit -f 0 && exec "$0" "$@"', process.execPath, ...argv], options)
    : spawnSync(process.execPath, argv, options);
};
const ingest = (folder: string, out: string) => cli('ingest', [folder, '--out', out, '--quiet']);

/** A tmpfs of a given size, when this machine lets us mount one (root in a container usually can). */
function tinyDisk(size: string): string | undefined {
  const mountPoint = mkdtempSync(join(tmpdir(), 'claimlens-full-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint]).status === 0) return mountPoint;
  rmSync(mountPoint, { recursive: true, force: true });
  return undefined;
}
const mounted: string[] = [];
afterAll(() => {
  for (const point of mounted)
    if (spawnSync('umount', [point]).status === 0) rmSync(point, { recursive: true, force: true });
});
const probe = tinyDisk('64k');
if (probe) mounted.push(probe);

const claimsOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      claims: db.prepare('SELECT claim_id, quote FROM v_claims ORDER BY claim_id').all(),
      paths: (db.prepare('SELECT path FROM v_articles ORDER BY path').all() as { path: string }[]).map(
        (row) => row.path,
      ),
    };
  } finally {
    db.close();
  }
};

describe('a full disk ends the run with one line, the database intact', () => {
  it.runIf(probe)(
    'exits 2 with one line when the disk fills mid-run, keeps every article stored before, and a run after freeing space completes',
    () => {
      const out = tinyDisk('1m')!;
      mounted.push(out);
      const first = ingest(makeFolder(articles(2, 3, 'a')), out);
      expect(first.status, first.stderr).toBe(0);
      const before = claimsOf(join(out, 'claims.sqlite'));
      const report = readFileSync(join(out, 'contradictions.md'), 'utf8');
      expect(before.claims.length).toBeGreaterThan(0);

      const big = makeFolder({ ...articles(2, 3, 'a'), ...articles(40, 300, 'b') });
      const full = ingest(big, out);
      expect(full.status).toBe(2);
      expect(full.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^claimlens: the disk is full \(SQLITE_FULL: .*\); free some space and run again/),
      ]);
      const after = claimsOf(join(out, 'claims.sqlite'));
      expect(after.integrity).toBe('ok');
      expect(after.claims).toEqual(expect.arrayContaining(before.claims));
      expect(readFileSync(join(out, 'contradictions.md'), 'utf8')).toBe(report);

      expect(spawnSync('mount', ['-o', 'remount,size=64m', out]).status).toBe(0);
      const again = ingest(big, out);
      expect(again.status, again.stderr).toBe(0);
      expect(claimsOf(join(out, 'claims.sqlite')).paths).toHaveLength(42);
    },
    120_000,
  );

  it.runIf(probe)('leaves the previous report whole when the disk is too full to write the new one', () => {
    const file = join(probe!, 'contradictions.md');
    writeFileSync(file, '# Contradictions\n\nthe good one\n');
    expect(() => writeFileAtomic(file, 'x'.repeat(200_000))).toThrow(/the disk is full \(ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe('# Contradictions\n\nthe good one\n');
    expect(readdirSync(probe!)).toEqual(['contradictions.md']);
  });

  it('gives one line and exit 2 for an --out under /proc instead of spinning', () => {
    if (!existsSync('/proc/self')) return;
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'pipeline/cli/ingest.ts', 'corpus', '--out', '/proc/x/y', '--quiet'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('claimlens: cannot write to /proc/x/y; choose another folder with --out');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

/** Writes zeros into the tmpfs until it has no room left, as `dd if=/dev/zero of=fill` does. */
function fillDisk(point: string): string {
  const file = join(point, 'fill');
  const fd = openSync(file, 'w');
  const zeros = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, zeros);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return file;
}

/** report, query (named and --sql) and ingest against the database in `out`. */
const everyCommand = (out: string, folder: string): [string, string[]][] => [
  ['query', ['--sql', 'select count(*) from v_claims', '--out', out]],
  ['report', ['--out', out]],
  ['query', ['contradictions', '--out', out]],
  ['ingest', [folder, '--out', out, '--quiet']],
];

function expectOneLine(run: ReturnType<typeof cli>, line: RegExp): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).not.toMatch(/SqliteError|^\s+at /m);
  expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
  // The database is healthy: nothing may tell the user to throw it away.
  expect(run.stderr).not.toMatch(/delete|afresh/);
}

/** A database ingested and closed, its bytes and what it holds; without -wal and -shm, as a copied database arrives. */
async function closedDatabase(out: string, folder: string) {
  const first = await runInProcess('ingest', [folder, '--out', out, '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  const file = join(out, 'claims.sqlite');
  const content = claimsOf(file);
  // Reading leaves an empty -wal and the -shm behind; with no connection open, both may go.
  expect(statSync(`${file}-wal`).size).toBe(0);
  rmSync(`${file}-wal`);
  rmSync(`${file}-shm`);
  return { file, bytes: readFileSync(file), content };
}

describe('no room for claims.sqlite-shm: report, query and ingest end with one line, the database unchanged', () => {
  it('says the -shm file could not be created, exits 2, and leaves the database byte for byte', async () => {
    const folder = makeFolder(articles(2, 3, 'a'));
    const { file, bytes, content: before } = await closedDatabase(tempDir(), folder);
    for (const [command, args] of everyCommand(dirname(file), folder)) {
      const run = cli(command, args, { noFileGrowth: true });
      expectOneLine(
        run,
        /^claimlens: the disk failed to read or write: could not create .*\/claims\.sqlite-shm beside the database \(SQLITE_IOERR_SHM[A-Z]+: disk I\/O error\); check the disk and run again; the database is unchanged$/,
      );
      expect(readFileSync(file).equals(bytes), `${command} ${args.join(' ')}`).toBe(true);
    }
    const query = await runInProcess('query', [
      '--sql',
      'select count(*) as n from v_claims',
      '--out',
      dirname(file),
      '--json',
    ]);
    expect(query.code, query.stderr).toBe(0);
    expect(JSON.parse(query.stdout)).toEqual([{ n: before.claims.length }]);
    expect(claimsOf(file)).toEqual(before);
  }, 120_000);

  it.runIf(probe)(
    'on a full tmpfs says the disk is full, and after freeing space every command works on the same database',
    async () => {
      const out = tinyDisk('1m')!;
      mounted.push(out);
      const folder = makeFolder(articles(2, 3, 'a'));
      const { file, bytes, content: before } = await closedDatabase(out, folder);
      const fill = fillDisk(out);
      for (const [command, args] of everyCommand(out, folder).slice(1)) {
        expectOneLine(
          cli(command, args),
          /^claimlens: the disk is full: could not create .*\/claims\.sqlite-shm beside the database \(SQLITE_IOERR_SHM[A-Z]+: disk I\/O error\); free some space and run again; the database is unchanged$/,
        );
        expect(readFileSync(file).equals(bytes), `${command} ${args.join(' ')}`).toBe(true);
      }
      // Any SQLite IO error on a disk with no room left is the disk being full, whichever write it was.
      for (const code of ['SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_IOERR_TRUNCATE'])
        expect(storageFailure(new Database.SqliteError('disk I/O error', code), { file })?.code).toBe('DISK_FULL');

      rmSync(fill);
      for (const [command, args] of everyCommand(out, folder)) {
        const run = await runInProcess(command, args);
        expect(run.code, `${command}: ${run.stderr}`).toBe(0);
      }
      expect(claimsOf(file)).toEqual(before);
    },
    120_000,
  );

  it.runIf(probe)('report on a full disk keeps the previous report and says so in one line', async () => {
    const out = tinyDisk('1m')!;
    mounted.push(out);
    await closedDatabase(out, makeFolder(articles(2, 3, 'a')));
    // A report run with room leaves its -shm behind (a reader does not remove it): now only the report write can fail.
    expect((await runInProcess('report', ['--out', out])).code).toBe(0);
    const stale = '# Contradictions\n\nthe previous report\n';
    writeFileSync(join(out, 'contradictions.md'), stale);
    const fill = fillDisk(out);
    expectOneLine(
      cli('report', ['--out', out]),
      /^claimlens: the disk is full \(ENOSPC: .*\); free some space and run again; the previous report is kept$/,
    );
    expect(readFileSync(join(out, 'contradictions.md'), 'utf8')).toBe(stale);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    rmSync(fill);
  });
});

describe('storageFailure: one reading of a failed disk for ingest, report and query', () => {
  const file = join(tempDir(), 'claims.sqlite');
  const failure = (code: string) => storageFailure(new Database.SqliteError('some failure', code), { file });

  it.each([
    [
      'SQLITE_IOERR_SHMSIZE',
      'IO_ERROR',
      /^the disk failed to read or write: could not create .*claims\.sqlite-shm beside/,
    ],
    ['SQLITE_IOERR_SHMOPEN', 'IO_ERROR', /could not create .*claims\.sqlite-shm beside the database/],
    ['SQLITE_IOERR_WRITE', 'IO_ERROR', /^the disk failed to read or write \(SQLITE_IOERR_WRITE: some failure\)$/],
    ['SQLITE_IOERR_FSYNC', 'IO_ERROR', /^the disk failed to read or write \(SQLITE_IOERR_FSYNC/],
    ['SQLITE_IOERR', 'IO_ERROR', /^the disk failed to read or write \(SQLITE_IOERR:/],
    ['SQLITE_FULL', 'DISK_FULL', /^the disk is full \(SQLITE_FULL: some failure\)$/],
    ['SQLITE_CORRUPT', 'DB_DAMAGED', /claims\.sqlite is damaged and cannot be read \(SQLITE_CORRUPT/],
    ['SQLITE_NOTADB', 'DB_DAMAGED', /claims\.sqlite is damaged and cannot be read \(SQLITE_NOTADB/],
  ])('%s is %s', (code, expected, message) => {
    const error = failure(code);
    expect(error?.code).toBe(expected);
    expect(error?.message).toMatch(message);
    // Only a file SQLite found damaged is ever one to delete.
    expect(/delete/.test(error?.hint ?? '')).toBe(expected === 'DB_DAMAGED');
  });

  it('leaves everything else to its own handler', () => {
    expect(failure('SQLITE_ERROR')).toBeUndefined();
    expect(failure('SQLITE_CONSTRAINT_UNIQUE')).toBeUndefined();
    expect(storageFailure(new Error('no code'), { file })).toBeUndefined();
  });

  it('calls a file that is not a database damaged, in one line, when report opens it', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'claims.sqlite'), 'not a database, but long enough to have a header '.repeat(20));
    const run = await runInProcess('report', ['--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^claimlens: .*claims\.sqlite is damaged and cannot be read \(SQLITE_NOTADB: file is not a database\); delete it/,
    );
  });
});
