import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contradictionStage } from '../pipeline/run/contradictions.ts';
import { detectContradictions } from '../pipeline/contradictions/detect.ts';
import { createRulesExtractor } from '../pipeline/providers/rules.ts';
import type { ClaimRow } from '../pipeline/store/contradictions.ts';
import { openDatabase, type Db } from '../pipeline/store/index.ts';
import { claimRow, storeArticle } from './support/contradiction-claims.ts';
import { tempDir } from './support/folder.ts';

const LANGUAGES = ['en', 'nl', 'de'] as const;
const ACTIONS = {
  en: (n: number) => `counted ${n} dead`,
  nl: (n: number) => `telde ${n} doden`,
  de: (n: number) => `zählten ${n} Tote`,
};
const ACTORS = { en: 'Officials', nl: 'De autoriteiten', de: 'Die Behörden' };

/** A widely reported figure: `counts[i]` claims give `values[i]`, spread over languages, outlets and days. */
function reportedFigure(values: readonly number[], counts: readonly number[]): ClaimRow[] {
  const claims: ClaimRow[] = [];
  values.forEach((value, group) => {
    for (let i = 0; i < counts[group]!; i += 1) {
      const language = LANGUAGES[(i + group) % 3]!;
      claims.push(
        claimRow({
          language,
          actor: ACTORS[language],
          action: ACTIONS[language](value),
          statement_en: `Officials counted ${value} dead after the quake.`,
          cluster_id: 'quake',
          published: `2021-03-${String(1 + ((i * 7 + group) % 28)).padStart(2, '0')}`,
        }),
      );
    }
  });
  return claims;
}

const earliest = (claims: readonly ClaimRow[]) =>
  [...claims].sort((x, y) => (x.published! + x.claim_id).localeCompare(y.published! + y.claim_id))[0]!;

describe('contradictions in a large cluster', () => {
  it('compares each pair of positions once, through the earliest claim of each, with how many claims stand behind it', () => {
    const sizes = [100, 70, 30];
    const claims = reportedFigure([120, 45, 300], sizes);
    const found = detectContradictions(claims);
    expect(found.map((item) => item.kind)).toEqual(['numeric', 'numeric', 'numeric']);
    const representatives = [0, 1, 2].map((group) =>
      earliest(claims.filter((claim) => claim.action.includes(String([120, 45, 300][group])))),
    );
    const sizeOf = new Map(representatives.map((claim, group) => [claim.claim_id, sizes[group]!]));
    for (const item of found) {
      expect(sizeOf.has(item.claim_a) && sizeOf.has(item.claim_b)).toBe(true);
      expect([item.support_a, item.support_b]).toEqual([sizeOf.get(item.claim_a), sizeOf.get(item.claim_b)]);
      expect(item.explanation).toMatch(
        /^A gives \d+ \w+ \(".+"\), B gives \d+ \w+ \(".+"\): \d+% apart, more than rounding allows\. A's side is stated by \d+ claims, B's by \d+ claims\.$/,
      );
      expect(item.explanation).toContain(`stated by ${item.support_a} claims, B's by ${item.support_b} claims`);
    }
    const pairs = found.map((item) =>
      [item.claim_a, item.claim_b]
        .map((id) => sizeOf.get(id))
        .sort()
        .join('/'),
    );
    expect(pairs.sort()).toEqual(['100/30', '100/70', '30/70']);
  });

  it('finds the same contradictions whatever order the claims come in', () => {
    const claims = reportedFigure([120, 45, 300], [40, 20, 10]);
    expect(detectContradictions([...claims].reverse())).toEqual(detectContradictions(claims));
  });

  it('looks at a bounded number of positions: many one-off figures add no pairs past the cap', () => {
    // 5 % apart, more than rounding allows, and never a year (1900–2100 reads as one)
    const values = (n: number) => Array.from({ length: n }, (_, i) => Math.round(100 * 1.05 ** i));
    const ones = (n: number) => Array.from({ length: n }, () => 1);
    const thirty = detectContradictions(reportedFigure(values(30), [5, 4, ...ones(28)]));
    const sixty = detectContradictions(reportedFigure(values(60), [5, 4, ...ones(58)]));
    expect(thirty.length).toBeLessThanOrEqual(66);
    expect(sixty.length).toBe(thirty.length);
    // the best supported positions are among those compared
    expect(
      thirty.some(
        (item) => (item.support_a === 5 && item.support_b === 4) || (item.support_a === 4 && item.support_b === 5),
      ),
    ).toBe(true);
  });

  it('keeps claims about numbered units apart across clusters ("district 5" is not "district 6")', () => {
    const claims = Array.from({ length: 60 }, (_, i) =>
      claimRow({
        language: 'en',
        actor: `The council of district ${i + 1}`,
        action: `approved a budget of ${(i + 1) * 7} million euros`,
        statement_en: `The council of district ${i + 1} approved a budget of ${(i + 1) * 7} million euros on Monday.`,
        cluster_id: `district-${i + 1}`,
      }),
    );
    expect(detectContradictions(claims)).toEqual([]);
  });
});

let db: Db | undefined;
afterEach(() => db?.close());

describe('the contradictions stage on a large cluster', () => {
  it('stores one row per pair of positions, with support, and a re-run changes nothing', async () => {
    db = openDatabase(join(tempDir(), 'claims.sqlite'));
    const values = [120, 45, 300];
    for (let i = 0; i < 200; i += 1) {
      const value = values[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0]!;
      storeArticle(db, {
        path: `quake/${i}.txt`,
        language: 'en',
        outlet: `Outlet ${i % 9}`,
        published: `2021-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        claims: [
          {
            quote: `Officials counted ${value} dead after the quake.`,
            actor: 'Officials',
            action: `counted ${value} dead`,
            statement_en: `Officials counted ${value} dead after the quake.`,
          },
        ],
      });
    }
    db.prepare(
      "INSERT INTO clusters (cluster_id, statement_en) VALUES ('quake', 'Officials counted the dead after the quake.')",
    ).run();
    db.prepare("UPDATE claims SET cluster_id = 'quake'").run();
    const first = await contradictionStage(db, { extractor: createRulesExtractor() });
    const rows = () =>
      db!
        .prepare(
          'SELECT kind, claim_a, claim_b, explanation, score, support_a, support_b FROM contradictions ORDER BY contradiction_id',
        )
        .all() as { kind: string; support_a: number; support_b: number; explanation: string }[];
    const stored = rows();
    expect(first.contradictions).toBe(3);
    expect(stored.map((row) => row.kind)).toEqual(['numeric', 'numeric', 'numeric']);
    const counts = (
      db.prepare('SELECT count(*) AS n FROM claims GROUP BY substr(action, 9) ORDER BY n').all() as { n: number }[]
    ).map((row) => row.n);
    expect(stored.map((row) => [row.support_a, row.support_b].sort((x, y) => x - y).join('/')).sort()).toEqual(
      [
        [counts[0], counts[1]],
        [counts[0], counts[2]],
        [counts[1], counts[2]],
      ]
        .map((pair) => pair.join('/'))
        .sort(),
    );
    const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const again = await contradictionStage(db, { extractor: createRulesExtractor() });
    expect(again).toMatchObject({ contradictions: 3, inserted: 0, updated: 0, deleted: 0 });
    expect((db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(changes);
    expect(rows()).toEqual(stored);
  });
});
