import type { SupportedLanguage } from '../schemas/article.ts';
import { join } from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { describe, expect, it } from 'vitest';
import type { GroundedClaim } from '../schemas/claim.ts';
import { clusterStage } from '../pipeline/run/dedup.ts';
import { noStats, type Extractor } from '../pipeline/extract/index.ts';
import { contentId } from '../pipeline/hash.ts';
import { openDatabase, saveArticle, type Db } from '../pipeline/store/index.ts';
import { tempDir } from './support/folder.ts';

type Fact = { actor: string; action: string; statement_en: string; date?: string };

function store(db: Db, path: string, language: SupportedLanguage, outlet: string, facts: Fact[]): void {
  const text = facts.map((fact) => `${fact.actor} ${fact.action}.`).join(' ');
  let offset = 0;
  const claims: GroundedClaim[] = facts.map((fact) => {
    const quote = `${fact.actor} ${fact.action}.`;
    const start = text.indexOf(quote, offset);
    offset = start + quote.length;
    return {
      actor: fact.actor,
      action: fact.action,
      date: null,
      reason: null,
      source: null,
      quote,
      statement_en: fact.statement_en,
      polarity: 'affirmed',
      modality: 'fact',
      char_start: start,
      char_end: start + quote.length,
      alignment: 'exact',
      alignment_score: 1,
      date_start: fact.date ?? '2020-04-07',
      date_end: fact.date ?? '2020-04-07',
      date_precision: 'day',
    };
  });
  saveArticle(db, {
    articleId: contentId(text),
    article: {
      path,
      text,
      encoding: 'utf-8',
      metadata: { outlet, published: { iso: '2020-04-08', precision: 'day' } },
    },
    language: { code: language, confidence: 1, supported: true },
    status: 'ok',
    identity: { extractor: 'rules', model: 'test', promptVersion: 'none' },
    claims,
    unaligned: [],
  });
}

const rules: Extractor = {
  extractor: 'rules',
  model: 'test',
  promptVersion: 'none',
  extract: async () => ({ claims: [], stats: noStats() }),
};

const snapshot = (db: Db) => ({
  clusters: db.prepare('SELECT cluster_id, statement_en FROM clusters ORDER BY cluster_id').all(),
  claims: db.prepare('SELECT claim_id, cluster_id FROM claims ORDER BY claim_id').all(),
});

function seed(db: Db): void {
  store(db, 'en.txt', 'en', 'Daily News', [
    {
      actor: "Taiwan's cabinet",
      action: 'banned government agencies from using Zoom',
      statement_en: "Taiwan's cabinet banned government agencies from using Zoom.",
    },
    {
      actor: 'Taiwan',
      action: 'reported five new coronavirus cases',
      statement_en: 'Taiwan reported five new coronavirus cases.',
    },
  ]);
  store(db, 'nl.txt', 'nl', 'Het Dagblad', [
    {
      actor: 'Het Taiwanese kabinet',
      action: 'verbiedt overheidsinstanties Zoom te gebruiken',
      statement_en: 'The Taiwanese cabinet forbids government agencies to use Zoom.',
    },
  ]);
}

describe('clusterStage', () => {
  it('writes clusters that v_clusters counts across articles, outlets and languages', async () => {
    const db = openDatabase(join(tempDir(), 'claims.sqlite'));
    seed(db);
    store(db, 'de.txt', 'de', 'Die Zeitung', [
      {
        actor: 'Die taiwanische Regierung',
        action: 'untersagt Behörden die Nutzung von Zoom',
        statement_en: 'The Taiwanese government prohibits agencies the use of Zoom.',
        date: '2020-04-08',
      },
    ]);
    const summary = await clusterStage(db, { extractor: rules });
    expect(summary).toMatchObject({ clusters: 2, clusteredClaims: 4 });
    const rows = db
      .prepare(
        'SELECT statement_en, n_claims, n_articles, n_sources, n_languages, languages FROM v_clusters ORDER BY n_claims DESC',
      )
      .all();
    expect(rows).toEqual([
      {
        statement_en: "Taiwan's cabinet banned government agencies from using Zoom.",
        n_claims: 3,
        n_articles: 3,
        n_sources: 3,
        n_languages: 3,
        languages: 'de,en,nl',
      },
      {
        statement_en: 'Taiwan reported five new coronavirus cases.',
        n_claims: 1,
        n_articles: 1,
        n_sources: 1,
        n_languages: 1,
        languages: 'en',
      },
    ]);
    db.close();
  });

  it('changes nothing when run again on an unchanged database', async () => {
    const db = openDatabase(join(tempDir(), 'claims.sqlite'));
    seed(db);
    await clusterStage(db, { extractor: rules });
    const before = snapshot(db);
    const changesBefore = db.prepare('SELECT total_changes() AS n').get() as { n: number };
    await clusterStage(db, { extractor: rules });
    expect(snapshot(db)).toEqual(before);
    expect(db.prepare('SELECT total_changes() AS n').get()).toEqual(changesBefore);
    db.close();
  });

  it('lets the claims of a later article join existing clusters without renaming them', async () => {
    const db = openDatabase(join(tempDir(), 'claims.sqlite'));
    seed(db);
    await clusterStage(db, { extractor: rules });
    const before = snapshot(db);
    store(db, 'de.txt', 'de', 'Die Zeitung', [
      {
        actor: 'Die taiwanische Regierung',
        action: 'untersagt Behörden die Nutzung von Zoom',
        statement_en: 'The Taiwanese government prohibits agencies the use of Zoom.',
      },
    ]);
    await clusterStage(db, { extractor: rules });
    const after = snapshot(db);
    expect(after.clusters.map((row) => (row as { cluster_id: string }).cluster_id)).toEqual(
      before.clusters.map((row) => (row as { cluster_id: string }).cluster_id),
    );
    for (const row of before.claims) expect(after.claims).toContainEqual(row);
    const german = db
      .prepare("SELECT c.cluster_id FROM claims c JOIN articles a USING (article_id) WHERE a.language = 'de'")
      .get() as { cluster_id: string };
    const english = db.prepare('SELECT cluster_id FROM claims WHERE actor = ?').get("Taiwan's cabinet") as {
      cluster_id: string;
    };
    expect(german.cluster_id).toBe(english.cluster_id);
    db.close();
  });

  it('embeds each statement once with the provider and reuses the stored vectors', async () => {
    class CountingEmbeddings extends Embeddings {
      calls = 0;
      texts = 0;
      model = 'bag-of-words';
      constructor() {
        super({});
      }
      async embedDocuments(texts: string[]): Promise<number[][]> {
        this.calls += 1;
        this.texts += texts.length;
        return texts.map((text) =>
          Array.from(
            { length: 32 },
            (_, i) =>
              text
                .toLowerCase()
                .split(/\W+/)
                .filter((word) => word.length > 3 && word.charCodeAt(0) % 32 === i).length,
          ),
        );
      }
      async embedQuery(text: string): Promise<number[]> {
        return (await this.embedDocuments([text]))[0]!;
      }
    }
    const embedder = new CountingEmbeddings();
    const withEmbeddings: Extractor = { ...rules, extractor: 'openai', embedder };
    const db = openDatabase(join(tempDir(), 'claims.sqlite'));
    seed(db);
    const first = await clusterStage(db, { extractor: withEmbeddings });
    expect(first).toMatchObject({ clusters: 2, embedded: 3 });
    store(db, 'de.txt', 'de', 'Die Zeitung', [
      {
        actor: 'Die taiwanische Regierung',
        action: 'untersagt Behörden die Nutzung von Zoom',
        statement_en: 'The Taiwanese government prohibits agencies the use of Zoom.',
      },
    ]);
    const second = await clusterStage(db, { extractor: withEmbeddings });
    expect(second).toMatchObject({ clusters: 2, clusteredClaims: 4, embedded: 1 });
    const calls = embedder.calls;
    await clusterStage(db, { extractor: withEmbeddings });
    expect(embedder.calls).toBe(calls);
    db.close();
  });

  it("keeps the budgets of many districts apart and joins each district's reports across languages", async () => {
    const db = openDatabase(join(tempDir(), 'claims.sqlite'));
    const districts = Array.from({ length: 24 }, (_, i) => i);
    for (const i of districts) {
      store(db, `en/${i}.txt`, 'en', 'Daily News', [
        {
          actor: `The council of district ${i}`,
          action: `approved a budget of ${i * 7} million euros`,
          statement_en: `The council of district ${i} approved a budget of ${i * 7} million euros.`,
        },
        {
          actor: 'The money',
          action: 'would go to schools and housing',
          statement_en: 'The money would go to schools and housing.',
        },
      ]);
      store(db, `nl/${i}.txt`, 'nl', 'Het Dagblad', [
        {
          actor: `De raad van stadsdeel ${i}`,
          action: `keurde een begroting van ${i * 7 + 1} miljoen euro goed`,
          statement_en: `The council of city part ${i} approved a budget of ${i * 7 + 1} million euros.`,
        },
        {
          actor: 'Het geld',
          action: 'zou naar scholen en woningen gaan',
          statement_en: 'The money would go to schools and homes.',
        },
      ]);
    }
    const summary = await clusterStage(db, { extractor: rules });
    expect(summary).toMatchObject({ clusters: districts.length * 2, clusteredClaims: districts.length * 4 });
    const languages = db.prepare('SELECT DISTINCT n_claims, n_languages FROM v_clusters').all();
    expect(languages).toEqual([{ n_claims: 2, n_languages: 2 }]);
    const before = snapshot(db);
    store(db, 'de/7.txt', 'de', 'Die Zeitung', [
      {
        actor: 'Der Rat des Bezirks 7',
        action: 'hat einen Haushalt von 50 Millionen Euro beschlossen',
        statement_en: 'The council of the Bezirks 7 approved a budget of 50 million euros.',
      },
    ]);
    await clusterStage(db, { extractor: rules });
    const german = db
      .prepare("SELECT c.cluster_id FROM claims c JOIN articles a USING (article_id) WHERE a.language = 'de'")
      .get() as { cluster_id: string };
    const english = db.prepare('SELECT cluster_id FROM claims WHERE actor = ?').get('The council of district 7') as {
      cluster_id: string;
    };
    expect(german.cluster_id).toBe(english.cluster_id);
    for (const row of before.claims) expect(snapshot(db).claims).toContainEqual(row);
    db.close();
  });

  it('clusters without embeddings when the provider fails to give them', async () => {
    class BrokenEmbeddings extends Embeddings {
      constructor() {
        super({});
      }
      async embedDocuments(): Promise<number[][]> {
        throw new Error('connection refused');
      }
      async embedQuery(): Promise<number[]> {
        throw new Error('connection refused');
      }
    }
    const db = openDatabase(join(tempDir(), 'claims.sqlite'));
    seed(db);
    const summary = await clusterStage(db, { extractor: { ...rules, embedder: new BrokenEmbeddings() } });
    expect(summary).toMatchObject({ clusters: 2, clusteredClaims: 3 });
    expect(summary.warning).toMatch(/connection refused/);
    db.close();
  });
});
