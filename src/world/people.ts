/**
 * The people store: every person in the world as one row across typed arrays (structure of
 * arrays), so a national world of a million lives costs tens of bytes each and the rules touch
 * plain numbers. A person's id is their row. Richer state kept only for people at full-detail
 * schools lives in side tables owned by the modules that need it.
 */
import { NONE } from '../engine/recorder.js';
import { cloneName, guardianName } from './names.js';
import { KIND_CLONE, KIND_GUARDIAN, PHASE_NONE } from './phases.js';

export class People {
  count = 0;
  private capacity: number;
  kind: Uint8Array;
  sex: Uint8Array;
  phase: Uint8Array;
  donations: Uint8Array;
  given: Uint16Array;
  initial: Uint8Array;
  school: Uint16Array;
  place: Uint16Array;
  centre: Uint16Array;
  cohort: Uint16Array;
  born: Int32Array;
  phaseDay: Int32Array;
  key: Uint32Array;
  /** The donor's carer, or NONE. */
  carer: Int32Array;
  /** Id of the last event of this person's life, the cause of the next. */
  lastEvent: Int32Array;
  /** Names that do not follow the generated pattern (the canon's cast, Madame). */
  readonly namedAs = new Map<number, string>();

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    const c = this.capacity;
    this.kind = new Uint8Array(c);
    this.sex = new Uint8Array(c);
    this.phase = new Uint8Array(c);
    this.donations = new Uint8Array(c);
    this.given = new Uint16Array(c);
    this.initial = new Uint8Array(c);
    this.school = new Uint16Array(c);
    this.place = new Uint16Array(c);
    this.centre = new Uint16Array(c);
    this.cohort = new Uint16Array(c);
    this.born = new Int32Array(c);
    this.phaseDay = new Int32Array(c);
    this.key = new Uint32Array(c);
    this.carer = new Int32Array(c);
    this.lastEvent = new Int32Array(c);
  }

  /** Bytes of per-person state. */
  get bytes(): number {
    let total = 0;
    for (const v of Object.values(this)) if (ArrayBuffer.isView(v)) total += v.byteLength;
    return total;
  }

  /** Bytes per person row (the arrays' element sizes added up). */
  static get bytesPerRow(): number {
    const p = new People(16);
    return p.bytes / 16;
  }

  /**
   * Adds a person and returns their id.
   * @example const id = people.add(KIND_CLONE, SEX_FEMALE, key, school, born)
   */
  add(kind: number, sex: number, key: number, school: number, born: number): number {
    if (this.count === this.capacity) this.grow();
    const id = this.count++;
    this.kind[id] = kind;
    this.sex[id] = sex;
    this.key[id] = key;
    this.school[id] = school;
    this.place[id] = school;
    this.born[id] = born;
    this.phase[id] = PHASE_NONE;
    this.phaseDay[id] = born;
    this.carer[id] = NONE;
    this.lastEvent[id] = NONE;
    return id;
  }

  /** The name a person is known by. */
  name(id: number): string {
    const named = this.namedAs.get(id);
    if (named !== undefined) return named;
    const kind = this.kind[id];
    if (kind === KIND_CLONE) return cloneName(this.sex[id]!, this.given[id]!, this.initial[id]!);
    if (kind === KIND_GUARDIAN) return guardianName(this.sex[id]!, this.given[id]!);
    return `person ${id}`;
  }

  private grow(): void {
    const next = this.capacity * 2;
    for (const [k, v] of Object.entries(this)) {
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
        const Ctor = v.constructor as new (n: number) => Uint8Array;
        const grown = new Ctor(next);
        grown.set(v as Uint8Array);
        (this as unknown as Record<string, unknown>)[k] = grown;
      }
    }
    this.capacity = next;
  }
}
