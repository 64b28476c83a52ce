import type { GlossLexicon } from '../../schemas/rules-lexicon.ts';

/** What a verb form is in its clause: it decides where the English puts it. */
export type VerbRole = 'finite' | 'participle' | 'infinitive';
export type GlossEntry = {
  en: string;
  role: VerbRole | null;
  /** a verb's English base form: "to leave" */
  base?: string;
  /** the English participle of a finite form that is a participle too ("entwickelt": develops, developed) */
  participle?: string;
};

/**
 * The gloss lexicon of one language, compiled once: every written form of every verb, and for
 * separable verbs the finite forms that need their particle ("stelt … in", "kündigte … an").
 */
export class GlossIndex {
  /** Any word or verb form to its English. */
  readonly entries = new Map<string, GlossEntry>();
  /** The base form of a separable verb ("stelt") by its particle ("in") to the English of the whole verb. */
  readonly split = new Map<string, Map<string, GlossEntry>>();
  /**
   * A verb reading of a form the word list reads otherwise ("folgen": consequences, follow): German
   * writes the noun with a capital, so a lowercase form inside a sentence is the verb.
   */
  readonly verbReadings = new Map<string, GlossEntry>();
  /** Loanword endings and their English, longest first. */
  cognates: [string, string][] = [];
  /** Words opening an infinitive clause ("om", "ohne") to their English. */
  openers = new Map<string, string>();

  constructor(readonly language: 'nl' | 'de' | 'en') {}

  /** The English of a word, as `lex.gloss.get` always gave it. */
  get(word: string): string | undefined {
    return this.entries.get(word)?.en;
  }

  entry(word: string): GlossEntry | undefined {
    return this.entries.get(word);
  }

  add(form: string, entry: GlossEntry): void {
    const known = this.entries.get(form);
    if (known?.role === null && entry.role !== null && !this.verbReadings.has(form)) this.verbReadings.set(form, entry);
    if (!known) this.entries.set(form, entry);
    // A word list entry that is this verb form ("gab": "gave") is a verb too: it moves like one.
    // Not when the English is the base as well: "plan" is a noun first.
    else if (known.role === null && entry.role !== null && known.en === entry.en && entry.en !== entry.base)
      this.entries.set(form, entry);
    // German "entwickelt", "erhöht": third person and participle at once; the participle after "hat".
    else if (entry.role === 'participle' && known.role === 'finite' && known.base === entry.base)
      this.entries.set(form, { ...known, participle: entry.en });
  }

  addSplit(form: string, particle: string, entry: GlossEntry): void {
    const byParticle = this.split.get(form) ?? new Map<string, GlossEntry>();
    if (!byParticle.has(particle)) byParticle.set(particle, entry);
    this.split.set(form, byParticle);
  }
}

const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'should', 'will', 'would', 'shall']);

/** "announce" → "announces", "be" → "is", "set up" → "sets up". */
function thirdPerson(base: string): string {
  const [head, ...rest] = base.split(' ');
  const word = head!;
  const special: Record<string, string> = { be: 'is', have: 'has', do: 'does', go: 'goes' };
  let inflected = special[word] ?? word;
  if (!special[word] && !MODALS.has(word)) {
    if (/[^aeiou]y$/.test(word)) inflected = `${word.slice(0, -1)}ies`;
    else if (/(s|sh|ch|x|z|o)$/.test(word)) inflected = `${word}es`;
    else inflected = `${word}s`;
  }
  return [inflected, ...rest].join(' ');
}

type English = { base: string; third: string; past: string; participle: string };
type Paradigm = { finite3: string[]; finite: string[]; past: string[]; participle: string[]; infinitive: string[] };

const INSEPARABLE: Record<'nl' | 'de', string[]> = {
  nl: ['be', 'ge', 'her', 'ver', 'ont', 'er', 'mis', 'over', 'onder', 'door', 'achter', 'voor', 'om'],
  de: ['be', 'ge', 'er', 'ver', 'zer', 'ent', 'emp', 'miss', 'über', 'unter', 'durch', 'wider', 'hinter'],
};

const unique = (list: string[]) => [...new Set(list.filter(Boolean))];

/** Dutch stems of an infinitive: "maken" → maak, "zeggen" → zeg, "leven" → leef; ambiguous ones give both. */
function dutchStems(infinitive: string): { stems: string[]; voiced: boolean } {
  const r = infinitive.endsWith('en') ? infinitive.slice(0, -2) : infinitive.slice(0, -1);
  const last = r.at(-1) ?? '';
  // 't kofschip: the past is -te after a voiceless consonant of the infinitive ("maken"), else -de ("leven").
  const voiced = !/(?:[tkfsp]|ch)$/.test(r);
  const stems: string[] = [];
  if (/([bcdfgklmnprstvz])\1$/.test(r)) {
    stems.push(r.slice(0, -1));
  } else {
    stems.push(r);
    if (/(^|[^aeiouy])[aeou][bdfgklmnprstvz]$/.test(r)) stems.push(`${r.slice(0, -1)}${r.at(-2)}${last}`);
  }
  return { stems: unique(stems.map((s) => s.replace(/v$/, 'f').replace(/z$/, 's'))), voiced };
}

function dutchParadigm(infinitive: string, prefixGe: boolean, strong: string[] | undefined): Paradigm {
  const { stems, voiced } = dutchStems(infinitive);
  const ending = voiced ? 'd' : 't';
  const finite3 = stems.map((s) => (s.endsWith('t') ? s : `${s}t`));
  const past = strong ? [strong[0]!, strong[1]!] : stems.flatMap((s) => [`${s}${ending}e`, `${s}${ending}en`]);
  const ge = prefixGe ? 'ge' : '';
  const participle = strong
    ? strong[2]
      ? [strong[2]]
      : []
    : stems.map((s) => `${ge}${s}${s.endsWith(ending) ? '' : ending}`);
  return {
    finite3,
    finite: stems,
    past,
    participle: [...participle, ...(strong ? [] : participle.map((p) => `${p}e`))],
    infinitive: [infinitive],
  };
}

function germanParadigm(infinitive: string, prefixGe: boolean, strong: string[] | undefined): Paradigm {
  const stem =
    /[^e][lr]n$/.test(infinitive) || infinitive.endsWith('eln') || infinitive.endsWith('ern')
      ? infinitive.slice(0, -1)
      : infinitive.slice(0, -2);
  // "arbeitet", "öffnet", "zeichnet", but "lernt", "lehnt".
  const e = /(?:[dt]|(?:[^lrhaeiouäöü]|[^aeiouäöü]h)[mn])$/.test(stem) ? 'e' : '';
  const finite3 = [`${stem}${e}t`, ...(strong?.[3] ? [strong[3]] : [])];
  const present2 = strong?.[3] ? [strong[3].replace(/t$/, '') + 'st'] : [`${stem}${e}st`];
  // The infinitive doubles as the plural ("sie verlassen"); it is listed once, as the infinitive.
  const finite = [`${stem}e`, ...present2];
  const ge = prefixGe && !infinitive.endsWith('ieren') ? 'ge' : '';
  const past = strong
    ? [strong[0]!, strong[1]!, `${strong[0]}st`, `${strong[0]}t`]
    : [`${stem}${e}te`, `${stem}${e}ten`, `${stem}${e}test`, `${stem}${e}tet`];
  const participle = strong ? (strong[2] ? [strong[2]] : []) : [`${ge}${stem}${e}t`];
  return { finite3, finite, past, participle, infinitive: [infinitive] };
}

/** A strong verb found in the base of a prefixed verb: "übernehmen" is über + nehmen, "be|kommen". */
function strongBase(
  verb: string,
  language: 'nl' | 'de',
  strong: Record<string, string>,
): { prefix: string; forms: string[] } | null {
  if (strong[verb]) return { prefix: '', forms: strong[verb]!.split(/\s+/) };
  for (const prefix of INSEPARABLE[language]) {
    const rest = verb.slice(prefix.length);
    if (verb.startsWith(prefix) && strong[rest]) {
      const [past, pastPlural, participle, present] = strong[rest]!.split(/\s+/);
      // The prefix takes the place of "ge": über + genommen → übernommen.
      const bare = participle?.startsWith('ge') ? participle.slice(2) : participle;
      return { prefix, forms: [past, pastPlural, bare, present].map((form) => (form ? `${prefix}${form}` : '')) };
    }
  }
  return null;
}

function addVerb(
  index: GlossIndex,
  language: 'nl' | 'de',
  key: string,
  english: English,
  strong: Record<string, string>,
): void {
  const [particle, base] = key.includes('+') ? (key.split('+') as [string, string]) : ['', key];
  const strongForms = strongBase(base, language, strong);
  const inseparable =
    !strongForms?.prefix && INSEPARABLE[language].some((p) => base.startsWith(p) && base.length > p.length + 3);
  const paradigm = (language === 'nl' ? dutchParadigm : germanParadigm)(base, !inseparable, strongForms?.forms);
  const entries: [string[], GlossEntry][] = [
    [paradigm.finite3, { en: english.third, role: 'finite', base: english.base }],
    [paradigm.finite, { en: english.base, role: 'finite', base: english.base }],
    // Before the past: "beschlossen" and "besloten" are past plurals too, but mostly participles.
    [paradigm.participle, { en: english.participle, role: 'participle', base: english.base }],
    [paradigm.past, { en: english.past, role: 'finite', base: english.base }],
    [paradigm.infinitive, { en: english.base, role: 'infinitive', base: english.base }],
  ];
  if (!particle) {
    for (const [forms, entry] of entries) for (const form of forms) index.add(form, entry);
    return;
  }
  for (const [forms, entry] of entries) {
    for (const form of forms) {
      // Joined in verb-final clauses ("dat hij het aankondigt", "angekündigt", "anzukündigen").
      index.add(`${particle}${form}`, entry);
      if (entry.role !== 'participle') index.addSplit(form, particle, entry);
    }
  }
  if (language === 'de') index.add(`${particle}zu${base}`, { en: `to ${english.base}`, role: 'infinitive' });
}

/** Words first (they decide between a noun and a verb reading), then every generated verb form. */
export function compileGloss(gloss: GlossLexicon | null, language: 'nl' | 'de' | 'en'): GlossIndex {
  const index = new GlossIndex(language);
  if (!gloss || language === 'en') return index;
  for (const [word, en] of Object.entries(gloss.words)) index.add(word.toLowerCase(), { en, role: null });
  for (const [key, value] of Object.entries(gloss.verbs)) {
    const [base, past, participle] = value.split('|') as [string, string, string];
    addVerb(index, language, key.toLowerCase(), { base, third: thirdPerson(base), past, participle }, gloss.strong);
  }
  index.openers = new Map(Object.entries(gloss.openers));
  index.cognates = [...gloss.cognates].sort((a, b) => b[0].length - a[0].length);
  return index;
}
