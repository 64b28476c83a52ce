import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SupportedLanguage } from '../../schemas/article.ts';
import { GoldFile, type GoldClaim, type GoldContradiction, type GoldNearMiss } from '../../schemas/gold.ts';
import { ClaimlensError } from '../errors.ts';

/** A gold claim placed in its article: code-point offsets, as v_claims counts them. */
export type PlacedGoldClaim = GoldClaim & { path: string; char_start: number; char_end: number };
export type GoldArticleText = { path: string; language: SupportedLanguage; text: string; claims: PlacedGoldClaim[] };
export type Gold = {
  articles: Map<string, GoldArticleText>;
  claims: Map<string, PlacedGoldClaim>;
  contradictions: GoldContradiction[];
  nearMisses: GoldNearMiss[];
};

const codePoints = (text: string) => [...text].length;

/**
 * Reads every gold file and checks it against the stored texts (path → text, as the loader
 * produces them): every article is known, every quote occurs verbatim, every id is unique and
 * every pair names claims that exist. Any mismatch is an error listing all problems at once.
 */
export function loadGold(goldFolder: string, storedTexts: ReadonlyMap<string, string>): Gold {
  const problems: string[] = [];
  const gold: Gold = { articles: new Map(), claims: new Map(), contradictions: [], nearMisses: [] };
  const files = readdirSync(goldFolder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  if (files.length === 0) problems.push(`no gold files (*.yaml) in ${goldFolder}`);
  for (const name of files) {
    const parsed = GoldFile.safeParse(parseYaml(readFileSync(join(goldFolder, name), 'utf8')));
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `${name}: ${issue.path.join('.')}: ${issue.message}`));
      continue;
    }
    for (const article of parsed.data.articles) {
      const text = storedTexts.get(article.path);
      if (text === undefined) {
        problems.push(`${name}: no stored article at path ${article.path}`);
        continue;
      }
      if (gold.articles.has(article.path)) problems.push(`${name}: article ${article.path} is annotated twice`);
      const placed: PlacedGoldClaim[] = [];
      for (const claim of article.claims) {
        if (gold.claims.has(claim.id)) problems.push(`${name}: claim id ${claim.id} is used twice`);
        const index = text.indexOf(claim.quote);
        if (index < 0) {
          problems.push(`${name}: quote of ${claim.id} is not in the stored text of ${article.path}: "${claim.quote}"`);
          continue;
        }
        const start = codePoints(text.slice(0, index));
        const one = { ...claim, path: article.path, char_start: start, char_end: start + codePoints(claim.quote) };
        placed.push(one);
        gold.claims.set(claim.id, one);
      }
      gold.articles.set(article.path, { path: article.path, language: article.language, text, claims: placed });
    }
    gold.contradictions.push(...parsed.data.contradictions);
    gold.nearMisses.push(...parsed.data.near_misses);
  }
  for (const pair of [...gold.contradictions, ...gold.nearMisses]) {
    for (const end of [pair.a, pair.b])
      if (!gold.claims.has(end)) problems.push(`pair ${pair.a} / ${pair.b} names unknown claim ${end}`);
    if (pair.a === pair.b) problems.push(`pair ${pair.a} / ${pair.b} pairs a claim with itself`);
  }
  for (const path of storedTexts.keys())
    if (!gold.articles.has(path)) problems.push(`article ${path} has no gold annotation`);
  if (problems.length > 0) {
    throw new ClaimlensError(
      'BAD_GOLD',
      `gold annotations do not match the corpus:\n  ${problems.join('\n  ')}`,
      'fix the files in corpus/gold (see corpus/README.md)',
    );
  }
  return gold;
}

/** The claims that share a cluster key, as sets of gold claim ids. */
export function goldClusters(gold: Gold): Map<string, string[]> {
  const clusters = new Map<string, string[]>();
  for (const claim of gold.claims.values())
    clusters.set(claim.cluster, [...(clusters.get(claim.cluster) ?? []), claim.id]);
  return clusters;
}
