import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../pipeline/report.ts';
import type { Db } from '../pipeline/store/index.ts';
import { reportFixture } from './support/report-fixture.ts';

const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
const SKIP_NOTE = chromium ? '' : ' (skipped: no chromium on PATH; apt-get install -y chromium)';
const WINDOW = { width: 1280, height: 900 };

function headless(args: string[]) {
  const profile = mkdtempSync(join(tmpdir(), 'claimlens-chromium-'));
  const result = spawnSync(chromium!, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', '--hide-scrollbars', ...args,
  ], { encoding: 'utf8', timeout: 90_000 });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

let db: Db | undefined;
let page = '';
let out = '';

beforeAll(async () => {
  if (!chromium) return;
  const fixture = await reportFixture();
  db = fixture.db;
  out = fixture.out;
  writeReports(fixture.db, fixture.out);
  page = pathToFileURL(join(fixture.out, 'report.html')).href;
});
afterAll(() => db?.close());

describe.skipIf(!chromium)(`the report in headless Chromium${SKIP_NOTE}`, () => {
  it('opens without script errors and shows every contradiction', () => {
    const result = headless(['--dump-dom', page]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/Uncaught|SyntaxError|ReferenceError|TypeError/);
    expect(result.stdout).toContain('data-report-ready="yes"');
    const total = (db!.prepare('SELECT count(*) AS n FROM contradictions').get() as { n: number }).n;
    expect(result.stdout).toContain(`${total} of ${total} shown`);
  });

  it('filters by kind and by language, from the URL as from the menus', () => {
    const polarity = headless(['--dump-dom', `${page}#kind=polarity`]);
    expect(polarity.stdout).toContain('data-report-ready="yes"');
    const shownKinds = [...polarity.stdout.matchAll(/<article class="item"[^>]*data-kind="(\w+)"(?![^>]*hidden)[^>]*>/g)].map((match) => match[1]);
    expect(shownKinds).toEqual(['polarity']);
    const german = headless(['--dump-dom', `${page}#language=de`]);
    const shownLanguages = [...german.stdout.matchAll(/<article class="item"[^>]*data-languages="([\w ]+)"(?![^>]*hidden)[^>]*>/g)].map((match) => match[1]);
    expect(shownLanguages.length).toBeGreaterThan(0);
    for (const languages of shownLanguages) expect(languages!.split(' ')).toContain('de');
  });

  it('takes a screenshot whose first screen holds the first contradiction', () => {
    const shot = join(out, 'report.png');
    const result = headless([`--screenshot=${shot}`, `--window-size=${WINDOW.width},${WINDOW.height}`, page]);
    expect(result.code).toBe(0);
    expect(existsSync(shot)).toBe(true);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(WINDOW.width);
    const dom = headless(['--dump-dom', `--window-size=${WINDOW.width},${WINDOW.height}`, page]).stdout;
    const top = Number(/data-first-item-top="(\d+)"/.exec(dom)?.[1]);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(WINDOW.height / 2);
  });
});
