/**
 * Event types of school life and the Cottages (codes 20–59), and the roles people play in their
 * many-sided events (codes 20–39 in `event_people.role`). A happening with many parts (an
 * Exchange, a Sale, a guardian speaking to a class) is one event carrying its parts in `data`
 * and its people in `event_people`; what matters to one person (a work chosen for the Gallery,
 * a rumour heard, a couple formed) is an event of its own, so a life's timeline reads well.
 *
 * Rumours and beliefs are traceable through the `cause` column: a `rumour_heard` event's cause
 * is the event by which the teller came to hold the belief, so walking causes from any hop
 * reaches the rumour's origin (a `rumour_started`, a disclosure or an experience).
 */
import { z } from 'zod';
import { def } from '../event-def.js';

const id = z.number().int();
const prop = z.string().describe('proposition id (src/world/beliefs/propositions.ts)');
const version = z.string().describe('version of the proposition');

export const SCHOOL_EVENTS = {
  works_made: def(
    20,
    "A month's works of art at a school or residence; the works are rows first..last of the works table",
    { place: 'the school or residence', value: 'works made' },
    z.strictObject({ first: id.describe('first work id'), last: id.describe('last work id') }),
  ),
  exchange_held: def(
    21,
    'An Exchange: students offer works, the school pays tokens for those it accepts, and classmates buy them',
    { place: 'the school', value: 'works sold' },
    z.strictObject({
      offered: z
        .array(z.tuple([id, id, id, id, id]))
        .describe('[work, maker, tokens the school paid (0: not accepted), buyer (-1: none), price]'),
    }),
  ),
  sale_held: def(
    22,
    'A Sale: a box of goods from outside, bought with tokens into personal collections',
    { place: 'the school', value: 'items sold' },
    z.strictObject({
      items: z.array(z.tuple([id, id, id])).describe('[item, buyer, price]'),
      unsold: id.describe('items nobody bought, sent back'),
    }),
  ),
  gallery_visit: def(
    23,
    'Madame visits and takes the best work away for the Gallery',
    { person: 'Madame', place: 'the school', value: 'works taken' },
    z.strictObject({ works: z.array(id) }),
  ),
  work_chosen: def(
    24,
    "A student's work is taken for the Gallery",
    { person: 'the maker', other: 'Madame', place: 'the school', value: 'work id' },
    z.null(),
  ),
  item_lost: def(
    25,
    'An item of a collection is lost',
    { person: 'the owner', place: 'where it was lost', value: 'item id' },
    z.null(),
  ),
  item_found: def(
    26,
    'A lost item, or its twin, turns up again, far away',
    { person: 'the finder', place: 'where it turned up (if a place of the world)', value: 'item id' },
    z.strictObject({
      copy: z.boolean().describe('a copy, not the very one'),
      lostOn: id.nullable(),
      town: z.string(),
    }),
  ),
  item_given: def(
    27,
    'An item changes hands as a gift',
    { person: 'the giver', other: 'the receiver', value: 'item id' },
    z.null(),
  ),
  friendship_formed: def(
    28,
    'Two people become friends',
    { person: 'one', other: 'the other', place: 'where', value: 'mutual fondness (0..1)' },
    z.null(),
  ),
  friendship_broken: def(
    29,
    'Two friends fall out',
    { person: 'the one who turned away', other: 'the other', place: 'where' },
    z.strictObject({ over: z.string() }),
  ),
  couple_formed: def(
    30,
    'Two people become a couple',
    { person: 'one', other: 'the other', place: 'where', value: 'couple id' },
    z.null(),
  ),
  couple_ended: def(
    31,
    'A couple parts',
    { person: 'the one who ended it (or left)', other: 'the other', place: 'where', value: 'couple id' },
    z.strictObject({ reason: z.enum(['drifted', 'quarrel', 'left', 'completed']) }),
  ),
  clique_formed: def(
    32,
    'A confident student gathers a clique',
    { person: 'the leader', place: 'where', value: 'clique id' },
    z.strictObject({ members: z.array(id) }),
  ),
  clique_changed: def(
    33,
    'Someone joins or leaves a clique, or it breaks up',
    { person: 'the member', other: 'the leader', value: 'clique id' },
    z.strictObject({ change: z.enum(['joined', 'left', 'dissolved']) }),
  ),
  tantrum: def(
    34,
    'A student loses their temper, and others answer',
    { person: 'the student', place: 'where' },
    z.strictObject({
      trigger: z.string(),
      answers: z.array(z.tuple([id, z.enum(['laughed', 'calmed', 'ignored', 'fled'])])),
    }),
  ),
  teased: def(
    35,
    'A student is teased',
    { person: 'the one teased', other: 'the ringleader', place: 'where' },
    z.strictObject({
      over: z.string(),
      joined: z.array(id),
      shieldedBy: id.describe('guardian who stopped it, or -1'),
    }),
  ),
  guardian_disclosed: def(
    36,
    'A guardian tells a class something of their future, more or less plainly',
    { person: 'the guardian', place: 'the school', value: 'cohort (birth year) of the class' },
    z.strictObject({
      p: prop,
      v: version,
      plainness: z.number(),
      tookIn: id.describe('students who took it in'),
    }),
  ),
  guardian_spoke_plainly: def(
    37,
    'A guardian tells a senior class the plain truth of their future, against the policy',
    { person: 'the guardian', place: 'the school', value: 'cohort (birth year) of the class' },
    z.strictObject({
      said: z.array(z.tuple([prop, version])),
      reaction: z.enum(['silence', 'unrest', 'disbelief']),
    }),
  ),
  guardian_left: def(
    38,
    'A guardian leaves the school',
    { person: 'the guardian', place: 'the school' },
    z.strictObject({ reason: z.enum(['spoke-plainly', 'retired']) }),
  ),
  guardian_spoke_to: def(
    39,
    'A guardian speaks to one student: comfort, praise, a shield, or a hard truth',
    { person: 'the guardian', other: 'the student', place: 'where' },
    z.strictObject({ kind: z.enum(['comfort', 'praise', 'shield', 'truth']), about: z.string() }),
  ),
  rumour_started: def(
    40,
    'A rumour begins: someone invents, mishears or guesses something and says it',
    {
      person: 'who started it',
      other: 'whom it concerns (a possible sighted)',
      place: 'where',
      value: 'belief id (the beliefs table)',
    },
    z.strictObject({ p: prop, v: version, how: z.string() }),
  ),
  rumour_heard: def(
    41,
    'Someone takes up a belief from another; the cause is the event by which the teller came to hold it',
    { person: 'the hearer', other: 'the teller', place: 'where', value: 'belief id (the beliefs table)' },
    z.strictObject({
      p: prop,
      v: version,
      from: version.optional().describe('the version the teller held, when it changed in the telling'),
      origin: id.describe('the event the rumour began with'),
    }),
  ),
  rumour_debunked: def(
    42,
    'A false belief is put down, and those who held it are set right',
    { person: 'who put it down (a guardian), if anyone', place: 'where', value: 'people set right' },
    z.strictObject({ p: prop, v: version, now: version }),
  ),
  learned_by_experience: def(
    43,
    'Someone comes to believe something from what they saw or lived through',
    { person: 'the one who learned', place: 'where', value: 'belief id (the beliefs table)' },
    z.strictObject({ p: prop, v: version, what: z.string() }),
  ),
  madame_tested: def(
    44,
    'A group of students crowd round Madame to see whether she is afraid of them',
    { person: 'the ringleader', other: 'Madame', place: 'the school', value: 'students in the group' },
    z.null(),
  ),
  madame_moved: def(
    45,
    'Madame comes upon a student alone with a treasured song and is moved to tears',
    { person: 'the student', other: 'Madame', place: 'the school', value: 'item id of the song, or -1' },
    z.null(),
  ),
  possible_trip: def(
    46,
    "Residents take a trip to look for one of them's possible",
    {
      person: 'the one whose possible they seek',
      place: 'the destination (if a place of the world)',
      value: 'travellers',
    },
    z.strictObject({
      town: z.string(),
      party: z.array(id),
      report: id.describe('event of the sighting report'),
    }),
  ),
  possible_seen: def(
    47,
    'A resident sees the person said to be their possible',
    {
      person: 'the seeker',
      other: 'the original seen',
      place: 'where',
      value: 'belief id (the beliefs table)',
    },
    z.strictObject({
      right: z.boolean().describe('whether the original really is the model'),
      town: z.string(),
    }),
  ),
  outburst: def(
    48,
    'Someone says aloud a bitter thing about where they come from',
    { person: 'the speaker', place: 'where', value: 'listeners' },
    z.strictObject({ about: prop, v: version }),
  ),
} as const;

/** Roles in `event_people` for school events. */
export const SCHOOL_ROLES = {
  seller: 20,
  buyer: 21,
  listener: 22,
  member: 23,
  answerer: 24,
  joiner: 25,
  traveller: 26,
  corrected: 27,
  crowd: 28,
} as const;

/** Role name of a role code, or undefined. */
export function schoolRoleName(code: number): keyof typeof SCHOOL_ROLES | undefined {
  for (const [k, v] of Object.entries(SCHOOL_ROLES)) if (v === code) return k as keyof typeof SCHOOL_ROLES;
  return undefined;
}
