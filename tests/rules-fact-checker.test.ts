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

/** One claim per row, as a fact-checker would keep it: actor, action and source, compared field by field. */
type Kept = { actor: string; action: string; source?: string | null; date?: string | null; reason?: string | null };

describe('the actor/action boundary and the source (issue #14)', () => {
  it.each<[Language, string, Kept]>([
    [
      'en',
      'After the tunnel was opened in 1990, the ferry service was stopped.',
      { actor: 'the ferry service', action: 'was stopped' },
    ],
    [
      'nl',
      'Toen de brand was geblust, bleven de bewoners een nacht in een hotel.',
      { actor: 'de bewoners', action: 'bleven een nacht in een hotel', date: 'Toen de brand was geblust' },
    ],
    [
      'en',
      'Because the tunnel was closed, lorries took a detour via the coast road.',
      { actor: 'lorries', action: 'took a detour via the coast road', reason: 'the tunnel was closed' },
    ],
  ])('%s: a clause put before the main clause ends at its comma: %s', (language, text, kept) => {
    const claims = claimsOf(text, language);
    expect(claims.find((c) => c.actor === kept.actor)).toMatchObject(kept);
    expect(claims.map((c) => c.actor).join(' | ')).not.toMatch(/^(?:After|Toen|Because)\b/u);
  });

  it.each<[Language, string]>([['en', 'If the judge lifts the ban, the factory will reopen in June.']])(
    '%s: a condition is no claim of its own: %s',
    (language, text) => {
      expect(claimsOf(text, language).map((c) => c.actor)).not.toContain(
        language === 'en' ? 'the judge' : 'de rechter',
      );
    },
  );

  it('en: a clause of "when" dates the claim before it instead of being a claim', () => {
    const claims = claimsOf('About 300 lorries were waiting at the border when the strike ended.', 'en');
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      actor: 'About 300 lorries',
      action: 'were waiting at the border',
      date: 'when the strike ended',
      statement_en: 'About 300 lorries were waiting at the border.',
    });
  });

  it('en: a participle after a noun describes it; the verb group after it is the verb', () => {
    expect(claimsOf('Nine clinics located near the border were closed on Friday.', 'en')[0]).toMatchObject({
      actor: 'Nine clinics located near the border',
      action: 'were closed',
    });
  });

  it('en: "were able to show" keeps its subject as the source of what they concluded', () => {
    expect(
      claimsOf('The doctors were able to show that the vaccine reduced infections by half.', 'en')[0],
    ).toMatchObject({
      actor: 'the vaccine',
      source: 'The doctors',
    });
  });

  it('en: a comparison ending in a bare auxiliary is no claim', () => {
    const claims = claimsOf(
      'The doctors concluded that the new vaccine protects children as well as the old one does.',
      'en',
    );
    expect(claims.map((c) => c.action)).not.toContain('does');
  });

  it.each<[Language, string, string]>([
    ['en', 'No casualties have been reported in the village.', 'No casualties'],
    ['nl', 'Het virus werd door een arts uit Utrecht ontdekt in een dorp bij de rivier.', 'Het virus'],
  ])('%s: the subject of a passive speech verb is not its source: %s', (language, text, actor) => {
    expect(claimsOf(text, language)[0]).toMatchObject({ actor, source: null });
  });

  it('en: a possessive name before its noun is one source: "Canada\'s health agency"', () => {
    expect(
      claimsOf("According to Canada's health agency, three new cases have been found in Toronto.", 'en')[0],
    ).toMatchObject({
      actor: 'three new cases',
      source: "Canada's health agency",
    });
  });
});

describe('subject nouns that look like verbs, adverbs before the verb, and attributions inside the sentence', () => {
  it.each<[Language, string, string]>([
    ['en', 'Television reports show heavy smoke above the harbour.', 'Television reports'],
    ['nl', 'Officiële rapporten bevestigen twee doden in de haven.', 'Officiële rapporten'],
  ])('%s: a plural noun right before the verb belongs to the subject: %s', (language, text, actor) => {
    expect(claimsOf(text, language)[0]?.actor).toBe(actor);
  });

  it.each<[Language, string, string]>([
    ['nl', 'Daarna opent de burgemeester de nieuwe brug.', 'de burgemeester'],
    ['nl', 'Vervolgens verbiedt de regering de app op werktelefoons.', 'de regering'],
    ['en', 'Previously, the firm sold shoes in Spain.', 'the firm'],
  ])('%s: an adverb before the verb is not the subject: %s', (language, text, actor) => {
    expect(claimsOf(text, language)[0]?.actor).toBe(actor);
  });

  it.each<[string, string, string]>([
    [
      'The mayor announced her candidacy yesterday evening in Leiden.',
      'announced her candidacy in Leiden',
      'yesterday evening',
    ],
    ['Nine schools were closed all of Tuesday.', 'were closed', 'all of Tuesday'],
  ])('en: the date is taken out whole: %s', (text, action, date) => {
    expect(claimsOf(text, 'en')[0]).toMatchObject({ action, date });
  });

  it.each<string>([
    'The council also hopes to build a bridge to help villages cut off by the floods to trade.',
    'Scientists hope to understand how stars form, especially how the Sun formed, since it was young.',
  ])('en: a subject that ran on over a verb the lexicon does not know is left out: %s', (text) => {
    const actors = claimsOf(text, 'en').map((c) => c.actor);
    expect(actors.filter((a) => /\b(?:hopes?|understand)\b/u.test(a))).toEqual([]);
  });

  it.each<[Language, string, string]>([
    [
      'en',
      'Dr. Anna Berg, professor of surgery at the hospital in Gent, Belgium and head of its trauma unit cautioned that the results are still preliminary.',
      'Dr. Anna Berg',
    ],
    [
      'nl',
      'Artsen, verpleegkundigen en apothekers zeggen dat de wachtlijsten dit jaar langer zijn geworden.',
      'Artsen, verpleegkundigen en apothekers',
    ],
  ])('%s: a comma inside the speaker does not cut the speaker off: %s', (language, text, source) => {
    expect(claimsOf(text, language)[0]?.source).toBe(source);
  });
});

describe('pronouns stand for an antecedent of their number and kind', () => {
  it('nl: a plural "ze" does not stand for one person', () => {
    const claims = claimsOf(
      'Een monteur van de garage aan de Dorpsstraat opende in 2019 een werkplaats. Ze verlieten daarna allemaal de kade.',
      'nl',
    );
    expect(claims.filter((c) => /verlieten/u.test(c.action)).map((c) => c.actor)).toEqual([]);
  });

  it('nl: a singular "ze" stands for the person, not the court named before her', () => {
    const claims = claimsOf(
      'De rechtbank in Leiden behandelde de zaak van Anna de Wit. Ze zit sinds maart in hechtenis.',
      'nl',
    );
    expect(claims.find((c) => /hechtenis/u.test(c.action))?.actor).toBe('Anna de Wit');
  });

  it("nl: a conjunct with its own subject pronoun after the verb does not take the first conjunct's subject", () => {
    const claims = claimsOf(
      'Volgens de politie zijn drie van de daders gisteren gearresteerd en hebben ze hun auto gevonden.',
      'nl',
    );
    expect(claims.find((c) => /gevonden/u.test(c.action))?.actor).not.toBe('drie van de daders');
  });

  it('nl: where a conjunct found something is not the source of the sentence', () => {
    const claims = claimsOf('De agenten zochten de daders en vonden ze in een schuur.', 'nl');
    expect(claims.map((c) => c.source)).not.toContain('een schuur');
  });

  it('nl: a phrase opening with a preposition is no antecedent', () => {
    const claims = claimsOf(
      'Jan Smit werkte als dj. Vóór Radio Veronica was er weinig popmuziek op de radio. Hij opende daarna een platenzaak in Utrecht.',
      'nl',
    );
    expect(claims.find((c) => /platenzaak/u.test(c.action))?.actor).toBe('Jan Smit');
  });

  it('en: "in May" is a month, not a possibility', () => {
    const [claim] = claimsOf('The firm opened a new plant in May.', 'en');
    expect(claim).toMatchObject({ modality: 'fact', statement_en: 'The firm opened a new plant.' });
  });
});

describe('subjects cut in the right place, and names kept whole', () => {
  it.each<string>([
    'The ferry, which is 90 metres long, blocks the harbour entrance.',
    'He spoke to the many workers gathered in the hall.',
    'They met the families affected by the flood.',
    'The council began funding the project in 2005 and specified that the police must assign 10 officers to it.',
  ])('en: no actor that holds a verb or starts inside a clause: %s', (text) => {
    for (const claim of claimsOf(text, 'en')) {
      expect(claim.actor).not.toMatch(/^(?:is|was|has)\b|^(?:He|They) \w|\b(?:began|specified)\b/u);
    }
  });

  it('en: the ferry of the relative clause is the actor of its main clause', () => {
    expect(claimsOf('The ferry, which is 90 metres long, blocks the harbour entrance.', 'en')[0]?.actor).toBe(
      'The ferry',
    );
  });

  it('en: "it" does not stand for a speaker who is a person', () => {
    expect(claimsOf('It was a success, the minister said.', 'en').map((c) => c.actor)).not.toContain('the minister');
  });

  it.each<[Language, string, Kept]>([
    [
      'nl',
      'Toen de brand was geblust, bleven ongeveer 20 van de andere overgebleven bewoners op straat.',
      { actor: 'ongeveer 20 van de andere overgebleven bewoners', action: 'bleven op straat' },
    ],
    [
      'nl',
      'De fietser wordt volgens de politie vermoedelijk niet vervolgd.',
      { actor: 'De fietser', action: 'wordt vermoedelijk niet vervolgd', source: 'de politie' },
    ],
    [
      'nl',
      'De brug blijft dicht, zei Anna de Wit.',
      { actor: 'De brug', action: 'blijft dicht', source: 'Anna de Wit' },
    ],
    [
      'nl',
      'Volgens hoofdinspecteur P. J. Smit zijn drie verdachten gearresteerd.',
      { actor: 'drie verdachten', action: 'zijn gearresteerd', source: 'hoofdinspecteur P. J. Smit' },
    ],
    [
      'en',
      'According to chief inspector P. J. Smith, three suspects have been arrested.',
      { actor: 'three suspects', action: 'have been arrested', source: 'chief inspector P. J. Smith' },
    ],
  ])(
    '%s: the noun phrase ends at its head, a name runs over its particles and initials: %s',
    (language, text, kept) => {
      expect(claimsOf(text, language)[0]).toMatchObject(kept);
    },
  );

  it('nl: after an uninflected adjective the word is a noun, not a verb: "een willekeurig moment"', () => {
    const claims = claimsOf(
      'Het aantal ligt laag: 600 uit 33.000 zieke mensen op een willekeurig moment in Gelderland.',
      'nl',
    );
    expect(claims.map((c) => c.action)).not.toContain('moment in Gelderland');
  });
});

describe('attribution without "that", announcements and negated actors', () => {
  it.each<[string, Kept]>([
    [
      'The broadcaster understands the driver stopped his car on the bridge.',
      { actor: 'the driver', action: 'stopped his car on the bridge', source: 'The broadcaster' },
    ],
    [
      'The paper has learned the minister resigned on Friday.',
      { actor: 'the minister', action: 'resigned', source: 'The paper' },
    ],
  ])('en: "X understands/has learned Y did": X is the source, Y the actor: %s', (text, kept) => {
    expect(claimsOf(text, 'en')[0]).toMatchObject(kept);
  });

  it.each<[Language, string, string]>([
    [
      'en',
      'Anna Smit wrote the following: some people tried to close the bridge, but these attempts failed.',
      'Anna Smit',
    ],
    [
      'nl',
      'Anna de Wit schreef het volgende: sommige buren probeerden de weg af te sluiten, maar deze pogingen hadden geen effect.',
      'Anna de Wit',
    ],
  ])(
    '%s: "wrote the following:" is no claim; what follows is, with its writer as source: %s',
    (language, text, source) => {
      const claims = claimsOf(text, language);
      expect(claims.map((c) => c.actor)).toEqual([
        language === 'en' ? 'some people' : 'sommige buren',
        language === 'en' ? 'these attempts' : 'deze pogingen',
      ]);
      expect(claims.every((c) => c.source === source)).toBe(true);
    },
  );

  it.each<[string, string]>([
    ['Niemand raakte gewond.', 'Nobody'],
    ['Geen enkele reiziger raakte gewond.', 'No'],
  ])('nl: a negation in the actor is said once in the English: %s', (text, opening) => {
    const [claim] = claimsOf(text, 'nl');
    expect(claim?.statement_en.startsWith(`${opening} `)).toBe(true);
    expect(claim?.statement_en).not.toMatch(/did not|not get/u);
  });
});
