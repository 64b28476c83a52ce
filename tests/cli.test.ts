import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFolder, tempDir } from './support/folder.ts';
import { lockDatabase, openDatabase } from '../pipeline/store/index.ts';
import { countArticles } from '../pipeline/cli/count-articles.ts';

import { cliScripts, runInProcess } from './support/cli.ts';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

function runAsync(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const file = scripts[script]!.replace(/^tsx /, '');
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    env: { ...process.env, CLAIMLENS_LLM: '' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('the command line', () => {
  it.each(cliScripts.map(([name]) => name))('npm run %s -- --help prints usage and exits 0', async (name) => {
    const result = await runInProcess(name, ['--help']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: npm run /);
  });

  it('ingest answers a missing folder with one line and a non-zero exit', async () => {
    const result = await runInProcess('ingest', ['/nonexistent/articles', '--out', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^claimlens: no folder at \/nonexistent\/articles; /),
    ]);
  });

  it('ingest refuses an out dir it cannot create, even as root', async () => {
    // A folder under a regular file cannot exist for anyone, root included (CI runs as root).
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'a file, not a folder');
    const result = await runInProcess('ingest', [
      makeFolder({ 'a.txt': 'The minister said on Monday that the plan was approved by parliament.' }),
      '--out',
      join(file, 'sub'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^claimlens: cannot write to .*not-a-folder\/sub; /);
  });

  it('ingest rejects an unknown flag and a bad --llm spec before reading anything', async () => {
    const folder = makeFolder({ 'a.txt': 'The minister said on Monday that the plan was approved by parliament.' });
    expect((await runInProcess('ingest', [folder, '--out', tempDir(), '--colour'])).stderr).toMatch(
      /^claimlens: unknown option --colour; usage: npm run ingest -- \[folder\] \[options\]/,
    );
    expect((await runInProcess('ingest', [folder, '--out', tempDir(), '--max-file-mb', 'lots'])).stderr).toMatch(
      /^claimlens: --max-file-mb must be a positive number of MB, got lots/,
    );
    const bad = await runInProcess('ingest', [folder, '--out', tempDir(), '--llm', 'gpt5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^claimlens: unknown --llm "gpt5"; use one of: rules/);
  });

  it('ingest says so when the folder holds no files, and still exits 0', async () => {
    const result = await runInProcess('ingest', [makeFolder({}), '--out', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^claimlens: no files found in .*; it reads \.txt \.md/m);
  });

  it('ingest prints a summary table and a plain line per article when not on a terminal', async () => {
    const folder = makeFolder({
      'a.txt': 'Het kabinet verbiedt de app op werktelefoons, zei de minister dinsdag.',
      'b.txt': '',
    });
    const result = await runInProcess('ingest', [folder, '--out', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok +nl a\.txt/m);
    expect(result.stdout).toMatch(/^error +-- b\.txt \(empty file\)/m);
    expect(result.stdout).toMatch(/^status +articles/m);
    expect(result.stdout).toMatch(/^database: .*claims\.sqlite$/m);
  });

  it('ingest refuses a database another run is writing, and leaves it alone', async () => {
    const out = tempDir();
    const file = join(out, 'claims.sqlite');
    openDatabase(file).close();
    const unlock = await lockDatabase(file);
    try {
      // Asynchronously: a blocked event loop would stop this process refreshing its lock.
      const result = await runAsync('ingest', [
        makeFolder({ 'a.txt': 'The minister said on Monday that the plan was approved by parliament.' }),
        '--out',
        out,
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^claimlens: .*claims\.sqlite is in use by another claimlens run; wait for it to finish/,
      );
    } finally {
      await unlock();
    }
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) AS n FROM article_paths').get()).toEqual({ n: 0 });
    db.close();
  });

  it.each([
    ['an unknown spec', ['--llm', 'gpt5'], {}, /^claimlens: unknown --llm "gpt5"/],
    [
      'a missing key',
      ['--llm', 'openai:gpt-4o-mini'],
      { OPENAI_API_KEY: '' },
      /^claimlens: OPENAI_API_KEY is not set; /,
    ],
  ])('a refused --llm (%s) leaves no database file behind', async (_name, args, env, message) => {
    const out = join(tempDir(), 'fresh');
    const result = await runInProcess(
      'ingest',
      [
        makeFolder({ 'a.txt': 'The minister said on Monday that the plan was approved by parliament.' }),
        '--out',
        out,
        ...args,
      ],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(existsSync(join(out, 'claims.sqlite'))).toBe(false);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('says "same text as" for a second copy of a text in one run, and "unchanged" only on a later run', async () => {
    const line = (outlet: string) =>
      JSON.stringify({
        text: 'The mayor said on Tuesday that the city will close three parks after the storm.',
        outlet,
      });
    const folder = makeFolder({ 'feed.jsonl': [line('A'), line('B'), ''].join('\n') });
    const out = tempDir();
    const first = await runInProcess('ingest', [folder, '--out', out]);
    expect(first.stdout).toMatch(/^ok +en feed\.jsonl#1 1 claims$/m);
    expect(first.stdout).toMatch(/^same text en feed\.jsonl#2 \(same text as feed\.jsonl#1\)$/m);
    expect(first.stdout).toMatch(/^articles unchanged since last run +0$/m);
    expect(first.stdout).toMatch(/^copies of a text read earlier in this run +1$/m);
    const second = await runInProcess('ingest', [folder, '--out', out]);
    expect(second.stdout).toMatch(/^unchanged +en feed\.jsonl#1/m);
    expect(second.stdout).toMatch(/^articles unchanged since last run +2$/m);
  });

  it('strips escape sequences from file names in the per-article lines', async () => {
    const folder = makeFolder({
      '\u001b[2J\u001b]0;pwned\u0007evil.txt': 'The minister said on Monday that the plan was approved by parliament.',
    });
    const result = await runInProcess('ingest', [folder, '--out', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok +en evil\.txt/m);
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('a usage error in the arguments', () => {
  const folder = makeFolder({ 'a.txt': 'The minister said on Monday that the plan was approved by parliament.' });
  const second = makeFolder({ 'b.txt': 'The mayor said on Tuesday that the city will close three parks.' });
  // The output of an earlier run, which a refused command must leave as it was, byte for byte.
  const out = tempDir();
  beforeAll(async () => {
    expect((await runInProcess('ingest', [folder, '--out', out, '--quiet'])).code).toBe(0);
  });
  const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  const contents = () =>
    Object.fromEntries(
      (readdirSync(out, { recursive: true }) as string[])
        .filter((name) => statSync(join(out, name)).isFile())
        .map((name) => [name, sha256(join(out, name))]),
    );

  it('ingest, as a process, refuses --max-file-mb -5 with one line and exit 2, the database unchanged', async () => {
    const before = contents();
    expect(Object.keys(before)).toContain('claims.sqlite');
    const result = await runAsync('ingest', [folder, '--out', out, '--max-file-mb', '-5']);
    expect(result).toEqual({ code: 2, stderr: 'claimlens: --max-file-mb must be a positive number of MB, got -5\n' });
    expect(contents()).toEqual(before);
  });

  it.each([
    ['a negative --max-file-mb', ['--max-file-mb', '-5'], '--max-file-mb must be a positive number of MB, got -5'],
    ['a negative --max-file-mb=', ['--max-file-mb=-5'], '--max-file-mb must be a positive number of MB, got -5'],
    ['a negative --timeout-s', ['--timeout-s', '-1'], '--timeout-s must be a whole number from 1 to 2147483, got -1'],
    [
      'a --max-file-mb past what Node can hold',
      ['--max-file-mb', '1e12'],
      '--max-file-mb must be at most 511 MB, the longest text Node holds as one string, got 1e12',
    ],
    [
      'a --concurrency past 256',
      ['--concurrency', '1000'],
      '--concurrency must be a whole number from 1 to 256, got 1000',
    ],
    [
      // Longer than a Node timer can wait: the timer would fire at once, and every LLM request time out.
      'a --timeout-s past 2^31 ms',
      ['--timeout-s', '3000000'],
      '--timeout-s must be a whole number from 1 to 2147483, got 3000000',
    ],
    [
      'a second folder',
      [second],
      `ingest takes one folder; got 2: ${folder}, ${second}; usage: npm run ingest -- [folder] [options] (--help for more)`,
    ],
  ])('ingest refuses %s with one line and exit 2, the database unchanged', async (_name, args, message) => {
    const before = contents();
    const result = await runInProcess('ingest', [folder, '--out', out, ...args]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `claimlens: ${message}\n` });
    expect(contents()).toEqual(before);
  });
});

describe('arguments a command does not take', () => {
  it.each([
    ['report', ['stray'], 'report takes no arguments; got 1: stray'],
    ['query', ['claims', 'Zoom', 'Taiwan'], 'query claims takes no arguments; got 2: Zoom, Taiwan'],
    ['query', ['--sql', 'select 1', 'select 2'], 'query takes no arguments; got 1: select 2'],
  ])('npm run %s -- %j is refused with one line and exit 2', async (script, args, message) => {
    const result = await runInProcess(script, [...args, '--out', tempDir()]);
    expect(result.code).toBe(2);
    const [line, ...rest] = result.stderr.split('\n');
    const start = `claimlens: ${message}; usage: npm run ${script} -- `;
    expect(line!.slice(0, start.length)).toBe(start);
    expect(rest).toEqual(['']);
  });
});

describe('the progress total', () => {
  const folder = () =>
    makeFolder({
      'a.txt': 'The minister said on Monday that the plan was approved by parliament after a long debate.',
      'b.md':
        '---\noutlet: Ledger\n---\nThe council said on Friday that the bridge will reopen in May after the repairs.',
      'feeds/wire.jsonl':
        [1, 2, 3, 4]
          .map((n) =>
            JSON.stringify({
              text: `The mayor said on Tuesday that the city will close ${n} parks after the storm damage.`,
            }),
          )
          .join('\n') + '\n\n  \n',
    });

  it('counts each non-blank line of a .jsonl as an article, growing as the walk goes', async () => {
    const totals: number[] = [];
    expect(await countArticles(folder(), (total) => totals.push(total))).toBe(6);
    expect(totals).toEqual([1, 2, 6]);
  });

  // The bar is drawn only on a terminal: `script` gives the run a pseudo-terminal.
  const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;
  it.skipIf(!hasScript)('ends at articles done of articles found, with the claims the summary counts', () => {
    const command = [process.execPath, '--import', 'tsx', 'pipeline/cli/ingest.ts', folder(), '--out', tempDir()]
      .map((arg) => `'${arg}'`)
      .join(' ');
    const result = spawnSync('script', ['-qfec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, CLAIMLENS_LLM: '' },
      timeout: 60_000,
    });
    const screen = result.stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '\n');
    const bars = [...screen.matchAll(/(\d+)\/(\d+) articles [^\n]*?\| (\d+) claims/g)];
    const last = bars[bars.length - 1]!;
    expect([last[1], last[2]]).toEqual(['6', '6']);
    for (const bar of bars) expect(Number(bar[1])).toBeLessThanOrEqual(Number(bar[2]));
    const found = Number(/claims found this run +(\d+)/.exec(result.stdout)?.[1]);
    expect(Number(last[3])).toBe(found);
    expect(found).toBeGreaterThan(0);
  });
});
