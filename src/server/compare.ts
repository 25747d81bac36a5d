/**
 * Two worlds side by side (`hailsham serve a.db --compare b.db`): each world's figures, and the
 * lives whose fate differs between them. A clone is the same person in both worlds when they
 * share a cohort and a stable key (`people.key`, a hash of the school they were born to, the
 * cohort and their place in it), as `hailsham compare` pairs them (src/compare/pair.ts). Keys
 * are 32-bit, so two of a cohort in a national world may share one; they are paired in the
 * order they were born (their ids). The pairing is made once, when the server starts, from the
 * people held in memory: well under a second for two national worlds.
 */
import { basename } from 'node:path';
import { DAYS_PER_YEAR, isoDate } from '../engine/calendar.js';
import { PHASES } from '../world/phases.js';
import type { ApiContext } from './context.js';
import { NEVER } from './world-index.js';
import type { CompareSide, Comparison, DivergedLife } from '../api/schemas.js';
import { DIVERGENCES } from '../api/schemas.js';
import { overviewOf } from './api/world.js';

export type Divergence = (typeof DIVERGENCES)[number];
const BIT: Record<Divergence, number> = { phase: 1, donations: 2, completion: 4 };

/** Where each world's pages are: the first at the root, the second under /b. */
export const SECOND_WORLD_BASE = '/b';

/** The clones of one world: their names, and the school each was born to. */
interface Roll {
  /** Clone ids, in id order. */
  ids: Int32Array;
  names: string[];
  birthSchool: Int32Array;
  slugs: string[];
}

function rollOf(api: ApiContext): Roll {
  const ix = api.index;
  const birthSchool = ix.school.slice();
  // A student moved when their school closed was born to the school they left.
  const moved = api.world.get<{ code: number }>("SELECT code FROM event_types WHERE name = 'transferred'");
  if (moved) {
    const rows = api.world.db
      .prepare('SELECT person, data FROM events WHERE type = ? AND person IS NOT NULL ORDER BY id DESC')
      .raw(true)
      .iterate(moved.code) as IterableIterator<[number, string | null]>;
    // Latest first, so the first move's school is the one kept.
    for (const [person, data] of rows) {
      try {
        const from = (JSON.parse(data ?? '{}') as { from?: unknown }).from;
        if (typeof from === 'number' && person < ix.size) birthSchool[person] = from;
      } catch {
        // A payload that does not parse leaves the school as the people table has it.
      }
    }
  }
  const names = new Array<string>(ix.size).fill('');
  const list: number[] = [];
  const read = api.world.db
    .prepare("SELECT id, name FROM people WHERE kind = 'clone' ORDER BY id")
    .raw(true)
    .iterate() as IterableIterator<[number, string]>;
  for (const [id, name] of read) {
    names[id] = name;
    list.push(id);
  }
  const slugs: string[] = [];
  for (const p of api.places) slugs[p.id] = p.slug;
  return { ids: Int32Array.from(list), names, birthSchool, slugs };
}

/**
 * The clones' positions in `ids` in the order of their identity (cohort, then key), ties in id
 * order. Identity and position are packed into one 64-bit integer (cohort offset, 32 bits of
 * key, 24 bits of position) so a million lives sort as one typed array.
 */
function byIdentity(api: ApiContext, ids: Int32Array, minCohort: number): BigUint64Array {
  if (ids.length >= 1 << 24) throw new Error(`cannot pair ${ids.length} lives (at most 16,777,215)`);
  const ix = api.index;
  const packed = new BigUint64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const identity = BigInt(ix.cohort[id]! - minCohort) * 4_294_967_296n + BigInt(ix.key[id]!);
    packed[i] = (identity << 24n) | BigInt(i);
  }
  return packed.sort();
}

const POSITION = (1n << 24n) - 1n;

/** The pairing of two worlds' lives, and those that differ. */
export interface Pairing {
  matched: number;
  onlyA: number;
  onlyB: number;
  /** Pairs (id in a, id in b) whose fates differ, in identity order. */
  a: Int32Array;
  b: Int32Array;
  /** Bits of BIT for each diverged pair. */
  differs: Uint8Array;
  rollA: Roll;
}

function divergence(a: ApiContext, ia: number, b: ApiContext, ib: number): number {
  const x = a.index;
  const y = b.index;
  let bits = 0;
  if (x.endPhase[ia] !== y.endPhase[ib]) bits |= BIT.phase;
  if (x.donations[ia] !== y.donations[ib]) bits |= BIT.donations;
  if (x.completedOn[ia] !== y.completedOn[ib]) bits |= BIT.completion;
  return bits;
}

/**
 * Pairs the clones of two worlds by identity and lists those whose phase at the end, number of
 * donations or completion date differ.
 */
export function pairLives(a: ApiContext, b: ApiContext): Pairing {
  const ra = rollOf(a);
  const rb = rollOf(b);
  let minCohort = Infinity;
  for (const [api, r] of [
    [a, ra],
    [b, rb],
  ] as const)
    for (const id of r.ids) minCohort = Math.min(minCohort, api.index.cohort[id]!);
  const oa = byIdentity(a, ra.ids, minCohort);
  const ob = byIdentity(b, rb.ids, minCohort);
  const outA: number[] = [];
  const outB: number[] = [];
  const bits: number[] = [];
  let i = 0;
  let j = 0;
  let matched = 0;
  while (i < oa.length && j < ob.length) {
    const x = oa[i]! >> 24n;
    const y = ob[j]! >> 24n;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const ia = ra.ids[Number(oa[i]! & POSITION)]!;
      const ib = rb.ids[Number(ob[j]! & POSITION)]!;
      matched++;
      const d = divergence(a, ia, b, ib);
      if (d) {
        outA.push(ia);
        outB.push(ib);
        bits.push(d);
      }
      i++;
      j++;
    }
  }
  return {
    matched,
    onlyA: oa.length - matched,
    onlyB: ob.length - matched,
    a: Int32Array.from(outA),
    b: Int32Array.from(outB),
    differs: Uint8Array.from(bits),
    rollA: ra,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((x, y) => x - y);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** One world's figures and series for the comparison. */
export function sideOf(api: ApiContext, base: string): CompareSide {
  const o = overviewOf(api);
  const st = api.stats;
  const ix = api.index;
  const clones = Object.values(st.byPhase).reduce((s, n) => s + n, 0);
  const byDonation = st.completionsByDonation;
  const completions = Object.values(byDonation).reduce((s, n) => s + n, 0);
  const weighted = Object.entries(byDonation).reduce((s, [k, n]) => s + Number(k) * n, 0);
  let spared = 0;
  const ages: number[] = [];
  for (let id = 0; id < ix.size; id++) {
    if (!ix.isClone(id)) continue;
    if (ix.fate(id) === 'spared') spared++;
    if (ix.completedOn[id] !== NEVER) ages.push((ix.completedOn[id]! - ix.born[id]!) / DAYS_PER_YEAR);
  }
  const medianAge = median(ages);
  return {
    scenario: api.info.scenario,
    title: api.info.title,
    seed: api.info.seed,
    file: basename(api.world.file),
    base,
    logSha256: api.info.logSha256,
    start: api.info.start,
    end: api.info.end,
    figures: {
      people: api.info.people,
      clones,
      events: api.info.events,
      donations: st.donations.total,
      completions,
      spared,
      meanDonationsAtCompletion: completions ? Math.round((weighted / completions) * 100) / 100 : null,
      medianCareerYears: st.carerCareers.medianYears,
      medianDonorAge: st.donorAge.medianYears,
      medianCompletionAge: medianAge === null ? null : Math.round(medianAge * 10) / 10,
    },
    byPhase: st.byPhase,
    completionsByDonation: byDonation,
    phasesOverTime: o.phasesOverTime,
    survival: o.survival.find((g) => g.key === 'all')?.points ?? [],
  };
}

/** The note shown beside the diverged lives, saying how they were paired. */
export const MATCHING_NOTE =
  'Lives are paired by cohort and stable key (a hash of the school they were born to, the cohort and their place in it), as `hailsham compare` pairs them; the key is also their address (/p/school-cohort-place), which opens the same life in both worlds. Two of a cohort whose keys collide are paired in the order they were born.';

/** The comparison's figures and the pairing's counts. */
export function comparisonOf(a: ApiContext, b: ApiContext, p: Pairing): Comparison {
  const byDifference: Record<string, number> = {};
  for (const d of DIVERGENCES) byDifference[d] = 0;
  for (const bits of p.differs) for (const d of DIVERGENCES) if (bits & BIT[d]) byDifference[d]!++;
  return {
    a: sideOf(a, ''),
    b: sideOf(b, SECOND_WORLD_BASE),
    matching: {
      by: 'key',
      note: MATCHING_NOTE,
      matched: p.matched,
      diverged: p.a.length,
      byDifference,
      onlyA: p.onlyA,
      onlyB: p.onlyB,
    },
  };
}

function lifeSide(api: ApiContext, id: number): DivergedLife['a'] {
  const ix = api.index;
  const done = ix.completedOn[id] !== NEVER;
  const until = done ? ix.completedOn[id]! : ix.endDay;
  return {
    id,
    phase: PHASES[ix.endPhase[id]!] ?? 'none',
    fate: ix.fate(id),
    donations: ix.donations[id]!,
    completedOn: done ? isoDate(ix.completedOn[id]!) : null,
    age: Math.floor((until - ix.born[id]!) / DAYS_PER_YEAR),
  };
}

/**
 * A page of the diverged lives, those differing in any of `differs` (all when not given) and
 * of a cohort when given.
 */
export function divergedPage(
  a: ApiContext,
  b: ApiContext,
  p: Pairing,
  filter: { differs?: Divergence[]; cohort?: number },
  offset: number,
  limit: number,
): { items: DivergedLife[]; total: number } {
  const mask = (filter.differs ?? [...DIVERGENCES]).reduce((m, d) => m | BIT[d], 0);
  const items: DivergedLife[] = [];
  let total = 0;
  for (let k = 0; k < p.a.length; k++) {
    if ((p.differs[k]! & mask) === 0) continue;
    const ia = p.a[k]!;
    if (filter.cohort !== undefined && a.index.cohort[ia] !== filter.cohort) continue;
    if (total >= offset && items.length < limit) {
      const ib = p.b[k]!;
      const school = p.rollA.birthSchool[ia]!;
      const place = school >= 0 ? a.placeById.get(school) : undefined;
      items.push({
        name: p.rollA.names[ia]!,
        address: a.addressOf({
          id: ia,
          kind: 'clone',
          key: a.index.key[ia]!,
          cohort: a.index.cohort[ia]!,
          school: place?.id ?? null,
        }),
        school: place ? { slug: place.slug, name: place.name } : null,
        cohort: a.index.cohort[ia]! >= 0 ? a.index.cohort[ia]! : null,
        a: lifeSide(a, ia),
        b: lifeSide(b, ib),
        differs: DIVERGENCES.filter((d) => p.differs[k]! & BIT[d]),
      });
    }
    total++;
  }
  return { items, total };
}
