import { CONCEPT_HEADS, type ClaimFeatures } from './features.ts';
import { jaccard, tokens } from './text.ts';

export type CandidatePair = { a: ClaimFeatures; b: ClaimFeatures; similarity: number; sameCluster: boolean; sameArticle: boolean };

/** Below this share of content words, two claims that merely share an actor and verb are different events. */
export const TOPIC_SIMILARITY = 0.3;
/** Two claims taking sides on one concept ("still vulnerable", "fixed") about one actor need less in common. */
const CONCEPT_SIMILARITY = 0.05;
/** A block this large is a stop-word of actors ("government said"): pairing all of it would be quadratic noise. */
const MAX_BLOCK = 400;

const sourceKey = (features: ClaimFeatures) => tokens(features.claim.source ?? '').join(' ');

/** Different places or people named ("Germany" against "Netherlands") make different subjects. */
const namesClash = (a: ClaimFeatures, b: ClaimFeatures) =>
  a.names.size > 0 && b.names.size > 0 && ![...a.names].some((name) => b.names.has(name));

/**
 * Pairs worth comparing, without comparing all pairs: claims of one cluster, and claims that
 * share an actor word and either an action head or an object word (so pairs across clusters, or
 * before dedup has run), kept when their English statements are alike enough. Two claims of one
 * article are paired only when the article credits them to different sources.
 */
export function candidatePairs(features: readonly ClaimFeatures[]): CandidatePair[] {
  const blocks = new Map<string, ClaimFeatures[]>();
  const add = (key: string, item: ClaimFeatures) => {
    const block = blocks.get(key);
    if (block) block.push(item);
    else blocks.set(key, [item]);
  };
  for (const item of features) {
    if (item.claim.cluster_id) add(`cluster:${item.claim.cluster_id}`, item);
    for (const actor of item.actorKeys) {
      if (item.head) add(`head:${item.head}|${actor}`, item);
      // "banned Zoom" and "advises against Zoom" have different heads but one actor and object.
      for (const object of item.objectKeys) add(`object:${actor}|${object}`, item);
    }
  }
  const pairs = new Map<string, CandidatePair>();
  for (const [key, block] of blocks) {
    const isCluster = key.startsWith('cluster:');
    if (!isCluster && block.length > MAX_BLOCK) continue;
    const conceptHead = key.startsWith('head:') && CONCEPT_HEADS.has(key.slice(5, key.indexOf('|')));
    for (let i = 0; i < block.length; i += 1) {
      for (let j = i + 1; j < block.length; j += 1) {
        const [a, b] = block[i]!.claim.claim_id < block[j]!.claim.claim_id ? [block[i]!, block[j]!] : [block[j]!, block[i]!];
        if (a.claim.claim_id === b.claim.claim_id) continue;
        const sameArticle = a.claim.article_id === b.claim.article_id;
        if (sameArticle && (!a.claim.source || !b.claim.source || sourceKey(a) === sourceKey(b))) continue;
        const id = `${a.claim.claim_id}|${b.claim.claim_id}`;
        if (pairs.has(id)) continue;
        const sameCluster = Boolean(a.claim.cluster_id && a.claim.cluster_id === b.claim.cluster_id);
        const similarity = jaccard(a.content, b.content);
        if (!sameCluster && (namesClash(a, b) || similarity < (conceptHead ? CONCEPT_SIMILARITY : TOPIC_SIMILARITY))) continue;
        pairs.set(id, { a, b, similarity, sameCluster, sameArticle });
      }
    }
  }
  return [...pairs.values()].sort((x, y) => (x.a.claim.claim_id + x.b.claim.claim_id).localeCompare(y.a.claim.claim_id + y.b.claim.claim_id));
}
