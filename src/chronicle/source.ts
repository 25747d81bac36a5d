/**
 * What the chronicle reads from a world database, cached, and tolerant of worlds that lack the
 * school module's tables (a lifecycle-only world has no beliefs, works or items): a missing
 * table reads as empty. Event types are named from the database's own `event_types` table, so
 * a world with types this build does not know (a storyline's beats) still reads.
 */
import * as q from '../store/queries.js';
import type { EventRow, PersonRow, PlaceRow, WorldDb } from '../store/reader.js';

// The row types too, so the chronicle's modules read them from the one place they read rows.
export type * from '../store/tables/index.js';
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
  private readonly typeNames: Map<number, string>;
  private readonly typeCodes: Map<string, number>;
  private readonly eventsCache = new Map<number, EventRow[]>();

  constructor(readonly world: WorldDb) {
    this.placesById = new Map(world.places().map((p) => [p.id, p]));
    const types = q.eventTypesOf(world);
    this.typeNames = new Map(types.map((t) => [t.code, t.name]));
    this.typeCodes = new Map(types.map((t) => [t.name, t.code]));
  }

  get seed(): number {
    return this.world.meta.seed;
  }

  has(table: string): boolean {
    return q.hasTable(this.world, table);
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
    return q.eventsAt(
      this.world,
      place,
      types.map((t) => this.code(t)).filter((c) => c >= 0),
    );
  }

  /** Events of given types, anywhere, in order (small types only: the caller knows). */
  eventsOfType(types: readonly string[]): EventRow[] {
    return q.eventsOfTypes(
      this.world,
      types.map((t) => this.code(t)).filter((c) => c >= 0),
    );
  }

  /** Events caused by an event (its consequences), in order. */
  causedBy(event: number): EventRow[] {
    return q.eventsCausedBy(this.world, event);
  }

  /** A person's role code in a many-sided event, or undefined. */
  roleIn(event: number, person: number): number | undefined {
    return q.roleIn(this.world, event, person);
  }

  /** The people of a many-sided event, with their roles. */
  participants(event: number): { person: number; role: number }[] {
    return q.participants(this.world, event);
  }

  beliefsOf(person: number): BeliefRow[] {
    return q.beliefsOf(this.world, person);
  }

  belief(id: number): BeliefRow | undefined {
    return q.belief(this.world, id);
  }

  proposition(prop: string, version: string): PropositionRow | undefined {
    return q.proposition(this.world, prop, version);
  }

  item(id: number): ItemRow | undefined {
    return q.item(this.world, id);
  }

  holdingsOf(person: number): (HoldingRow & { label: string; kind: string })[] {
    return q.holdingsOf(this.world, person);
  }

  work(id: number): WorkRow | undefined {
    return q.work(this.world, id);
  }

  worksOf(person: number): WorkRow[] {
    return q.worksOf(this.world, person);
  }

  couplesOf(person: number): CoupleRow[] {
    return q.couplesOf(this.world, person);
  }

  relationshipsOf(person: number): RelationshipRow[] {
    return q.relationshipsOf(this.world, person);
  }

  carer(person: number): CarerRow | undefined {
    return q.carer(this.world, person);
  }

  staff(person: number): StaffRow | undefined {
    return q.staffMember(this.world, person);
  }

  staffOf(place: number): StaffRow[] {
    return q.staffOf(this.world, place);
  }

  /** How many clones were born into a school's cohort. */
  cohortSize(school: number, cohort: number): number {
    return q.cohortSize(this.world, school, cohort);
  }
}
