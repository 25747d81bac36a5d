/**
 * Named queries over a world database: the questions several front ends ask (the CLI, the
 * statistics, the presenters, the chronicle and the explorer), written once. Queries on the
 * tables school life adds read as empty in a world written without it, so callers need not
 * check first. Row types come from the table declarations in src/store/tables/.
 */
import type { WorldDb } from './reader.js';
import type {
  BeliefRow,
  CarerRow,
  CoupleRow,
  EventRow,
  HoldingRow,
  ItemRow,
  PersonRow,
  PropositionRow,
  RelationshipRow,
  StaffRow,
  StudentRow,
  WorkRow,
} from './tables/index.js';

const tablesOf = new WeakMap<WorldDb, Set<string>>();

/**
 * Whether the world has a table (or view) of this name; the school-life tables, for instance,
 * exist only in worlds written with the module.
 */
export function hasTable(w: WorldDb, name: string): boolean {
  let tables = tablesOf.get(w);
  if (!tables) {
    tables = new Set(
      w
        .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        .map((r) => r.name),
    );
    tablesOf.set(w, tables);
  }
  return tables.has(name);
}

/** A value the world keeps under a key of its `meta` table, or undefined when it keeps none. */
export function metaValue(w: WorldDb, key: string): string | undefined {
  return w.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', key)?.value;
}

// ---- events -----------------------------------------------------------------------------------

/** Events a person takes part in: as subject, as the other party, or as a participant. */
const TAKES_PART = '(person = ? OR other = ? OR id IN (SELECT event FROM event_people WHERE person = ?))';

/**
 * Every event a person is part of (as subject, other party or participant), in the log's order.
 * @example eventsOfPerson(w, 42).map((e) => e.type)
 */
export function eventsOfPerson(w: WorldDb, person: number): EventRow[] {
  // Three index lookups joined, rather than TAKES_PART, which would scan the log.
  return w.all<EventRow>(
    `SELECT * FROM events WHERE person = @id
     UNION SELECT * FROM events WHERE other = @id
     UNION SELECT e.* FROM events e JOIN event_people ep ON ep.event = e.id WHERE ep.person = @id
     ORDER BY id`,
    { id: person },
  );
}

/** What to select events by; every field narrows the selection. */
export interface EventFilter {
  types?: readonly number[];
  /** Events the person is part of, as in eventsOfPerson(). */
  person?: number;
  place?: number;
  /** First and last day, inclusive. */
  from?: number;
  to?: number;
}

/** A filter's first and last day as SQL conditions (on the `day` column) and their parameters. */
export function dayConditions(filter: Pick<EventFilter, 'from' | 'to'>): {
  where: string[];
  params: unknown[];
} {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.from !== undefined) {
    where.push('day >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('day <= ?');
    params.push(filter.to);
  }
  return { where, params };
}

/**
 * The SQL and parameters that select events by a filter, in the log's order, a page at a time
 * (no page: all of them).
 */
export function eventQuery(
  filter: EventFilter,
  page?: { limit: number; offset: number },
): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.types) {
    where.push(`type IN (${filter.types.map(() => '?').join(',')})`);
    params.push(...filter.types);
  }
  if (filter.person !== undefined) {
    where.push(TAKES_PART);
    params.push(filter.person, filter.person, filter.person);
  }
  if (filter.place !== undefined) {
    where.push('place = ?');
    params.push(filter.place);
  }
  const days = dayConditions(filter);
  where.push(...days.where);
  params.push(...days.params);
  let sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')} ` : ''}ORDER BY id`;
  if (page) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(page.limit, page.offset);
  }
  return { sql, params };
}

/** Every event of a type, in the log's order (for the rarer types: Exchanges, Gallery visits). */
export function eventsOfType(w: WorldDb, type: number): EventRow[] {
  return w.all<EventRow>('SELECT * FROM events WHERE type = ? ORDER BY id', type);
}

/** Every event of some types, in the log's order (for the rarer types: the caller knows). */
export function eventsOfTypes(w: WorldDb, types: readonly number[]): EventRow[] {
  if (types.length === 0) return [];
  return w.all<EventRow>(
    `SELECT * FROM events WHERE type IN (${types.map(() => '?').join(',')}) ORDER BY id`,
    ...types,
  );
}

/** Every event of some types at a place, in the log's order. */
export function eventsAt(w: WorldDb, place: number, types: readonly number[]): EventRow[] {
  if (types.length === 0) return [];
  return w.all<EventRow>(
    `SELECT * FROM events WHERE place = ? AND type IN (${types.map(() => '?').join(',')}) ORDER BY id`,
    place,
    ...types,
  );
}

/** The events of a type a person was the subject of, in the log's order. */
export function eventsOfSubject(w: WorldDb, person: number, type: number): EventRow[] {
  return w.all<EventRow>('SELECT * FROM events WHERE person = ? AND type = ? ORDER BY id', person, type);
}

/** How many events of a type the log holds. */
export function countEvents(w: WorldDb, type: number): number {
  return w.get<{ n: number }>('SELECT count(*) AS n FROM events WHERE type = ?', type)?.n ?? 0;
}

/** How many events of a type carry each value (completions by donation number, say), by value. */
export function countEventsByValue(w: WorldDb, type: number): { value: number; n: number }[] {
  return w.all<{ value: number; n: number }>(
    'SELECT value, count(*) AS n FROM events WHERE type = ? GROUP BY value ORDER BY value',
    type,
  );
}

/** How many events of a type each person was the subject of. */
export function countEventsByPerson(w: WorldDb, type: number): Map<number, number> {
  return new Map(
    w
      .all<{ p: number; n: number }>(
        'SELECT person AS p, count(*) AS n FROM events WHERE type = ? AND person IS NOT NULL GROUP BY person',
        type,
      )
      .map((r) => [r.p, r.n]),
  );
}

/** The events an event caused (its consequences), in order. */
export function eventsCausedBy(w: WorldDb, event: number): EventRow[] {
  return w.all<EventRow>('SELECT * FROM events WHERE cause = ? ORDER BY id', event);
}

/** The people of a many-sided event, with their role codes, in the order recorded. */
export function participants(w: WorldDb, event: number): { person: number; role: number }[] {
  return w.all<{ person: number; role: number }>(
    'SELECT person, role FROM event_people WHERE event = ? ORDER BY rowid',
    event,
  );
}

/** A person's role code in a many-sided event, or undefined when they took no part in it. */
export function roleIn(w: WorldDb, event: number, person: number): number | undefined {
  return w.get<{ role: number }>(
    'SELECT role FROM event_people WHERE event = ? AND person = ? LIMIT 1',
    event,
    person,
  )?.role;
}

/** The event types the world names (its own table, so a storyline's beats read too). */
export function eventTypesOf(w: WorldDb): { code: number; name: string }[] {
  return w.all<{ code: number; name: string }>('SELECT code, name FROM event_types ORDER BY code');
}

// ---- people -----------------------------------------------------------------------------------

/** How many people were born into a school's cohort. */
export function cohortSize(w: WorldDb, school: number, cohort: number): number {
  return (
    w.get<{ n: number }>('SELECT count(*) AS n FROM people WHERE school = ? AND cohort = ?', school, cohort)
      ?.n ?? 0
  );
}

/** Everyone whose stable key is this one (keys are 32-bit hashes, so rarely more than one), by id. */
export function peopleWithKey(w: WorldDb, key: number): PersonRow[] {
  return w.all<PersonRow>('SELECT * FROM people WHERE key = ? ORDER BY id', key);
}

// ---- school life ------------------------------------------------------------------------------

/** A followed student with the `people` columns the readers want beside their own. */
export type FollowedStudent = StudentRow & {
  name: string;
  born: number;
  /** Never null: everyone school life follows is a clone of some school's cohort. */
  cohort: number;
  completed_on: number | null;
};

/** Everyone school life followed (students and veterans), by id. */
export function followedStudents(w: WorldDb): FollowedStudent[] {
  if (!hasTable(w, 'students')) return [];
  return w.all<FollowedStudent>(
    `SELECT s.*, p.name, p.born, p.cohort, p.completed_on
     FROM students s JOIN people p ON p.id = s.person ORDER BY s.person`,
  );
}

/** A followed person's row of the students table, or undefined. */
export function student(w: WorldDb, person: number): StudentRow | undefined {
  if (!hasTable(w, 'students')) return undefined;
  return w.get<StudentRow>('SELECT * FROM students WHERE person = ?', person);
}

/** A work by id. */
export function work(w: WorldDb, id: number): WorkRow | undefined {
  if (!hasTable(w, 'works')) return undefined;
  return w.get<WorkRow>('SELECT * FROM works WHERE id = ?', id);
}

/** A person's works, in the order made. */
export function worksOf(w: WorldDb, maker: number): WorkRow[] {
  if (!hasTable(w, 'works')) return [];
  return w.all<WorkRow>('SELECT * FROM works WHERE maker = ? ORDER BY id', maker);
}

/** Every work Madame took for the Gallery, in the order made. */
export function galleryWorks(w: WorldDb): WorkRow[] {
  if (!hasTable(w, 'works')) return [];
  return w.all<WorkRow>("SELECT * FROM works WHERE fate = 'gallery' ORDER BY id");
}

/** A thing bought at a Sale (or a copy found later), by id. */
export function item(w: WorldDb, id: number): ItemRow | undefined {
  if (!hasTable(w, 'items')) return undefined;
  return w.get<ItemRow>('SELECT * FROM items WHERE id = ?', id);
}

/** What a person held and when, with each thing's label and kind, in the order they came. */
export function holdingsOf(w: WorldDb, person: number): (HoldingRow & { label: string; kind: string })[] {
  if (!hasTable(w, 'holdings') || !hasTable(w, 'items')) return [];
  return w.all(
    'SELECT h.*, i.label, i.kind FROM holdings h JOIN items i ON i.id = h.item WHERE h.person = ? ORDER BY h.from_day, h.item',
    person,
  );
}

/** The couples a person was part of, in the order formed. */
export function couplesOf(w: WorldDb, person: number): CoupleRow[] {
  if (!hasTable(w, 'couples')) return [];
  return w.all<CoupleRow>('SELECT * FROM couples WHERE a = ? OR b = ? ORDER BY formed_on', person, person);
}

/** The cliques a person belonged to, with each clique's leader, in the order joined. */
export function cliquesOf(
  w: WorldDb,
  person: number,
): { clique: number; leader: number; joined_on: number; left_on: number | null }[] {
  if (!hasTable(w, 'clique_members') || !hasTable(w, 'cliques')) return [];
  return w.all(
    'SELECT m.clique, c.leader, m.joined_on, m.left_on FROM clique_members m JOIN cliques c ON c.id = m.clique WHERE m.person = ? ORDER BY m.joined_on',
    person,
  );
}

/** Every year's feelings between a person and those they knew, either way round, by year. */
export function relationshipsOf(w: WorldDb, person: number): RelationshipRow[] {
  if (!hasTable(w, 'relationships')) return [];
  return w.all<RelationshipRow>(
    'SELECT * FROM relationships WHERE person = ? OR other = ? ORDER BY year',
    person,
    person,
  );
}

/** A member of staff's row, or undefined. */
export function staffMember(w: WorldDb, person: number): StaffRow | undefined {
  if (!hasTable(w, 'staff')) return undefined;
  return w.get<StaffRow>('SELECT * FROM staff WHERE person = ?', person);
}

/** A school's staff, in the order they joined. */
export function staffOf(w: WorldDb, place: number): StaffRow[] {
  if (!hasTable(w, 'staff')) return [];
  return w.all<StaffRow>('SELECT * FROM staff WHERE place = ? ORDER BY joined_on, person', place);
}

// ---- beliefs ----------------------------------------------------------------------------------

/** A belief with the wording of the version held and what the proposition is about. */
export type BeliefWithText = BeliefRow & { text: string; topic: string };

const BELIEF_WITH_TEXT = `SELECT b.*, p.text, p.about AS topic FROM beliefs b JOIN propositions p ON p.proposition = b.proposition AND p.version = b.version`;

/** A person's beliefs, in the order they came to hold them. */
export function beliefsOf(w: WorldDb, person: number): BeliefWithText[] {
  if (!hasTable(w, 'beliefs')) return [];
  return w.all<BeliefWithText>(`${BELIEF_WITH_TEXT} WHERE b.person = ? ORDER BY b.held_from, b.id`, person);
}

/** A belief by id. */
export function belief(w: WorldDb, id: number): BeliefWithText | undefined {
  if (!hasTable(w, 'beliefs')) return undefined;
  return w.get<BeliefWithText>(`${BELIEF_WITH_TEXT} WHERE b.id = ?`, id);
}

/** Every belief descended from one origin event (a rumour's spread), in the order formed. */
export function beliefsFromOrigin(w: WorldDb, origin: number): BeliefWithText[] {
  if (!hasTable(w, 'beliefs')) return [];
  return w.all<BeliefWithText>(`${BELIEF_WITH_TEXT} WHERE b.origin_event = ? ORDER BY b.id`, origin);
}

/** One version of a proposition, or undefined. */
export function proposition(w: WorldDb, id: string, version: string): PropositionRow | undefined {
  if (!hasTable(w, 'propositions')) return undefined;
  return w.get<PropositionRow>(
    'SELECT * FROM propositions WHERE proposition = ? AND version = ?',
    id,
    version,
  );
}

/** Every proposition's versions, with their wording and truth. */
export function propositions(w: WorldDb): PropositionRow[] {
  if (!hasTable(w, 'propositions')) return [];
  return w.all<PropositionRow>('SELECT * FROM propositions ORDER BY proposition, version');
}

// ---- caring -----------------------------------------------------------------------------------

/** A carer's figures at the end of the run, or undefined for someone who never cared. */
export function carer(w: WorldDb, person: number): CarerRow | undefined {
  if (!hasTable(w, 'carers')) return undefined;
  return w.get<CarerRow>('SELECT * FROM carers WHERE person = ?', person);
}
