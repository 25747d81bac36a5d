/**
 * What the chronicle reads from a world database, cached, and tolerant of worlds that lack the
 * school module's tables (a lifecycle-only world has no beliefs, works or items): a missing
 * table reads as empty. Event types are named from the database's own `event_types` table, so
 * a world with types this build does not know (a storyline's beats) still reads.
 */
import type { EventRow, PersonRow, PlaceRow, WorldDb } from '../store/reader.js';

export type {
  BeliefRow,
  CarerRow,
  CoupleRow,
  HoldingRow,
  ItemRow,
  PropositionRow,
  RelationshipRow,
  StaffRow,
  WorkRow,
} from '../store/tables/index.js';
import type {
  BeliefRow,
  CarerRow,
  CoupleRow,
  HoldingRow,
  ItemRow,
  PropositionRow,
  RelationshipRow,
  StaffRow,
  WorkRow,
} from '../store/tables/index.js';

/** Parses an event's data column, or null. */
export function dataOf<T = Record<string, unknown>>(e: EventRow): T | null {
  if (e.data === null) return null;
  try {
    return JSON.parse(e.data) as T;
  } catch {
    return null;
  }
}

/** Read access to one world for the chronicle. */
export class Source {
  private readonly people = new Map<number, PersonRow | undefined>();
  private readonly placesById: Map<number, PlaceRow>;
  private readonly tables: Set<string>;
  private readonly typeNames: Map<number, string>;
  private readonly typeCodes: Map<string, number>;
  private readonly eventsCache = new Map<number, EventRow[]>();

  constructor(readonly world: WorldDb) {
    this.placesById = new Map(world.places().map((p) => [p.id, p]));
    this.tables = new Set(
      world
        .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        .map((r) => r.name),
    );
    const types = world.all<{ code: number; name: string }>('SELECT code, name FROM event_types');
    this.typeNames = new Map(types.map((t) => [t.code, t.name]));
    this.typeCodes = new Map(types.map((t) => [t.name, t.code]));
  }

  get seed(): number {
    return this.world.meta.seed;
  }

  has(table: string): boolean {
    return this.tables.has(table);
  }

  /** The name of an event type code, from the world's own table. */
  typeName(code: number): string {
    return this.typeNames.get(code) ?? `type-${code}`;
  }

  /** The code of an event type, or -1 when the world has no such type. */
  code(name: string): number {
    return this.typeCodes.get(name) ?? -1;
  }

  person(id: number): PersonRow | undefined {
    if (!this.people.has(id)) this.people.set(id, this.world.person(id));
    return this.people.get(id);
  }

  place(id: number | null | undefined): PlaceRow | undefined {
    return id === null || id === undefined ? undefined : this.placesById.get(id);
  }

  places(): PlaceRow[] {
    return [...this.placesById.values()];
  }

  event(id: number): EventRow | undefined {
    return this.world.event(id);
  }

  /** Every event a person takes part in, by id (which is the log's order). */
  eventsOf(person: number): EventRow[] {
    let rows = this.eventsCache.get(person);
    if (!rows) {
      rows = this.world.eventsOfPerson(person);
      this.eventsCache.set(person, rows);
    }
    return rows;
  }

  /** Events of given types at a place, in order. */
  eventsAt(place: number, types: readonly string[]): EventRow[] {
    const codes = types.map((t) => this.code(t)).filter((c) => c >= 0);
    if (codes.length === 0) return [];
    return this.world.all<EventRow>(
      `SELECT * FROM events WHERE place = ? AND type IN (${codes.join(',')}) ORDER BY id`,
      place,
    );
  }

  /** Events of given types, anywhere, in order (small types only: the caller knows). */
  eventsOfType(types: readonly string[]): EventRow[] {
    const codes = types.map((t) => this.code(t)).filter((c) => c >= 0);
    if (codes.length === 0) return [];
    return this.world.all<EventRow>(`SELECT * FROM events WHERE type IN (${codes.join(',')}) ORDER BY id`);
  }

  /** Events caused by an event (its consequences), in order. */
  causedBy(event: number): EventRow[] {
    return this.world.all<EventRow>('SELECT * FROM events WHERE cause = ? ORDER BY id', event);
  }

  /** A person's role code in a many-sided event, or undefined. */
  roleIn(event: number, person: number): number | undefined {
    return this.world.get<{ role: number }>(
      'SELECT role FROM event_people WHERE event = ? AND person = ? LIMIT 1',
      event,
      person,
    )?.role;
  }

  /** The people of a many-sided event, with their roles. */
  participants(event: number): { person: number; role: number }[] {
    return this.world.all<{ person: number; role: number }>(
      'SELECT person, role FROM event_people WHERE event = ? ORDER BY rowid',
      event,
    );
  }

  private rows<R>(table: string, sql: string, ...params: unknown[]): R[] {
    return this.has(table) ? this.world.all<R>(sql, ...params) : [];
  }

  beliefsOf(person: number): BeliefRow[] {
    return this.rows<BeliefRow>(
      'beliefs',
      'SELECT * FROM beliefs WHERE person = ? ORDER BY held_from, id',
      person,
    );
  }

  belief(id: number): BeliefRow | undefined {
    return this.rows<BeliefRow>('beliefs', 'SELECT * FROM beliefs WHERE id = ?', id)[0];
  }

  proposition(prop: string, version: string): PropositionRow | undefined {
    return this.rows<PropositionRow>(
      'propositions',
      'SELECT * FROM propositions WHERE proposition = ? AND version = ?',
      prop,
      version,
    )[0];
  }

  item(id: number): ItemRow | undefined {
    return this.rows<ItemRow>('items', 'SELECT * FROM items WHERE id = ?', id)[0];
  }

  holdingsOf(person: number): (HoldingRow & { label: string; kind: string })[] {
    if (!this.has('holdings') || !this.has('items')) return [];
    return this.world.all(
      'SELECT h.*, i.label, i.kind FROM holdings h JOIN items i ON i.id = h.item WHERE h.person = ? ORDER BY h.from_day, h.item',
      person,
    );
  }

  work(id: number): WorkRow | undefined {
    return this.rows<WorkRow>('works', 'SELECT * FROM works WHERE id = ?', id)[0];
  }

  worksOf(person: number): WorkRow[] {
    return this.rows<WorkRow>('works', 'SELECT * FROM works WHERE maker = ? ORDER BY id', person);
  }

  couplesOf(person: number): CoupleRow[] {
    return this.rows<CoupleRow>(
      'couples',
      'SELECT * FROM couples WHERE a = ? OR b = ? ORDER BY formed_on',
      person,
      person,
    );
  }

  relationshipsOf(person: number): RelationshipRow[] {
    return this.rows<RelationshipRow>(
      'relationships',
      'SELECT * FROM relationships WHERE person = ? OR other = ? ORDER BY year',
      person,
      person,
    );
  }

  carer(person: number): CarerRow | undefined {
    return this.rows<CarerRow>('carers', 'SELECT * FROM carers WHERE person = ?', person)[0];
  }

  staff(person: number): StaffRow | undefined {
    return this.rows<StaffRow>('staff', 'SELECT * FROM staff WHERE person = ?', person)[0];
  }

  staffOf(place: number): StaffRow[] {
    return this.rows<StaffRow>(
      'staff',
      'SELECT * FROM staff WHERE place = ? ORDER BY joined_on, person',
      place,
    );
  }

  /** How many clones were born into a school's cohort. */
  cohortSize(school: number, cohort: number): number {
    return (
      this.world.get<{ n: number }>(
        'SELECT count(*) AS n FROM people WHERE school = ? AND cohort = ?',
        school,
        cohort,
      )?.n ?? 0
    );
  }
}
