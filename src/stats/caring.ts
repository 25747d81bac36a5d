/**
 * Registry-style figures of caring and donation: survival by donation number as a
 * Kaplan–Meier table with the numbers at risk, time from first donation to completion, carer
 * careers, donors per carer, kilometres per carer-year and recipients served.
 */
import { DAYS_PER_YEAR, yearOf } from '../engine/calendar.js';
import { countEvents } from '../store/queries.js';
import type { WorldDb } from '../store/reader.js';
import { EVENT_CODES } from '../world/event-types.js';

export interface SurvivalRow {
  /** Donation number (or year since the first donation). */
  at: number;
  atRisk: number;
  completed: number;
  censored: number;
  /** Share still alive after this step. */
  survival: number;
}

export interface CaringStats {
  survivalByDonation: SurvivalRow[];
  survivalByYear: SurvivalRow[];
  firstDonationToCompletion: { count: number; medianYears: number; meanYears: number };
  carers: {
    count: number;
    donorsPerCarer: { mean: number; median: number; max: number; byCount: Record<string, number> };
    meanConcurrentDonors: number;
    kmPerCarerYear: number;
    kmTotal: number;
    chosenShare: number;
  };
  recipientsServed: { total: number; byDecade: Record<string, number> };
  deferrals: { applied: number; refused: number; granted: number };
  transfers: number;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Kaplan–Meier estimate over discrete steps: at each step, `atRisk` are those who reached it,
 * `completed` those who completed there, `censored` those last seen there alive.
 */
export function kaplanMeier(rows: { at: number; completed: number; censored: number }[]): SurvivalRow[] {
  const sorted = [...rows].sort((a, b) => a.at - b.at);
  let atRisk = sorted.reduce((t, r) => t + r.completed + r.censored, 0);
  let s = 1;
  return sorted.map((r) => {
    const row = { at: r.at, atRisk, completed: r.completed, censored: r.censored, survival: 0 };
    if (atRisk > 0) s *= 1 - r.completed / atRisk;
    row.survival = round(s, 4);
    atRisk -= r.completed + r.censored;
    return row;
  });
}

/**
 * Computes the caring and donation figures of a world.
 * @example caringStats(openWorld('world.db')).survivalByDonation
 */
export function caringStats(w: WorldDb): CaringStats {
  const byDonation = new Map<number, { completed: number; censored: number }>();
  for (const r of w.all<{ n: number; done: number; c: number }>(
    "SELECT donations AS n, completed_on IS NOT NULL AS done, count(*) AS c FROM people WHERE kind = 'clone' AND donations > 0 GROUP BY 1, 2",
  )) {
    const e = byDonation.get(r.n) ?? { completed: 0, censored: 0 };
    if (r.done) e.completed += r.c;
    else e.censored += r.c;
    byDonation.set(r.n, e);
  }
  const survivalByDonation = kaplanMeier([...byDonation].map(([at, v]) => ({ at, ...v })));

  const end = w.meta.endDay;
  const byYear = new Map<number, { completed: number; censored: number }>();
  const durations: number[] = [];
  for (const r of w.all<{ first: number; done: number | null }>(
    "SELECT first_donation_on AS first, completed_on AS done FROM people WHERE kind = 'clone' AND first_donation_on IS NOT NULL",
  )) {
    const years = ((r.done ?? end) - r.first) / DAYS_PER_YEAR;
    const at = Math.floor(years);
    const e = byYear.get(at) ?? { completed: 0, censored: 0 };
    if (r.done !== null) {
      e.completed++;
      durations.push(years);
    } else e.censored++;
    byYear.set(at, e);
  }
  durations.sort((a, b) => a - b);
  const survivalByYear = kaplanMeier([...byYear].map(([at, v]) => ({ at, ...v })));

  const carers = w.all<{ donors: number; km: number; days: number; donor_days: number }>(
    `SELECT c.donors_cared AS donors, c.km AS km, c.donor_days AS donor_days,
            coalesce(p.donor_on, ?) - p.carer_on AS days
     FROM carers c JOIN people p ON p.id = c.person WHERE p.carer_on IS NOT NULL`,
    end,
  );
  const counts = carers.map((c) => c.donors).sort((a, b) => a - b);
  const byCount: Record<string, number> = {};
  for (const n of counts) byCount[String(n)] = (byCount[String(n)] ?? 0) + 1;
  const careerDays = carers.reduce((t, c) => t + Math.max(0, c.days), 0);
  const kmTotal = carers.reduce((t, c) => t + c.km, 0);
  const donorDays = carers.reduce((t, c) => t + c.donor_days, 0);
  const assigned = w.get<{ all: number; chosen: number }>(
    `SELECT count(*) AS "all", sum(CASE WHEN value = 1 THEN 1 ELSE 0 END) AS chosen FROM events WHERE type = ?`,
    EVENT_CODES.carer_assigned,
  ) ?? { all: 0, chosen: 0 };

  const byDecade: Record<string, number> = {};
  let served = 0;
  for (const r of w.all<{ day: number; n: number }>(
    'SELECT day, count(*) AS n FROM events WHERE type = ? GROUP BY day',
    EVENT_CODES.donated,
  )) {
    const decade = `${Math.floor(yearOf(r.day) / 10) * 10}s`;
    byDecade[decade] = (byDecade[decade] ?? 0) + r.n;
    served += r.n;
  }
  const count = (type: number) => countEvents(w, type);

  return {
    survivalByDonation,
    survivalByYear,
    firstDonationToCompletion: {
      count: durations.length,
      medianYears: round(durations[durations.length >> 1] ?? 0),
      meanYears: round(durations.reduce((a, b) => a + b, 0) / Math.max(1, durations.length)),
    },
    carers: {
      count: carers.length,
      donorsPerCarer: {
        mean: round(counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)),
        median: counts[counts.length >> 1] ?? 0,
        max: counts[counts.length - 1] ?? 0,
        byCount,
      },
      meanConcurrentDonors: round(donorDays / Math.max(1, careerDays), 2),
      kmPerCarerYear: Math.round(kmTotal / Math.max(1e-9, careerDays / DAYS_PER_YEAR)),
      kmTotal: Math.round(kmTotal),
      chosenShare: round(assigned.all > 0 ? (assigned.chosen ?? 0) / assigned.all : 0, 3),
    },
    recipientsServed: { total: served, byDecade },
    deferrals: {
      applied: count(EVENT_CODES.deferral_applied),
      refused: count(EVENT_CODES.deferral_refused),
      granted: count(EVENT_CODES.deferral_granted),
    },
    transfers: count(EVENT_CODES.transferred),
  };
}
