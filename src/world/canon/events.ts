/** Event types of storylines (codes 90–99). */
import { z } from 'zod';
import { BEAT_KINDS } from '../../scenario/canon-schema.js';
import { def } from '../event-def.js';

export const CANON_EVENTS = {
  canon_beat: def(
    90,
    "A beat of the scenario's storyline; its consequences are ordinary events caused by it",
    { person: 'who the beat is about', other: 'the second person named', place: 'where it happens' },
    z.strictObject({
      beat: z.string().describe("the beat's id in the scenario"),
      title: z.string(),
      kind: z.enum(BEAT_KINDS),
      people: z.array(z.number().int()).describe('everyone the beat names, as person ids'),
      item: z.string().optional(),
    }),
  ),
} as const;
