import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder, tempDir } from './support/folder.ts';
import { lockDatabase, openDatabase } from '../pipeline/store/index.ts';

import { cliScripts, runInProcess } from './support/cli.ts';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

function runAsync(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const file = scripts[script]!.replace(/^tsx /, '');
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { env: { ...process.env, CLAIMLENS_LLM: '' } });
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
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^claimlens: no folder at \/nonexistent\/articles; /)]);
  });

  it('ingest refuses an out dir it cannot create, even as root', async () => {
    // A folder under a regular file cannot exist for anyone, root included (CI runs as root).
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'a file, not a folder');
    const result = await runInProcess('ingest', [makeFolder({ 'a.txt': 'The minister said on Monday that the plan was approved by parliament.' }), '--out', join(file, 'sub')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^claimlens: cannot write to .*not-a-folder\/sub; /);
  });

  it('ingest rejects an unknown flag and a bad --llm spec before reading anything', async () => {
    const folder = makeFolder({ 'a.txt': 'The minister said on Monday that the plan was approved by parliament.' });
    expect((await runInProcess('ingest', [folder, '--out', tempDir(), '--colour'])).stderr).toMatch(/^claimlens: Unknown option '--colour'/);
    expect((await runInProcess('ingest', [folder, '--out', tempDir(), '--max-file-mb', 'lots'])).stderr).toMatch(/^claimlens: --max-file-mb must be a positive number, not "lots"/);
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
      const result = await runAsync('ingest', [makeFolder({ 'a.txt': 'The minister said on Monday that the plan was approved by parliament.' }), '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^claimlens: .*claims\.sqlite is in use by another claimlens run; wait for it to finish/);
    } finally {
      await unlock();
    }
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) AS n FROM article_paths').get()).toEqual({ n: 0 });
    db.close();
  });
});
