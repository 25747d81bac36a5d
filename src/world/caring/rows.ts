/**
 * The caring pool's rows: everything it keeps of a carer in one row of a shared buffer
 * (figures, career, route, the donors they hold and those donors' centres, and their places in
 * the pool's indexes), so one assignment touches a couple of cache lines rather than one per
 * field. Here are the layout, the buffer and a carer's figures; the pool's rules (carers.ts)
 * extend it.
 */
import { NONE } from '../../engine/recorder.js';

/**
 * A carer's row, in 4-byte words. Figures are float32 (KM…TALENT), the rest int32; the donors
 * held start at DONORS (up to maxDonors of them), and their centres follow as 16-bit numbers.
 * BY_BASE and BY_FRIEND each hold a [group, position] pair for one of the pool's indexes.
 */
export const R = {
  KM: 0,
  TRIPS: 1,
  LOAD_DAYS: 2,
  ROUTE_KM: 3,
  TALENT: 4,
  ROUTE_SINCE: 5,
  STOPS: 6,
  LOAD: 7,
  BASE: 8,
  CAREER_START: 9,
  CAREER_END: 10,
  DONORS_CARED: 11,
  COMPLETIONS: 12,
  BY_BASE: 13,
  BY_FRIEND: 15,
  DONORS: 17,
} as const;

/** CAREER_END of a carer who has not stopped. */
export const STILL_CARING = 0x7fff_ffff;

/** CAREER_START of someone who has never been a carer. */
const NOT_STARTED = -0x8000_0000;

export class CarerRows {
  /** Words (4 bytes) in a carer's row. */
  protected readonly stride: number;
  /** First word of the held donors' centres (16-bit numbers), after the donors themselves. */
  protected readonly centresAt: number;
  protected capacity: number;
  /** The rows, seen as integers, as floats and as 16-bit centre numbers. */
  protected ri: Int32Array;
  protected rf: Float32Array;
  protected ru: Uint16Array;

  /**
   * @param capacity people to make rows for at first (the rows grow as needed)
   * @param maxDonors the most donors a carer holds
   */
  constructor(capacity: number, maxDonors: number) {
    this.centresAt = R.DONORS + maxDonors;
    this.stride = this.centresAt + Math.ceil(maxDonors / 2);
    this.capacity = Math.max(16, capacity);
    const buffer = new ArrayBuffer(this.capacity * this.stride * 4);
    this.ri = new Int32Array(buffer);
    this.rf = new Float32Array(buffer);
    this.ru = new Uint16Array(buffer);
    for (let i = 0; i < this.capacity; i++) this.blank(this.ri, i);
  }

  /** Bytes of caring state per person (one row). */
  get bytesPerPerson(): number {
    return this.stride * 4;
  }

  // ---- a carer's figures -----------------------------------------------------------------

  /** True once the person has started a carer's career. */
  everCared(person: number): boolean {
    return person < this.capacity && this.ri[person * this.stride + R.CAREER_START] !== NOT_STARTED;
  }
  /** The recovery centre a carer is based at. */
  base(carer: number): number {
    return this.ri[carer * this.stride + R.BASE]!;
  }
  /** Road km driven (settled up to the last change of route). */
  km(carer: number): number {
    return this.rf[carer * this.stride + R.KM]!;
  }
  /** Journeys driven, each leg of a round counted once. */
  trips(carer: number): number {
    return this.rf[carer * this.stride + R.TRIPS]!;
  }
  /** Donor-days of care given. */
  loadDays(carer: number): number {
    return this.rf[carer * this.stride + R.LOAD_DAYS]!;
  }
  /** Donors taken on over the career. */
  donorsCared(carer: number): number {
    return this.ri[carer * this.stride + R.DONORS_CARED]!;
  }
  /** Donors who completed while in this carer's care. */
  completionsInCare(carer: number): number {
    return this.ri[carer * this.stride + R.COMPLETIONS]!;
  }
  /** Donors held now. */
  load(carer: number): number {
    return this.ri[carer * this.stride + R.LOAD]!;
  }
  /** The donors a carer holds now, in the order they were taken on. */
  donorsOf(carer: number): number[] {
    const o = carer * this.stride;
    return Array.from(this.ri.subarray(o + R.DONORS, o + R.DONORS + this.ri[o + R.LOAD]!));
  }

  /** The centres of the donors a carer holds, one per donor. */
  protected centresOf(carer: number): number[] {
    const c = (carer * this.stride + this.centresAt) * 2;
    return Array.from(this.ru.subarray(c, c + this.load(carer)));
  }

  /** Marks row `i` as someone who has never cared and is in none of the pool's indexes. */
  protected blank(ri: Int32Array, i: number): void {
    const o = i * this.stride;
    ri[o + R.CAREER_START] = NOT_STARTED;
    ri[o + R.BY_BASE] = NONE;
    ri[o + R.BY_FRIEND] = NONE;
  }

  /** Grows the rows to hold person `atLeast - 1`, keeping every carer's row. */
  protected growRows(atLeast: number): void {
    const capacity = Math.max(atLeast, this.capacity * 2);
    const buffer = new ArrayBuffer(capacity * this.stride * 4);
    const ri = new Int32Array(buffer);
    ri.set(this.ri);
    for (let i = this.capacity; i < capacity; i++) this.blank(ri, i);
    this.ri = ri;
    this.rf = new Float32Array(buffer);
    this.ru = new Uint16Array(buffer);
    this.capacity = capacity;
  }
}
