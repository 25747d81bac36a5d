/**
 * Caring as a world module: the pool of carers and the donors they hold (carers.ts), wired to
 * the world. The lifecycle tells it when a carer starts and stops and when a donor needs a
 * carer or is gone; it records each assignment (`carer_assigned`), adds up a detailed carer's
 * month of driving as one `carer_round` event, and writes the `carers` table at the end.
 */
import { dayFromYmd, ymdFromDay } from '../../engine/calendar.js';
import { NONE } from '../../engine/recorder.js';
import { EVENT_CODES } from '../event-types.js';
import {
  moduleFinder,
  type ExtraTable,
  type ModuleFactory,
  type WorldContext,
  type WorldModule,
} from '../module.js';
import type { WakeUp } from '../order.js';
import { KIND_CLONE, PHASE_CARER } from '../phases.js';
import { Caring } from './carers.js';

/**
 * The caring module of a world.
 * @example caringOf(ctx)!.pool.careFor(donor, day)
 */
export const caringOf = moduleFinder<CaringModule>();

export class CaringModule implements WorldModule {
  readonly name = 'caring';
  /** The carers and the donors they hold. */
  readonly pool: Caring;
  private readonly round: WakeUp;
  /** Payload shape `{"previous":carer}`. */
  private readonly PREVIOUS: number;
  /** Km on a detailed carer's clock at their last monthly round. */
  private readonly kmAtLastRound = new Map<number, number>();
  /** Trips on a detailed carer's clock at their last monthly round. */
  private readonly tripsAtLastRound = new Map<number, number>();

  constructor(private readonly ctx: WorldContext) {
    this.PREVIOUS = ctx.rec.defineShape('{"previous":', '}');
    const centres = ctx.places.filter((p) => p.kind === 'recovery-centre');
    const host = {
      streams: ctx.streams,
      scenario: ctx.scenario,
      people: ctx.people,
      places: ctx.places,
      recordAssignment: this.recordAssignment.bind(this),
    };
    this.pool = new Caring(host, ctx.people.rows, centres);
    this.round = ctx.wakeUp('carer-round', (day, carer) => this.onCarerRound(day, carer));
    caringOf.set(ctx, this);
  }

  /** A carer starts on `day`, based at `base`; waiting donors are served; detailed carers drive rounds. */
  startCaring(carer: number, base: number, day: number): void {
    this.pool.start(carer, base, day);
    this.pool.serveWaiting(day);
    if (this.ctx.isDetailed(this.ctx.people.school(carer))) {
      this.kmAtLastRound.set(carer, 0);
      this.tripsAtLastRound.set(carer, 0);
      this.scheduleRound(carer, day);
    }
  }

  /** A carer stops (given notice, event `cause`): their last month is added up, their donors handed on. */
  stopCaring(carer: number, day: number, cause: number): void {
    if (this.kmAtLastRound.has(carer)) this.onCarerRound(day, carer);
    this.pool.stop(carer, day, cause);
  }

  bytesPerPerson(): number {
    return this.pool.bytesPerPerson;
  }

  private scheduleRound(carer: number, day: number): void {
    const [y, m] = ymdFromDay(day);
    const next = m === 12 ? dayFromYmd(y + 1, 1, 1) : dayFromYmd(y, m + 1, 1);
    if (next <= this.ctx.end) this.round.at(next, carer);
  }

  /** A month of a detailed carer's driving, recorded as one event with the legs of a round. */
  private onCarerRound(day: number, carer: number): void {
    const caring = this.pool;
    if (!this.kmAtLastRound.has(carer)) return;
    caring.settle(carer, day);
    const km = caring.km(carer) - (this.kmAtLastRound.get(carer) ?? 0);
    const trips = Math.round(caring.trips(carer) - (this.tripsAtLastRound.get(carer) ?? 0));
    this.kmAtLastRound.set(carer, caring.km(carer));
    this.tripsAtLastRound.set(carer, caring.trips(carer));
    if (km > 0.05 && trips > 0) {
      const donors = caring.donorsOf(carer).sort((a, b) => a - b);
      // The legs of the round as it stands at the month's end (none if every donor has gone).
      const legs = caring.legs(carer).map(([a, b, k]) => [a, b, Math.round(k * 10) / 10] as const);
      const perRound = legs.reduce((t, l) => t + l[2], 0);
      const rounds = perRound > 0 ? Math.round((km / perRound) * 10) / 10 : 0;
      const data = JSON.stringify({ rounds, trips, legs, donors });
      this.ctx.rec.emit(
        day,
        EVENT_CODES.carer_round,
        carer,
        NONE,
        caring.base(carer),
        Math.round(km * 10) / 10,
        NONE,
        data,
      );
    }
    if (this.ctx.people.phase(carer) === PHASE_CARER) this.scheduleRound(carer, day);
    else {
      this.kmAtLastRound.delete(carer);
      this.tripsAtLastRound.delete(carer);
    }
  }

  /** Records a carer taking on a donor (the pool's callback). */
  private recordAssignment(
    day: number,
    donor: number,
    carer: number,
    cause: number,
    previous: number,
    chosen: boolean,
  ): number {
    const value = chosen ? 1 : NONE;
    const centre = this.ctx.people.centre(donor);
    const shape = previous === NONE ? 0 : this.PREVIOUS;
    return this.ctx.rec.emit(
      day,
      EVENT_CODES.carer_assigned,
      donor,
      carer,
      centre,
      value,
      cause,
      null,
      shape,
      previous,
    );
  }

  tables(): ExtraTable[] {
    return [this.carersTable()];
  }

  /**
   * Every carer's figures: rounds, kilometres, donors, and their record at the end, as columns
   * in the order src/store/tables/caring.ts declares them.
   */
  private carersTable(): ExtraTable {
    const p = this.ctx.people;
    const c = this.pool;
    const end = this.ctx.end;
    const columns = Array.from({ length: 9 }, () => new Float64Array(p.count));
    const [person, base, km, trips, donors, completions, donorDays, record, still] = columns as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    let n = 0;
    for (let i = 0; i < p.count; i++) {
      if (p.kind(i) !== KIND_CLONE || !c.everCared(i)) continue;
      const stillCaring = p.phase(i) === PHASE_CARER;
      if (stillCaring) c.settle(i, end);
      person[n] = i;
      base[n] = c.base(i);
      km[n] = Math.round(c.km(i) * 10) / 10;
      trips[n] = Math.round(c.trips(i));
      donors[n] = c.donorsCared(i);
      completions[n] = c.completionsInCare(i);
      donorDays[n] = Math.round(c.loadDays(i));
      record[n] = Math.round(c.record(i, end) * 1000) / 1000;
      still[n] = stillCaring ? 1 : 0;
      n++;
    }
    return { name: 'carers', columns: { count: n, columns: columns.map((col) => col.subarray(0, n)) } };
  }
}

/** The module factory for src/world/modules.ts. */
export const caring: ModuleFactory = (ctx) => new CaringModule(ctx);
