import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, rows } from './support/ingest.ts';

/**
 * What a rules run on corpus/ stores, by content: every claim, which claims share a cluster,
 * every contradiction shown or held. A change of layout must leave it exactly as it was; a change
 * of behaviour rewrites it on purpose (UPDATE_SNAPSHOT=1 npx vitest run tests/corpus-snapshot.test.ts)
 * and the diff of the file shows what changed, claim by claim.
 */
const SNAPSHOT = 'tests/snapshots/corpus-rules.json';

type Claim = {
  claim_id: string;
  path: string;
  char_start: number;
  actor: string;
  action: string;
  quote: string;
  statement_en: string;
  cluster_id: string | null;
};

function snapshotOf(db: Parameters<typeof rows>[0]) {
  const claims = rows<Claim>(
    db,
    'SELECT claim_id, path, char_start, actor, action, quote, statement_en, polarity, modality, date_start, date_end, source, alignment, cluster_id FROM v_claims',
  );
  // Ids are hashes of content; a claim is named here by where it sits, which a reader can check.
  const name = new Map(claims.map((claim) => [claim.claim_id, `${claim.path}@${claim.char_start}`]));
  const members = new Map<string, string[]>();
  for (const claim of claims)
    if (claim.cluster_id)
      members.set(claim.cluster_id, [...(members.get(claim.cluster_id) ?? []), name.get(claim.claim_id)!]);
  const pairOf = (a: string, b: string) => [name.get(a)!, name.get(b)!].sort().join(' | ');
  return {
    articles: rows(db, 'SELECT path, status, language, n_claims FROM v_articles ORDER BY path'),
    claims: claims
      .map(({ claim_id, cluster_id, ...rest }) => rest)
      .sort((a, b) => `${a.path}@${a.char_start}`.localeCompare(`${b.path}@${b.char_start}`)),
    unaligned: rows(db, 'SELECT path, quote, reason FROM v_unaligned ORDER BY path, quote, reason'),
    clusters: [...members.values()]
      .filter((group) => group.length > 1)
      .map((group) => group.sort().join(' + '))
      .sort(),
    contradictions: rows<{ kind: string; claim_a: string; claim_b: string }>(
      db,
      'SELECT kind, claim_a, claim_b FROM v_contradictions',
    )
      .map((row) => `${row.kind}: ${pairOf(row.claim_a, row.claim_b)}`)
      .sort(),
    held: rows<{ kind: string; claim_a: string; claim_b: string; held: string }>(
      db,
      'SELECT kind, claim_a, claim_b, held FROM v_contradiction_candidates',
    )
      .map((row) => `${row.kind}: ${pairOf(row.claim_a, row.claim_b)} (${row.held})`)
      .sort(),
  };
}

describe('a rules run on corpus/', () => {
  const out = mkdtempSync(join(tmpdir(), 'claimlens-snapshot-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('stores the same claims, clusters and contradictions as the snapshot', async () => {
    const { db } = await ingest('corpus', out);
    const actual = snapshotOf(db);
    db.close();
    // Written only when asked: a missing snapshot fails, it never passes by writing itself.
    if (process.env.UPDATE_SNAPSHOT === '1') writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 1)}\n`);
    expect(existsSync(SNAPSHOT), `${SNAPSHOT} is missing: write it with UPDATE_SNAPSHOT=1`).toBe(true);
    const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
    expect(actual.claims.length).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
  }, 120_000);
});
