/**
 * Deferral applications. A couple who both believe the rumour, one of whom is leaving the
 * residence or has just been given notice, may go to Madame with their art as evidence. Under the canon policy
 * (`granted: never`) the deferral never existed and every application is refused; under
 * `granted: similarity` a couple whose works match closely enough (Tommy's theory, made
 * computable) have both their next donations postponed. A storyline's `deferral-visit` beat
 * makes its two people apply on the day.
 */
import { NONE } from '../../engine/recorder.js';
import type { Beat } from '../../scenario/canon-schema.js';
import { fromDistribution } from '../draw.js';
import { EVENT_CODES } from '../event-types.js';
import type { ModuleFactory, WorldContext, WorldModule } from '../module.js';
import { DAYS_PER_YEAR } from '../../engine/calendar.js';
import { lifecycleOf } from '../lifecycle/index.js';
import { PHASE_DONOR } from '../phases.js';
import { schoolLifeOf, type SchoolLife } from '../school/index.js';
import type { Work } from '../school/life.js';

/** Versions of the deferral rumour under which a couple would think of applying. */
const HOPEFUL = new Set(['exists', 'hailsham-only', 'proof-by-art']);

/** The features of a work that the similarity test compares, each 0..1. */
function features(w: Work): number[] {
  return [w.skill, w.originality, w.temperament, w.hue / 360];
}

/**
 * How alike two people's art is, 0..1: their three best works each, compared feature by
 * feature, with a matching style counting for half. Undefined when either made nothing.
 * @example similarity(tommysWorks, kathysWorks) // 0.62
 */
export function similarity(a: readonly Work[], b: readonly Work[]): number | undefined {
  const best = (ws: readonly Work[]) =>
    [...ws].sort((x, y) => y.skill + y.originality - (x.skill + x.originality) || x.id - y.id).slice(0, 3);
  const ba = best(a);
  const bb = best(b);
  if (ba.length === 0 || bb.length === 0) return undefined;
  let total = 0;
  let n = 0;
  for (const x of ba) {
    for (const y of bb) {
      const fx = features(x);
      const fy = features(y);
      let d = 0;
      for (let i = 0; i < fx.length; i++) {
        const diff = Math.abs(fx[i]! - fy[i]!);
        d += i === 3 ? Math.min(diff, 1 - diff) * 2 : diff;
      }
      const featureMatch = 1 - d / fx.length;
      total += 0.5 * featureMatch + 0.5 * (x.style === y.style ? 1 : 0);
      n++;
    }
  }
  return Math.round((total / n) * 1000) / 1000;
}

class Deferrals implements WorldModule {
  readonly name = 'deferrals';
  private readonly applied = new Set<string>();
  private readonly pending = new Map<number, { days: number; cause: number }>();
  private madameHouse = NONE;
  /** The world's school life, found once: every followed donor and leaver is considered. */
  private school: SchoolLife | undefined;
  private counts = { applied: 0, refused: 0, granted: 0 };

  constructor(private readonly ctx: WorldContext) {}

  init(): void {
    this.madameHouse = this.ctx.places.find((p) => p.kind === 'home-of-madame')?.id ?? NONE;
    this.school = schoolLifeOf(this.ctx);
  }

  onBecameDonor(person: number, day: number, eventId: number): void {
    const waiting = this.pending.get(person);
    if (waiting) {
      this.pending.delete(person);
      lifecycleOf(this.ctx)!.postponeDonations(person, waiting.days, waiting.cause);
    }
    this.consider(person, day, eventId);
  }

  /** Leaving the residence is when a couple at the Cottages would ask, before they are parted. */
  onLeftResidence(person: number, day: number, eventId: number): void {
    this.consider(person, day, eventId);
  }

  private consider(person: number, day: number, eventId: number): void {
    const life = this.school;
    const couple = life?.coupleOf(person);
    if (!life || !couple) return;
    const partner = couple.a === person ? couple.b : couple.a;
    const hopeful = (who: number) => HOPEFUL.has(life.belief(who, 'deferral')?.version ?? '');
    if (!hopeful(person) || !hopeful(partner)) return;
    const pol = this.ctx.scenario.policy.deferral;
    if (this.ctx.streams.draw('deferral-apply').at(this.ctx.people.key(person), 0) >= pol.applyChance) return;
    this.apply(person, partner, day, eventId);
  }

  onBeat(beat: Beat, people: number[], day: number, eventId: number): void {
    if (beat.kind !== 'deferral-visit' || people.length < 2) return;
    this.apply(people[0]!, people[1]!, day, eventId);
  }

  /** The couple apply; the policy decides. */
  private apply(a: number, b: number, day: number, cause: number): void {
    const pairKey = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (this.applied.has(pairKey)) return;
    this.applied.add(pairKey);
    const ctx = this.ctx;
    const pol = ctx.scenario.policy.deferral;
    const life = this.school;
    const worksA = life?.worksOf(a) ?? [];
    const worksB = life?.worksOf(b) ?? [];
    const sim = similarity(worksA, worksB) ?? 0;
    const evidence = [...worksA.slice(-3), ...worksB.slice(-3)].map((w) => w.id);
    const appliedId = ctx.record(
      day,
      EVENT_CODES.deferral_applied,
      a,
      b,
      this.madameHouse,
      sim,
      cause,
      JSON.stringify({ works: evidence, policy: pol.granted }),
    );
    this.counts.applied++;
    if (pol.granted === 'never') {
      ctx.record(
        day,
        EVENT_CODES.deferral_refused,
        a,
        b,
        this.madameHouse,
        NONE,
        appliedId,
        JSON.stringify({ reason: 'there are no deferrals, and there never were' }),
      );
      this.counts.refused++;
      return;
    }
    if (sim < pol.threshold) {
      ctx.record(
        day,
        EVENT_CODES.deferral_refused,
        a,
        b,
        this.madameHouse,
        NONE,
        appliedId,
        JSON.stringify({ reason: `their works match ${sim.toFixed(2)}, below ${pol.threshold}` }),
      );
      this.counts.refused++;
      return;
    }
    const years =
      Math.round(
        fromDistribution(
          pol.years,
          ctx.streams.draw('deferral-years').at(ctx.people.key(a), ctx.people.key(b)),
        ) * 10,
      ) / 10;
    const granted = ctx.record(
      day,
      EVENT_CODES.deferral_granted,
      a,
      b,
      this.madameHouse,
      years,
      appliedId,
      JSON.stringify({ similarity: sim }),
    );
    this.counts.granted++;
    const days = years * DAYS_PER_YEAR;
    for (const who of [a, b]) {
      if (ctx.people.phase(who) === PHASE_DONOR) lifecycleOf(ctx)!.postponeDonations(who, days, granted);
      else this.pending.set(who, { days, cause: granted });
    }
  }

  summary(): Record<string, unknown> {
    return { ...this.counts };
  }
}

/** The deferral rule, as a world module. */
export const deferrals: ModuleFactory = (ctx) => new Deferrals(ctx);
