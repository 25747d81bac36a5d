/**
 * The people store: every person in the world as one 48-byte row of a shared buffer, read
 * and written through small methods. A person's id is their row. The rules read several
 * fields of one person at a time, long after they last touched them, so keeping a person's
 * fields side by side (rather than one array per field) makes that one cache miss rather
 * than one a field: at national scale the simulation is bound by memory, not arithmetic.
 * Richer state kept only for people at full-detail schools lives in side tables owned by the
 * modules that need it.
 */
import { NONE } from '../engine/recorder.js';
import { cloneName, guardianName } from './names.js';
import { KIND_CLONE, KIND_GUARDIAN, PHASE_NONE } from './phases.js';

/** Bytes in a row. */
const ROW = 48;
/** Row layout: byte offsets of the fields, by width. */
const I32 = { key: 0, carer: 4, lastEvent: 8, born: 12, phaseDay: 16, due: 20 } as const;
const U16 = { school: 24, place: 26, centre: 28, cohort: 30, given: 32 } as const;
const U8 = { kind: 34, sex: 35, phase: 36, donations: 37, initial: 38, followed: 39 } as const;
/** A donor's copy of what their carer's record is made of (see Caring.careFor). */
const CARE = { start: 40, talent: 44 } as const;

export class People {
  count = 0;
  private capacity: number;
  private i32: Int32Array;
  private u32: Uint32Array;
  private u16: Uint16Array;
  private u8: Uint8Array;
  private f32: Float32Array;
  /** Names that do not follow the generated pattern (the canon's cast, Madame). */
  readonly namedAs = new Map<number, string>();

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    const buffer = new ArrayBuffer(this.capacity * ROW);
    this.i32 = new Int32Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.u16 = new Uint16Array(buffer);
    this.u8 = new Uint8Array(buffer);
    this.f32 = new Float32Array(buffer);
  }

  /** Rows the store can hold before it grows. */
  get rows(): number {
    return this.capacity;
  }

  /** Bytes per person row. */
  static readonly bytesPerRow = ROW;

  /**
   * Adds a person and returns their id.
   * @example const id = people.add(KIND_CLONE, SEX_FEMALE, key, school, born)
   */
  add(kind: number, sex: number, key: number, school: number, born: number): number {
    if (this.count === this.capacity) this.grow();
    const id = this.count++;
    const w = id * (ROW / 4);
    this.u32[w + I32.key / 4] = key;
    this.i32[w + I32.carer / 4] = NONE;
    this.i32[w + I32.lastEvent / 4] = NONE;
    this.i32[w + I32.born / 4] = born;
    this.i32[w + I32.phaseDay / 4] = born;
    this.i32[w + I32.due / 4] = NONE;
    this.setSchool(id, school);
    this.setPlace(id, school);
    this.u8[id * ROW + U8.kind] = kind;
    this.u8[id * ROW + U8.sex] = sex;
    this.u8[id * ROW + U8.phase] = PHASE_NONE;
    return id;
  }

  // ---- 32-bit fields ---------------------------------------------------------------------

  /** The stable key every random draw about this person is made with. */
  key(id: number): number {
    return this.u32[id * (ROW / 4) + I32.key / 4]!;
  }
  /** A donor's carer, or NONE. */
  carer(id: number): number {
    return this.i32[id * (ROW / 4) + I32.carer / 4]!;
  }
  setCarer(id: number, carer: number): void {
    this.i32[id * (ROW / 4) + I32.carer / 4] = carer;
  }
  /** Id of the last event of this person's life, the cause of the next. */
  lastEvent(id: number): number {
    return this.i32[id * (ROW / 4) + I32.lastEvent / 4]!;
  }
  setLastEvent(id: number, event: number): void {
    this.i32[id * (ROW / 4) + I32.lastEvent / 4] = event;
  }
  /** Day of birth (for staff, a day standing for their age). */
  born(id: number): number {
    return this.i32[id * (ROW / 4) + I32.born / 4]!;
  }
  /** Day the present phase began. */
  phaseDay(id: number): number {
    return this.i32[id * (ROW / 4) + I32.phaseDay / 4]!;
  }
  setPhaseDay(id: number, day: number): void {
    this.i32[id * (ROW / 4) + I32.phaseDay / 4] = day;
  }
  /** Day a donor's next donation is due, or NONE (the world's schedule; not written out). */
  due(id: number): number {
    return this.i32[id * (ROW / 4) + I32.due / 4]!;
  }
  setDue(id: number, day: number): void {
    this.i32[id * (ROW / 4) + I32.due / 4] = day;
  }

  /** The day a donor's present carer began caring (kept with the donor; see Caring.careFor). */
  carerSince(id: number): number {
    return this.i32[id * (ROW / 4) + CARE.start / 4]!;
  }
  /** The talent of a donor's present carer (kept with the donor; see Caring.careFor). */
  carerTalent(id: number): number {
    return this.f32[id * (ROW / 4) + CARE.talent / 4]!;
  }
  setCarerBasis(id: number, since: number, talent: number): void {
    this.i32[id * (ROW / 4) + CARE.start / 4] = since;
    this.f32[id * (ROW / 4) + CARE.talent / 4] = talent;
  }

  // ---- 16-bit fields ---------------------------------------------------------------------

  /** The school (place id) a person was raised at, or works at. */
  school(id: number): number {
    return this.u16[id * (ROW / 2) + U16.school / 2]!;
  }
  setSchool(id: number, place: number): void {
    this.u16[id * (ROW / 2) + U16.school / 2] = place;
  }
  /** Where a person is now (place id). */
  place(id: number): number {
    return this.u16[id * (ROW / 2) + U16.place / 2]!;
  }
  setPlace(id: number, place: number): void {
    this.u16[id * (ROW / 2) + U16.place / 2] = place;
  }
  /** A donor's recovery centre (place id); 0 until they have one. */
  centre(id: number): number {
    return this.u16[id * (ROW / 2) + U16.centre / 2]!;
  }
  setCentre(id: number, place: number): void {
    this.u16[id * (ROW / 2) + U16.centre / 2] = place;
  }
  /** A clone's cohort (year of birth); 0 for others. */
  cohort(id: number): number {
    return this.u16[id * (ROW / 2) + U16.cohort / 2]!;
  }
  setCohort(id: number, year: number): void {
    this.u16[id * (ROW / 2) + U16.cohort / 2] = year;
  }
  /** Index of the given name (or for staff, the surname) in the name lists. */
  given(id: number): number {
    return this.u16[id * (ROW / 2) + U16.given / 2]!;
  }
  setGiven(id: number, index: number): void {
    this.u16[id * (ROW / 2) + U16.given / 2] = index;
  }

  // ---- 8-bit fields ----------------------------------------------------------------------

  /** KIND_CLONE, KIND_GUARDIAN or KIND_MADAME. */
  kind(id: number): number {
    return this.u8[id * ROW + U8.kind]!;
  }
  /** SEX_FEMALE or SEX_MALE. */
  sex(id: number): number {
    return this.u8[id * ROW + U8.sex]!;
  }
  setSex(id: number, sex: number): void {
    this.u8[id * ROW + U8.sex] = sex;
  }
  /** The phase of life (PHASE_*). */
  phase(id: number): number {
    return this.u8[id * ROW + U8.phase]!;
  }
  setPhase(id: number, phase: number): void {
    this.u8[id * ROW + U8.phase] = phase;
  }
  /** Donations given so far. */
  donations(id: number): number {
    return this.u8[id * ROW + U8.donations]!;
  }
  setDonations(id: number, n: number): void {
    this.u8[id * ROW + U8.donations] = n;
  }
  /** Index of the surname initial. */
  initial(id: number): number {
    return this.u8[id * ROW + U8.initial]!;
  }
  setInitial(id: number, index: number): void {
    this.u8[id * ROW + U8.initial] = index;
  }
  /** True when the world's modules follow this person in detail. */
  followed(id: number): boolean {
    return this.u8[id * ROW + U8.followed] === 1;
  }
  setFollowed(id: number, followed = true): void {
    this.u8[id * ROW + U8.followed] = followed ? 1 : 0;
  }

  /**
   * A number that stands for the person's name wherever the name is made from the name lists
   * (people with the same number have the same name), or -1 for a name of its own: a writer
   * makes each such name once instead of once a person.
   */
  nameKey(id: number): number {
    if (this.namedAs.has(id)) return -1;
    const kind = this.kind(id);
    if (kind === KIND_CLONE) return ((this.given(id) * 256 + this.initial(id)) * 2 + this.sex(id)) * 2;
    if (kind === KIND_GUARDIAN) return (this.given(id) * 2 + this.sex(id)) * 2 + 1;
    return -1;
  }

  /** The name a person is known by. */
  name(id: number): string {
    const named = this.namedAs.get(id);
    if (named !== undefined) return named;
    const kind = this.kind(id);
    if (kind === KIND_CLONE) return cloneName(this.sex(id), this.given(id), this.initial(id));
    if (kind === KIND_GUARDIAN) return guardianName(this.sex(id), this.given(id));
    return `person ${id}`;
  }

  private grow(): void {
    const next = this.capacity * 2;
    const buffer = new ArrayBuffer(next * ROW);
    new Uint8Array(buffer).set(this.u8);
    this.i32 = new Int32Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.u16 = new Uint16Array(buffer);
    this.u8 = new Uint8Array(buffer);
    this.f32 = new Float32Array(buffer);
    this.capacity = next;
  }
}
