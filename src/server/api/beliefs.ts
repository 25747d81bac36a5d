/**
 * Beliefs: how many people held each version of each proposition in each year, for the
 * overview's small charts, and who held one (on a date, or ever) for the people list. Read
 * from a `beliefs` table naming the person, the proposition (or belief), optionally its
 * version, and the days it was held from and until; a `propositions` table, when present,
 * gives their wording. Worlds without beliefs have nothing to chart (null).
 */
import { dayFromYmd, yearOf } from '../../engine/calendar.js';
import type { ApiContext } from '../context.js';
import type { Overview } from '../../api/schemas.js';
import { quoteIdent, type SideTable } from '../side-tables.js';

const BELIEF_COLUMNS = ['proposition', 'belief', 'rumour', 'rumor', 'topic', 'claim', 'idea'];

interface BeliefColumns {
  table: SideTable;
  person: string;
  belief: string;
  version: string | null;
  from: string;
  until: string | null;
}

/** Which columns of the `beliefs` table say who, what and when; null when it cannot tell. */
export function beliefColumns(api: ApiContext): BeliefColumns | null {
  const t = api.sideTable('beliefs');
  if (!t) return null;
  const person = t.columns.find((c) => c.role === 'person');
  const belief = t.columns.find((c) => BELIEF_COLUMNS.includes(c.name.toLowerCase()));
  const days = t.columns.filter((c) => c.role === 'day');
  const from = days.find((c) => !/until|_to$|ended/.test(c.name)) ?? days[0];
  const until = days.find((c) => c !== from && /until|_to$|ended/.test(c.name));
  if (!person || !belief || !from) return null;
  return {
    table: t,
    person: person.name,
    belief: belief.name,
    version: t.columns.find((c) => c.name === 'version')?.name ?? null,
    from: from.name,
    until: until?.name ?? null,
  };
}

/** People holding each version of each proposition at the end of each year, or null. */
export function beliefsOverTime(api: ApiContext): Overview['beliefs'] {
  const c = beliefColumns(api);
  if (!c) return null;
  const q = quoteIdent;
  const rows = api.world.all<{ b: string; v: string | null; p: number; f: number; u: number | null }>(
    `SELECT ${q(c.belief)} AS b, ${c.version ? q(c.version) : 'NULL'} AS v, ${q(c.person)} AS p, ${q(c.from)} AS f,
            ${c.until ? q(c.until) : 'NULL'} AS u
     FROM ${q(c.table.name)} WHERE ${q(c.from)} IS NOT NULL`,
  );
  if (rows.length === 0) return null;
  const first = yearOf(api.world.meta.startDay);
  const last = yearOf(api.world.meta.endDay);
  const years = last - first + 1;
  const yearEnd = (i: number) => dayFromYmd(first + i + 1, 1, 1) - 1;
  // Per proposition and version, the set of holders at each year's end (a person counts once).
  const held = new Map<string, Map<string | null, Set<number>[]>>();
  for (const r of rows) {
    const versions = held.get(r.b) ?? new Map<string | null, Set<number>[]>();
    held.set(r.b, versions);
    let sets = versions.get(r.v);
    if (!sets) versions.set(r.v, (sets = Array.from({ length: years }, () => new Set<number>())));
    for (let i = Math.max(0, yearOf(r.f) - first); i < years; i++) {
      const end = yearEnd(i);
      if (r.f > end) continue;
      if (r.u !== null && r.u <= end) break;
      sets[i]!.add(r.p);
    }
  }
  const wording = new Map<string, { about: string | null; text: string | null }>();
  const props = api.sideTables.find((t) => t.name === 'propositions');
  if (props && props.columns.some((x) => x.name === 'proposition')) {
    const has = (n: string) => props.columns.some((x) => x.name === n);
    for (const r of api.world.all<{ p: string; v: string | null; a: string | null; t: string | null }>(
      `SELECT proposition AS p, ${has('version') ? 'version' : 'NULL'} AS v, ${has('about') ? 'about' : 'NULL'} AS a, ${has('text') ? 'text' : 'NULL'} AS t FROM propositions`,
    ))
      wording.set(`${r.p}\u0000${r.v ?? ''}`, { about: r.a, text: r.t });
  }
  return [...held].map(([proposition, versions]) => ({
    proposition,
    about:
      [...versions.keys()].map((v) => wording.get(`${proposition}\u0000${v ?? ''}`)?.about).find(Boolean) ??
      null,
    versions: [...versions].map(([version, sets]) => ({
      version,
      text: wording.get(`${proposition}\u0000${version ?? ''}`)?.text ?? null,
      points: sets.map((s, i) => ({ year: first + i, holders: s.size })),
    })),
  }));
}

/**
 * The ids (ascending) of people who held a belief, `proposition` or `proposition:version`:
 * on a day when given, otherwise at any time.
 */
export function holdersOf(api: ApiContext, belief: string, on: number | undefined): number[] | null {
  const c = beliefColumns(api);
  if (!c) return null;
  const q = quoteIdent;
  const [proposition, version] = belief.split(':');
  const where = [`${q(c.belief)} = ?`];
  const params: unknown[] = [proposition];
  if (version !== undefined && c.version) {
    where.push(`${q(c.version)} = ?`);
    params.push(version);
  }
  if (on !== undefined) {
    where.push(`${q(c.from)} <= ?`);
    params.push(on);
    if (c.until) {
      where.push(`(${q(c.until)} IS NULL OR ${q(c.until)} > ?)`);
      params.push(on);
    }
  }
  return api.world.db
    .prepare(`SELECT DISTINCT ${q(c.person)} FROM ${q(c.table.name)} WHERE ${where.join(' AND ')} ORDER BY 1`)
    .pluck()
    .all(...params) as number[];
}
