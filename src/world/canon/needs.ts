/**
 * What a storyline's beats need of each cast member's life, read once from the scenario: the
 * phase each beat needs them in on its day, said outright (`requires`) or implied (a beat at a
 * residence or a trip to find a possible needs its clones living at the residence; a beat at a
 * school, its clones still at school; `cares-for` a carer and a donor), and the recovery centre
 * a `cares-for` beat names for its donor. The storyline's course (course.ts) steers the cast's
 * draws by these: leave school in time, stay at the residence through its beats, train and be
 * given notice by the days the beats need, and recover at the centre the story names.
 */
import { parseIsoDate } from '../../engine/calendar.js';
import type { Scenario } from '../../scenario/schema.js';

/** The days by which, and until which, a cast member's phases are needed (null: no need). */
export interface Needs {
  /** The last day a beat needs them at school. */
  studentUntil: number | null;
  /** The first day a beat needs them past school (resident or later). */
  leftSchoolBy: number | null;
  /** The last day a beat needs them at the residence. */
  residentUntil: number | null;
  /** The first and last days a beat needs them caring. */
  carerBy: number | null;
  carerUntil: number | null;
  /** The first day a beat needs them donating. */
  donorBy: number | null;
  /** The recovery centre (a place id of the scenario) a beat names for them as a donor. */
  centre: string | null;
}

const NO_NEEDS: Needs = {
  studentUntil: null,
  leftSchoolBy: null,
  residentUntil: null,
  carerBy: null,
  carerUntil: null,
  donorBy: null,
  centre: null,
};

type Phase = 'student' | 'resident' | 'carer' | 'donor' | 'completed';

/**
 * Each clone of the cast's needs, by cast id.
 * @example needsOf(canon).get('chrissie')?.residentUntil // the day of the Norfolk trip
 */
export function needsOf(scenario: Scenario): Map<string, Needs> {
  const out = new Map<string, Needs>();
  const clones = new Set(scenario.cast.filter((c) => c.kind === 'clone').map((c) => c.id));
  const kindOf = new Map<string, string>();
  for (const s of scenario.places.schools) kindOf.set(s.id, 'school');
  for (const r of scenario.places.residences) kindOf.set(r.id, 'residence');
  for (const c of scenario.places.centres) kindOf.set(c.id, 'centre');
  const need = (id: string): Needs => {
    let n = out.get(id);
    if (!n) out.set(id, (n = { ...NO_NEEDS }));
    return n;
  };
  const min = (a: number | null, b: number): number => (a === null ? b : Math.min(a, b));
  const max = (a: number | null, b: number): number => (a === null ? b : Math.max(a, b));
  for (const b of scenario.beats) {
    const day = parseIsoDate(b.date)!;
    const phases = new Map<string, Phase>();
    const where = b.place === undefined ? undefined : kindOf.get(b.place);
    for (const p of b.people) {
      if (!clones.has(p)) continue;
      if (where === 'school') phases.set(p, 'student');
      if (where === 'residence' || b.kind === 'possible-trip') phases.set(p, 'resident');
    }
    if (b.kind === 'cares-for') {
      const [carer, donor] = b.people;
      if (carer !== undefined && clones.has(carer)) phases.set(carer, 'carer');
      if (donor !== undefined && clones.has(donor)) {
        phases.set(donor, 'donor');
        if (where === 'centre') need(donor).centre = b.place!;
      }
    }
    for (const [p, phase] of Object.entries(b.requires ?? {})) if (clones.has(p)) phases.set(p, phase);
    for (const [p, phase] of phases) {
      const n = need(p);
      if (phase === 'student') n.studentUntil = max(n.studentUntil, day);
      else n.leftSchoolBy = min(n.leftSchoolBy, day);
      if (phase === 'resident') n.residentUntil = max(n.residentUntil, day);
      if (phase === 'carer') {
        n.carerBy = min(n.carerBy, day);
        n.carerUntil = max(n.carerUntil, day);
      }
      if (phase === 'donor' || phase === 'completed') n.donorBy = min(n.donorBy, day);
    }
  }
  return out;
}

/** A cast member with no beat that needs anything of their phases. */
export const NOTHING_NEEDED: Readonly<Needs> = NO_NEEDS;
