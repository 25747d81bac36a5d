/**
 * What a policy changed for a storyline's cast, across seeds. For each named clone and each
 * world of a seed: whether they applied for a deferral, whether it was granted and for how many
 * years, how many donations they gave, and when (or whether) they completed. Across the seeds:
 * in how many worlds each was granted years, how many on average, and how their completion moved.
 * Worlds without a cast give no rows, and the report leaves the section out.
 */
import { DAYS_PER_YEAR, isoDate } from '../engine/calendar.js';
import { EVENT_CODES } from '../world/event-types.js';
import { KIND_CLONE, PHASE_COMPLETED } from '../world/phases.js';
import { storylineOf } from '../world/canon/index.js';
import type { ComparedWorld } from './pair.js';

/** One cast member's life in one world. */
export interface CastLife {
  id: string;
  name: string;
  /** Applied for a deferral at all. */
  applied: boolean;
  /** Years granted (0 when refused or never applied). */
  yearsGranted: number;
  donations: number;
  /** Day number of completion, or null when alive at the end. */
  completed: number | null;
}

/**
 * The cast's lives in a world run for comparison.
 * @example castLives(runForComparison(canon, 7)).find((c) => c.id === 'tommy')?.completed
 */
export function castLives(w: ComparedWorld): CastLife[] {
  const story = storylineOf(w.world);
  if (!story) return [];
  const p = w.world.people;
  const log = w.log;
  const out: CastLife[] = [];
  for (const m of w.world.scenario.cast) {
    const id = story.personOf(m.id);
    if (id === undefined || p.kind(id) !== KIND_CLONE) continue;
    let applied = false;
    let years = 0;
    for (let i = 0; i < log.count; i++) {
      const t = log.type[i]!;
      if (t !== EVENT_CODES.deferral_applied && t !== EVENT_CODES.deferral_granted) continue;
      if (log.person[i] !== id && log.other[i] !== id) continue;
      if (t === EVENT_CODES.deferral_applied) applied = true;
      else years += log.value[i]!;
    }
    out.push({
      id: m.id,
      name: m.name,
      applied,
      yearsGranted: Math.round(years * 10) / 10,
      donations: p.donations(id),
      completed: p.phase(id) === PHASE_COMPLETED ? p.phaseDay(id) : null,
    });
  }
  return out;
}

/** One cast member across the seeds, in both worlds. */
export interface CastComparison {
  id: string;
  name: string;
  /** Seeds on which the member lived in both worlds. */
  seeds: number;
  base: CastSide;
  whatif: CastSide;
  /** Seeds on which the completion day differs between the worlds. */
  completionMoved: number;
  /** Mean of (what-if − base) completion, in years, over seeds where both completed. */
  completionShiftYears: number | null;
}

/** A cast member's outcomes in one world, summed over the seeds. */
export interface CastSide {
  /** Worlds in which they applied for a deferral. */
  applied: number;
  /** Worlds in which they were granted years. */
  granted: number;
  /** Mean years granted, over the worlds that granted any. */
  meanYears: number | null;
  /** Worlds in which they completed within the calendar. */
  completed: number;
  /** Earliest, median and latest completion day (ISO), over those worlds. */
  completedOn: { first: string; median: string; last: string } | null;
  meanDonations: number;
}

function side(lives: readonly CastLife[]): CastSide {
  const granted = lives.filter((l) => l.yearsGranted > 0);
  const done = lives
    .map((l) => l.completed)
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  return {
    applied: lives.filter((l) => l.applied).length,
    granted: granted.length,
    meanYears:
      granted.length === 0
        ? null
        : Math.round((granted.reduce((s, l) => s + l.yearsGranted, 0) / granted.length) * 100) / 100,
    completed: done.length,
    completedOn:
      done.length === 0
        ? null
        : {
            first: isoDate(done[0]!),
            median: isoDate(done[Math.floor((done.length - 1) / 2)]!),
            last: isoDate(done[done.length - 1]!),
          },
    meanDonations:
      lives.length === 0
        ? 0
        : Math.round((lives.reduce((s, l) => s + l.donations, 0) / lives.length) * 100) / 100,
  };
}

/**
 * Sums each cast member's lives over the seeds: `base[i]` and `whatif[i]` are the cast's lives
 * in the two worlds of seed i.
 */
export function compareCast(base: readonly CastLife[][], whatif: readonly CastLife[][]): CastComparison[] {
  const order: { id: string; name: string }[] = [];
  const pairs = new Map<string, [CastLife, CastLife][]>();
  base.forEach((lives, i) => {
    for (const b of lives) {
      const w = whatif[i]?.find((x) => x.id === b.id);
      if (!w) continue;
      if (!pairs.has(b.id)) {
        pairs.set(b.id, []);
        order.push({ id: b.id, name: b.name });
      }
      pairs.get(b.id)!.push([b, w]);
    }
  });
  return order.map(({ id, name }) => {
    const list = pairs.get(id)!;
    const shifts = list
      .filter(([b, w]) => b.completed !== null && w.completed !== null)
      .map(([b, w]) => (w.completed! - b.completed!) / DAYS_PER_YEAR);
    return {
      id,
      name,
      seeds: list.length,
      base: side(list.map(([b]) => b)),
      whatif: side(list.map(([, w]) => w)),
      completionMoved: list.filter(([b, w]) => b.completed !== w.completed).length,
      completionShiftYears:
        shifts.length === 0
          ? null
          : Math.round((shifts.reduce((s, x) => s + x, 0) / shifts.length) * 100) / 100,
    };
  });
}

/** True when a cast member's outcomes differ at all between the worlds. */
export function castChanged(c: CastComparison): boolean {
  return (
    c.completionMoved > 0 ||
    c.base.granted !== c.whatif.granted ||
    c.base.applied !== c.whatif.applied ||
    c.base.meanDonations !== c.whatif.meanDonations
  );
}

/**
 * The cast section of a comparison report, as lines of text (or Markdown).
 * @example renderCast(report.cast, 'text').join('\n')
 */
export function renderCast(cast: readonly CastComparison[], markdown: boolean): string[] {
  if (cast.length === 0) return [];
  const out: string[] = [];
  out.push(markdown ? '## The cast' : 'The cast');
  out.push('');
  if (!cast.some(castChanged)) {
    out.push('The policy changed nothing for the named people of the storyline.');
    out.push('');
  }
  const bullet = markdown ? '- ' : '  ';
  // Everyone the policy touched, and everyone who asked it for anything (Tommy and Kathy at Madame's).
  const shown = (c: CastComparison) => castChanged(c) || c.base.applied > 0 || c.whatif.applied > 0;
  for (const c of cast) {
    if (!shown(c)) continue;
    const granted = (s: CastSide) =>
      s.granted === 0
        ? 'granted no years'
        : `granted years in ${s.granted} (${s.meanYears ?? 0} years on average)`;
    const done = (s: CastSide) =>
      s.completedOn === null
        ? 'completed in none'
        : `completed in ${s.completed} (median ${s.completedOn.median}, ${s.completedOn.first} to ${s.completedOn.last})`;
    out.push(`${markdown ? '**' : ''}${c.name}${markdown ? '**' : ''}, ${c.seeds} worlds:`);
    out.push(
      `${bullet}base: applied in ${c.base.applied}, ${granted(c.base)}; ${done(c.base)}; ${c.base.meanDonations} donations on average`,
    );
    out.push(
      `${bullet}what-if: applied in ${c.whatif.applied}, ${granted(c.whatif)}; ${done(c.whatif)}; ${c.whatif.meanDonations} donations on average`,
    );
    out.push(
      `${bullet}completion moved in ${c.completionMoved} of ${c.seeds}` +
        (c.completionShiftYears === null
          ? ''
          : `, by ${c.completionShiftYears} years on average where both completed`),
    );
  }
  const same = cast.filter((c) => !shown(c)).map((c) => c.name);
  if (same.length > 0) {
    out.push('');
    out.push(`Unchanged in every world: ${same.join(', ')}.`);
  }
  out.push('');
  return out;
}
