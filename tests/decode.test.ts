import { describe, expect, it } from 'vitest';
import { decodeText } from '../pipeline/load/decode.ts';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';

const PROSE = {
  nl: 'De gemeente sluit het café in de binnenstad, zei de wethouder. Zij noemde het besluit "naïef maar nodig".',
  de: 'Die Behörde prüft die Maßnahme für Bürger in München, sagte Müller am Dienstag. Es gehe um Sicherheit.',
  en: 'The café in the old town will close, the naïve mayor said on Tuesday. The façade needs repairs.',
};

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
});
