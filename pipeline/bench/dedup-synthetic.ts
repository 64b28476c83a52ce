import { createEmbeddingStore, setEmbedding, type EmbeddingStore } from '../dedup/embeddings.ts';
import type { DedupClaim } from '../dedup/features.ts';
import { aliasEntries, verbEntries, type DedupLanguage } from '../dedup/lexicons.ts';

/**
 * Generated claims for the benchmark: events (an actor, a verb, an object, a day), each told by
 * a few claims in English, Dutch and German, with numbers, word order and dates that vary the way
 * reports of one event vary. `event` is the gold cluster.
 */
export type SyntheticClaim = DedupClaim & { event: number };

const LANGUAGES: DedupLanguage[] = ['en', 'nl', 'de'];
const DAY = 86_400_000;
const START = Date.UTC(2019, 0, 1);

/** A seeded stream of numbers in [0, 1) (mulberry32): the same data on every run. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Actor = Record<DedupLanguage, string>;
type Verb = Record<DedupLanguage, string[]>;

function vocabulary() {
  const actors: Actor[] = aliasEntries()
    .filter(
      (entity) =>
        entity.kind === 'named' &&
        LANGUAGES.every((language) => entity.names[language]?.some((name) => !name.endsWith('*'))),
    )
    .map(
      (entity) =>
        Object.fromEntries(
          LANGUAGES.map((language) => [language, entity.names[language]!.find((name) => !name.endsWith('*'))!]),
        ) as Actor,
    );
  return { actors, verbs: verbEntries().filter((verb) => verb.frame !== 'speech' && verb.frame !== 'have') };
}

/** Letters only: a made-up word per number (0 → "ba", 1 → "ca"…). */
const word = (n: number) => {
  let text = '';
  let rest = n;
  do {
    text += 'bcdfghjklmnpqrstvwxz'[rest % 20];
    rest = Math.floor(rest / 20);
    text += 'aeiou'[rest % 5];
    rest = Math.floor(rest / 5);
  } while (rest > 0);
  return text;
};
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function syntheticClaims(count: number, seed = 42): SyntheticClaim[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const { actors, verbs } = vocabulary();
  const contentWords = Math.max(1000, Math.floor(count / 2));
  const claims: SyntheticClaim[] = [];
  // One string per day, as a database read would share them no less than the claims do.
  const days = new Map<number, string>();
  const isoDay = (time: number) =>
    days.get(time) ?? (days.set(time, new Date(time).toISOString().slice(0, 10)), days.get(time)!);
  let event = 0;
  let last: { actor: Actor; verb: Verb; brand: string; day: number } | undefined;
  while (claims.length < count) {
    // A follow-up: the same actor doing the same to the same brand days later, told with other
    // words — a different fact that shares most of its keys with the last event.
    const followUp = last && next() < 0.2 ? last : undefined;
    // Zipf-like: most actors are the few big ones, as in news.
    const actor =
      followUp?.actor ??
      (next() < 0.7
        ? actors[Math.floor(next() ** 2 * actors.length)]!
        : ({
            en: `Org${word(event % 5000)}`,
            nl: `Org${word(event % 5000)}`,
            de: `Org${word(event % 5000)}`,
          } as Actor));
    const verb = followUp?.verb ?? pick(verbs);
    const object = [
      word(Math.floor(next() ** 1.5 * contentWords)),
      word(Math.floor(next() * contentWords)),
      word(Math.floor(next() * contentWords)),
    ];
    const brand = followUp?.brand ?? `Brand${word(Math.floor(next() * count))}`;
    const day = followUp ? followUp.day + Math.floor(next() * 10) * DAY : START + Math.floor(next() * 3 * 365) * DAY;
    last = { actor, verb, brand, day };
    const mentions = 1 + Math.floor(next() * 7);
    for (let m = 0; m < mentions && claims.length < count; m += 1) {
      const language = pick(LANGUAGES);
      const verbForm = pick(
        verb[language].filter((form) => !form.includes(' ')).length
          ? verb[language].filter((form) => !form.includes(' '))
          : verb[language],
      );
      const words = object.filter(() => next() < 0.85);
      const number = Math.floor(next() * 1000);
      const date = isoDay(day + Math.floor(next() * 3) * DAY);
      // Joined, not templated: a template makes a chain of string pieces per claim, which at a
      // million claims costs as much memory as the clustering.
      claims.push({
        claim_id: `s${claims.length.toString(36).padStart(6, '0')}`,
        // Each mention in its own article, beside mentions of three neighbouring events: dedup
        // never joins two claims of one article (an article tells a fact once), so mentions
        // sharing one would be gold pairs no clustering may find.
        article_id: `a${Math.floor(event / 4)}-${m}`,
        language,
        actor: actor[language],
        action: [verbForm, brand, words.join(' '), number].join(' '),
        statement_en: [
          capitalise(actor.en),
          pick(verb.en),
          brand,
          words.join(' '),
          number,
          `${word(Math.floor(next() * contentWords))}.`,
        ].join(' '),
        date_start: next() < 0.7 ? date : null,
        date_end: null,
        date_precision: 'day',
        published: isoDay(day + DAY),
        event,
      });
    }
    event += 1;
  }
  return claims;
}

/** e5-small's width: the vectors a real run stores beside each claim. */
export const EMBEDDING_DIMENSIONS = 384;

/**
 * A sentence vector per claim near its event's: a random direction per event plus noise, so
 * claims of one event score about 0.9 with each other and claims of different events near 0,
 * as multilingual-e5 does for a translation against an unrelated sentence. Written straight into
 * the store the clusterer reads (row `i` for `claims[i]`): a million float vectors as arrays
 * would take 1.7 GB before clustering starts.
 */
export function syntheticEmbeddings(claims: readonly SyntheticClaim[], seed = 7, noise = 0.35): EmbeddingStore {
  const next = random(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
  const store = createEmbeddingStore(claims.length, EMBEDDING_DIMENSIONS);
  let event = -1;
  const centre = new Float32Array(EMBEDDING_DIMENSIONS);
  const vector = new Float32Array(EMBEDDING_DIMENSIONS);
  claims.forEach((claim, row) => {
    if (claim.event !== event) {
      event = claim.event;
      for (let d = 0; d < EMBEDDING_DIMENSIONS; d += 1) centre[d] = gaussian();
    }
    for (let d = 0; d < EMBEDDING_DIMENSIONS; d += 1) vector[d] = centre[d]! + noise * gaussian();
    setEmbedding(store, row, vector);
  });
  return store;
}
