/**
 * Carers and their donors. A carer with room is found for each donor: a good carer (one whose
 * record is high enough) may take an old friend from their own school; otherwise a carer based
 * at the donor's recovery centre; otherwise anyone with room; otherwise the donor waits. A
 * carer's record grows with experience; their rounds are priced in road kilometres between
 * their base and the centres of the donors they hold, and added up as the set changes.
 *
 * Everything the pool keeps of a carer sits in one row of a shared buffer (rows.ts), so one
 * assignment touches a couple of cache lines rather than one per field: at national scale the
 * pool's cost is the memory it reads. The roads they drive are priced in roads.ts.
 */
import { DAYS_PER_YEAR } from '../../engine/calendar.js';
import { NONE } from '../../engine/recorder.js';
import type { Scenario } from '../../scenario/schema.js';
import type { People } from '../people.js';
import { PHASE_CARER, PHASE_DONOR } from '../phases.js';
import type { Place } from '../places.js';
import type { Draw, Streams } from '../streams.js';
import { GroupedSet } from './grouped-set.js';
import { CarerRows, R, STILL_CARING } from './rows.js';
import { RoadMap } from './roads.js';

/** Probes among a school's good carers for one experienced enough before giving up. */
const FRIEND_PROBES = 3;

/** Cohort years a school's friend groups span, from 1900 (the calendar's first day). */
const COHORT_SPAN = 256;

/** The group of carers from one school's cohort of one year (years before 1900 share group 0). */
function friendGroup(school: number, cohort: number): number {
  return school * COHORT_SPAN + Math.min(COHORT_SPAN - 1, Math.max(0, cohort - 1900));
}

export interface CaringHost {
  readonly streams: Streams;
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

export class Caring extends CarerRows {
  /** Carers with room, in all. */
  private withRoom = 0;
  /** Carers with room by the recovery centre they are based at. */
  private readonly byBase: GroupedSet;
  /** Carers with room who could choose friends, grouped by school and cohort (`friendGroup`). */
  private readonly byFriend: GroupedSet;
  private waiting: Int32Array = new Int32Array(1024);
  private waitHead = 0;
  private waitTail = 0;
  private readonly cap: number;
  private readonly visitsPerWeek: number;
  private readonly experienceYears: number;
  private readonly chooseFrom: number;
  private readonly friendChoice: number;
  private readonly roads: RoadMap;
  private readonly scratch = new Int32Array(64);
  private readonly handOver: Int32Array;
  /** Draws for talent, picking a carer and choosing a friend. */
  private readonly talentDraw: Draw;
  private readonly pickDraw: Draw;
  private readonly friendDraw: Draw;

  constructor(
    private readonly host: CaringHost,
    capacity: number,
    centres: readonly Place[],
  ) {
    const pol = host.scenario.policy.caring;
    super(capacity, pol.maxDonors);
    this.cap = pol.maxDonors;
    this.talentDraw = host.streams.draw('carer-talent');
    this.pickDraw = host.streams.draw('carer-pick');
    this.friendDraw = host.streams.draw('carer-friend');
    this.visitsPerWeek = pol.visitsPerWeek;
    this.experienceYears = pol.experienceYears;
    this.chooseFrom = pol.chooseFrom;
    this.friendChoice = pol.friendChoice;
    this.byBase = new GroupedSet(this.ri, this.stride, R.BY_BASE);
    this.byFriend = new GroupedSet(this.ri, this.stride, R.BY_FRIEND);
    this.handOver = new Int32Array(this.cap);
    this.roads = new RoadMap(host.places, centres, pol.localKm);
  }

  /**
   * A carer's record in [0, 1]: half their own talent, half experience (full after
   * `experienceYears`).
   */
  record(carer: number, day: number): number {
    const o = carer * this.stride;
    const ri = this.ri;
    const talent = this.rf[o + R.TALENT]!;
    // CAREER_END is STILL_CARING until the carer stops, so this is `day` while they care.
    const until = Math.min(day, ri[o + R.CAREER_END]!);
    const years = Math.max(0, (until - ri[o + R.CAREER_START]!) / DAYS_PER_YEAR);
    return 0.5 * talent + 0.5 * Math.min(1, years / this.experienceYears);
  }

  /**
   * The record of a donor's present carer on `day`, as `record(carer, day)` gives it, from the
   * copy of its makings kept in the donor's own row: the rule for a donation then reads no
   * carer's row. A donor's carer is always still caring (a carer who stops hands on every
   * donor), so their career has no end to cap it.
   */
  careFor(donor: number, day: number): number {
    const p = this.host.people;
    const years = Math.max(0, (day - p.carerSince(donor)) / DAYS_PER_YEAR);
    return 0.5 * p.carerTalent(donor) + 0.5 * Math.min(1, years / this.experienceYears);
  }

  // ---- the pool ------------------------------------------------------------------------------

  /** A new carer, based at `base` (a recovery centre), has room for donors. */
  start(carer: number, base: number, day: number): void {
    if (carer >= this.capacity) this.grow(carer + 1);
    const o = carer * this.stride;
    const ri = this.ri;
    ri[o + R.BASE] = base;
    ri[o + R.CAREER_START] = day;
    ri[o + R.CAREER_END] = STILL_CARING;
    ri[o + R.ROUTE_SINCE] = day;
    this.rf[o + R.TALENT] = this.talentDraw.at(this.host.people.key(carer), 0);
    this.rf[o + R.ROUTE_KM] = 0;
    ri[o + R.STOPS] = 0;
    ri[o + R.LOAD] = 0;
    this.addAvailable(carer);
  }

  /**
   * A carer becomes a donor: they leave the pool, and each of their donors (the newest first)
   * is let go and given another carer, `cause` being the event that made the carer a donor.
   */
  stop(carer: number, day: number, cause: number): void {
    const p = this.host.people;
    const ri = this.ri;
    const o = carer * this.stride;
    this.settle(carer, day);
    ri[o + R.CAREER_END] = day;
    this.removeAvailable(carer);
    const n = ri[o + R.LOAD]!;
    const held = this.handOver;
    for (let i = 0; i < n; i++) held[i] = ri[o + R.DONORS + n - 1 - i]!;
    ri[o + R.LOAD] = 0;
    ri[o + R.STOPS] = 0;
    this.rf[o + R.ROUTE_KM] = 0;
    for (let i = 0; i < n; i++) p.setCarer(held[i]!, NONE);
    for (let i = 0; i < n; i++) this.findCarer(day, held[i]!, cause, carer);
  }

  /** Gives a donor a carer with room, or queues them. Returns the carer or NONE. */
  findCarer(day: number, donor: number, cause: number, previous: number): number {
    const picked = this.pick(donor, day);
    if (picked === NONE) {
      this.pushWaiting(donor);
      return NONE;
    }
    const carer = picked >> 1;
    this.assign(day, donor, carer, cause, previous, (picked & 1) === 1);
    return carer;
  }

  /**
   * A named carer takes a donor they chose (a storyline's pin): the donor's present carer, if
   * any, lets them go. A carer who already holds the most donors a carer may hands the one
   * they took on last to another carer (or the queue) first, so the story's choice is always
   * kept. Returns false only when the policy lets a carer hold nobody.
   */
  assignChosen(day: number, donor: number, carer: number, cause: number): boolean {
    const p = this.host.people;
    const previous = p.carer(donor);
    if (previous === carer) return true;
    if (this.cap === 0) return false;
    let handed = NONE;
    if (this.load(carer) >= this.cap) {
      const o = carer * this.stride;
      handed = this.ri[o + R.DONORS + this.ri[o + R.LOAD]! - 1]!;
      // The place is the chosen donor's: it is not offered to the queue in between.
      this.release(handed, day, false, false);
    }
    if (previous !== NONE) this.release(donor, day, false);
    this.assign(day, donor, carer, cause, previous, true);
    if (handed !== NONE) this.findCarer(day, handed, cause, carer);
    return true;
  }

  /** A donor completes (or changes carer): their carer's place is freed and waiting donors are served. */
  release(donor: number, day: number, completed: boolean, offer = true): void {
    const p = this.host.people;
    const carer = p.carer(donor);
    if (carer === NONE) return;
    this.settle(carer, day);
    const ri = this.ri;
    const o = carer * this.stride;
    const n = ri[o + R.LOAD]!;
    // Keep the donors in the order they were taken on: close the gap.
    let i = 0;
    while (i < n && ri[o + R.DONORS + i] !== donor) i++;
    const c = (o + this.centresAt) * 2;
    for (; i < n - 1; i++) {
      ri[o + R.DONORS + i] = ri[o + R.DONORS + i + 1]!;
      this.ru[c + i] = this.ru[c + i + 1]!;
    }
    ri[o + R.LOAD] = n - 1;
    p.setCarer(donor, NONE);
    if (completed) ri[o + R.COMPLETIONS]! += 1;
    this.reroute(carer);
    if (offer && p.phase(carer) === PHASE_CARER) {
      if (n === this.cap) this.addAvailable(carer);
      this.serveWaiting(day);
    }
  }

  /** Gives waiting donors carers while any have room. */
  serveWaiting(day: number): void {
    const p = this.host.people;
    while (this.withRoom > 0 && this.waitHead !== this.waitTail) {
      const donor = this.waiting[this.waitHead]!;
      this.waitHead = (this.waitHead + 1) % this.waiting.length;
      if (p.phase(donor) !== PHASE_DONOR || p.carer(donor) !== NONE) continue;
      this.findCarer(day, donor, p.lastEvent(donor), NONE);
    }
  }

  /** Adds the kilometres and trips driven since the route last changed, up to `day`. */
  settle(carer: number, day: number): void {
    const o = carer * this.stride;
    const ri = this.ri;
    const rf = this.rf;
    const since = ri[o + R.ROUTE_SINCE]!;
    if (day <= since) return;
    const weeks = (day - since) / 7;
    const rounds = weeks * this.visitsPerWeek;
    const stops = ri[o + R.STOPS]!;
    if (stops > 0) {
      rf[o + R.KM]! += rounds * rf[o + R.ROUTE_KM]!;
      rf[o + R.TRIPS]! += rounds * (stops + 1);
    }
    rf[o + R.LOAD_DAYS]! += (day - since) * ri[o + R.LOAD]!;
    ri[o + R.ROUTE_SINCE] = day;
  }

  /** The legs of one round: base → each donor's centre (nearest next) → base. */
  legs(carer: number): [number, number, number][] {
    const stops = [...new Set(this.centresOf(carer))].sort((a, b) => a - b);
    return this.roads.legs(stops, this.base(carer));
  }

  /** Prices a carer's round (nearest-next tour through their donors' centres) without allocating. */
  private reroute(carer: number): void {
    const o = carer * this.stride;
    const ri = this.ri;
    const ru = this.ru;
    const c0 = (o + this.centresAt) * 2;
    const held = ri[o + R.LOAD]!;
    const stops = this.scratch;
    let n = 0;
    for (let d = 0; d < held; d++) {
      const c = ru[c0 + d]!;
      let seen = false;
      for (let i = 0; i < n; i++) if (stops[i] === c) seen = true;
      if (!seen && n < stops.length) stops[n++] = c;
    }
    const km = this.roads.tourKm(stops, n, ri[o + R.BASE]!);
    this.rf[o + R.ROUTE_KM] = km;
    ri[o + R.STOPS] = n;
  }

  /**
   * The carer for a donor, as `carer * 2 + chosen` (chosen is 1 when a good carer took an old
   * friend), or NONE when nobody has room.
   */
  private pick(donor: number, day: number): number {
    if (this.withRoom === 0) return NONE;
    const h = this.host;
    const p = h.people;
    const key = p.key(donor);
    const salt = p.donations(donor) * 8 + p.phase(donor);
    // A good carer from the donor's own school, within two years of them, may choose them.
    const friend = this.pickFriend(donor, key, salt, day);
    if (friend !== NONE) return friend * 2 + 1;
    const u = this.pickDraw.at(key, salt);
    const base = p.centre(donor);
    const near = this.byBase.size(base);
    if (near > 0) return this.byBase.at(base, Math.floor(u * near)) * 2;
    // Anyone with room: the i-th of them counting base by base.
    let i = Math.floor(u * this.withRoom);
    for (const c of this.roads.centreIds) {
      const n = this.byBase.size(c);
      if (i < n) return this.byBase.at(c, i) * 2;
      i -= n;
    }
    throw new Error('Caring.pick: the carers with room are not all at recovery centres');
  }

  /**
   * An old friend with room and a good enough record, or NONE. Candidates are the carers with
   * room from the donor's school and within two cohorts of them whose talent could ever lift
   * their record to `chooseFrom`; a few of them are drawn at random and the first whose record
   * is good enough today takes the donor. Each candidate is filed with the day their record
   * gets there, so the search reads no carer's row.
   */
  private pickFriend(donor: number, key: number, salt: number, day: number): number {
    const p = this.host.people;
    const first = friendGroup(p.school(donor), p.cohort(donor) - 2);
    let total = 0;
    for (let g = first; g < first + 5; g++) total += this.byFriend.size(g);
    if (total === 0) return NONE;
    if (this.friendDraw.at(key, salt) >= this.friendChoice) return NONE;
    for (let probe = 0; probe < FRIEND_PROBES; probe++) {
      let i = Math.floor(this.friendDraw.at(key, salt * 64 + probe + 1) * total);
      let g = first;
      while (i >= this.byFriend.size(g)) i -= this.byFriend.size(g++);
      // The tag is the day the carer's record reaches chooseFrom.
      if (day >= this.byFriend.tagAt(g, i)) {
        const c = this.byFriend.at(g, i);
        if (c !== donor) return c;
      }
    }
    return NONE;
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
    p.setCarer(donor, carer);
    const ri = this.ri;
    const o = carer * this.stride;
    p.setCarerBasis(donor, ri[o + R.CAREER_START]!, this.rf[o + R.TALENT]!);
    const n = ri[o + R.LOAD]!;
    ri[o + R.DONORS + n] = donor;
    this.ru[(o + this.centresAt) * 2 + n] = p.centre(donor);
    ri[o + R.LOAD] = n + 1;
    ri[o + R.DONORS_CARED]! += 1;
    if (n + 1 >= this.cap) this.removeAvailable(carer);
    this.reroute(carer);
    const id = this.host.recordAssignment(day, donor, carer, cause, previous, chosen);
    p.setLastEvent(donor, id);
  }

  private addAvailable(carer: number): void {
    const p = this.host.people;
    if (!this.byBase.has(carer)) this.withRoom++;
    this.byBase.add(carer, this.base(carer));
    // Only a talent that experience can lift to `chooseFrom` ever makes a carer choose friends.
    const chooses = this.choosesFrom(carer);
    if (chooses !== NONE) this.byFriend.add(carer, friendGroup(p.school(carer), p.cohort(carer)), chooses);
  }

  /**
   * The first day a carer's record reaches `chooseFrom` (see `record`), or NONE if their
   * talent never lets it.
   */
  private choosesFrom(carer: number): number {
    const o = carer * this.stride;
    const talent = this.rf[o + R.TALENT]!;
    if (0.5 * talent + 0.5 < this.chooseFrom) return NONE;
    const years = this.experienceYears * Math.max(0, 2 * this.chooseFrom - talent);
    return this.ri[o + R.CAREER_START]! + Math.ceil(years * DAYS_PER_YEAR);
  }

  private removeAvailable(carer: number): void {
    if (this.byBase.has(carer)) this.withRoom--;
    this.byBase.remove(carer);
    this.byFriend.remove(carer);
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

  /** Grows the rows to hold person `atLeast - 1`; the pool's indexes follow. */
  private grow(atLeast: number): void {
    this.growRows(atLeast);
    this.byBase.rebind(this.ri);
    this.byFriend.rebind(this.ri);
  }
}
