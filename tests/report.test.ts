import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReports } from '../pipeline/run/report.ts';
import { REPORT_LIMIT } from '../pipeline/report/data.ts';
import type { Db } from '../pipeline/store/index.ts';
import { reportFixture } from './support/report-fixture.ts';
import { ReviewData } from '../schemas/review.ts';

let db: Db | undefined;
afterEach(() => db?.close());

async function written() {
  const fixture = await reportFixture();
  db = fixture.db;
  const files = writeReports(fixture.db, fixture.out);
  return {
    ...fixture,
    files,
    markdown: readFileSync(join(fixture.out, 'contradictions.md'), 'utf8'),
    html: readFileSync(join(fixture.out, 'report.html'), 'utf8'),
  };
}

describe('the review report', () => {
  it('writes contradictions.md and report.html into the out folder and says so', async () => {
    const { files, out } = await written();
    expect(files).toEqual([join(out, 'contradictions.md'), join(out, 'report.html')]);
  });

  it('lists every contradiction with both quotes, paths, outlets and dates, highest score first', async () => {
    const { markdown, db: database } = await written();
    const stored = database.prepare('SELECT kind, score FROM contradictions ORDER BY score DESC').all() as {
      kind: string;
      score: number;
    }[];
    expect(stored.length).toBeGreaterThanOrEqual(3);
    const headings = [...markdown.matchAll(/^## \d+\. (\w+) · score ([\d.]+)$/gm)].map((match) => ({
      kind: match[1],
      score: Number(match[2]),
    }));
    expect(headings.map((heading) => heading.score)).toEqual(stored.map((row) => row.score));
    expect(markdown).toContain(`${stored.length} contradictions among 5 claims from 3 articles`);
    for (const text of [
      'Zoom heeft 200 miljoen gebruikers.',
      'Zoom has 300 million users &lt;and> counting.',
      '`feeds/wire.jsonl#2`',
      'Nachrichtendienst, 2020-04-09',
      'Evening Ledger, 2020-04-08',
    ]) {
      expect(markdown).toContain(text);
    }
    // Markdown renders HTML: a "<" quoted from an article must not open a tag.
    expect(markdown).not.toContain('<and>');
  });

  it('reads well as Markdown', async () => {
    const { markdown } = await written();
    const numeric = markdown
      .split(/\n(?=## )/)
      .find((section) => section.startsWith('## ') && section.includes('numeric ·'))!;
    expect(numeric.replace(/^## \d+\./, '## n.').replace(/id `\w+`/, 'id `…`')).toMatchInlineSnapshot(`
      "## n. numeric · score 0.88

      A gives 200 million people ("200 miljoen gebruikers"), B gives 300 million people ("300 million users"): 33% apart, more than rounding allows.

      | | A | B |
      | --- | --- | --- |
      | article | \`nl/verbod.txt\` | \`en/advice.html\` |
      | outlet, published | Dagblad Noord, 2020-04-07 | Evening Ledger, 2020-04-08 |
      | language | nl | en |
      | quote | “Zoom heeft 200 miljoen gebruikers.” | “Zoom has 300 million users &lt;and> counting.” |
      | in English | Zoom has 200 million users. | Zoom has 300 million users. |
      | source | the outlet | the outlet |
      | date | — | — |

      Judged by rules; id \`…\`.
      "
    `);
  });

  it('is one self-contained HTML page: no external assets, quotes escaped, each claim in its language', async () => {
    const { html } = await written();
    expect(html).not.toMatch(/<link|<img|\ssrc=|href="(?!#)|@import|url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('Zoom has 300 million users &lt;and&gt; counting.');
    expect(html).not.toContain('<and>');
    expect(html).toContain('<blockquote lang="nl">Zoom heeft 200 miljoen gebruikers.</blockquote>');
    expect(html).toContain('<blockquote lang="de">Das Kabinett hat Zoom für Beamte erlaubt.</blockquote>');
  });

  it('offers filters for each kind and language found, and marks each item with them', async () => {
    const { html, db: database } = await written();
    const kinds = (
      database.prepare('SELECT DISTINCT kind FROM contradictions ORDER BY kind').all() as { kind: string }[]
    ).map((row) => row.kind);
    for (const kind of kinds) expect(html).toMatch(new RegExp(`<option value="${kind}">${kind} \\(\\d+\\)</option>`));
    for (const language of ['nl', 'de', 'en']) expect(html).toMatch(new RegExp(`<option value="${language}">`));
    expect([...html.matchAll(/data-kind="(\w+)"/g)].map((match) => match[1]).sort()).toEqual(
      (database.prepare('SELECT kind FROM contradictions ORDER BY kind').all() as { kind: string }[]).map(
        (row) => row.kind,
      ),
    );
  });

  it('leaves the files untouched when nothing changed', async () => {
    const { db: database, out } = await written();
    const before = statSync(join(out, 'report.html')).mtimeMs;
    const content = readFileSync(join(out, 'report.html'), 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeReports(database, out);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(content);
    expect(statSync(join(out, 'report.html')).mtimeMs).toBe(before);
  });
});

describe('the review report of a large database', () => {
  it('shows the best scored contradictions up to its limit, and says how many more there are and how to list them', async () => {
    const fixture = await reportFixture();
    db = fixture.db;
    const [pair] = fixture.db.prepare('SELECT claim_a, claim_b FROM contradictions LIMIT 1').all() as {
      claim_a: string;
      claim_b: string;
    }[];
    const insert = fixture.db.prepare(
      `INSERT INTO contradictions (contradiction_id, kind, claim_a, claim_b, explanation, score, judge) VALUES (?, 'other', ?, ?, ?, ?, 'test')`,
    );
    for (let i = 0; i < REPORT_LIMIT + 40; i += 1)
      insert.run(
        `extra-${String(i).padStart(4, '0')}`,
        pair!.claim_a,
        pair!.claim_b,
        `Filler disagreement number ${i}.`,
        0.01 + (i % 50) / 100,
      );
    const total = (fixture.db.prepare('SELECT count(*) AS n FROM contradictions').get() as { n: number }).n;
    writeReports(fixture.db, fixture.out);
    const markdown = readFileSync(join(fixture.out, 'contradictions.md'), 'utf8');
    const html = readFileSync(join(fixture.out, 'report.html'), 'utf8');
    expect([...markdown.matchAll(/^## \d+\. /gm)]).toHaveLength(REPORT_LIMIT);
    expect([...html.matchAll(/<article class="item"/g)]).toHaveLength(REPORT_LIMIT);
    const more = `Showing the ${REPORT_LIMIT} highest-scoring of ${total} contradictions; ${total - REPORT_LIMIT} more are in the database.`;
    expect(markdown).toContain(more);
    expect(html).toContain(more);
    const sql = /--sql "([^"]+)"/.exec(markdown)?.[1];
    expect(sql).toBeDefined();
    const rest = fixture.db.prepare(sql!).all() as { contradiction_id: string; score: number }[];
    expect(rest).toHaveLength(total - REPORT_LIMIT);
    const shown = [...markdown.matchAll(/^## \d+\. \w+ · score ([\d.]+)$/gm)].map((match) => Number(match[1]));
    expect(Math.min(...shown)).toBeGreaterThanOrEqual(Math.max(...rest.map((row) => row.score)));
  });

  it('shows how many claims stand behind a side when a claim stands for more than itself', async () => {
    const fixture = await reportFixture();
    db = fixture.db;
    fixture.db.prepare("UPDATE contradictions SET support_a = 120, support_b = 3 WHERE kind = 'numeric'").run();
    writeReports(fixture.db, fixture.out);
    const markdown = readFileSync(join(fixture.out, 'contradictions.md'), 'utf8');
    expect(markdown).toContain('| claims on this side | 120 | 3 |');
    expect(readFileSync(join(fixture.out, 'report.html'), 'utf8')).toContain(
      '<dt>stands for</dt><dd>one of 120 claims on this side</dd>',
    );
  });

  it('shows a dated claim with the range its date was read as', async () => {
    const fixture = await reportFixture();
    db = fixture.db;
    fixture.db
      .prepare(
        "UPDATE claims SET date_text = 'April', date_start = '2020-04-01', date_end = '2020-04-30', date_precision = 'month' WHERE claim_id = (SELECT claim_a FROM contradictions WHERE kind = 'numeric')",
      )
      .run();
    fixture.db
      .prepare(
        "UPDATE claims SET date_text = '7 April', date_start = '2020-04-07', date_end = '2020-04-07', date_precision = 'day' WHERE claim_id = (SELECT claim_b FROM contradictions WHERE kind = 'numeric')",
      )
      .run();
    writeReports(fixture.db, fixture.out);
    const markdown = readFileSync(join(fixture.out, 'contradictions.md'), 'utf8');
    expect(markdown).toContain('| date | April (2020-04-01 to 2020-04-30) | 7 April (2020-04-07) |');
    const html = readFileSync(join(fixture.out, 'report.html'), 'utf8');
    expect(html).toContain('<dt>date</dt><dd>April (2020-04-01 to 2020-04-30)</dd>');
    expect(html).toContain('<dt>date</dt><dd>7 April (2020-04-07)</dd>');
  });
});

describe('the review page', () => {
  it('says on each contradiction card what the claims share and links each side to its claim in the Articles tab', async () => {
    const { html, db: database } = await written();
    const numeric = database.prepare("SELECT claim_a, claim_b FROM contradictions WHERE kind = 'numeric'").get() as {
      claim_a: string;
      claim_b: string;
    };
    const card = html.split('<article class="item"').find((part) => part.includes('data-kind="numeric"'))!;
    expect(card).toContain(
      '<p class="ground"><span class="label">shared</span><span><b>subject</b> zoom</span><span><b>predicate</b> have</span></p>',
    );
    for (const id of [numeric.claim_a, numeric.claim_b])
      expect(card).toMatch(new RegExp(`href="#tab=articles&amp;article=\\w+&amp;claim=${id}"`));
    expect(card).toContain('>nl/verbod.txt</a>');
  });

  it('labels the English line by its origin when the database records one, and shows no label otherwise', async () => {
    const { db: database, out } = await written();
    // Claims stored before the column existed have no origin.
    database.exec('UPDATE claims SET statement_origin = NULL');
    writeReports(database, out);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toContain('class="origin"');
    database.exec(
      "UPDATE claims SET statement_origin = CASE WHEN quote LIKE 'Zoom heeft%' THEN 'gloss' ELSE 'model' END",
    );
    writeReports(database, out);
    const labelled = readFileSync(join(out, 'report.html'), 'utf8');
    expect(labelled).toContain(
      // A gloss marks what it kept as written ("Zoom"); a model's English is shown as it is.
      '<p class="english" lang="en"><span class="origin" title="where this English line comes from">gloss</span> <i title="as written in the quote">Zoom</i> has 200 million users.</p>',
    );
    expect(labelled).toContain(
      '<span class="origin" title="where this English line comes from">model</span> Zoom has 300 million users.',
    );
  });

  it('embeds every article and claim as JSON that no text can close early', async () => {
    const fixture = await reportFixture();
    db = fixture.db;
    const hostile = 'Zoom heeft 200 miljoen gebruikers.</script><script>alert(1)</script><!--';
    fixture.db.prepare("UPDATE claims SET quote = ? WHERE quote = 'Zoom heeft 200 miljoen gebruikers.'").run(hostile);
    writeReports(fixture.db, fixture.out);
    const html = readFileSync(join(fixture.out, 'report.html'), 'utf8');
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const json = /<script type="application\/json" id="review-data">([^<]*)<\/script>/.exec(html)?.[1];
    const data = ReviewData.parse(JSON.parse(json!));
    expect(data.claims.map((claim) => claim.quote)).toContain(hostile);
    expect(data.articles).toHaveLength(3);
    expect(data.claims).toHaveLength(5);
    for (const claim of data.claims.filter((claim) => claim.quote !== hostile)) {
      const text = [...data.articles.find((article) => article.article_id === claim.article_id)!.text];
      expect(text.slice(claim.char_start, claim.char_end).join('')).toBe(claim.quote);
    }
  });
});
