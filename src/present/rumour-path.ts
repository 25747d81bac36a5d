/**
 * Tracing rumours in a world database: the path of one belief back to where it began (each hop
 * a belief copied from the teller's, each with its event), and how far a rumour spread from its
 * origin (everyone whose belief descends from that event, with the versions it took on the
 * way). The explorer and `hailsham rumour` both read these.
 */
import { belief as beliefById, beliefsFromOrigin, type BeliefWithText } from '../store/queries.js';
import type { WorldDb } from '../store/reader.js';
import { eventTypeName } from '../world/event-types.js';

export interface Hop {
  belief: number;
  person: number;
  name: string;
  version: string;
  text: string;
  from: number;
  until: number | null;
  kind: string;
  event: number;
  eventType: string;
  via: number | null;
  viaName: string | null;
  /** The version changed in this telling. */
  changed: boolean;
}

export interface Spread {
  origin: number;
  originType: string;
  proposition: string;
  starter: string | null;
  day: number;
  reached: number;
  hops: number;
  changed: number;
  /** How many held each version at some time. */
  versions: Record<string, number>;
  /** People reached at each distance from the origin (0: the starter). */
  depth: number[];
  /** The first hops, in order. */
  first: Hop[];
}

function hopOf(
  w: WorldDb,
  b: BeliefWithText,
  parent: BeliefWithText | undefined,
  names: Map<number, string>,
): Hop {
  const name = (id: number | null) => {
    if (id === null) return null;
    let n = names.get(id);
    if (n === undefined) names.set(id, (n = w.person(id)?.name ?? `#${id}`));
    return n;
  };
  const ev = w.event(b.source_event);
  return {
    belief: b.id,
    person: b.person,
    name: name(b.person)!,
    version: b.version,
    text: b.text,
    from: b.held_from,
    until: b.held_until,
    kind: b.source_kind,
    event: b.source_event,
    eventType: ev ? (eventTypeName(ev.type) ?? String(ev.type)) : '?',
    via: b.via,
    viaName: name(b.via),
    changed: parent !== undefined && parent.version !== b.version,
  };
}

/**
 * The path of a belief from where it began to its holder: [first holder's belief, …, this one].
 * Returns null for an unknown belief id.
 * @example beliefPath(w, 812)?.map((h) => h.name)
 */
export function beliefPath(w: WorldDb, belief: number): Hop[] | null {
  const chain: BeliefWithText[] = [];
  let b = beliefById(w, belief);
  if (!b) return null;
  while (b) {
    chain.push(b);
    b = b.parent === null ? undefined : beliefById(w, b.parent);
  }
  chain.reverse();
  const names = new Map<number, string>();
  return chain.map((x, i) => hopOf(w, x, chain[i - 1], names));
}

/**
 * How far the rumour that began with `origin` (an event id) spread. Returns null when no belief
 * descends from that event.
 */
export function rumourSpread(w: WorldDb, origin: number, firstHops = 12): Spread | null {
  const rows = beliefsFromOrigin(w, origin);
  if (rows.length === 0) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depthOf = new Map<number, number>();
  const depth: number[] = [];
  const versions: Record<string, number> = {};
  const reached = new Set<number>();
  let changed = 0;
  for (const r of rows) {
    const parent = r.parent === null ? undefined : byId.get(r.parent);
    const d = parent ? (depthOf.get(parent.id) ?? 0) + 1 : 0;
    depthOf.set(r.id, d);
    depth[d] = (depth[d] ?? 0) + 1;
    versions[r.version] = (versions[r.version] ?? 0) + 1;
    reached.add(r.person);
    if (parent && parent.version !== r.version) changed++;
  }
  for (let i = 0; i < depth.length; i++) depth[i] ??= 0;
  const ev = w.event(origin);
  const names = new Map<number, string>();
  return {
    origin,
    originType: ev ? (eventTypeName(ev.type) ?? String(ev.type)) : '?',
    proposition: rows[0]!.proposition,
    starter: ev?.person !== null && ev?.person !== undefined ? (w.person(ev.person)?.name ?? null) : null,
    day: ev?.day ?? rows[0]!.held_from,
    reached: reached.size,
    hops: rows.filter((r) => r.parent !== null).length,
    changed,
    versions,
    depth,
    first: rows
      .slice(0, firstHops)
      .map((r) => hopOf(w, r, r.parent === null ? undefined : byId.get(r.parent), names)),
  };
}
