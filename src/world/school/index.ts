/**
 * School life and the Cottages as a world module. For each full-detail school and its residence
 * it registers the wake-ups of the year (a social tick each month; the school year's start in
 * September; Exchanges, Sales and Madame's visits spread through the year; sightings and trips
 * at the residence), keeps the side tables of the people it follows, and writes its tables at
 * the end. Only people of full-detail schools (and a few veterans at their residence) are
 * followed, so a national world pays nothing for the rest.
 *
 * Other modules reach the state through `schoolLifeOf(ctx)` (couples, beliefs, works: what a
 * deferral application needs).
 */
import { dayFromYmd } from '../../engine/calendar.js';
import { hash4 } from '../../engine/random.js';
import { NONE } from '../../engine/recorder.js';
import { Cottages } from '../cottages/index.js';
import { EVENT_CODES } from '../event-types.js';
import {
  moduleFinder,
  type ExtraTable,
  type ModuleFactory,
  type WorldContext,
  type WorldModule,
} from '../module.js';
import type { WakeUp } from '../order.js';
import { KIND_GUARDIAN, KIND_MADAME, PHASE_COMPLETED } from '../phases.js';
import type { Place } from '../places.js';
import type { Purpose, Sequence } from '../streams.js';
import { makeWorks } from './art.js';
import { holdExchange, popularity } from './exchange.js';
import { madameVisits } from './gallery.js';
import {
  addStaff,
  comfort,
  debunks,
  disclose,
  favour,
  guardianLeaves,
  plainSpeaking,
  rumourOrigins,
} from './guardians.js';
import { SchoolCalendar } from './calendar.js';
import { isResidence, Life, type Item, type Member } from './life.js';
import { SchoolStory } from './story.js';
import { holdSale } from './sale.js';
import { coupleEndings, ease, encounters, gossip, scopeOf, settle, snapshot } from './social.js';
import { cliqueYear, leaveClique } from './cliques.js';
import { tantrums, teasings } from './tempers.js';
import { schoolSummary, schoolTables } from './tables.js';
import { newMember } from './traits.js';

/** What a `residence-outing` wake-up is: its code, in the low bits of its first argument. */
const OUTING = { report: 0, trip: 1 } as const;
/** What a `school-aftermath` wake-up is. */
const AFTERMATH = { loss: 0, leave: 1, moved: 2 } as const;

/** Works a year a student makes at school: their hand's own pace. */
const handPace = (m: Member): number => m.art.pace;

/**
 * The school-life module of a world, if it runs one.
 * @example schoolLifeOf(ctx)?.coupleOf(person)
 */
export const schoolLifeOf = moduleFinder<SchoolLife>();

export class SchoolLife implements WorldModule {
  readonly name = 'school';
  readonly life: Life;
  readonly cottages: Cottages;
  private readonly ctx: WorldContext;
  /** What a storyline may ask of school life and the Cottages. */
  readonly story: SchoolStory;
  private readonly calendar: SchoolCalendar;
  private readonly outing: WakeUp;
  private readonly aftermath: WakeUp;
  private readonly schools: Place[];
  private readonly residences: Place[];
  private readonly lastVisit = new Map<number, number>();
  /** Works a year a resident makes (made once: a tick passes it on rather than a fresh closure). */
  private readonly latePace = (m: Member): number => this.cottages.latePace(m);

  constructor(ctx: WorldContext) {
    this.ctx = ctx;
    this.life = new Life(ctx);
    this.cottages = new Cottages(this.life, (person, home, veteran) => this.addMember(person, home, veteran));
    const places = ctx.places;
    this.schools = places.filter((p) => (p.kind === 'school' || p.kind === 'home') && p.detail === 'full');
    const res = new Set<number>();
    for (const s of this.schools) if (s.residence !== null) res.add(s.residence);
    this.residences = [...res].sort((a, b) => a - b).map((id) => places[id]!);
    this.calendar = new SchoolCalendar(ctx, this.life.school, {
      calendar: (day, place, year) => this.onCalendar(day, place, year),
      tick: (day, place, n) => this.onTick(day, place, n),
      year: (day, place, year) => this.onSchoolYear(day, place, year),
      exchange: (day, place, n) => this.onExchange(day, place, n),
      sale: (day, place, n) => this.onSale(day, place, n),
      gallery: (day, place, n) => this.onGallery(day, place, n),
    });
    this.outing = ctx.wakeUp('residence-outing', (day, a, n) => {
      if ((a & 1) === OUTING.report) this.onReport(day, a >> 1, n);
      else this.onTrip(day, a >> 1, n);
    });
    this.aftermath = ctx.wakeUp('school-aftermath', (day, a, b) => {
      const code = a & 3;
      if (code === AFTERMATH.loss) this.onItemLost(day, a >> 2, b);
      else if (code === AFTERMATH.leave) this.onGuardianLeaves(day, a >> 2, b);
      else this.story.onMadameMoved(day, a >> 2);
    });
    this.story = new SchoolStory(ctx, this.life, this.cottages, {
      lose: (day, item, version) => this.aftermath.at(day, item * 4 + AFTERMATH.loss, version),
      sighting: (day, place) => this.outing.at(day, place * 2 + OUTING.report, -1),
      moved: (day, person) => this.aftermath.at(day, person * 4 + AFTERMATH.moved, 0),
    });
    this.life.onHold = (item, day) => this.scheduleLoss(item, day);
    schoolLifeOf.set(ctx, this);
  }

  init(): void {
    const ctx = this.ctx;
    const life = this.life;
    const p = ctx.people;
    const heads = new Set<number>();
    for (let id = 0; id < p.count; id++) {
      const kind = p.kind(id);
      if (kind === KIND_MADAME) life.madame = id;
      if (kind !== KIND_GUARDIAN) continue;
      const school = ctx.places[p.school(id)]!;
      if (school.detail !== 'full') continue;
      const head =
        !heads.has(school.id) && school.headmistress !== null && p.namedAs.get(id) === school.headmistress;
      if (head) heads.add(school.id);
      addStaff(
        life,
        id,
        school.id,
        head ? 'headmistress' : 'guardian',
        Math.max(ctx.start, school.opened ?? ctx.start),
      );
    }
    const deferral = (ctx.scenario.policy as { deferral?: { granted?: string } }).deferral;
    if (deferral?.granted !== undefined && deferral.granted !== 'never') {
      life.book.setTruth('deferral', 'exists', true);
      life.book.setTruth('deferral', 'no-such-thing', false);
      if (deferral.granted === 'similarity') life.book.setTruth('deferral', 'proof-by-art', true);
    }
    for (const place of [...this.schools, ...this.residences]) this.calendar.start(place.id);
  }

  // ---- the people followed -------------------------------------------------------------------

  private addMember(person: number, home: number, veteran: boolean): Member {
    return newMember(this.life, person, home, veteran);
  }

  onBorn(person: number): void {
    const school = this.ctx.people.school(person);
    if (this.ctx.places[school]?.detail !== 'full') return;
    this.addMember(person, school, false);
  }

  onLeftSchool(person: number, day: number, eventId: number): void {
    const life = this.life;
    const residence = this.ctx.people.place(person);
    const m = life.members.get(person);
    if (!m) {
      // Most veterans are not followed: their stream is made only for those who will be.
      // The storyline's veterans are always followed: their beats happen here.
      const cast = life.storyline.isCast(person);
      if (!cast && !this.cottages.followsVeteran(day)) return;
      const s = this.ctx.streams.sequence('residence-arrival', this.ctx.people.key(person));
      this.cottages.arriveVeteran(person, day, residence, eventId, s, cast);
      return;
    }
    if (m.clique !== NONE) {
      const c = life.cliques[m.clique - 1]!;
      if (c.ended === NONE) leaveClique(life, c, m, day, c.leader === m.id ? 'dissolved' : 'left');
    }
    m.recent = [];
    life.move(m, residence);
  }

  keeps(person: number): boolean {
    return this.life.members.has(person);
  }

  onLeftResidence(person: number, day: number, eventId: number): void {
    const m = this.life.members.get(person);
    if (!m || m.home === NONE) return;
    const s = this.ctx.streams.sequence('residence-departure', m.key);
    this.cottages.leave(m, day, m.home, eventId, s);
  }

  onCompleted(person: number, day: number, eventId: number): void {
    const m = this.life.members.get(person);
    if (!m) return;
    const c = this.life.coupleOf(m);
    if (c && c.ended === NONE) {
      c.ended = day;
      c.endedEvent = eventId;
      c.endedBy = person;
      c.reason = 'completed';
      m.couple = NONE;
      const other = this.life.members.get(c.a === person ? c.b : c.a);
      if (other) other.couple = NONE;
    }
  }

  // ---- the calendar --------------------------------------------------------------------------

  private stream(purpose: Purpose, place: number, n: number): Sequence {
    return this.ctx.streams.sequence(purpose, hash4(this.ctx.places[place]!.key, n, 0, 0));
  }

  private isResidence(place: number): boolean {
    return isResidence(this.ctx, place);
  }

  private onCalendar(day: number, place: number, year: number): void {
    if (this.isResidence(place)) {
      const s = this.stream('school-calendar', place, year);
      const reports = this.cottages.yearly(place, day, s);
      const jan1 = dayFromYmd(year, 1, 1);
      for (let i = 0; i < reports; i++) {
        const at = Math.max(day, jan1 + Math.floor(s.next() * 330));
        if (at <= this.ctx.end) this.outing.at(at, place * 2 + OUTING.report, year * 64 + i);
      }
    } else {
      this.calendar.spreadHappenings(place, year, day);
    }
    this.calendar.nextCalendar(place, year + 1, day + 1);
  }

  /** Drops from a place's roster anyone the lifecycle has moved elsewhere (a school closed, say). */
  private prune(place: number): void {
    const r = this.life.at(place);
    const people = this.ctx.people;
    for (let i = r.length - 1; i >= 0; i--) {
      const m = r[i]!;
      if (people.place(m.id) !== place) {
        r.splice(i, 1);
        m.home = NONE;
      }
    }
  }

  private onTick(day: number, place: number, n: number): void {
    this.calendar.nextTick(place, n);
    this.prune(place);
    const life = this.life;
    if (life.at(place).length === 0) return;
    const per = life.school.social.ticksPerYear;
    const s = this.stream('school-month', place, n);
    const residence = this.isResidence(place);
    const scope = scopeOf(life, place, day, per);
    // At a residence only late bloomers (and believers in proof by art) have a pace above zero;
    // the others draw nothing, so everyone can be passed.
    if (residence) makeWorks(life, place, day, s, scope.people, this.latePace, per);
    else makeWorks(life, place, day, s, life.aged(place, day, life.school.art.fromAge), handPace, per);
    if (scope.people.length < 2) return;
    encounters(life, scope, s);
    gossip(life, scope, s);
    coupleEndings(
      life,
      scope,
      s,
      residence ? life.cottages.coupleEndsPerYear : life.school.social.coupleEndsPerYear,
    );
    const staff = residence ? [] : life.guardiansAt(place);
    teasings(life, scope, s, staff);
    const upset = tantrums(life, scope, s);
    if (!residence && upset.length > 0) comfort(life, place, day, s, upset, NONE);
    ease(scope);
  }

  private onSchoolYear(day: number, place: number, year: number): void {
    this.calendar.nextYear(place, year + 1);
    this.prune(place);
    const life = this.life;
    const s = this.stream('school-year', place, year);
    for (const m of life.at(place)) m.standing = Math.round((0.85 * m.standing + 0.15 * 0.3) * 1000) / 1000;
    settle(life.at(place));
    for (const [m, p] of popularity(life.at(place))) m.popularity = p;
    if (this.isResidence(place)) {
      snapshot(life, place, year);
      return;
    }
    const classes = new Map<number, Member[]>();
    for (const m of life.at(place)) {
      let c = classes.get(m.cohort);
      if (!c) classes.set(m.cohort, (c = []));
      c.push(m);
    }
    disclose(life, place, day, s, classes);
    for (const { staff, event } of plainSpeaking(life, place, day, s, classes)) {
      const at = day + 14 + s.int(46);
      if (at <= this.ctx.end) this.aftermath.at(at, staff.id * 4 + AFTERMATH.leave, event);
    }
    const students = life.aged(place, day, life.school.social.fromAge);
    favour(life, place, day, s, students);
    debunks(life, place, day, s);
    rumourOrigins(life, place, day, s, students);
    cliqueYear(life, scopeOf(life, place, day, life.school.social.ticksPerYear), s);
    snapshot(life, place, year);
  }

  private onExchange(day: number, place: number, n: number): void {
    this.prune(place);
    holdExchange(this.life, place, day, this.stream('exchange', place, n));
  }

  private onSale(day: number, place: number, n: number): void {
    this.prune(place);
    holdSale(this.life, place, day, this.stream('sale', place, n));
  }

  private onGallery(day: number, place: number, n: number): void {
    this.prune(place);
    const since = this.lastVisit.get(place) ?? this.ctx.start;
    if (madameVisits(this.life, place, day, since, this.stream('gallery', place, n)) !== NONE)
      this.lastVisit.set(place, day);
  }

  private scheduleLoss(item: Item, from: number): void {
    const rate = this.life.school.sale.lossPerYear;
    if (rate <= 0) return;
    const u = this.ctx.streams.draw('item-loss').at(hash4(item.id, item.copyOf, 0, 0), item.version);
    const years = -Math.log(1 - u) / rate;
    const at = from + Math.max(1, Math.round(years * 365.2425));
    if (at <= this.ctx.end) this.aftermath.at(at, item.id * 4 + AFTERMATH.loss, item.version);
  }

  private onItemLost(day: number, itemId: number, version: number): void {
    const life = this.life;
    const item = life.items[itemId - 1];
    if (!item || item.version !== version || item.fate !== 'held') return;
    const owner = item.owner;
    // Things go missing in the bustle of school and the Cottages; afterwards they stay boxed.
    if (this.ctx.people.phase(owner) === PHASE_COMPLETED || (life.members.get(owner)?.home ?? NONE) === NONE)
      return;
    if (life.storyline.itemHeld(owner, item.kind, day)) return;
    const event = life.emit(
      day,
      EVENT_CODES.item_lost,
      owner,
      NONE,
      this.ctx.people.place(owner),
      item.id,
      NONE,
      null,
    );
    life.release(item, day, event, 'lost');
    item.fate = 'lost';
    item.lostOn = day;
    life.members.get(owner)?.lost.push(item.id);
  }

  private onGuardianLeaves(day: number, guardian: number, cause: number): void {
    const st = this.life.staffRows.find((x) => x.id === guardian);
    if (st) guardianLeaves(this.life, st, day, cause);
  }

  private onReport(day: number, place: number, n: number): void {
    this.prune(place);
    const s = this.stream('possible-report', place, n);
    const trip = this.cottages.report(place, day, s);
    if (trip === NONE) return;
    const at = day + 20 + s.int(50);
    if (at <= this.ctx.end) this.outing.at(at, trip * 2 + OUTING.trip, n);
  }

  private onTrip(day: number, trip: number, n: number): void {
    const s = this.ctx.streams.sequence('possible-trip', hash4(trip, n, 0, 0));
    this.cottages.trip(trip, day, s);
  }

  /** The couple a person is in now, if any: the two people and when they formed. */
  coupleOf(person: number): { id: number; a: number; b: number; formed: number } | undefined {
    const m = this.life.members.get(person);
    const c = m ? this.life.coupleOf(m) : undefined;
    return c && c.ended === NONE ? { id: c.id, a: c.a, b: c.b, formed: c.formed } : undefined;
  }

  /** The version of a proposition a person holds now, if any. */
  belief(
    person: number,
    prop: string,
  ): { version: string; since: number; confidence: number; source: number } | undefined {
    const b = this.life.book.current(person, prop);
    return b ? { version: b.version, since: b.from, confidence: b.confidence, source: b.source } : undefined;
  }

  /** How fond a is of b (-1..1), or 0 when they never met. */
  friendship(a: number, b: number): number {
    return this.life.members.get(a)?.ties.get(b)?.f ?? 0;
  }

  /** A person's works, in the order made. */
  worksOf(person: number): readonly import('./life.js').Work[] {
    return this.life.worksByMaker.get(person)?.slice() ?? [];
  }

  tables(): ExtraTable[] {
    return schoolTables(this.life);
  }

  summary(): Record<string, unknown> {
    return schoolSummary(this.life);
  }
}

/** The module factory for src/world/modules.ts. */
export const schoolLife: ModuleFactory = (ctx) => new SchoolLife(ctx);
