/**
 * The world: a small kernel that holds people, places, the calendar and queue, the recorder
 * and the seeded streams, and runs the rule modules (src/world/modules.ts) over them. Every
 * rule of the programme is a module: the lifecycle, caring, school life and the Cottages,
 * deferrals, the storyline. Modules record what happens through `record()` (which also makes
 * the event the person's latest, so the people store is always the fold of the log) and
 * schedule what comes next through wake-ups ordered by one table (src/world/order.ts).
 * Nothing here knows of files, databases or terminals.
 */
import { parseIsoDate } from '../engine/calendar.js';
import { EventRecorder, NONE, type EventSink } from '../engine/recorder.js';
import type { Handler } from '../engine/simulation.js';
import { Simulation } from '../engine/simulation.js';
import type { Scenario } from '../scenario/schema.js';
import type { ExtraTable, ModuleFactory, WorldContext, WorldModule } from './module.js';
import { FIRST_MODULES, LAST_MODULES, STANDARD_MODULES } from './modules.js';
import { registerWakeUp, type WakeUp, type WakeUpKind } from './order.js';
import { People } from './people.js';
import { buildPlaces, expectedLives, schoolsOf, type Place } from './places.js';
import { Streams } from './streams.js';
import { summarise, type WorldSummary } from './summary.js';

export type { WorldSummary } from './summary.js';

export interface WorldOptions {
  seed: number;
  sink?: EventSink | null;
  /** Keep a running hash of the log (on by default). */
  hashing?: boolean;
  batchSize?: number;
  /**
   * Rule modules to run instead of the standard ones (tests). The lifecycle, caring and the
   * storyline always run.
   */
  modules?: readonly ModuleFactory[];
}

export class World implements WorldContext {
  /** The run's seed: kept for the record (and the art renderer); rules draw through `streams`. */
  readonly seed: number;
  readonly scenario: Scenario;
  readonly streams: Streams;
  readonly sim: Simulation;
  readonly rec: EventRecorder;
  readonly people: People;
  readonly places: Place[];
  readonly start: number;
  readonly end: number;
  readonly modules: WorldModule[] = [];
  /** 1 for a full-detail school and its residence, by place id. */
  private readonly detailed: Uint8Array;

  constructor(scenario: Scenario, options: WorldOptions) {
    this.seed = options.seed >>> 0;
    this.scenario = scenario;
    this.streams = new Streams(this.seed);
    this.start = parseIsoDate(scenario.calendar.start)!;
    this.end = parseIsoDate(scenario.calendar.end)!;
    this.places = buildPlaces(scenario);
    this.detailed = new Uint8Array(this.places.length);
    for (const s of schoolsOf(this.places)) {
      if (s.detail !== 'full') continue;
      this.detailed[s.id] = 1;
      if (s.residence !== null) this.detailed[s.residence] = 1;
    }
    const expected = expectedLives(this.places, this.start, this.end);
    this.people = new People(Math.ceil(expected * 1.05) + 64);
    this.sim = new Simulation(Math.min(Math.ceil(expected * 0.8) + 1024, 4_000_000));
    this.rec = new EventRecorder(options.sink ?? null, options.batchSize ?? 65_536, options.hashing ?? true);
    const factories = [...FIRST_MODULES, ...(options.modules ?? STANDARD_MODULES), ...LAST_MODULES];
    for (const make of factories) this.modules.push(make(this));
    for (const m of this.modules) m.init?.(this);
  }

  /** Runs the world to its last day and returns its summary. */
  run(onProgress?: (fraction: number, day: number) => void): WorldSummary {
    this.runEvents(onProgress);
    return this.summary();
  }

  /**
   * Runs the world to its last day, without waiting for the log's digest: a sink that keeps it
   * on another thread may still be hashing the last batches, and `summary()` waits for it.
   */
  runEvents(onProgress?: (fraction: number, day: number) => void): void {
    const span = Math.max(1, this.end - this.start);
    this.sim.run(this.end, onProgress ? (p) => onProgress((p.day - this.start) / span, p.day) : undefined);
    for (const m of this.modules) m.finish?.();
    this.rec.end();
  }

  wakeUp(kind: WakeUpKind, handler: Handler): WakeUp {
    return registerWakeUp(this.sim, kind, handler);
  }

  /**
   * Records an event and makes it the person's latest; returns its id. A payload of one
   * number may come as a shape and its argument (see `EventRecorder.emit`).
   */
  record(
    day: number,
    type: number,
    person: number,
    other: number,
    place: number,
    value: number,
    cause: number,
    data: string | null,
    shape = 0,
    arg = 0,
  ): number {
    const id = this.rec.emit(day, type, person, other, place, value, cause, data, shape, arg);
    if (person !== NONE) this.people.setLastEvent(person, id);
    return id;
  }

  /** Adds a participant with a role to a many-sided event. */
  participant(eventId: number, person: number, role: number): void {
    this.rec.participant(eventId, person, role);
  }

  /** True for a full-detail school and its residence. */
  isDetailed(place: number): boolean {
    return this.detailed[place] === 1;
  }

  /** The most donations the policy allows. */
  get maxDonations(): number {
    return this.scenario.policy.donation.completionRisk.length;
  }

  /** About how many clones the scenario will create (for sizing arrays). */
  expectedLives(): number {
    return expectedLives(this.places, this.start, this.end);
  }

  /** Name of a person. */
  name(id: number): string {
    return this.people.name(id);
  }

  /**
   * Bytes of simulation state: every per-person row (the people store and what modules keep
   * for everyone, such as the caring pool) for each person, plus the event queue.
   */
  stateBytes(): number {
    let perPerson = People.bytesPerRow;
    for (const m of this.modules) perPerson += m.bytesPerPerson?.() ?? 0;
    return this.people.count * perPerson + this.sim.queue.bytes;
  }

  /** Tables the modules add to the world database. */
  extraTables(): ExtraTable[] {
    return this.modules.flatMap((m) => m.tables?.() ?? []);
  }

  /** The figures printed at the end of a run and stored with it. */
  summary(): WorldSummary {
    return summarise(this, this.rec.digest());
  }
}
