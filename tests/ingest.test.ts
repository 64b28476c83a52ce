import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';
import { sentenceExtractor } from './support/sentence-extractor.ts';

const NL = 'Het kabinet verbiedt het gebruik van de app op werktelefoons. Dat zei de minister dinsdag in Den Haag.';
const DE = 'Die Regierung verbietet die App auf Diensthandys. Das sagte der Minister am Dienstag in Berlin.';
const EN = 'The cabinet has banned the app on work phones. The minister said so on Tuesday in London.';
const ES = 'El gobierno prohibió el uso de la aplicación en los teléfonos del trabajo por motivos de seguridad.';

type ArticleRow = { path: string; status: string; error: string | null; language: string | null; n_claims: number };

describe('ingesting a folder', () => {
  it('stores good articles and gives every bad file a row with its reason', async () => {
    const folder = makeFolder({
      'nl.txt': NL,
      'de.md': `---\ntitle: App verboten\noutlet: Blatt\ndate: 2020-04-07\n---\n${DE}`,
      'en.json': JSON.stringify({ text: EN, outlet: 'Paper' }),
      'empty.txt': '',
      'binary.txt': Uint8Array.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x00]),
      'latin1.txt': Buffer.from(
        'Die Behörde prüft die Maßnahme für alle Bürger, sagte der Sprecher am Montag.',
        'latin1',
      ),
      'big.txt': 'Dit is een heel lang artikel. '.repeat(50_000),
      'spanish.txt': ES,
      'feed.jsonl': `${JSON.stringify({ text: EN.replace('cabinet', 'council') })}\n{oops\n`,
    });
    const { db, summary } = await ingest(folder, tempDir(), {
      extractor: sentenceExtractor(),
      maxFileBytes: 1_000_000,
    });
    const articles = rows<ArticleRow>(
      db,
      'SELECT path, status, error, language, n_claims FROM v_articles ORDER BY path',
    );
    const byPath = Object.fromEntries(articles.map((row) => [row.path, row]));
    expect(Object.keys(byPath)).toEqual([
      'big.txt',
      'binary.txt',
      'de.md',
      'empty.txt',
      'en.json',
      'feed.jsonl#1',
      'feed.jsonl#2',
      'latin1.txt',
      'nl.txt',
      'spanish.txt',
    ]);
    expect(byPath['nl.txt']).toMatchObject({ status: 'ok', language: 'nl', n_claims: 2 });
    expect(byPath['de.md']).toMatchObject({ status: 'ok', language: 'de', n_claims: 2 });
    expect(byPath['en.json']).toMatchObject({ status: 'ok', language: 'en', n_claims: 2 });
    expect(byPath['feed.jsonl#1']).toMatchObject({ status: 'ok', language: 'en' });
    expect(byPath['latin1.txt']).toMatchObject({ status: 'ok', language: 'de' });
    expect(byPath['empty.txt']).toMatchObject({ status: 'error', error: 'empty file' });
    expect(byPath['binary.txt']?.error).toMatch(/binary file/);
    expect(byPath['big.txt']?.error).toMatch(/over the 1\.0 MB limit/);
    expect(byPath['feed.jsonl#2']?.error).toMatch(/invalid JSON/);
    expect(byPath['spanish.txt']).toMatchObject({ status: 'skipped', language: 'es' });
    expect(byPath['spanish.txt']?.error).toMatch(/not Dutch, German or English/);
    expect(summary.byStatus).toEqual({ ok: 5, error: 4, skipped: 1 });
    const [encoding] = rows<{ encoding: string }>(
      db,
      `SELECT encoding FROM articles a JOIN article_paths p USING (article_id) WHERE p.path = 'latin1.txt'`,
    );
    expect(encoding?.encoding).toBe('windows-1252');
    const [outlet] = rows<{ outlet: string; published: string; title: string }>(
      db,
      `SELECT outlet, published, title FROM v_articles WHERE path = 'de.md'`,
    );
    expect(outlet).toEqual({ outlet: 'Blatt', published: '2020-04-07', title: 'App verboten' });
  });

  it('says why a JSON article has no text: which field, and what it holds instead', async () => {
    const feed = [
      { text: 12345 },
      { text: null, title: 'Null' },
      { content: ['a', 'list'] },
      { body: { html: '<p>x</p>' } },
      { text: '   ' },
      { article: true },
      { title: 'no body here' },
      { text: 12345, content: EN },
    ];
    const folder = makeFolder({
      'feed.jsonl': feed.map((record) => JSON.stringify(record)).join('\n'),
      'one.json': JSON.stringify({ text: 42 }),
    });
    const { db } = await ingest(folder, tempDir(), { extractor: sentenceExtractor() });
    expect(rows(db, 'SELECT path, status, error FROM v_articles ORDER BY path')).toEqual([
      { path: 'feed.jsonl#1', status: 'error', error: 'JSON article\'s "text" field is a number, not a string' },
      { path: 'feed.jsonl#2', status: 'error', error: 'JSON article\'s "text" field is null, not a string' },
      { path: 'feed.jsonl#3', status: 'error', error: 'JSON article\'s "content" field is an array, not a string' },
      { path: 'feed.jsonl#4', status: 'error', error: 'JSON article\'s "body" field is an object, not a string' },
      { path: 'feed.jsonl#5', status: 'error', error: 'JSON article\'s "text" field is empty' },
      { path: 'feed.jsonl#6', status: 'error', error: 'JSON article\'s "article" field is a boolean, not a string' },
      { path: 'feed.jsonl#7', status: 'error', error: 'JSON article has no text, content, body or article field' },
      { path: 'feed.jsonl#8', status: 'ok', error: null },
      { path: 'one.json', status: 'error', error: 'JSON article\'s "text" field is a number, not a string' },
    ]);
  });

  it('re-ingesting an unchanged folder calls no extractor and changes nothing', async () => {
    const folder = makeFolder({ 'nl.txt': NL, 'de.txt': DE, 'bad.txt': '' });
    const out = tempDir();
    const first = sentenceExtractor();
    (await ingest(folder, out, { extractor: first })).db.close();
    expect(first.calls).toBe(2);
    const second = sentenceExtractor();
    const { db, summary } = await ingest(folder, out, { extractor: second });
    expect(second.calls).toBe(0);
    expect(summary.unchanged).toBe(3);
    expect(summary.byStatus).toEqual({ ok: 2, error: 1 });
    expect(rows(db, 'SELECT total_changes() AS n')).toEqual([{ n: 0 }]);
  });

  it('reads an unchanged file again only when --force says so, or when its extraction had failed', async () => {
    const folder = makeFolder({ 'nl.txt': NL, 'de.txt': DE });
    const out = tempDir();
    (await ingest(folder, out, { extractor: sentenceExtractor({ failOn: 'Regierung' }) })).db.close();
    const retry = sentenceExtractor();
    (await ingest(folder, out, { extractor: retry })).db.close();
    expect(retry.calls).toBe(1);
    const forced = sentenceExtractor();
    const { summary } = await ingest(folder, out, { extractor: forced, force: true });
    expect(forced.calls).toBe(2);
    expect(summary.unchanged).toBe(0);
  });

  it('a changed file replaces its old claims; the same text under two paths is stored once', async () => {
    const folder = makeFolder({ 'a.txt': NL, 'copy/a.txt': NL, 'de.txt': DE });
    const out = tempDir();
    const extractor = sentenceExtractor();
    const first = await ingest(folder, out, { extractor });
    expect(extractor.calls).toBe(2);
    expect(rows(first.db, 'SELECT * FROM articles')).toHaveLength(2);
    expect(
      rows(
        first.db,
        `SELECT path FROM v_articles WHERE article_id = (SELECT article_id FROM article_paths WHERE path = 'a.txt') ORDER BY path`,
      ),
    ).toEqual([{ path: 'a.txt' }, { path: 'copy/a.txt' }]);
    first.db.close();

    writeFileSync(join(folder, 'de.txt'), DE.replace('Diensthandys', 'allen Diensthandys der Bundesbehörden'));
    const { db } = await ingest(folder, out, { extractor });
    expect(extractor.calls).toBe(3);
    expect(rows(db, 'SELECT * FROM articles')).toHaveLength(2);
    const quotes = rows<{ quote: string }>(db, `SELECT quote FROM v_claims WHERE path = 'de.txt'`).map(
      (row) => row.quote,
    );
    expect(quotes).toEqual([
      'Die Regierung verbietet die App auf allen Diensthandys der Bundesbehörden.',
      'Das sagte der Minister am Dienstag in Berlin.',
    ]);
  });

  it('an extraction failure marks that article and the run goes on', async () => {
    const folder = makeFolder({ 'nl.txt': NL, 'de.txt': DE });
    const { db } = await ingest(folder, tempDir(), { extractor: sentenceExtractor({ failOn: 'Regierung' }) });
    expect(rows(db, 'SELECT path, status, error FROM v_articles ORDER BY path')).toEqual([
      { path: 'de.txt', status: 'error', error: 'extraction failed: model answered garbage twice' },
      { path: 'nl.txt', status: 'ok', error: null },
    ]);
    const retry = sentenceExtractor();
    const again = await ingest(folder, tempDir(), { extractor: retry });
    expect(again.summary.byStatus).toEqual({ ok: 2 });
  });

  it('offsets point into the stored text, counted in code points as SQLite does', async () => {
    const text =
      'De minister 🙂 zei: \u201cWe verbieden de app.\u201d\u00a0Het kabinet stemde in. 🚀 Daarna volgde een debat.';
    const { db } = await ingest(makeFolder({ 'emoji.md': text }), tempDir(), { extractor: sentenceExtractor() });
    const mismatches = rows(
      db,
      `SELECT c.quote, substr(t.text, c.char_start + 1, c.char_end - c.char_start) AS at_offsets
       FROM v_claims c JOIN v_article_text t USING (article_id) WHERE at_offsets <> c.quote`,
    );
    expect(rows(db, 'SELECT * FROM v_claims').length).toBeGreaterThan(1);
    expect(mismatches).toEqual([]);
  });
});
