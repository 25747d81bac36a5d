/**
 * The cast of a storyline, indexed for the lifecycle rules: which cohort each named clone is
 * born into, and what their life must do where the story says so. The storyline's course
 * (course.ts) asks here at each decision of the lifecycle.
 */
import { parseIsoDate, yearOf } from '../../engine/calendar.js';
import { RuleViolation } from '../../errors.js';
import type { CastMember } from '../../scenario/canon-schema.js';
import type { Scenario } from '../../scenario/schema.js';
import { needsOf, NOTHING_NEEDED, type Needs } from './needs.js';

/** A cast member's pins, as day numbers. */
export interface Pins {
  member: CastMember;
  born: number | null;
  trainingOn: number | null;
  donorOn: number | null;
  donations: number[];
  completesAfter: number | null;
  completedOn: number | null;
  leftOn: number | null;
  /** What the storyline's beats need of their phases (needs.ts). */
  needs: Readonly<Needs>;
}

function day(text: string | undefined): number | null {
  return text === undefined ? null : (parseIsoDate(text) ?? null);
}

export class Cast {
  /** Clones by "school/year", in cast order. */
  private readonly cohorts = new Map<string, Pins[]>();
  /** Pins by person id, filled as cast clones are born. */
  readonly byPerson = new Map<number, Pins>();
  /** Person ids by cast id. */
  readonly personOf = new Map<string, number>();
  readonly guardians: Pins[] = [];
  readonly madame: Pins | null;
  /** Everyone the storyline names, in the scenario's order. */
  readonly members: readonly CastMember[];

  constructor(scenario: Scenario) {
    this.members = scenario.cast;
    let madame: Pins | null = null;
    const maxDonations = scenario.policy.donation.completionRisk.length;
    const needs = needsOf(scenario);
    for (const m of scenario.cast) {
      const pins: Pins = {
        member: m,
        born: day(m.born),
        trainingOn: day(m.trainingOn),
        donorOn: day(m.donorOn),
        donations: (m.donations ?? []).map((d) => day(d)!),
        completesAfter: m.completesAfter ?? null,
        completedOn: day(m.completedOn),
        leftOn: day(m.leftOn),
        needs: needs.get(m.id) ?? NOTHING_NEEDED,
      };
      if (m.kind === 'madame') madame = pins;
      else if (m.kind === 'guardian') this.guardians.push(pins);
      else {
        const key = `${m.school}/${yearOf(pins.born!)}`;
        this.cohorts.set(key, [...(this.cohorts.get(key) ?? []), pins]);
        this.check(pins, maxDonations, scenario);
      }
    }
    this.madame = madame;
  }

  /** True when the world has no storyline. */
  get empty(): boolean {
    return this.byPerson.size === 0 && this.cohorts.size === 0;
  }

  /** Named clones born into a school's cohort of a year. */
  cohort(school: string, year: number): Pins[] {
    return this.cohorts.get(`${school}/${year}`) ?? [];
  }

  /** The cast member a person is, if any. */
  of(person: number): Pins | undefined {
    return this.byPerson.size === 0 ? undefined : this.byPerson.get(person);
  }

  /**
   * Moves a cast member's pinned days after `after` later by `days`: a granted deferral (a
   * counterfactual the story never had) carries the rest of their pinned life with it.
   */
  shift(person: number, after: number, days: number): void {
    const p = this.byPerson.get(person);
    if (!p) return;
    const d = Math.round(days);
    p.donations = p.donations.map((x) => (x > after ? x + d : x));
    if (p.completedOn !== null && p.completedOn > after) p.completedOn += d;
    if (p.donorOn !== null && p.donorOn > after) p.donorOn += d;
  }

  /** Pins that contradict each other or the policy are refused before the run. */
  private check(p: Pins, maxDonations: number, scenario: Scenario): void {
    const who = `cast '${p.member.id}' (${p.member.name})`;
    const school = scenario.places.schools.find((s) => s.id === p.member.school);
    const y = yearOf(p.born!);
    if (school && (y < school.cohorts.first || y > school.cohorts.last)) {
      throw new RuleViolation(
        'a cast member is born into a cohort of their school',
        `${school.name} has no cohort born in ${y}`,
        who,
      );
    }
    const order: [string, number | null][] = [
      ['born', p.born],
      ['trainingOn', p.trainingOn],
      ['donorOn', p.donorOn],
      ...p.donations.map((d, i): [string, number] => [`donations[${i}]`, d]),
      ['completedOn', p.completedOn],
    ];
    let last: [string, number] | null = null;
    for (const [name, d] of order) {
      if (d === null) continue;
      if (last && d <= last[1])
        throw new RuleViolation('a life runs forwards', `${name} comes before ${last[0]}`, who);
      last = [name, d];
    }
    if (p.completesAfter !== null && p.completesAfter > maxDonations) {
      throw new RuleViolation(
        'nobody donates past the maximum',
        `completesAfter ${p.completesAfter}, but the policy allows ${maxDonations} donations`,
        who,
      );
    }
    if (p.completesAfter !== null && p.donations.length > p.completesAfter) {
      throw new RuleViolation(
        'no donation after a completion',
        `${p.donations.length} donation days pinned, but completes after ${p.completesAfter}`,
        who,
      );
    }
  }
}
