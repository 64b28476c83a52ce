import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../pipeline/run/report.ts';
import { makeFolder } from './support/folder.ts';

const sentence = (town: string) =>
  `The council of ${town} will close the old swimming pool in June, the mayor said on Tuesday. `;
const articles = (count: number, repeat: number, prefix: string) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `${prefix}${String(i).padStart(3, '0')}.txt`,
      sentence(`${prefix}town${i}`).repeat(repeat),
    ]),
  );

const ingest = (folder: string, out: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/ingest.ts', folder, '--out', out, '--quiet'], {
    encoding: 'utf8',
    timeout: 60_000,
  });

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
