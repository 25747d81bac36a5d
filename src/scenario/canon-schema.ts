/**
 * The scenario settings for a storyline: a cast of named people whose lives are pinned where
 * the story says so, and dated beats. The world runs its ordinary rules around them; a pin or
 * beat the rules cannot honour stops the run with an error naming it.
 */
import { z } from 'zod';
import { dayFromYmd, isoDate as isoDay, parseIsoDate, ymdFromDay } from '../engine/calendar.js';

const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, {
  message: 'expected a date as YYYY-MM-DD (or a bare year)',
});
const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected an id of lower-case letters, digits and hyphens' });

export const PHASE_NAMES = ['student', 'resident', 'carer', 'donor', 'completed'] as const;

/** What a picture shows: the styles of students' art, in a stable order. */
export const ArtStyle = z.enum([
  'animals',
  'landscape',
  'portrait',
  'still-life',
  'pattern',
  'abstract',
  'seascape',
  'buildings',
]);

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
    style: ArtStyle.optional().describe("The style of a student's art"),
    medium: z
      .enum(['picture', 'poem', 'sculpture'])
      .optional()
      .describe('What they make: a style alone means pictures (Tommy draws his animals)'),
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
  window: z
    .number()
    .int()
    .min(0)
    .max(36_500)
    .optional()
    .describe(
      'Days either side of the beat in which the world holds back episodes of the same kind for its people (default by kind)',
    ),
});
export type Beat = z.infer<typeof Beat>;

/** Days either side of a beat in which generated episodes of its kind are held back, by kind. */
export const DEFAULT_WINDOWS: Partial<Record<(typeof BEAT_KINDS)[number], number>> = {
  // Another guardian's plain talk to the class: for the rest of their school days.
  'told-plainly': 1500,
  // Another trip to find a possible: the season of theirs at the Cottages.
  'possible-trip': 400,
  // Another lost thing turning up in Norfolk.
  found: 1500,
  // Another partner for either, before the couple forms (while it lasts is held until it ends).
  couple: 180,
};

/** A beat's hold-back window in days. */
export function windowOf(beat: Beat): number {
  return beat.window ?? DEFAULT_WINDOWS[beat.kind] ?? 0;
}

/** What the storyline checks need of a scenario. */
interface StorylineInput {
  cast: readonly CastMember[];
  beats: readonly Beat[];
  policy: { ages: { leaveSchool: number } };
}

/** A storyline no world could honour, as a message and the path of the beat at fault. */
export interface StorylineProblem {
  path: (string | number)[];
  message: string;
}

const PHASE_ORDER: Record<(typeof PHASE_NAMES)[number], number> = {
  student: 1,
  resident: 2,
  carer: 3,
  donor: 4,
  completed: 5,
};

/**
 * The storyline's impossibilities, found before any world runs: a beat that needs someone past
 * school before they are old enough to have left it (a carer before their sixteenth birthday),
 * a beat that needs a phase their own pins rule out on its day, and two beats on one day that
 * need one person in two places.
 * @example checkStoryline(scenario) // [] for examples/canon.yaml
 */
export function checkStoryline(s: StorylineInput): StorylineProblem[] {
  const out: StorylineProblem[] = [];
  const cast = new Map(s.cast.map((c) => [c.id, c]));
  const leave = s.policy.ages.leaveSchool;
  const birthday = (born: number, age: number): number => {
    const [y, m, d] = ymdFromDay(born);
    return dayFromYmd(y + Math.floor(age), m, Math.min(d, 28));
  };
  const iso = isoDay;
  const dayOf = (t: string | undefined): number | undefined =>
    t === undefined ? undefined : parseIsoDate(t);
  s.beats.forEach((b, i) => {
    const day = parseIsoDate(b.date);
    if (day === undefined) return;
    const needs: [string, (typeof PHASE_NAMES)[number]][] = Object.entries(b.requires ?? {});
    if (b.kind === 'cares-for') {
      if (b.people[0] !== undefined && !b.requires?.[b.people[0]]) needs.push([b.people[0], 'carer']);
      if (b.people[1] !== undefined && !b.requires?.[b.people[1]]) needs.push([b.people[1], 'donor']);
    }
    for (const [id, phase] of needs) {
      const c = cast.get(id);
      const born = dayOf(c?.born);
      if (!c || c.kind !== 'clone' || born === undefined) continue;
      const who = `${c.name} ('${id}')`;
      const at = `beat '${b.id}' (${b.date})`;
      if (phase !== 'student') {
        // A resident may be sent on a little early; a carer or donor has left school at the policy's age.
        const age = phase === 'resident' ? leave - 1 : leave;
        const from = birthday(born, age);
        if (day < from) {
          out.push({
            path: ['beats', i, 'date'],
            message: `${at} needs ${who} to be a ${phase}, before their ${ordinal(age)} birthday (${iso(from)}): no world could honour it`,
          });
          continue;
        }
      }
      const pins: [number | undefined, number, string][] = [
        [dayOf(c.trainingOn), PHASE_ORDER.carer, 'trainingOn'],
        [dayOf(c.donorOn), PHASE_ORDER.donor, 'donorOn'],
        [dayOf(c.completedOn), PHASE_ORDER.completed, 'completedOn'],
      ];
      const want = PHASE_ORDER[phase];
      for (const [pinned, reached, field] of pins) {
        if (pinned === undefined) continue;
        if (want >= reached && day < pinned) {
          out.push({
            path: ['beats', i, 'requires'],
            message: `${at} needs ${who} to be a ${phase}, but their ${field} is ${iso(pinned)}`,
          });
        } else if (want < reached && day >= pinned) {
          out.push({
            path: ['beats', i, 'requires'],
            message: `${at} needs ${who} to be a ${phase}, but by their ${field} (${iso(pinned)}) they are past it`,
          });
        }
      }
    }
  });
  // One person, one place a day.
  const byDay = new Map<string, number[]>();
  s.beats.forEach((b, i) => {
    if (b.place !== undefined) byDay.set(b.date, [...(byDay.get(b.date) ?? []), i]);
  });
  for (const list of byDay.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = s.beats[list[x]!]!;
        const b = s.beats[list[y]!]!;
        if (a.place === b.place) continue;
        const both = a.people.filter((p) => b.people.includes(p));
        if (both.length === 0) continue;
        out.push({
          path: ['beats', list[y]!, 'place'],
          message: `beats '${a.id}' (at '${a.place}') and '${b.id}' (at '${b.place}') both fall on ${a.date} and need ${both.map((p) => `'${p}'`).join(', ')} in two places at once`,
        });
      }
    }
  }
  return out;
}

function ordinal(n: number): string {
  const k = Math.floor(n);
  const suffix = k % 100 >= 11 && k % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][k % 10] ?? 'th');
  return `${k}${suffix}`;
}
