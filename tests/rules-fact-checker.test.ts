import { describe, expect, it } from 'vitest';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';
import type { SupportedLanguage } from '../schemas/article.ts';

type Language = SupportedLanguage;
const claimsOf = (text: string, language: Language, title?: string) =>
  extractRuleClaims({
    articleId: 'test',
    text,
    language,
    published: { iso: '2020-04-09', precision: 'day' },
    ...(title ? { title } : {}),
  });

/** English words that state a negation: what a reader looks for in statement_en. */
const NEGATED_EN = /\b(?:not|no|never)\b|n't\b/;

describe('attribution in its news forms', () => {
  it.each<[Language, string, string, string]>([
    ['nl', 'Het kabinet verbiedt de app op werktelefoons, zegt Hariët Pinkster.', 'Hariët Pinkster', 'zegt'],
    ['nl', 'De regering zal de app niet verbieden, aldus de minister.', 'de minister', 'aldus'],
    ['de', 'Die Regierung verbietet Zoom auf Diensthandys, so ein Sprecher.', 'ein Sprecher', 'so'],
    ['de', 'Die Regierung verbietet Zoom auf Diensthandys, sagte der Minister.', 'der Minister', 'sagte'],
    ['en', 'The court ruled that the ban was unlawful, said Judge Mary Smith.', 'Judge Mary Smith', 'said'],
    ['en', 'The government will not ban Zoom on work phones, the minister said.', 'the minister', 'said'],
  ])('%s: trailing attribution is the source and leaves the action: %s', (language, text, source, cue) => {
    const [claim] = claimsOf(text, language);
    expect(claim?.source).toBe(source);
    expect(claim?.action.split(' ')).not.toContain(cue);
    expect(claim?.action).not.toContain(source);
  });

  it.each<[Language, string, string]>([
    ['nl', 'Volgens de minister moet de app van alle werktelefoons verdwijnen.', 'de minister'],
    ['de', 'Laut Polizei hat der Mann keine Vorstrafen.', 'Polizei'],
    [
      'de',
      'Nach Aussage des Wetterdienstes lag das Zentrum des Sturms über dem nahe gelegenen Husum.',
      'Wetterdienstes',
    ],
    ['en', 'According to the police, the man admitted to shooting his neighbour.', 'the police'],
  ])('%s: a source named before the claim: %s', (language, text, source) => {
    const [claim] = claimsOf(text, language);
    expect(claim?.source).toBe(source);
  });

  it.each<[Language, string, string]>([
    ['nl', ",,We heffen het verbod niet op'', zei de minister.", 'de minister'],
    ['de', '„Wir werden das Verbot nicht aufheben“, sagte Müller.', 'Müller'],
    ['de', '»Wir werden das Verbot nicht aufheben«, sagte die Ministerin.', 'die Ministerin'],
    ['en', '"We will not lift the ban," the minister said.', 'the minister'],
  ])('%s: a quotation with its speaker in the same sentence: %s', (language, text, speaker) => {
    const [claim] = claimsOf(text, language);
    expect(claim?.source).toBe(speaker);
    expect(claim?.polarity).toBe('negated');
  });

  it.each<[Language, string, string]>([
    ['de', '„Ich mache das seit zehn Jahren“, sagte Bergführer Tom Beispiel.', 'mache'],
    ['de', '„Wir brauchen im Herbst zwei neue Busse“, sagte die Bürgermeisterin.', 'brauchen'],
  ])(
    '%s: after a pronoun opening the quotation the next word is the verb, whatever its ending: %s',
    (language, text, verb) => {
      const [claim] = claimsOf(text, language);
      expect(claim?.action.split(' ')[0]).toBe(verb);
    },
  );

  it('de: "sagte er" has the pronoun as its speaker, resolved to the name before, not a noun after it', () => {
    const claims = claimsOf(
      'Der Bergführer Tom Beispiel erreichte am Montag den Gipfel. „Die Tour hat 30 Stunden gedauert“, sagte er nach der Rückkehr ins Tal.',
      'de',
    );
    expect(claims.at(-1)?.source).toBe('Der Bergführer Tom Beispiel');
  });

  it.each<[Language, string, string]>([
    [
      'de',
      'Mira Okafor sagte am Montag, die Ingenieure würden einen neuen Triebwerkstest unternehmen. Das Programm komme insgesamt gut voran.',
      'Das Programm',
    ],
    [
      'de',
      'Die Ministerin erklärte am Montag, das Verbot bleibe in Kraft. Die Software habe zu viele Sicherheitslücken.',
      'Die Software',
    ],
    [
      'nl',
      "Minister Jan de Vries zei dinsdag dat het verbod blijft. ,,Wij heffen het verbod niet op.''",
      'Minister Jan de Vries',
    ],
    [
      'en',
      'Mayor Mary Smith said on Monday that the bridge would reopen. "We will finish the repairs by May."',
      'Mayor Mary Smith',
    ],
  ])('%s: reported speech going on in the next sentence keeps its speaker: %s', (language, text, actor) => {
    const claims = claimsOf(text, language);
    const next = claims.find((claim) => claim.actor === actor);
    const speaker = claims[0]!.source;
    expect(speaker).not.toBeNull();
    expect(next?.source).toBe(speaker);
  });
});

describe('the speaker of reported speech, not an adverb or the speaker before', () => {
  it.each<[Language, string, string]>([
    [
      'de',
      'Die Händler sagen, die Preise seien zu hoch. Tom Beispiel, Sprecher der Musterfirma, sagte dazu, ein Preis von 30 Euro sei zu viel.',
      'Tom Beispiel, Sprecher der Musterfirma',
    ],
    [
      'de',
      'Der Verband erklärte, die Preise seien zu hoch. Die Firma Musterbau gab zu, einer ihrer Angestellten habe die Anweisung erteilt.',
      'Die Firma Musterbau',
    ],
  ])('%s: a sentence naming its own speaker does not keep the one before: %s', (language, text, speaker) => {
    expect(claimsOf(text, language).at(-1)?.source).toBe(speaker);
  });

  it('de: an adverb opening the sentence is not the speaker ("Weiter sagte er: …")', () => {
    const claims = claimsOf(
      'Bürgermeisterin Anna Muster eröffnete am Montag die Brücke. Weiter sagte sie: „Die Stadt hat 30 Millionen Euro investiert.“',
      'de',
    );
    expect(claims.map((claim) => claim.source)).not.toContain('Weiter');
    expect(claims.at(-1)?.source).toBe('Bürgermeisterin Anna Muster');
  });

  it('de: ", so dass …" is a conjunction, not a closing source', () => {
    const claims = claimsOf('Die Leitung galt als hergestellt, so dass der Kunde 20 Euro bezahlen musste.', 'de');
    expect(claims.every((claim) => claim.source === null)).toBe(true);
  });
});

describe('the speaker of a quotation introduced by a colon', () => {
  it.each<[Language, string, string]>([
    [
      'de',
      'Der Sprecher Paul Hensel sagte, die Übernahme sei nicht relevant. Greta Lind vom Hotel Seeblick kommentierte die Erhöhung: „Ich habe bei dem Portal alle Angebote gestrichen.“',
      'Greta Lind vom Hotel Seeblick',
    ],
    [
      'nl',
      "Minister Jan de Vries zei dat het verbod blijft. Burgemeester Anne Jansen reageerde op het besluit: ,,Wij sluiten de bibliotheek in mei.''",
      'Burgemeester Anne Jansen',
    ],
    [
      'en',
      'Minister John Smith said the ban stays. Mayor Anne Morris answered the minister: "We will close the library in May."',
      'Mayor Anne Morris',
    ],
  ])("%s: the quotation after the colon is the new speaker's, not the one before: %s", (language, text, speaker) => {
    const quoted = claimsOf(text, language).at(-1)!;
    expect(quoted.source).toBe(speaker);
    expect(quoted.actor).toBe(speaker);
  });

  it.each<[Language, string, string]>([
    [
      'de',
      'Finanzministerin Karla Beispiel: „Dieser Haushalt hat ein Einnahmenproblem.“',
      'Finanzministerin Karla Beispiel',
    ],
    [
      'de',
      'Die Sprecherin des Elternverbandes, Anna Muster: „Wir haben 40 Lehrer zu wenig.“',
      'Die Sprecherin des Elternverbandes, Anna Muster',
    ],
  ])('%s: a name alone before the colon is the speaker of the quotation: %s', (language, text, speaker) => {
    expect(claimsOf(text, language)[0]?.source).toBe(speaker);
  });

  it('de: a clause with a verb before the colon is not taken for a name', () => {
    const claims = claimsOf(
      'Lob bekam die Mannschaft von Trainerin Anna Muster: „Das Team hat 30 Spiele gewonnen.“',
      'de',
    );
    expect(claims.map((claim) => claim.source)).not.toContain('Lob bekam die Mannschaft von Trainerin Anna Muster');
  });

  it.each<[Language, string, string]>([
    ['de', 'Einige Patienten haben sich im Krankenhaus angesteckt, sagt Dr. Moll.', 'Dr. Moll'],
    ['en', 'The valve failed after the second test, said Dr. Alan Pike.', 'Dr. Alan Pike'],
  ])("%s: a title with a dot stays in the speaker's name: %s", (language, text, speaker) => {
    expect(claimsOf(text, language)[0]?.source).toBe(speaker);
  });
});

describe('actors a reader can check', () => {
  it.each<[Language, string, string, string]>([
    [
      'nl',
      'Jan de Vries is burgemeester van Utrecht. Hij opende maandag een nieuwe brug.',
      'Jan de Vries',
      'Hij opende',
    ],
    [
      'de',
      'Der Pilot Hans Müller landete am Montag in Rom. Er sagte, er habe keine Angst gehabt.',
      'Der Pilot Hans Müller',
      'er habe keine Angst',
    ],
    ['en', 'Mary Smith is the mayor of the town. She opened a bridge on Monday.', 'Mary Smith', 'She opened'],
  ])(
    '%s: a pronoun subject is the nearest name before it, and the quote still shows the pronoun: %s',
    (language, text, name, quoted) => {
      const claim = claimsOf(text, language).find((c) => c.quote.includes(quoted));
      expect(claim?.actor).toBe(name);
      expect(claim?.statement_en).toContain(name.split(' ').at(-1));
    },
  );

  it.each<[Language, string]>([
    ['nl', 'Het is een grote stap voor de gemeente.'],
    ['nl', 'Hij opende maandag een nieuwe brug.'],
    ['de', 'Es ist ein großer Schritt für die Stadt.'],
    ['de', 'Er eröffnete am Montag eine neue Brücke.'],
    ['en', 'It is a big step for the town.'],
    ['en', 'She opened a bridge on Monday.'],
  ])('%s: a pronoun with no name to stand for is left out: %s', (language, text) => {
    expect(claimsOf(text, language)).toEqual([]);
  });
});

describe('what a fact-checker would not keep', () => {
  it.each<[Language, string]>([
    ['nl', 'Moet de regering Zoom verbieden?'],
    ['nl', 'Dat is in ieder geval een verstandig besluit.'],
    ['nl', 'Gebruik je Zoom nog op je werktelefoon, dan loop je risico.'],
    ['de', 'Ach, ist das nicht wundervoll?'],
    ['de', 'Sollte die Regierung Zoom verbieten?'],
    ['de', 'Wenn du Zoom nutzt, solltest du das Passwort ändern.'],
    ['en', 'Should the government ban Zoom?'],
    ['en', 'Avoid Zoom on your work phone.'],
    ['en', 'You should change your password after every call.'],
    ['en', 'That was a wise decision by the cabinet.'],
  ])('%s: no claim from a question, exclamation, advice to the reader or opinion: %s', (language, text) => {
    expect(claimsOf(text, language)).toEqual([]);
  });

  it.each<[Language, string, string]>([
    ['nl', 'Taiwan verbiedt Zoom', 'Het Taiwanese kabinet heeft op 7 april het gebruik van Zoom verboden.'],
    ['de', 'Regierung verbietet Zoom', 'Die Regierung hat am 7. April die Nutzung von Zoom verboten.'],
    ['en', 'Taiwan bans Zoom', 'The Taiwanese cabinet banned the use of Zoom on 7 April.'],
  ])('%s: the headline repeated in the body and a caption line give no claim', (language, title, lead) => {
    const text = `${title}\n\n${lead}\n\nFoto: ${title}\n`;
    const claims = claimsOf(text, language, title);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.quote.startsWith(lead.slice(0, 10))).toBe(true);
  });
});

describe('the quote and the English keep negation and modality', () => {
  it.each<[Language, string, string, 'fact' | 'planned' | 'demanded']>([
    ['nl', 'Nu staat ook de Taiwanese overheid het gebruik van Zoom door ambtenaren niet meer toe.', 'niet', 'fact'],
    ['nl', 'De regering zal de app niet verbieden.', 'niet', 'planned'],
    ['de', 'Die Regierung wird Zoom nicht verbieten.', 'nicht', 'planned'],
    ['de', 'Laut dem Ministerium darf die App nicht genutzt werden.', 'nicht', 'demanded'],
    ['en', 'The government will not ban Zoom.', 'not', 'planned'],
    ['en', 'The cabinet did not ban the app.', 'not', 'fact'],
  ])('%s: %s', (language, text, negation, modality) => {
    const [claim] = claimsOf(text, language);
    expect(claim?.polarity).toBe('negated');
    expect(claim?.modality).toBe(modality);
    expect(claim?.quote.split(/\s+/)).toContain(negation);
    expect(claim?.statement_en).toMatch(NEGATED_EN);
  });

  it.each<[Language, string, string]>([
    ['nl', 'Jan de Vries werd maandag vrijgelaten. Hij heeft geen strafblad, aldus de politie.', 'strafblad'],
    ['de', 'Laut Polizei hat der Mann keine Vorstrafen.', 'Vorstrafen'],
  ])('%s: a word the gloss does not know stays as written: %s', (language, text, word) => {
    const claim = claimsOf(text, language).find((c) => c.quote.includes(word));
    expect(claim?.statement_en).toContain(word);
    expect(claim?.statement_en).not.toContain('magazine');
    expect(claim?.statement_en).toMatch(NEGATED_EN);
  });
});

describe('claims from the sentence structure', () => {
  it.each<[Language, string, string, string]>([
    [
      'nl',
      'Het kabinet verbiedt de app en de minister schrapt het budget voor de campagne.',
      'Het kabinet',
      'de minister',
    ],
    [
      'de',
      'Die Regierung verbietet die App und der Minister streicht das Budget der Kampagne.',
      'Die Regierung',
      'der Minister',
    ],
    ['en', 'The plane landed in Paris and the airline cancelled the return flight.', 'The plane', 'the airline'],
  ])('%s: coordinated clauses are separate claims, each with its own quote: %s', (language, text, first, second) => {
    const claims = claimsOf(text, language);
    expect(claims.map((c) => c.actor)).toEqual([first, second]);
    expect(claims[0]!.quote).not.toBe(claims[1]!.quote);
    expect(claims[1]!.quote.startsWith(second)).toBe(true);
  });

  it('de: a Konjunktiv I the lexicon does not list is a verb, so reported speech on it is a claim', () => {
    const claims = claimsOf('Die Ministerin erklärte, die Stadt verdopple die Zahl der Busse bis 2030.', 'de');
    expect(claims[0]?.actor).toBe('die Stadt');
    expect(claims[0]?.action.split(' ')[0]).toBe('verdopple');
    expect(claims[0]?.source).toBe('Die Ministerin');
  });

  it('de: an -e word before a noun is an adjective, not a verb: "Die auf 50 Leute aufgestockte Kommission …"', () => {
    const claims = claimsOf('Die auf 50 Leute aufgestockte Kommission ermittelt in dem Fall.', 'de');
    expect(claims[0]?.actor).toBe('Die auf 50 Leute aufgestockte Kommission');
  });

  it.each<[Language, string, string]>([
    ['nl', 'De gemeente investeerde vorig jaar twintig miljoen euro in de brug.', 'investeerde'],
    ['de', 'Das Unternehmen investierte im vergangenen Jahr 20 Millionen Euro in das Werk.', 'investierte'],
    ['en', 'The court ruled on Monday that the ban was unlawful.', 'ruled'],
    ['en', 'The plane landed safely in Paris on Monday.', 'landed'],
  ])('%s: a finite verb the lexicon does not list is known by its form: %s', (language, text, verb) => {
    const [claim] = claimsOf(text, language);
    expect(claim?.action.split(' ')[0]).toBe(verb);
  });
});

describe('German: the finite verb after a source that opens the sentence', () => {
  it.each<[string, string, string]>([
    ['Nach Angaben der Feuerwehr löschte die Mannschaft den Brand binnen zwei Stunden.', 'Feuerwehr', 'löschte'],
    ['Laut einem Bericht des Senders verhandeln die Parteien seit Montag.', 'einem Bericht des Senders', 'verhandeln'],
    ['Der Stadtverwaltung zufolge schwankt der Wasserstand seit Tagen.', 'Der Stadtverwaltung', 'schwankt'],
    ['Nach Angaben der örtlichen Polizei flüchtete der Fahrer zu Fuß.', 'örtlichen Polizei', 'flüchtete'],
  ])('%s', (text, source, verb) => {
    const [claim] = claimsOf(text, 'de');
    expect(claim?.source).toBe(source);
    expect(claim?.action.split(' ')[0]).toBe(verb);
  });

  it('does not take an adjective after the article for the verb', () => {
    const [claim] = claimsOf('Nach Angaben der zuständigen Behörde ist die Straße wieder frei.', 'de');
    expect(claim?.action).toMatch(/^ist\b/u);
  });
});
