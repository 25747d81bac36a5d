/**
 * The scenario file format, as zod schemas: the single source of truth for what a scenario may
 * say, its defaults, and the JSON Schema that editors use (`hailsham schema`). Every rate of
 * the programme lives here, never as a constant in the rules. Objects are strict, so a
 * misspelt key is an error rather than a silently ignored setting.
 */
import { z } from 'zod';
import { parseIsoDate } from '../engine/calendar.js';
import { MAX_QUEUE_DAY } from '../engine/queue.js';
import { Beat, CastMember, checkStoryline } from './canon-schema.js';

/** Version of the scenario format this build reads. */
export const SCENARIO_FORMAT = 1;

/**
 * What the JSON Schema says of a date: YYYY-MM-DD with months 01–12 and days 01–31, or a year.
 * A pattern cannot know the length of each month (1958-02-30 matches it); the loader refuses
 * such dates.
 */
export const DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01]))?$';

const isoDate = z
  .string()
  .refine((s) => parseIsoDate(s) !== undefined, { message: 'expected a date as YYYY-MM-DD (or a bare year)' })
  .describe('A calendar date, YYYY-MM-DD, or a year meaning 1 January')
  .meta({ pattern: DATE_PATTERN });

const year = z.number().int().min(1900).max(2070).describe('A calendar year');

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected an id of lower-case letters, digits and hyphens' });

const probability = z.number().min(0).max(1);

/**
 * A quantity drawn at random: a fixed number, a uniform range `{min, max}`, or a triangular
 * one `{min, mode, max}`.
 */
export const Distribution = z.union([
  z.number().min(0),
  z
    .strictObject({
      min: z.number().min(0),
      mode: z.number().min(0).optional(),
      max: z.number().min(0),
    })
    .refine((d) => d.min <= d.max, { message: 'min must not exceed max' })
    .refine((d) => d.mode === undefined || (d.mode >= d.min && d.mode <= d.max), {
      message: 'mode must lie between min and max',
    }),
]);
export type Distribution = z.infer<typeof Distribution>;

/** Most children in one cohort of one school, and most lives in one world. */
export const MAX_COHORT = 20_000;
export const MAX_LIVES = 5_000_000;

const CohortSize = Distribution.refine((d) => (typeof d === 'number' ? d : d.max) <= MAX_COHORT, {
  message: `a cohort has at most ${MAX_COHORT} children`,
}).describe('Children per cohort');

const latitude = z.number().min(49.8).max(55.9).describe('Latitude in England (WGS84)');
const longitude = z.number().min(-6.5).max(1.9).describe('Longitude in England (WGS84)');

const located = {
  id: slug,
  name: z.string().min(1).max(80),
  lat: latitude,
  lon: longitude,
  fictional: z.boolean().default(false).describe('True where the sources name no real town'),
};

export const SchoolSpec = z.strictObject({
  ...located,
  kind: z.enum(['school', 'home']).default('school').describe('A school like Hailsham, or a harsher home'),
  detail: z
    .enum(['full', 'lifecycle'])
    .default('lifecycle')
    .describe('full: art, Exchanges, friendships and beliefs are simulated; lifecycle: the programme only'),
  cohorts: z.strictObject({
    first: year.describe('Birth year of the first cohort'),
    last: year.describe('Birth year of the last cohort'),
    size: CohortSize,
  }),
  opened: isoDate.optional(),
  closes: isoDate.optional().describe('Closed for lack of funding on this date; later cohorts go to homes'),
  residence: slug.optional().describe('Where leavers wait (a residence id); the nearest if absent'),
  staff: z.number().int().min(0).max(60).default(6).describe('Guardians at a full-detail school'),
  headmistress: z.string().min(1).max(80).optional(),
});
export type SchoolSpec = z.infer<typeof SchoolSpec>;

export const ResidenceSpec = z.strictObject({
  ...located,
  kind: z.literal('residence').default('residence'),
});

export const CentreSpec = z.strictObject({
  ...located,
  kind: z.literal('recovery-centre').default('recovery-centre'),
  beds: z.number().int().min(1).max(100_000).default(200),
});

export const LandmarkSpec = z.strictObject({
  ...located,
  kind: z.enum(['town', 'landmark', 'home-of-madame']).default('landmark'),
});

const GeneratedSchools = z.strictObject({
  count: z.number().int().min(0).max(2000),
  kind: z.enum(['school', 'home']).default('home'),
  cohorts: z.strictObject({ first: year, last: year, size: CohortSize }),
  closes: z
    .strictObject({ share: probability, from: year, to: year })
    .optional()
    .describe('A share of generated schools closes in a year drawn from [from, to]'),
});

export const Places = z.strictObject({
  schools: z.array(SchoolSpec).default([]),
  residences: z.array(ResidenceSpec).default([]),
  centres: z.array(CentreSpec).default([]),
  landmarks: z.array(LandmarkSpec).default([]),
});

export const Generate = z.strictObject({
  schools: GeneratedSchools.optional(),
  residences: z
    .number()
    .int()
    .min(0)
    .max(500)
    .default(0)
    .describe('Extra residences placed in English towns'),
  centres: z
    .number()
    .int()
    .min(0)
    .max(2000)
    .default(0)
    .describe('Extra recovery centres placed in English towns'),
});

const Ages = z.strictObject({
  leaveSchool: z.number().min(10).max(25).default(16).describe('Age at which a cohort leaves school'),
  leaveMonth: z.number().int().min(1).max(12).default(7).describe('Month of the year in which cohorts leave'),
  residenceYears: Distribution.default({ min: 1, mode: 2, max: 4 }).describe(
    'Years at the Cottages or similar before leaving for carer training',
  ),
  donorFrom: z
    .number()
    .min(10)
    .max(60)
    .default(20)
    .describe('Youngest age at which anyone is given notice to become a donor (pinned lives excepted)'),
});

const Caring = z.strictObject({
  careerYears: Distribution.default({ min: 2, mode: 7, max: 12.5 }).describe(
    'Years as a carer (training included) before notice to become a donor',
  ),
  maxDonors: z.number().int().min(1).max(50).default(5).describe('Most donors a carer looks after at once'),
  skipCaring: probability.default(0.05).describe('Share of residents who become donors without caring'),
  visitsPerWeek: z
    .number()
    .min(0)
    .max(14)
    .default(1)
    .describe('Rounds a carer drives each week to visit every donor'),
  localKm: z
    .number()
    .min(0)
    .max(200)
    .default(7)
    .describe("Road km from a carer's bedsit to the recovery centre they are based at"),
  experienceYears: z
    .number()
    .min(0.1)
    .max(40)
    .default(6)
    .describe("Years of caring after which experience adds nothing more to a carer's record"),
  chooseFrom: probability
    .default(0.7)
    .describe(
      'A record at or above this lets a carer choose donors, old friends from their own school first',
    ),
  friendChoice: probability
    .default(0.6)
    .describe('Chance that a good carer with room takes on an old friend who needs one'),
});

const Donation = z
  .strictObject({
    firstAfterDays: Distribution.default({ min: 30, mode: 120, max: 400 }).describe(
      'Days from becoming a donor to the first donation',
    ),
    recoveryDays: Distribution.default({ min: 90, mode: 330, max: 900 }).describe(
      'Days of recovery between one donation and the next',
    ),
    completionRisk: z
      .array(probability)
      .min(1)
      .max(12)
      .default([0.1, 0.2, 0.5, 1])
      .describe(
        'Chance of completing at each donation number; its length is the most donations anyone gives',
      ),
    completionAfterDays: Distribution.default({ min: 0, mode: 3, max: 30 }).describe(
      'Days from the completing donation to the completion',
    ),
    healthEffect: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .describe("How much a donor's health moves the risk: ±this share at the healthiest and frailest"),
    careEffect: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe("How much the carer's record moves the risk: ±this share for the best and worst care"),
    demand: z
      .array(z.strictObject({ from: year, index: z.number().min(0.1).max(10) }))
      .default([{ from: 1900, index: 1 }])
      .describe(
        "Recipients' demand by year (1 = the usual pace): recovery periods are divided by the index in force",
      ),
  })
  .describe('How donations are scheduled and how likely each is to be the last');

const Deferral = z
  .strictObject({
    granted: z
      .enum(['never', 'similarity'])
      .default('never')
      .describe(
        "'never': the deferral never existed and every application is refused; 'similarity': granted when the couple's works match",
      ),
    threshold: probability
      .default(0.75)
      .describe("With 'similarity': the least similarity of the couple's works that earns a deferral"),
    years: Distribution.default(3).describe('Years a granted deferral postpones both donors'),
    applyChance: probability
      .default(0.5)
      .describe('Chance that a couple who believe the rumour and know where Madame lives apply'),
  })
  .describe('Deferral applications by couples who believe the rumour');

const Recipients = z
  .strictObject({
    needsPerDonation: z
      .number()
      .min(0)
      .max(100)
      .default(1.3)
      .describe(
        'Organ needs among the public for each donation the programme can give (above 1: a waiting list grows)',
      ),
  })
  .describe('The non-cloned public whom donations serve, as a population');

const Funding = z
  .strictObject({
    transferTo: z
      .enum(['nearest-home', 'none'])
      .default('nearest-home')
      .describe("Where a closed school's students and later cohorts go: the nearest open home"),
  })
  .describe('What happens when a school closes for lack of funding');

// ---- school life, the Cottages and beliefs (src/world/school, src/world/cottages, src/world/beliefs)

const share = (d: number, what: string) => probability.default(d).describe(what);
const perYear = (d: number, max: number, what: string) =>
  z.number().min(0).max(max).default(d).describe(what);

const Art = z.strictObject({
  fromAge: z.number().min(2).max(16).default(5).describe('Age at which a student starts making works of art'),
  worksPerYear: Distribution.default({ min: 2, mode: 4, max: 8 }).describe(
    "A student's own pace of making works, in works a year (drawn once per student)",
  ),
  media: z
    .strictObject({ picture: z.number().min(0), poem: z.number().min(0), sculpture: z.number().min(0) })
    .default({ picture: 0.62, poem: 0.23, sculpture: 0.15 })
    .describe('Relative weights of the media works are made in'),
  animalsShare: share(0.04, "Share of students whose style is Tommy's: small, intricate imaginary animals"),
  skillAtSixteen: Distribution.default({ min: 0.15, mode: 0.55, max: 0.95 }).describe(
    "A student's skill (0..1) at sixteen; younger makers have less of it",
  ),
});

const Exchange = z.strictObject({
  perYear: perYear(4, 24, 'Exchanges a year at a full-detail school'),
  fromAge: z
    .number()
    .min(3)
    .max(16)
    .default(6)
    .describe('Age from which students offer and buy at Exchanges'),
  offeredPerStudent: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(2)
    .describe('Most works a student offers at one Exchange'),
  acceptance: share(0.7, 'Share of offered works the guardians accept (the better ones first)'),
  tokensPerWork: Distribution.default({ min: 1, mode: 2, max: 4 }).describe(
    'Exchange tokens the school pays for an accepted work (more for better work)',
  ),
  startingTokens: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .default(4)
    .describe('Tokens a student holds at the first Exchange'),
  price: Distribution.default({ min: 1, mode: 2, max: 8 }).describe(
    "Range of Exchange prices in tokens; where a work falls depends on classmates' opinion of it and its maker",
  ),
  buysPerStudent: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(2)
    .describe('Most works a student buys at one Exchange'),
  ageBand: z
    .number()
    .int()
    .min(0)
    .max(12)
    .default(1)
    .describe('Students buy from makers at most this many years older or younger'),
});

const Sale = z.strictObject({
  perYear: perYear(6, 52, 'Sales a year: boxes of goods from outside, bought with tokens'),
  fromAge: z.number().min(3).max(16).default(6).describe('Age from which students buy at Sales'),
  itemsPerStudent: z
    .number()
    .min(0)
    .max(5)
    .default(0.25)
    .describe('Items in a Sale box for each student on the roll'),
  price: Distribution.default({ min: 1, mode: 2, max: 5 }).describe('Prices of Sale items in tokens'),
  buysPerStudent: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(1)
    .describe('Most items a student buys at one Sale'),
  lossPerYear: share(
    0.03,
    'Chance a year that an item in a collection is lost, while its owner is at school or a residence',
  ),
  cassetteShare: share(0.06, 'Share of Sale items that are cassette tapes of songs'),
});

const Gallery = z.strictObject({
  visitsPerYear: perYear(2, 12, "Madame's visits a year to take work for the Gallery"),
  selection: share(0.035, 'Share of works made since her last visit that Madame takes'),
  standingGain: z
    .number()
    .min(0)
    .max(1)
    .default(0.12)
    .describe("How much being chosen raises a student's standing (0..1 scale)"),
  movedChance: share(
    0.002,
    'Chance, at a visit, that Madame comes upon a student alone with a treasured song and is moved',
  ),
});

const Social = z.strictObject({
  fromAge: z
    .number()
    .min(2)
    .max(16)
    .default(6)
    .describe('Age from which students take part in the social tick'),
  ticksPerYear: z
    .number()
    .int()
    .min(4)
    .max(52)
    .default(6)
    .describe(
      'Social ticks a year at each full-detail place (each tick stands for the weeks since the last)',
    ),
  meetingsPerTick: z
    .number()
    .min(0.1)
    .max(20)
    .default(0.75)
    .describe(
      'Encounters each person seeks out in one tick, on average (they are also sought out, so about twice this many)',
    ),
  friendship: z
    .number()
    .min(0.1)
    .max(1)
    .default(0.55)
    .describe('Mutual fondness (0..1) at which a friendship is recorded'),
  romanceFromAge: z
    .number()
    .min(10)
    .max(20)
    .default(13)
    .describe('Age from which students may fall for each other'),
  couple: z
    .number()
    .min(0.1)
    .max(1)
    .default(0.5)
    .describe('Mutual romance (0..1) at which two people become a couple'),
  coupleEndsPerYear: share(0.35, 'Chance a year that a couple parts (lower for fonder couples)'),
  cliqueFromAge: z
    .number()
    .min(5)
    .max(16)
    .default(8)
    .describe('Age from which a confident student may gather a clique'),
  cliquesPerYear: perYear(0.6, 10, 'New cliques a year in each year group, at most'),
  tantrumsPerYear: perYear(3, 50, 'Tantrums a year by the most hot-tempered student under strain'),
  teasingsPerYear: perYear(20, 200, 'Teasings a year in a school of about three hundred'),
  giftChance: share(
    0.02,
    'Chance that a meeting of close friends ends with a gift from one of their collections',
  ),
});

const Guardians = z.strictObject({
  plainSpeakers: share(0.25, 'Share of guardians inclined to speak plainly'),
  plainSpeakingPerYear: share(0.15, 'Chance a year that an inclined guardian tells a senior class the truth'),
  leaveAfterPlainSpeaking: share(
    0.75,
    'Chance that a guardian who spoke plainly leaves the school within weeks',
  ),
  shieldChance: share(0.35, 'Chance that a guardian stops a teasing they see'),
  favourChance: share(0.15, 'Chance a year that a warm guardian singles out a student for praise'),
});

const SchoolLife = z
  .strictObject({
    art: Art.default(Art.parse({})),
    exchange: Exchange.default(Exchange.parse({})),
    sale: Sale.default(Sale.parse({})),
    gallery: Gallery.default(Gallery.parse({})),
    social: Social.default(Social.parse({})),
    guardians: Guardians.default(Guardians.parse({})),
  })
  .describe('Life at full-detail schools: art, Exchanges, Sales, the Gallery, friendships, guardians');

const Trips = z.strictObject({
  perYear: perYear(1, 12, 'Trips a year from a residence to look for a possible'),
  destinations: z
    .array(slug)
    .default(['norfolk', 'cromer'])
    .describe(
      'Place ids trips go to, the first present in the scenario (Cromer, on the Norfolk coast, if none is)',
    ),
  party: Distribution.default({ min: 3, mode: 4, max: 5 }).describe('People on a trip, the seeker included'),
  rightChance: share(0.08, 'Chance that a sighted possible really is the model'),
  findLostChance: share(
    0.35,
    'Chance that a traveller who lost something finds it, or its twin, on the trip',
  ),
});

const Cottages = z
  .strictObject({
    veteransFollowed: z
      .number()
      .int()
      .min(0)
      .max(500)
      .default(8)
      .describe(
        'Leavers of other schools a year whose Cottages life is followed in detail (the rest only pass through)',
      ),
    coupleEndsPerYear: share(0.45, 'Chance a year that a couple at a residence parts'),
    keepCoupleOnLeaving: share(
      0.35,
      'Chance that a couple stays together when one of them leaves for training',
    ),
    deferralRumour: share(0.35, 'Chance that a followed veteran arrives with the deferral rumour'),
    madameAddress: share(0.05, 'Chance a year that a resident learns where Madame lives'),
    lateArtPerYear: perYear(
      4,
      50,
      'Works a year by residents who believe art proves a couple (Tommy at the Cottages)',
    ),
    trips: Trips.default(Trips.parse({})),
  })
  .describe('Life at the residence of a full-detail school: veterans, couples, rumours, trips');

const Disclosure = z.strictObject({
  proposition: z.string().min(1).describe('Proposition id (see src/world/beliefs/propositions.ts)'),
  version: z.string().min(1).describe('The version told'),
  age: z.number().min(3).max(20).describe('Age of the class when guardians tell it'),
  plainness: probability.describe('How plainly (0..1): a student takes it in with about this chance'),
});

const Beliefs = z
  .strictObject({
    disclosure: z
      .array(Disclosure)
      .default([
        { proposition: 'norfolk', version: 'lost-corner', age: 8, plainness: 0.7 },
        { proposition: 'we-will-donate', version: 'vaguely', age: 9, plainness: 0.35 },
        { proposition: 'we-are-clones', version: 'yes', age: 11, plainness: 0.35 },
        { proposition: 'no-children', version: 'yes', age: 13, plainness: 0.7 },
        { proposition: 'we-will-donate', version: 'vaguely', age: 13, plainness: 0.45 },
      ])
      .describe('What guardians tell each class, at what age and how plainly: "told and not told"'),
    tellsPerYear: z
      .number()
      .min(0)
      .max(200)
      .default(12)
      .describe(
        'People a fresh, much-talked-of belief is told to in a year by one who holds it (fewer as it grows old, or if it is dull)',
      ),
    mutation: share(0.08, 'Chance that a rumour changes as it is passed on'),
    debunkPerYear: share(0.3, 'Chance a year that guardians put down a false school rumour they hear of'),
    originsPerYear: z
      .record(z.string(), z.number().min(0).max(50))
      .default({ woods: 0.5, 'gallery-purpose': 0.8, 'madame-runs-hailsham': 0.6, deferral: 0.15 })
      .describe('Rumours started a year at a school, by proposition id'),
  })
  .describe('What people believe, how guardians disclose, and how rumours spread');

export const Policy = z.strictObject({
  ages: Ages.default(Ages.parse({})),
  caring: Caring.default(Caring.parse({})),
  donation: Donation.default(Donation.parse({})),
  deferral: Deferral.default(Deferral.parse({})),
  recipients: Recipients.default(Recipients.parse({})),
  funding: Funding.default(Funding.parse({})),
  school: SchoolLife.default(SchoolLife.parse({})),
  cottages: Cottages.default(Cottages.parse({})),
  beliefs: Beliefs.default(Beliefs.parse({})),
});
export type Policy = z.infer<typeof Policy>;

export const Scenario = z
  .strictObject({
    hailsham: z.literal(SCENARIO_FORMAT).default(SCENARIO_FORMAT).describe('Scenario format version'),
    name: slug.describe('Short name of the world'),
    title: z.string().max(200).optional(),
    description: z.string().max(4000).optional(),
    extends: z.string().optional().describe('Path of a scenario this one changes (relative to this file)'),
    seed: z.number().int().min(0).max(0xffff_ffff).default(1).describe('Default seed; --seed overrides it'),
    calendar: z.strictObject({
      start: isoDate.describe('First day simulated'),
      end: isoDate.describe('Last day simulated'),
    }),
    places: Places.default(Places.parse({})),
    generate: Generate.default(Generate.parse({})),
    policy: Policy.default(Policy.parse({})),
    cast: z.array(CastMember).max(500).default([]).describe('Named people whose lives the story pins'),
    beats: z.array(Beat).max(2000).default([]).describe('Dated moments of the storyline'),
  })
  .superRefine((s, ctx) => {
    const cast = new Set<string>();
    s.cast.forEach((c, i) => {
      if (cast.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['cast', i, 'id'],
          message: `id '${c.id}' is already in the cast`,
        });
      cast.add(c.id);
      if (c.school !== undefined && !s.places.schools.some((x) => x.id === c.school)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cast', i, 'school'],
          message: `no school has the id '${c.school}'`,
        });
      }
    });
    const placeIds = new Set(
      [s.places.schools, s.places.residences, s.places.centres, s.places.landmarks].flatMap((g) =>
        g.map((p) => p.id),
      ),
    );
    const beatIds = new Set<string>();
    s.beats.forEach((b, i) => {
      if (beatIds.has(b.id))
        ctx.addIssue({
          code: 'custom',
          path: ['beats', i, 'id'],
          message: `beat '${b.id}' is already defined`,
        });
      beatIds.add(b.id);
      b.people.forEach((p, j) => {
        if (!cast.has(p))
          ctx.addIssue({
            code: 'custom',
            path: ['beats', i, 'people', j],
            message: `beat '${b.id}' names '${p}', who is not in the cast`,
          });
      });
      for (const p of Object.keys(b.requires ?? {})) {
        if (!cast.has(p))
          ctx.addIssue({
            code: 'custom',
            path: ['beats', i, 'requires', p],
            message: `beat '${b.id}' names '${p}', who is not in the cast`,
          });
      }
      if (b.place !== undefined && !placeIds.has(b.place)) {
        ctx.addIssue({
          code: 'custom',
          path: ['beats', i, 'place'],
          message: `beat '${b.id}' is set at '${b.place}', which is not a place`,
        });
      }
      const d = parseIsoDate(b.date);
      const st = parseIsoDate(s.calendar.start);
      const en = parseIsoDate(s.calendar.end);
      if (d !== undefined && st !== undefined && en !== undefined && (d < st || d > en)) {
        ctx.addIssue({
          code: 'custom',
          path: ['beats', i, 'date'],
          message: `beat '${b.id}' falls outside the calendar`,
        });
      }
    });
    for (const problem of checkStoryline(s)) ctx.addIssue({ code: 'custom', ...problem });
    const start = parseIsoDate(s.calendar.start);
    const end = parseIsoDate(s.calendar.end);
    for (const k of ['start', 'end'] as const) {
      const d = parseIsoDate(s.calendar[k]);
      if (d !== undefined && (d < 0 || d > MAX_QUEUE_DAY)) {
        ctx.addIssue({
          code: 'custom',
          path: ['calendar', k],
          message: 'the calendar runs from 1900-01-01 to 2079-06-06',
        });
      }
    }
    const sizeMax = (d: Distribution) => (typeof d === 'number' ? d : d.max);
    let lives = 0;
    for (const school of s.places.schools)
      lives += (school.cohorts.last - school.cohorts.first + 1) * sizeMax(school.cohorts.size);
    const g = s.generate.schools;
    if (g) lives += g.count * (g.cohorts.last - g.cohorts.first + 1) * sizeMax(g.cohorts.size);
    if (lives > MAX_LIVES) {
      ctx.addIssue({
        code: 'custom',
        path: ['places', 'schools'],
        message: `the cohorts could hold ${Math.round(lives).toLocaleString('en-GB')} lives; a world holds at most ${MAX_LIVES.toLocaleString('en-GB')}`,
      });
    }
    if (start !== undefined && end !== undefined && end <= start) {
      ctx.addIssue({
        code: 'custom',
        path: ['calendar', 'end'],
        message: 'the end must come after the start',
      });
    }
    const ids = new Map<string, string>();
    const groups = ['schools', 'residences', 'centres', 'landmarks'] as const;
    for (const g of groups) {
      s.places[g].forEach((p, i) => {
        const prior = ids.get(p.id);
        if (prior) {
          ctx.addIssue({
            code: 'custom',
            path: ['places', g, i, 'id'],
            message: `id '${p.id}' is already used at ${prior}`,
          });
        }
        ids.set(p.id, `places.${g}[${i}]`);
      });
    }
    const residences = new Set(s.places.residences.map((r) => r.id));
    s.places.schools.forEach((school, i) => {
      if (school.cohorts.last < school.cohorts.first) {
        ctx.addIssue({
          code: 'custom',
          path: ['places', 'schools', i, 'cohorts', 'last'],
          message: 'the last cohort comes before the first',
        });
      }
      if (school.residence !== undefined && !residences.has(school.residence)) {
        ctx.addIssue({
          code: 'custom',
          path: ['places', 'schools', i, 'residence'],
          message: `no residence has the id '${school.residence}'`,
        });
      }
    });
    const hasSchools = s.places.schools.length > 0 || (s.generate.schools?.count ?? 0) > 0;
    if (!hasSchools)
      ctx.addIssue({
        code: 'custom',
        path: ['places', 'schools'],
        message: 'a world needs at least one school',
      });
    if (s.places.residences.length + s.generate.residences === 0 && hasSchools) {
      ctx.addIssue({
        code: 'custom',
        path: ['places', 'residences'],
        message: 'leavers need at least one residence',
      });
    }
    if (s.places.centres.length + s.generate.centres === 0 && hasSchools) {
      ctx.addIssue({
        code: 'custom',
        path: ['places', 'centres'],
        message: 'donors need at least one recovery centre',
      });
    }
  });

/** A scenario as written (defaults not yet applied). */
export type ScenarioInput = z.input<typeof Scenario>;
/** A validated scenario with every default filled in. */
export type Scenario = z.infer<typeof Scenario>;

/** The JSON Schema of scenario files, for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...full } = z.toJSONSchema(Scenario, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return {
    $schema,
    $id: 'https://hailsham.invalid/scenario.schema.json',
    title: 'Hailsham scenario',
    description:
      'A whole scenario, or (with `extends`) an overlay that changes the scenario it extends: any key may be left out or set to null to remove it, and list entries with an `id` change the entry of that id. Dates are checked for shape here (YYYY-MM-DD or a year); that the day exists (no 1958-02-30), cross-field rules (the calendar ends after it starts, ids are unique and referred to correctly) and the merged result are checked by `hailsham validate`.',
    if: { type: 'object', required: ['extends'] },
    then: overlayForm(full),
    else: full,
  };
}

type JsonSchema = Record<string, unknown>;

/** The form of an overlay: the scenario's keys, none required, each also null (removed). */
function overlayForm(full: JsonSchema): JsonSchema {
  const form = partial(full, false);
  return {
    ...form,
    properties: {
      extends: {
        type: 'string',
        description: 'Path of the scenario this file changes, relative to this file',
      },
      ...(form.properties as JsonSchema),
    },
    required: ['extends'],
  };
}

function partial(node: JsonSchema, listEntry: boolean): JsonSchema {
  const out: JsonSchema = { ...node };
  if (node.properties && typeof node.properties === 'object') {
    const props: JsonSchema = {};
    for (const [k, v] of Object.entries(node.properties as Record<string, JsonSchema>))
      props[k] = { anyOf: [partial(v, false), { type: 'null' }] };
    out.properties = props;
    // An entry of a list merged by id names the entry it changes; nothing else is required.
    if (listEntry && 'id' in props) out.required = ['id'];
    else delete out.required;
  }
  if (node.items && typeof node.items === 'object') {
    const items = node.items as JsonSchema;
    // Only lists whose entries have an id merge entry by entry; other lists are replaced whole.
    const mergedById = !!(
      items.properties &&
      typeof items.properties === 'object' &&
      'id' in items.properties
    );
    out.items = mergedById ? partial(items, true) : items;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    if (Array.isArray(node[key])) out[key] = (node[key] as JsonSchema[]).map((n) => partial(n, listEntry));
  return out;
}
