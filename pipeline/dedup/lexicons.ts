import type { z } from 'zod';
import {
  AliasFile,
  DedupLanguage,
  IdentifierFile,
  StopwordFile,
  SynonymFile,
  VerbFile,
} from '../../schemas/dedup-lexicon.ts';
import { stem } from '../text/stem.ts';
import { readLexicon } from '../lexicons/index.ts';
import { fold, tokens } from '../text/words.ts';

export { DedupLanguage } from '../../schemas/dedup-lexicon.ts';

/** Who a name says someone is (named: taiwan) and what they are (roles: government). */
export type Entity = { named: readonly string[]; roles: readonly string[] };

/**
 * A verb form: `head` is the inflected word, `particle` a word that must follow it in the clause;
 * `byStem` when an inflection the table misses may match it by stem.
 */
export type VerbForm = { head: string; particle: string | null; verb: string; frame: string; byStem: boolean };

export type Lexicons = {
  /** Folded multi-word names ("den haag") and single words, to the ids they name. */
  aliases: ReadonlyMap<string, Entity>;
  /** Prefix patterns ("taiwanisch" from "taiwanisch*"), longest first. */
  aliasPrefixes: readonly (readonly [string, Entity])[];
  longestAlias: number;
  /** First words of multi-word names: only these start a longer lookup. */
  aliasStarts: ReadonlySet<string>;
  verbForms: Readonly<Record<DedupLanguage, ReadonlyMap<string, readonly VerbForm[]>>>;
  weakFrames: ReadonlySet<string>;
  /** Words that open a reason clause, per language: a verb after one is not the head. */
  reasonMarkers: Readonly<Record<DedupLanguage, ReadonlySet<string>>>;
  /** English stems to the class word that stands for them in a claim's content ("flaw" → "problem"). */
  synonyms: ReadonlyMap<string, string>;
  stopwords: Readonly<Record<DedupLanguage, ReadonlySet<string>>>;
  /**
   * Words after which a number counts or dates something (a budget of 7, rose 3, März 2022) instead of naming it
   * (district 3).
   */
  notLabelAfter: ReadonlySet<string>;
  /** Words after a number that make it a quantity (7 million, 3 percent). */
  quantityUnits: ReadonlySet<string>;
  /** Changes whenever a lexicon changes, so stored clusters built with older data are rebuilt. */
  fingerprint: string;
};

const LANGUAGES = DedupLanguage.options;

function parseFile<T>(schema: z.ZodType<T>, name: string): { data: T; text: string } {
  const { data, text } = readLexicon(`dedup/${name}`, schema);
  return { data, text };
}

function buildAliases(file: z.infer<typeof AliasFile>) {
  const aliases = new Map<string, Entity>();
  const prefixes: [string, Entity][] = [];
  const aliasStarts = new Set<string>();
  let longestAlias = 1;
  for (const entry of file.entities) {
    const entity: Entity =
      entry.kind === 'named'
        ? { named: [entry.id], roles: entry.also ?? [] }
        : { named: [], roles: [entry.id, ...(entry.also ?? [])] };
    for (const language of LANGUAGES) {
      for (const name of entry.names[language] ?? []) {
        if (name.endsWith('*')) {
          prefixes.push([fold(name.slice(0, -1)), entity]);
          continue;
        }
        const words = tokens(name);
        const key = words.join(' ');
        longestAlias = Math.max(longestAlias, words.length);
        if (words.length > 1) aliasStarts.add(words[0]!);
        const known = aliases.get(key);
        // The same word in two entries (brussels: Belgium and the EU) names both.
        aliases.set(
          key,
          known
            ? {
                named: [...new Set([...known.named, ...entity.named])],
                roles: [...new Set([...known.roles, ...entity.roles])],
              }
            : entity,
        );
      }
    }
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  return { aliases, aliasPrefixes: prefixes, longestAlias, aliasStarts };
}

function buildVerbs(file: z.infer<typeof VerbFile>) {
  const unknownFrame = file.verbs.find((entry) => !(entry.frame in file.frames));
  if (unknownFrame) throw new Error(`verbs.json: verb ${unknownFrame.verb} has unknown frame ${unknownFrame.frame}`);
  const verbForms = {} as Record<DedupLanguage, Map<string, VerbForm[]>>;
  for (const language of LANGUAGES) {
    const forms = new Map<string, VerbForm[]>();
    for (const entry of file.verbs) {
      for (const written of entry[language]) {
        const [head, ...rest] = tokens(written);
        if (!head) continue;
        const form: VerbForm = {
          head,
          particle: rest.length ? rest.join(' ') : null,
          verb: entry.verb,
          frame: entry.frame,
          byStem: !entry.asWritten,
        };
        // Forms with a particle first: "raadt af" is more specific than a bare "raadt".
        const list = forms.get(head) ?? [];
        list.push(form);
        list.sort((a, b) => Number(b.particle !== null) - Number(a.particle !== null));
        forms.set(head, list);
      }
    }
    verbForms[language] = forms;
  }
  const weakFrames = new Set(
    Object.entries(file.frames)
      .filter(([, frame]) => frame.weak)
      .map(([name]) => name),
  );
  const reasonMarkers = Object.fromEntries(
    LANGUAGES.map((language) => [language, new Set(file.reasonMarkers[language].flatMap((word) => tokens(word)))]),
  ) as Record<DedupLanguage, Set<string>>;
  return { verbForms, weakFrames, reasonMarkers };
}

function buildSynonyms(file: z.infer<typeof SynonymFile>): Map<string, string> {
  const synonyms = new Map<string, string>();
  for (const entry of file.classes)
    for (const word of [entry.word, ...entry.en]) synonyms.set(stem(tokens(word)[0] ?? word, 'en'), entry.word);
  return synonyms;
}

let files: ReturnType<typeof readFiles> | undefined;
let cached: Lexicons | undefined;

const readFiles = () => ({
  aliasFile: parseFile(AliasFile, 'aliases.json'),
  verbFile: parseFile(VerbFile, 'verbs.json'),
  stopFile: parseFile(StopwordFile, 'stopwords.json'),
  identifierFile: parseFile(IdentifierFile, 'identifiers.json'),
  synonymFile: parseFile(SynonymFile, 'synonyms.json'),
});

const lexiconFiles = () => (files ??= readFiles());

/** The alias table's entries as written (validated): for stages that index names their own way. */
export const aliasEntries = () => lexiconFiles().aliasFile.data.entities;

/** The verb table's entries as written (validated). */
export const verbEntries = () => lexiconFiles().verbFile.data.verbs;

/** Loads and validates the dedup lexicons once per process. */
export function loadLexicons(): Lexicons {
  if (cached) return cached;
  const { aliasFile, verbFile, stopFile, identifierFile, synonymFile } = lexiconFiles();
  const stopwords = Object.fromEntries(
    LANGUAGES.map((language) => [language, new Set(stopFile.data[language].flatMap((word) => tokens(word)))]),
  ) as Record<DedupLanguage, Set<string>>;
  // Glosses mix languages ("The Bezirks 3"), so every language's words apply to every text.
  const allLanguages = (lists: Record<DedupLanguage, string[]>) =>
    new Set(LANGUAGES.flatMap((language) => lists[language].flatMap((word) => tokens(word))));
  let hash = 0;
  for (const char of aliasFile.text + verbFile.text + stopFile.text + identifierFile.text + synonymFile.text)
    hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  cached = {
    ...buildAliases(aliasFile.data),
    ...buildVerbs(verbFile.data),
    synonyms: buildSynonyms(synonymFile.data),
    stopwords,
    notLabelAfter: new Set([...allLanguages(identifierFile.data.notAfter), ...allLanguages(stopFile.data)]),
    quantityUnits: allLanguages(identifierFile.data.units),
    fingerprint: (hash >>> 0).toString(16),
  };
  return cached;
}

export const asDedupLanguage = (language: string): DedupLanguage =>
  DedupLanguage.safeParse(language).success ? (language as DedupLanguage) : 'en';
