import type { SupportedLanguage } from '../../schemas/article.ts';
import { contentId } from '../hash.ts';
import { lexiconText, readLexicon } from '../lexicons/index.ts';
import type { Modality } from '../../schemas/claim.ts';
import { GlossLexicon, RulesLexicon, type LexiconVerb } from '../../schemas/rules-lexicon.ts';
import { compileGloss, type GlossIndex } from './gloss-lexicon.ts';
import type { Token } from '../text/tokens.ts';

/** Phrases by their first word, longest first, so matching is one map lookup per token. */
export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, value });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(words[0]!, list);
    }
  }

  /** The longest phrase starting at token `at`, as its length in tokens and its value. */
  match(tokens: readonly Token[], at: number): { length: number; value: T } | null {
    const candidates = this.byFirst.get(tokens[at]?.lower ?? '');
    if (!candidates) return null;
    for (const { words, value } of candidates) {
      if (words.every((word, k) => tokens[at + k]?.lower === word)) return { length: words.length, value };
    }
    return null;
  }
}

export type CompiledLexicon = {
  language: SupportedLanguage;
  verbs: Map<string, LexiconVerb[]>;
  splitVerbs: Map<string, LexiconVerb[]>;
  auxiliaries: Set<string>;
  negation: Set<string>;
  negationExceptions: PhraseMatcher<true>;
  modal: PhraseMatcher<Exclude<Modality, 'fact'>>;
  causal: PhraseMatcher<true>;
  sourceBefore: PhraseMatcher<true>;
  sourceAfter: PhraseMatcher<true>;
  selfSource: PhraseMatcher<true>;
  sourcePostpositions: PhraseMatcher<true>;
  focusParticles: Set<string>;
  attributionOpeners: Set<string>;
  reportNounMarkers: PhraseMatcher<true>;
  reportNouns: Set<string>;
  subordinators: Set<string>;
  relatives: Set<string>;
  coordinators: Set<string>;
  determiners: Set<string>;
  quantifiers: PhraseMatcher<true>;
  numbers: Set<string>;
  speechActs: Set<string>;
  passives: Set<string>;
  prepositions: Set<string>;
  fronted: Set<string>;
  pronouns: Set<string>;
  demonstratives: Set<string>;
  abbreviations: Set<string>;
  months: Set<string>;
  infinitive: string;
  /** Finds date expressions in a sentence; global, so reset lastIndex before use. */
  dates: RegExp;
  /** English for Dutch and German words and verb forms; empty for English. */
  gloss: GlossIndex;
};

const words = (list: string) => new Set(list.toLowerCase().split(/\s+/).filter(Boolean));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (list: Iterable<string>) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|');

function addVerb(map: Map<string, LexiconVerb[]>, form: string, verb: LexiconVerb): void {
  const list = map.get(form) ?? [];
  list.push(verb);
  map.set(form, list);
}

/** One regular expression for every date expression the language writes, compiled once. */
function dateFinder(lexicon: RulesLexicon): RegExp {
  const d = lexicon.dates;
  const months = alternation(words(d.months));
  const numbers = words(lexicon.numbers);
  const prep = `(?:(?:${alternation(words(d.prepositions))})\\s+)`;
  const article = '(?:(?:the|de|het|die|der|den|dem|des)\\s+)';
  const part = `(?:(?:${alternation(d.parts)})(?:\\s+(?:of|van))?\\s+|mid-)`;
  const day = '\\d{1,2}(?:\\.|st|nd|rd|th)?';
  const year = '(?:1[5-9]|20)\\d\\d';
  const core = [
    `${day}\\s+(?:${months})\\.?(?:,?\\s+${year})?`,
    `(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+${year})?`,
    `(?:${alternation(words(d.weekdays))})(?:,?\\s*\\(?\\d{1,2}\\.\\d{1,2}\\.(?:${year})?\\)?)?`,
    `(?:${alternation(d.casual)})`,
    `(?:${alternation(words(d.relativeWords))})\\s+(?:${alternation(words(d.units))})`,
    `${year}(?:s|er(?:\\s+jahren?)?)`,
    `jaren\\s+(?:'|’)?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|\\d0)`,
    `\\d{1,2}[./-]\\d{1,2}[./-]${year}`,
    `(?:${alternation(words(d.durationPrepositions))})\\s+${article}?(?:(?:${alternation(lexicon.quantifiers)})\\s+)?(?:(?:\\d+|${alternation(numbers)})(?:\\s+(?:to|tot|bis)\\s+(?:\\d+|${alternation(numbers)}))?\\s+)?(?:${alternation(words(d.durationUnits))})`,
  ].join('|');
  const seasons = `(?:${alternation(words(d.seasons))})`;
  // A bare month or year is a date only after a preposition or "early/end of": "may" is a verb, "2019" a number.
  const anchored = `(?:${months})\\.?(?:\\s+${year})?|${seasons}(?:\\s+${year})?|${year}`;
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${prep}?${article}?${part}?(?:${core})|(?:${prep}${article}?${part}?|${part})(?:${anchored}))(?![\\p{L}\\p{N}])`,
    'giu',
  );
}

function compile(lexicon: RulesLexicon, gloss: GlossLexicon | null): CompiledLexicon {
  const verbs = new Map<string, LexiconVerb[]>();
  const splitVerbs = new Map<string, LexiconVerb[]>();
  // "Angaben der Polizei zufolge …": a joined form spelt like a report noun is read as the noun.
  const reportNouns = words(lexicon.reportNouns?.nouns ?? '');
  for (const verb of lexicon.verbs) {
    for (const form of words(verb.forms)) addVerb(verbs, form, verb);
    if (verb.particle && verb.split) {
      for (const form of words(verb.split)) {
        addVerb(splitVerbs, form, verb);
        // In verb-final clauses the particle is joined to the finite form: "dat het kabinet … aankondigde".
        const joined = `${verb.particle.toLowerCase()}${form}`;
        if (lexicon.language !== 'en' && !reportNouns.has(joined)) addVerb(verbs, joined, verb);
      }
    }
  }
  const m = lexicon.modal;
  return {
    language: lexicon.language,
    verbs,
    splitVerbs,
    auxiliaries: words(lexicon.auxiliaries),
    negation: words(lexicon.negation),
    negationExceptions: new PhraseMatcher(lexicon.negationExceptions.map((p) => [p, true as const])),
    // Order is priority: a demand outranks advice, advice a plan, a plan a possibility.
    modal: new PhraseMatcher([
      ...m.possible.map((p) => [p, 'possible'] as [string, 'possible']),
      ...m.planned.map((p) => [p, 'planned'] as [string, 'planned']),
      ...m.advised.map((p) => [p, 'advised'] as [string, 'advised']),
      ...m.demanded.map((p) => [p, 'demanded'] as [string, 'demanded']),
    ]),
    causal: new PhraseMatcher(lexicon.causal.map((p) => [p, true as const])),
    sourceBefore: new PhraseMatcher(lexicon.sourceBefore.map((p) => [p, true as const])),
    sourceAfter: new PhraseMatcher(lexicon.sourceAfter.map((p) => [p, true as const])),
    selfSource: new PhraseMatcher(lexicon.selfSource.map((p) => [p, true as const])),
    focusParticles: words(lexicon.focusParticles),
    attributionOpeners: words(lexicon.attributionOpeners),
    sourcePostpositions: new PhraseMatcher(lexicon.sourcePostpositions.map((p) => [p, true as const])),
    reportNounMarkers: new PhraseMatcher((lexicon.reportNouns?.markers ?? []).map((p) => [p, true as const])),
    reportNouns: words(lexicon.reportNouns?.nouns ?? ''),
    subordinators: words(lexicon.subordinators),
    relatives: words(lexicon.relatives),
    coordinators: words(lexicon.coordinators),
    determiners: words(lexicon.determiners),
    quantifiers: new PhraseMatcher(lexicon.quantifiers.map((p) => [p, true as const])),
    numbers: words(lexicon.numbers),
    speechActs: words(lexicon.speechActs),
    passives: words(lexicon.passives),
    prepositions: words(lexicon.prepositions),
    fronted: words(lexicon.fronted),
    pronouns: words(lexicon.pronouns),
    demonstratives: words(lexicon.demonstratives),
    abbreviations: words(lexicon.abbreviations),
    months: words(lexicon.dates.months),
    infinitive: lexicon.infinitive,
    dates: dateFinder(lexicon),
    gloss: compileGloss(gloss, lexicon.language),
  };
}

const compiled = new Map<SupportedLanguage, CompiledLexicon>();

/** The lexicon of one language, read, validated and compiled on first use and kept for the process. */
export function lexiconFor(language: SupportedLanguage): CompiledLexicon {
  let lexicon = compiled.get(language);
  if (!lexicon) {
    const rules = readLexicon(`rules/rules-${language}.json`, RulesLexicon).data;
    const gloss = language === 'en' ? null : readLexicon(`rules/gloss-${language}.json`, GlossLexicon).data;
    lexicon = compile(rules, gloss);
    compiled.set(language, lexicon);
  }
  return lexicon;
}

/**
 * A hash of every lexicon file: the rules extractor's "prompt version", so an edited lexicon
 * re-extracts and an unchanged one does not. Validates all of them on the way.
 */
export function lexiconVersion(): string {
  const languages = ['en', 'nl', 'de'] as const;
  for (const language of languages) lexiconFor(language);
  const files = languages.flatMap((language) =>
    language === 'en' ? ['rules-en.json'] : [`rules-${language}.json`, `gloss-${language}.json`],
  );
  return `lexicons-${contentId(...files.map((name) => lexiconText(`rules/${name}`)))}`;
}
