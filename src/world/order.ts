/**
 * One order for every wake-up of every module. The engine runs a day's wake-ups by
 * (priority, sequence): this table gives each kind its priority, so two kinds never meet on a
 * day in an order left to which was scheduled first. Where a module has several happenings of
 * one nature (an Exchange, a Sale, Madame's visit), they are one kind with a code, and keep the
 * order their own calendar gave them.
 *
 * The order reads as a day in the programme: schools close and open their cohorts, children
 * are born, leavers go, carers start, donors are given notice, donate and complete; then the
 * schools' calendars turn, carers' months are added up, the storyline's beats fall on a world
 * settled for the day, and school life runs last.
 */
import { MAX_PRIORITY } from '../engine/queue.js';
import type { Handler, Simulation } from '../engine/simulation.js';

/** Every kind of wake-up, with its priority on a day (lower first). */
export const WAKE_UPS = {
  'school-closes': 0,
  cohort: 1,
  birth: 2,
  'leave-school': 3,
  training: 4,
  'become-donor': 5,
  donation: 6,
  complete: 7,
  'school-calendar': 8,
  'carer-round': 9,
  beat: 10,
  'school-year': 11,
  'school-tick': 12,
  /** An Exchange, a Sale or Madame's visit to a school. */
  'school-happening': 13,
  /** A sighting of a possible at a residence, or the trip to look. */
  'residence-outing': 14,
  /** A thing lost, a guardian gone, Madame moved: what follows from a school's day. */
  'school-aftermath': 15,
} as const satisfies Record<string, number>;

/** The name of a kind of wake-up. */
export type WakeUpKind = keyof typeof WAKE_UPS;

/** The highest priority the engine's queue takes. */
export const LAST_PRIORITY = MAX_PRIORITY;

/** A registered kind of wake-up: schedule it with `at`. */
export class WakeUp {
  readonly priority: number;

  constructor(
    private readonly sim: Simulation,
    readonly name: WakeUpKind,
    readonly kind: number,
  ) {
    this.priority = WAKE_UPS[name];
  }

  /**
   * Wakes the handler on `day` with arguments (a, b), in the table's order for that day.
   * @example this.training.at(day, person)
   */
  at(day: number, a: number, b = 0): void {
    this.sim.schedule(day, this.priority, this.kind, a, b);
  }
}

/**
 * Registers a handler for a kind of wake-up in the table.
 * @example const birth = registerWakeUp(sim, 'birth', (day, school, index) => …)
 */
export function registerWakeUp(sim: Simulation, name: WakeUpKind, handler: Handler): WakeUp {
  return new WakeUp(sim, name, sim.register(name, handler));
}
