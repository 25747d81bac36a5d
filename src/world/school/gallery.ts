/**
 * The Gallery. On each visit Madame looks over what has been made since she last came and
 * takes the best away: she weighs invention above finish, looking for something of the maker
 * in the work. Being chosen raises a student's standing; those of nine and over who have never
 * been chosen feel it. Sometimes a group of students crowds round her to see whether she is
 * afraid of them (she is), and once in a long while she comes upon a student alone with a
 * treasured song and is moved.
 */
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { learn } from '../beliefs/rumours.js';
import { EVENT_CODES } from '../event-types.js';
import { SCHOOL_ROLES } from './events.js';
import type { Life, Member, Work } from './life.js';
import { unit } from './life.js';

/** How a work looks to Madame: invention first, then finish, then feeling. */
export function madameScore(w: Pick<Work, 'skill' | 'originality' | 'temperament'>): number {
  return 0.55 * w.originality + 0.35 * w.skill + 0.1 * w.temperament;
}

/**
 * Madame's visit to a school on `day`: takes the best share of the works made there since
 * `since` that are still with their makers. Returns the visit's event id, or NONE.
 */
export function madameVisits(life: Life, place: number, day: number, since: number, s: Sequence): number {
  if (life.madame === NONE) return NONE;
  const g = life.school.gallery;
  const candidates: { w: Work; score: number }[] = [];
  for (let i = life.works.length - 1; i >= 0; i--) {
    const w = life.works[i]!;
    if (w.made < since) break;
    if (w.place !== place || w.fate !== 'kept' || w.owner !== w.maker) continue;
    candidates.push({ w, score: madameScore(w) + 0.2 * s.tri() });
  }
  const students = life.aged(place, day, life.school.art.fromAge);
  if (candidates.length === 0 || students.length === 0) return NONE;
  candidates.sort((a, b) => b.score - a.score || a.w.id - b.w.id);
  const n = Math.min(candidates.length, Math.max(1, Math.round(candidates.length * g.selection)));
  const chosen = candidates.slice(0, n).map((c) => c.w);
  const visit = life.emit(day, EVENT_CODES.gallery_visit, life.madame, NONE, place, n, NONE, {
    works: chosen.map((w) => w.id),
  });
  life.counts.galleryVisits++;
  for (const w of chosen) {
    const maker = life.members.get(w.maker);
    const ev = life.emit(day, EVENT_CODES.work_chosen, w.maker, life.madame, place, w.id, visit, null);
    w.fate = 'gallery';
    w.owner = NONE;
    w.fateOn = day;
    w.fateEvent = ev;
    life.counts.chosen++;
    if (maker) {
      maker.chosen++;
      maker.standing = unit(maker.standing + g.standingGain);
      maker.strain = unit(maker.strain - 0.15);
      const i = maker.recent.indexOf(w.id);
      if (i >= 0) maker.recent.splice(i, 1);
    }
  }
  for (const m of students) {
    if (m.chosen === 0 && life.age(m, day) >= 9) m.strain = unit(m.strain + 0.06);
  }
  testMadame(life, place, day, visit, students, s);
  moved(life, place, day, students, s);
  return visit;
}

/** A clique of younger students crowds round Madame to see if she is afraid of them. */
function testMadame(
  life: Life,
  place: number,
  day: number,
  visit: number,
  students: readonly Member[],
  s: Sequence,
): void {
  if (!s.chance(0.2)) return;
  const leaders = students.filter((m) => {
    const a = life.age(m, day);
    if (a < 8 || a >= 12 || m.clique === NONE) return false;
    const c = life.cliques[m.clique - 1]!;
    return c.leader === m.id && c.ended === NONE;
  });
  if (leaders.length === 0) return;
  const leader = s.pick(leaders);
  const c = life.cliques[leader.clique - 1]!;
  const crowd = c.members.filter((id) => life.members.get(id)?.home === place);
  const event = life.emit(
    day,
    EVENT_CODES.madame_tested,
    leader.id,
    life.madame,
    place,
    crowd.length,
    visit,
    null,
  );
  life.involve(
    event,
    crowd.filter((id) => id !== leader.id),
    SCHOOL_ROLES.crowd,
  );
  for (const id of crowd) {
    const m = life.members.get(id)!;
    learn(life, m, 'madame-fears-us', 'afraid', day, event, 'experience', 0.75 + 0.2 * s.next());
  }
}

/** Madame comes upon a student alone with a song from their collection, and is moved. */
function moved(life: Life, place: number, day: number, students: readonly Member[], s: Sequence): void {
  if (life.storyline.madameMovedHeld()) return;
  const g = life.school.gallery;
  for (const m of students) {
    const a = life.age(m, day);
    if (a < 10 || a >= 15) continue;
    if (m.items.length === 0 || !s.chance(g.movedChance)) continue;
    const song = m.items.find((id) => life.items[id - 1]!.kind === 'cassette');
    if (song === undefined) continue;
    life.emit(day, EVENT_CODES.madame_moved, m.id, life.madame, place, song, NONE, null);
    return;
  }
}
