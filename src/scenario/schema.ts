/**
 * The scenario file format, as zod schemas: the single source of truth for what a scenario may
 * say, its defaults, and the JSON Schema that editors use (`hailsham schema`). Every rate of
 * the programme lives here, never as a constant in the rules. Objects are strict, so a
 * misspelt key is an error rather than a silently ignored setting.
 */
import { z } from 'zod';
import { parseIsoDate } from '../engine/calendar.js';

/** Version of the scenario format this build reads. */
export const SCENARIO_FORMAT = 1;

const isoDate = z
  .string()
  .refine((s) => parseIsoDate(s) !== undefined, { message: 'expected a date as YYYY-MM-DD (or a bare year)' })
  .describe('A calendar date, YYYY-MM-DD, or a year meaning 1 January');

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
    size: Distribution.describe('Children per cohort'),
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
  cohorts: z.strictObject({ first: year, last: year, size: Distribution }),
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
});

const Caring = z.strictObject({
  careerYears: Distribution.default({ min: 2, mode: 7, max: 12.5 }).describe(
    'Years as a carer (training included) before notice to become a donor',
  ),
  maxDonors: z.number().int().min(1).max(50).default(5).describe('Most donors a carer looks after at once'),
  skipCaring: probability.default(0.05).describe('Share of residents who become donors without caring'),
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
  })
  .describe('How donations are scheduled and how likely each is to be the last');

export const Policy = z.strictObject({
  ages: Ages.default(Ages.parse({})),
  caring: Caring.default(Caring.parse({})),
  donation: Donation.default(Donation.parse({})),
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
  })
  .superRefine((s, ctx) => {
    const start = parseIsoDate(s.calendar.start);
    const end = parseIsoDate(s.calendar.end);
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
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' });
  return {
    $id: 'https://hailsham.invalid/scenario.schema.json',
    title: 'Hailsham scenario',
    ...schema,
  };
}
