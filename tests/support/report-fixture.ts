import { join } from 'node:path';
import { contradictionStage } from '../../pipeline/run/contradictions.ts';
import { createRulesExtractor } from '../../pipeline/providers/rules.ts';
import { openDatabase, type Db } from '../../pipeline/store/index.ts';
import { storeArticle } from './contradiction-claims.ts';
import { tempDir } from './folder.ts';

/**
 * A small database with contradictions of several kinds across nl, de and en, the way an ingest
 * leaves it: articles, claims, then the contradictions stage.
 */
export async function reportFixture(): Promise<{ db: Db; out: string }> {
  const out = tempDir();
  const db = openDatabase(join(out, 'claims.sqlite'));
  storeArticle(db, {
    path: 'nl/verbod.txt',
    language: 'nl',
    outlet: 'Dagblad Noord',
    published: '2020-04-07',
    claims: [
      {
        quote: 'Het kabinet heeft Zoom verboden voor ambtenaren.',
        actor: 'Het kabinet',
        action: 'heeft Zoom verboden voor ambtenaren',
        statement_en: 'The cabinet banned Zoom for civil servants.',
      },
      {
        quote: 'Zoom heeft 200 miljoen gebruikers.',
        actor: 'Zoom',
        action: 'heeft 200 miljoen gebruikers',
        statement_en: 'Zoom has 200 million users.',
      },
    ],
  });
  storeArticle(db, {
    path: 'en/advice.html',
    language: 'en',
    outlet: 'Evening Ledger',
    published: '2020-04-08',
    claims: [
      {
        quote: 'The cabinet said civil servants should avoid Zoom.',
        actor: 'The cabinet',
        action: 'said civil servants should avoid Zoom',
        statement_en: 'The cabinet said civil servants should avoid Zoom.',
      },
      {
        quote: 'Zoom has 300 million users <and> counting.',
        actor: 'Zoom',
        action: 'has 300 million users',
        statement_en: 'Zoom has 300 million users.',
      },
    ],
  });
  storeArticle(db, {
    path: 'feeds/wire.jsonl#2',
    language: 'de',
    outlet: 'Nachrichtendienst',
    published: '2020-04-09',
    claims: [
      {
        quote: 'Das Kabinett hat Zoom für Beamte erlaubt.',
        actor: 'Das Kabinett',
        action: 'hat Zoom für Beamte erlaubt',
        statement_en: 'The cabinet allowed Zoom for civil servants.',
      },
    ],
  });
  await contradictionStage(db, { extractor: createRulesExtractor() });
  return { db, out };
}
