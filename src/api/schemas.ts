/**
 * The shapes of the API's responses, as zod schemas: the single source of truth from which the
 * OpenAPI document is generated, against which the tests check every response, and from which
 * the explorer's client takes its types (`import type`, so no zod reaches the browser).
 *
 * This folder is the contract between the server (src/server) and the web client
 * (src/web/client): both import it and neither imports the other's code. The one other
 * dependency between them runs from the server to the web app: the server serves the app's
 * files (src/web/assets.ts), while the app knows the server only through these types and URLs.
 */
import { z } from 'zod';
import { PERSON_KINDS, PHASES } from '../world/phases.js';
import { EventRecord } from '../world/event-types.js';

/** The phases a clone passes through, without `none` (the phase of guardians and Madame). */
export const LIFE_PHASES = ['student', 'resident', 'carer', 'donor', 'completed'] as const;
export type LifePhase = (typeof LIFE_PHASES)[number];

/** How a clone's story had ended (or not) when the world stopped. */
export const FATES = ['completed', 'spared', 'living'] as const;
export type Fate = (typeof FATES)[number];

const isoDate = z.string().describe('YYYY-MM-DD');

/** A link target: something with an id and a name to show. */
export const Ref = z.object({ id: z.number().int(), name: z.string() }).meta({ id: 'Ref' });
export type Ref = z.infer<typeof Ref>;

/** A piece of an event's one-line label; pieces naming a person or place carry its id. */
export const LabelPart = z
  .object({
    text: z.string(),
    person: z.number().int().optional(),
    place: z.number().int().optional(),
  })
  .meta({ id: 'LabelPart' });
export type LabelPart = z.infer<typeof LabelPart>;

/** An event with its label, ready to show and to link. */
export const EventView = EventRecord.extend({
  label: z.string().describe('one line of plain English'),
  parts: z.array(LabelPart).describe('the label in pieces, names separated out for linking'),
}).meta({ id: 'EventView' });
export type EventView = z.infer<typeof EventView>;

/** A person as lists show them. */
export const PersonSummary = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(PERSON_KINDS),
    sex: z.string(),
    born: isoDate,
    school: Ref.nullable(),
    cohort: z.number().int().nullable(),
    phase: z.enum(PHASES).describe('phase when the world ends'),
    fate: z.enum(FATES).nullable().describe('null for people outside the programme'),
    donations: z.number().int(),
    residentOn: isoDate.nullable(),
    carerOn: isoDate.nullable(),
    donorOn: isoDate.nullable(),
    completedOn: isoDate.nullable(),
    address: z
      .string()
      .describe(
        'an address that opens the same person in any run, seed or what-if of the scenario: school, cohort and place in it (`/p/hailsham-1968-01`)',
      ),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof PersonSummary>;

/** A list page: the items, where it starts, and how many there are in all. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    limit: z.number().int(),
    offset: z.number().int(),
    total: z.number().int().describe('how many match (a lower bound when totalExact is false)'),
    totalExact: z.boolean(),
    next: z.string().nullable().describe('query string of the next page, or null on the last'),
  });
}

/** A cell of a generic table: plain values, or a reference to link. */
export const Cell = z
  .union([
    z.string(),
    z.number(),
    z.null(),
    z.object({ ref: z.enum(['person', 'place', 'event']), id: z.number().int(), text: z.string() }),
  ])
  .meta({ id: 'Cell' });
export type Cell = z.infer<typeof Cell>;

/**
 * Rows of a table that a module of the world added (works, beliefs, relationships, a
 * collection…), as they concern one person or place. The API does not need to know each
 * table's layout: ids of people, places and events come as references, days as dates.
 */
export const Section = z
  .object({
    key: z.string().describe('the table it comes from'),
    title: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(Cell)),
    total: z.number().int(),
    truncated: z.boolean(),
    /** Works only: the ids of the rows' pictures, for /api/works/{id}.svg. */
    pictures: z.array(z.object({ id: z.number().int(), title: z.string() })).optional(),
  })
  .meta({ id: 'Section' });
export type Section = z.infer<typeof Section>;

/** What a world holds beyond the core tables, so the explorer shows only what exists. */
export const Features = z
  .object({
    canon: z.boolean(),
    works: z.boolean(),
    beliefs: z.boolean(),
    tables: z.array(z.string()).describe("tables added by the world's modules"),
  })
  .meta({ id: 'Features' });

export const PlaceSummary = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    lat: z.number(),
    lon: z.number(),
    fictional: z.boolean(),
    generated: z.boolean(),
    detail: z.string().nullable(),
    opened: isoDate.nullable(),
    closes: isoDate.nullable(),
    residence: Ref.nullable(),
    people: z.number().int().describe('clones who ever lived, recovered or completed there'),
  })
  .meta({ id: 'PlaceSummary' });
export type PlaceSummary = z.infer<typeof PlaceSummary>;

export const WorldInfo = z
  .object({
    scenario: z.string(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    seed: z.number().int(),
    start: isoDate,
    end: isoDate,
    people: z.number().int(),
    events: z.number().int(),
    places: z.number().int(),
    logSha256: z.string(),
    version: z.string(),
    features: Features,
    phases: z.array(z.enum(LIFE_PHASES)),
    fates: z.array(z.enum(FATES)),
    eventTypes: z.array(z.object({ name: z.string(), code: z.number().int(), description: z.string() })),
    schools: z.array(Ref).describe('schools and homes, for filters'),
    cohorts: z.object({ first: z.number().int().nullable(), last: z.number().int().nullable() }),
  })
  .meta({ id: 'WorldInfo' });
export type WorldInfo = z.infer<typeof WorldInfo>;

const counts = z.record(z.string(), z.number());

export const Overview = z
  .object({
    stats: z.object({
      byPhase: counts,
      completionsByDonation: counts,
      donations: z.object({ total: z.number(), byNumber: counts }),
      carerCareers: z.object({
        count: z.number(),
        medianYears: z.number(),
        meanYears: z.number(),
        minYears: z.number(),
        maxYears: z.number(),
        byYears: counts,
      }),
      donorAge: z.object({ count: z.number(), medianYears: z.number(), byYears: counts }),
      schools: z.array(
        z.object({
          id: z.number().int(),
          name: z.string(),
          kind: z.string(),
          detail: z.string().nullable(),
          clones: z.number(),
          firstCohort: z.number().nullable(),
          lastCohort: z.number().nullable(),
        }),
      ),
    }),
    phasesOverTime: z
      .array(z.object({ date: isoDate, counts: z.record(z.string(), z.number().int()) }))
      .describe('clones in each phase on 1 July of every year (completed: all so far)'),
    survival: z
      .array(
        z.object({
          key: z.string(),
          label: z.string(),
          filter: z.record(z.string(), z.string()).describe('people query selecting the group'),
          points: z.array(
            z.object({
              age: z.number().int(),
              surviving: z.number().describe('share still living at this age (Kaplan–Meier)'),
              atRisk: z.number().int(),
              completed: z.number().int().describe('completions at this age (whole years)'),
            }),
          ),
        }),
      )
      .describe('survival by age, for all clones and by kind of school'),
    beliefs: z
      .array(
        z.object({
          proposition: z.string(),
          about: z.string().nullable().describe('what the proposition is about, in words'),
          versions: z.array(
            z.object({
              version: z.string().nullable(),
              text: z.string().nullable(),
              points: z.array(z.object({ year: z.number().int(), holders: z.number().int() })),
            }),
          ),
        }),
      )
      .nullable()
      .describe(
        'people holding each version of each belief at the end of every year; null when the world records no beliefs',
      ),
  })
  .meta({ id: 'Overview' });
export type Overview = z.infer<typeof Overview>;

export const PhaseSpan = z.object({ phase: z.enum(LIFE_PHASES), from: isoDate, to: isoDate.nullable() });

export const CareLink = z.object({
  person: Ref,
  from: isoDate,
  event: z.number().int().describe('the carer_assigned event'),
});

export const PersonDetail = z
  .object({
    person: PersonSummary.extend({
      centre: Ref.nullable(),
      carer: Ref.nullable().describe('carer when the world ends'),
      residence: Ref.nullable(),
      age: z.number().int().nullable().describe('age in whole years at completion or when the world ends'),
    }),
    phases: z.array(PhaseSpan),
    timeline: page(EventView),
    carers: z.array(CareLink).describe('carers this person had, in order'),
    donors: z.array(CareLink).describe('donors this person cared for, in order'),
    sections: z.array(Section),
  })
  .meta({ id: 'PersonDetail' });
export type PersonDetail = z.infer<typeof PersonDetail>;

export const PeoplePage = page(PersonSummary).meta({ id: 'PeoplePage' });
export type PeoplePage = z.infer<typeof PeoplePage>;

export const EventsPage = page(EventView).meta({ id: 'EventsPage' });
export type EventsPage = z.infer<typeof EventsPage>;

export const EventDetail = z
  .object({
    event: EventView,
    typeDescription: z.string(),
    roles: z.record(z.string(), z.string()).describe('what the person, other, place and value columns mean'),
    causes: z.array(EventView).describe('the chain of causes, nearest first'),
    effects: z.array(EventView).describe('events this one caused'),
    participants: z.array(z.object({ person: Ref, role: z.number().int() })),
    people: z.array(Ref).describe('everyone named by the event'),
    place: PlaceSummary.nullable(),
  })
  .meta({ id: 'EventDetail' });
export type EventDetail = z.infer<typeof EventDetail>;

export const PlacesList = z
  .object({ items: z.array(PlaceSummary), total: z.number().int() })
  .meta({ id: 'PlacesList' });
export type PlacesList = z.infer<typeof PlacesList>;

export const PlaceDetail = z
  .object({
    place: PlaceSummary,
    role: z.enum(['school', 'residence', 'centre', 'other']).describe('who the roster counts'),
    rosterByYear: z
      .array(
        z.object({
          year: z.number().int(),
          present: z.number().int(),
          arrived: z.number().int(),
          completed: z.number().int(),
        }),
      )
      .describe('people there during each year'),
    sections: z.array(Section),
  })
  .meta({ id: 'PlaceDetail' });
export type PlaceDetail = z.infer<typeof PlaceDetail>;

export const Snapshot = z
  .object({
    date: isoDate,
    phases: z.record(z.string(), z.number().int()),
    places: z.array(
      z.object({
        id: z.number().int(),
        students: z.number().int(),
        residents: z.number().int(),
        donors: z.number().int(),
      }),
    ),
    completedThisYear: z.number().int().describe('completions in the year up to the date'),
  })
  .meta({ id: 'Snapshot' });
export type Snapshot = z.infer<typeof Snapshot>;

export const CanonBeat = z.object({
  order: z.number().int(),
  date: isoDate.nullable(),
  title: z.string(),
  text: z.string().nullable(),
  event: z.number().int().nullable(),
  people: z.array(Ref),
  place: Ref.nullable(),
  scene: z.string().nullable().describe('where the chronicle tells it, when it does'),
  told: z
    .object({
      person: Ref.describe('the narrator, whose memoir it is'),
      sentences: z.number().int().describe('sentences of the memoir that cite the beat'),
    })
    .nullable()
    .describe("the narrator's memoir where it tells this beat (anchor `ev-{event}`), or null"),
});
export const Canon = z.object({ beats: z.array(CanonBeat) }).meta({ id: 'Canon' });
export type Canon = z.infer<typeof Canon>;

export const ApiError = z
  .object({
    error: z.object({
      status: z.number().int(),
      message: z.string(),
      field: z.string().optional().describe('the parameter at fault'),
    }),
  })
  .meta({ id: 'Error' });
export type ApiError = z.infer<typeof ApiError>;

/** Which chronicles there are of a person. */
export const CHRONICLE_KINDS = ['memoir', 'biography'] as const;

export const ChronicleSentence = z
  .object({
    text: z.string(),
    events: z.array(z.number().int()).describe('the events it rests on, ascending, never empty'),
    more: z.number().int().describe('events it rests on beyond those listed (a sample of 40)'),
  })
  .meta({ id: 'ChronicleSentence' });

export const ChronicleView = z
  .object({
    person: Ref,
    kind: z.enum(CHRONICLE_KINDS),
    kinds: z.array(z.enum(CHRONICLE_KINDS)).describe('the kinds this person can have'),
    title: z.string(),
    subtitle: z.string(),
    sections: z.array(
      z.object({
        title: z.string(),
        paragraphs: z.array(z.object({ sentences: z.array(ChronicleSentence) })),
      }),
    ),
    sentences: z.number().int(),
    cited: z.number().int().describe('distinct events cited'),
    writtenMs: z.number().describe('how long writing it took; 0 when it was already written'),
  })
  .meta({ id: 'ChronicleView' });
export type ChronicleView = z.infer<typeof ChronicleView>;

/** A route driven by carers: two places and how often it was driven. */
export const Route = z
  .object({
    from: Ref,
    to: Ref,
    km: z.number(),
    trips: z.number().describe('drives along it, either way (rounds a month times months)'),
    months: z.number().int().describe('monthly rounds that included it'),
    carers: z.number().int(),
  })
  .meta({ id: 'Route' });
export type Route = z.infer<typeof Route>;

export const CarerRoutes = z
  .object({
    person: Ref,
    record: z
      .object({
        base: Ref.nullable(),
        km: z.number(),
        trips: z.number().int(),
        donorsCared: z.number().int(),
        completionsInCare: z.number().int(),
        stillCaring: z.boolean(),
      })
      .nullable()
      .describe('the row of the `carers` table, or null when the world keeps none for this person'),
    months: z.number().int().describe('monthly rounds logged (`carer_round` events)'),
    first: isoDate.nullable(),
    last: isoDate.nullable(),
    routes: z.array(Route).describe('roads between two places, busiest first'),
    localVisits: z.number().describe('visits to donors at the carer’s own centre'),
    donors: z.array(Ref).describe('donors visited on the logged rounds'),
  })
  .meta({ id: 'CarerRoutes' });
export type CarerRoutes = z.infer<typeof CarerRoutes>;

export const RoutesMap = z
  .object({
    year: z.number().int().nullable(),
    years: z
      .object({ first: z.number().int(), last: z.number().int() })
      .nullable()
      .describe('years with logged rounds, or null when the world logs none'),
    routes: z.array(Route),
    totalRoutes: z.number().int().describe('distinct routes driven that year'),
    logged: z.object({
      months: z.number().int().describe('monthly rounds logged in the year'),
      carers: z.number().int().describe('carers whose rounds are logged'),
    }),
    carersAtWork: z.number().int().describe('clones who were carers at some time in the year'),
    fullDetailOnly: z.boolean().describe('rounds are logged only for carers from full-detail schools'),
  })
  .meta({ id: 'RoutesMap' });
export type RoutesMap = z.infer<typeof RoutesMap>;

/** One world's side of a comparison. */
export const CompareSide = z
  .object({
    scenario: z.string(),
    title: z.string().nullable(),
    seed: z.number().int(),
    file: z.string().describe("the database's file name"),
    base: z
      .string()
      .describe('where its pages are in this explorer: "" for the first world, "/b" for the second'),
    logSha256: z.string(),
    start: isoDate,
    end: isoDate,
    figures: z.object({
      people: z.number().int(),
      clones: z.number().int(),
      events: z.number().int(),
      donations: z.number().int(),
      completions: z.number().int(),
      spared: z.number().int(),
      meanDonationsAtCompletion: z.number().nullable(),
      medianCareerYears: z.number(),
      medianDonorAge: z.number(),
      medianCompletionAge: z.number().nullable(),
    }),
    byPhase: z.record(z.string(), z.number().int()),
    completionsByDonation: z.record(z.string(), z.number().int()),
    phasesOverTime: z.array(z.object({ date: isoDate, counts: z.record(z.string(), z.number().int()) })),
    survival: z.array(
      z.object({
        age: z.number().int(),
        surviving: z.number(),
        atRisk: z.number().int(),
        completed: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'CompareSide' });
export type CompareSide = z.infer<typeof CompareSide>;

export const DIVERGENCES = ['phase', 'donations', 'completion'] as const;

export const Comparison = z
  .object({
    a: CompareSide,
    b: CompareSide,
    matching: z.object({
      by: z.enum(['key', 'name']).describe('how lives were paired'),
      note: z.string(),
      matched: z.number().int(),
      diverged: z.number().int(),
      byDifference: z.record(z.string(), z.number().int()),
      onlyA: z.number().int(),
      onlyB: z.number().int(),
    }),
  })
  .meta({ id: 'Comparison' });
export type Comparison = z.infer<typeof Comparison>;

const LifeSide = z.object({
  id: z.number().int(),
  phase: z.string(),
  fate: z.enum(FATES).nullable(),
  donations: z.number().int(),
  completedOn: isoDate.nullable(),
  age: z.number().int().nullable().describe('age at completion, or at the end of the world'),
});

export const DivergedLife = z
  .object({
    name: z.string(),
    address: z.string().describe('the address that opens this life in either world (`/p/…`, `/b/p/…`)'),
    school: z.object({ slug: z.string(), name: z.string() }).nullable(),
    cohort: z.number().int().nullable(),
    a: LifeSide,
    b: LifeSide,
    differs: z.array(z.enum(DIVERGENCES)),
  })
  .meta({ id: 'DivergedLife' });
export type DivergedLife = z.infer<typeof DivergedLife>;

export const DivergedPage = page(DivergedLife).meta({ id: 'DivergedPage' });
export type DivergedPage = z.infer<typeof DivergedPage>;
