import { CONCEPT_HEADS, type ClaimFeatures } from './features.ts';
import { positionOf, positionsOf, RULE_KINDS, type Position, type PositionKind } from './positions.ts';
import { subjectsMatch } from './subjects.ts';
import { phraseTokens } from '../text/words.ts';
import { jaccard } from './text.ts';

/**
 * Two representative claims to compare, and for each kind they stand for two positions on, how
 * many claims hold A's position and B's: a disagreement among hundreds of claims is one pair.
 */
export type CandidatePair = {
  a: ClaimFeatures;
  b: ClaimFeatures;
  similarity: number;
  sameCluster: boolean;
  sameArticle: boolean;
  support: Map<PositionKind, [number, number]>;
};

/** Below this share of content words, two claims that merely share an actor and verb are different events. */
export const TOPIC_SIMILARITY = 0.3;
/** Two claims taking sides on one concept ("still vulnerable", "fixed") about one actor need less in common. */
const CONCEPT_SIMILARITY = 0.05;
/** A block this large is a stop-word of actors ("government said"): pairing any of it would be noise. */
const MAX_BLOCK = 400;
/**
 * Positions compared per block and kind, the best supported first: a cluster with hundreds of
 * figures still yields at most 66 pairs per kind, and the long tail of one-off values waits.
 */
export const MAX_POSITIONS = 12;
/** Across clusters the similarity bar discards most pairs, so more positions may be looked at. */
const MAX_CROSS_POSITIONS = 24;
/**
 * A block whose positions on a kind are held by so few claims that comparing them claim by claim
 * takes at most this many pairs is compared claim by claim, so a reviewer sees exactly which
 * claims disagree; beyond it, each position's representative stands for it.
 */
const MAX_EXPANDED_PAIRS = 16;
/**
 * When two positions' representatives in a cluster cannot be paired (one article), a few other
 * members are tried; across clusters the similarity bar decides, and members of one cluster read alike.
 */
const FALLBACK_MEMBERS = 3;

const sourceKey = (features: ClaimFeatures) => phraseTokens(features.claim.source ?? '').join(' ');
const clusterOf = (features: ClaimFeatures) => features.claim.cluster_id ?? `claim:${features.claim.claim_id}`;

const disjoint = (x: ReadonlySet<string>, y: ReadonlySet<string>) =>
  x.size > 0 && y.size > 0 && ![...x].some((item) => y.has(item));
const eachHasOwn = (x: ReadonlySet<string>, y: ReadonlySet<string>) =>
  [...x].some((item) => !y.has(item)) && [...y].some((item) => !x.has(item));
/**
 * Different places, people or numbered units named ("Germany" against "Netherlands", "district 5"
 * against "district 6") make different subjects; so do actors that are not one subject ("oil
 * prices" against "consumer prices"): across clusters a shared verb or word is not enough.
 */
const subjectsClash = (a: ClaimFeatures, b: ClaimFeatures) =>
  eachHasOwn(a.names, b.names) || disjoint(a.actorNumbers, b.actorNumbers) || !subjectsMatch(a.subject, b.subject);

type Block = { key: string; members: ClaimFeatures[] };

/**
 * Claims of one cluster, and claims that share an actor word and either an action head or an
 * object word (so pairs across clusters, or before dedup has run).
 */
function blocksOf(features: readonly ClaimFeatures[]): Block[] {
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
    // Figures in one unit about one head noun ("energy prices … 47.4 %", "energy prices … 44.7 %"), whatever verb
    // carries them.
    if (item.subject.head)
      for (const unit of new Set(item.quantities.map((quantity) => quantity.unit).filter(Boolean)))
        add(`measure:${item.subject.head}|${unit}`, item);
  }
  return [...blocks].filter(([, members]) => members.length > 1).map(([key, members]) => ({ key, members }));
}

/**
 * Each claim's position on each kind, worked out once (a claim sits in many blocks), as a number:
 * within a cluster the position itself, across clusters the cluster's position (cluster × span + position).
 */
function positionIndex(features: readonly ClaimFeatures[], kinds: readonly PositionKind[]) {
  const ids = kinds.map(() => new Map<string, number>());
  const clusters = new Map<string, number>();
  const known = new Map<ClaimFeatures, { cluster: number; positions: number[] }>();
  const intern = (table: Map<string, number>, key: string) => table.get(key) ?? table.set(key, table.size).size - 1;
  for (const item of features) {
    const positions = kinds.map((kind, k) => {
      const key = positionOf(item, kind);
      return key === null ? -1 : intern(ids[k]!, key);
    });
    known.set(item, { cluster: intern(clusters, clusterOf(item)), positions });
  }
  return {
    position(item: ClaimFeatures, k: number, perCluster: boolean): number | null {
      const { cluster, positions } = known.get(item)!;
      const id = positions[k]!;
      return id < 0 ? null : perCluster ? cluster * ids[k]!.size + id : id;
    },
  };
}

/**
 * Pairs worth comparing, without comparing all pairs: within each block, the claims are grouped
 * by their position on each kind and one representative per position is compared with the
 * others, so the pairs grow with the distinct positions (capped), not with the claims. Across
 * clusters, positions are taken per cluster and kept only when the claims read alike enough
 * and name no clashing subjects. Two claims of one article are paired only when the article
 * credits them to different sources.
 */
export function candidatePairs(
  features: readonly ClaimFeatures[],
  options: { judging?: boolean } = {},
): CandidatePair[] {
  const kinds: readonly PositionKind[] = options.judging ? [...RULE_KINDS, 'statement'] : RULE_KINDS;
  const pairs = new Map<string, CandidatePair>();
  const index = positionIndex(features, kinds);
  for (const block of blocksOf(features)) {
    const isCluster = block.key.startsWith('cluster:');
    if (!isCluster && block.members.length > MAX_BLOCK) continue;
    const conceptHead = block.key.startsWith('head:') && CONCEPT_HEADS.has(block.key.slice(5, block.key.indexOf('|')));
    const compare = (a: ClaimFeatures, b: ClaimFeatures): number | null => {
      if (a.claim.claim_id === b.claim.claim_id) return null;
      if (
        a.claim.article_id === b.claim.article_id &&
        (!a.claim.source || !b.claim.source || sourceKey(a) === sourceKey(b))
      )
        return null;
      // Numbered units are different subjects even when dedup put them together.
      if (isCluster ? disjoint(a.actorNumbers, b.actorNumbers) : clusterOf(a) === clusterOf(b) || subjectsClash(a, b))
        return null;
      const similarity = jaccard(a.content, b.content);
      return isCluster || similarity >= (conceptHead ? CONCEPT_SIMILARITY : TOPIC_SIMILARITY) ? similarity : null;
    };
    // The kinds of one block mostly meet the same representatives: each pair is judged once per block.
    const judged = new Map<string, number | null>();
    const allowed = (a: ClaimFeatures, b: ClaimFeatures): number | null => {
      const id = `${a.claim.claim_id}|${b.claim.claim_id}`;
      let verdict = judged.get(id);
      if (verdict === undefined) judged.set(id, (verdict = compare(a, b)));
      return verdict;
    };
    kinds.forEach((kind, k) => {
      const positions = positionsOf(
        block.members,
        (item) => index.position(item, k, !isCluster),
        isCluster ? MAX_POSITIONS : MAX_CROSS_POSITIONS,
      );
      const claims = positions.reduce((sum, position) => sum + position.members.length, 0);
      const memberPairs =
        (claims * claims - positions.reduce((sum, position) => sum + position.members.length ** 2, 0)) / 2;
      const width = memberPairs <= MAX_EXPANDED_PAIRS ? Number.POSITIVE_INFINITY : isCluster ? FALLBACK_MEMBERS : 1;
      for (let i = 0; i < positions.length; i += 1) {
        for (let j = i + 1; j < positions.length; j += 1)
          addPair(pairs, kind, positions[i]!, positions[j]!, allowed, width);
      }
    });
  }
  return [...pairs.values()].sort((x, y) =>
    (x.a.claim.claim_id + x.b.claim.claim_id).localeCompare(y.a.claim.claim_id + y.b.claim.claim_id),
  );
}

/**
 * The pairs that compare two positions, recorded with both positions' support: every pair of
 * members when the block is compared claim by claim (unbounded width), else the first pair of
 * the first `width` members, representatives first, that may be compared.
 */
function addPair(
  pairs: Map<string, CandidatePair>,
  kind: PositionKind,
  x: Position,
  y: Position,
  allowed: (a: ClaimFeatures, b: ClaimFeatures) => number | null,
  width: number,
): void {
  const expand = width === Number.POSITIVE_INFINITY;
  const [xs, ys] = [x.members.slice(0, width), y.members.slice(0, width)];
  for (const first of xs) {
    for (const second of ys) {
      const similarity = allowed(first, second);
      if (similarity === null) continue;
      record(pairs, kind, first, second, similarity, [x.members.length, y.members.length]);
      if (!expand) return;
    }
  }
}

function record(
  pairs: Map<string, CandidatePair>,
  kind: PositionKind,
  first: ClaimFeatures,
  second: ClaimFeatures,
  similarity: number,
  support: [number, number],
): void {
  const swap = second.claim.claim_id < first.claim.claim_id;
  const [a, b] = swap ? [second, first] : [first, second];
  const oriented: [number, number] = swap ? [support[1], support[0]] : support;
  const id = `${a.claim.claim_id}|${b.claim.claim_id}`;
  let pair = pairs.get(id);
  if (!pair) {
    const sameCluster = Boolean(a.claim.cluster_id && a.claim.cluster_id === b.claim.cluster_id);
    pair = {
      a,
      b,
      similarity,
      sameCluster,
      sameArticle: a.claim.article_id === b.claim.article_id,
      support: new Map(),
    };
    pairs.set(id, pair);
  }
  const before = pair.support.get(kind);
  pair.support.set(kind, before ? [Math.max(before[0], oriented[0]), Math.max(before[1], oriented[1])] : oriented);
}
