import { francAll } from 'franc';
import type { LanguageGuess, SupportedLanguage } from '../../schemas/article.ts';
import { FunctionWords } from '../../schemas/language-lexicon.ts';
import { readLexicon } from '../lexicons/index.ts';

const lexicon = readLexicon('language/function-words.json', FunctionWords).data;
const FUNCTION_WORDS = new Map(
  Object.entries(lexicon.supported).map(([code, words]) => [code as SupportedLanguage, new Set(words)]),
);
const RELATIVE_MARKERS = Object.entries(lexicon.relatives).map(([code, relative]) => ({
  code,
  resembles: relative.resembles,
  words: new Set(relative.words),
}));

const ISO3_TO_SUPPORTED: Readonly<Record<string, SupportedLanguage>> = { nld: 'nl', deu: 'de', eng: 'en' };
const SUPPORTED_ISO3 = Object.keys(ISO3_TO_SUPPORTED);

/** Close relatives that trigram models confuse with our three on short or dialect-tinged text. */
const RELATIVES = new Set(['afr', 'nds', 'fry', 'ltz', 'lim', 'gsw', 'sco', 'vls', 'zea', 'dan', 'nob', 'nno', 'swe']);

const ISO3_TO_ISO1: Readonly<Record<string, string>> = {
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  pol: 'pl',
  ces: 'cs',
  ron: 'ro',
  hun: 'hu',
  swe: 'sv',
  dan: 'da',
  nob: 'nb',
  nno: 'nn',
  fin: 'fi',
  tur: 'tr',
  rus: 'ru',
  ukr: 'uk',
  cat: 'ca',
  glg: 'gl',
  afr: 'af',
  ell: 'el',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  hin: 'hi',
  ind: 'id',
  vie: 'vi',
  slk: 'sk',
  slv: 'sl',
  hrv: 'hr',
  srp: 'sr',
  bul: 'bg',
  lit: 'lt',
  lav: 'lv',
  est: 'et',
  sco: 'sco',
  nds: 'nds',
  fry: 'fy',
  ltz: 'lb',
};

/** Below this many letters no method tells Dutch from German reliably. */
const MIN_LETTERS = 15;
/** Trigram statistics settle within the first couple of thousand characters; more only costs time. */
const SAMPLE_CHARS = 2000;
/**
 * Running prose in our languages is a third or more function words; below this share the text
 * may be another language, and the costlier comparison against all of franc's languages runs.
 */
const CLEARLY_OURS = 0.25;
/** A few marker words of a close relative (Afrikaans `nie`, `vir`) mark the text as that relative. */
const RELATIVE_SHARE = 0.02;

const WORD = /\p{L}+/gu;

function share(words: readonly string[], lexicon: ReadonlySet<string>): number {
  if (words.length === 0) return 0;
  return words.filter((word) => lexicon.has(word)).length / words.length;
}

function softmax(scores: readonly number[], sharpness: number): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((score) => Math.exp((score - max) * sharpness));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}

/**
 * Dutch, German or English, with a confidence; any other language, or too little text, is
 * reported with its code (or `und`) and a reason, so the article is skipped rather than misread.
 * franc's trigram scores are combined with function-word counts, which settle the short texts
 * where trigrams alone mistake German for Afrikaans or Dutch.
 */
function unsupported(code: string, confidence: number): LanguageGuess {
  return {
    code,
    confidence: Number(confidence.toFixed(3)),
    supported: false,
    reason: `language is ${code === 'und' ? 'undetermined' : code}, not Dutch, German or English`,
  };
}

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = (sample.toLowerCase().match(WORD) ?? []) as string[];
  const letters = words.reduce((sum, word) => sum + word.length, 0);
  if (letters < MIN_LETTERS) {
    return {
      code: 'und',
      confidence: 0,
      supported: false,
      reason: `too short to tell the language (${letters} letters)`,
    };
  }
  const restricted = new Map(francAll(sample, { minLength: 3, only: SUPPORTED_ISO3 }));
  const languages: SupportedLanguage[] = ['nl', 'de', 'en'];
  const shares = languages.map((language) => share(words, FUNCTION_WORDS.get(language)!));
  const combined = languages.map(
    (language, index) => (restricted.get(SUPPORTED_ISO3[index]!) ?? 0) + 2 * shares[index]!,
  );
  const probabilities = softmax(combined, 8);
  const bestIndex = combined.indexOf(Math.max(...combined));
  const best = languages[bestIndex]!;
  const bestShare = shares[bestIndex]!;
  const relative = RELATIVE_MARKERS.find(
    (markers) => markers.resembles === best && share(words, markers.words) >= RELATIVE_SHARE,
  );
  if (relative) return unsupported(relative.code, 1 - probabilities[bestIndex]! / 2);

  if (bestShare < CLEARLY_OURS) {
    const overall = francAll(sample, { minLength: 3 });
    const [topCode = 'und', topScore = 0] = overall[0] ?? [];
    const bestOverall = overall.find(([code]) => code === SUPPORTED_ISO3[bestIndex])?.[1] ?? 0;
    const looksSupported =
      topCode in ISO3_TO_SUPPORTED ||
      (RELATIVES.has(topCode) && (bestOverall >= 0.85 || bestShare >= 0.2)) ||
      (bestShare >= 0.3 && bestOverall >= 0.9);
    if (!looksSupported) return unsupported(ISO3_TO_ISO1[topCode] ?? topCode, topScore);
  }
  return { code: best, confidence: Number(probabilities[bestIndex]!.toFixed(3)), supported: true };
}
