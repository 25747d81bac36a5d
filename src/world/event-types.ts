/**
 * Every kind of event the world records, with its code in the log and the zod schema of its
 * `data` payload: the single source of truth for the event format. Columns common to all
 * events (person, other, place, value, cause) carry what most events need, so the hot
 * lifecycle events have no payload at all; `value` means what the table below says.
 */
import { z } from 'zod';
import { CANON_EVENTS } from './canon/events.js';
import { CARING_EVENTS } from './caring/events.js';
import { def, none } from './event-def.js';
import { SCHOOL_EVENTS } from './school/events.js';

/** Version of the event format in the database; bump it (with a migration note) when codes or payloads change. */
export const EVENT_FORMAT = 1;

const CORE_EVENTS = {
  born: def(
    1,
    'A child of the programme is born and placed at a school',
    { person: 'the child', place: 'the school', value: 'cohort year' },
    none,
  ),
  became_resident: def(
    2,
    'A school leaver arrives at a residence such as the Cottages',
    { person: 'the leaver', place: 'the residence' },
    z.strictObject({ from: z.number().int().describe('place id of the school left') }),
  ),
  left_for_training: def(
    3,
    'A resident leaves to train as a carer',
    { person: 'the new carer', place: 'the residence left' },
    none,
  ),
  became_donor: def(
    4,
    'A carer (or resident) is given notice and becomes a donor',
    { person: 'the donor', place: 'the recovery centre', value: 'days spent caring (0 if never a carer)' },
    none,
  ),
  carer_assigned: def(
    5,
    'A carer takes on a donor',
    {
      person: 'the donor',
      other: 'the carer',
      place: "the donor's recovery centre",
      value: '1 when the carer chose the donor (an old friend)',
    },
    z.strictObject({ previous: z.number().int().describe('the carer who had the donor before') }).nullable(),
  ),
  donated: def(
    6,
    'A donor gives a donation',
    { person: 'the donor', other: 'the carer then', place: 'the recovery centre', value: 'donation number' },
    none,
  ),
  completed: def(
    7,
    'A donor completes',
    { person: 'the donor', other: 'the carer then', place: 'the recovery centre', value: 'donations given' },
    none,
  ),
  spared: def(
    8,
    'A donor reaches the most donations the policy allows and gives no more',
    { person: 'the donor', place: 'the recovery centre', value: 'donations given' },
    none,
  ),
  school_opened: def(9, 'A school or home opens', { place: 'the school' }, none),
  school_closed: def(
    10,
    'A school closes, and why',
    { place: 'the school' },
    z.strictObject({
      cause: z
        .enum(['funding'])
        .describe("why it closed: 'funding', the money for it ran out (the scenario's closing date)"),
    }),
  ),
  joined_staff: def(
    11,
    'A guardian (or Madame) begins at a school',
    { person: 'the guardian', place: 'the school' },
    z.strictObject({ role: z.enum(['guardian', 'headmistress', 'madame']) }),
  ),
} as const;

/**
 * Every event type. Codes 1–19 are the lifecycle's, 20–59 school life and the Cottages'
 * (src/world/school/events.ts), 60–89 caring, donation and deferral's (src/world/caring/events.ts),
 * 90–99 storylines' (src/world/canon/events.ts).
 */
export const EVENT_TYPES = { ...CORE_EVENTS, ...SCHOOL_EVENTS, ...CARING_EVENTS, ...CANON_EVENTS } as const;

export type EventTypeName = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventTypeName[];

/** Event type codes by name, for the hot path. */
export const EVENT_CODES = Object.fromEntries(EVENT_TYPE_NAMES.map((n) => [n, EVENT_TYPES[n].code])) as {
  readonly [K in EventTypeName]: (typeof EVENT_TYPES)[K]['code'];
};

const byCode = new Map<number, EventTypeName>(EVENT_TYPE_NAMES.map((n) => [EVENT_TYPES[n].code, n]));
if (byCode.size !== EVENT_TYPE_NAMES.length) throw new Error('event-types: two event types share a code');

/** Name of an event type code. */
export function eventTypeName(code: number): EventTypeName | undefined {
  return byCode.get(code);
}

/** An event as the API and the JSON export give it. */
export const EventRecord = z.object({
  id: z.number().int().positive(),
  date: z.string().describe('YYYY-MM-DD'),
  day: z.number().int().describe('days since 1900-01-01'),
  type: z.enum(EVENT_TYPE_NAMES as [EventTypeName, ...EventTypeName[]]),
  person: z.number().int().nullable(),
  other: z.number().int().nullable(),
  place: z.number().int().nullable(),
  value: z.number().nullable(),
  cause: z.number().int().nullable(),
  data: z.unknown().nullable(),
});
export type EventRecord = z.infer<typeof EventRecord>;

/**
 * Checks an event's payload against its type's schema.
 * @example validateEventData('became_resident', { from: 3 }) // ok
 */
export function validateEventData(type: EventTypeName, data: unknown): z.ZodSafeParseResult<unknown> {
  return (EVENT_TYPES[type].data as z.ZodType).safeParse(data);
}
