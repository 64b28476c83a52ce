import { describe, expect, it } from 'vitest';
import { decodeText } from '../pipeline/load/decode.ts';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';

const PROSE = {
  nl: 'De gemeente sluit het café in de binnenstad, zei de wethouder. Zij noemde het besluit "naïef maar nodig".',
  de: 'Die Behörde prüft die Maßnahme für Bürger in München, sagte Müller am Dienstag. Es gehe um Sicherheit.',
  en: 'The café in the old town will close, the naïve mayor said on Tuesday. The façade needs repairs.',
};

/** The windows-1252 bytes of the punctuation these tests use, from the code page's table; other letters are latin1. */
const WINDOWS_1252_BYTES: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '“': 0x93,
  '–': 0x96,
  '—': 0x97,
};
const windows1252 = (text: string) =>
  Buffer.from([...text].flatMap((c) => WINDOWS_1252_BYTES[c] ?? [...Buffer.from(c, 'latin1')]));

/** A German sentence with the punctuation windows-1252 has and latin1 does not: €, „“, ‚‘, dashes, an ellipsis. */
const PUNCTUATED =
  'Der Preis stieg auf 5 € – sagte „Müller“ am Dienstag in München. Die Behörde prüft die ‚neue‘ Maßnahme, sagte die Ministerin am Montag — ohne Eile…';

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

describe('decoding the bytes of a file', () => {
  it.each(Object.entries(PROSE))(
    'decodes %s UTF-8 with one stray byte as UTF-8, the byte replaced and counted',
    (_language, text) => {
      const bytes = Buffer.concat([Buffer.from(text.slice(0, 20)), Buffer.from([0xff]), Buffer.from(text.slice(20))]);
      expect(decodeText(bytes)).toEqual({
        ok: true,
        text: `${text.slice(0, 20)}\uFFFD${text.slice(20)}`,
        encoding: 'utf-8',
        replaced: 1,
      });
    },
  );

  it.each(Object.entries(PROSE))('decodes %s windows-1252 bytes as windows-1252', (_language, text) => {
    expect(decodeText(Buffer.from(text, 'latin1'))).toEqual({ ok: true, text, encoding: 'windows-1252', replaced: 0 });
  });

  it('decodes windows-1252 punctuation (bytes 0x80–0x9F) as the characters it stands for', () => {
    expect(decodeText(windows1252(PUNCTUATED))).toEqual({
      ok: true,
      text: PUNCTUATED,
      encoding: 'windows-1252',
      replaced: 0,
    });
  });

  it('maps each of the 27 assigned bytes 0x80–0x9F to its windows-1252 code point', () => {
    // From the code page's table; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned.
    const table = (
      '80:20AC 82:201A 83:0192 84:201E 85:2026 86:2020 87:2021 88:02C6 89:2030 8A:0160 8B:2039 8C:0152 8E:017D ' +
      '91:2018 92:2019 93:201C 94:201D 95:2022 96:2013 97:2014 98:02DC 99:2122 9A:0161 9B:203A 9C:0153 9E:017E 9F:0178'
    )
      .split(' ')
      .map((pair) => pair.split(':').map((hex) => parseInt(hex, 16)) as [number, number]);
    expect(table).toHaveLength(27);
    const bytes = Buffer.concat([Buffer.from(PROSE.en, 'latin1'), Buffer.from(table.map(([byte]) => byte))]);
    expect(decodeText(bytes)).toEqual({
      ok: true,
      text: PROSE.en + String.fromCodePoint(...table.map(([, codePoint]) => codePoint)),
      encoding: 'windows-1252',
      replaced: 0,
    });
  });

  it.each(['81', '8D', '8F', '90', '9D'])('rejects a file with the unassigned windows-1252 byte 0x%s', (hex) => {
    expect(decodeText(Buffer.concat([windows1252(PUNCTUATED), Buffer.from([parseInt(hex, 16)])]))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^not valid UTF-8 \(\d+ invalid bytes\), and not windows-1252 text either$/),
    });
  });

  it.each([
    ['le', 'utf-16le'],
    ['be', 'utf-16be'],
  ] as const)('decodes UTF-16 %s with a byte-order mark', (order, encoding) => {
    expect(decodeText(utf16(PROSE.de, order))).toEqual({ ok: true, text: PROSE.de, encoding, replaced: 0 });
  });

  it('keeps a replacement character the file itself contains, without counting it as invalid', () => {
    expect(decodeText(Buffer.from(`${PROSE.en} \uFFFD`))).toMatchObject({ ok: true, encoding: 'utf-8', replaced: 0 });
  });

  it('still rejects UTF-16 without a byte-order mark as binary', () => {
    expect(decodeText(Buffer.from(PROSE.en, 'utf16le'))).toEqual({
      ok: false,
      reason: 'binary file (contains NUL bytes), not text',
    });
  });
});

describe('the encoding in v_articles', () => {
  it('shows how each file was decoded and how many bytes were replaced', async () => {
    const folder = makeFolder({
      'a-utf8.txt': PROSE.en,
      'b-stray.txt': Buffer.concat([Buffer.from(PROSE.de), Buffer.from([0xff, 0x20]), Buffer.from(PROSE.de)]),
      'c-1252.txt': Buffer.from(PROSE.nl, 'latin1'),
      'd-utf16.txt': utf16(PROSE.en.replace('Tuesday', 'Wednesday'), 'le'),
    });
    const { db } = await ingest(folder, tempDir());
    expect(rows(db, 'SELECT path, status, encoding, n_replaced FROM v_articles ORDER BY path')).toEqual([
      { path: 'a-utf8.txt', status: 'ok', encoding: 'utf-8', n_replaced: 0 },
      { path: 'b-stray.txt', status: 'ok', encoding: 'utf-8', n_replaced: 1 },
      { path: 'c-1252.txt', status: 'ok', encoding: 'windows-1252', n_replaced: 0 },
      { path: 'd-utf16.txt', status: 'ok', encoding: 'utf-16le', n_replaced: 0 },
    ]);
    const text = rows<{ text: string }>(
      db,
      "SELECT t.text FROM v_article_text t JOIN v_articles a USING (article_id) WHERE a.path = 'b-stray.txt'",
    )[0]!.text;
    expect(text).toContain('Müller');
    expect(text).not.toContain('Ã');
  });

  it('stores a windows-1252 file with € and curly quotes as ok, its text and quotes with the right characters', async () => {
    const { db } = await ingest(makeFolder({ 'de-1252.txt': windows1252(PUNCTUATED) }), tempDir());
    expect(rows(db, 'SELECT path, status, error, encoding, n_replaced FROM v_articles')).toEqual([
      { path: 'de-1252.txt', status: 'ok', error: null, encoding: 'windows-1252', n_replaced: 0 },
    ]);
    expect(rows(db, 'SELECT text FROM v_article_text')).toEqual([{ text: PUNCTUATED }]);
    expect(rows(db, 'SELECT quote FROM v_claims ORDER BY char_start')).toEqual([
      { quote: 'Der Preis stieg auf 5 € –' },
      // The quote holds its attribution, with the dash the file wrote in windows-1252.
      { quote: 'Die Behörde prüft die ‚neue‘ Maßnahme, sagte die Ministerin am Montag —' },
    ]);
  });
});
