import { describe, expect, it } from 'vitest';
import { clusterClaims } from '../pipeline/dedup/cluster.ts';
import type { DedupClaim } from '../pipeline/dedup/features.ts';
import { loadLexicons, type DedupLanguage } from '../pipeline/dedup/lexicons.ts';
import { headVerb } from '../pipeline/dedup/verbs.ts';
import { tokens } from '../pipeline/text/words.ts';

let counter = 0;
function claim(
  language: string,
  actor: string,
  action: string,
  statement_en: string,
  date: string | null = '2020-04-07',
  extra: Partial<DedupClaim> = {},
): DedupClaim {
  counter += 1;
  return {
    claim_id: `c${String(counter).padStart(4, '0')}`,
    article_id: `a-${language}-${counter}`,
    language,
    actor,
    action,
    statement_en,
    date_start: date,
    date_end: date,
    date_precision: date ? 'day' : null,
    published: '2020-04-08',
    ...extra,
  };
}

const zoomBan = () => [
  claim(
    'en',
    "Taiwan's cabinet",
    'banned government agencies from using Zoom',
    "Taiwan's cabinet banned government agencies from using Zoom.",
  ),
  claim(
    'nl',
    'het Taiwanese kabinet',
    'verbiedt overheidsinstanties Zoom te gebruiken',
    'The Taiwanese cabinet forbids government agencies to use Zoom.',
  ),
  claim(
    'de',
    'die taiwanische Regierung',
    'untersagt Behörden die Nutzung von Zoom',
    'The Taiwanese government prohibits agencies the use of Zoom.',
    '2020-04-08',
  ),
];

const clusterOf = (result: ReturnType<typeof clusterClaims>, item: DedupClaim) => result.assignments.get(item.claim_id);
const distinctClusters = (result: ReturnType<typeof clusterClaims>, items: DedupClaim[]) =>
  new Set(items.map((item) => clusterOf(result, item))).size;

describe('clusterClaims', () => {
  it('puts the same fact told in English, Dutch and German into one cluster', () => {
    const claims = zoomBan();
    const result = clusterClaims(claims, new Map());
    expect(distinctClusters(result, claims)).toBe(1);
    expect(result.statements.get(clusterOf(result, claims[0]!)!)).toBe(claims[0]!.statement_en);
  });

  it('keeps two different facts about the same actor apart', () => {
    const ban = zoomBan();
    const cases = claim(
      'en',
      'Taiwan',
      'reported five new coronavirus cases',
      'Taiwan reported five new coronavirus cases.',
    );
    const otherApp = claim(
      'en',
      "Taiwan's cabinet",
      'banned government agencies from using TikTok',
      "Taiwan's cabinet banned government agencies from using TikTok.",
    );
    const result = clusterClaims([...ban, cases, otherApp], new Map());
    expect(clusterOf(result, cases)).not.toBe(clusterOf(result, ban[0]!));
    expect(clusterOf(result, otherApp)).not.toBe(clusterOf(result, ban[0]!));
    expect(clusterOf(result, cases)).not.toBe(clusterOf(result, otherApp));
  });

  it('keeps the same action by different named actors apart', () => {
    const taiwan = claim('en', 'Taiwan', 'banned Zoom for government use', 'Taiwan banned Zoom for government use.');
    const germany = claim(
      'de',
      'die Bundesregierung',
      'verbietet Zoom für Behörden',
      'The federal government bans Zoom for agencies.',
    );
    const result = clusterClaims([taiwan, germany], new Map());
    expect(clusterOf(result, taiwan)).not.toBe(clusterOf(result, germany));
  });

  it('puts a ban and an advice against the same thing into one cluster, keeping each claim', () => {
    const ban = claim(
      'en',
      'Taiwan',
      'banned government agencies from using Zoom',
      'Taiwan banned government agencies from using Zoom.',
    );
    const advice = claim(
      'nl',
      'Taiwan',
      'raadt overheidsinstanties het gebruik van Zoom af',
      'Taiwan advises government agencies against the use of Zoom.',
    );
    const result = clusterClaims([ban, advice], new Map());
    expect(clusterOf(result, advice)).toBe(clusterOf(result, ban));
    expect(result.assignments.size).toBe(2);
  });

  it('does not let negation or different numbers split a cluster', () => {
    const said = claim(
      'en',
      'Zoom',
      'had 200 million daily users in March',
      'Zoom had 200 million daily users in March.',
    );
    const other = claim(
      'de',
      'Zoom',
      'hatte im März 300 Millionen tägliche Nutzer',
      'Zoom had 300 million daily users in March.',
    );
    const ban = claim('en', 'Taiwan', 'banned Zoom', 'Taiwan banned Zoom for government agencies.');
    const denial = claim(
      'nl',
      'Taiwan',
      'heeft Zoom niet verboden',
      'Taiwan did not ban Zoom for government agencies.',
    );
    const result = clusterClaims([said, other, ban, denial], new Map());
    expect(clusterOf(result, other)).toBe(clusterOf(result, said));
    expect(clusterOf(result, denial)).toBe(clusterOf(result, ban));
    expect(clusterOf(result, ban)).not.toBe(clusterOf(result, said));
  });

  it('clusters translations of one sentence together and keeps other sentences of the story apart', () => {
    const keys = [
      claim(
        'en',
        'Researchers at Citizen Lab',
        'found that Zoom sent encryption keys through servers in China',
        'Researchers at Citizen Lab found that Zoom sent encryption keys through servers in China.',
      ),
      claim(
        'nl',
        'Onderzoekers van Citizen Lab',
        'ontdekten dat Zoom encryptiesleutels via servers in China stuurde',
        'Researchers of Citizen Lab discovered that Zoom sent encryption keys via servers in China.',
      ),
      claim(
        'de',
        'Forscher des Citizen Lab',
        'stellten fest, dass Zoom Schlüssel über Server in China leitete',
        'Researchers of the Citizen Lab found that Zoom routed keys over servers in China.',
      ),
    ];
    const apology = [
      claim(
        'en',
        'Eric Yuan',
        'apologised for the security flaws',
        'Zoom chief executive Eric Yuan apologised for the security flaws.',
      ),
      claim(
        'de',
        'Eric Yuan',
        'entschuldigte sich für die Sicherheitsmängel',
        'Eric Yuan apologised for the security shortcomings.',
      ),
    ];
    const result = clusterClaims([...keys, ...apology], new Map());
    expect(distinctClusters(result, keys)).toBe(1);
    expect(distinctClusters(result, apology)).toBe(1);
    expect(clusterOf(result, apology[0]!)).not.toBe(clusterOf(result, keys[0]!));
  });

  it('keeps the same story years apart in separate clusters', () => {
    const first = claim(
      'en',
      'Taiwan',
      'banned Zoom for government use',
      'Taiwan banned Zoom for government use.',
      '2020-04-07',
    );
    const later = claim(
      'en',
      'Taiwan',
      'banned Zoom for government use',
      'Taiwan banned Zoom for government use.',
      '2023-06-01',
      { published: '2023-06-02' },
    );
    const result = clusterClaims([first, later], new Map());
    expect(clusterOf(result, later)).not.toBe(clusterOf(result, first));
  });

  it('keeps figures for two different months apart, and lets day-precise dates a day apart meet', () => {
    const month = (language: string, statement: string, start: string, end: string) =>
      claim(language, 'Eurostat', 'reported eurozone inflation', statement, start, {
        date_end: end,
        date_precision: 'month',
      });
    const february = month('en', 'Eurozone inflation was 5.9 percent in February.', '2022-02-01', '2022-02-28');
    const march = month('nl', 'Eurozone inflation rose to 7.5 percent in March.', '2022-03-01', '2022-03-31');
    const freedSunday = claim(
      'de',
      'Bergungsteams',
      'befreiten die Ever Given am Sonntag',
      'Salvage teams freed the Ever Given on Sunday.',
      '2021-03-28',
    );
    const freedMonday = claim(
      'en',
      'Salvage teams',
      'freed the Ever Given on Monday',
      'Salvage teams freed the Ever Given on Monday.',
      '2021-03-29',
    );
    const result = clusterClaims([february, march, freedSunday, freedMonday], new Map());
    expect(clusterOf(result, march)).not.toBe(clusterOf(result, february));
    expect(clusterOf(result, freedMonday)).toBe(clusterOf(result, freedSunday));
  });

  it('gives the same ids on a re-run, with or without the previous assignments', () => {
    const claims = [
      ...zoomBan(),
      claim('en', 'Taiwan', 'reported five new coronavirus cases', 'Taiwan reported five new coronavirus cases.'),
    ];
    const first = clusterClaims(claims, new Map());
    expect(clusterClaims(claims, first.assignments).assignments).toEqual(first.assignments);
    expect(clusterClaims([...claims].reverse(), new Map()).assignments).toEqual(first.assignments);
    expect(clusterClaims(claims, first.assignments, { rebuild: true }).assignments).toEqual(first.assignments);
  });

  it('lets a claim added later join its existing cluster without renaming any cluster', () => {
    const [en, nl, de] = zoomBan();
    const cases = claim(
      'en',
      'Taiwan',
      'reported five new coronavirus cases',
      'Taiwan reported five new coronavirus cases.',
    );
    const first = clusterClaims([en!, nl!, cases], new Map());
    const second = clusterClaims([en!, nl!, cases, de!], first.assignments);
    expect(clusterOf(second, de!)).toBe(clusterOf(first, en!));
    for (const [claimId, clusterId] of first.assignments) expect(second.assignments.get(claimId)).toBe(clusterId);
  });

  it('keeps the existing cluster id when a rebuild regroups the same members', () => {
    const claims = zoomBan();
    const previous = new Map(claims.map((item) => [item.claim_id, 'kept-cluster-id']));
    const result = clusterClaims(claims, previous, { rebuild: true });
    expect(new Set(result.assignments.values())).toEqual(new Set(['kept-cluster-id']));
  });

  // Two facts of one story told in one article, each also reported elsewhere.
  const lorries = {
    en: {
      waiting: ['Sixty lorries', 'were waiting to cross the bridge when it reopened'],
      crossed: ['More than forty lorries', 'have crossed the bridge since it reopened'],
    },
    nl: {
      waiting: ['Zestig vrachtwagens', 'stonden te wachten toen de brug weer openging'],
      crossed: ['Meer dan veertig vrachtwagens', 'zijn sinds de heropening over de brug gereden'],
    },
    de: {
      waiting: ['Sechzig Lastwagen', 'warteten auf die Überfahrt, als die Brücke wieder öffnete'],
      crossed: ['Mehr als vierzig Lastwagen', 'sind seit der Wiedereröffnung über die Brücke gefahren'],
    },
  };
  const waitingGloss = {
    en: 'Sixty lorries were waiting to cross the bridge when it reopened.',
    nl: 'Sixty lorries were waiting when the bridge reopened.',
    de: 'Sixty lorries were waiting to cross when the bridge reopened.',
  };

  it.each(['en', 'nl', 'de'] as const)(
    'keeps two facts of one %s article apart, the one the other reports tell staying with them',
    (language) => {
      const [others, other] = (['en', 'nl', 'de'] as const).filter((item) => item !== language);
      const article = { article_id: `story-${language}` };
      // The fact the other reports do not tell comes first, so it finds the cluster first.
      const crossed = claim(
        language,
        lorries[language].crossed[0]!,
        lorries[language].crossed[1]!,
        'More than forty lorries have crossed the bridge since it reopened.',
        '2024-05-03',
        article,
      );
      const elsewhere = claim(
        others!,
        lorries[others!].waiting[0]!,
        lorries[others!].waiting[1]!,
        waitingGloss[others!],
        '2024-05-03',
      );
      const waiting = claim(
        language,
        lorries[language].waiting[0]!,
        lorries[language].waiting[1]!,
        waitingGloss[language],
        '2024-05-03',
        article,
      );
      const third = claim(
        other!,
        lorries[other!].waiting[0]!,
        lorries[other!].waiting[1]!,
        waitingGloss[other!],
        '2024-05-03',
      );
      const result = clusterClaims([crossed, elsewhere, waiting, third], new Map());
      expect(distinctClusters(result, [elsewhere, waiting, third])).toBe(1);
      expect(clusterOf(result, crossed)).not.toBe(clusterOf(result, waiting));
    },
  );

  it('joins two clusters a later report shows to be one, in whichever order the reports come', () => {
    const reports = {
      grain: () =>
        claim(
          'de',
          'Das Schiff',
          'lief am 6. Mai mit seiner Getreideladung auf Grund',
          'The Nordlicht ran aground with its cargo of grain on 6 May.',
          '2024-05-06',
        ),
      canal: () =>
        claim(
          'nl',
          'Het schip',
          'liep op 6 mei bij Rendsburg aan de grond',
          'The Nordlicht ran aground in the canal near Rendsburg on 6 May.',
          '2024-05-06',
        ),
      both: () =>
        claim(
          'en',
          'The ship',
          'ran aground with its cargo of grain in the canal near Rendsburg on 6 May',
          'The Nordlicht ran aground with its cargo of grain in the canal near Rendsburg on 6 May.',
          '2024-05-06',
        ),
    };
    // Claims of one day are taken in claim-id order, the order they are made in here.
    for (const order of [
      ['grain', 'canal', 'both'],
      ['both', 'grain', 'canal'],
    ] as const) {
      const claims = order.map((name) => reports[name]());
      expect(distinctClusters(clusterClaims(claims, new Map()), claims)).toBe(1);
    }
  });

  const fault = () => [
    claim(
      'en',
      'Trains',
      'were stopped at Utrecht by a signal fault',
      'Trains were stopped at Utrecht by a signal fault.',
    ),
    claim(
      'de',
      'Züge',
      'wurden in Utrecht durch eine Signalstörung gestoppt',
      'Trains were stopped at Utrecht by a signal fault.',
    ),
  ];
  const repairs = {
    nl: [
      'De spoorwegen',
      'hebben de seinstoring bij Utrecht verholpen',
      'The railway has fixed the signal fault at Utrecht.',
    ],
    de: ['Die Bahn', 'hat die Signalstörung in Utrecht behoben', 'The railway has solved the signal fault in Utrecht.'],
    en: [
      'The railway',
      'has repaired the signal fault at Utrecht',
      'The railway has repaired the signal fault at Utrecht.',
    ],
  } as const;

  it.each(['nl', 'de', 'en'] as const)('keeps a repair (%s) apart from the fault it repairs', (language) => {
    const [actor, action, statement] = repairs[language];
    const claims = [fault()[0]!, claim(language, actor, action, statement)];
    const result = clusterClaims(claims, new Map());
    expect(clusterOf(result, claims[1]!)).not.toBe(clusterOf(result, claims[0]!));
  });

  it.each([
    ['en', 'The railway', 'has fixed the signal fault that stopped trains at Utrecht'],
    ['nl', 'De spoorwegen', 'hebben de seinstoring verholpen die bij Utrecht treinen stillegde'],
    ['de', 'Die Bahn', 'hat die Signalstörung behoben, die in Utrecht Züge stoppte'],
  ])(
    'joins a repair (%s) to other repairs, not to the fault its relative clause describes',
    (language, actor, action) => {
      const repair = claim(
        language,
        actor,
        action,
        'The railway has fixed the signal fault that stopped trains at Utrecht.',
      );
      const others = (['nl', 'de'] as const).map((other) =>
        claim(other, ...(repairs[other] as [string, string, string])),
      );
      const claims = [...fault(), repair, ...others];
      const result = clusterClaims(claims, new Map());
      expect(clusterOf(result, repair)).not.toBe(clusterOf(result, claims[0]!));
      expect(distinctClusters(result, [repair, ...others])).toBe(1);
    },
  );

  it.each([
    [
      [
        'en',
        'the app',
        'used weaker encryption than its brochure suggested',
        'Velmora used weaker encryption than it advertised.',
      ],
      [
        'de',
        'Velmora',
        'nutze eine schwächere Verschlüsselung als angegeben, RX-128 statt RX-256',
        'Velmora uses weaker encryption than stated, RX-128 instead of RX-256.',
      ],
    ],
    [
      ['en', 'Velmora', 'uses a weaker cipher than advertised', 'Velmora uses a weaker cipher than advertised.'],
      ['nl', 'Velmora', 'gebruikt zwakkere versleuteling dan beloofd', 'Velmora uses weaker encryption than promised.'],
    ],
  ])('joins two claims of what an actor uses, glossed alike (case %#)', (first, second) => {
    const claims = [first, second].map(([language, actor, action, statement]) =>
      claim(language!, actor!, action!, statement!, null),
    );
    const result = clusterClaims(claims, new Map());
    expect(distinctClusters(result, claims)).toBe(1);
  });

  it.each([
    ['de', 'hat die Nutzung von Velmora Chat eingeschränkt'],
    ['nl', 'heeft het gebruik van Velmora Chat beperkt'],
  ])('takes the verb (%s) of "%s", not the noun of using', (language, action) => {
    const lexicons = loadLexicons();
    expect(headVerb(tokens(action), language as DedupLanguage, lexicons)?.verb).toBe('restrict');
  });

  it.each([
    ['en', 'the package was adopted because prices had risen'],
    ['de', 'das Paket wurde beschlossen, weil die Preise gestiegen waren'],
    ['nl', 'het pakket werd aangenomen omdat de prijzen waren gestegen'],
  ])('takes no head verb (%s) from the reason clause of "%s"', (language, text) => {
    expect(headVerb(tokens(text), language as DedupLanguage, loadLexicons())?.verb).not.toBe('increase');
  });

  it('joins reports of one fix that name the fixed thing with different generic nouns', () => {
    const claims = [
      claim('en', 'Velmora', 'has fixed the flaw', 'Velmora has fixed the flaw.', null),
      claim('de', 'Velmora', 'habe das Problem behoben', 'Velmora has fixed the problem.', null),
      claim('nl', 'Velmora', 'heeft het lek gedicht', 'Velmora has fixed the leak.', null),
    ];
    const result = clusterClaims(claims, new Map());
    expect(distinctClusters(result, claims)).toBe(1);
  });

  it('joins two claims that give one cause for one event, however each words the event', () => {
    const claims = [
      claim(
        'en',
        'The ferry Morwen',
        'drifted onto the sandbank',
        'The ferry Morwen drifted onto the sandbank because heavy fog and a failed radar hid the channel.',
        null,
      ),
      claim(
        'nl',
        'de veerboot',
        'verloor de koers',
        'The Morwen lost its way because of heavy fog and a failed radar.',
        null,
      ),
    ];
    const result = clusterClaims(claims, new Map());
    expect(distinctClusters(result, claims)).toBe(1);
  });

  it('keeps two claims with one cause apart when their actors differ', () => {
    const claims = [
      claim('en', 'Velmora', 'cancelled its flights', 'Velmora cancelled its flights because of heavy fog.', null),
      claim('en', 'Brixon', 'closed its port', 'Brixon closed its port because of heavy fog.', null),
    ];
    const result = clusterClaims(claims, new Map());
    expect(distinctClusters(result, claims)).toBe(2);
  });

  it('compares each claim with a bounded number of others, never all pairs', () => {
    const many = Array.from({ length: 600 }, (_, i) =>
      claim('en', 'Taiwan', `banned app number ${i}`, `Taiwan banned the app Appname${i} for government agencies.`),
    );
    const result = clusterClaims(many, new Map(), { blockWindow: 16 });
    expect(result.comparisons).toBeLessThan(many.length * 16 * 6);
    expect(result.comparisons).toBeLessThan((many.length * (many.length - 1)) / 2 / 10);
  });
});
