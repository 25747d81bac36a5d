/**
 * Relationships as a network: who was friends with whom, who was a couple, who ran with which
 * clique and who cared for whom, each tie with the dates and events that began and ended it.
 * The ties are read from the log (friendship, couple, clique, carer and storyline events) and
 * the clique tables, not from the year-end relationships table, which keeps only notable ties.
 * Three views share one shape: a cohort's network, one person's circle, and the list of cohorts
 * that have any ties to show.
 */
import { z } from 'zod';
import { isoDate } from '../../engine/calendar.js';
import { HttpError } from '../../errors.js';
import type { EventRow, PersonRow } from '../../store/reader.js';
import { EVENT_CODES } from '../../world/event-types.js';
import type { ApiContext } from '../context.js';
import { idParam, wholeNumber } from '../params.js';
import { defineRoute } from '../route.js';
import { Clique, Moment, NetworkCohorts, RelationshipNetwork, Tie } from '../../api/relationships.js';

/** Most people a cohort network or a circle holds, so one request stays small. */
const MAX_PEOPLE = 600;
/** Rows per `IN (…)` list, well under SQLite's limit on parameters. */
const CHUNK = 500;

function chunked<R>(ids: readonly number[], run: (part: readonly number[], marks: string) => R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    out.push(...run(part, part.map(() => '?').join(',')));
  }
  return out;
}

function parseData(row: EventRow): Record<string, unknown> {
  if (row.data === null) return {};
  try {
    const v = JSON.parse(row.data) as unknown;
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function tableExists(api: ApiContext, name: string): boolean {
  return (
    api.world.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?", name) !== undefined
  );
}

/** The events of some types naming any of `ids` as subject or other party, in order. */
function eventsOf(api: ApiContext, types: readonly number[], ids: readonly number[]): EventRow[] {
  const t = types.join(',');
  const rows = chunked(ids, (part, marks) =>
    api.world.all<EventRow>(
      `SELECT * FROM events WHERE type IN (${t}) AND person IN (${marks})
       UNION SELECT * FROM events WHERE type IN (${t}) AND other IN (${marks})`,
      ...part,
      ...part,
    ),
  );
  const seen = new Set<number>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true))).sort((a, b) => a.id - b.id);
}

interface Raw {
  ties: Tie[];
  cliques: Clique[];
  moments: Moment[];
}

/**
 * Every tie touching `ids`: friendships (begun by an event or a storyline beat of friends,
 * ended by a falling out or by either completing), couples, clique memberships (as ties from
 * the leader) and carers' assignments to donors among `carerIds`.
 */
function tiesTouching(api: ApiContext, ids: readonly number[], carerIds: ReadonlySet<number>): Raw {
  const completed = new Map<number, number | null>();
  const completionOf = (id: number): number | null => {
    if (!completed.has(id)) completed.set(id, api.world.person(id)?.completed_on ?? null);
    return completed.get(id)!;
  };
  const ended = (a: number, b: number): number | null => {
    const ca = completionOf(a);
    const cb = completionOf(b);
    return ca === null ? cb : cb === null ? ca : Math.min(ca, cb);
  };
  // A tie from the event that began it, running until either of the two completes.
  const begun = (
    e: EventRow,
    a: number,
    b: number,
    kind: 'friends' | 'couple',
    strength: number | null,
  ): Tie => {
    const end = ended(a, b);
    return {
      a,
      b,
      kind,
      from: isoDate(e.day),
      to: end === null ? null : isoDate(end),
      began: e.id,
      ended: null,
      why: end === null ? null : 'completed',
      strength,
      clique: null,
    };
  };
  const ties: Tie[] = [];
  const open = new Map<string, Tie>();
  const pair = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const couples = new Map<number, Tie>();
  for (const e of eventsOf(
    api,
    [
      EVENT_CODES.friendship_formed,
      EVENT_CODES.friendship_broken,
      EVENT_CODES.couple_formed,
      EVENT_CODES.couple_ended,
    ],
    ids,
  )) {
    if (e.person === null || e.other === null) continue;
    const key = pair(e.person, e.other);
    if (e.type === EVENT_CODES.friendship_formed) {
      if (open.has(key)) continue;
      const tie = begun(e, e.person, e.other, 'friends', typeof e.value === 'number' ? e.value : null);
      open.set(key, tie);
      ties.push(tie);
    } else if (e.type === EVENT_CODES.friendship_broken) {
      const tie = open.get(key);
      if (!tie) continue;
      Object.assign(tie, { to: isoDate(e.day), ended: e.id, why: 'fell out' });
      open.delete(key);
    } else if (e.type === EVENT_CODES.couple_formed) {
      const tie = begun(e, e.person, e.other, 'couple', null);
      couples.set(e.value ?? -e.id, tie);
      ties.push(tie);
    } else {
      const tie = couples.get(e.value ?? -1);
      if (!tie) continue;
      const reason = parseData(e).reason;
      Object.assign(tie, {
        to: isoDate(e.day),
        ended: e.id,
        why: typeof reason === 'string' ? reason : 'parted',
      });
    }
  }

  // Storyline beats: a beat of friends begins a friendship the log may not otherwise hold, and
  // any beat shared by two of these people is one of their moments.
  const wanted = new Set(ids);
  const moments: Moment[] = [];
  const code = (EVENT_CODES as Record<string, number | undefined>).canon_beat;
  if (code !== undefined) {
    for (const e of api.world.all<EventRow>('SELECT * FROM events WHERE type = ? ORDER BY id', code)) {
      const data = parseData(e);
      const cast = Array.isArray(data.people)
        ? data.people.filter((p): p is number => typeof p === 'number')
        : [];
      const inside = cast.filter((p) => wanted.has(p));
      if (inside.length === 0) continue;
      const title = typeof data.title === 'string' ? data.title : 'A beat of the storyline';
      if (cast.length >= 2) moments.push({ event: e.id, date: isoDate(e.day), title, people: cast });
      if (data.kind === 'friends' && cast.length >= 2) {
        const [a, b] = cast as [number, number];
        if (open.has(pair(a, b))) continue;
        const end = ended(a, b);
        const tie: Tie = {
          a,
          b,
          kind: 'friends',
          from: isoDate(e.day),
          to: end === null ? null : isoDate(end),
          began: e.id,
          ended: null,
          why: end === null ? null : 'completed',
          strength: null,
          clique: null,
        };
        open.set(pair(a, b), tie);
        ties.push(tie);
      }
    }
  }
  for (const e of eventsOf(api, [EVENT_CODES.item_given], ids))
    if (e.person !== null && e.other !== null && wanted.has(e.person) && wanted.has(e.other))
      moments.push({
        event: e.id,
        date: isoDate(e.day),
        title: `${api.personName(e.person)} gives ${api.personName(e.other)} a present`,
        people: [e.person, e.other],
      });

  const cliques: Clique[] = [];
  if (tableExists(api, 'cliques') && tableExists(api, 'clique_members')) {
    const found = chunked(ids, (part, marks) =>
      api.world.all<{ clique: number }>(
        `SELECT DISTINCT clique FROM clique_members WHERE person IN (${marks})`,
        ...part,
      ),
    ).map((r) => r.clique);
    for (const id of [...new Set(found)].sort((a, b) => a - b)) {
      const c = api.world.get<{
        id: number;
        place: number | null;
        leader: number;
        founded_on: number;
        founded_event: number | null;
        ended_on: number | null;
      }>('SELECT id, place, leader, founded_on, founded_event, ended_on FROM cliques WHERE id = ?', id);
      if (!c) continue;
      const members = api.world.all<{ person: number; joined_on: number; left_on: number | null }>(
        'SELECT person, joined_on, left_on FROM clique_members WHERE clique = ? ORDER BY joined_on, person',
        id,
      );
      cliques.push({
        id: c.id,
        leader: c.leader,
        place: api.placeRef(c.place),
        from: isoDate(c.founded_on),
        to: c.ended_on === null ? null : isoDate(c.ended_on),
        event: c.founded_event,
        members: members.map((m) => ({
          person: m.person,
          from: isoDate(m.joined_on),
          to: m.left_on === null ? null : isoDate(m.left_on),
        })),
      });
      for (const m of members) {
        if (m.person === c.leader) continue;
        ties.push({
          a: c.leader,
          b: m.person,
          kind: 'clique',
          from: isoDate(m.joined_on),
          to: m.left_on === null ? null : isoDate(m.left_on),
          began: m.joined_on === c.founded_on ? c.founded_event : null,
          ended: null,
          why: m.left_on === null ? null : c.ended_on === m.left_on ? 'the clique broke up' : 'left',
          strength: null,
          clique: c.id,
        });
      }
    }
  }

  // Carers and donors: every assignment of the donors concerned, so each ends at the next one
  // (or the donor's completion); kept where both ends are wanted as carers' ties.
  const donors = ids.filter((id) => carerIds.has(id));
  const assigned = donors.length
    ? chunked(donors, (part, marks) =>
        api.world.all<EventRow>(
          `SELECT * FROM events WHERE type = ? AND person IN (${marks}) ORDER BY person, day, id`,
          EVENT_CODES.carer_assigned,
          ...part,
        ),
      )
    : [];
  assigned.forEach((e, i) => {
    if (e.person === null || e.other === null || !carerIds.has(e.other)) return;
    const next = assigned[i + 1];
    const nextDay = next && next.person === e.person ? next.day : null;
    const end = nextDay ?? completionOf(e.person);
    ties.push({
      a: e.other,
      b: e.person,
      kind: 'carer',
      from: isoDate(e.day),
      to: end === null ? null : isoDate(end),
      began: e.id,
      ended: nextDay !== null ? next!.id : null,
      why: end === null ? null : nextDay !== null ? 'another carer took over' : 'completed',
      strength: null,
      clique: null,
    });
  });
  return { ties, cliques, moments };
}

function rows(api: ApiContext, ids: readonly number[]): PersonRow[] {
  return chunked(ids, (part, marks) =>
    api.world.all<PersonRow>(`SELECT * FROM people WHERE id IN (${marks}) ORDER BY id`, ...part),
  );
}

function assemble(
  api: ApiContext,
  head: Pick<RelationshipNetwork, 'title' | 'school' | 'cohort' | 'focus'>,
  members: ReadonlySet<number>,
  raw: Raw,
): RelationshipNetwork {
  const everyone = new Set(members);
  for (const t of raw.ties) everyone.add(t.a).add(t.b);
  const ids = [...everyone].slice(0, MAX_PEOPLE);
  const kept = new Set(ids);
  const ties = raw.ties
    .filter((t) => kept.has(t.a) && kept.has(t.b))
    .sort((x, y) => x.from.localeCompare(y.from) || x.a - y.a || x.b - y.b);
  const years = ties.map((t) => Number(t.from.slice(0, 4)));
  const ends = ties.map((t) => Number((t.to ?? api.info.end).slice(0, 4)));
  return {
    ...head,
    first: years.length ? Math.min(...years) : null,
    last: ends.length ? Math.max(...ends) : null,
    people: rows(api, ids).map((r) => ({ ...api.personSummary(r), member: members.has(r.id) })),
    ties,
    cliques: raw.cliques,
    moments: raw.moments.filter((m) => m.people.filter((p) => kept.has(p)).length >= 2),
  };
}

/** A cohort's network: its members and everyone tied to them by friendship, love or clique. */
export function cohortNetwork(api: ApiContext, school: number, cohort: number): RelationshipNetwork {
  const place = api.placeById.get(school);
  if (!place) throw new HttpError(404, `no place has the id ${school}`);
  const { ids } = api.index.select({ school, cohort }, 0, MAX_PEOPLE);
  if (ids.length === 0)
    throw new HttpError(404, `nobody of the ${cohort} cohort was raised at ${place.name}`);
  const members = new Set(ids);
  const raw = tiesTouching(api, ids, members);
  // Carers' ties reach only within the cohort: a carer's other donors belong to their own cohorts.
  raw.ties = raw.ties.filter((t) => t.kind !== 'carer' || (members.has(t.a) && members.has(t.b)));
  return assemble(
    api,
    { title: `${place.name}, cohort of ${cohort}`, school: api.placeRef(school), cohort, focus: null },
    members,
    raw,
  );
}

/**
 * One person's circle: everyone tied to them, the ties among those people, and their carers
 * and the donors they cared for who were raised at the same school (old friends, or not).
 */
export function personCircle(api: ApiContext, id: number): RelationshipNetwork {
  const person = api.world.person(id);
  if (!person) throw new HttpError(404, `no person has the id ${id}`);
  const schoolmates = (other: number) =>
    person.school !== null && api.world.person(other)?.school === person.school;
  // First the person's own ties, then the ties among the people those reach.
  const carerIds = new Set<number>([id]);
  for (const e of eventsOf(api, [EVENT_CODES.carer_assigned], [id]))
    for (const other of [e.person, e.other])
      if (other !== null && other !== id && schoolmates(other)) carerIds.add(other);
  const own = tiesTouching(api, [id], carerIds);
  const circle = new Set<number>([id]);
  for (const t of own.ties) if (t.a === id || t.b === id) circle.add(t.a).add(t.b);
  for (const c of carerIds) circle.add(c);
  const ids = [...circle].slice(0, MAX_PEOPLE);
  const all = tiesTouching(api, ids, circle);
  all.ties = all.ties.filter((t) => circle.has(t.a) && circle.has(t.b));
  all.cliques = all.cliques.filter((c) => c.members.some((m) => m.person === id));
  return assemble(
    api,
    {
      title: `${person.name} and their circle`,
      school: api.placeRef(person.school),
      cohort: person.cohort,
      focus: id,
    },
    circle,
    all,
  );
}

let cohortsCache: WeakMap<ApiContext, NetworkCohorts> = new WeakMap();

/** Cohorts with any ties recorded, the most tied first. */
export function networkCohorts(api: ApiContext): NetworkCohorts {
  const cached = cohortsCache.get(api);
  if (cached) return cached;
  const counts = api.world.all<{ school: number; cohort: number; ties: number }>(
    `SELECT p.school AS school, p.cohort AS cohort, count(*) AS ties
     FROM events e JOIN people p ON p.id = e.person
     WHERE e.type IN (?, ?) AND p.school IS NOT NULL AND p.cohort IS NOT NULL
     GROUP BY p.school, p.cohort`,
    EVENT_CODES.friendship_formed,
    EVENT_CODES.couple_formed,
  );
  const result: NetworkCohorts = {
    items: counts
      .map((c) => ({
        school: api.placeRef(c.school) ?? { id: c.school, name: `place ${c.school}` },
        cohort: c.cohort,
        people: api.index.select({ school: c.school, cohort: c.cohort }, 0, 0).total,
        ties: c.ties,
      }))
      .sort((a, b) => b.ties - a.ties || a.school.id - b.school.id || a.cohort - b.cohort),
  };
  cohortsCache.set(api, result);
  return result;
}

/** Forgets the cohort lists worked out so far (for tests that reopen worlds). */
export function forgetNetworkCohorts(): void {
  cohortsCache = new WeakMap();
}

export const relationshipRoutes = [
  defineRoute({
    path: '/api/relationships/cohorts',
    operationId: 'listNetworkCohorts',
    tag: 'relationships',
    summary: 'The cohorts whose friendships and couples the world recorded, the most tied first',
    response: NetworkCohorts,
    handler: ({ api }) => networkCohorts(api),
  }),
  defineRoute({
    path: '/api/relationships',
    operationId: 'getCohortNetwork',
    tag: 'relationships',
    summary: "A cohort's network: friendships, couples, cliques and carers, each with its dates and events",
    description:
      'The members of one school’s cohort and everyone tied to them from outside it. Each tie has the span it lasted, so a year can be drawn by keeping the ties whose span covers it.',
    query: z.strictObject({
      school: wholeNumber(0, 1_000_000, 'id of the school or home'),
      cohort: wholeNumber(1800, 2200, 'cohort year'),
    }),
    response: RelationshipNetwork,
    errors: { 404: 'no such school, or nobody in that cohort' },
    handler: ({ api, query }) => cohortNetwork(api, query.school, query.cohort),
  }),
  defineRoute({
    path: '/api/people/{id}/circle',
    operationId: 'getPersonCircle',
    tag: 'relationships',
    summary: "A person's circle: their friends, partners, cliques and carers, and the ties among them",
    params: z.strictObject({ id: idParam }),
    response: RelationshipNetwork,
    errors: { 404: 'no person has this id' },
    handler: ({ api, params }) => personCircle(api, params.id),
  }),
];
