/**
 * Carers and their donors. A carer with room is found for each donor: a good carer (one whose
 * record is high enough) may take an old friend from their own school; otherwise a carer based
 * at the donor's recovery centre; otherwise anyone with room; otherwise the donor waits. A
 * carer's record grows with experience; their rounds are priced in road kilometres between
 * their base and the centres of the donors they hold, and added up as the set changes.
 */
import { DAYS_PER_YEAR } from '../../engine/calendar.js';
import { hashString, uniform } from '../../engine/random.js';
import { NONE } from '../../engine/recorder.js';
import type { Scenario } from '../../scenario/schema.js';
import { roadKm } from '../geography/distance.js';
import type { People } from '../people.js';
import { PHASE_CARER, PHASE_DONOR } from '../phases.js';
import type { Place } from '../places.js';
import { GroupedSet } from './grouped-set.js';

const P_TALENT = hashString('carer-talent');
const P_PICK = hashString('carer-pick');
const P_FRIEND = hashString('carer-friend');

/** Probes among a school's carers for an old friend before giving up. */
const FRIEND_PROBES = 6;

export interface CaringHost {
  readonly seed: number;
  readonly scenario: Scenario;
  readonly people: People;
  readonly places: readonly Place[];
  /** Records carer_assigned and returns its id. */
  recordAssignment(
    day: number,
    donor: number,
    carer: number,
    cause: number,
    previous: number,
    chosen: boolean,
  ): number;
}

export class Caring {
  private readonly all: GroupedSet;
  private readonly byBase: GroupedSet;
  private readonly bySchool: GroupedSet;
  private waiting: Int32Array = new Int32Array(1024);
  private waitHead = 0;
  private waitTail = 0;
  private readonly cap: number;
  private readonly visitsPerWeek: number;
  private readonly experienceYears: number;
  private readonly chooseFrom: number;
  private readonly friendChoice: number;
  private readonly localKm: number;
  private readonly centreIndex: Int32Array;
  private readonly centreKm: Float32Array;
  private readonly nCentres: number;
  private readonly scratch = new Int32Array(64);

  // Per-person figures of carers, in typed arrays grown with the people store.
  base: Uint16Array;
  routeKm: Float32Array;
  routeStops: Uint8Array;
  routeSince: Int32Array;
  km: Float32Array;
  trips: Float32Array;
  loadDays: Float32Array;
  donorsCared: Uint16Array;
  completionsInCare: Uint16Array;
  careerStart: Int32Array;
  careerEnd: Int32Array;
  /** A carer's own gift for the work, drawn once when they start. */
  talent: Float32Array;

  constructor(
    private readonly host: CaringHost,
    capacity: number,
    centres: readonly Place[],
  ) {
    const pol = host.scenario.policy.caring;
    this.cap = pol.maxDonors;
    this.visitsPerWeek = pol.visitsPerWeek;
    this.experienceYears = pol.experienceYears;
    this.chooseFrom = pol.chooseFrom;
    this.friendChoice = pol.friendChoice;
    this.localKm = pol.localKm;
    this.all = new GroupedSet(capacity);
    this.byBase = new GroupedSet(capacity);
    this.bySchool = new GroupedSet(capacity);
    this.base = new Uint16Array(capacity);
    this.routeKm = new Float32Array(capacity);
    this.routeStops = new Uint8Array(capacity);
    this.routeSince = new Int32Array(capacity);
    this.km = new Float32Array(capacity);
    this.trips = new Float32Array(capacity);
    this.loadDays = new Float32Array(capacity);
    this.donorsCared = new Uint16Array(capacity);
    this.completionsInCare = new Uint16Array(capacity);
    this.careerStart = new Int32Array(capacity);
    this.careerEnd = new Int32Array(capacity);
    this.talent = new Float32Array(capacity);
    this.centreIndex = new Int32Array(host.places.length).fill(NONE);
    centres.forEach((c, i) => (this.centreIndex[c.id] = i));
    this.nCentres = centres.length;
    this.centreKm = new Float32Array(this.nCentres * this.nCentres);
    for (let i = 0; i < this.nCentres; i++) {
      for (let j = 0; j < this.nCentres; j++)
        this.centreKm[i * this.nCentres + j] = roadKm(centres[i]!, centres[j]!);
    }
  }

  /** Bytes of per-person caring state. */
  static readonly bytesPerPerson = 2 + 4 + 1 + 4 + 4 + 4 + 4 + 2 + 2 + 4 + 4 + 4 + 3 * 8;

  /** Road km between two recovery centres. */
  distance(a: number, b: number): number {
    // From a carer's base to itself is the drive from their bedsit.
    if (a === b) return this.localKm;
    const i = this.centreIndex[a]!;
    const j = this.centreIndex[b]!;
    if (i === NONE || j === NONE) return roadKm(this.host.places[a]!, this.host.places[b]!);
    return this.centreKm[i * this.nCentres + j]!;
  }

  /**
   * A carer's record in [0, 1]: half their own talent, half experience (full after
   * `experienceYears`).
   */
  record(carer: number, day: number): number {
    const p = this.host.people;
    const talent = this.talent[carer]!;
    const until = p.phase[carer] === PHASE_CARER ? day : Math.min(day, this.careerEnd[carer]!);
    const years = Math.max(0, (until - this.careerStart[carer]!) / DAYS_PER_YEAR);
    return 0.5 * talent + 0.5 * Math.min(1, years / this.experienceYears);
  }

  /** A new carer, based at `base` (a recovery centre), has room for donors. */
  start(carer: number, base: number, day: number): void {
    this.ensure(carer);
    this.base[carer] = base;
    this.careerStart[carer] = day;
    this.talent[carer] = uniform(this.host.seed, P_TALENT, this.host.people.key[carer]!, 0);
    this.careerEnd[carer] = day;
    this.routeSince[carer] = day;
    this.routeKm[carer] = 0;
    this.routeStops[carer] = 0;
    this.addAvailable(carer);
  }

  /**
   * A carer becomes a donor: they leave the pool, and each of their donors is unlinked and
   * handed to `reassign` to be given another carer.
   */
  stop(carer: number, day: number, reassign: (donor: number) => void): void {
    const p = this.host.people;
    this.settle(carer, day);
    this.careerEnd[carer] = day;
    this.removeAvailable(carer);
    let d = p.firstCared[carer]!;
    p.firstCared[carer] = NONE;
    p.load[carer] = 0;
    this.routeKm[carer] = 0;
    this.routeStops[carer] = 0;
    while (d !== NONE) {
      const next = p.nextCared[d]!;
      p.nextCared[d] = NONE;
      p.prevCared[d] = NONE;
      p.carer[d] = NONE;
      reassign(d);
      d = next;
    }
  }

  /** Gives a donor a carer with room, or queues them. Returns the carer or NONE. */
  findCarer(day: number, donor: number, cause: number, previous: number): number {
    const carer = this.pick(donor, day);
    if (carer === null) {
      this.pushWaiting(donor);
      return NONE;
    }
    this.assign(day, donor, carer.carer, cause, previous, carer.chosen);
    return carer.carer;
  }

  /**
   * A named carer takes a donor they chose (a storyline's pin): the donor's present carer, if
   * any, lets them go. Returns false when the carer has no room.
   */
  assignChosen(day: number, donor: number, carer: number, cause: number): boolean {
    const p = this.host.people;
    if (p.load[carer]! >= this.cap) return false;
    const previous = p.carer[donor]!;
    if (previous !== NONE) this.release(donor, day, false);
    this.assign(day, donor, carer, cause, previous, true);
    return true;
  }

  /** A donor completes: their carer's place is freed and waiting donors are served. */
  release(donor: number, day: number, completed: boolean): void {
    const p = this.host.people;
    const carer = p.carer[donor]!;
    if (carer === NONE) return;
    this.settle(carer, day);
    const prev = p.prevCared[donor]!;
    const next = p.nextCared[donor]!;
    if (prev !== NONE) p.nextCared[prev] = next;
    else p.firstCared[carer] = next;
    if (next !== NONE) p.prevCared[next] = prev;
    p.nextCared[donor] = NONE;
    p.prevCared[donor] = NONE;
    p.carer[donor] = NONE;
    p.load[carer] = p.load[carer]! - 1;
    if (completed) this.completionsInCare[carer]! += 1;
    this.reroute(carer);
    if (p.phase[carer] === PHASE_CARER) {
      if (p.load[carer] === this.cap - 1) this.addAvailable(carer);
      this.serveWaiting(day);
    }
  }

  /** Gives waiting donors carers while any have room. */
  serveWaiting(day: number): void {
    const p = this.host.people;
    while (this.all.size(0) > 0 && this.waitHead !== this.waitTail) {
      const donor = this.waiting[this.waitHead]!;
      this.waitHead = (this.waitHead + 1) % this.waiting.length;
      if (p.phase[donor] !== PHASE_DONOR || p.carer[donor] !== NONE) continue;
      this.findCarer(day, donor, p.lastEvent[donor]!, NONE);
    }
  }

  /** Adds the kilometres and trips driven since the route last changed, up to `day`. */
  settle(carer: number, day: number): void {
    const since = this.routeSince[carer]!;
    if (day <= since) return;
    const weeks = (day - since) / 7;
    const rounds = weeks * this.visitsPerWeek;
    const stops = this.routeStops[carer]!;
    if (stops > 0) {
      this.km[carer]! += rounds * this.routeKm[carer]!;
      this.trips[carer]! += rounds * (stops + 1);
    }
    this.loadDays[carer]! += (day - since) * this.host.people.load[carer]!;
    this.routeSince[carer] = day;
  }

  /** The legs of one round: base → each donor's centre (nearest next) → base. */
  legs(carer: number): [number, number, number][] {
    const p = this.host.people;
    const stops: number[] = [];
    for (let d = p.firstCared[carer]!; d !== NONE; d = p.nextCared[d]!) {
      const c = p.centre[d]!;
      if (!stops.includes(c)) stops.push(c);
    }
    stops.sort((a, b) => a - b);
    const legs: [number, number, number][] = [];
    let here = this.base[carer]!;
    const left = stops.slice();
    while (left.length > 0) {
      let best = 0;
      for (let i = 1; i < left.length; i++)
        if (this.distance(here, left[i]!) < this.distance(here, left[best]!)) best = i;
      const next = left.splice(best, 1)[0]!;
      legs.push([here, next, this.distance(here, next)]);
      here = next;
    }
    if (legs.length > 0) legs.push([here, this.base[carer]!, this.distance(here, this.base[carer]!)]);
    return legs;
  }

  /** Prices a carer's round (nearest-next tour through their donors' centres) without allocating. */
  private reroute(carer: number): void {
    const p = this.host.people;
    const stops = this.scratch;
    let n = 0;
    for (let d = p.firstCared[carer]!; d !== NONE; d = p.nextCared[d]!) {
      const c = p.centre[d]!;
      let seen = false;
      for (let i = 0; i < n; i++) if (stops[i] === c) seen = true;
      if (!seen && n < stops.length) stops[n++] = c;
    }
    const base = this.base[carer]!;
    let km = 0;
    let here = base;
    let left = n;
    while (left > 0) {
      let best = 0;
      let bestKm = Infinity;
      for (let i = 0; i < left; i++) {
        const k = this.distance(here, stops[i]!);
        if (k < bestKm || (k === bestKm && stops[i]! < stops[best]!)) {
          best = i;
          bestKm = k;
        }
      }
      km += bestKm;
      here = stops[best]!;
      stops[best] = stops[--left]!;
    }
    if (n > 0) km += this.distance(here, base);
    this.routeKm[carer] = km;
    this.routeStops[carer] = n;
  }

  private pick(donor: number, day: number): { carer: number; chosen: boolean } | null {
    if (this.all.size(0) === 0) return null;
    const h = this.host;
    const p = h.people;
    const key = p.key[donor]!;
    const salt = p.donations[donor]! * 8 + p.phase[donor]!;
    // A good carer from the donor's own school may choose them.
    const school = p.school[donor]!;
    const mates = this.bySchool.size(school);
    if (mates > 0 && uniform(h.seed, P_FRIEND, key, salt) < this.friendChoice) {
      for (let probe = 0; probe < FRIEND_PROBES; probe++) {
        const c = this.bySchool.at(
          school,
          Math.floor(uniform(h.seed, P_FRIEND, key, salt * 64 + probe + 1) * mates),
        );
        if (
          c !== donor &&
          Math.abs(p.cohort[c]! - p.cohort[donor]!) <= 2 &&
          this.record(c, day) >= this.chooseFrom
        ) {
          return { carer: c, chosen: true };
        }
      }
    }
    const u = uniform(h.seed, P_PICK, key, salt);
    const base = p.centre[donor]!;
    const near = this.byBase.size(base);
    if (near > 0) return { carer: this.byBase.at(base, Math.floor(u * near)), chosen: false };
    return { carer: this.all.at(0, Math.floor(u * this.all.size(0))), chosen: false };
  }

  private assign(
    day: number,
    donor: number,
    carer: number,
    cause: number,
    previous: number,
    chosen: boolean,
  ): void {
    const p = this.host.people;
    this.settle(carer, day);
    p.carer[donor] = carer;
    const head = p.firstCared[carer]!;
    p.nextCared[donor] = head;
    p.prevCared[donor] = NONE;
    if (head !== NONE) p.prevCared[head] = donor;
    p.firstCared[carer] = donor;
    const load = p.load[carer]! + 1;
    p.load[carer] = load;
    this.donorsCared[carer]! += 1;
    if (load >= this.cap) this.removeAvailable(carer);
    this.reroute(carer);
    const id = this.host.recordAssignment(day, donor, carer, cause, previous, chosen);
    p.lastEvent[donor] = id;
  }

  private addAvailable(carer: number): void {
    const p = this.host.people;
    this.all.add(carer, 0);
    this.byBase.add(carer, this.base[carer]!);
    this.bySchool.add(carer, p.school[carer]!);
  }

  private removeAvailable(carer: number): void {
    this.all.remove(carer);
    this.byBase.remove(carer);
    this.bySchool.remove(carer);
  }

  private pushWaiting(donor: number): void {
    const cap = this.waiting.length;
    if ((this.waitTail + 1) % cap === this.waitHead) {
      const grown = new Int32Array(cap * 2);
      let n = 0;
      for (let i = this.waitHead; i !== this.waitTail; i = (i + 1) % cap) grown[n++] = this.waiting[i]!;
      this.waiting = grown;
      this.waitHead = 0;
      this.waitTail = n;
    }
    this.waiting[this.waitTail] = donor;
    this.waitTail = (this.waitTail + 1) % this.waiting.length;
  }

  private ensure(person: number): void {
    if (person < this.base.length) return;
    const size = Math.max(person + 1, this.base.length * 2);
    const grow = <A extends Uint16Array | Float32Array | Int32Array | Uint8Array>(a: A): A => {
      const g = new (a.constructor as new (n: number) => A)(size);
      g.set(a);
      return g;
    };
    this.base = grow(this.base);
    this.routeKm = grow(this.routeKm);
    this.routeStops = grow(this.routeStops);
    this.routeSince = grow(this.routeSince);
    this.km = grow(this.km);
    this.trips = grow(this.trips);
    this.loadDays = grow(this.loadDays);
    this.donorsCared = grow(this.donorsCared);
    this.completionsInCare = grow(this.completionsInCare);
    this.careerStart = grow(this.careerStart);
    this.careerEnd = grow(this.careerEnd);
    this.talent = grow(this.talent);
  }
}
