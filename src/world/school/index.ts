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
import { dayFromYmd, yearOf } from '../../engine/calendar.js';
import { hash4 } from '../../engine/random.js';
import { NONE } from '../../engine/recorder.js';
import { Cottages } from '../cottages/index.js';
import { T } from '../event-types.js';
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
import { Life, type Item, type Member } from './life.js';
import { holdSale } from './sale.js';
import {
  cliqueYear,
  coupleEndings,
  endCouple,
  formCouple,
  ease,
  encounters,
  gossip,
  leaveClique,
  scopeOf,
  settle,
  snapshot,
  tantrums,
  teasings,
} from './social.js';
import { asCast } from '../canon/traits.js';
import { schoolTables } from './tables.js';
import { drawHand, drawTraits } from './traits.js';

/** What a `school-happening` wake-up is: its code, in the low bits of its first argument. */
const HAPPENING = { exchange: 0, sale: 1, gallery: 2 } as const;
/** What a `residence-outing` wake-up is. */
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
  private readonly calendar: WakeUp;
  private readonly tick: WakeUp;
  private readonly year: WakeUp;
  private readonly happening: WakeUp;
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
    this.calendar = ctx.wakeUp('school-calendar', (day, place, year) => this.onCalendar(day, place, year));
    this.tick = ctx.wakeUp('school-tick', (day, place, n) => this.onTick(day, place, n));
    this.year = ctx.wakeUp('school-year', (day, place, year) => this.onSchoolYear(day, place, year));
    this.happening = ctx.wakeUp('school-happening', (day, a, n) => {
      const place = a >> 2;
      const code = a & 3;
      if (code === HAPPENING.exchange) this.onExchange(day, place, n);
      else if (code === HAPPENING.sale) this.onSale(day, place, n);
      else this.onGallery(day, place, n);
    });
    this.outing = ctx.wakeUp('residence-outing', (day, a, n) => {
      if ((a & 1) === OUTING.report) this.onReport(day, a >> 1, n);
      else this.onTrip(day, a >> 1, n);
    });
    this.aftermath = ctx.wakeUp('school-aftermath', (day, a, b) => {
      const code = a & 3;
      if (code === AFTERMATH.loss) this.onItemLost(day, a >> 2, b);
      else if (code === AFTERMATH.leave) this.onGuardianLeaves(day, a >> 2, b);
      else this.onMadameMoved(day, a >> 2);
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
    const startYear = yearOf(ctx.start);
    for (const place of [...this.schools, ...this.residences]) {
      this.scheduleCalendar(place.id, startYear, ctx.start);
      this.scheduleYear(place.id, startYear);
      this.scheduleTicks(place.id, startYear);
    }
  }

  // ---- the people followed -------------------------------------------------------------------

  private addMember(person: number, home: number, veteran: boolean): Member {
    const p = this.ctx.people;
    const key = p.key(person);
    const drawn = drawTraits(this.ctx.streams, key);
    const castId = this.life.storyline.castId(person);
    const { traits, hand } = asCast(
      castId === undefined ? undefined : this.ctx.scenario.cast.find((c) => c.id === castId),
      drawn,
      drawHand(this.ctx.streams, key, drawn, this.life.school),
    );
    const m: Member = {
      id: person,
      key,
      sex: p.sex(person),
      born: p.born(person),
      cohort: p.cohort(person),
      school: p.school(person),
      veteran,
      home: NONE,
      traits,
      art: hand,
      tokens: veteran ? 0 : this.life.school.exchange.startingTokens,
      standing: Math.round((0.2 + 0.2 * this.ctx.streams.draw('standing').at(key, 0)) * 1000) / 1000,
      strain: 0,
      chosen: 0,
      works: 0,
      ties: new Map(),
      tieList: [],
      couple: NONE,
      clique: NONE,
      recent: [],
      items: [],
      lost: [],
      comforted: false,
      ageNow: 0,
      popularity: 0.3,
      group: [],
    };
    this.life.members.set(person, m);
    this.life.move(m, home);
    return m;
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

  private scheduleCalendar(place: number, year: number, from: number): void {
    const day = Math.max(from, dayFromYmd(year, 1, 1));
    if (day <= this.ctx.end) this.calendar.at(day, place, year);
  }

  private scheduleYear(place: number, year: number): void {
    let day = dayFromYmd(year, 9, 5);
    if (day < this.ctx.start) day = dayFromYmd(year + 1, 9, 5);
    if (day <= this.ctx.end) this.year.at(day, place, yearOf(day));
  }

  private scheduleTicks(place: number, year: number): void {
    // One tick now and then one after another: each tick schedules the next.
    const n = this.nextTick(place, year * 64 - 1);
    if (n !== NONE) this.tick.at(this.tickDay(n), place, n);
  }

  private tickDay(n: number): number {
    const per = this.life.school.social.ticksPerYear;
    const year = Math.floor(n / 64);
    const i = n % 64;
    const jan1 = dayFromYmd(year, 1, 1);
    return jan1 + Math.floor(((i + 0.5) * (dayFromYmd(year + 1, 1, 1) - jan1)) / per);
  }

  /** The tick number after `n` (year * 64 + index) on or after the start, or NONE after the end. */
  private nextTick(_place: number, n: number): number {
    const per = this.life.school.social.ticksPerYear;
    let year = Math.floor((n + 1) / 64);
    let i = (n + 1) % 64;
    for (;;) {
      if (i >= per) {
        year++;
        i = 0;
      }
      const m = year * 64 + i;
      const day = this.tickDay(m);
      if (day > this.ctx.end) return NONE;
      if (day >= this.ctx.start && day >= this.ctx.sim.now) return m;
      i++;
    }
  }

  /** Spreads `perYear` happenings over a year (a fractional rate sometimes rounds up). */
  private spread(
    place: number,
    year: number,
    from: number,
    code: number,
    perYear: number,
    phase: number,
    purpose: Purpose,
  ): void {
    const key = this.ctx.places[place]!.key;
    const draw = this.ctx.streams.draw(purpose);
    const whole = Math.floor(perYear);
    const n = whole + (draw.at(key, year * 2) < perYear - whole ? 1 : 0);
    const jan1 = dayFromYmd(year, 1, 1);
    const len = dayFromYmd(year + 1, 1, 1) - jan1;
    for (let i = 0; i < n; i++) {
      const jitter = Math.floor((draw.at(key, year * 64 + i + 1) - 0.5) * Math.min(20, len / (2 * n)));
      const day = jan1 + Math.floor(((i + phase) * len) / n) + jitter;
      if (day >= from && day <= this.ctx.end) this.happening.at(day, place * 4 + code, year * 64 + i);
    }
  }

  private isResidence(place: number): boolean {
    return this.ctx.places[place]!.kind === 'residence';
  }

  private onCalendar(day: number, place: number, year: number): void {
    const sch = this.life.school;
    if (this.isResidence(place)) {
      const s = this.stream('school-calendar', place, year);
      const reports = this.cottages.yearly(place, day, s);
      const jan1 = dayFromYmd(year, 1, 1);
      for (let i = 0; i < reports; i++) {
        const at = Math.max(day, jan1 + Math.floor(s.next() * 330));
        if (at <= this.ctx.end) this.outing.at(at, place * 2 + OUTING.report, year * 64 + i);
      }
    } else {
      this.spread(place, year, day, HAPPENING.exchange, sch.exchange.perYear, 0.5, 'exchange');
      this.spread(place, year, day, HAPPENING.sale, sch.sale.perYear, 0.3, 'sale');
      this.spread(place, year, day, HAPPENING.gallery, sch.gallery.visitsPerYear, 0.4, 'gallery');
    }
    this.scheduleCalendar(place, year + 1, day + 1);
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
    const next = this.nextTick(place, n);
    if (next !== NONE) this.tick.at(this.tickDay(next), place, next);
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
    this.scheduleYear(place, year + 1);
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
    const event = life.emit(day, T.item_lost, owner, NONE, this.ctx.people.place(owner), item.id, NONE, null);
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

  // ---- pinned beats (a scenario's fixed story, such as the canon's) ----------------------------

  /**
   * The person buys this thing at their next Sale (a cassette of songs, say).
   * @example life.wish(kathy, 'cassette', '"Slow Hours", songs by Vera Linley, on cassette')
   */
  wish(person: number, kind: string, label: string): void {
    const list = this.life.wishes.get(person) ?? [];
    list.push({ kind, label });
    this.life.wishes.set(person, list);
  }

  /** The person loses the first thing of this kind in their collection on `day`. */
  loseOn(person: number, kind: string, day: number): void {
    const m = this.life.members.get(person);
    const item = m?.items.map((id) => this.life.items[id - 1]!).find((i) => i.kind === kind);
    if (!item) throw new RangeError(`loseOn: ${this.ctx.people.name(person)} has no ${kind} to lose`);
    if (day >= this.ctx.sim.now && day <= this.ctx.end)
      this.aftermath.at(day, item.id * 4 + AFTERMATH.loss, item.version);
  }

  /** On `day` someone at the person's residence claims to have seen their possible; a trip follows. */
  sightingOn(person: number, day: number): void {
    const m = this.life.members.get(person);
    if (!m || m.home === NONE || !this.isResidence(m.home))
      throw new RangeError(`sightingOn: ${this.ctx.people.name(person)} is not at a residence`);
    this.cottages.sightings.push(person);
    if (day >= this.ctx.sim.now && day <= this.ctx.end) this.outing.at(day, m.home * 2 + OUTING.report, -1);
  }

  /** On their next trip from a residence, the person finds what they lost (or its twin). */
  findOnNextTrip(person: number, kind: string | null = null): void {
    this.life.findsOnTrip.set(person, kind);
  }

  /** Madame comes upon the person alone with a song on `day`, and is moved. */
  madameMovedOn(person: number, day: number): void {
    if (day >= this.ctx.sim.now && day <= this.ctx.end)
      this.aftermath.at(day, person * 4 + AFTERMATH.moved, 0);
  }

  private onMadameMoved(day: number, person: number): void {
    const m = this.life.members.get(person);
    if (!m || this.life.madame === NONE) return;
    const song = m.items.find((id) => this.life.items[id - 1]!.kind === 'cassette') ?? NONE;
    this.life.emit(day, T.madame_moved, person, this.life.madame, m.home, song, NONE, null);
  }

  /**
   * Two people become a couple today (a storyline's beat); whoever either was with ends it.
   * Returns false when either is not followed in detail.
   */
  coupleNow(a: number, b: number, day: number, place: number): boolean {
    const ma = this.life.members.get(a);
    const mb = this.life.members.get(b);
    if (!ma || !mb) return false;
    for (const m of [ma, mb]) {
      const c = this.life.coupleOf(m);
      if (c && c.ended === NONE && !((c.a === a && c.b === b) || (c.a === b && c.b === a)))
        endCouple(this.life, c, m, day, place, 'drifted');
    }
    const now = this.life.coupleOf(ma);
    if (now && now.ended === NONE && (now.a === b || now.b === b)) return true;
    formCouple(this.life, ma, mb, place, day);
    return true;
  }

  /** A guardian leaves the school today, because of the event `cause` (a storyline's beat). */
  guardianLeavesNow(guardian: number, day: number, cause: number): boolean {
    const st = this.life.staffRows.find((x) => x.id === guardian);
    if (!st || st.left !== NONE) return false;
    guardianLeaves(this.life, st, day, cause);
    return true;
  }

  /**
   * Someone comes to hold a version of a proposition from what they lived through (told by
   * Miss Emily, say), recorded as `learned_by_experience` caused by `cause`.
   */
  learnNow(person: number, prop: string, version: string, day: number, cause: number, what: string): void {
    const b = this.life.book.adopt({
      person,
      prop,
      version,
      day,
      source: cause,
      kind: 'experience',
      confidence: 1,
    });
    if (!b) return;
    const place = this.ctx.people.place(person);
    this.life.emit(day, T.learned_by_experience, person, NONE, place, b.id, cause, {
      p: prop,
      v: version,
      what,
    });
  }

  // ---- what other modules and the store read ---------------------------------------------------

  /**
   * A storyline's trip to look for `subject`'s possible, today, with the story's party; the
   * sighting is wrong. Returns false when they are not all at one residence.
   */
  storyTripNow(subject: number, party: readonly number[], day: number): boolean {
    const m = this.life.members.get(subject);
    const members = party.map((id) => this.life.members.get(id));
    if (!m || m.home === NONE || !this.isResidence(m.home) || members.some((x) => !x || x.home !== m.home))
      return false;
    const s = this.stream('possible-trip', m.home, day);
    this.cottages.storyTrip(m, members as Member[], day, s);
    return true;
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
    const life = this.life;
    return {
      followed: life.members.size,
      works: life.works.length,
      exchanges: life.counts.exchanges,
      sales: life.counts.sales,
      items: life.items.length,
      galleryVisits: life.counts.galleryVisits,
      chosen: life.counts.chosen,
      couples: life.couples.length,
      cliques: life.cliques.length,
      beliefs: life.book.size,
      rumoursStarted: life.counts.rumoursStarted,
      plainSpeakings: life.counts.plainSpeakings,
    };
  }
}

/** The module factory for src/world/modules.ts. */
export const schoolLife: ModuleFactory = (ctx) => new SchoolLife(ctx);
