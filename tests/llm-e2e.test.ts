import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFolder, tempDir } from './support/folder.ts';
import { rows } from './support/ingest.ts';
import { ingestWithLlm, serverEnv } from './llm-server/harness.ts';
import { asServerRecordings, loadRecordings } from './llm-server/recordings.ts';
import { startLlmServer, type LlmServer } from './llm-server/server.ts';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

const ARTICLES = {
  'nl/kabinet.txt':
    'Het kabinet verbiedt het gebruik van de app op werktelefoons van ambtenaren. Dat zei de minister dinsdag in Den Haag na de ministerraad. 📱 Volgens de minister is de app “niet veilig genoeg” voor vertrouwelijke gesprekken.',
  'de/regierung.md':
    '---\ntitle: App verboten\noutlet: Blatt\ndate: 2020-04-07\n---\nDie Regierung verbietet die App auf Diensthandys der Beamten. Das sagte der Minister am Dienstag in Berlin nach der Kabinettssitzung.',
};

const CLAIMS = [
  {
    when: 'werktelefoons',
    claims: [
      {
        actor: 'Het kabinet',
        action: 'verbiedt de app op werktelefoons',
        date: 'dinsdag',
        reason: null,
        source: 'de minister',
        quote: 'Het kabinet verbiedt het gebruik van de app op werktelefoons van ambtenaren.',
        statement_en: 'The Dutch cabinet bans the app on civil servants’ work phones.',
        polarity: 'affirmed',
        modality: 'fact',
      },
      {
        actor: 'De app',
        action: 'is niet veilig genoeg',
        date: null,
        reason: null,
        source: 'de minister',
        quote: 'de app "niet veilig genoeg" voor vertrouwelijke gesprekken',
        statement_en: 'The minister says the app is not secure enough for confidential conversations.',
        polarity: 'negated',
        modality: 'fact',
      },
    ],
  },
  {
    when: 'Diensthandys',
    claims: [
      {
        actor: 'Die Regierung',
        action: 'verbietet die App auf Diensthandys',
        date: 'am Dienstag',
        reason: null,
        source: 'der Minister',
        quote: 'Die Regierung verbietet die App auf Diensthandys der Beamten.',
        statement_en: 'The German government bans the app on civil servants’ work phones.',
        polarity: 'affirmed',
        modality: 'fact',
      },
    ],
  },
];

let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer({ recordings: CLAIMS });
});
afterAll(async () => {
  await server.close();
});

type ClaimRow = {
  path: string;
  quote: string;
  alignment: string;
  extractor: string;
  model: string;
  date_start: string | null;
  identical: number;
};

describe('ingesting a folder with --llm openai:test-model against the loopback server', () => {
  it('stores grounded claims whose offsets give back the quote in SQLite', async () => {
    const out = tempDir();
    const { db, summary } = await ingestWithLlm(makeFolder(ARTICLES), out, 'openai:test-model', server);
    expect(summary.byStatus).toEqual({ ok: 2 });
    const claims = rows<ClaimRow>(
      db,
      `SELECT c.path, c.quote, c.alignment, c.extractor, c.model, c.date_start,
              substr(t.text, c.char_start + 1, c.char_end - c.char_start) = c.quote AS identical
       FROM v_claims c JOIN v_article_text t USING (article_id) ORDER BY c.path, c.char_start`,
    );
    expect(claims).toEqual([
      {
        path: 'de/regierung.md',
        quote: 'Die Regierung verbietet die App auf Diensthandys der Beamten.',
        alignment: 'exact',
        extractor: 'openai',
        model: 'test-model',
        date_start: '2020-04-07',
        identical: 1,
      },
      {
        path: 'nl/kabinet.txt',
        quote: 'Het kabinet verbiedt het gebruik van de app op werktelefoons van ambtenaren.',
        alignment: 'exact',
        extractor: 'openai',
        model: 'test-model',
        date_start: null,
        identical: 1,
      },
      {
        path: 'nl/kabinet.txt',
        quote: 'de app “niet veilig genoeg” voor vertrouwelijke gesprekken',
        alignment: 'normalised',
        extractor: 'openai',
        model: 'test-model',
        date_start: null,
        identical: 1,
      },
    ]);
    // The same check a user runs in the sqlite3 shell, on a fresh connection to the file.
    const file = new Database(join(out, 'claims.sqlite'), { readonly: true });
    expect(
      file
        .prepare(
          'SELECT count(*) AS n FROM v_claims c JOIN v_article_text t USING (article_id) WHERE substr(t.text, c.char_start + 1, c.char_end - c.char_start) <> c.quote',
        )
        .get(),
    ).toEqual({ n: 0 });
    file.close();
  });

  it('runs from the command line', async () => {
    const folder = makeFolder(ARTICLES);
    // Not spawnSync: the server lives in this process and must keep answering while the CLI runs.
    const cli = (env: NodeJS.ProcessEnv) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'pipeline/cli/ingest.ts',
            folder,
            '--llm',
            'openai:test-model',
            '--out',
            tempDir(),
            '--json',
          ],
          {
            env: { PATH: process.env.PATH, ...env },
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    const ok = await cli(serverEnv(server));
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ claims: 3, unaligned: 0, byStatus: { ok: 2 } });
  });
});

describe.skipIf(!existsSync(CORPUS))('the recorded extractions of the corpus', () => {
  it('ground every claim of every corpus article, each article answered from its own recording', async () => {
    const recordings = loadRecordings();
    const corpusServer = await startLlmServer({ recordings: asServerRecordings(recordings) });
    try {
      const { db, summary } = await ingestWithLlm(CORPUS, tempDir(), 'openai:test-model', corpusServer, {
        concurrency: 4,
      });
      const articles = rows<{ path: string; status: string; n_claims: number }>(
        db,
        'SELECT path, status, n_claims FROM v_articles',
      );
      expect(corpusServer.stats.unmatched).toBe(0);
      expect(articles.filter((article) => article.status !== 'ok' || article.n_claims === 0)).toEqual([]);
      expect(summary.unaligned).toBe(0);
      const recorded = recordings.reduce((sum, recording) => sum + recording.claims.length, 0);
      expect(summary.claims).toBe(recorded);
      // Each recording names the article it was written from, and is the one that answered it.
      const paths = new Set(articles.map((article) => article.path));
      for (const recording of recordings) expect(paths.has(recording.article.replace(/^corpus\//, ''))).toBe(true);
      const mismatched = rows<{ path: string; quote: string }>(
        db,
        `SELECT c.path, c.quote FROM v_claims c JOIN v_article_text t USING (article_id)
         WHERE substr(t.text, c.char_start + 1, c.char_end - c.char_start) <> c.quote`,
      );
      expect(mismatched).toEqual([]);
    } finally {
      await corpusServer.close();
    }
  });
});
