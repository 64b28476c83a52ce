import { describe, expect, it } from 'vitest';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';
import type { PublishedDate } from '../schemas/article.ts';

const PUBLISHED: PublishedDate = { iso: '2021-06-14', precision: 'day' };
const claimsOf = (text: string) => extractRuleClaims({ articleId: 'test', text, language: 'de', published: PUBLISHED });
/** The source of the claim whose action matches, or undefined when there is no such claim. */
const sourceOf = (text: string, action: RegExp) => claimsOf(text).find((claim) => action.test(claim.action))?.source;

// Invented sentences only: tests/devdata-not-copied.test.ts checks that none shares a six-word run with the devdata.
describe('German: what a speaker says to someone, or points out', () => {
  it.each<[string, RegExp, string]>([
    [
      'Die Sprecherinnen des Vereins erläutern den Gästen in ihren Briefen, dass die Halle im Winter geschlossen bleibt.',
      /geschlossen bleibt/u,
      'Die Sprecherinnen des Vereins',
    ],
    [
      'Der Imkerverband wies darauf hin, dass viele Mitglieder die neuen Regeln ablehnen.',
      /Regeln ablehnen/u,
      'Der Imkerverband',
    ],
  ])('%s → %s', (text, action, source) => {
    expect(sourceOf(text, action)).toBe(source);
  });

  it('"wies darauf hin" is no claim of its own: "darauf" points at what follows', () => {
    const claims = claimsOf('Der Imkerverband wies darauf hin, dass viele Mitglieder die neuen Regeln ablehnen.');
    expect(claims.map((claim) => claim.action)).toEqual(['die neuen Regeln ablehnen']);
  });

  it('a speaker inside what another one said is the claim, with the outer speaker as its source', () => {
    const claims = claimsOf(
      'Die Gemeinde im Norden wies darauf hin, dass die Pächter erwarten, dass mit den Gärten sorgsam umgegangen wird.',
    );
    expect(claims.map((claim) => [claim.actor, claim.source])).toEqual([['die Pächter', 'Die Gemeinde im Norden']]);
  });
});

describe('German: whoever demands, accuses, announces or hopes is the source of it (DESIGN.md: who asserts it)', () => {
  it.each<[string, string]>([
    ['Der Mieterbund forderte von der Stadt eine Obergrenze für die Nebenkosten.', 'Der Mieterbund'],
    ['Die Opposition warf dem Bürgermeister vor, den Haushalt geschönt zu haben.', 'Die Opposition'],
    ['Die Veranstalter haben angekündigt, im Herbst zwei weitere Konzerte zu geben.', 'Die Veranstalter'],
    [
      'Die Landesärztin Ute Brenner mahnte die Kliniken zur Vorsicht bei neuen Verträgen.',
      'Die Landesärztin Ute Brenner',
    ],
    ['Der Fischereiverband kritisierte die neuen Fangquoten für die Ostsee.', 'Der Fischereiverband'],
    ['Der Kreisvorstand begrüßte den Beschluss des Gemeinderats.', 'Der Kreisvorstand'],
    [
      'Der Gastwirt Ole Brandt hat dazu aufgerufen, das neue Lokal eine Woche lang zu meiden.',
      'Der Gastwirt Ole Brandt',
    ],
  ])('%s → %s', (text, source) => {
    const claims = claimsOf(text);
    expect(claims.length, text).toBeGreaterThan(0);
    expect(claims[0]!.source).toBe(source);
  });

  it.each<[string, RegExp, string]>([
    ['Die Zeugen gaben an, den Wagen erst am Abend gesehen zu haben.', /gesehen/u, 'Die Zeugen'],
    ['Die Imker im Dorf hoffen aber, dass sich bald der Honigpreis wieder erholt.', /erholt/u, 'Die Imker im Dorf'],
  ])('what was stated or hoped has its speaker as source: %s', (text, action, source) => {
    expect(sourceOf(text, action)).toBe(source);
  });

  it('"Angaben" inside the sentence is a noun, not "gaben an", so the verb after it is still found', () => {
    const claims = claimsOf('Laut eigenen Angaben wächst der kleine Verein jedes Jahr um zehn Mitglieder.');
    expect(claims.map((claim) => claim.actor)).toEqual(['der kleine Verein']);
  });
});

describe('German: a source that opens the sentence runs to the finite verb; one that closes it may be quoted', () => {
  it.each<[string, string]>([
    [
      'Nach Aussage des Amtes für Wasser und Boden Niedersachsen mit Sitz in Hildesheim lag der Pegel bei vier Metern.',
      'Amtes für Wasser und Boden Niedersachsen mit Sitz in Hildesheim',
    ],
    [
      'Nach Einschätzung der Wasser- und Bodenkonferenz der Vereinten Nationen (UNO) steht die Wirtschaft der Insel kurz vor einem Kollaps.',
      'Wasser- und Bodenkonferenz der Vereinten Nationen (UNO)',
    ],
    [
      'Nach dem vorläufigen offiziellen Endergebnis gewann Müller die Wahl knapp vor Schmidt.',
      'dem vorläufigen offiziellen Endergebnis',
    ],
    ['Nach Feuerwehrangaben brannte die Halle am Montag vollständig aus.', 'Feuerwehrangaben'],
    [
      'Insgesamt wurden dabei 300 Personen festgenommen, so der „Ermittlungsausschuss Nord“.',
      'der „Ermittlungsausschuss Nord“',
    ],
  ])('%s → %s', (text, source) => {
    const claims = claimsOf(text);
    expect(claims.length, text).toBeGreaterThan(0);
    expect(claims[0]!.source).toBe(source);
  });

  it('"Insgesamt" before the verb is an adverb, not the actor', () => {
    expect(claimsOf('Insgesamt wurden dabei 300 Personen festgenommen.')[0]?.actor).toBe('300 Personen');
  });
});

describe('German: a quotation closed by ", sagte X …", with what names X', () => {
  it.each<[string, RegExp, string]>([
    [
      '„Mit dem Fest wollen wir ein Zeichen gegen die Politik der Partei setzen“, sagte Hans Beispiel gegenüber der Zeitung.',
      /Zeichen/u,
      'Hans Beispiel',
    ],
    [
      '„Die Vögel brauchen Schutz im Winter, und wir dürfen sie nicht allein lassen“, sagte Ben Muster vom Vogelbund Nord gegenüber Reuters, der eine Kampagne gestartet hat.',
      /allein lassen/u,
      'Ben Muster vom Vogelbund Nord',
    ],
    [
      '„Der Markt hat sich bis heute nicht erholt, und die Preise bleiben hoch“, sagte Jan Muster, der Vorsitzende der Partei des Landes Hessen.',
      /erholt/u,
      'Jan Muster, der Vorsitzende der Partei des Landes Hessen',
    ],
    [
      '„Zuerst pumpen wir die Keller der Häuser leer“, sagte der Einsatzleiter der Feuerwehr.',
      /Keller/u,
      'der Einsatzleiter der Feuerwehr',
    ],
    ['„Die Vögel brauchen unsere Hilfe“, sagte Ben Muster.', /Hilfe/u, 'Ben Muster'],
  ])('%s', (text, action, source) => {
    expect(sourceOf(text, action)).toBe(source);
  });
});

describe('German: a speaker carried across one sentence of the article’s own', () => {
  it('goes on after a neutral sentence when the next one is in Konjunktiv I', () => {
    const claims = claimsOf(
      'Zur Ausstattung der neuen Fähren sagte Kapitänin Ida Brandt, dass die Anforderungen deutlich höher sind. Die Maschinen sind größer als bei den alten Schiffen. Die Werft sei insgesamt auf einem guten Weg.',
    );
    expect(claims.find((claim) => /guten Weg/u.test(claim.action))?.source).toBe('Kapitänin Ida Brandt');
  });

  it('stops at a sentence whose actor is a new name', () => {
    const claims = claimsOf(
      'Zur Ausstattung der neuen Fähren sagte Kapitänin Ida Brandt, dass die Anforderungen deutlich höher sind. Werftchef Paul Berger verließ die Runde früh. Die Werft sei insgesamt auf einem guten Weg.',
    );
    expect(claims.find((claim) => /guten Weg/u.test(claim.action))?.source ?? null).toBeNull();
  });
});

describe('German "es": "es gibt", "wie es hieß", "heißt es von …"', () => {
  it.each<[string, string, string | null]>([
    ['Nach Angaben der Feuerwehr gab es keine Verletzten.', 'keine Verletzten', 'Feuerwehr'],
    ['Es gibt 45 neue Hinweise zum Überfall auf die Tankstelle.', '45 neue Hinweise', null],
    ['In Kleinstadt gibt es noch vier alte Brücken aus Holz.', 'vier alte Brücken', null],
    ['Wie es weiter hieß, sei der Minister dort mit seiner Familie eingetroffen.', 'der Minister', null],
  ])('%s → actor %s, source %s', (text, actor, source) => {
    const claims = claimsOf(text);
    expect(claims.map((claim) => [claim.actor, claim.source])).toEqual([[actor, source]]);
  });

  it.each<[string, RegExp, string]>([
    [
      'Doch wie es aus dem Umfeld des Senats hieß, gebe es da noch „Raum für Gespräche“.',
      /Gespräche/u,
      'dem Umfeld des Senats',
    ],
    ['Die Brücke werde im Mai geöffnet, heißt es von offizieller Seite.', /geöffnet/u, 'offizieller Seite'],
  ])('the source of "es hieß" is where it came from: %s', (text, action, source) => {
    expect(sourceOf(text, action)).toBe(source);
  });

  it('"Nur gab es diesmal …" has no actor a reader could check', () => {
    expect(claimsOf('Nur gab es diesmal einen großen Unterschied.')).toEqual([]);
  });
});

describe('German: a speaker with an apposition before the verb, "wie X bestätigte", "es kam zu"', () => {
  it('"Anna Beispiel, die Leiterin …, vermutet, dass …" has the name and apposition as source', () => {
    const source = sourceOf(
      'Dr. Anna Beispiel, die Leiterin der Kieler Dienststelle des Landesamtes für Denkmalpflege, vermutet, dass die Schale aus der Gegend von Husum stammt.',
      /Husum/u,
    );
    expect(source).toBe('Dr. Anna Beispiel, die Leiterin der Kieler Dienststelle des Landesamtes für Denkmalpflege');
  });

  it.each<[string, RegExp, string]>([
    [
      'Das Mädchen aus Kiel ist offenbar Opfer eines Betrügers geworden, wie Oberstaatsanwalt Hans Muster am Montag bestätigte.',
      /Opfer/u,
      'Oberstaatsanwalt Hans Muster',
    ],
    [
      'Wie die Flugsicherung bestätigte, ist es am Montag beinahe zu einem Zusammenstoß zweier Flugzeuge gekommen.',
      /Zusammenstoß/u,
      'die Flugsicherung',
    ],
  ])('%s', (text, action, source) => {
    expect(sourceOf(text, action)).toBe(source);
  });

  it('"kam es zur Explosion" is a claim about the explosion', () => {
    expect(claimsOf('Dabei kam es zur Explosion eines Tanks.').map((claim) => claim.actor)).toEqual(['Explosion']);
  });

  it('"bestätigte eine Anweisung, wonach …" is one claim: "wonach" says what the instruction holds', () => {
    const claims = claimsOf(
      'Das Amt bestätigte am Montag eine Anweisung, wonach Besucher nur noch mit Termin kommen dürfen.',
    );
    expect(claims).toHaveLength(1);
    expect(claims[0]!.action).toMatch(/wonach/u);
  });
});

describe('German: a quotation over several sentences takes the speaker named where it closes', () => {
  const text =
    'Er lobte die Behörde, die nach seiner Auffassung viel zu langsam arbeite. „Die neuen Regeln des Ministers sind ein Fehler. Die Betriebe im ganzen Land verlieren dadurch Aufträge“, erklärte der Vorsitzende des Verbandes, Karl Muster, in einer Mitteilung.';

  it.each<[RegExp]>([[/Fehler/u], [/Aufträge/u]])('%s → the speaker with the name in apposition', (action) => {
    expect(sourceOf(text, action)).toBe('der Vorsitzende des Verbandes, Karl Muster');
  });
});

describe('German: a relative clause in Konjunktiv I after a verb of saying is the speaker’s too', () => {
  it('"X nannte zwölf Fälle von Schäden, die im Winter entstanden seien"', () => {
    const source = sourceOf(
      'Der Präsident der Baufirma nannte zwölf Fälle von Schäden, die im Winter entstanden seien.',
      /entstanden/u,
    );
    expect(source).toBe('Der Präsident der Baufirma');
  });
});

describe('German: verb second in a quotation after a colon, a shared subject, "werfen … vor"', () => {
  const text =
    'Vor der Wahl war Muster zuversichtlich und sagte in einem Gespräch sehr selbstbewusst: „Die Forscher betreiben Statistik, wir reden hier über Gesetze.“';

  it('"„Die Forscher betreiben Statistik …“" is a claim, and the speaker is the subject the conjunct shares', () => {
    expect(sourceOf(text, /Statistik/u)).toBe('Muster');
  });

  it('"Die Grünen werfen dem Bürgermeister Betrug vor" is an accusation, sourced to the Greens', () => {
    expect(sourceOf('Die Grünen werfen dem Bürgermeister Betrug vor.', /vor$/u)).toBe('Die Grünen');
  });
});

describe('German: whoever regards something as … is its source', () => {
  it('"Das Schulamt sieht den Schritt der Eltern als mutig an"', () => {
    expect(sourceOf('Das Schulamt sieht den Schritt der Eltern als mutig an.', /mutig/u)).toBe('Das Schulamt');
  });
});

describe('German: an adverbial before the verb is not the speaker', () => {
  it.each<[string, RegExp, string]>([
    [
      'Doch in einem zweiten Gespräch kurz darauf antwortete Muster auf die Frage, ob er antreten wolle, mit Ja.',
      /antreten/u,
      'Muster',
    ],
    ['Noch kurz vor der Wahl sagte Muster in einem Gespräch: „Die Wähler wollen einen Wechsel.“', /Wechsel/u, 'Muster'],
  ])('%s', (text, action, source) => {
    expect(sourceOf(text, action)).toBe(source);
  });
});

describe('German: a document that provides for something, a paper that has learnt it', () => {
  it.each<[string, RegExp, string]>([
    ['Der neue Fahrplan sieht zunächst eine zwei Jahre dauernde Probephase vor.', /Probephase/u, 'Der neue Fahrplan'],
    [
      'Wie die Kieler Rundschau erfahren haben will, wird der Hafen im Herbst erweitert.',
      /erweitert/u,
      'die Kieler Rundschau',
    ],
  ])('%s', (text, action, source) => {
    expect(sourceOf(text, action)).toBe(source);
  });
});

describe('German: whoever assumes or complains is the source of it', () => {
  it.each<[string, RegExp, string]>([
    ['Die Gärtnerinnen gehen davon aus, dass der Sommer sehr trocken wird.', /trocken/u, 'Die Gärtnerinnen'],
    [
      'Der Wirt Jan Kolbe hatte darüber geklagt, dass die Pacht stark gestiegen sei.',
      /gestiegen/u,
      'Der Wirt Jan Kolbe',
    ],
    ['Die Bäckerin klagte, die Preise für Mehl seien stark gestiegen.', /gestiegen/u, 'Die Bäckerin'],
  ])('%s', (text, action, source) => {
    expect(sourceOf(text, action)).toBe(source);
  });
});

describe('German: a prepositional phrase before the subject of a "dass" clause', () => {
  it('"dass seit der Wahl von Ida Brenner die Zahl der Beamten …": the subject follows the phrase', () => {
    const claims = claimsOf(
      'Der Landrat betonte, dass seit der Wahl von Ida Brenner die Zahl der Beamten im Kreis gestiegen sei.',
    );
    expect(claims.map((claim) => [claim.actor, claim.source])).toEqual([['die Zahl der Beamten', 'Der Landrat']]);
  });
});

describe('German: "ein" before an adjective is the article, not the number', () => {
  it('"dass ein neuer Pächter gefunden sei": the subject is the whole noun phrase', () => {
    const claims = claimsOf('Die Gemeinde teilte mit, dass ein neuer Pächter für den Kiosk gefunden sei.');
    expect(claims.map((claim) => claim.actor)).toEqual(['ein neuer Pächter']);
  });
});

describe('German: a relative clause between the speaker and the verb of saying', () => {
  it.each<[string, string]>([
    [
      'Die Bäckerei Lund, die von der Stadt viele Aufträge erhielt, gab zu, ein Lehrling habe die Torten geliefert.',
      'Die Bäckerei Lund',
    ],
    [
      'Die Mieter, von denen sich zwei gerade in Spanien aufhielten, gaben übereinstimmend an, die Miete gemindert zu haben.',
      'Die Mieter',
    ],
  ])('%s → %s', (text, speaker) => {
    const claims = claimsOf(text);
    expect(claims.map((claim) => [claim.actor, claim.source])).toEqual([[speaker, speaker]]);
  });
});

describe('German: studies that have found something are its source', () => {
  it('"Mehrere Gutachten haben ergeben, dass …"', () => {
    expect(sourceOf('Mehrere Gutachten haben ergeben, dass die alte Mühle nicht mehr sicher ist.', /sicher/u)).toBe(
      'Mehrere Gutachten',
    );
  });
});

describe('German: a subject that opens with an adjective and no article', () => {
  it.each<[string, string, string | null]>([
    [
      'Anwohnern zufolge mussten große Mengen Heizöl aus einem Graben gepumpt werden.',
      'große Mengen Heizöl',
      'Anwohnern',
    ],
    ['Am Hafen hat nach bisheriger Kenntnis ein Händler sein Lager geschlossen.', 'ein Händler', null],
  ])('%s', (text, actor, source) => {
    const claims = claimsOf(text);
    expect(claims.map((claim) => [claim.actor, claim.source])).toEqual([[actor, source]]);
  });
});

describe('German: "ist der Meinung, dass …" is an act of saying, and no claim of its own', () => {
  it.each<[string, string]>([
    ['Der Anglerverein ist der Meinung, dass die neuen Schonzeiten zu lang sind.', 'Der Anglerverein'],
    ['Die Kreisverwaltung war der Auffassung, die Kosten seien zu hoch.', 'Die Kreisverwaltung'],
  ])('%s', (text, source) => {
    const claims = claimsOf(text);
    expect(claims.map((claim) => claim.source)).toEqual([source]);
  });
});

describe('German: "zieht den Schluss, dass …" is "conclude", an act of saying', () => {
  it('the one who concludes is the source', () => {
    expect(sourceOf('Die Prüferinnen zogen den Schluss, die neue Schleuse sei sicher.', /sicher/u)).toBe(
      'Die Prüferinnen',
    );
  });
});
