import { describe, expect, it } from 'vitest';
import { makeFolder, tempDir } from './support/folder.ts';
import { ingest, rows } from './support/ingest.ts';

const BODY = 'Het kabinet verbiedt het gebruik van de app op werktelefoons, zei de minister dinsdag in Den Haag.';

describe('a txt header line that reads as body text', () => {
  it('is kept in the stored text, and v_articles says so in error while status stays ok', async () => {
    const long =
      'het kabinet heeft vandaag na lang overleg met de veiligheidsdiensten en de ministeries besloten dat ambtenaren en andere medewerkers van de overheid de app Zoom niet langer mogen gebruiken';
    const { db } = await ingest(
      makeFolder({
        'a.txt': `date 2020-04\ntitle: ${long}\n${BODY}\n`,
        'b.txt': `date: 2020-04-07\ntitle: Zoom verboden\n\n${BODY}\n`,
      }),
      tempDir(),
    );
    const articles = rows<{
      path: string;
      status: string;
      error: string | null;
      title: string | null;
      published: string | null;
    }>(db, 'SELECT path, status, error, title, published FROM v_articles ORDER BY path');
    expect(articles[0]).toMatchObject({ path: 'a.txt', status: 'ok', published: '2020-04', title: null });
    expect(articles[0]!.error).toMatch(/^warning: line 2 starts with "title"/);
    expect(articles[1]).toMatchObject({
      path: 'b.txt',
      status: 'ok',
      error: null,
      title: 'Zoom verboden',
      published: '2020-04-07',
    });
    const text = rows<{ text: string }>(
      db,
      "SELECT t.text FROM v_article_text t JOIN v_articles a USING (article_id) WHERE a.path = 'a.txt'",
    )[0]!.text;
    expect(text).toContain(BODY);
    expect(text).toContain(long);
  });
});
