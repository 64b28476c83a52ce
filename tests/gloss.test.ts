import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GlossLexicon } from '../schemas/rules-lexicon.ts';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';
import { glossTokens } from '../pipeline/rules/gloss.ts';
import { lexiconFor } from '../pipeline/rules/lexicon.ts';
import { tokenize } from '../pipeline/text/tokens.ts';

type Language = 'nl' | 'de';
const gloss = (text: string, language: Language) => glossTokens(tokenize(text), lexiconFor(language));
const words = (text: string) => text.toLowerCase().split(/\s+/);

/** The words appear in this order (not necessarily next to each other). */
function expectInOrder(text: string, expected: string[]): void {
  const list = words(text);
  let at = -1;
  for (const word of expected) {
    const next = list.indexOf(word, at + 1);
    expect(next, `"${word}" after position ${at} in "${text}"`).toBeGreaterThan(at);
    at = next;
  }
}

describe('gloss: inflected verbs read as English verbs', () => {
  it.each<[Language, string, string]>([
    ['nl', 'De minister verklaarde het.', 'declared'],
    ['nl', 'De regering beloofde hulp.', 'promised'],
    ['nl', 'Het bedrijf heeft de prijzen verhoogd.', 'raised'],
    ['nl', 'De politie arresteert twee mannen.', 'arrests'],
    ['nl', 'Zij besloten het plan te steunen.', 'decided'],
    ['de', 'Der Minister erklärte es.', 'explained'],
    ['de', 'Die Firma hat die Preise erhöht.', 'increased'],
    ['de', 'Die Polizei nahm zwei Männer fest.', 'arrested'],
    ['de', 'Die Forscher haben den Impfstoff entwickelt.', 'developed'],
    ['de', 'Das Gericht wies die Klage zurück.', 'rejected'],
    ['de', 'Die Regierung übernahm die Kosten.', 'took over'],
  ])('%s: %s → %s', (language, text, english) => {
    expect(gloss(text, language).toLowerCase()).toContain(english);
  });
});

describe('gloss: a separable verb is one English verb, its particle gone', () => {
  it.each<[Language, string, string, string]>([
    ['nl', 'Het kabinet stelt nieuwe regels in.', 'introduces', 'in'],
    ['nl', 'De burgemeester kondigde maatregelen aan.', 'announced', 'to'],
    ['nl', 'De partij voert de wet in, zei hij.', 'introduces', 'in'],
    ['de', 'Der Minister kündigte neue Regeln an.', 'announced', 'at'],
    ['de', 'Das Komitee stellte seine Bemühungen ein.', 'stopped', 'a'],
    ['de', 'Die Polizei nahm den Verdächtigen fest.', 'arrested', 'firm'],
  ])('%s: %s → %s', (language, text, verb, particle) => {
    const english = gloss(text, language);
    expect(english.toLowerCase()).toContain(verb);
    expect(words(english)).not.toContain(particle);
  });

  it.each<[Language, string, string]>([
    ['nl', 'Zij hebben besloten de maatregel aan te kondigen.', 'announce'],
    ['nl', 'De maatregel werd gisteren aangekondigd.', 'announced'],
    ['de', 'Sie haben beschlossen, die Maßnahme anzukündigen.', 'to announce'],
    ['de', 'Die Maßnahme wurde gestern angekündigt.', 'announced'],
  ])('%s: joined forms and infinitives: %s → %s', (language, text, english) => {
    expect(gloss(text, language).toLowerCase()).toContain(english);
  });
});

describe('gloss: compounds by their parts', () => {
  it.each<[Language, string, string]>([
    ['de', 'Sicherheitsbedenken', 'security concerns'],
    ['de', 'Gesundheitsministerium', 'health ministry'],
    ['de', 'Verkehrsunfälle', 'traffic accidents'],
    ['nl', 'overheidsinstanties', 'government'],
    ['nl', 'verkeersregels', 'traffic rules'],
  ])('%s: %s → %s', (language, word, english) => {
    expect(gloss(word, language).toLowerCase()).toContain(english);
  });
});

describe('gloss: verbs where English puts them', () => {
  it.each<[Language, string, string[]]>([
    ['de', 'Er sagte, dass die Regierung das Gesetz beschlossen hat.', ['that', 'government', 'has', 'decided', 'law']],
    [
      'de',
      'Die Regierung hat am Montag ein neues Gesetz beschlossen.',
      ['government', 'has', 'decided', 'monday', 'law'],
    ],
    [
      'de',
      'Obwohl die Polizei warnte, gerieten viele Einwohner in Sorge.',
      ['although', 'police', 'warned', 'residents', 'got'],
    ],
    [
      'de',
      'Das Komitee, das die Pläne geprüft hatte, stellte seine Arbeit ein.',
      ['committee', 'that', 'had', 'examined', 'plans', 'stopped'],
    ],
    [
      'nl',
      'Hij zei dat de regering het plan heeft goedgekeurd.',
      ['said', 'that', 'government', 'has', 'approved', 'plan'],
    ],
    ['nl', 'De minister heeft besloten de grens te sluiten.', ['minister', 'has', 'decided', 'to', 'close', 'border']],
    ['nl', 'Het kabinet verbood ambtenaren om Zoom te gebruiken.', ['cabinet', 'banned', 'to', 'use', 'zoom']],
  ])('%s: %s', (language, text, order) => {
    expectInOrder(gloss(text, language), order);
  });
});

describe('gloss: names and unknown loanwords', () => {
  it.each<[Language, string, string[]]>([
    ['nl', 'Volgens Kestrwind heeft Jan de Vries het contract getekend.', ['Kestrwind', 'Jan', 'Vries', 'signed']],
    ['de', 'Laut Winfrey hat Korvon Telecom den Vertrag unterzeichnet.', ['Winfrey', 'Korvon', 'Telecom', 'signed']],
    ['nl', 'De burgemeester van Leiden opende een brug in Gouda.', ['Leiden', 'Gouda', 'bridge']],
  ])('%s: names kept as written: %s', (language, text, expected) => {
    const english = gloss(text, language);
    for (const word of expected) expect(english).toContain(word);
  });

  it.each<[Language, string, string]>([
    ['de', 'Die Mortalität stieg.', 'mortality'],
    ['de', 'Die Konferenz begann.', 'conference'],
    ['nl', 'De communicatie faalde.', 'communication'],
    ['nl', 'Een elektrische transformatie.', 'transformation'],
  ])('%s: loanword endings: %s → %s', (language, text, english) => {
    expect(gloss(text, language).toLowerCase()).toContain(english);
  });
});

describe('statement_en of extracted claims', () => {
  it.each<[Language, string, string[]]>([
    [
      'nl',
      'De gemeente heeft de nieuwe verkeersregels ingevoerd.',
      ['municipality', 'introduced', 'new', 'traffic', 'rules'],
    ],
    [
      'nl',
      'De regering kondigde aan dat zij de belastingen gaat verlagen.',
      ['government', 'announced', 'that', 'lower', 'taxes'],
    ],
    [
      'de',
      'Die Behörde hat die Sicherheitsbedenken der Forscher bestätigt.',
      ['authority', 'confirmed', 'security', 'concerns', 'researchers'],
    ],
    [
      'de',
      'Die Regierung kündigte an, dass sie die Steuern senken wird.',
      ['government', 'announced', 'that', 'they', 'lower', 'taxes'],
    ],
  ])('%s: %s', (language, text, expected) => {
    const [claim] = extractRuleClaims({ articleId: 't', text, language });
    expect(claim).toBeDefined();
    expectInOrder(claim!.statement_en.replace(/[.,]/g, ''), expected);
  });
});

describe('gloss lexicons', () => {
  it.each<Language>(['nl', 'de'])(
    '%s: every listed verb is known by its infinitive, a separable one also split',
    (language) => {
      const data = GlossLexicon.parse(
        JSON.parse(readFileSync(new URL(`../pipeline/lexicons/rules/gloss-${language}.json`, import.meta.url), 'utf8')),
      );
      const lex = lexiconFor(language);
      const missing = Object.keys(data.verbs).filter((key) => {
        const [particle, base] = key.includes('+') ? (key.split('+') as [string, string]) : ['', key];
        // A separable verb is known joined ("ankündigen") and split ("kündigen … an").
        return !lex.gloss.entry(`${particle}${base}`) || (particle !== '' && !lex.gloss.split.get(base)?.has(particle));
      });
      expect(missing).toEqual([]);
      expect(Object.keys(data.verbs).length).toBeGreaterThan(300);
      expect(Object.keys(data.words).length).toBeGreaterThan(1500);
    },
  );
});

describe('gloss: readable English around the words it knows', () => {
  it('says "an" before a vowel', () => {
    expect(gloss('Der Rat beschloss eine unabhängige Prüfung.', 'de')).toContain('an independent');
    expect(gloss('De raad wil een onafhankelijk onderzoek.', 'nl')).toContain('an independent');
  });

  it('reads a lowercase German form as its verb, a capitalised one as the noun', () => {
    expect(gloss('Die Soldaten folgen dem Befehl.', 'de')).toContain('follow');
    expect(gloss('Die Folgen sind schwer.', 'de')).toContain('consequences');
  });

  it('glosses a verb the claim verbs do not list from the gloss lexicon', () => {
    const [claim] = extractRuleClaims({
      articleId: 'g',
      text: 'Die Stadt gewährt den Vereinen Zuschüsse.',
      language: 'de',
    });
    expect(claim?.statement_en).toMatch(/\bgrant/);
  });
});
