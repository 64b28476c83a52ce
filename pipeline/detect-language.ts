import { francAll } from 'franc';
import { z } from 'zod';
import type { LanguageGuess, SupportedLanguage } from '../schemas/article.ts';
import functionWordsData from './lexicons/function-words.json' with { type: 'json' };

const FunctionWords = z.record(z.enum(['nl', 'de', 'en']), z.array(z.string()).min(10));
const FUNCTION_WORDS = new Map(
  Object.entries(FunctionWords.parse(functionWordsData)).map(([code, words]) => [code as SupportedLanguage, new Set(words)]),
);

const ISO3_TO_SUPPORTED: Readonly<Record<string, SupportedLanguage>> = { nld: 'nl', deu: 'de', eng: 'en' };
const SUPPORTED_ISO3 = Object.keys(ISO3_TO_SUPPORTED);

/** Close relatives that trigram models confuse with our three on short or dialect-tinged text. */
const RELATIVES = new Set(['afr', 'nds', 'fry', 'ltz', 'lim', 'gsw', 'sco', 'vls', 'zea', 'dan', 'nob', 'nno', 'swe']);

const ISO3_TO_ISO1: Readonly<Record<string, string>> = {
  fra: 'fr', spa: 'es', ita: 'it', por: 'pt', pol: 'pl', ces: 'cs', ron: 'ro', hun: 'hu', swe: 'sv', dan: 'da',
  nob: 'nb', nno: 'nn', fin: 'fi', tur: 'tr', rus: 'ru', ukr: 'uk', cat: 'ca', glg: 'gl', afr: 'af', ell: 'el',
  arb: 'ar', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', ind: 'id', vie: 'vi', slk: 'sk', slv: 'sl', hrv: 'hr',
  srp: 'sr', bul: 'bg', lit: 'lt', lav: 'lv', est: 'et', sco: 'sco', nds: 'nds', fry: 'fy', ltz: 'lb',
};

/** Below this many letters no method tells Dutch from German reliably. */
const MIN_LETTERS = 15;
/** Trigram statistics settle within the first few thousand characters; more only costs time. */
const SAMPLE_CHARS = 4000;

const WORD = /\p{L}+/gu;

function functionWordShare(words: readonly string[], language: SupportedLanguage): number {
  const lexicon = FUNCTION_WORDS.get(language)!;
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
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = (sample.toLowerCase().match(WORD) ?? []) as string[];
  const letters = words.reduce((sum, word) => sum + word.length, 0);
  if (letters < MIN_LETTERS) {
    return { code: 'und', confidence: 0, supported: false, reason: `too short to tell the language (${letters} letters)` };
  }
  const overall = francAll(sample, { minLength: 3 });
  const [topCode = 'und'] = overall[0] ?? [];
  const restricted = new Map(francAll(sample, { minLength: 3, only: SUPPORTED_ISO3 }));
  const languages: SupportedLanguage[] = ['nl', 'de', 'en'];
  const shares = languages.map((language) => functionWordShare(words, language));
  const combined = languages.map((language, index) => {
    const iso3 = SUPPORTED_ISO3[index]!;
    return (restricted.get(iso3) ?? 0) + 2 * shares[index]!;
  });
  const probabilities = softmax(combined, 8);
  const bestIndex = combined.indexOf(Math.max(...combined));
  const best = languages[bestIndex]!;
  const bestShare = shares[bestIndex]!;
  const bestOverall = overall.find(([code]) => code === SUPPORTED_ISO3[bestIndex])?.[1] ?? 0;

  const looksSupported =
    topCode in ISO3_TO_SUPPORTED ||
    (RELATIVES.has(topCode) && (bestOverall >= 0.85 || bestShare >= 0.2)) ||
    (bestShare >= 0.3 && bestOverall >= 0.9);
  if (!looksSupported) {
    const code = ISO3_TO_ISO1[topCode] ?? topCode;
    return {
      code,
      confidence: Number((overall[0]?.[1] ?? 0).toFixed(3)),
      supported: false,
      reason: `language is ${code === 'und' ? 'undetermined' : code}, not Dutch, German or English`,
    };
  }
  return { code: best, confidence: Number(probabilities[bestIndex]!.toFixed(3)), supported: true };
}
