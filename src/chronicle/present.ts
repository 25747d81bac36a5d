/**
 * The narrator's present: the caring years a memoir is told from. Every narrator has one, even
 * one who was given no donors: a schoolfriend heard of as a carer, a donor, completed; a
 * guardian gone from the school; a donor of their own. Before the past is told, this module
 * plans the caring part: which present moments it tells and, for each, the memory it calls up,
 * an episode of school or the Cottages that shares a person with the moment. That episode is
 * then told there, after the moment, and not in its own part; so each thing is told once, and
 * the present calls up the past as the novel moves.
 */
import type { EventTypeName } from '../world/event-types.js';
import type { Ctx } from './context.js';
import { salience, type SalienceScale } from './curate.js';
import { dataOf } from './source.js';
import { episode, type Episode } from './episode.js';
import { numberWord, seasonOf, thingPhrase } from './words.js';
import type { Associations, Hook, PastPart } from './recall.js';

/** Kinds that open or frame a part of the past, never called up out of their place. */
const FIXED = new Set(['origin', 'arrival', 'training', 'exchange', 'sales', 'cassette', 'lost', 'found']);

/** Most news of one kind in the caring part: three friends gone to train read as a list. */
const NEWS_CAP: Partial<Record<EventTypeName, number>> = {
  left_for_training: 2,
  became_donor: 2,
  completed: 3,
  guardian_left: 1,
};

/** Kinds of the caring years that are moments with someone, able to call up a memory of them. */
const MOMENTS = new Set(['care-first', 'care-donor', 'fate']);

export interface PresentPlan {
  /** The memory each present moment calls up. */
  readonly memories: ReadonlyMap<Episode, Episode>;
  /** The hook a moment returns to after its memory. */
  readonly returns: ReadonlyMap<Episode, Hook>;
  /** News heard in the caring years, as episodes of the caring part. */
  readonly news: readonly Episode[];
  /** The parts of the past, less the memories now told in the present. */
  readonly school: Episode[];
  readonly residence: Episode[];
}

export interface PlanOptions {
  /** Most moments that call up a memory. */
  readonly max: number;
  /** Fewest episodes left to the school part (its origin and introductions aside). */
  readonly keepSchool: number;
  /** Most moments of news, less one for each moment the caring years hold of their own (default 4). */
  readonly news?: number;
  /** Most moments of news whose memory is a single line, for want of an episode (default 3). */
  readonly lines?: number;
  /** Episodes of the past that curation left out, which a moment may still call up. */
  readonly spare?: readonly Episode[];
}

/**
 * Plans the present: see the module comment.
 * @example const plan = planPresent(c, assoc, careEps, schoolEps, resEps, scale, { max: 5, keepSchool: 6 });
 */
export function planPresent(
  c: Ctx,
  assoc: Associations,
  care: readonly Episode[],
  school: readonly Episode[],
  residence: readonly Episode[],
  scale: SalienceScale,
  opts: PlanOptions,
): PresentPlan {
  const pools: Record<PastPart, Episode[]> = { school: [...school], residence: [...residence] };
  // Memories curation left out may still be called up by a moment of the present.
  let spare = (opts.spare ?? []).filter((e) => !school.includes(e) && !residence.includes(e));
  const memories = new Map<Episode, Episode>();
  const returns = new Map<Episode, Hook>();
  const news: Episode[] = [];
  // A memory of someone is one that names them: its people, or (for a guardian, whom episodes
  // do not list) the first event it rests on.
  const touches = (ep: Episode, x: number) => {
    if (ep.people.includes(x)) return true;
    if (c.src.person(x)?.kind === 'clone') return false;
    const e = c.src.event(ep.events[0]!);
    return e !== undefined && (e.person === x || e.other === x);
  };
  // An episode with someone kept for another part of the past stays there.
  const kept = (ep: Episode, x: number) =>
    ep.people.some((p) => p !== x && assoc.reservedFor(p) !== undefined);
  // A storyline beat may be called up by a donor of the narrator's own, never by news; and a
  // beat that shares its day with another keeps its place, for together they tell one scene.
  const allBeats = [...school, ...residence].filter((e) => e.kind === 'beat');
  const alone = (e: Episode) => allBeats.filter((b) => b.day === e.day).length === 1;
  // A narrator's own tempers name nobody else first: no memory of someone else.
  const movable = (part: PastPart, beats = false) =>
    pools[part].filter(
      (e) => !FIXED.has(e.kind) && e.kind !== 'temper' && (e.kind !== 'beat' || (beats && alone(e))),
    );
  /**
   * The best memory of `x` still in the past: from the part `x` is kept for, if any; otherwise
   * school first (the last part of a life calls up its beginning).
   */
  const memoryOf = (x: number, beats: boolean): [Episode, PastPart] | undefined => {
    const only = assoc.reservedFor(x);
    const parts: PastPart[] = only ? [only] : ['school', 'residence'];
    for (const part of parts) {
      if (part === 'school' && movable('school', true).length <= opts.keepSchool) continue;
      const best = movable(part, beats)
        .filter((ep) => touches(ep, x) && !kept(ep, x))
        .sort((a, b) => salience(b, scale) - salience(a, scale) || a.day - b.day)[0];
      if (best) return [best, part];
    }
    if (only) return undefined;
    const left = spare
      .filter((ep) => !FIXED.has(ep.kind) && ep.kind !== 'beat' && touches(ep, x) && !kept(ep, x))
      .sort((a, b) => salience(b, scale) - salience(a, scale))[0];
    return left ? [left, left.phase === 'residence' ? 'residence' : 'school'] : undefined;
  };

  const take = (moment: Episode, x: number, hook?: Hook, beats = false): boolean => {
    const m = memoryOf(x, beats);
    if (!m) return false;
    const [mem, part] = m;
    pools[part] = pools[part].filter((e) => e !== mem);
    spare = spare.filter((e) => e !== mem);
    memories.set(moment, mem);
    if (hook) returns.set(moment, hook);
    return true;
  };
  const life = c.life;

  // A donor of the narrator's own, or the fate of someone close: the caring years' own moments.
  for (const ep of care) {
    if (memories.size >= opts.max) break;
    // A storyline beat is a moment of the present only where it makes the narrator someone's carer.
    const first = c.src.event(ep.events[0]!);
    const beatKind = ep.kind === 'beat' && first ? dataOf<{ kind?: string }>(first)?.kind : undefined;
    if (!MOMENTS.has(ep.kind) && beatKind !== 'cares-for') continue;
    const x = ep.people[0];
    if (x === undefined) continue;
    const e = c.src.event(ep.events[0]!);
    const type = e ? (c.src.typeName(e.type) as EventTypeName) : undefined;
    // News told here is not news a paragraph of the past may open on as well.
    if (take(ep, x, e && type && e.person === x ? { event: e, x, type } : undefined, true))
      for (const id of ep.events) assoc.claim(id);
  }

  // News of others the narrator shared something with, closest first, then guardians gone.
  const inCare = new Set(care.flatMap((e) => e.people));
  const known = new Set<number>();
  for (const ep of [...pools.school, ...pools.residence, ...spare])
    for (const id of ep.events) {
      const e = c.src.event(id);
      for (const p of [...ep.people, e?.person, e?.other])
        if (p !== null && p !== undefined && p !== life.id) known.add(p);
    }
  // Schoolfriends of the narrator's own year or either side of it are news too, even with no
  // episode of theirs to call up: the memory is then a line of what the narrator knew of them.
  const me = life.person;
  if (me.school !== null && me.cohort !== null)
    for (const r of c.src.world.all<{ id: number }>(
      'SELECT id FROM people WHERE school = ? AND cohort BETWEEN ? AND ? AND id <> ? ORDER BY id',
      me.school,
      me.cohort - 1,
      me.cohort + 1,
      me.id,
    ))
      known.add(r.id);
  const people = [...known]
    .filter((x) => !inCare.has(x) && assoc.reservedFor(x) === undefined)
    .sort(
      (a, b) =>
        c.bond(b) - c.bond(a) ||
        Math.abs((c.src.person(a)?.cohort ?? 0) - (me.cohort ?? 0)) -
          Math.abs((c.src.person(b)?.cohort ?? 0) - (me.cohort ?? 0)) ||
        a - b,
    );
  // News fills a present the narrator's own donors and the storyline leave empty: the more the
  // caring years hold of their own, the less news of others is told.
  const own = care.filter((e) => e.kind === 'beat' || memories.has(e)).length;
  const room = Math.max(0, (opts.news ?? 4) - own);
  let told = 0;
  let lines = 0;
  const perType = new Map<EventTypeName, number>();
  const full = () => new Set([...perType].filter(([t, n]) => n >= (NEWS_CAP[t] ?? 2)).map(([t]) => t));
  for (const x of people) {
    if (memories.size + lines >= opts.max || told >= room) break;
    const h = assoc.newsOf(x, full());
    if (!h) continue;
    const where = (part: PastPart) =>
      part === 'residence' && life.residence ? (c.placeName(life.residence.id) ?? '') : c.schoolName;
    let part: PastPart = 'school';
    let called = true;
    const moment = episode(c, {
      kind: 'news',
      day: h.event.day,
      phase: 'caring',
      weight: 0,
      people: [x],
      events: [h.event.id],
      tell: (c) => {
        if (!assoc.tell(h, where(part))) return;
        if (called) return;
        c.forget();
        assoc.recall(x, c.centreName(h.event.place), true);
        assoc.back(h);
      },
    });
    if (take(moment, x, h)) part = memories.get(moment)!.phase === 'residence' ? 'residence' : 'school';
    else if (lines < (opts.lines ?? 3) && c.src.person(x)?.school === me.school) {
      called = false;
      lines++;
    } else continue;
    assoc.claim(h.event.id);
    perType.set(h.type, (perType.get(h.type) ?? 0) + 1);
    told++;
    news.push(moment);
  }
  return { memories, returns, news, school: pools.school, residence: pools.residence };
}

/**
 * A thing from the collection the narrator still keeps at the memoir's present (`anchor`, the
 * events of the notice): looked at again now, it calls up the Sale where it was bought. Only a
 * thing bought at a Sale no paragraph has told; it is then named no more.
 */
export function tellKept(c: Ctx, anchor: readonly number[], centre: string | undefined): void {
  const life = c.life;
  if (life.dates.carerOn === null || anchor.length === 0) return;
  const lost = new Set(
    c.src
      .holdingsOf(life.id)
      .filter((h) => h.how_out === 'lost')
      .map((h) => h.label),
  );
  const h = c.src
    .holdingsOf(life.id)
    .find(
      (h) =>
        h.how_in === 'bought' &&
        !lost.has(h.label) &&
        !c.labels.has(h.label) &&
        !c.w.hasCited(h.event_in) &&
        h.from_day < life.dates.carerOn! &&
        (h.until_day === null || h.until_day > life.dates.present),
    );
  const sale = h ? c.src.event(h.event_in) : undefined;
  if (!h || !sale) return;
  const slots = {
    s: c.s,
    thing: thingPhrase(h.label, h.kind),
    school: c.schoolName,
    centre,
    season: seasonOf(sale.day),
    age: numberWord(c.clock.age(sale.day)),
  };
  if (!c.w.say('kept.packed', slots, [...anchor, sale.id])) return;
  c.labels.add(h.label);
  c.forget();
  c.w.say('kept.bought', slots, [sale.id]);
}
