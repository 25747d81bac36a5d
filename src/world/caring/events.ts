/** Event types of caring, donation, deferral and closures (codes 60–89). */
import { z } from 'zod';
import { def } from '../event-def.js';

const leg = z.tuple([z.number().int(), z.number().int(), z.number()]).describe('from place, to place, km');

export const CARING_EVENTS = {
  carer_round: def(
    60,
    "A month of a carer's rounds: every drive between their base and their donors' centres",
    { person: 'the carer', place: "the carer's base", value: 'km driven this month' },
    z.strictObject({
      rounds: z.number().describe('rounds driven this month'),
      trips: z.number().int().describe('drives (legs) this month'),
      legs: z.array(leg).describe('the legs of one round, in order'),
      donors: z.array(z.number().int()).describe('donors visited'),
    }),
  ),
  transferred: def(
    61,
    'A student moves to another school or home when theirs closes',
    { person: 'the student', place: 'the new school' },
    z.strictObject({ from: z.number().int().describe('place id of the closed school') }),
  ),
  deferral_applied: def(
    62,
    'A couple ask Madame for a deferral, with their art as evidence',
    {
      person: 'one of the couple',
      other: 'the other',
      place: "Madame's house",
      value: 'similarity of their works (0..1)',
    },
    z.strictObject({
      works: z.array(z.number().int()).describe('works offered as evidence'),
      policy: z.string(),
    }),
  ),
  deferral_refused: def(
    63,
    'A deferral application is refused',
    { person: 'one of the couple', other: 'the other', place: "Madame's house" },
    z.strictObject({ reason: z.string() }),
  ),
  deferral_granted: def(
    64,
    "A deferral application is granted: both donors' next donations are postponed",
    { person: 'one of the couple', other: 'the other', place: "Madame's house", value: 'years postponed' },
    z.strictObject({ similarity: z.number() }),
  ),
} as const;
