/**
 * How a body of rules plugs into the world. The world itself (src/world/world.ts) is a small
 * kernel: people, places, the calendar and queue, the recorder, and the seeded streams. Every
 * rule is a module: the lifecycle (birth to completion), caring, school life and the Cottages,
 * deferrals, the storyline. A module receives the world's context, registers its own wake-ups
 * (each with its place in the one order of src/world/order.ts), keeps its own side tables, and
 * hears of lifecycle moments through hooks. Hooks fire only for people followed in detail
 * (those of full-detail schools), so national-scale lives pay nothing for them.
 */
import type { EventRecorder } from '../engine/recorder.js';
import type { Handler, Simulation } from '../engine/simulation.js';
import type { Beat } from '../scenario/canon-schema.js';
import type { Scenario } from '../scenario/schema.js';
import type { SideTableName, SideTableTuple } from '../store/tables/index.js';
import type { LifeCourse } from './lifecycle/course.js';
import type { WakeUp, WakeUpKind } from './order.js';
import type { People } from './people.js';
import type { Place } from './places.js';
import type { Streams } from './streams.js';

/** What a module may see and do of the world. */
export interface WorldContext {
  readonly scenario: Scenario;
  readonly people: People;
  readonly places: readonly Place[];
  readonly sim: Simulation;
  readonly rec: EventRecorder;
  /** The seeded draws, by purpose and key. */
  readonly streams: Streams;
  /** First and last simulated days. */
  readonly start: number;
  readonly end: number;
  /** Every module of the world, in the order their hooks fire. */
  readonly modules: readonly WorldModule[];
  /**
   * Registers the handler of a kind of wake-up; its priority on a day comes from the one
   * order table (src/world/order.ts).
   */
  wakeUp(kind: WakeUpKind, handler: Handler): WakeUp;
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
    shape?: number,
    arg?: number,
  ): number;
  /** Adds a participant (with a role code) to a many-sided event. */
  participant(eventId: number, person: number, role: number): void;
  /** True when the place is a full-detail school or the residence of one. */
  isDetailed(place: number): boolean;
}

/** A row of a table a module fills: its values in the column order src/store/tables declares. */
export type TableRow<N extends SideTableName> = SideTableTuple<N>;

/**
 * A table's values as columns of numbers, in the order src/store/tables declares its columns:
 * one Float64Array each (NaN for NULL), `count` rows. A module with many rows of numbers hands
 * them over so, which costs no array a row.
 */
export interface NumericColumns {
  count: number;
  columns: readonly Float64Array[];
}

/** Rows a module adds to the world database, by table name; the store owns each table's layout. */
export type ExtraTable = {
  [N in SideTableName]: { name: N; rows: Iterable<TableRow<N>> } | { name: N; columns: NumericColumns };
}[SideTableName];

export interface WorldModule {
  readonly name: string;
  /**
   * Called once, in the modules' order, before the first wake-up. The lifecycle's comes
   * first: it opens the schools and hires their staff.
   */
  init?(ctx: WorldContext): void;
  /**
   * Steers the lifecycle's decisions: given the course as it stands (the drawn one, or one
   * another module already steered), returns the course to follow. The storyline uses it to
   * put its cast where the story needs them; the lifecycle asks each module once, at init.
   */
  steerLife?(course: LifeCourse): LifeCourse;
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
  /** After the last day, before the log is closed: checks of what the run must have done. */
  finish?(): void;
  /** Bytes of state the module keeps for every person in the world (for `stateBytes`). */
  bytesPerPerson?(): number;
  /** Tables for the world database, asked for once at the end of the run. */
  tables?(): ExtraTable[];
  /** Figures to add to the run's summary. */
  summary?(): Record<string, unknown>;
}

/** Makes a module for a world; the standard list is in src/world/modules.ts. */
export type ModuleFactory = (ctx: WorldContext) => WorldModule;

/**
 * A typed way for modules to find one another: `const caringOf = moduleFinder<CaringModule>()`,
 * filled by the module's constructor with `caringOf.set(ctx, this)`.
 */
export function moduleFinder<M>(): {
  (ctx: WorldContext): M | undefined;
  set(ctx: WorldContext, module: M): void;
} {
  const found = new WeakMap<WorldContext, M>();
  const get = (ctx: WorldContext): M | undefined => found.get(ctx);
  get.set = (ctx: WorldContext, module: M): void => void found.set(ctx, module);
  return get;
}
