import { describe, expect, it } from 'vitest';
import { groundClaims } from '../pipeline/process-article.ts';
import { createRulesExtractor } from '../pipeline/providers/rules.ts';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';
import { tokenize } from '../pipeline/text/tokens.ts';
import type { PublishedDate, SupportedLanguage } from '../schemas/article.ts';
import type { ExtractedClaim } from '../schemas/claim.ts';

const PUBLISHED: PublishedDate = { iso: '2020-04-09', precision: 'day' };
const claimsOf = (text: string, language: SupportedLanguage) =>
  extractRuleClaims({ articleId: 'test', text, language, published: PUBLISHED });
/** The claim of a one-claim sentence; fails when the extractor finds none. */
function only(text: string, language: SupportedLanguage): ExtractedClaim {
  const claims = claimsOf(text, language);
  expect(claims.length, `claims of "${text}"`).toBeGreaterThan(0);
  return claims[0]!;
}

type Row = [SupportedLanguage, string, string];

describe('actor: the subject of the clause, in every word order', () => {
  it.each<Row>([
    ['en', 'The government banned the app on Tuesday.', 'The government'],
    ['en', 'On Monday, the city council approved a new budget.', 'the city council'],
    [
      'en',
      'Agencies that need to hold meetings online should switch to other services.',
      'Agencies that need to hold meetings online',
    ],
    ['nl', 'De regering verbiedt de app voor ambtenaren.', 'De regering'],
    ['nl', 'Op dinsdag verbood het kabinet het gebruik van Zoom.', 'het kabinet'],
    ['nl', 'De burgemeester zei dat de brug op 3 april weer opengaat.', 'de brug'],
    ['de', 'Das Ministerium schränkt die Nutzung der Software ein.', 'Das Ministerium'],
    ['de', 'Am Dienstag verbot das Kabinett die Nutzung von Zoom.', 'das Kabinett'],
    ['de', 'Die Zeitung berichtet, dass die Regierung Zoom verboten hat.', 'die Regierung'],
    ['nl', 'Zondag werd een 31-jarige surfer door een haai gebeten.', 'een 31-jarige surfer'],
    ['de', 'Schon die Ankündigung hat den Kurs um 5 Prozent gesenkt.', 'die Ankündigung'],
    ['nl', 'Ook de belasting op benzine werd tijdelijk verlaagd.', 'de belasting op benzine'],
    ['de', 'Nach dem Spiel gewann der Verein drei Punkte.', 'der Verein'],
  ])('%s: %s → %s', (language, text, actor) => {
    expect(only(text, language).actor).toBe(actor);
  });
});

describe('tokens: a figure joined to a word by a hyphen is one word', () => {
  it('keeps "42-jährigen" and "15-Jährige" whole, so "-jährigen" is never read as a verb', () => {
    const words = tokenize('Dann wurde einem 42-jährigen Radfahrer geholfen, die 15-Jährige lachte, 2,5 Prozent.');
    expect(words.map((t) => t.text)).toEqual([
      'Dann',
      'wurde',
      'einem',
      '42-jährigen',
      'Radfahrer',
      'geholfen',
      ',',
      'die',
      '15-Jährige',
      'lachte',
      ',',
      '2,5',
      'Prozent',
      '.',
    ]);
    expect(words.find((t) => t.text === '15-Jährige')?.capital).toBe(true);
    expect(words.find((t) => t.text === '2,5')?.kind).toBe('number');
  });

  it('gives a passive clause with such a word its subject, not a number and a verb', () => {
    expect(
      only('Dann wurde einem 42-jährigen Radfahrer am Hafen von Kiel eine Armwunde zugefügt.', 'de').action,
    ).not.toMatch(/^wurde-/u);
  });
});

describe('action: the verb phrase with its object, separable verbs joined', () => {
  it.each<[SupportedLanguage, string, string, string]>([
    ['en', 'The regulator fined the company 5 million euros.', 'fined the company 5 million euros', 'fined'],
    ['en', 'Unions called for a higher minimum wage.', 'called for a higher minimum wage', 'called for'],
    ['nl', 'Het ministerie stelt een onderzoek in naar het lek.', 'stelt een onderzoek in naar het lek', 'introduced'],
    ['nl', "De gemeente perkt het gebruik van auto's in.", "perkt het gebruik van auto's in", 'restricted'],
    ['nl', 'Het kabinet heeft Zoom verboden voor ambtenaren.', 'heeft Zoom verboden voor ambtenaren', 'banned'],
    [
      'de',
      'Das Ministerium schränkt die Nutzung der Software ein.',
      'schränkt die Nutzung der Software ein',
      'restricted',
    ],
    ['de', 'Die Zeitung berichtet, dass die Regierung Zoom verboten hat.', 'Zoom verboten hat', 'banned'],
    ['de', 'Die Behörde kündigte an, die Gebühren zu senken.', 'kündigte an die Gebühren zu senken', 'announced'],
  ])('%s: %s', (language, text, action, verbEn) => {
    const claim = only(text, language);
    expect(claim.action).toBe(action);
    expect(claim.statement_en).toContain(verbEn);
  });
});

describe('reason: what follows a causal marker', () => {
  it.each<Row>([
    ['en', 'The regulator fined the company because it broke privacy rules.', 'it broke privacy rules'],
    ['en', 'The ministry restricted the software due to security concerns.', 'security concerns'],
    ['nl', 'De gemeente sluit de brug omdat die verouderd is.', 'die verouderd is'],
    ['nl', 'Het kabinet verbiedt de app vanwege zorgen over privacy.', 'zorgen over privacy'],
    ['de', 'Die Stadt sperrt die Brücke wegen Bauarbeiten.', 'Bauarbeiten'],
    ['de', 'Die Stadt sperrt die Brücke, weil sie marode ist.', 'sie marode ist'],
    ['en', 'The airline cancelled flights amid a strike by pilots.', 'a strike by pilots'],
    ['en', 'The city closed the park, citing safety concerns.', 'safety concerns'],
    ['nl', 'De school sloot uit angst voor besmettingen.', 'besmettingen'],
    ['nl', 'De regering verbood de app naar aanleiding van een rapport.', 'een rapport'],
    ['de', 'Der Flughafen schloss, da ein Sturm aufzog.', 'ein Sturm aufzog'],
    ['de', 'Der Konzern verklagte den Staat unter Berufung auf den Vertrag.', 'den Vertrag'],
  ])('%s: %s → %s', (language, text, reason) => {
    const claim = only(text, language);
    expect(claim.reason).toBe(reason);
    expect(claim.action).not.toContain(reason);
  });

  it('resolves "Er" to a masculine or named antecedent, never to a neuter one like "Das Grundgesetz"', () => {
    const claims = claimsOf(
      'Verkehrsminister Tobias Lindner verteidigte den Plan. Das Grundgesetz erlaubt das nur in Ausnahmen. Er räumte aber ein, dass eine neue Maut den Spediteuren schaden könnte.',
      'de',
    );
    expect(claims.find((claim) => /räumte/u.test(claim.action))?.source).toBe('Verkehrsminister Tobias Lindner');
  });

  it('a closing ", sagte X" of its own overrides the speaker carried from the sentence before', () => {
    const claims = claimsOf(
      'Laut der Kanalbehörde haben seitdem 280 Schiffe den Kanal passiert. Zum Zeitpunkt der Bergung hätten 422 Schiffe gewartet, sagte Behördenchef Osama Rabie am Dienstag.',
      'de',
    );
    expect(claims.map((claim) => [claim.actor, claim.source])).toEqual([
      ['280 Schiffe', 'der Kanalbehörde'],
      ['422 Schiffe', 'Behördenchef Osama Rabie'],
    ]);
  });

  it.each<[SupportedLanguage, string]>([
    [
      'de',
      'Amtsärztin Petra Hollmann betonte, dass keine Gefahr bestehe. Der Erreger sei „nicht der Erreger, der uns Sorgen macht. Erst wenn der Erreger sich verändert, wird es problematisch.“ Die Kliniken bereiten sich trotzdem vor.',
    ],
    [
      'en',
      'Minister Jane Doe spoke on Monday. She said: “The plan is ready. Parliament will vote on it in May.” The opposition criticised the plan.',
    ],
  ])('%s: a quotation left open carries its speaker into the next sentence, and no further', (language, text) => {
    const claims = claimsOf(text, language);
    const inside = claims.find((claim) => /problematisch|vote/u.test(claim.action));
    expect(inside?.source).toMatch(/Hollmann|Jane Doe/u);
    const after = claims.find((claim) => /bereiten|criticised/u.test(claim.action));
    // The carried speaker stops here; "criticised" is the opposition's own act of saying.
    expect(after).toBeDefined();
    expect(after?.source ?? '').not.toMatch(/Hollmann|Jane Doe/u);
  });

  it.each<[SupportedLanguage, string]>([
    ['en', 'The government banned the app.'],
    ['nl', 'De regering verbiedt de app.'],
    ['de', 'Die Regierung verbietet die App.'],
  ])('%s: no causal marker, no reason', (language, text) => expect(only(text, language).reason).toBeNull());
});

describe('source: who asserts it', () => {
  it.each<Row>([
    ['en', 'According to the police, the suspect was arrested in Berlin.', 'the police'],
    ['en', 'The company did not sell its shares, a spokesperson said.', 'a spokesperson'],
    ['en', 'The mayor said the bridge would reopen next week.', 'The mayor'],
    ['nl', 'Volgens de politie heeft de verdachte de auto gestolen.', 'de politie'],
    ['nl', 'De bank verhoogt de rente niet, zei een woordvoerder.', 'een woordvoerder'],
    ['nl', 'De gemeente sluit de brug volgende week, aldus de wethouder.', 'de wethouder'],
    ['de', 'Laut der Polizei hat der Verdächtige das Auto gestohlen.', 'der Polizei'],
    ['de', 'Die Bank erhöht die Zinsen nicht, sagte ein Sprecher.', 'ein Sprecher'],
    ['de', 'Die Stadt sperrt die Brücke bis Mai, so die Stadtverwaltung.', 'die Stadtverwaltung'],
    [
      'de',
      'Die Küste sei gefährdet, so der Leiter des Wetterdienstes, Jonas Krämer.',
      'der Leiter des Wetterdienstes, Jonas Krämer',
    ],
    ['de', 'Die Regierung hat Zoom verboten, berichtet die Zeitung.', 'die Zeitung'],
    ['de', 'Die Firma hat den Fehler behoben, heißt es in einem Bericht.', 'einem Bericht'],
    ['nl', 'De school sloot de deuren, meldt de gemeente.', 'de gemeente'],
    ['de', 'Angaben der Polizei zufolge wurden drei Menschen verletzt.', 'Angaben der Polizei'],
    ['de', 'Nach einer Umfrage von Reuters sind 64 Abgeordnete noch unentschieden.', 'einer Umfrage von Reuters'],
    ['de', 'Nach Angaben der Polizei wurden drei Menschen verletzt.', 'Polizei'],
    ['de', 'Der Verband beanstandet die Einführung der neuen Preise.', 'Der Verband'],
    ['de', 'Die Ministerin äußerte Zweifel an dem Plan.', 'Die Ministerin'],
    ['de', 'Wie der Sender BBC am Montag meldete, will die Regierung einen Bericht prüfen.', 'der Sender BBC'],
    ['de', 'Zwar haben bereits einige Delegierte erklärt, den Kandidaten zu unterstützen.', 'einige Delegierte'],
  ])('%s: %s → %s', (language, text, source) => {
    expect(only(text, language).source).toBe(source);
  });

  it.each<[SupportedLanguage, string, string]>([
    ['nl', 'Het kabinet heeft Zoom verboden voor ambtenaren. Dat meldt het persbureau.', 'het persbureau'],
    ['de', 'Die Regierung hat Zoom für Beamte verboten. Das berichtet die Zeitung.', 'die Zeitung'],
  ])('%s: "Dat meldt X" names the source of the sentence before', (language, text, source) => {
    const claims = claimsOf(text, language);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.source).toBe(source);
  });

  it.each<[SupportedLanguage, string]>([
    ['en', 'The government banned the app.'],
    ['nl', 'De regering verbiedt de app.'],
    ['de', 'Die Regierung verbietet die App.'],
  ])('%s: unattributed, the source is empty', (language, text) => expect(only(text, language).source).toBeNull());
});

describe('date: the expression as written, resolved later against the publication date', () => {
  it.each<[SupportedLanguage, string, string, string]>([
    ['en', 'The government banned the app on Tuesday.', 'on Tuesday', '2020-04-07'],
    ['en', 'Shell will close the refinery next year.', 'next year', '2021-01-01'],
    ['nl', 'Het kabinet verbood de app op 3 april.', 'op 3 april', '2020-04-03'],
    ['nl', 'De prijzen stegen eind maart fors.', 'eind maart', '2020-03-21'],
    ['de', 'Am 8. April verbot das Amt die Software.', 'Am 8. April', '2020-04-08'],
    ['de', 'Der Konzern schloss das Werk Mitte der 1990er Jahre.', 'Mitte der 1990er Jahre', '1993-01-01'],
  ])('%s: %s → %s', (language, text, date, start) => {
    const claim = only(text, language);
    expect(claim.date).toBe(date);
    const { grounded } = groundClaims(text, [claim], language, PUBLISHED);
    expect(grounded[0]!.date_start).toBe(start);
  });

  it('a claim without a date expression has no date', () => {
    expect(only('The government banned the app.', 'en').date).toBeNull();
  });
});

describe('polarity: negations negate, idioms do not', () => {
  it.each<[SupportedLanguage, string, 'affirmed' | 'negated']>([
    ['en', 'The board never approved the merger.', 'negated'],
    ['en', 'The company did not sell its shares.', 'negated'],
    ['en', "The company didn't sell its shares.", 'negated'],
    ['en', 'The company sold its shares.', 'affirmed'],
    ['en', 'The ministry told staff not to use the app.', 'affirmed'],
    ['nl', 'Het kabinet heeft nooit een verbod ingesteld.', 'negated'],
    ['nl', 'De bank verhoogt de rente niet.', 'negated'],
    ['nl', 'De gemeente verkoopt geen grond.', 'negated'],
    ['nl', 'De bank verhoogt de rente.', 'affirmed'],
    ['de', 'Die Bank erhöht die Zinsen nicht.', 'negated'],
    ['de', 'Das Unternehmen hat keine Aktien verkauft.', 'negated'],
    ['de', 'Die Preise sind so stark gestiegen wie nie zuvor.', 'affirmed'],
    ['de', 'Die Bank erhöht die Zinsen.', 'affirmed'],
    ['en', 'The cyclist Anna Berg ended her race not long after the leader fell.', 'affirmed'],
    ['de', 'Die Polizei nahm den Mann nicht weit von der Grenze fest.', 'affirmed'],
    ['nl', 'De burgemeester opende de brug niet lang na de storm.', 'affirmed'],
  ])('%s: %s → %s', (language, text, polarity) => {
    expect(only(text, language).polarity).toBe(polarity);
  });
});

describe('modality: planned, advised, demanded, possible, or fact', () => {
  it.each<[SupportedLanguage, string, ExtractedClaim['modality']]>([
    ['en', 'Shell will close the refinery.', 'planned'],
    ['en', 'Experts advise schools to avoid the app.', 'advised'],
    ['en', 'Schools should avoid the app.', 'advised'],
    ['en', 'Unions called for a higher minimum wage.', 'demanded'],
    ['en', 'Prices could rise again.', 'possible'],
    ['en', 'Prices rose again.', 'fact'],
    ['nl', 'Het bedrijf zal de fabriek sluiten.', 'planned'],
    ['nl', 'Het bedrijf wil de fabriek sluiten.', 'planned'],
    ['nl', 'De minister raadt scholen aan de app niet te gebruiken.', 'advised'],
    ['nl', 'De vakbond eist hogere lonen.', 'demanded'],
    ['nl', 'De prijzen kunnen verder stijgen.', 'possible'],
    ['nl', 'De prijzen stegen verder.', 'fact'],
    ['de', 'Der Konzern wird das Werk schließen.', 'planned'],
    ['de', 'Die Ministerin empfiehlt Schulen, die App nicht zu nutzen.', 'advised'],
    ['de', 'Schulen sollten auf die App verzichten.', 'advised'],
    ['de', 'Die Gewerkschaft fordert höhere Löhne.', 'demanded'],
    ['de', 'Die Preise könnten weiter steigen.', 'possible'],
    ['de', 'Die Preise stiegen weiter.', 'fact'],
  ])('%s: %s → %s', (language, text, modality) => {
    expect(only(text, language).modality).toBe(modality);
  });
});

describe('statement_en: an English gloss that keeps names', () => {
  it.each<[SupportedLanguage, string]>([
    ['en', 'The government banned Zoom for civil servants.'],
    ['nl', 'De regering verbood Zoom voor ambtenaren.'],
    ['de', 'Die Regierung verbot Zoom für Beamte.'],
  ])('%s: the same claim reads the same in English', (language, text) => {
    const words = only(text, language).statement_en.toLowerCase();
    for (const word of ['government', 'banned', 'zoom', 'civil servants']) expect(words).toContain(word);
  });

  it('glosses a compound by its parts and keeps an unknown name as written', () => {
    const claim = only('Die Bundesregierung verbot die Videokonferenz-Software von Acme.', 'de');
    expect(claim.statement_en).toMatch(/federal government banned/i);
    expect(claim.statement_en).toContain('Acme');
  });
});

describe('quotes are verbatim', () => {
  const articles: [SupportedLanguage, string][] = [
    [
      'en',
      'Taiwan bans Zoom\n\nTaiwan\'s cabinet today banned government agencies from using Zoom, officials said. "We will move to other services," the minister said on Tuesday. Dr. Smith, a U.S. expert, warned that the app may leak data because its servers are in China.',
    ],
    [
      'nl',
      'Taiwan verbiedt Zoom\n\nHet Taiwanese kabinet heeft op 7 april overheidsinstanties verboden om Zoom te gebruiken. Dat meldt het persbureau. Volgens het kabinet is de maatregel nodig omdat er twijfels zijn, d.w.z. over de beveiliging.',
    ],
    [
      'de',
      'Amt schränkt Zoom ein\n\nDas Auswärtige Amt hat die Nutzung von Zoom am 8. April eingeschränkt. Laut einem Sprecher hat das Amt die Anweisung erlassen, weil die Software z.B. Schwächen habe. Firmenchef Eric Yuan kündigte an, keine neuen Funktionen zu entwickeln.',
    ],
  ];
  it.each(articles)('%s: every quote is an exact substring that grounds exactly', (language, text) => {
    const claims = claimsOf(text, language);
    // The headline line is a heading, not a claim: the body sentences are.
    expect(claims.length).toBeGreaterThanOrEqual(2);
    for (const claim of claims) expect(text).toContain(claim.quote);
    const { grounded, unaligned } = groundClaims(text, claims, language, PUBLISHED);
    expect(unaligned).toEqual([]);
    for (const claim of grounded) {
      expect(claim.alignment).toBe('exact');
      expect([...text].slice(claim.char_start, claim.char_end).join('')).toBe(claim.quote);
    }
  });

  it.each(articles)('%s: the quote holds the actor and the verb it reports', (language, text) => {
    for (const claim of claimsOf(text, language)) {
      expect(claim.quote.length).toBeGreaterThan(0);
      expect(claim.quote).toContain(claim.actor);
      const verb = claim.action.split(' ')[0]!;
      expect(claim.quote).toContain(verb);
    }
  });
});

describe('the rules provider', () => {
  it('is deterministic and names its lexicon version', async () => {
    const extractor = createRulesExtractor();
    expect(extractor.extractor).toBe('rules');
    expect(extractor.promptVersion).toMatch(/^lexicons-[0-9a-f]{16}$/);
    const article = {
      articleId: 'a',
      text: 'Die Regierung verbietet die App. Die Stadt sperrt die Brücke wegen Bauarbeiten.',
      language: 'de' as const,
    };
    const first = await extractor.extract(article);
    const second = await extractor.extract(article);
    expect(first.claims).toHaveLength(2);
    expect(second).toEqual(first);
    expect(first.stats.llmCalls).toBe(0);
  });

  it('finds nothing in text without a claim', async () => {
    const { claims } = await createRulesExtractor().extract({
      articleId: 'b',
      text: 'Weather: sunny, 21 degrees.',
      language: 'en',
    });
    expect(claims).toEqual([]);
  });
});
