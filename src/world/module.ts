/**
 * How a body of rules plugs into the world. The lifecycle (birth to completion) is the world's
 * own; richer rules (school life, the Cottages, deferrals, the canon's pinned beats) are
 * modules that receive the world's context, register their own wake-ups, keep their own side
 * tables for the people they follow in detail, and hear of lifecycle moments through hooks.
 * Hooks fire only for people of full-detail schools, so national-scale lives pay nothing.
 */
import type { EventRecorder } from '../engine/recorder.js';
import type { Simulation } from '../engine/simulation.js';
import type { Beat } from '../scenario/canon-schema.js';
import type { Scenario } from '../scenario/schema.js';
import type { SideTableName, SideTableTuple } from '../store/tables/index.js';
import type { People } from './people.js';
import type { Place } from './places.js';

export interface WorldContext {
  readonly seed: number;
  readonly scenario: Scenario;
  readonly people: People;
  readonly places: readonly Place[];
  readonly sim: Simulation;
  readonly rec: EventRecorder;
  /** First and last simulated days. */
  readonly start: number;
  readonly end: number;
  /** Records an event, makes it the person's latest, and returns its id. Pass -1 for none. */
  record(
    day: number,
    type: number,
    person: number,
    other: number,
    place: number,
    value: number,
    cause: number,
    data: string | null,
  ): number;
  /** Adds a participant (with a role code) to a many-sided event. */
  participant(eventId: number, person: number, role: number): void;
  /** True when the place is a full-detail school or the residence of one. */
  isDetailed(place: number): boolean;
  /** The person a storyline's cast id names, once they are in the world. */
  personOfCast(castId: string): number | undefined;
  /** Delays a donor's next donation by `days` (a granted deferral). */
  postponeDonations(person: number, days: number, cause: number): void;
}

/** A row of a table a module fills: its values in the column order src/store/tables declares. */
export type TableRow<N extends SideTableName> = SideTableTuple<N>;

/** Rows a module adds to the world database, by table name; the store owns each table's layout. */
export type ExtraTable = {
  [N in SideTableName]: { name: N; rows: Iterable<TableRow<N>> };
}[SideTableName];

export interface WorldModule {
  readonly name: string;
  /** Called once, after places and staff exist and before the first wake-up. */
  init?(ctx: WorldContext): void;
  onBorn?(person: number, day: number, eventId: number): void;
  /** After `became_resident`: the person has left school for a residence. */
  onLeftSchool?(person: number, day: number, eventId: number): void;
  /**
   * Whether the module follows this person in detail. Asked of a leaver of a lifecycle school
   * who arrived at a detailed residence, after `onLeftSchool`: if no module keeps them, the
   * rest of their life's hooks are not called.
   */
  keeps?(person: number): boolean;
  /** After `left_for_training`, or `became_donor` straight from a residence. */
  onLeftResidence?(person: number, day: number, eventId: number): void;
  onBecameDonor?(person: number, day: number, eventId: number): void;
  onDonated?(person: number, day: number, eventId: number, donation: number): void;
  onCompleted?(person: number, day: number, eventId: number): void;
  /**
   * A storyline beat was recorded (`canon_beat`, id `eventId`); `people` are the cast it names,
   * as person ids. A module makes the beat's consequences for its own state and records them
   * as events caused by it (a couple formed, a belief learned, a thing lost).
   */
  onBeat?(beat: Beat, people: number[], day: number, eventId: number): void;
  /** Tables for the world database, asked for once at the end of the run. */
  tables?(): ExtraTable[];
  /** Figures to add to the run's summary. */
  summary?(): Record<string, unknown>;
}

/** Makes a module for a world; the standard list is in src/world/modules.ts. */
export type ModuleFactory = (ctx: WorldContext) => WorldModule;
