/**
 * A person's school life and Cottages years as `hailsham person` shows them: their traits and
 * hand, their works, their collection, their friendships, couples and clique, and what they
 * believed, when, and where each belief came from (a guardian's words, someone they trusted,
 * their own eyes), traced to where it began. Reads the tables the school-life module writes;
 * returns null for anyone it did not follow (or a world written without it).
 */
import { isoDate } from '../engine/calendar.js';
import {
  beliefsOf,
  cliquesOf,
  couplesOf,
  holdingsOf,
  relationshipsOf,
  student,
  worksOf,
} from '../store/queries.js';
import type { WorldDb } from '../store/reader.js';
import type { WorkRow } from '../store/tables/index.js';
import { eventTypeName } from '../world/event-types.js';
import type { Names } from './describe-event.js';

export interface PersonSchool {
  traits: Record<string, number | string>;
  tokens: number;
  standing: number;
  chosen: number;
  works: {
    total: number;
    byMedium: Record<string, number>;
    byFate: Record<string, number>;
    notable: WorkLine[];
  };
  collection: {
    item: number;
    label: string;
    from: number;
    until: number | null;
    how: string;
    out: string | null;
  }[];
  worksOwned: number;
  friends: {
    person: number;
    name: string;
    friendship: number;
    romance: number;
    trust: number;
    year: number;
  }[];
  couples: {
    id: number;
    with: number;
    name: string;
    formed: number;
    ended: number | null;
    reason: string | null;
  }[];
  cliques: { clique: number; leader: number; leaderName: string; joined: number; left: number | null }[];
  beliefs: BeliefLine[];
}

export interface WorkLine {
  id: number;
  made: number;
  age: number;
  medium: string;
  style: string;
  title: string;
  fate: string;
  owner: number | null;
  skill: number;
  originality: number;
}

export interface BeliefLine {
  id: number;
  proposition: string;
  about: string;
  version: string;
  text: string;
  truth: boolean | null;
  from: number;
  until: number | null;
  kind: string;
  source: number;
  via: number | null;
  viaName: string | null;
  origin: number;
  originBy: string | null;
  originType: string | null;
  confidence: number;
}

/**
 * A followed person's school life, or null.
 * @example personSchool(openWorld('world.db'), 42)?.beliefs.length
 */
export function personSchool(w: WorldDb, id: number): PersonSchool | null {
  const st = student(w, id);
  if (!st) return null;
  const name = (p: number | null) => (p === null ? null : (w.person(p)?.name ?? `#${p}`));
  const works = worksOf(w, id);
  const byMedium: Record<string, number> = {};
  const byFate: Record<string, number> = {};
  for (const x of works) {
    byMedium[x.medium] = (byMedium[x.medium] ?? 0) + 1;
    byFate[x.fate] = (byFate[x.fate] ?? 0) + 1;
  }
  const rank = (x: WorkRow) =>
    (x.fate === 'gallery' ? 2 : 0) + (x.fate === 'exchanged' ? 0.5 : 0) + x.skill + x.originality;
  const notable = works
    .slice()
    .sort((a, b) => rank(b) - rank(a) || a.id - b.id)
    .slice(0, 8)
    .sort((a, b) => a.id - b.id)
    .map((x) => ({
      id: x.id,
      made: x.made_on,
      age: x.maker_age,
      medium: x.medium,
      style: x.style,
      title: x.title,
      fate: x.fate,
      owner: x.owner,
      skill: x.skill,
      originality: x.originality,
    }));
  const collection = holdingsOf(w, id).map((h) => ({
    item: h.item,
    label: h.label,
    from: h.from_day,
    until: h.until_day,
    how: h.how_in,
    out: h.how_out,
  }));
  // Works bought from others at Exchanges: the one count only this view wants.
  const worksOwned = w.get<{ n: number }>(
    "SELECT count(*) AS n FROM works WHERE owner = ? AND maker <> ? AND fate = 'exchanged'",
    id,
    id,
  )!.n;
  // Their own feelings (not others' for them) in the last year recorded, warmest first.
  const own = relationshipsOf(w, id).filter((r) => r.person === id);
  const lastYear = own.length > 0 ? Math.max(...own.map((r) => r.year)) : null;
  const friends = own
    .filter((r) => r.year === lastYear)
    .sort((a, b) => b.friendship + b.romance - (a.friendship + a.romance) || a.other - b.other)
    .slice(0, 8)
    .map((r) => ({
      person: r.other,
      name: name(r.other)!,
      friendship: r.friendship,
      romance: r.romance,
      trust: r.trust,
      year: r.year,
    }));
  const couples = couplesOf(w, id).map((c) => {
    const other = c.a === id ? c.b : c.a;
    return {
      id: c.id,
      with: other,
      name: name(other)!,
      formed: c.formed_on,
      ended: c.ended_on,
      reason: c.reason,
    };
  });
  const cliques = cliquesOf(w, id).map((c) => ({
    clique: c.clique,
    leader: c.leader,
    leaderName: name(c.leader)!,
    joined: c.joined_on,
    left: c.left_on,
  }));
  const beliefs = beliefsOf(w, id).map((b) => {
    const origin = w.event(b.origin_event);
    return {
      id: b.id,
      proposition: b.proposition,
      about: b.topic,
      version: b.version,
      text: b.text,
      truth: b.truth === null ? null : b.truth === 1,
      from: b.held_from,
      until: b.held_until,
      kind: b.source_kind,
      source: b.source_event,
      via: b.via,
      viaName: name(b.via),
      origin: b.origin_event,
      originBy: name(origin?.person ?? null),
      originType: origin ? (eventTypeName(origin.type) ?? null) : null,
      confidence: b.confidence,
    };
  });
  const traits: Record<string, number | string> = {};
  for (const k of [
    'style',
    'hue',
    'medium',
    'talent',
    'originality',
    'temperament',
    'sociability',
    'agreeableness',
    'temper',
    'confidence',
    'credulity',
    'imagination',
  ] as const)
    traits[k] = st[k];
  return {
    traits,
    tokens: st.tokens,
    standing: st.standing,
    chosen: st.chosen,
    works: { total: works.length, byMedium, byFate, notable },
    collection,
    worksOwned,
    friends,
    couples,
    cliques,
    beliefs,
  };
}

const d = (day: number | null) => (day === null ? '' : isoDate(day));

/** How a belief came to be held, in a phrase. */
export function sourcePhrase(b: BeliefLine): string {
  const via = b.viaName ?? '';
  switch (b.kind) {
    case 'origin':
      return 'thought of it themselves';
    case 'rumour':
      return `heard it from ${via}`;
    case 'disclosure':
      return via ? `told by ${via}` : 'told at school';
    case 'plain-speaking':
      return `told plainly by ${via}`;
    case 'experience':
      return 'saw it for themselves';
    case 'debunk':
      return via ? `set right by ${via}` : 'set right';
    case 'outburst':
      return via ? `heard ${via} say it` : 'said it aloud';
    default:
      return b.kind;
  }
}

/**
 * Lines of text for a person's school life, for `hailsham person`.
 * @example for (const line of schoolLines(s, names)) console.log(line)
 */
export function schoolLines(
  s: PersonSchool,
  names: Names,
  table: (head: string[], rows: (string | number)[][]) => string,
): string[] {
  const out: string[] = [];
  const t = s.traits;
  out.push('', 'School life');
  out.push(
    `Draws in the ${String(t.style)} style, favourite colour at ${String(t.hue)}°, mostly ${String(t.medium)}s; ` +
      `talent ${String(t.talent)}, originality ${String(t.originality)}; temper ${String(t.temper)}, confidence ${String(t.confidence)}, credulity ${String(t.credulity)}.`,
  );
  out.push(
    `${s.works.total} works (${Object.entries(s.works.byMedium)
      .map(([k, v]) => `${v} ${k}${v === 1 ? '' : 's'}`)
      .join(
        ', ',
      )}); ${s.chosen} taken for the Gallery; ${s.works.byFate.exchanged ?? 0} bought by others; ${s.tokens} tokens at the end.`,
  );
  if (s.works.notable.length > 0) {
    out.push('', 'Notable works (hailsham art <world> <id> --out work.png draws one)');
    out.push(
      table(
        ['work', 'made', 'age', 'medium', 'style', 'title', 'fate'],
        s.works.notable.map((x) => [
          `#${x.id}`,
          d(x.made),
          x.age,
          x.medium,
          x.medium === 'poem' ? '' : x.style,
          x.title,
          x.fate === 'exchanged' && x.owner !== null ? `bought by ${names.person(x.owner)}` : x.fate,
        ]),
      ),
    );
  }
  if (s.collection.length > 0) {
    out.push('', `Collection (${s.worksOwned} works bought at Exchanges, and these things)`);
    out.push(
      table(
        ['item', 'from', 'how', 'until', 'what became of it', 'thing'],
        s.collection.map((c) => [`#${c.item}`, d(c.from), c.how, d(c.until), c.out ?? 'kept', c.label]),
      ),
    );
  }
  if (s.friends.length > 0 || s.couples.length > 0 || s.cliques.length > 0) {
    out.push('', 'Relationships');
    if (s.friends.length > 0)
      out.push(
        table(
          ['with', 'friendship', 'romance', 'trust', 'as of'],
          s.friends.map((f) => [f.name, f.friendship, f.romance, f.trust, String(f.year)]),
        ),
      );
    for (const c of s.couples)
      out.push(
        `A couple with ${c.name} from ${d(c.formed)}${c.ended !== null ? ` to ${d(c.ended)} (${c.reason ?? ''})` : ''}`,
      );
    for (const c of s.cliques)
      out.push(
        c.leader === -1
          ? ''
          : `In ${c.leaderName}'s clique from ${d(c.joined)}${c.left !== null ? ` to ${d(c.left)}` : ''}`,
      );
  }
  if (s.beliefs.length > 0) {
    out.push('', 'Beliefs, with where each came from (hailsham rumour <world> <belief id> traces one)');
    out.push(
      table(
        ['belief', 'from', 'until', 'about', 'believed', 'true?', 'how', 'began with'],
        s.beliefs.map((b) => [
          `#${b.id}`,
          d(b.from),
          d(b.until),
          b.about,
          b.text,
          b.truth === null ? '?' : b.truth ? 'yes' : 'no',
          `${sourcePhrase(b)} (#${b.source})`,
          b.origin === b.source
            ? ''
            : `${b.originBy ?? '?'}'s ${b.originType?.replace(/_/g, ' ') ?? 'event'} #${b.origin}`,
        ]),
      ),
    );
  }
  return out;
}

/**
 * Prints a followed person's school life after their timeline (nothing for anyone else).
 * @example printPersonSchool(io.out, w, id, names, table)
 */
export function printPersonSchool(
  out: (text: string) => void,
  w: WorldDb,
  id: number,
  names: Names,
  table: (head: string[], rows: (string | number)[][]) => string,
): void {
  const s = personSchool(w, id);
  if (s) out(schoolLines(s, names, table).join('\n'));
}
