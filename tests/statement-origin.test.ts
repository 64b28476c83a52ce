import { describe, expect, it } from 'vitest';
import { englishOf } from '../pipeline/report/data.ts';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';

const ARTICLES = {
  nl: 'Het Taiwanese kabinet heeft op dinsdag het gebruik van Zoom verboden voor alle ambtenaren.',
  de: 'Die Bundesregierung hat am Dienstag die Nutzung von Zoom für alle Beamten verboten.',
  en: 'The Taiwanese cabinet banned the use of Zoom for all civil servants on Tuesday.',
};

describe('statement_origin says where the English of a claim comes from', () => {
  it.each([
    ['nl', 'gloss'],
    ['de', 'gloss'],
    ['en', 'source'],
  ] as const)('a rules claim from a %s article is marked %s in v_claims', async (language, origin) => {
    const { db } = await ingest(makeFolder({ [`${language}.txt`]: ARTICLES[language] }), tempDir());
    const claims = rows<{ statement_origin: string | null; language: string }>(
      db,
      'SELECT language, statement_origin FROM v_claims',
    );
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(claim).toEqual({ language, statement_origin: origin });
  });

  it('is the last column of v_claims, after the columns of the earlier contract', async () => {
    const { db } = await ingest(makeFolder({ 'en.txt': ARTICLES.en }), tempDir());
    const columns = rows<{ name: string }>(db, "SELECT name FROM pragma_table_info('v_claims')").map((row) => row.name);
    expect(columns.slice(-4)).toEqual(['modality', 'date_precision', 'alignment_score', 'statement_origin']);
  });

  it.each([
    ['gloss', 'The cabinet banned Zoom.', '(gloss) The cabinet banned Zoom.'],
    ['model', 'The cabinet banned Zoom.', 'The cabinet banned Zoom.'],
    ['source', 'The cabinet banned Zoom.', 'The cabinet banned Zoom.'],
  ] as const)('the report labels a %s English line: %s', (origin, statement, shown) => {
    expect(englishOf({ statement_origin: origin, statement_en: statement })).toBe(shown);
  });
});
