import { aliasEntries } from '../dedup/lexicons.ts';
import { HEADS, NUMBERS, SCOPE, type Language } from './lexicon.ts';
import { englishBaseForm } from '../text/stem.ts';
import { phraseTokens } from '../text/words.ts';
import { nameStem } from './text.ts';

/**
 * Who and where a claim speaks about, for telling two figures or two verbs about different
 * subjects apart. Names are made comparable across languages through dedup's alias table
 * (read here, never changed: "Deutschland", "German" and "Duitse" are one id).
 */

type Alias = { id: string; kind: 'named' | 'role'; words: string[]; prefix: boolean };

/** Aliases by their first word; a trailing * (German endings) matches any word starting with the rest. */
const ALIASES = (() => {
  const exact = new Map<string, Alias[]>();
  const prefixes: Alias[] = [];
  for (const entity of aliasEntries()) {
    for (const name of Object.values(entity.names).flat()) {
      const prefix = name.endsWith('*');
      const words = phraseTokens(prefix ? name.slice(0, -1) : name);
      if (words.length === 0) continue;
      const alias = { id: entity.id, kind: entity.kind, words, prefix };
      if (prefix && words.length === 1) prefixes.push(alias);
      else exact.set(words[0]!, [...(exact.get(words[0]!) ?? []), alias]);
    }
  }
  return { exact, prefixes };
})();

const MAX_ENDING = 2;
/** Shorter names would meet unrelated words by their endings. */
const MIN_INFLECTED = 5;

const bare = (word: string) => word.replace(/'s$/, '');

/** The alias that starts at `index`, the longest first, with how many words it spans. */
export function aliasAt(
  words: readonly string[],
  index: number,
): { id: string; kind: Alias['kind']; length: number } | null {
  const word = bare(words[index]!);
  let best: { id: string; kind: Alias['kind']; length: number } | null = null;
  for (const alias of ALIASES.exact.get(word) ?? []) {
    const fits = alias.words.every(
      (part, offset) => (offset === 0 ? word : bare(words[index + offset] ?? '')) === part,
    );
    if (fits && (!best || alias.words.length > best.length))
      best = { id: alias.id, kind: alias.kind, length: alias.words.length };
  }
  if (best) return best;
  // Inflected names ("den Niederlanden", "Deutschlands") keep the name and add an ending of a letter or two.
  for (let cut = 1; cut <= MAX_ENDING && !best && word.length - cut >= MIN_INFLECTED; cut += 1) {
    const alias = (ALIASES.exact.get(word.slice(0, -cut)) ?? []).find((candidate) => candidate.words.length === 1);
    if (alias) best = { id: alias.id, kind: alias.kind, length: 1 };
  }
  if (best) return best;
  const prefixed = ALIASES.prefixes.find((alias) => word.startsWith(alias.words[0]!));
  return prefixed ? { id: prefixed.id, kind: prefixed.kind, length: 1 } : null;
}

/** A word as compared between actors: its alias id when it has one, else its stem. */
const canonical = (words: readonly string[], index: number) => {
  const alias = aliasAt(words, index);
  return alias
    ? { key: `=${alias.id}`, length: alias.length }
    : { key: englishBaseForm(bare(words[index]!)), length: 1 };
};

const isContent = (word: string) =>
  /\p{L}/u.test(word) && word.length > 1 && !HEADS.fillers.has(word) && !NUMBERS.months.has(word);

/**
 * Whether the actor's core noun phrase ends before this word: a preposition, relative word or verb form, but never
 * inside a known name ("United States").
 */
function endsCore(words: readonly string[], index: number): boolean {
  const word = words[index]!;
  if (SCOPE.prepositions.has(word) || SCOPE.linkingVerbs.has(word) || HEADS.irregular.has(word)) return true;
  return /[^e]ed$/.test(word) && word.length > 4 && aliasAt(words, index) === null;
}

/** The actor's core noun phrase: its head noun (the last word) and the words that qualify it. */
export type Subject = { head: string | null; modifiers: Set<string>; keys: Set<string> };

/**
 * The core of an English actor phrase: it ends at the first preposition, relative word or verb
 * form ("the rate measured by Eurostat" is about a rate, "consumer prices in the euro area"
 * about prices).
 */
export function subjectOf(actor: string): Subject {
  const words = phraseTokens(actor);
  const core: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (core.length > 0 && endsCore(words, index)) break;
    core.push(word);
  }
  const keys: string[] = [];
  for (let index = 0; index < core.length;) {
    if (!isContent(bare(core[index]!))) {
      index += 1;
      continue;
    }
    const { key, length } = canonical(core, index);
    keys.push(key);
    index += length;
  }
  const head = keys.at(-1) ?? null;
  return { head, modifiers: new Set(keys.slice(0, -1).filter((key) => !WEAK_MODIFIERS.has(key))), keys: new Set(keys) };
}

/** A statement without a leading adverbial ("In February, annual inflation stood at…" starts at "annual"). */
export const withoutLeadingAdverbial = (statement: string) =>
  statement.replace(/^\s*\p{L}+[^,]{0,40},\s*/u, (lead) =>
    SCOPE.prepositions.has(phraseTokens(lead)[0] ?? '') ? '' : lead,
  );

const WEAK_MODIFIERS = new Set([...SCOPE.weakModifiers].flatMap((word) => [word, englishBaseForm(word)]));

const subset = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size > 0 && [...x].every((item) => y.has(item));

/**
 * Whether two actors are one subject: the same head noun with modifiers that do not name
 * different things ("consumer prices" and "prices" yes, "oil prices" and "consumer prices" no),
 * or one actor's words all within the other's ("Taiwan" and "Taiwan's cabinet").
 */
export function subjectsMatch(a: Subject, b: Subject): boolean {
  if (subset(a.keys, b.keys) || subset(b.keys, a.keys)) return true;
  if (a.head === null || a.head !== b.head) return false;
  return a.modifiers.size === 0 || b.modifiers.size === 0 || [...a.modifiers].some((word) => b.modifiers.has(word));
}

/**
 * Places a text puts its claim in: a name right after a locative preposition ("in the
 * Netherlands", "in Deutschland", "binnen Nederland"). Known places come as their alias id; in
 * Dutch and English a capitalised word there is a name too (German capitalises every noun, so
 * only known places count there).
 */
export function placesIn(text: string, language: Language): Set<string> {
  const words = phraseTokens(text);
  const original =
    text
      .normalize('NFC')
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[%€$£]/gu) ?? [];
  const places = new Set<string>();
  for (let index = 0; index < words.length; index += 1) {
    if (!SCOPE.locatives[language].has(words[index]!)) continue;
    let at = index + 1;
    if (at < words.length && SCOPE.determiners[language].has(words[at]!)) at += 1;
    if (at >= words.length) continue;
    const alias = aliasAt(words, at);
    if (alias?.kind === 'named') places.add(`=${alias.id}`);
    else if (!alias && language !== 'de' && /^\p{Lu}/u.test(original[at] ?? '') && isContent(words[at]!))
      places.add(nameStem(words[at]!));
  }
  return places;
}

/**
 * Every place or name a text mentions anywhere, as `placesIn` writes them, for checking that the other side names a
 * place too.
 */
export function mentionsIn(text: string): { ids: Set<string>; lower: string } {
  const words = phraseTokens(text);
  const ids = new Set<string>();
  for (let index = 0; index < words.length; index += 1) {
    const alias = aliasAt(words, index);
    if (alias) ids.add(`=${alias.id}`);
  }
  return { ids, lower: words.join(' ') };
}

/**
 * Whether a text that mentions `mentions` names the place (by alias id, or a name's stem inside a word: "Suez" in
 * "Suezkanal").
 */
export const mentionsPlace = (mentions: { ids: ReadonlySet<string>; lower: string }, place: string) =>
  place.startsWith('=') ? mentions.ids.has(place) : mentions.lower.includes(place);
