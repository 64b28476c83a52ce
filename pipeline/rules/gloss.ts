import type { Modality, Polarity } from '../../schemas/claim.ts';
import type { LexiconVerb } from '../../schemas/rules-lexicon.ts';
import type { GlossEntry, GlossIndex } from './gloss-lexicon.ts';
import type { CompiledLexicon } from './lexicon.ts';
import { reorder, type Glossed } from './gloss-order.ts';
import type { Token } from '../text/tokens.ts';

const LINKS = ['s', 'es', 'en', 'n', 'e'];
/** Plural and adjective endings, tried when the word itself is not in the lexicon: "regeringen", "neuen". */
const INFLECTIONS = ['en', 'n', 'e', 's', 'er', 'es', 'em', "'s"];
const MIN_PART = 4;

/** Dutch plural stems: "jaren" → jaar, "bommen" → bom, "brieven" → brief, "huizen" → huis. */
function dutchPluralStems(word: string): string[] {
  if (!word.endsWith('en') || word.length < 6) return [];
  const r = word.slice(0, -2);
  const out = [r.replace(/v$/, 'f').replace(/z$/, 's')];
  if (/([bdfgklmnprst])\1$/.test(r)) out.push(r.slice(0, -1));
  if (/(^|[^aeiou])[aeou][bdfgklmnprstvz]$/.test(r))
    out.push(`${r.slice(0, -1)}${r.at(-2)}${r.at(-1)}`.replace(/v$/, 'f').replace(/z$/, 's'));
  return out;
}

/** The entry of a word as written or without an inflection ending, never of a stem under four letters. */
function inflected(word: string, gloss: GlossIndex, capital = false): GlossEntry | undefined {
  const own = gloss.entry(word);
  if (own) return own;
  for (const ending of INFLECTIONS) {
    // A capitalised word in -er is a name more often than an inflected noun: "Volker" is not "Volk".
    if (capital && (ending === 'er' || ending === 'em')) continue;
    if (!word.endsWith(ending) || word.length - ending.length < 4) continue;
    const entry = gloss.entry(word.slice(0, -ending.length));
    if (entry && entry.role === null) return entry;
  }
  if (gloss.language === 'nl')
    for (const stem of dutchPluralStems(word))
      if (stem.length >= 4 && gloss.entry(stem)?.role === null) return gloss.entry(stem);
  return undefined;
}

/** A modifier of a compound: a known word, maybe with its linking letters ("sicherheits", "overheids"). */
function modifier(part: string, gloss: GlossIndex): string | undefined {
  const own = gloss.entry(part);
  if (own && own.role === null && own.en) return own.en;
  for (const link of LINKS) {
    if (!part.endsWith(link) || part.length - link.length < MIN_PART) continue;
    const entry = gloss.entry(part.slice(0, -link.length));
    if (entry && entry.role === null && entry.en) return entry.en;
  }
  return undefined;
}

/**
 * A compound read as modifiers + head, longest known first part first: "sicherheitsbedenken" →
 * "security concerns", "bundesgesundheitsministerium" → "federal health ministry". At most three parts.
 */
function compound(word: string, gloss: GlossIndex, parts = 1): string | undefined {
  for (let k = word.length - MIN_PART; k >= MIN_PART; k--) {
    const first = modifier(word.slice(0, k), gloss);
    if (first === undefined) continue;
    const rest = word.slice(k);
    // The head is a noun or adjective: "vervolg" is not "ver" + "volg" (follows).
    const head = inflected(rest, gloss);
    // Short heads are the most ambiguous ("blad": leaf, sheet, magazine; "strafblad" is a criminal record):
    // a guess there misleads more than the word as written.
    if (head?.en && head.role === null && rest.length >= 5) return `${first} ${head.en}`;
    if (parts < 2) {
      const tail = compound(rest, gloss, parts + 1);
      if (tail) return `${first} ${tail}`;
    }
  }
  return undefined;
}

/**
 * A loanword by its ending, with the Latin spelling English kept: "Mortalität" → "mortality",
 * "Konferenz" → "conference", "organisatie" → "organisation". Only for longer words, so names stay.
 */
function cognate(word: string, gloss: GlossIndex): string | undefined {
  if (word.length < 7) return undefined;
  const rule = gloss.cognates.find(([ending]) => word.endsWith(ending) && word.length - ending.length >= 3);
  if (!rule) return undefined;
  let stem = word.slice(0, -rule[0].length).replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
  if (gloss.language === 'de')
    stem = stem
      .replace(/k(?=[aoulrt]|$)/g, 'c')
      .replace(/z(?=[ei]|$)/g, 'c')
      .replace(/^c(?=[^aeiouhlr])/, 'k');
  else stem = stem.replace(/k(?=[aoulrt])/g, 'c');
  return `${stem}${rule[1]}`;
}

/**
 * English for one Dutch or German word: the lexicon entry (words first, then every form of its
 * verbs), an inflected or compound reading, or the word as written: names, numbers, loanwords.
 */
function glossWord(
  token: Token,
  lex: CompiledLexicon,
  cache: Map<string, GlossEntry>,
  midSentence: boolean,
): GlossEntry {
  if (lex.language === 'de' && !token.capital && midSentence && !lex.auxiliaries.has(token.lower)) {
    const verb = lex.gloss.verbReadings.get(token.lower);
    if (verb) return verb;
  }
  const own = lex.gloss.entry(token.lower);
  if (own) return own;
  const cached = cache.get(token.text);
  if (cached) return cached;
  let result: GlossEntry = { en: token.text, role: null };
  const verb = lex.verbs.get(token.lower)?.[0];
  if (verb) {
    result = { en: verb.en.split('|')[0]!, role: 'finite' };
  } else if (lex.language === 'nl' && token.capital) {
    // A capitalised Dutch word the lexicon does not know is a name ("Kestrwind"): kept whole.
  } else if (token.kind === 'word') {
    const entry = inflected(token.lower, lex.gloss, token.capital);
    if (entry) result = entry;
    else if (token.lower.includes('-'))
      result = {
        en: token.text
          .split('-')
          .map((part) => lex.gloss.get(part.toLowerCase()) ?? part)
          .join(' '),
        role: null,
      };
    else if (token.lower.length >= 7)
      result = { en: compound(token.lower, lex.gloss) ?? cognate(token.lower, lex.gloss) ?? token.text, role: null };
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(token.text, result);
  return result;
}

const caches = new Map<string, Map<string, GlossEntry>>();
const CLAUSE_END = new Set([',', ';', ':', '.', '!', '?', '(', ')', '–', '—']);

/**
 * A separable verb whose particle closes the clause: "stelt … in" → "introduces", "kündigte … an"
 * → "announced"; the particle then says nothing more. Dutch "aan te kondigen" has it in front.
 */
function joinParticles(tokens: readonly Token[], items: Glossed[], lex: CompiledLexicon): void {
  tokens.forEach((token, i) => {
    const byParticle = lex.gloss.split.get(token.lower);
    if (!byParticle) return;
    for (let j = i + 1; j < tokens.length && !CLAUSE_END.has(tokens[j]!.text); j++) {
      const entry = byParticle.get(tokens[j]!.lower);
      const next = tokens[j + 1];
      const closes =
        !next ||
        CLAUSE_END.has(next.text) ||
        lex.coordinators.has(next.lower) ||
        lex.subordinators.has(next.lower) ||
        items[j + 1]?.role;
      if (!entry || !closes) continue;
      items[i] = { ...items[i]!, en: entry.en, role: entry.role };
      items[j] = { ...items[j]!, en: '', role: null };
      return;
    }
    const before = i >= 2 && tokens[i - 1]!.lower === lex.infinitive ? byParticle.get(tokens[i - 2]!.lower) : undefined;
    if (before) {
      items[i] = { ...items[i]!, en: before.en, role: 'infinitive' };
      items[i - 2] = { ...items[i - 2]!, en: '', role: null };
    } else if (!lex.gloss.entry(token.lower)) {
      // The particle is outside these tokens (the clause's verb was cut out): the verb alone still has one meaning.
      const only = byParticle.values().next().value!;
      items[i] = { ...items[i]!, en: only.en, role: only.role };
    }
  });
}

/** A form that is a participle too reads as one after an auxiliary of its clause: "hat … entwickelt". */
function participles(items: Glossed[]): void {
  let auxiliary = false;
  items.forEach((item, i) => {
    if (item.token.kind === 'punct') auxiliary = false;
    else if (item.participle && auxiliary) items[i] = { ...item, en: item.participle, role: 'participle' };
    if (item.auxiliary) auxiliary = true;
  });
}

const COMPARATIVES = new Set(['more', 'less', 'fewer', 'rather', 'better', 'worse', 'other', 'else']);

/** German "als" is "than" after a comparative ("mehr als", "höher als") and "as" elsewhere. */
function comparisons(items: Glossed[]): void {
  items.forEach((item, i) => {
    const before = items[i - 1];
    if (item.en !== 'as' || !before) return;
    if (
      COMPARATIVES.has(before.en) ||
      (/er$/.test(before.token.lower) && /er$/.test(before.en) && before.role === null)
    )
      item.en = 'than';
  });
}

const SENTENCE_END = new Set(['.', '!', '?', ':']);

/**
 * Dutch capitalises names and little else, so a lone capital inside a sentence is a name even
 * where the lexicon knows the word ("Leiden" is a city, not "to suffer"). German capitalises
 * every noun, so there a capital tells nothing.
 */
function isDutchName(tokens: readonly Token[], i: number, lex: CompiledLexicon): boolean {
  const before = tokens[i - 1];
  // A run of capitals is more often an institution that translates ("Europese Centrale Bank").
  const inRun = before?.capital || tokens[i + 1]?.capital;
  return (
    lex.language === 'nl' && tokens[i]!.capital && before !== undefined && !SENTENCE_END.has(before.text) && !inRun
  );
}

/** The tokens in English, verbs where English puts them; in English text, the tokens as written. */
export function glossTokens(tokens: readonly Token[], lex: CompiledLexicon): string {
  if (lex.language === 'en')
    return tokens
      .filter((t) => t.kind !== 'punct' || t.text === '%')
      .map((t) => t.text)
      .join(' ');
  let cache = caches.get(lex.language);
  if (!cache) caches.set(lex.language, (cache = new Map()));
  const items: Glossed[] = tokens.map((token, i) => {
    const entry =
      token.kind === 'punct'
        ? { en: token.text === '%' ? '%' : '', role: null }
        : isDutchName(tokens, i, lex)
          ? { en: token.text, role: null }
          : glossWord(token, lex, cache, i > 0 && !SENTENCE_END.has(tokens[i - 1]!.text));
    return { ...entry, token, auxiliary: lex.auxiliaries.has(token.lower) };
  });
  joinParticles(tokens, items, lex);
  comparisons(items);
  participles(items);
  // After "zu" and "te" a verb is its infinitive, whatever else the form could be ("zu verlassen": to leave, not left).
  items.forEach((item, i) => {
    if (i > 0 && item.base && tokens[i - 1]!.lower === lex.infinitive)
      items[i] = { ...item, en: item.base, role: 'infinitive' };
  });
  // Most spans (names, noun phrases) have no verb to move.
  const ordered = items.some((item) => item.role !== null || item.auxiliary) ? reorder(items, lex) : items;
  let out = '';
  for (const item of ordered) if (item.en) out = out ? `${out} ${item.en}` : item.en;
  return withArticles(out);
}

/** "a independent inquiry" → "an independent inquiry": the gloss puts "a" wherever een/ein stood. */
const withArticles = (english: string) => english.replace(/\b([Aa]) (?=[aeiouAEIOU](?![nu][aeiou]))/g, '$1n ');

/** "banned", "did not ban", "plans to ban", "should not ban", "must ban", "may ban". */
export function verbGloss(verb: LexiconVerb | null, polarity: Polarity, modality: Modality, auxiliary = ''): string {
  // A clause anchored on an auxiliary ("is nodig", "heeft … gestolen") glosses the auxiliary itself.
  const plainAuxiliary =
    modality === 'fact' &&
    !['will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'wants', 'want'].includes(auxiliary)
      ? auxiliary
      : '';
  if (!verb && !auxiliary) return polarity === 'negated' ? 'not' : '';
  // "heeft geen …" is "has not", "ist nicht …" is "is not": never "did not be".
  if (!verb && polarity === 'negated' && plainAuxiliary) return `${plainAuxiliary} not`;
  const [base, past] = (verb?.en ?? `|${plainAuxiliary || 'was'}`).split('|') as [string, string];
  const not = polarity === 'negated' ? ' not' : '';
  // "recommended not …": the negation is in what is advised or demanded, not in the advice.
  if (verb?.modality && verb.modality === modality) return polarity === 'negated' ? `${past} not` : past;
  // "promise", "advise", "demand" say their modality themselves: "promised", not "will promise".
  switch (verb?.modality === modality ? 'fact' : modality) {
    case 'planned':
      return `will${not} ${base}`.trim();
    case 'advised':
      return `should${not} ${base}`.trim();
    case 'demanded':
      return `must${not} ${base}`.trim();
    case 'possible':
      return `may${not} ${base}`.trim();
    default:
      return polarity === 'negated' ? `did not ${base || 'be'}` : past;
  }
}

/** One plain English sentence: actor, verb, object, and the reason when there is one. */
export function statement(actor: string, verb: string, object: string, reason: string | null): string {
  const body = [actor, verb, object].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  const sentence = reason ? `${body} because ${reason}` : body;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
