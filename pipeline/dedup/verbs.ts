import type { DedupLanguage, Lexicons, VerbForm } from './lexicons.ts';
import { stem } from '../text/stem.ts';

export type HeadVerb = {
  verb: string;
  frame: string;
  weak: boolean;
  /** Where the head verb's words are. */
  tokenIndexes: number[];
  /** Where the first verb of any kind is: the end of a subject-first sentence's subject. */
  firstIndex: number;
  /** The words of reporting and auxiliary verbs met before the head ("has", "said"). */
  weakIndexes: number[];
};

const stemIndexes = new WeakMap<Lexicons, Map<DedupLanguage, Map<string, VerbForm[]>>>();

/** Particle-less forms by stem, so an inflection the table misses ("verbietend") still maps. */
function byStem(lexicons: Lexicons, language: DedupLanguage): Map<string, VerbForm[]> {
  let perLanguage = stemIndexes.get(lexicons);
  if (!perLanguage) stemIndexes.set(lexicons, (perLanguage = new Map()));
  let index = perLanguage.get(language);
  if (!index) {
    index = new Map();
    for (const [head, forms] of lexicons.verbForms[language]) {
      for (const form of forms) {
        if (form.particle !== null || !form.byStem) continue;
        const key = stem(head, language);
        if (!index.has(key)) index.set(key, []);
        index.get(key)?.push(form);
      }
    }
    perLanguage.set(language, index);
  }
  return index;
}

function matchAt(
  words: readonly string[],
  position: number,
  language: DedupLanguage,
  lexicons: Lexicons,
): { form: VerbForm; tokenIndexes: number[] } | undefined {
  const word = words[position] ?? '';
  const forms = lexicons.verbForms[language].get(word) ?? [];
  for (const form of forms) {
    if (form.particle === null) return { form, tokenIndexes: [position] };
    const particle = form.particle.split(' ');
    // A separable particle closes the clause ("raadt het gebruik van Zoom af"): look ahead a little.
    for (let after = position + 1; after < Math.min(words.length, position + 12); after += 1) {
      if (particle.every((part, offset) => words[after + offset] === part)) {
        return { form, tokenIndexes: [position, ...particle.map((_, offset) => after + offset)] };
      }
    }
  }
  // A stopword that stems like a verb ("March" and "marched") is not that verb.
  if (word.length <= 3 || lexicons.stopwords[language].has(word)) return undefined;
  const form = byStem(lexicons, language).get(stem(word, language))?.[0];
  return form ? { form, tokenIndexes: [position] } : undefined;
}

/**
 * The head verb of an action or statement: the first event verb, else the first reporting or
 * auxiliary verb ("has banned", "said it would ban" → ban). A reason clause ends the search: in
 * "the package was adopted because prices had risen" the claim is not about rising.
 */
export function headVerb(words: readonly string[], language: DedupLanguage, lexicons: Lexicons): HeadVerb | undefined {
  let weak: HeadVerb | undefined;
  let firstIndex = -1;
  const weakIndexes: number[] = [];
  for (let position = 0; position < words.length; position += 1) {
    if (lexicons.reasonMarkers[language].has(words[position]!)) break;
    const match = matchAt(words, position, language, lexicons);
    if (!match) continue;
    if (firstIndex < 0) firstIndex = position;
    const isWeak = lexicons.weakFrames.has(match.form.frame);
    const found: HeadVerb = {
      verb: match.form.verb,
      frame: match.form.frame,
      weak: isWeak,
      tokenIndexes: match.tokenIndexes,
      firstIndex,
      weakIndexes,
    };
    if (!isWeak) return found;
    weakIndexes.push(...match.tokenIndexes);
    weak ??= found;
  }
  return weak;
}
