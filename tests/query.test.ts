import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { helpText } from '../pipeline/cli/command.ts';
import { QUERIES, QUERY, readOnlyRows } from '../pipeline/cli/queries.ts';
import { openDatabase, recordFailure, type Db } from '../pipeline/store/index.ts';
import { tempDir } from './support/folder.ts';
import { reportFixture } from './support/report-fixture.ts';

type Run = { code: number | null; stdout: string; stderr: string };

function query(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli/query.ts', ...args], { env: { ...process.env, CLAIMLENS_LLM: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const named = (name: string, options: Record<string, string>, words: string[] = []) => {
  const db = openDatabase(join(out, 'claims.sqlite'), { readonly: true });
  try {
    return QUERIES[name]!.run(db, words, options, 100).rows;
  } finally {
    db.close();
  }
};

const withReadOnly = <T>(use: (db: Db) => T): T => {
  const db = openDatabase(join(out, 'claims.sqlite'), { readonly: true });
  try {
    return use(db);
  } finally {
    db.close();
  }
};

let out = '';
beforeAll(async () => {
  const fixture = await reportFixture();
  recordFailure(fixture.db, { path: 'broken.html', reason: 'not valid UTF-8 or windows-1252', status: 'error' });
  fixture.db.close();
  out = fixture.out;
});

describe('npm run query', () => {
  it.each([[[]], [['claims']], [['clusters']], [['contradictions']], [['articles']], [['search']]])('%j --help prints its usage and exits 0', async (prefix) => {
    const result = await query([...prefix, '--help']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: npm run query -- ${prefix[0] ?? ''}`, 'm'));
  });

  it('lists the named queries in its help', () => {
    const help = helpText(QUERY);
    for (const name of ['claims', 'clusters', 'contradictions', 'articles', 'search']) expect(help).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
  });

  it('contradictions --kind numeric shows only numeric contradictions, with both quotes', async () => {
    const rows = named('contradictions', { kind: 'numeric' });
    expect(rows.map((row) => row.kind)).toEqual(['numeric']);
    expect([rows[0]!.quote_a, rows[0]!.quote_b].sort()).toEqual(['Zoom has 300 million users <and> counting.', 'Zoom heeft 200 miljoen gebruikers.']);
  });

  it('claims --actor matches a part of the actor in any case', async () => {
    const rows = named('claims', { actor: 'kABINET' });
    expect(rows.map((row) => row.actor).sort()).toEqual(['Das Kabinett', 'Het kabinet']);
    expect(named('claims', { actor: 'zoom', language: 'nl' }).map((row) => row.path)).toEqual(['nl/verbod.txt']);
  });

  it('search finds claims by words of the quote or the English statement, accents ignored', async () => {
    expect(named('search', {}, ['verboden']).map((row) => row.path)).toEqual(['nl/verbod.txt']);
    expect(named('search', {}, ['fur', 'Beamte']).map((row) => row.path)).toEqual(['feeds/wire.jsonl#2']);
    expect(named('search', {}, ['civil servants'])).toHaveLength(3);
    expect(named('search', {}, ['NOT', 'zoom*'])).toEqual([]);
  });

  it('articles --status error gives the failed file and why', async () => {
    expect(named('articles', { status: 'error' })).toEqual([expect.objectContaining({ path: 'broken.html', status: 'error', error: 'not valid UTF-8 or windows-1252' })]);
  });

  it('prints a table on the terminal, and JSON with --json', async () => {
    const table = await query(['articles', '--out', out]);
    expect(table.stdout.split('\n')[0]).toMatch(/^path\s+status\s+language/);
    expect(table.stdout).toContain('nl/verbod.txt');
    const rows = JSON.parse((await query(['contradictions', '--kind', 'polarity', '--out', out, '--json'])).stdout);
    expect(rows.map((row: { kind: string }) => row.kind)).toEqual(['polarity']);
  });

  it('--sql runs a read-only statement', () => {
    const { rows, columns } = withReadOnly((db) => readOnlyRows(db, 'select kind, count(*) as n from v_contradictions group by kind order by kind'));
    expect(columns).toEqual(['kind', 'n']);
    expect(rows.map((row) => row.kind)).toEqual(['modality', 'numeric', 'polarity']);
  });

  it.each([
    'delete from contradictions',
    "update claims set actor = 'x'",
    "insert into languages (code, name) values ('fr', 'French')",
    'drop view v_claims',
    'create table notes (x)',
    'pragma user_version = 99',
    "attach database '/tmp/other.sqlite' as other",
  ])('--sql refuses a write: %s', (sql) => {
    expect(() => withReadOnly((db) => readOnlyRows(db, sql))).toThrow(/^--sql runs read-only queries/);
  });

  it('refuses a write from the command line with one line, exit 2, and the database untouched', async () => {
    const file = join(out, 'claims.sqlite');
    const before = statSync(file).mtimeMs;
    const result = await query(['--sql', 'delete from contradictions', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toMatch(/^claimlens: --sql runs read-only queries and this statement would change the database; /);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(withReadOnly((db) => readOnlyRows(db, 'select count(*) as n from contradictions')).rows).toEqual([{ n: 4 }]);
  });

  it('says in one line when there is no database yet', async () => {
    const result = await query(['clusters', '--out', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^claimlens: no database at .*claims\.sqlite; run `npm run ingest` first$/);
  });
});
