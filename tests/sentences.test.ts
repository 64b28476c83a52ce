import { describe, expect, it } from 'vitest';
import { lexiconFor } from '../pipeline/rules/lexicon.ts';
import { splitSentences } from '../pipeline/rules/sentences.ts';
import type { SupportedLanguage } from '../schemas/article.ts';

const split = (text: string, language: SupportedLanguage) => {
  const lex = lexiconFor(language);
  return splitSentences(text, language, lex.abbreviations, lex.months);
};

describe('splitSentences keeps news abbreviations and dates inside one sentence', () => {
  it.each<[SupportedLanguage, string, number]>([
    ['en', 'Dr. Jane Roe said the study is early. The team disagreed.', 2],
    ['en', 'The U.S. Senate voted on Monday. The bill passed.', 2],
    ['en', 'Officials met Mr. Smith and Prof. Jones in St. Louis. Nothing was agreed.', 2],
    ['en', 'J. K. Rowling spoke. She left early.', 2],
    ['nl', 'Dr. Jansen zei dat het onderzoek nog loopt. De minister reageerde niet.', 2],
    ['nl', 'Het kabinet, d.w.z. de ministers, besloot het. Dat meldt de NOS.', 2],
    ['nl', 'Scholen o.a. in Utrecht gebruiken Zoom. Anderen niet.', 2],
    ['nl', 'Het verbod geldt vanaf 3 april. Ambtenaren moeten uitwijken.', 2],
    ['de', 'Das Amt hat am 8. April entschieden. Die Regierung folgte.', 2],
    ['de', 'Behörden bzw. Schulen sollen z.B. andere Dienste nutzen. Das sagte die Ministerin.', 2],
    ['de', 'Dr. Weber sagte am 3. April, die Software sei unsicher. Zoom widersprach.', 2],
    ['de', 'Der Sprecher nannte u.a. Sicherheitsmängel. Weitere Details fehlen.', 2],
  ])('%s: %s', (language, text, count) => {
    expect(split(text, language)).toHaveLength(count);
  });

  it.each<[SupportedLanguage, string]>([
    ['en', 'Taiwan bans Zoom\nThe cabinet acted on Tuesday.'],
    ['nl', 'Taiwan verbiedt Zoom\nHet kabinet besloot dinsdag.'],
    ['de', 'Taiwan verbietet Zoom\nDas Kabinett entschied am Dienstag.'],
  ])('%s: a line break ends a headline without a full stop', (language, text) => {
    expect(split(text, language).map((s) => s.text)).toEqual(text.split('\n'));
  });

  it.each<SupportedLanguage>(['en', 'nl', 'de'])(
    '%s: offsets point back into the text, without surrounding whitespace',
    (language) => {
      const text = '  First one here.  Second one, with Dr. Who.\n\nThird line?  ';
      const sentences = split(text, language);
      expect(sentences.length).toBeGreaterThanOrEqual(3);
      for (const sentence of sentences) {
        expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
        expect(sentence.text).toBe(sentence.text.trim());
      }
    },
  );

  it('still splits ordinary sentences that end in a number', () => {
    expect(split('Inflation reached 7.5 percent in 2022. Prices rose again.', 'en')).toHaveLength(2);
    expect(split('Die Inflation lag bei 7,3 Prozent im Jahr 2022. Die Preise stiegen.', 'de')).toHaveLength(2);
  });
});
