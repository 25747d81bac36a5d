/**
 * Statistics of a world, computed from its database: the figures `hailsham stats` prints and
 * the explorer charts. Each is a declared metric returning plain rows, so tables, JSON, CSV
 * and charts all read the same numbers.
 */
import { DAYS_PER_YEAR, isoDate } from '../engine/calendar.js';
import { countEventsByValue } from '../store/queries.js';
import type { WorldDb } from '../store/reader.js';
import { EVENT_CODES } from '../world/event-types.js';

export interface WorldStats {
  world: {
    scenario: string;
    seed: number;
    start: string;
    end: string;
    events: number;
    people: number;
    logSha256: string;
    version: string;
  };
  /** Clones by phase at the end of the run. */
  byPhase: Record<string, number>;
  /** Completions keyed by the donation number at which they came. */
  completionsByDonation: Record<string, number>;
  donations: { total: number; byNumber: Record<string, number> };
  /** Finished carer careers (those who went on to donate), by whole years. */
  carerCareers: {
    count: number;
    medianYears: number;
    meanYears: number;
    minYears: number;
    maxYears: number;
    byYears: Record<string, number>;
  };
  /** Age when becoming a donor, by whole years. */
  donorAge: { count: number; medianYears: number; byYears: Record<string, number> };
  schools: {
    id: number;
    name: string;
    kind: string;
    detail: string | null;
    clones: number;
    firstCohort: number | null;
    lastCohort: number | null;
  }[];
}

function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * Computes a world's statistics.
 * @example computeStats(openWorld('world.db')).completionsByDonation['4']
 */
export function computeStats(w: WorldDb): WorldStats {
  const byPhase: Record<string, number> = { student: 0, resident: 0, carer: 0, donor: 0, completed: 0 };
  for (const r of w.all<{ phase: string; n: number }>(
    "SELECT phase, count(*) AS n FROM people WHERE kind = 'clone' GROUP BY phase",
  )) {
    byPhase[r.phase] = r.n;
  }
  const completionsByDonation: Record<string, number> = {};
  for (const r of countEventsByValue(w, EVENT_CODES.completed)) {
    completionsByDonation[String(r.value)] = r.n;
  }
  const donationsBy: Record<string, number> = {};
  let donationTotal = 0;
  for (const r of countEventsByValue(w, EVENT_CODES.donated)) {
    donationsBy[String(r.value)] = r.n;
    donationTotal += r.n;
  }
  const careers = w
    .all<{ d: number }>(
      'SELECT donor_on - carer_on AS d FROM people WHERE carer_on IS NOT NULL AND donor_on IS NOT NULL',
    )
    .map((r) => r.d / DAYS_PER_YEAR)
    .sort((a, b) => a - b);
  const byYears: Record<string, number> = {};
  for (const y of careers) byYears[String(Math.floor(y))] = (byYears[String(Math.floor(y))] ?? 0) + 1;
  const ages = w
    .all<{ a: number }>('SELECT donor_on - born AS a FROM people WHERE donor_on IS NOT NULL')
    .map((r) => r.a / DAYS_PER_YEAR)
    .sort((a, b) => a - b);
  const ageBy: Record<string, number> = {};
  for (const a of ages) ageBy[String(Math.floor(a))] = (ageBy[String(Math.floor(a))] ?? 0) + 1;
  const schools = w.all<{
    id: number;
    name: string;
    kind: string;
    detail: string | null;
    clones: number;
    first: number | null;
    last: number | null;
  }>(
    `SELECT pl.id, pl.name, pl.kind, pl.detail, count(pe.id) AS clones, min(pe.cohort) AS first, max(pe.cohort) AS last
     FROM places pl LEFT JOIN people pe ON pe.school = pl.id AND pe.kind = 'clone'
     WHERE pl.kind IN ('school', 'home') GROUP BY pl.id ORDER BY pl.id`,
  );
  return {
    world: {
      scenario: w.meta.scenarioName,
      seed: w.meta.seed,
      start: isoDate(w.meta.startDay),
      end: isoDate(w.meta.endDay),
      events: w.meta.events,
      people: w.meta.people,
      logSha256: w.meta.logSha256,
      version: w.meta.softwareVersion,
    },
    byPhase,
    completionsByDonation,
    donations: { total: donationTotal, byNumber: donationsBy },
    carerCareers: {
      count: careers.length,
      medianYears: round1(median(careers)),
      meanYears: round1(careers.reduce((a, b) => a + b, 0) / Math.max(1, careers.length)),
      minYears: round1(careers[0] ?? 0),
      maxYears: round1(careers[careers.length - 1] ?? 0),
      byYears,
    },
    donorAge: { count: ages.length, medianYears: round1(median(ages)), byYears: ageBy },
    schools: schools.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      detail: s.detail,
      clones: s.clones,
      firstCohort: s.first,
      lastCohort: s.last,
    })),
  };
}
