import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../pipeline/run/report.ts';
import type { Db } from '../pipeline/store/index.ts';
import { parseHTML } from 'linkedom';
import { drivePage } from './support/chromium-pipe.ts';
import { tempDir } from './support/folder.ts';
import { ingest } from './support/ingest.ts';
import { reportFixture } from './support/report-fixture.ts';
import { headlessFlags } from '../pipeline/bench/page.ts';

const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0,
);
const SKIP_NOTE = chromium ? '' : ' (skipped: no chromium on PATH; apt-get install -y chromium)';
const WINDOW = { width: 1280, height: 900 };

function headless(args: string[]) {
  const profile = mkdtempSync(join(tmpdir(), 'claimlens-chromium-'));
  const result = spawnSync(
    chromium!,
    [...headlessFlags(profile), '--enable-logging=stderr', '--v=0', '--hide-scrollbars', ...args],
    { encoding: 'utf8', timeout: 90_000 },
  );
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
    const shownKinds = [
      ...polarity.stdout.matchAll(/<article class="item"[^>]*data-kind="(\w+)"(?![^>]*hidden)[^>]*>/g),
    ].map((match) => match[1]);
    expect(shownKinds).toEqual(['polarity']);
    const german = headless(['--dump-dom', `${page}#language=de`]);
    const shownLanguages = [
      ...german.stdout.matchAll(/<article class="item"[^>]*data-languages="([\w ]+)"(?![^>]*hidden)[^>]*>/g),
    ].map((match) => match[1]);
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

/** The page as Chromium left it after its script ran, parsed for the assertions. */
function rendered(url: string) {
  const result = headless(['--dump-dom', `--window-size=${WINDOW.width},${WINDOW.height}`, url]);
  expect(result.code).toBe(0);
  expect(result.stderr).not.toMatch(/Uncaught|SyntaxError|ReferenceError|TypeError/);
  expect(result.stdout).toContain('data-report-ready="yes"');
  return parseHTML(result.stdout).document;
}

const fold = (text: unknown) =>
  String(text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

describe.skipIf(!chromium)(`the workbench on corpus/ in headless Chromium${SKIP_NOTE}`, () => {
  let corpus: Db;
  let url = '';
  const shots = join('out', 'screenshots');
  type StoredClaim = {
    claim_id: string;
    article_id: string;
    quote: string;
    char_start: number;
    char_end: number;
    stored: string;
    language: string;
    outlet: string | null;
    title: string | null;
    published: string | null;
  } & Record<string, unknown>;
  let claims = new Map<string, StoredClaim>();

  beforeAll(async () => {
    if (!chromium) return;
    const out = tempDir();
    corpus = (await ingest('corpus', out)).db;
    // An extraction whose quote is not in its article, holding markup: listed apart, as text.
    const target = corpus
      .prepare("SELECT article_id FROM articles WHERE status = 'ok' ORDER BY article_id LIMIT 1")
      .get() as { article_id: string };
    corpus
      .prepare(
        `INSERT INTO unaligned (unaligned_id, article_id, quote, statement_en, actor, action, extractor, model, prompt_version)
      VALUES ('u-test', ?, 'A quote no article holds <b>bold</b>', 'Invented.', 'Someone', 'said it', 'test', 'hand', 't')`,
      )
      .run(target.article_id);
    writeReports(corpus, out);
    url = pathToFileURL(join(out, 'report.html')).href;
    claims = new Map(
      (
        corpus
          .prepare(
            `SELECT c.*, substr(a.text, c.char_start + 1, c.char_end - c.char_start) AS stored, a.language, o.name AS outlet, a.title, a.published
       FROM claims c JOIN articles a USING (article_id) LEFT JOIN outlets o ON o.outlet_id = a.outlet_id`,
          )
          .all() as StoredClaim[]
      ).map((claim) => [claim.claim_id, claim]),
    );
    mkdirSync(shots, { recursive: true });
  });
  afterAll(() => corpus?.close());

  it.each(['contradictions', 'claims', 'articles'])(
    'renders the %s tab without script errors, and takes its screenshot',
    (tab) => {
      const document = rendered(`${url}#tab=${tab}`);
      expect(document.documentElement.getAttribute('data-tab')).toBe(tab);
      expect(document.getElementById(`tab-${tab}`)!.hasAttribute('hidden')).toBe(false);
      for (const other of ['contradictions', 'claims', 'articles'].filter((name) => name !== tab))
        expect(document.getElementById(`tab-${other}`)!.hasAttribute('hidden')).toBe(true);
      if (tab === 'contradictions')
        expect(document.querySelectorAll('.item').length).toBe(
          (corpus.prepare('SELECT count(*) AS n FROM contradictions').get() as { n: number }).n,
        );
      if (tab === 'claims')
        expect(document.querySelectorAll('.cluster').length).toBe(
          Math.min(60, (corpus.prepare('SELECT count(DISTINCT cluster_id) AS n FROM claims').get() as { n: number }).n),
        );
      if (tab === 'articles')
        expect(document.querySelectorAll('#article-list li').length).toBe(
          (corpus.prepare("SELECT count(*) AS n FROM articles WHERE status = 'ok'").get() as { n: number }).n,
        );
      const shot = resolve(shots, `report-${tab}.png`);
      // The articles tab as an analyst leaves it after a click: the strongest contradiction's claim selected.
      const top = corpus.prepare('SELECT claim_a FROM contradictions ORDER BY score DESC LIMIT 1').get() as
        { claim_a: string } | undefined;
      const selected =
        tab === 'articles' && top ? `&article=${claims.get(top.claim_a)!.article_id}&claim=${top.claim_a}` : '';
      const result = headless([
        `--screenshot=${shot}`,
        `--window-size=${WINDOW.width},${WINDOW.height}`,
        `${url}#tab=${tab}${selected}`,
      ]);
      expect(result.code).toBe(0);
      const png = readFileSync(shot);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(WINDOW.width);
      console.log(`screenshot of the ${tab} tab: ${shot}`);
    },
  );

  it('marks each claim of an article where its offsets say, after an emoji too', () => {
    const texts = corpus.prepare("SELECT article_id, text FROM articles WHERE status = 'ok'").all() as {
      article_id: string;
      text: string;
    }[];
    const withEmoji = texts.find((article) => /\p{Extended_Pictographic}/u.test(article.text))!;
    expect(withEmoji).toBeDefined();
    const emojiAt = [...withEmoji.text].findIndex((char) => /\p{Extended_Pictographic}/u.test(char));
    const own = [...claims.values()].filter((claim) => claim.article_id === withEmoji.article_id);
    expect(own.some((claim) => claim.char_start > emojiAt)).toBe(true);
    const document = rendered(`${url}#tab=articles&article=${withEmoji.article_id}`);
    expect(document.getElementById('article-text')!.textContent).toBe(withEmoji.text);
    for (const claim of own) {
      const marks = [...document.querySelectorAll('#article-text mark')].filter((mark) =>
        mark.getAttribute('data-claims')!.split(' ').includes(claim.claim_id),
      );
      expect(marks.length).toBeGreaterThan(0);
      expect(Number(marks[0]!.getAttribute('data-start'))).toBe(claim.char_start);
      expect(Number(marks[marks.length - 1]!.getAttribute('data-end'))).toBe(claim.char_end);
      marks
        .slice(1)
        .forEach((mark, index) => expect(mark.getAttribute('data-start')).toBe(marks[index]!.getAttribute('data-end')));
      expect(marks.map((mark) => mark.textContent).join('')).toBe(claim.stored);
      expect(claim.stored).toBe(claim.quote);
    }
  });

  it('shows a clicked claim with its fields, its cluster and its contradictions, and lists unaligned extractions apart as text', () => {
    const pair = corpus
      .prepare('SELECT contradiction_id, claim_a FROM contradictions ORDER BY score DESC LIMIT 1')
      .get() as { contradiction_id: string; claim_a: string };
    const claim = claims.get(pair.claim_a)!;
    const document = rendered(`${url}#tab=articles&article=${claim.article_id}&claim=${claim.claim_id}`);
    const details = document.getElementById('claim-details')!;
    expect(details.getAttribute('data-claim')).toBe(claim.claim_id);
    expect(details.textContent).toContain(String(claim.actor));
    expect(details.querySelector(`a[href*="cluster=${claim.cluster_id}"]`)).not.toBeNull();
    expect(details.querySelector(`[data-contradiction="${pair.contradiction_id}"]`)).not.toBeNull();
    expect(document.querySelector('#article-text mark.selected')!.getAttribute('data-claims')).toContain(
      claim.claim_id,
    );
    const unaligned = (
      corpus.prepare("SELECT article_id FROM unaligned WHERE unaligned_id = 'u-test'").get() as { article_id: string }
    ).article_id;
    const withUnaligned = rendered(`${url}#tab=articles&article=${unaligned}`);
    expect(withUnaligned.getElementById('unaligned')!.textContent).toContain('A quote no article holds <b>bold</b>');
    expect(withUnaligned.querySelector('#unaligned b')).toBeNull();
  });

  it('says so when the URL names an article the page does not hold, rather than showing another', () => {
    const document = rendered(`${url}#tab=articles&article=no-such-article`);
    expect(document.getElementById('article-view')!.textContent).toMatch(/^This article is not in the report/);
    expect(document.getElementById('article-text')).toBeNull();
  });

  const shownClaims = (document: Document) =>
    [...document.querySelectorAll('.mention')].map((mention) => claims.get(mention.getAttribute('data-claim')!)!);
  const shownCount = (document: Document) =>
    Number(/\((\d+) mentions\)/.exec(document.getElementById('claims-shown')!.textContent ?? '')?.[1]);

  it.each(['nl', 'de', 'en'])('filters the Claims tab to one language (%s) from the URL', (language) => {
    const document = rendered(`${url}#tab=claims&language=${language}`);
    const expected = [...claims.values()].filter((claim) => claim.language === language).length;
    expect(shownCount(document)).toBe(expected);
    const shown = shownClaims(document);
    expect(shown.length).toBeGreaterThan(0);
    for (const claim of shown) expect(claim.language).toBe(language);
  });

  it('searches the Claims tab by words, accents and case ignored, and by outlet', () => {
    const document = rendered(`${url}#tab=claims&q=${encodeURIComponent('ZOOM')}`);
    const fields = (claim: StoredClaim) =>
      fold(
        [
          claim.actor,
          claim.action,
          claim.quote,
          claim.statement_en,
          claim.source,
          claim.reason,
          claim.date_text,
          claim.outlet,
          claim.title,
        ].join(' '),
      );
    const expected = [...claims.values()].filter((claim) => fields(claim).includes('zoom'));
    expect(shownCount(document)).toBe(expected.length);
    for (const claim of shownClaims(document)) expect(fields(claim)).toContain('zoom');
    const accented = rendered(`${url}#tab=claims&q=auswartige`);
    const withUmlaut = [...claims.values()].filter((claim) => fields(claim).includes('auswartige'));
    expect(withUmlaut.length).toBeGreaterThan(0);
    expect(shownCount(accented)).toBe(withUmlaut.length);
    const outlet = [...claims.values()].find((claim) => claim.outlet !== null)!.outlet!;
    const byOutlet = rendered(`${url}#tab=claims&outlet=${encodeURIComponent(outlet)}&from=2000-01-01`);
    expect(shownCount(byOutlet)).toBe(
      [...claims.values()].filter((claim) => claim.outlet === outlet && (claim.date_start ?? claim.published)).length,
    );
    for (const claim of shownClaims(byOutlet)) expect(claim.outlet).toBe(outlet);
  });

  it('filters the Claims tab by contradiction kind and by date range', () => {
    const kind = (corpus.prepare('SELECT kind FROM contradictions LIMIT 1').get() as { kind: string }).kind;
    const inKind = new Set(
      (
        corpus
          .prepare(
            'SELECT claim_a AS id FROM contradictions WHERE kind = ? UNION SELECT claim_b FROM contradictions WHERE kind = ?',
          )
          .all(kind, kind) as { id: string }[]
      ).map((row) => row.id),
    );
    const document = rendered(`${url}#tab=claims&kind=${kind}`);
    expect(new Set(shownClaims(document).map((claim) => claim.claim_id))).toEqual(inKind);
    const ranged = rendered(`${url}#tab=claims&from=2022-01-01&to=2022-12-31`);
    const shown = shownClaims(ranged);
    expect(shown.length).toBeGreaterThan(0);
    for (const claim of shown) {
      const start = String(claim.date_start ?? claim.published).slice(0, 10);
      const end = String(claim.date_end ?? claim.date_start ?? claim.published).slice(0, 10);
      expect(end >= '2022-01-01' && start <= '2022-12-31').toBe(true);
    }
  });
});

describe.skipIf(!chromium)(`the workbench used by hand, driven over the DevTools pipe${SKIP_NOTE}`, () => {
  let corpus: Db;
  let url = '';
  beforeAll(async () => {
    if (!chromium) return;
    const out = tempDir();
    corpus = (await ingest('corpus', out)).db;
    url = pathToFileURL(join(out, 'report.html')).href;
  });
  afterAll(() => corpus?.close());

  it('typing in the search box, choosing a language and clicking a mark change what is shown, and the URL', async () => {
    const page = await drivePage(chromium!, `${url}#tab=claims`);
    try {
      const mentions = () => page.evaluate<number>(`document.querySelectorAll('.mention').length`);
      const all = await page.evaluate<string>(`document.getElementById('claims-shown').textContent`);
      await page.evaluate(
        `(() => { const box = document.getElementById('claims-q'); box.value = 'Suezkanal'; box.dispatchEvent(new Event('input')); })()`,
      );
      await page.evaluate(`new Promise((resolve) => setTimeout(resolve, 400))`);
      expect(await page.evaluate<string>('location.hash')).toBe('#tab=claims&q=Suezkanal');
      const found = (
        corpus
          .prepare(
            `SELECT count(*) AS n FROM claims c JOIN articles a USING (article_id) LEFT JOIN outlets o ON o.outlet_id = a.outlet_id
         WHERE (c.actor || ' ' || c.action || ' ' || c.quote || ' ' || c.statement_en || ' ' || coalesce(c.source, '') || ' ' || coalesce(c.reason, '') || ' ' ||
                coalesce(c.date_text, '') || ' ' || coalesce(o.name, '') || ' ' || coalesce(a.title, '')) LIKE '%suezkanal%'`,
          )
          .get() as { n: number }
      ).n;
      expect(found).toBeGreaterThan(0);
      expect(await page.evaluate<string>(`document.getElementById('claims-shown').textContent`)).toMatch(
        new RegExp(`\\(${found} mentions\\)$`),
      );
      expect(await page.evaluate<string>(`document.getElementById('claims-shown').textContent`)).not.toBe(all);
      await page.evaluate(
        `(() => { const menu = document.getElementById('claims-language'); menu.value = 'de'; menu.dispatchEvent(new Event('change')); })()`,
      );
      expect(await page.evaluate<string>('location.hash')).toBe('#tab=claims&language=de&q=Suezkanal');
      const languages = await page.evaluate<string[]>(
        `[...document.querySelectorAll('.lang-group')].map((group) => group.dataset.language)`,
      );
      expect(new Set(languages)).toEqual(new Set(['de']));
      expect(await mentions()).toBeGreaterThan(0);
      // Follow a mention to its article, then click its mark.
      await page.evaluate(`document.querySelector('.mention a').click()`);
      expect(await page.evaluate<string>(`document.documentElement.getAttribute('data-tab')`)).toBe('articles');
      const id = await page.evaluate<string>(
        `(() => { const mark = document.querySelector('#article-text mark'); mark.click(); return mark.dataset.claims.split(' ')[0]; })()`,
      );
      expect(await page.evaluate<string>(`document.getElementById('claim-details').dataset.claim`)).toBe(id);
      expect(await page.evaluate<string>('location.hash')).toContain(`claim=${id}`);
    } finally {
      await page.close();
    }
  }, 120_000);
});
