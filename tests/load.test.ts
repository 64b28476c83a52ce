import { describe, expect, it } from 'vitest';
import type { LoadOutcome } from '../schemas/article.ts';
import { decodeText } from '../pipeline/load/decode.ts';
import { loadFolder } from '../pipeline/load/index.ts';
import { normaliseText } from '../pipeline/load/normalise.ts';
import { parsePublished } from '../pipeline/load/published.ts';
import { makeFolder } from './support/folder.ts';

const BODY_NL = 'Het kabinet verbiedt het gebruik van de app op werktelefoons, zei de minister dinsdag in Den Haag.';

async function loadAll(files: Record<string, string | Uint8Array>, maxFileBytes = 5_000_000): Promise<LoadOutcome[]> {
  const outcomes: LoadOutcome[] = [];
  for await (const outcome of loadFolder(makeFolder(files), { maxFileBytes })) outcomes.push(outcome);
  return outcomes;
}

async function loadOne(name: string, content: string | Uint8Array) {
  const [outcome] = await loadAll({ [name]: content });
  if (outcome?.kind !== 'article') throw new Error(`expected an article, got ${JSON.stringify(outcome)}`);
  return outcome.article;
}

describe('formats', () => {
  it('reads a .txt whose first lines are metadata', async () => {
    const article = await loadOne('a.txt', `date 2020-04\ntitle: Zoom verboden\n${BODY_NL}\n`);
    expect(article.metadata.published).toEqual({ iso: '2020-04', precision: 'month' });
    expect(article.metadata.title).toBe('Zoom verboden');
    expect(article.text).toBe(BODY_NL);
  });

  it('keeps a .txt without metadata whole', async () => {
    const article = await loadOne('a.txt', `${BODY_NL}\n\nTweede alinea.`);
    expect(article.text).toBe(`${BODY_NL}\n\nTweede alinea.`);
    expect(article.metadata).toEqual({});
  });

  it('reads YAML front matter from a .md file', async () => {
    const article = await loadOne(
      'a.md',
      `---\ntitle: "Kabinet verbiedt app"\nsource: De Dagkrant\npublished: 2020-04-07\nurl: https://example.org/a\nauthor: J. Jansen\n---\n\n${BODY_NL}\n`,
    );
    expect(article.metadata).toMatchObject({
      title: 'Kabinet verbiedt app',
      outlet: 'De Dagkrant',
      published: { iso: '2020-04-07', precision: 'day' },
      url: 'https://example.org/a',
      author: 'J. Jansen',
    });
    expect(article.text).toBe(BODY_NL);
  });

  it('takes the article from an .html page, not its navigation, asides or comment form', async () => {
    const html = `<!doctype html><html lang="de"><head><title>Seite | Blatt</title>
      <meta property="og:title" content="Behörden dürfen Zoom nicht nutzen">
      <meta property="og:site_name" content="Morgenblatt">
      <meta property="article:published_time" content="2020-04-08T07:00:00+02:00"></head>
      <body><nav><a href="/">Start</a><a href="/p">Politik</a></nav>
      <article><h1>Behörden dürfen Zoom nicht nutzen</h1>
      <p>Die Regierung hat am Dienstag allen Behörden die Nutzung der Software untersagt, wie ein Sprecher mitteilte.</p>
      <p>Grund seien Sicherheitsbedenken, sagte der Sprecher. Forscher hatten zuvor Schwachstellen gefunden.</p>
      <p>Lesen Sie auch: Homeoffice ohne Ende</p></article>
      <aside><h3>Mehr zum Thema</h3><ul><li><a href="/x">Andere Meldung mit vielen Worten darin</a></li></ul></aside>
      <form><textarea>Kommentar schreiben</textarea></form><footer>Impressum</footer></body></html>`;
    const article = await loadOne('page.html', html);
    expect(article.metadata).toMatchObject({
      title: 'Behörden dürfen Zoom nicht nutzen',
      outlet: 'Morgenblatt',
      published: { iso: '2020-04-08', precision: 'day' },
      declaredLanguage: 'de',
    });
    expect(article.text).toContain('Die Regierung hat am Dienstag allen Behörden');
    expect(article.text).toContain('\n\nGrund seien Sicherheitsbedenken');
    for (const furniture of ['Politik', 'Lesen Sie auch', 'Andere Meldung', 'Kommentar', 'Impressum']) {
      expect(article.text).not.toContain(furniture);
    }
  });

  it('reads one article object from .json', async () => {
    const article = await loadOne(
      'a.json',
      JSON.stringify({ content: BODY_NL, headline: 'Kop', published: '2020-04-07', source: 'Blad' }),
    );
    expect(article.text).toBe(BODY_NL);
    expect(article.metadata).toMatchObject({ title: 'Kop', outlet: 'Blad', published: { iso: '2020-04-07' } });
  });

  it('reads a .jsonl feed line by line, and a broken line fails alone', async () => {
    const feed = [
      JSON.stringify({
        text: 'The ministry said on Monday that it would ban the app on work phones.',
        date: '2020-04-06',
      }),
      '{"text": "broken',
      '',
      JSON.stringify({ title: 'no body here' }),
      JSON.stringify({ body: 'Das Ministerium hat die App am Montag auf Diensthandys verboten.', outlet: 'Blatt' }),
    ].join('\n');
    const outcomes = await loadAll({ 'feed.jsonl': feed });
    expect(
      outcomes.map((outcome) => [
        outcome.kind,
        outcome.kind === 'article' ? outcome.article.path : outcome.failure.path,
      ]),
    ).toEqual([
      ['article', 'feed.jsonl#1'],
      ['failure', 'feed.jsonl#2'],
      ['failure', 'feed.jsonl#4'],
      ['article', 'feed.jsonl#5'],
    ]);
    const [, broken, bodyless] = outcomes;
    expect(broken?.kind === 'failure' && broken.failure.reason).toMatch(/^invalid JSON/);
    expect(bodyless?.kind === 'failure' && bodyless.failure.reason).toBe(
      'JSON article has no text, content, body or article field',
    );
  });

  it('walks subfolders in order and skips hidden files and node_modules', async () => {
    const outcomes = await loadAll({
      'b/one.txt': BODY_NL,
      'a.txt': BODY_NL,
      '.hidden.txt': BODY_NL,
      'node_modules/x/readme.md': BODY_NL,
      '.git/HEAD.txt': BODY_NL,
    });
    expect(
      outcomes.map((outcome) => (outcome.kind === 'article' ? outcome.article.path : outcome.failure.path)),
    ).toEqual(['a.txt', 'b/one.txt']);
  });

  it("leaves out what the folder's .claimlensignore names, and nothing else", async () => {
    const outcomes = await loadAll({
      '.claimlensignore': '# notes\nREADME.md\nannotations/\n*.draft.txt\n',
      'README.md': '# About this folder',
      'annotations/gold.json': '{}',
      'a.draft.txt': BODY_NL,
      'a.txt': BODY_NL,
      'sub/README.md': BODY_NL,
      'gold/b.txt': BODY_NL,
    });
    expect(
      outcomes.map((outcome) => (outcome.kind === 'article' ? outcome.article.path : outcome.failure.path)),
    ).toEqual(['a.txt', 'gold/b.txt']);
  });
});

describe('encodings and bad input', () => {
  it('decodes windows-1252 when the bytes are not UTF-8, and says so', async () => {
    const bytes = Buffer.from('Die Behörde prüft die Maßnahme für Bürger.', 'latin1');
    const article = await loadOne('old.txt', bytes);
    expect(article.encoding).toBe('windows-1252');
    expect(article.text).toBe('Die Behörde prüft die Maßnahme für Bürger.');
  });

  it.each([
    ['empty.txt', '', 'empty file'],
    ['binary.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]), 'binary file'],
    ['controls.txt', Uint8Array.from([0x01, 0x02, 0x03, 0x04, 0x41, 0x05, 0x06, 0x07]), 'binary file'],
    ['blank.md', '---\ntitle: x\n---\n\n   \n', 'no article text'],
    ['picture.png', 'not really', 'unsupported file type'],
  ])('records %s as a failure with a reason', async (name, content, reason) => {
    const [outcome] = await loadAll({ [name]: content });
    expect(outcome?.kind).toBe('failure');
    expect(outcome?.kind === 'failure' && outcome.failure.reason).toContain(reason);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const [outcome] = await loadAll({ 'big.txt': 'Lang artikel. '.repeat(2000) }, 10_000);
    expect(outcome?.kind === 'failure' && outcome.failure.reason).toMatch(/over the 0\.0 MB limit|over the .* limit/);
  });

  it('rejects bytes that are neither UTF-8 nor windows-1252 text', () => {
    expect(decodeText(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x41]))).toMatchObject({ ok: false });
  });
});

describe('normalisation', () => {
  it('stores NFC text with LF line ends and no page furniture', () => {
    const decomposed =
      'Cafe\u0301 in Zu\u0308rich\r\nREAD MORE: Another story\r\nLees ook: Ander nieuws\r\n\r\n\r\n\r\nEinde.';
    expect(normaliseText(decomposed)).toBe('Café in Zürich\n\nEinde.');
  });

  it('keeps non-breaking spaces, curly quotes and emoji as written', () => {
    const text = 'De minister zei: \u201cWe verbieden het.\u201d\u00a0Dat is 100\u00a0% zeker 🙂.';
    expect(normaliseText(text)).toBe(text);
  });
});

describe('publication dates', () => {
  it.each([
    ['2020-04-07', { iso: '2020-04-07', precision: 'day' }],
    ['2020-04', { iso: '2020-04', precision: 'month' }],
    ['2020', { iso: '2020', precision: 'year' }],
    ['2020-04-07T10:00:00Z', { iso: '2020-04-07', precision: 'day' }],
    ['07.04.2020', { iso: '2020-04-07', precision: 'day' }],
    ['April 7, 2020', { iso: '2020-04-07', precision: 'day' }],
    ['soon', undefined],
    ['2020-13-01', undefined],
  ])('reads %s', (value, expected) => {
    expect(parsePublished(value)).toEqual(expected);
  });
});

describe('txt header lines keep every word of the body', () => {
  const LEAD = 'Het Taiwanese kabinet heeft vandaag het gebruik van Zoom verboden.';
  it.each([
    [
      'bare date, body on the same line',
      `date 2020-04 ${LEAD}\nAanleiding zijn zorgen.`,
      { published: { iso: '2020-04', precision: 'month' } },
    ],
    [
      'bare date with leading spaces',
      `   date 2020-04 ${LEAD}\nAanleiding zijn zorgen.`,
      { published: { iso: '2020-04', precision: 'month' } },
    ],
    [
      'date with a colon, body on the same line',
      `date: 2020-04-07 ${LEAD}\nAanleiding zijn zorgen.`,
      { published: { iso: '2020-04-07', precision: 'day' } },
    ],
    [
      'date written out',
      `date: 7 april 2020 ${LEAD}\nAanleiding zijn zorgen.`,
      { published: { iso: '2020-04-07', precision: 'day' } },
    ],
    [
      'title ended by a full stop, body on the same line',
      `title: Zoom verboden. ${LEAD}\nAanleiding zijn zorgen.`,
      { title: 'Zoom verboden.' },
    ],
    [
      'title with a colon in it, outlet on the next line',
      `title: Suezkanal: Ever Given ist wieder frei\noutlet: Rheinischer Anzeiger\n${LEAD}\nAanleiding zijn zorgen.`,
      { title: 'Suezkanal: Ever Given ist wieder frei', outlet: 'Rheinischer Anzeiger' },
    ],
    [
      'title on its own line, date with leading spaces',
      `  title: Zoom verboden\n  date 2020-04\n${LEAD}\nAanleiding zijn zorgen.`,
      { title: 'Zoom verboden', published: { iso: '2020-04', precision: 'month' } },
    ],
  ])('%s', async (_name, file, metadata) => {
    const article = await loadOne('a.txt', file);
    expect(article.metadata).toEqual(metadata);
    expect(article.text).toBe(`${LEAD}\nAanleiding zijn zorgen.`);
    expect(article.warnings).toBeUndefined();
  });

  it('keeps a first line that only looks like a header ("Source of …") in the body', async () => {
    const article = await loadOne('a.txt', `Source of the leak was a contractor.\n${BODY_NL}`);
    expect(article.text).toBe(`Source of the leak was a contractor.\n${BODY_NL}`);
    expect(article.metadata).toEqual({});
  });

  it('keeps a long "title:" line as body text and warns, instead of dropping it', async () => {
    const long =
      'het kabinet heeft vandaag na lang overleg met de veiligheidsdiensten en de ministeries besloten dat ambtenaren en andere medewerkers van de overheid de app Zoom niet langer mogen gebruiken voor vergaderingen met burgers';
    const article = await loadOne('a.txt', `title: ${long}\n${BODY_NL}`);
    expect(article.text).toBe(`${long}\n${BODY_NL}`);
    expect(article.metadata.title).toBeUndefined();
    expect(article.warnings?.[0]).toMatch(/kept it as body text/);
  });
});
