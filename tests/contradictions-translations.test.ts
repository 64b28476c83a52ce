import { describe, expect, it } from 'vitest';
import { detectFindings } from '../pipeline/contradictions/detect.ts';
import { anchorsOf, readAsTranslation } from '../pipeline/contradictions/translations.ts';
import { claimRow } from './support/contradiction-claims.ts';

// One short article of ours in three languages, and a second report of the same event written apart.
const bridge = {
  en: 'Harbour authority Rijnmond closed the Calandbrug on Tuesday after a freighter hit the bridge. Director Anna Visser said repairs would take 14 days and cost 2.5 million euros. Around 3,000 commuters use the bridge every day, according to the city of Rotterdam.',
  nl: "Havenautoriteit Rijnmond heeft de Calandbrug dinsdag gesloten nadat een vrachtschip de brug had geraakt. Directeur Anna Visser zei dat het herstel 14 dagen duurt en 2,5 miljoen euro kost. Volgens de gemeente Rotterdam gebruiken dagelijks zo'n 3.000 forenzen de brug.",
  de: 'Die Hafenbehörde Rijnmond hat die Calandbrug am Dienstag gesperrt, nachdem ein Frachter die Brücke gerammt hatte. Direktorin Anna Visser sagte, die Reparatur dauere 14 Tage und koste 2,5 Millionen Euro. Nach Angaben der Stadt Rotterdam nutzen täglich rund 3.000 Pendler die Brücke.',
};
const secondReport = {
  de: 'Nach der Kollision eines Frachters bleibt die Calandbrug in Rotterdam vorerst gesperrt. Die Stadt rechnet mit 3.000 betroffenen Pendlern am Tag. Die Reparatur soll nach Angaben von Anna Visser drei Wochen dauern, die Kosten schätzt Rijnmond auf 4 Millionen Euro.',
  nl: 'Na de aanvaring van een vrachtschip blijft de Calandbrug in Rotterdam voorlopig dicht. De gemeente rekent op 3.000 getroffen forenzen per dag. Het herstel duurt volgens Anna Visser drie weken, de kosten schat Rijnmond op 4 miljoen euro.',
};

describe('translations of one text', () => {
  it('reads figures in any language’s writing, and names past a sentence’s start, without months or weekdays', () => {
    const anchors = anchorsOf('Am Dienstag, 3. März, zahlte Korvon 1.000 Euro. Laut Anna Visser waren es 2,5 Prozent.');
    expect(anchors.figures).toEqual(['#3', '#1000', '#25']);
    expect(anchors.names).toContain('korvo');
    expect(anchors.names).not.toContain('diens');
    expect(anchors.names).not.toContain('märz');
    expect(anchors.names).not.toContain('laut');
    expect(anchorsOf('On Tuesday Korvon paid 1,000 euros.').figures).toEqual(['#1000']);
  });

  it.each([
    ['en', 'nl'],
    ['en', 'de'],
    ['nl', 'de'],
  ] as const)(
    '%s and %s versions of one article read as translations; the same text in one language is no translation',
    (x, y) => {
      expect(readAsTranslation({ language: x, text: bridge[x] }, { language: y, text: bridge[y] })).toBe(true);
      expect(readAsTranslation({ language: x, text: bridge[x] }, { language: x, text: bridge[x] })).toBe(false);
    },
  );

  it.each([
    ['en', 'de'],
    ['en', 'nl'],
    ['de', 'nl'],
  ] as const)(
    'a second report of the same event (%s against %s), with its own figures in its own order, is no translation',
    (x, y) => {
      const other = secondReport[y as keyof typeof secondReport];
      expect(readAsTranslation({ language: x, text: bridge[x] }, { language: y, text: other })).toBe(false);
    },
  );

  it('holds a disagreement between two articles that translate each other out of the report, and says why', () => {
    const article = (language: 'en' | 'de', text: string) => ({
      article_id: `bridge-${language}`,
      language,
      text,
      published: '2026-03-03',
    });
    const claim = (language: 'en' | 'de', action: string, modality: 'fact' | 'advised') =>
      claimRow({
        language,
        article_id: `bridge-${language}`,
        actor: 'Rijnmond',
        action,
        statement_en: 'Rijnmond closed the Calandbrug.',
        modality,
        cluster_id: 'bridge',
      });
    const claims = [claim('en', 'closed the Calandbrug', 'fact'), claim('de', 'rät von der Calandbrug ab', 'advised')];
    const apart = detectFindings(claims);
    expect(apart.shown.map((found) => found.kind)).toContain('modality');
    const translated = detectFindings(claims, [article('en', bridge.en), article('de', bridge.de)]);
    expect(translated.shown).toEqual([]);
    expect(translated.held.map((found) => found.held)).toContain('the two articles read as translations of one text');
  });
});
