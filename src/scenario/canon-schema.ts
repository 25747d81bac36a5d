/**
 * The scenario settings for a storyline: a cast of named people whose lives are pinned where
 * the story says so, and dated beats. The world runs its ordinary rules around them; a pin or
 * beat the rules cannot honour stops the run with an error naming it.
 */
import { z } from 'zod';
import { parseIsoDate } from '../engine/calendar.js';

const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, {
  message: 'expected a date as YYYY-MM-DD (or a bare year)',
});
const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected an id of lower-case letters, digits and hyphens' });

export const PHASE_NAMES = ['student', 'resident', 'carer', 'donor', 'completed'] as const;

export const CastMember = z
  .strictObject({
    id: slug.describe('How beats refer to this person'),
    name: z.string().min(1).max(60),
    kind: z.enum(['clone', 'guardian', 'madame']).default('clone'),
    sex: z.enum(['female', 'male']),
    school: slug.optional().describe('The school a clone is raised at, or a guardian works at'),
    born: isoDate.optional().describe("A clone's birthday (required for clones)"),
    trainingOn: isoDate.optional().describe('The day a resident leaves for carer training'),
    donorOn: isoDate.optional().describe('The day they become a donor'),
    donations: z
      .array(isoDate)
      .max(12)
      .optional()
      .describe('The days of their donations, first to last known'),
    completesAfter: z
      .number()
      .int()
      .min(1)
      .max(12)
      .optional()
      .describe('The donation after which they complete'),
    completedOn: isoDate.optional(),
    leftOn: isoDate.optional().describe('The day a guardian leaves the school'),
    style: z
      .enum([
        'animals',
        'landscape',
        'portrait',
        'still-life',
        'pattern',
        'abstract',
        'seascape',
        'buildings',
      ])
      .optional()
      .describe("The style of a student's art"),
    traits: z.record(z.string(), z.number().min(0).max(1)).optional().describe('Personality traits, 0 to 1'),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'clone' && c.born === undefined)
      ctx.addIssue({ code: 'custom', path: ['born'], message: 'a clone needs a birthday' });
    if (c.kind !== 'madame' && c.school === undefined)
      ctx.addIssue({ code: 'custom', path: ['school'], message: 'give the school' });
  });
export type CastMember = z.infer<typeof CastMember>;

export const BEAT_KINDS = [
  'moment',
  'friends',
  'tantrum',
  'told-plainly',
  'guardian-left',
  'bought',
  'lost',
  'found',
  'danced',
  'couple',
  'couple-ended',
  'possible-trip',
  'outburst',
  'animals',
  'mocked',
  'cares-for',
  'trip',
  'apology',
  'deferral-visit',
  'learned-truth',
  'notice',
] as const;

export const Beat = z.strictObject({
  id: slug,
  date: isoDate,
  title: z.string().min(1).max(160).describe('A short title, in our own words'),
  kind: z.enum(BEAT_KINDS).default('moment'),
  people: z.array(slug).min(1).max(12).describe('Cast ids; the first is who the beat is about'),
  place: slug.optional().describe('Where it happens (a place id)'),
  item: z.string().max(80).optional().describe('The thing bought, lost or found'),
  requires: z
    .record(slug, z.enum(PHASE_NAMES))
    .optional()
    .describe('The phase each named person must be in on the day; checked against the run'),
});
export type Beat = z.infer<typeof Beat>;
