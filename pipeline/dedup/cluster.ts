import { contentId } from '../hash.ts';
import { blockIndex, blockingKeys, latestUnderKey } from './blocking.ts';
import { claimInterval, timeKey } from './dates.ts';
import { hasEmbedding, quantiseEmbeddings, type EmbeddingStore } from './embeddings.ts';
import { capitalisedTexts, claimFeatures, internPool, type ClaimFeatures, type DedupClaim } from './features.ts';
import { addToProfile, EMPTY_CONTEXT, type CapitalProfile, type Context } from './identity.ts';
import { loadLexicons, type Lexicons } from './lexicons.ts';
import { representatives } from './representative.ts';
import { pairScore, SAME_EVENT, type ClaimSpace, type Comparable } from './similarity.ts';
import { vectorise } from './vectors.ts';

export type ClusterOptions = {
  /**
   * Forget previous assignments and cluster afresh (after a lexicon or scoring change), keeping ids where members stay
   * together.
   */
  rebuild?: boolean;
  /** How many of a block's latest claims a new claim is compared with: bounds the work per claim. */
  blockWindow?: number;
  /** Score threshold for joining a cluster. */
  threshold?: number;
  lexicons?: Lexicons;
  /**
   * The claims' sentence vectors, row `i` for `claims[i]`, when the caller already holds them in
   * this form: the claims' own `embedding` fields are then not read.
   */
  embeddings?: EmbeddingStore | null;
};

export type ClusterResult = {
  /** Every claim's cluster. */
  assignments: Map<string, string>;
  /** Every cluster's representative English statement. */
  statements: Map<string, string>;
  /** Pairs scored: the cost that blocking keeps near-linear. */
  comparisons: number;
};

/** Members of a cluster a joining claim is checked against: bounds the work for a large cluster. */
const MAX_LINK_CHECKS = 16;
/**
 * A joining claim must score this share of the threshold with each checked member: without
 * embeddings only a veto (0: dates, actors or labels apart) keeps it out; with them, meaning is
 * sharp enough to ask for agreement with every member (measured by `npm run eval`, gold input).
 */
const LINK_SHARE = { lexical: 0.5, embedded: 0.8 };

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Groups claims that answer the same question about the same event. Claims already assigned
 * (`previous`: claim id → cluster id) keep their cluster; each new claim, in time order, joins
 * the cluster of its best-scoring earlier claim among those sharing a blocking key, or founds a
 * cluster whose id derives from its own claim id. The same input always gives the same output.
 */
export function clusterClaims(
  unordered: readonly DedupClaim[],
  previous: ReadonlyMap<string, string>,
  options: ClusterOptions = {},
): ClusterResult {
  const lexicons = options.lexicons ?? loadLexicons();
  // Placed in time order, each claim is compared with the claims just before it: with every
  // claim's features and vectors made in that order too, those lie near its own in memory. In the
  // order given, at a million claims, each comparison waits on memory far away.
  const order = timeOrder(unordered);
  const claims = Array.from(order, (i) => unordered[i]!);
  const embeddings = options.embeddings
    ? { store: options.embeddings, rows: order }
    : { store: options.embeddings === null ? null : quantiseEmbeddings(claims.map((claim) => claim.embedding)) };
  const profile: CapitalProfile = new Map();
  for (const claim of claims) for (const text of capitalisedTexts(claim)) addToProfile(profile, text);
  const pool = internPool();
  const features = claims.map((claim) => claimFeatures(claim, lexicons, pool, profile));
  pool.words.clear();
  pool.lists.clear();
  pool.intervals.clear();
  profile.clear();
  const { group, fixedName, founder, comparisons } = placeClaims(claims, features, embeddings, previous, options);
  const names = nameGroups(claims, group, fixedName, founder, options.rebuild ? previous : new Map());
  const assignments = new Map<string, string>();
  claims.forEach((claim, i) => assignments.set(claim.claim_id, names[group[i]!]!));
  const statements = representatives(claims, features, group, names);
  return { assignments, statements, comparisons };
}

type Placement = {
  /** Each claim's group. */
  group: Int32Array;
  /** Each group's id where it keeps one from before, else null. */
  fixedName: (string | null)[];
  /** Each group's earliest claim, which names it. */
  founder: number[];
  comparisons: number;
};

/**
 * Places each claim in a group, in time order. Its own function so that what placing needs
 * (the claims' vectors, the blocking index) is freed before the clusters are named.
 */
function placeClaims(
  claims: readonly DedupClaim[],
  features: readonly ClaimFeatures[],
  embeddings: { store: EmbeddingStore | null; rows?: Int32Array },
  previous: ReadonlyMap<string, string>,
  options: ClusterOptions,
): Placement {
  const window = options.blockWindow ?? 32;
  const threshold = options.threshold ?? SAME_EVENT;
  const articles = articleContexts(claims, features);
  const { words, grams, rarest } = vectorise(features);
  const space: ClaimSpace = { words, grams, embeddings: embeddings.store };
  const embeddingRow = (i: number) => embeddings.rows?.[i] ?? i;
  const items: Comparable[] = features.map((feature, index) => ({
    features: feature,
    row: index,
    embeddingRow: embeddingRow(index),
    space,
    articleId: claims[index]!.article_id,
    article: articles.get(claims[index]!.article_id) ?? EMPTY_CONTEXT,
  }));
  const order = claims
    .map((_, index) => index)
    .sort(
      (a, b) =>
        timeKey(features[a]!.interval) - timeKey(features[b]!.interval) ||
        compareIds(claims[a]!.claim_id, claims[b]!.claim_id),
    );

  const rank = new Int32Array(claims.length);
  order.forEach((i, at) => (rank[i] = at));
  const group = new Int32Array(claims.length).fill(-1);
  const fixedName: (string | null)[] = [];
  const founder: number[] = [];
  // Claims kept from earlier runs are entered first, then each new claim as it is placed.
  const kept = (i: number) => !options.rebuild && previous.has(claims[i]!.claim_id);
  const blocks = blockIndex(Int32Array.from([...order.filter(kept), ...order.filter((i) => !kept(i))]), (i) =>
    blockingKeys(
      features[i]!,
      rarest(i),
      { store: embeddings.store, row: embeddingRow(i) },
      identityForBlocking(features[i]!, items[i]!.article),
    ),
  );
  let entered = 0;
  const enter = () => (entered += 1);

  if (!options.rebuild) {
    const groupOfName = new Map<string, number>();
    for (const i of order) {
      const name = previous.get(claims[i]!.claim_id);
      if (name === undefined) continue;
      let g = groupOfName.get(name);
      if (g === undefined) {
        g = fixedName.push(name) - 1;
        founder.push(i);
        groupOfName.set(name, g);
      }
      group[i] = g;
      enter();
    }
  }

  let comparisons = 0;
  let round = 0;
  const seen = new Int32Array(claims.length).fill(-1);
  const members: number[][] = founder.map(() => []);
  // Claims kept from earlier runs stay where they are; a claim moved once does not move others.
  const settled = new Uint8Array(claims.length);
  // Each article's placed claims: an article tells each fact once, so two of its claims that
  // read alike are two facts of one story (the ships waiting when the ship was freed, the ships
  // that passed since), not a repeat to join, unless they state the same.
  const ofArticle = new Map<string, number[]>();
  const place = (i: number, g: number) => {
    group[i] = g;
    members[g]!.push(i);
    const id = claims[i]!.article_id;
    const list = ofArticle.get(id);
    if (list) list.push(i);
    else ofArticle.set(id, [i]);
  };
  group.forEach((g, i) => {
    if (g < 0) return;
    group[i] = -1;
    place(i, g);
    settled[i] = 1;
  });
  // Two clauses of one sentence glossed as the sentence are one claim told twice.
  const sameStatement = (i: number, j: number) => claims[i]!.statement_en === claims[j]!.statement_en;
  const meanScore = (i: number, others: readonly number[]) => {
    comparisons += others.length;
    let sum = 0;
    for (const j of others) sum += pairScore(items[i]!, items[j]!);
    return sum / others.length;
  };
  const share = (i: number) =>
    hasEmbedding(embeddings.store, embeddingRow(i)) ? LINK_SHARE.embedded : LINK_SHARE.lexical;

  const join = (i: number) => {
    round += 1;
    const best = new Map<number, number>();
    const visit = (j: number) => {
      if (seen[j] === round || j === i || group[j]! < 0) return;
      seen[j] = round;
      comparisons += 1;
      const score = pairScore(items[i]!, items[j]!);
      const g = group[j]!;
      if (score > threshold && score > (best.get(g) ?? 0)) best.set(g, score);
    };
    for (let at = blocks.offsets[i]!; at < blocks.offsets[i + 1]!; at += 1)
      latestUnderKey(blocks, blocks.keys[at]!, entered, window, visit);
    const mates = (ofArticle.get(claims[i]!.article_id) ?? []).filter((j) => j !== i && !sameStatement(i, j));
    // The best-scoring cluster that no member of it rules out: one close claim is not enough to
    // chain "ran aground on 23 March" into the cluster of "was freed on 29 March". Where the
    // cluster holds a claim of the same article, it keeps whichever of the two agrees better
    // with its other members, and the other claim looks for another cluster.
    let bestGroup = -1;
    let moved: number[] = [];
    for (const [g] of [...best].sort((x, y) => y[1] - x[1] || x[0] - y[0])) {
      const own = mates.filter((j) => group[j] === g);
      const checked = members[g]!.filter((j) => !own.includes(j)).slice(0, MAX_LINK_CHECKS);
      if (!checked.length) continue;
      comparisons += checked.length;
      if (!checked.every((j) => pairScore(items[i]!, items[j]!) >= threshold * share(i))) continue;
      if (own.length) {
        if (settled[i] || own.some((j) => settled[j])) continue;
        const fit = meanScore(i, checked);
        if (own.some((j) => meanScore(j, checked) >= fit)) continue;
        moved = own;
      }
      bestGroup = g;
      break;
    }
    if (bestGroup < 0) {
      bestGroup = fixedName.push(null) - 1;
      founder.push(i);
      members.push([]);
    }
    for (const j of moved) {
      members[bestGroup] = members[bestGroup]!.filter((member) => member !== j);
      group[j] = -1;
    }
    if (moved.length && moved.includes(founder[bestGroup]!)) founder[bestGroup] = members[bestGroup]![0] ?? i;
    place(i, bestGroup);
    // A claim close to two clusters may be what they have in common ("ran aground in the Suez
    // Canal on 23 March" between "ran aground on 23 March" and "stuck in the Suez Canal"): they
    // become one where every checked pair across them agrees and no article is in both.
    for (const [h] of [...best].sort((x, y) => y[1] - x[1] || x[0] - y[0])) {
      if (h === bestGroup || fixedName[h] !== null || !members[h]!.length) continue;
      const here = members[bestGroup]!.slice(0, MAX_LINK_CHECKS);
      const there = members[h]!.slice(0, MAX_LINK_CHECKS);
      const mates = members[h]!.flatMap((j) => ofArticle.get(claims[j]!.article_id) ?? []);
      if (members[h]!.some((j) => mates.some((k) => group[k] === bestGroup && !sameStatement(j, k)))) continue;
      comparisons += here.length * there.length;
      if (!there.every((j) => here.every((k) => pairScore(items[j]!, items[k]!) >= threshold * share(j)))) continue;
      for (const j of members[h]!) {
        group[j] = bestGroup;
        members[bestGroup]!.push(j);
      }
      if (rank[founder[h]!]! < rank[founder[bestGroup]!]!) founder[bestGroup] = founder[h]!;
      members[h] = [];
    }
    for (const j of moved) {
      const list = ofArticle.get(claims[j]!.article_id)!;
      list.splice(list.indexOf(j), 1);
      settled[j] = 1;
      join(j);
    }
  };
  for (const i of order) {
    if (group[i]! >= 0) continue;
    join(i);
    enter();
  }
  return { group, fixedName, founder, comparisons };
}

/** Claims by time, then by id: the order they are placed in. */
function timeOrder(claims: readonly DedupClaim[]): Int32Array {
  const time = Float64Array.from(claims, (claim) => timeKey(claimInterval(claim)));
  return Int32Array.from(claims.keys()).sort(
    (a, b) => time[a]! - time[b]! || compareIds(claims[a]!.claim_id, claims[b]!.claim_id),
  );
}

/**
 * Who and what each article is about: the entities, names and labels of all its claims. A claim
 * whose own actor is vague ("the money") is placed by the article it comes from.
 */
function articleContexts(claims: readonly DedupClaim[], features: readonly ClaimFeatures[]): Map<string, Context> {
  const merged = new Map<string, { ids: Set<string>; labels: Set<string> }>();
  claims.forEach((claim, i) => {
    const { context } = features[i]!;
    if (!context.ids.length && !context.labels.length) return;
    let article = merged.get(claim.article_id);
    if (!article) merged.set(claim.article_id, (article = { ids: new Set(), labels: new Set() }));
    for (const id of context.ids) article.ids.add(id);
    for (const label of context.labels) article.labels.add(label);
  });
  return new Map(
    [...merged].map(([article, context]) => [article, { ids: [...context.ids], labels: [...context.labels] }]),
  );
}

/**
 * The label numbers that say who a claim is about (district 3): of its actor, or for a vague
 * actor of its article. Names are left to the other keys: a name shared across a story's
 * articles ("Ever Given") would gather far more claims than it tells apart.
 */
function identityForBlocking(feature: ClaimFeatures, article: Context): string[] {
  const numbers = feature.vague
    ? article.labels.map((label) => `#${label.slice(label.indexOf('#') + 1)}`)
    : [...feature.actorKeys, ...feature.subjectKeys].filter((key) => key[0] === '#');
  return [...new Set(numbers)];
}

/**
 * Cluster ids: kept where a cluster already had one; after a rebuild, the old id most of its
 * members carried (each old id to one cluster); otherwise derived from the founding claim.
 */
function nameGroups(
  claims: readonly DedupClaim[],
  group: Int32Array,
  fixedName: readonly (string | null)[],
  founder: readonly number[],
  previous: ReadonlyMap<string, string>,
): string[] {
  const names: (string | null)[] = [...fixedName];
  const used = new Set(names.filter((name): name is string => name !== null));
  if (previous.size) {
    const votes = new Map<string, number>();
    claims.forEach((claim, i) => {
      const old = previous.get(claim.claim_id);
      if (old !== undefined) votes.set(`${group[i]}\u0000${old}`, (votes.get(`${group[i]}\u0000${old}`) ?? 0) + 1);
    });
    const ranked = [...votes]
      .map(([key, count]) => {
        const [g, old] = key.split('\u0000') as [string, string];
        return { g: Number(g), old, count };
      })
      .sort((a, b) => b.count - a.count || compareIds(a.old, b.old) || a.g - b.g);
    for (const { g, old } of ranked) {
      if (names[g] !== null || used.has(old)) continue;
      names[g] = old;
      used.add(old);
    }
  }
  // A cluster merged into another holds no claim and takes no id.
  const live = new Uint8Array(names.length);
  for (const g of group) live[g] = 1;
  return names.map((name, g) => {
    if (name !== null || !live[g]) return name ?? '';
    const claimId = claims[founder[g]!]!.claim_id;
    let id = contentId('cluster', claimId);
    for (let attempt = 1; used.has(id); attempt += 1) id = contentId('cluster', claimId, attempt);
    used.add(id);
    return id;
  });
}
