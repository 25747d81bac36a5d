/**
 * The figures of a finished run: people by phase, completions by donation, carers' careers,
 * and each module's own figures. Printed at the end of `hailsham run` and stored with the world.
 */
import { isoDate } from '../engine/calendar.js';
import { lifecycleOf } from './lifecycle/index.js';
import type { WorldContext } from './module.js';
import { KIND_CLONE, PHASES } from './phases.js';

export interface WorldSummary {
  people: number;
  clones: number;
  events: number;
  wakeUps: number;
  byPhase: Record<string, number>;
  completionsByDonation: Record<string, number>;
  /** Completed carer careers: count, and years at quantiles. */
  carerCareers: {
    count: number;
    minYears: number;
    medianYears: number;
    maxYears: number;
    byYear: Record<string, number>;
  };
  logSha256: string;
  start: string;
  end: string;
  /** Figures added by modules, by module name. */
  modules: Record<string, Record<string, unknown>>;
}

/** The summary of a world whose log closed with hash `logSha256`. */
export function summarise(world: WorldContext, logSha256: string): WorldSummary {
  const p = world.people;
  const byPhase: Record<string, number> = { student: 0, resident: 0, carer: 0, donor: 0, completed: 0 };
  let clones = 0;
  for (let i = 0; i < p.count; i++) {
    if (p.kind(i) !== KIND_CLONE) continue;
    clones++;
    const name = PHASES[p.phase(i)]!;
    byPhase[name] = (byPhase[name] ?? 0) + 1;
  }
  const life = lifecycleOf(world)!;
  const completionsByDonation: Record<string, number> = {};
  for (let n = 1; n <= life.maxDonations; n++) completionsByDonation[String(n)] = life.completionsAt[n]!;
  const careers = life.careerYears;
  const byYear: Record<string, number> = {};
  let count = 0;
  for (let y = 0; y < careers.length; y++) {
    const c = careers[y]!;
    if (c > 0) byYear[String(y)] = c;
    count += c;
  }
  const quantile = (q: number): number => {
    let seen = 0;
    for (let y = 0; y < careers.length; y++) {
      seen += careers[y]!;
      if (seen >= q * count && count > 0) return y;
    }
    return 0;
  };
  const years = Object.keys(byYear).map(Number);
  return {
    people: p.count,
    clones,
    events: world.rec.total,
    wakeUps: world.sim.processed,
    byPhase,
    completionsByDonation,
    carerCareers: {
      count,
      minYears: years.length ? Math.min(...years) : 0,
      medianYears: quantile(0.5),
      maxYears: years.length ? Math.max(...years) : 0,
      byYear,
    },
    logSha256,
    start: isoDate(world.start),
    end: isoDate(world.end),
    modules: Object.fromEntries(world.modules.flatMap((m) => (m.summary ? [[m.name, m.summary()]] : []))),
  };
}
