import type { StoredClaim } from '../../schemas/claim.ts';
import { actorIds, findEntities } from './actors.ts';
import { claimInterval, type Interval } from './dates.ts';
import { figuresOf } from './figures.ts';
import { identityBefore, identityKeys, identityOf, readWords, type CapitalProfile, type Context } from './identity.ts';
import { asDedupLanguage, type DedupLanguage, type Lexicons } from './lexicons.ts';
import { relativeClauses } from './relative.ts';
import { stem } from '../text/stem.ts';
import { isNumberToken, nameTokens } from '../text/words.ts';
import { headVerb } from './verbs.ts';

/** What dedup reads of a stored claim; `embedding` when the provider offers one. */
export type DedupClaim = Pick<
  StoredClaim,
  | 'claim_id'
  | 'article_id'
  | 'language'
  | 'actor'
  | 'action'
  | 'statement_en'
  | 'date_start'
  | 'date_end'
  | 'date_precision'
  | 'published'
> & {
  embedding?: ArrayLike<number> | null;
};

export type ClaimFeatures = {
  /** Named actors (taiwan) and their roles (government), from the actor and the statement's subject. */
  named: readonly string[];
  roles: readonly string[];
  /** Actor words as written (folded) and stemmed, for actors the alias table does not know. */
  actorWords: readonly string[];
  actorStems: readonly string[];
  verb: string | null;
  frame: string | null;
  /** What the claim says: its statement's content words and entities, without verbs, numbers, negations or modals. */
  contentWords: readonly string[];
  /** Object words written as names (Zoom, TikTok): two objects with different names are different things. */
  names: readonly string[];
  interval: Interval | null;
  /**
   * Who the actor is, as identity keys (entities, name finals, label numbers; see identity.ts),
   * of the actor as written and of the statement's subject, kept apart: a gloss may name the
   * company where the actor names its chief.
   */
  actorKeys: readonly string[];
  subjectKeys: readonly string[];
  /** Numbered labels anywhere in the claim (article#13): a different number is a different thing. */
  labels: readonly string[];
  /** An actor with no named entity, name or label ("the money", "they", "the government"): context says who it is. */
  vague: boolean;
  /** The statement's entities, names and labels. */
  context: Context;
  /** Precise figures stated (7.5, 30000): a figure two claims share is a sign of one fact. */
  figures: readonly string[];
  /** Content words of the statement's reason clause ("because strong winds ..."): what a why-claim answers. */
  reasonWords: readonly string[];
};

/** The statement's subject ends at its first verb; past this many words the sentence is not subject-first. */
const MAX_SUBJECT = 8;

/**
 * One copy of each word, and of each list of words, across all claims' features: at a million
 * claims, duplicates cost gigabytes. Claims of one actor share its lists (named, roles, keys).
 */
export type InternPool = {
  words: Map<string, string>;
  lists: Map<string, readonly string[]>;
  intervals: Map<string, Interval>;
};

export const internPool = (): InternPool => ({ words: new Map(), lists: new Map(), intervals: new Map() });

/** Intervals are read, never changed: claims of one day share one. */
const internInterval = (interval: Interval | null, pool: InternPool | undefined) => {
  if (!interval || !pool) return interval;
  const key = `${interval.start}:${interval.end}:${interval.anchor}:${interval.precise}`;
  return pool.intervals.get(key) ?? (pool.intervals.set(key, interval), interval);
};

const internAll = (words: Iterable<string>, pool: InternPool | undefined) =>
  pool ? [...words].map((word) => pool.words.get(word) ?? (pool.words.set(word, word), word)) : [...words];

const NONE: readonly string[] = Object.freeze([]);
/** The words without repeats, as a list shared with every claim that has the same one. */
const internList = (words: Iterable<string>, pool: InternPool | undefined): string[] => {
  const unique = [...new Set(words)];
  if (!unique.length) return NONE as string[];
  if (!pool) return unique;
  const key = unique.join('\u0000');
  const known = pool.lists.get(key);
  if (known) return known as string[];
  const list = internAll(unique, pool);
  pool.lists.set(key, list);
  return list;
};

/**
 * The texts whose capitals say what is a name: the claim as written where only names have
 * capitals, and its English statement (not a German claim's: a gloss keeps untranslated nouns).
 */
export function capitalisedTexts(claim: DedupClaim): string[] {
  return asDedupLanguage(claim.language) === 'de' ? [] : [claim.statement_en, claim.actor, claim.action];
}

export function claimFeatures(
  claim: DedupClaim,
  lexicons: Lexicons,
  pool?: InternPool,
  profile?: CapitalProfile,
): ClaimFeatures {
  const language = asDedupLanguage(claim.language);
  const stopEn = lexicons.stopwords.en;
  const stopHere = lexicons.stopwords[language];

  const actorText = readWords(claim.actor);
  const actorTokens = actorText.words;
  const actorMentions = findEntities(actorTokens, lexicons);
  const actor = actorIds(actorMentions);
  const actorNamed = [...actor.named];
  // Raw and stemmed: a stemmer must not keep "Yuan" from meeting "Yuan".
  const actorWords = new Set<string>();
  const actorStems = new Set<string>();
  const addActorWord = (word: string, wordLanguage: DedupLanguage) => {
    actorWords.add(word);
    actorStems.add(stem(word, wordLanguage));
  };
  const isActorWord = (word: string, stemmed: string) =>
    actorWords.has(word) || actorStems.has(stemmed) || actorWords.has(stemmed);
  for (const word of actorTokens) if (!stopHere.has(word) && !isNumberToken(word)) addActorWord(word, language);

  const statementText = readWords(claim.statement_en);
  const statement = statementText.words;
  const statementVerb = headVerb(statement, 'en', lexicons);
  const subjectEnd = statementVerb && statementVerb.firstIndex <= MAX_SUBJECT ? statementVerb.firstIndex : 0;
  const mentions = findEntities(statement, lexicons);
  const subject = actorIds(mentions.filter((mention) => mention.end <= subjectEnd));
  for (const id of subject.named) actor.named.add(id);
  for (const id of subject.roles) actor.roles.add(id);
  for (const word of statement.slice(0, subjectEnd))
    if (!stopEn.has(word) && !isNumberToken(word)) addActorWord(word, 'en');

  const actionText = readWords(claim.action);
  const actionTokens = actionText.words;
  const actionVerb = headVerb(actionTokens, language, lexicons);
  const head = [actionVerb, statementVerb].find((found) => found && !found.weak) ?? actionVerb ?? statementVerb;

  // The whole statement, subject included: in "Eurozone inflation rose to 7.5 percent" the
  // subject is what the claim is about. Verbs, numbers and negations are left out.
  const contentWords = new Set<string>();
  const addEntity = (ids: readonly string[]) => ids.forEach((id) => contentWords.add(`@${id}`));
  const relative = relativeClauses(statementText, lexicons);
  const skip = new Set([...(statementVerb?.tokenIndexes ?? []), ...(statementVerb?.weakIndexes ?? []), ...relative]);
  const inMention = new Set<number>();
  for (const mention of mentions) {
    for (let index = mention.start; index < mention.end; index += 1) inMention.add(index);
    addEntity([...mention.entity.named, ...mention.entity.roles]);
  }
  const reasonStart = statement.findIndex((word) => lexicons.reasonMarkers.en.has(word));
  const reasonWords = new Set<string>();
  statement.forEach((word, index) => {
    if (skip.has(index) || inMention.has(index) || stopEn.has(word) || isNumberToken(word)) return;
    const stemmed = stem(word, 'en');
    const content = lexicons.synonyms.get(stemmed) ?? stemmed;
    contentWords.add(content);
    if (reasonStart >= 0 && index > reasonStart) reasonWords.add(content);
  });
  // Names in the original action survive any gloss: "Zoom" is Zoom in every language. German
  // capitalises every noun, so there only the English statement says what is a name.
  const actionMentions = findEntities(actionTokens, lexicons);
  for (const mention of actionMentions) addEntity([...mention.entity.named]);
  const names = new Set<string>();
  // A name only the relative clause gives ("through China") says which thing, not what is claimed.
  const onlyRelative = new Set(statement.filter((_, index) => relative.has(index)));
  statement.forEach((word, index) => relative.has(index) || onlyRelative.delete(word));
  for (const name of [...(language === 'de' ? [] : nameTokens(claim.action)), ...nameTokens(claim.statement_en)]) {
    if (stopEn.has(name) || stopHere.has(name) || isNumberToken(name) || findEntities([name], lexicons).length)
      continue;
    if (onlyRelative.has(name)) continue;
    const stemmed = stem(name, 'en');
    contentWords.add(stemmed);
    if (!isActorWord(name, stemmed)) names.add(stemmed);
  }

  // Names and labels: of the actor as written (names only where capitals mark them), of the
  // statement's subject, and of the whole claim for its context.
  const capitals = language === 'de' ? 'profiled' : 'names';
  const actorIdentity = identityOf(actorText, actorMentions, lexicons, profile, capitals);
  const statementIdentity = identityOf(statementText, mentions, lexicons, profile, 'names');
  const subjectIdentity = identityBefore(statementIdentity, subjectEnd);
  const actionIdentity = identityOf(actionText, actionMentions, lexicons, profile, capitals);
  const actorKeys = identityKeys(actorNamed, actorIdentity);
  const subjectKeys = identityKeys(subject.named, subjectIdentity);
  const labels = [...actorIdentity.labels, ...statementIdentity.labels];
  const mentioned = [...mentions, ...actionMentions].flatMap((mention) => mention.entity.named.map((id) => `@${id}`));
  const contextIds = [
    ...[...actor.named].map((id) => `@${id}`),
    ...mentioned,
    ...actorIdentity.finals,
    ...statementIdentity.finals,
    ...actionIdentity.finals,
  ];

  const labelList = internList(labels, pool);

  // Arrays, not sets: a million claims' features must fit in memory, and these hold a few words.
  return {
    named: internList(actor.named, pool),
    roles: internList(actor.roles, pool),
    actorWords: internList(actorWords, pool),
    actorStems: internList(actorStems, pool),
    verb: head?.verb ?? null,
    frame: head?.frame ?? null,
    contentWords: internAll(contentWords, pool),
    names: internList(names, pool),
    interval: internInterval(claimInterval(claim), pool),
    actorKeys: internList(actorKeys, pool),
    subjectKeys: internList(subjectKeys, pool),
    labels: labelList,
    vague: actorKeys.length === 0 && subjectKeys.length === 0,
    context: { ids: internList(contextIds, pool), labels: labelList },
    figures: internList(
      [...figuresOf(claim.statement_en), ...figuresOf(claim.action)].filter(
        (figure) => !labels.some((label) => label.endsWith(`#${figure}`)),
      ),
      pool,
    ),
    reasonWords: internList([...reasonWords], pool),
  };
}
