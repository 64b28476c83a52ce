import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { helpText } from '../pipeline/cli/command.ts';
import { QUERIES, QUERY, readOnlyRows } from '../pipeline/cli/queries.ts';
import { formatCsv, formatTable, printable } from '../pipeline/cli/table.ts';
import { openDatabase, recordFailure, type Db } from '../pipeline/store/index.ts';
import { runInProcess } from './support/cli.ts';
import { tempDir } from './support/folder.ts';
import { reportFixture } from './support/report-fixture.ts';

type Run = { code: number | null; stdout: string; stderr: string };

/** `npm run query -- …` in this process (same command module, output captured): a child per call cost a second each. */
const query = (args: string[]): Promise<Run> => runInProcess('query', args);

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
  recordFailure(fixture.db, {
    path: 'feeds/\u001b]0;owned\u0007\u001b[2Jodd.json',
    reason: 'bad JSON \u001b[8mhidden\u001b[0m here',
    status: 'error',
  });
  fixture.db.close();
  out = fixture.out;
});

describe('npm run query', () => {
  it.each([[[]], [['claims']], [['clusters']], [['contradictions']], [['articles']], [['search']]])(
    '%j --help prints its usage and exits 0',
    async (prefix) => {
      const result = await query([...prefix, '--help']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: npm run query -- ${prefix[0] ?? ''}`, 'm'));
    },
  );

  it('lists the named queries in its help', () => {
    const help = helpText(QUERY);
    for (const name of ['claims', 'clusters', 'contradictions', 'articles', 'search'])
      expect(help).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
  });

  it('contradictions --kind numeric shows only numeric contradictions, with both quotes', async () => {
    const rows = named('contradictions', { kind: 'numeric' });
    expect(rows.map((row) => row.kind)).toEqual(['numeric']);
    expect([rows[0]!.quote_a, rows[0]!.quote_b].sort()).toEqual([
      'Zoom has 300 million users <and> counting.',
      'Zoom heeft 200 miljoen gebruikers.',
    ]);
  });

  it("v_contradictions carries each side's language, outlet, date, English line and support, after the first columns", () => {
    const rows = withReadOnly((db) => readOnlyRows(db, "select * from v_contradictions where kind = 'numeric'"));
    expect(rows.columns.slice(0, 10)).toEqual([
      'contradiction_id',
      'kind',
      'claim_a',
      'claim_b',
      'path_a',
      'path_b',
      'quote_a',
      'quote_b',
      'explanation',
      'score',
    ]);
    const row = rows.rows[0]!;
    const sides = [
      [row.language_a, row.outlet_a, row.published_a, row.statement_en_a, row.support_a],
      [row.language_b, row.outlet_b, row.published_b, row.statement_en_b, row.support_b],
    ];
    expect(sides.sort()).toEqual([
      ['en', 'Evening Ledger', '2020-04-08', 'Zoom has 300 million users.', 1],
      ['nl', 'Dagblad Noord', '2020-04-07', 'Zoom has 200 million users.', 1],
    ]);
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
    expect(named('articles', { status: 'error' })).toContainEqual(
      expect.objectContaining({ path: 'broken.html', status: 'error', error: 'not valid UTF-8 or windows-1252' }),
    );
  });

  it('prints a table on the terminal, and JSON with --json', async () => {
    const table = await query(['articles', '--out', out]);
    expect(table.stdout.split('\n')[0]).toMatch(/^path\s+status\s+language/);
    expect(table.stdout).toContain('nl/verbod.txt');
    const rows = JSON.parse((await query(['contradictions', '--kind', 'polarity', '--out', out, '--json'])).stdout);
    expect(rows.map((row: { kind: string }) => row.kind)).toEqual(['polarity']);
  });

  it('--sql runs a read-only statement', () => {
    const { rows, columns } = withReadOnly((db) =>
      readOnlyRows(db, 'select kind, count(*) as n from v_contradictions group by kind order by kind'),
    );
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
    expect(result.stderr.trim()).toMatch(
      /^claimlens: --sql runs read-only queries and this statement would change the database; /,
    );
    expect(statSync(file).mtimeMs).toBe(before);
    expect(withReadOnly((db) => readOnlyRows(db, 'select count(*) as n from contradictions')).rows).toEqual([{ n: 4 }]);
  });

  it('says in one line when there is no database yet', async () => {
    const result = await query(['clusters', '--out', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^claimlens: no database at .*claims\.sqlite; run `npm run ingest` first$/);
  });

  it('claims lists the newest articles first, as its help says, and --path one article in text order', () => {
    expect(helpText(QUERIES.claims!.spec)).toMatch(/newest articles first/);
    const published = named('claims', {}).map((row) => row.published as string);
    expect(published).toEqual([...published].sort().reverse());
    expect(published[0]).toBe('2020-04-09');
    const one = named('claims', { path: 'en/advice.html' });
    expect(one.map((row) => row.quote)).toEqual([
      'The cabinet said civil servants should avoid Zoom.',
      'Zoom has 300 million users <and> counting.',
    ]);
    expect(named('claims', { path: 'no/such.txt' })).toEqual([]);
  });

  it('takes options before the query name as well as after it', async () => {
    const before = await query(['--out', out, '--json', 'search', 'verboden']);
    const after = await query(['search', 'verboden', '--out', out, '--json']);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toEqual(JSON.parse(after.stdout));
    expect(JSON.parse(before.stdout)).toHaveLength(1);
  });

  it('search --json gives the claim fields and the quote as stored, the highlighted snippet apart', async () => {
    const rows = JSON.parse((await query(['search', 'verboden', '--out', out, '--json'])).stdout);
    expect(rows).toEqual([
      expect.objectContaining({
        path: 'nl/verbod.txt',
        actor: 'Het kabinet',
        action: 'heeft Zoom verboden voor ambtenaren',
        source: null,
        date: null,
        quote: 'Het kabinet heeft Zoom verboden voor ambtenaren.',
        snippet: expect.stringContaining('[verboden]'),
      }),
    ]);
  });

  it.each([
    [['claims']],
    [['contradictions']],
    [['articles']],
    [['search', 'zoom']],
    [['--sql', 'select * from v_claims']],
  ])('%j --csv prints a header of every column and one record per row', async (args) => {
    const csv = (await query([...args, '--out', out, '--csv'])).stdout;
    const rows = JSON.parse((await query([...args, '--out', out, '--json'])).stdout) as Record<string, unknown>[];
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(Object.keys(rows[0]!).join(','));
    expect(lines.filter(Boolean)).toHaveLength(rows.length + 1);
  });

  it('prints the header of every column even when no row matches, the trailing reader columns included', async () => {
    const csv = (await query(['clusters', '--out', out, '--csv'])).stdout;
    expect(csv).toBe(
      'cluster_id,statement_en,n_claims,n_articles,n_sources,n_languages,languages,first_date,outlets,last_date,n_contradictions\r\n',
    );
  });

  it('quotes a CSV field holding a comma, a quote or a line break', async () => {
    const result = await query([
      '--sql',
      `select 'a,"b"' as x, 'one' || char(10) || 'two' as y, null as z, 3 as n`,
      '--out',
      out,
      '--csv',
    ]);
    expect(result.stdout).toBe('x,y,z,n\r\n"a,""b""","one\ntwo",,3\r\n');
    expect(formatCsv([], ['kind', 'n'])).toBe('kind,n\r\n');
  });

  it('prints every character of a long cell when stdout is not a terminal, and cuts it on one unless --wide', async () => {
    const long = 'x'.repeat(150);
    const piped = await query(['--sql', `select '${long}' as long`, '--out', out]);
    expect(piped.stdout).toContain(long);
    expect(formatTable([{ long }], undefined, { maxWidth: 60 })).toContain(`${'x'.repeat(59)}…`);
    expect(formatTable([{ long }])).toContain(long);
  });

  // A terminal, through `script`'s pseudo-terminal: cells are cut there unless --wide.
  const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;
  it.skipIf(!hasScript)('cuts long cells on a terminal, and --wide keeps them whole there', () => {
    const long = 'y'.repeat(150);
    const onTerminal = (extra: string[]) => {
      const command = [
        process.execPath,
        '--import',
        'tsx',
        'pipeline/cli/query.ts',
        '--sql',
        `select '${long}' as long`,
        '--out',
        out,
        ...extra,
      ]
        .map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`)
        .join(' ');
      return spawnSync('script', ['-qfec', command, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, CLAIMLENS_LLM: '' },
        timeout: 60_000,
      }).stdout;
    };
    const cut = onTerminal([]);
    expect(cut).toContain(`${'y'.repeat(59)}…`);
    expect(cut).not.toContain(long);
    expect(onTerminal(['--wide'])).toContain(long);
  });

  it.each([[['claims']], [['clusters']], [['contradictions']], [['articles']], [['search', 'x']], [[]]])(
    '%j with an unknown flag answers in one line with the usage',
    async (prefix) => {
      const result = await query([...prefix, '--bogus', '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(`^claimlens: unknown option --bogus; usage: npm run query -- ${prefix[0] ?? ''}`),
        ),
      ]);
    },
  );

  it('stops a runaway --sql at its time limit with one line', async () => {
    const started = Date.now();
    const endless = 'with recursive n(x) as (select 1 union all select x + 1 from n) select count(*) from n';
    const result = await query(['--sql', endless, '--time-limit-s', '1', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^claimlens: --sql stopped after 1 s \(its time limit\); /),
    ]);
    expect(Date.now() - started).toBeLessThan(15_000);
    const streaming = await query(['--sql', endless.replace('count(*)', 'x'), '--time-limit-s', '1', '--out', out]);
    expect(streaming.code).toBe(2);
    expect(streaming.stderr).toMatch(/^claimlens: --sql stopped after 1 s/);
  });

  it('strips escape sequences and control characters from what a table prints', async () => {
    const result = await query(['articles', '--status', 'error', '--out', out]);
    expect(result.stdout).toContain('feeds/odd.json');
    expect(result.stdout).toContain('bad JSON hidden here');
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(printable('a\u001b[31mred\u001b[0m \u202eevil\u009b2J')).toBe('ared evil');
  });

  it('strips them from --csv into a pipe or a file too, which a user reads with cat', async () => {
    const result = await query(['articles', '--status', 'error', '--out', out, '--csv']);
    expect(result.stdout).toContain('feeds/odd.json');
    expect(result.stdout).toContain('bad JSON hidden here');
    expect(result.stdout.replace(/\r\n/g, '\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
