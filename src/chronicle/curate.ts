/**
 * Curation: which episodes of a life are worth telling. A memoir cannot tell everything in the
 * log, and a life that is told by weight alone reads like a ledger of the commonest things
 * (rounds, rumours, Exchanges). Here each episode gets a salience: a storyline beat comes
 * first; then the weight its teller gives its kind, the closeness to the narrator of the
 * people in it, and the rarity across the whole world of the kinds of event it rests on (how
 * often that kind happens among all the events of the world, counted once per world). A rare
 * thing is told; a common one is left out, or left to a summary. An episode whose events are
 * all told by a more salient one is dropped, so each thing is told once in full.
 */
import type { ChooseOptions } from './arrange.js';
import type { Episode } from './episode.js';
import type { Source } from './source.js';

/** How often each event type (by code) occurs in a world, and the total. */
export interface TypeCounts {
  readonly byType: ReadonlyMap<number, number>;
  readonly total: number;
}

const COUNTS = new WeakMap<object, TypeCounts>();

/**
 * Counts of every event type in the world: one grouped COUNT over the events table, cached per
 * world so that ten memoirs of one world ask once.
 */
export function typeCounts(src: Source): TypeCounts {
  const cached = COUNTS.get(src.world);
  if (cached) return cached;
  const rows = src.world.all<{ type: number; n: number }>(
    'SELECT type, COUNT(*) AS n FROM events GROUP BY type',
  );
  const byType = new Map(rows.map((r) => [r.type, r.n]));
  const counts = { byType, total: rows.reduce((s, r) => s + r.n, 0) };
  COUNTS.set(src.world, counts);
  return counts;
}

/**
 * The rarity of an event type: bits of surprise, log2(total / count). A type that happens once
 * in a world of sixteen thousand events scores about 14; carers' rounds, a third of all events,
 * under 2. A type the world never logged counts as happening once.
 */
export function rarity(counts: TypeCounts, type: number): number {
  const n = Math.max(1, counts.byType.get(type) ?? 1);
  return Math.log2(Math.max(1, counts.total) / n);
}

/** What salience needs of the world: the rarity of each event and the narrator's bonds. */
export interface SalienceScale {
  /** Rarity of one event's type (see `rarity`), 0 when unknown. */
  rarityOf(event: number): number;
  /** Bond of another person with the narrator (0 for strangers). */
  bond(person: number): number;
}

/** Salience given to a storyline beat: above any ordinary episode, so beats are told first. */
export const BEAT_SALIENCE = 1000;

/**
 * How much an episode is worth telling: its kind's weight, the closest person in it (bond,
 * capped so one friend cannot drown a rare event), and the rarest event it rests on.
 */
export function salience(ep: Episode, scale: SalienceScale): number {
  if (ep.kind === 'beat') return BEAT_SALIENCE + ep.weight;
  const closeness = Math.min(20, Math.max(0, ...ep.people.map((p) => scale.bond(p))));
  const rare = Math.max(0, ...ep.events.map((e) => scale.rarityOf(e)));
  return ep.weight + closeness / 4 + rare;
}

/** The scale of a life's world: rarities from the world's counts, bonds from the life. */
export function scaleOf(src: Source, bonds: ReadonlyMap<number, number>): SalienceScale {
  const counts = typeCounts(src);
  const cache = new Map<number, number>();
  return {
    rarityOf(id) {
      let r = cache.get(id);
      if (r === undefined) {
        const e = src.event(id);
        r = e ? rarity(counts, e.type) : 0;
        cache.set(id, r);
      }
      return r;
    },
    bond: (p) => bonds.get(p) ?? 0,
  };
}

/**
 * The episodes to tell, in the order they happened: beats and the `always` kinds, then the
 * most salient, with at most `caps[kind]` of a kind (default 3) and `max` in all. An episode
 * whose every event a kept, more salient episode already rests on is not told again.
 * @example curate(schoolEpisodes, scaleOf(src, life.bonds), { max: 16, caps: { belief: 4 } })
 */
export function curate(eps: readonly Episode[], scale: SalienceScale, opts: ChooseOptions): Episode[] {
  // A storyline beat is always told.
  const always = new Set(['beat', ...(opts.always ?? [])]);
  const scored = eps.map((e) => ({ e, s: salience(e, scale) }));
  scored.sort(
    (a, b) =>
      Number(always.has(b.e.kind)) - Number(always.has(a.e.kind)) ||
      b.s - a.s ||
      a.e.day - b.e.day ||
      a.e.kind.localeCompare(b.e.kind),
  );
  const kept: Episode[] = [];
  const told = new Set<number>();
  const perKind = new Map<string, number>();
  for (const { e } of scored) {
    const n = perKind.get(e.kind) ?? 0;
    const cap = opts.caps?.[e.kind] ?? 3;
    if (!always.has(e.kind) && (n >= cap || kept.length >= opts.max)) continue;
    if (e.events.length > 0 && e.events.every((x) => told.has(x))) continue;
    perKind.set(e.kind, n + 1);
    kept.push(e);
    for (const x of e.events) told.add(x);
  }
  return kept.sort((a, b) => a.day - b.day || (a.events[0] ?? 0) - (b.events[0] ?? 0));
}
