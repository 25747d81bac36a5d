/**
 * The world: people, places and the programme's rules wired to the engine. Rules are handlers
 * of wake-ups; each decides with counter-based draws keyed by the person's stable key, records
 * what happened through `record()` (which also applies it to the people store, so the store is
 * always the fold of the log), and schedules what comes next. Nothing here knows of files,
 * databases or terminals.
 */
import { dayFromYmd, DAYS_PER_YEAR, isoDate, parseIsoDate, yearOf, ymdFromDay } from '../engine/calendar.js';
import { drawPrefix, hash4, hashString, uniformAfter } from '../engine/random.js';
import { EventRecorder, NONE, type EventSink } from '../engine/recorder.js';
import { MAX_QUEUE_DAY } from '../engine/queue.js';
import { Simulation } from '../engine/simulation.js';
import { RuleViolation } from '../errors.js';
import type { Scenario } from '../scenario/schema.js';
import { Cast, type Pins } from './canon/pins.js';
import { Caring } from './caring/carers.js';
import { fromDistribution } from './draw.js';
import { T } from './event-types.js';
import { nearest } from './geography/distance.js';
import { FEMALE_NAMES, INITIALS, MALE_NAMES, SEX_FEMALE, SURNAMES } from './names.js';
import { People } from './people.js';
import {
  KIND_CLONE,
  KIND_GUARDIAN,
  KIND_MADAME,
  PHASE_CARER,
  PHASE_COMPLETED,
  PHASE_DONOR,
  PHASE_RESIDENT,
  PHASE_STUDENT,
} from './phases.js';
import type { Beat } from '../scenario/canon-schema.js';
import type { ExtraTable, ModuleFactory, WorldContext, WorldModule } from './module.js';
import { STANDARD_MODULES } from './modules.js';
import { buildPlaces, schoolsOf, type Place } from './places.js';

/** Purposes of random draws: one stream per person (or place) and purpose. */
const P = {
  cohortSize: hashString('cohort-size'),
  birthday: hashString('birthday'),
  sex: hashString('sex'),
  given: hashString('given-name'),
  initial: hashString('initial'),
  residenceYears: hashString('residence-years'),
  skipCaring: hashString('skip-caring'),
  career: hashString('career'),
  centre: hashString('centre'),
  firstDonation: hashString('first-donation'),
  recovery: hashString('recovery'),
  completion: hashString('completion'),
  completionDelay: hashString('completion-delay'),
  carerPick: hashString('carer-pick'),
  staff: hashString('staff'),
  health: hashString('health'),
} as const;

/** Order of same-day wake-ups. */
const PHASE_LIST = ['none', 'student', 'resident', 'carer', 'donor', 'completed'] as const;

const PRIORITY = {
  school: 0,
  cohort: 1,
  birth: 2,
  leave: 3,
  training: 4,
  donor: 5,
  donation: 6,
  complete: 7,
  round: 8,
  beat: 9,
} as const;

export interface WorldOptions {
  seed: number;
  sink?: EventSink | null;
  /** Keep a running hash of the log (on by default). */
  hashing?: boolean;
  batchSize?: number;
  /** Modules to run instead of the standard ones (tests). */
  modules?: readonly ModuleFactory[];
}

export interface WorldSummary {
  people: number;
  clones: number;
  events: number;
  wakeUps: number;
  byPhase: Record<string, number>;
  completionsByDonation: Record<string, number>;
  /** Completed carer careers: count, and years at quantiles. */
  carerCareers: {
    count: number;
    minYears: number;
    medianYears: number;
    maxYears: number;
    byYear: Record<string, number>;
  };
  logSha256: string;
  start: string;
  end: string;
  /** Figures added by modules, by module name. */
  modules: Record<string, Record<string, unknown>>;
}

export class World implements WorldContext {
  readonly seed: number;
  readonly scenario: Scenario;
  readonly sim: Simulation;
  readonly rec: EventRecorder;
  readonly people: People;
  readonly places: Place[];
  readonly start: number;
  readonly end: number;
  readonly maxDonations: number;
  /** Completions counted by the donation at which they happened (index 1..max). */
  readonly completionsAt: Float64Array;
  /** Years of each finished carer career, counted by whole year. */
  readonly careerYears: Float64Array = new Float64Array(64);
  private logHash = '';

  readonly caring: Caring;
  /** The storyline's named people and their pins (empty for most worlds). */
  readonly cast: Cast;
  /** The cast's first names, as sex * 65,536 + index in the name list. */
  private readonly castNames = new Set<number>();
  private readonly K_beat: number;
  /** Where a closed school's children go (place id), or NONE while it is open. */
  private readonly successor: Int32Array;
  private readonly K_round: number;
  /** The draw prefixes of this world's seed for each purpose in P (see `drawPrefix`). */
  private readonly D: Record<keyof typeof P, number>;
  /** Payload shapes: `{"from":place}` and `{"previous":carer}`. */
  private readonly FROM: number;
  private readonly PREVIOUS: number;
  /** Km on a detailed carer's clock at their last monthly round. */
  private readonly kmAtLastRound = new Map<number, number>();
  /** Trips on a detailed carer's clock at their last monthly round. */
  private readonly tripsAtLastRound = new Map<number, number>();

  private readonly K: {
    cohort: number;
    birth: number;
    leave: number;
    training: number;
    donor: number;
    donation: number;
    complete: number;
    close: number;
  };
  private readonly schoolPlaces: Place[];
  private readonly residenceOf: Int32Array;
  private readonly centres: Place[];
  private readonly risks: readonly number[];
  private readonly nearestCentreOf: Int32Array;
  private readonly detailed: Uint8Array;
  /** Recipients' demand index by year from 1900 (`demandIndex`). */
  private readonly demandByYear: Float64Array;
  /** The notice day for each birthday from 1900 (`donorAgeDay`), filled as met; NONE if not yet. */
  private readonly noticeDayOf = new Int32Array(MAX_QUEUE_DAY + 1).fill(NONE);
  readonly modules: WorldModule[] = [];
  private hooked: WorldModule[] = [];

  constructor(scenario: Scenario, options: WorldOptions) {
    this.seed = options.seed >>> 0;
    this.scenario = scenario;
    this.D = Object.fromEntries(
      Object.entries(P).map(([k, purpose]) => [k, drawPrefix(this.seed, purpose)]),
    ) as Record<keyof typeof P, number>;
    this.start = parseIsoDate(scenario.calendar.start)!;
    this.end = parseIsoDate(scenario.calendar.end)!;
    this.places = buildPlaces(scenario);
    this.schoolPlaces = schoolsOf(this.places);
    this.centres = this.places.filter((p) => p.kind === 'recovery-centre');
    this.residenceOf = new Int32Array(this.places.length).fill(NONE);
    for (const s of this.schoolPlaces) this.residenceOf[s.id] = s.residence ?? NONE;
    this.nearestCentreOf = new Int32Array(this.places.length).fill(NONE);
    this.detailed = new Uint8Array(this.places.length);
    for (const s of this.schoolPlaces) {
      if (s.detail !== 'full') continue;
      this.detailed[s.id] = 1;
      if (s.residence !== null) this.detailed[s.residence] = 1;
    }
    this.risks = scenario.policy.donation.completionRisk;
    this.maxDonations = this.risks.length;
    this.completionsAt = new Float64Array(this.maxDonations + 1);

    const expected = this.expectedLives();
    this.people = new People(Math.ceil(expected * 1.05) + 64);
    this.sim = new Simulation(Math.min(Math.ceil(expected * 0.8) + 1024, 4_000_000));
    this.rec = new EventRecorder(options.sink ?? null, options.batchSize ?? 65_536, options.hashing ?? true);
    this.FROM = this.rec.defineShape('{"from":', '}');
    this.PREVIOUS = this.rec.defineShape('{"previous":', '}');
    this.caring = new Caring(this, this.people.rows, this.centres);
    this.cast = new Cast(scenario);
    for (const c of scenario.cast) {
      const first = c.name.split(' ')[0]!;
      const list: readonly string[] = c.sex === 'female' ? FEMALE_NAMES : MALE_NAMES;
      const at = list.indexOf(first);
      if (at >= 0) this.castNames.add((c.sex === 'female' ? SEX_FEMALE : 1) * 65_536 + at);
    }
    this.successor = new Int32Array(this.places.length).fill(NONE);
    this.demandByYear = new Float64Array(200).map((_, i) => {
      let index = 1;
      for (const d of scenario.policy.donation.demand) if (d.from <= 1900 + i) index = d.index;
      return index;
    });

    const sim = this.sim;
    this.K = {
      cohort: sim.register('cohort', (day, school, year) => this.onCohort(day, school, year)),
      birth: sim.register('birth', (day, school, index) => this.onBirth(day, school, index)),
      leave: sim.register('leave-school', (day, person) => this.onLeaveSchool(day, person)),
      training: sim.register('training', (day, person) => this.onTraining(day, person)),
      donor: sim.register('become-donor', (day, person) => this.onBecomeDonor(day, person)),
      donation: sim.register('donation', (day, person) => this.onDonation(day, person)),
      complete: sim.register('complete', (day, person, cause) => this.onComplete(day, person, cause)),
      close: sim.register('school-closes', (day, school) => this.onSchoolCloses(day, school)),
    };
    this.K_round = sim.register('carer-round', (day, carer) => this.onCarerRound(day, carer));
    this.K_beat = sim.register('beat', (day, index) => this.onBeat(day, index));
    scenario.beats.forEach((b, i) =>
      this.sim.schedule(parseIsoDate(b.date)!, PRIORITY.beat, this.K_beat, i, 0),
    );
    this.openSchools();
    for (const make of options.modules ?? STANDARD_MODULES) this.modules.push(make(this));
    this.hooked = this.modules;
    for (const m of this.modules) m.init?.(this);
  }

  /** About how many clones the scenario will create (for sizing arrays). */
  expectedLives(): number {
    let total = 0;
    const startYear = yearOf(parseIsoDate(this.scenario.calendar.start)!);
    const endYear = yearOf(parseIsoDate(this.scenario.calendar.end)!);
    for (const s of this.schoolPlaces) {
      if (!s.cohorts) continue;
      const first = Math.max(s.cohorts.first, startYear);
      const last = Math.min(s.cohorts.last, endYear);
      const size = s.cohorts.size;
      const mean =
        typeof size === 'number'
          ? size
          : size.mode === undefined
            ? (size.min + size.max) / 2
            : (size.min + size.mode + size.max) / 3;
      total += Math.max(0, last - first + 1) * mean;
    }
    return Math.ceil(total);
  }

  /** Runs the world to its last day. */
  run(onProgress?: (fraction: number, day: number) => void): WorldSummary {
    const span = Math.max(1, this.end - this.start);
    this.sim.run(this.end, onProgress ? (p) => onProgress((p.day - this.start) / span, p.day) : undefined);
    this.verifyCast();
    this.logHash = this.rec.finish();
    return this.summary();
  }

  /**
   * Bytes of simulation state: every per-person row (the people store and the caring pool)
   * for each person, plus the event queue.
   */
  stateBytes(): number {
    const perPerson = People.bytesPerRow + this.caring.bytesPerPerson;
    return this.people.count * perPerson + this.sim.queue.bytes;
  }

  /** Tables the modules add to the world database. */
  extraTables(): ExtraTable[] {
    return [this.carersTable(), ...this.modules.flatMap((m) => m.tables?.() ?? [])];
  }

  /** Every carer's figures: rounds, kilometres, donors, and their record at the end. */
  private carersTable(): ExtraTable {
    const p = this.people;
    const c = this.caring;
    const rows: (readonly unknown[])[] = [];
    for (let i = 0; i < p.count; i++) {
      if (p.kind(i) !== KIND_CLONE || !c.everCared(i)) continue;
      const stillCaring = p.phase(i) === PHASE_CARER;
      if (stillCaring) c.settle(i, this.end);
      rows.push([
        i,
        c.base(i),
        Math.round(c.km(i) * 10) / 10,
        Math.round(c.trips(i)),
        c.donorsCared(i),
        c.completionsInCare(i),
        Math.round(c.loadDays(i)),
        Math.round(c.record(i, this.end) * 1000) / 1000,
        stillCaring ? 1 : 0,
      ]);
    }
    return {
      name: 'carers',
      columns:
        'person INTEGER PRIMARY KEY, base INTEGER, km REAL, trips INTEGER, donors_cared INTEGER, completions_in_care INTEGER, donor_days INTEGER, record REAL, still_caring INTEGER',
      rows,
      after: 'CREATE INDEX carers_base ON carers(base)',
    };
  }

  /** Name of a person. */
  name(id: number): string {
    return this.people.name(id);
  }

  // ---- recording ---------------------------------------------------------------------------

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

  personOfCast(castId: string): number | undefined {
    return this.cast.personOf.get(castId);
  }

  /** Marks a person as followed in detail (born at a full-detail school, or arrived at its residence). */
  private follow(person: number): void {
    this.people.setFollowed(person);
  }

  /** True when modules follow this person in detail, so their lifecycle hooks fire. */
  private followed(person: number): boolean {
    return this.people.followed(person);
  }

  /** True for a full-detail school and its residence. */
  isDetailed(place: number): boolean {
    return this.detailed[place] === 1;
  }

  /** Delays a donor's next donation (a granted deferral); earlier wake-ups become stale. */
  postponeDonations(person: number, days: number, _cause: number): void {
    const due = this.people.due(person);
    if (due === NONE || this.people.phase(person) !== PHASE_DONOR) return;
    const next = due + Math.max(1, Math.round(days));
    this.people.setDue(person, next);
    this.cast.shift(person, this.sim.now, next - due);
    if (next <= this.end) this.sim.schedule(next, PRIORITY.donation, this.K.donation, person, 0);
  }

  private scheduleDonation(person: number, day: number): void {
    this.people.setDue(person, day);
    if (day <= this.end) this.sim.schedule(day, PRIORITY.donation, this.K.donation, person, 0);
  }

  private setPhase(person: number, phase: number, day: number): void {
    const p = this.people;
    const from = p.phase(person);
    if (phase <= from) {
      throw new RuleViolation(
        'phases never run backwards',
        `cannot go from phase ${from} to ${phase}`,
        p.name(person),
        isoDate(day),
      );
    }
    p.setPhase(person, phase);
    p.setPhaseDay(person, day);
  }

  // ---- schools and births ------------------------------------------------------------------

  private openSchools(): void {
    const startYear = yearOf(this.start);
    const endYear = yearOf(this.end);
    const p = this.people;
    for (const s of this.schoolPlaces) {
      const opened = Math.max(this.start, s.opened ?? this.start);
      if (opened <= this.end) this.record(opened, T.school_opened, NONE, NONE, s.id, NONE, NONE, null);
      if (s.detail === 'full') {
        for (let g = 0; g < s.staff; g++) {
          const key = hash4(s.key, 0x57aff, g, 0);
          const sex = uniformAfter(this.D.sex, key, 0) < 0.8 ? SEX_FEMALE : 1;
          const id = p.add(KIND_GUARDIAN, sex, key, s.id, opened - Math.round(30 * DAYS_PER_YEAR));
          p.setGiven(id, 6 + Math.floor(uniformAfter(this.D.staff, key, 0) * (SURNAMES.length - 6)));
          const head = g === 0 && s.headmistress !== null;
          if (head) p.namedAs.set(id, s.headmistress!);
          // The storyline's guardians of this school take the next places on the staff.
          const named = this.cast.guardians.filter(
            (c) => c.member.school === s.slug && c.member.name !== s.headmistress,
          );
          const cast = named[g - (s.headmistress !== null ? 1 : 0)];
          if (cast && !head) {
            p.namedAs.set(id, cast.member.name);
            p.setSex(id, cast.member.sex === 'female' ? SEX_FEMALE : 1);
            this.cast.personOf.set(cast.member.id, id);
          } else if (head) {
            const c = this.cast.guardians.find((x) => x.member.name === s.headmistress);
            if (c) this.cast.personOf.set(c.member.id, id);
          }
          this.record(
            opened,
            T.joined_staff,
            id,
            NONE,
            s.id,
            NONE,
            NONE,
            JSON.stringify({ role: head ? 'headmistress' : 'guardian' }),
          );
        }
      }
      if (s.closes !== null && s.closes >= this.start && s.closes <= this.end) {
        this.sim.schedule(s.closes, PRIORITY.school, this.K.close, s.id, 0);
      }
      if (!s.cohorts) continue;
      const first = Math.max(s.cohorts.first, startYear);
      if (first <= Math.min(s.cohorts.last, endYear)) {
        this.sim.schedule(
          Math.max(this.start, dayFromYmd(first, 1, 1)),
          PRIORITY.cohort,
          this.K.cohort,
          s.id,
          first,
        );
      }
    }
    if (this.schoolPlaces.some((s) => s.detail === 'full')) {
      const madame = p.add(
        KIND_MADAME,
        SEX_FEMALE,
        hashString('madame'),
        this.schoolPlaces.find((s) => s.detail === 'full')!.id,
        this.start - Math.round(40 * DAYS_PER_YEAR),
      );
      p.namedAs.set(madame, 'Madame');
      if (this.cast.madame) this.cast.personOf.set(this.cast.madame.member.id, madame);
    }
  }

  private onSchoolCloses(day: number, school: number): void {
    const closedId = this.record(day, T.school_closed, NONE, NONE, school, NONE, NONE, '{"cause":"funding"}');
    if (this.scenario.policy.funding.transferTo === 'none') return;
    const to = this.openHomeNear(school, day);
    if (to === NONE) return;
    this.successor[school] = to;
    // The children still there go to the nearest home that is open.
    const p = this.people;
    for (let i = 0; i < p.count; i++) {
      if (p.school(i) !== school || p.phase(i) !== PHASE_STUDENT || p.kind(i) !== KIND_CLONE) continue;
      p.setSchool(i, to);
      p.setPlace(i, to);
      this.record(day, T.transferred, i, NONE, to, NONE, closedId, null, this.FROM, school);
    }
  }

  /** The nearest school or home to `school` that is open on `day` (homes first), or NONE. */
  private openHomeNear(school: number, day: number): number {
    const here = this.places[school]!;
    const open = (s: Place) => s.id !== school && (s.closes === null || s.closes > day) && s.cohorts !== null;
    for (const kinds of [['home'], ['home', 'school']]) {
      const candidates = this.schoolPlaces.filter((s) => open(s) && kinds.includes(s.kind));
      if (candidates.length > 0) return candidates[nearest(candidates, here)]!.id;
    }
    return NONE;
  }

  private onCohort(day: number, school: number, year: number): void {
    const s = this.places[school]!;
    const cohorts = s.cohorts!;
    const closed = s.closes !== null && dayFromYmd(year, 1, 1) >= s.closes;
    const placed = closed ? this.successor[school]! : school;
    if (placed !== NONE) {
      const named = this.cast.cohort(s.slug, year);
      const drawn = Math.round(fromDistribution(cohorts.size, uniformAfter(this.D.cohortSize, s.key, year)));
      const size = Math.max(drawn, named.length);
      const jan1 = dayFromYmd(year, 1, 1);
      const daysInYear = dayFromYmd(year + 1, 1, 1) - jan1;
      for (let i = 0; i < size; i++) {
        const key = hash4(s.key, year, i, 0x0b1e7);
        const pinned = named[i]?.born;
        const born = pinned ?? jan1 + Math.floor(uniformAfter(this.D.birthday, key, 0) * daysInYear);
        if (born >= day && born <= this.end) this.sim.schedule(born, PRIORITY.birth, this.K.birth, school, i);
      }
    }
    const next = year + 1;
    if (next <= cohorts.last && dayFromYmd(next, 1, 1) <= this.end && placed !== NONE) {
      this.sim.schedule(dayFromYmd(next, 1, 1), PRIORITY.cohort, this.K.cohort, school, next);
    }
  }

  private onBirth(day: number, cohortSchool: number, index: number): void {
    const s = this.places[cohortSchool]!;
    const year = yearOf(day);
    // The key comes from the school the cohort was planned for, so a child is the same person
    // whether or not that school has closed by the time they are born.
    const key = hash4(s.key, year, index, 0x0b1e7);
    const moved = s.closes !== null && day >= s.closes && this.successor[cohortSchool] !== NONE;
    const school = moved ? this.successor[cohortSchool]! : cohortSchool;
    const p = this.people;
    const cast = this.cast.empty ? undefined : this.cast.cohort(s.slug, year)[index];
    const drawnSex = uniformAfter(this.D.sex, key, 0) < 0.5 ? SEX_FEMALE : 1;
    const sex = cast ? (cast.member.sex === 'female' ? SEX_FEMALE : 1) : drawnSex;
    const id = p.add(KIND_CLONE, sex, key, school, day);
    const names = sex === SEX_FEMALE ? FEMALE_NAMES : MALE_NAMES;
    let given = Math.floor(uniformAfter(this.D.given, key, 0) * names.length);
    // Nobody generated shares a first name with the storyline's cast.
    while (this.castNames.has(sex * 65_536 + given)) given = (given + 1) % names.length;
    p.setGiven(id, given);
    p.setInitial(id, Math.floor(uniformAfter(this.D.initial, key, 0) * INITIALS.length));
    p.setCohort(id, year);
    if (cast) {
      p.namedAs.set(id, cast.member.name);
      this.cast.byPerson.set(id, cast);
      this.cast.personOf.set(cast.member.id, id);
    }
    const bornId = this.record(day, T.born, id, NONE, school, year, NONE, null);
    p.setPhase(id, PHASE_STUDENT);
    if (this.detailed[school] === 1) this.follow(id);
    if (this.followed(id)) for (const m of this.hooked) m.onBorn?.(id, day, bornId);
    const ages = this.scenario.policy.ages;
    const leave = dayFromYmd(year + ages.leaveSchool, ages.leaveMonth, 20);
    if (leave <= this.end) this.sim.schedule(Math.max(leave, day), PRIORITY.leave, this.K.leave, id, 0);
  }

  // ---- after school ------------------------------------------------------------------------

  private onLeaveSchool(day: number, person: number): void {
    const p = this.people;
    const school = p.school(person);
    const residence = this.residenceOf[school]!;
    this.setPhase(person, PHASE_RESIDENT, day);
    p.setPlace(person, residence);
    const arrived = this.record(
      day,
      T.became_resident,
      person,
      NONE,
      residence,
      NONE,
      p.lastEvent(person),
      null,
      this.FROM,
      school,
    );
    if (this.detailed[residence] === 1) this.follow(person);
    if (this.followed(person)) {
      for (const m of this.hooked) m.onLeftSchool?.(person, day, arrived);
      // A leaver of a lifecycle school is followed on only if a module took them in.
      if (this.detailed[school] !== 1 && !this.hooked.some((m) => m.keeps?.(person) === true))
        this.people.setFollowed(person, false);
    }
    const key = p.key(person);
    const pol = this.scenario.policy;
    const wait = Math.round(
      fromDistribution(pol.ages.residenceYears, uniformAfter(this.D.residenceYears, key, 0)) * DAYS_PER_YEAR,
    );
    let at = day + Math.max(1, wait);
    const pins = this.cast.of(person);
    if (pins) {
      if (pins.trainingOn !== null)
        at = this.pinnedAfter(pins, 'trainingOn', pins.trainingOn, day, 'leaving school');
      else if (pins.donorOn !== null) at = Math.min(at, pins.donorOn - 30);
    }
    if (at > this.end) return;
    if (pins?.trainingOn === null && pins.donorOn !== null && pins.donorOn <= at) {
      this.sim.schedule(
        this.pinnedAfter(pins, 'donorOn', pins.donorOn, day, 'leaving school'),
        PRIORITY.donor,
        this.K.donor,
        person,
        0,
      );
    } else if (!pins?.trainingOn && uniformAfter(this.D.skipCaring, key, 0) < pol.caring.skipCaring) {
      // Those who never care wait at the residence until they are old enough to donate.
      const notice = Math.max(at, this.donorAgeDay(person));
      if (notice <= this.end) this.sim.schedule(notice, PRIORITY.donor, this.K.donor, person, 0);
    } else {
      this.sim.schedule(at, PRIORITY.training, this.K.training, person, 0);
    }
  }

  private onTraining(day: number, person: number): void {
    const p = this.people;
    this.setPhase(person, PHASE_CARER, day);
    const left = this.record(
      day,
      T.left_for_training,
      person,
      NONE,
      p.place(person),
      NONE,
      p.lastEvent(person),
      null,
    );
    if (this.followed(person)) for (const m of this.hooked) m.onLeftResidence?.(person, day, left);
    const key = p.key(person);
    const years = fromDistribution(
      this.scenario.policy.caring.careerYears,
      uniformAfter(this.D.career, key, 0),
    );
    let at = Math.max(day + Math.max(1, Math.round(years * DAYS_PER_YEAR)), this.donorAgeDay(person));
    const pins = this.cast.of(person);
    if (pins?.donorOn != null)
      at = this.pinnedAfter(pins, 'donorOn', pins.donorOn, day, 'leaving for training');
    if (at <= this.end) this.sim.schedule(at, PRIORITY.donor, this.K.donor, person, 0);
    this.caring.start(person, this.nearestCentre(p.place(person)), day);
    this.caring.serveWaiting(day);
    if (this.detailed[p.school(person)] === 1) {
      this.kmAtLastRound.set(person, 0);
      this.tripsAtLastRound.set(person, 0);
      this.scheduleRound(person, day);
    }
  }

  // ---- donating ----------------------------------------------------------------------------

  private onBecomeDonor(day: number, person: number): void {
    const p = this.people;
    const wasCarer = p.phase(person) === PHASE_CARER;
    const fromResidence = p.phase(person) === PHASE_RESIDENT ? p.place(person) : NONE;
    const careerDays = wasCarer ? day - p.phaseDay(person) : 0;
    const key = p.key(person);
    const centre = this.pickCentre(person, key);
    this.setPhase(person, PHASE_DONOR, day);
    p.setCentre(person, centre);
    p.setPlace(person, centre);
    const becameId = this.record(
      day,
      T.became_donor,
      person,
      NONE,
      centre,
      careerDays,
      p.lastEvent(person),
      null,
    );
    if (wasCarer) {
      const y = Math.min(this.careerYears.length - 1, Math.floor(careerDays / DAYS_PER_YEAR));
      this.careerYears[y]! += 1;
      if (this.kmAtLastRound.has(person)) this.onCarerRound(day, person);
      // The carer's own donors need someone else now.
      this.caring.stop(person, day, becameId);
    }
    this.caring.findCarer(day, person, becameId, NONE);
    const wait = Math.round(
      fromDistribution(
        this.scenario.policy.donation.firstAfterDays,
        uniformAfter(this.D.firstDonation, key, 0),
      ),
    );
    const firstPinned = this.cast.of(person)?.donations[0];
    this.scheduleDonation(
      person,
      firstPinned !== undefined
        ? this.pinnedAfter(this.cast.of(person)!, 'donations[0]', firstPinned, day, 'becoming a donor')
        : day + Math.max(1, wait),
    );
    // A veteran from a lifecycle school leaves a detailed residence too: its modules must hear.
    const leftDetailed = fromResidence !== NONE && this.detailed[fromResidence] === 1;
    if (this.followed(person)) {
      for (const m of this.hooked) {
        if (leftDetailed) m.onLeftResidence?.(person, day, becameId);
        m.onBecameDonor?.(person, day, becameId);
      }
    }
  }

  private pickCentre(person: number, key: number): number {
    // The nearest of the centres to where the donor lives now, or a random one of the three nearest.
    const centres = this.centres;
    if (centres.length === 1) return centres[0]!.id;
    const u = uniformAfter(this.D.centre, key, 0);
    if (u < 0.6) return this.nearestCentre(this.people.place(person));
    return centres[Math.floor(u * 7919) % centres.length]!.id;
  }

  private nearestCentre(place: number): number {
    let c = this.nearestCentreOf[place]!;
    if (c === NONE) {
      c = this.centres[nearest(this.centres, this.places[place]!)]!.id;
      this.nearestCentreOf[place] = c;
    }
    return c;
  }

  private onDonation(day: number, person: number): void {
    // A postponed donation leaves its old wake-up behind; only the one on the due day counts.
    const p = this.people;
    if (p.due(person) !== day) return;
    p.setDue(person, NONE);
    const n = p.donations(person) + 1;
    p.setDonations(person, n);
    const centre = p.centre(person);
    const id = this.record(day, T.donated, person, p.carer(person), centre, n, p.lastEvent(person), null);
    if (this.followed(person)) for (const m of this.hooked) m.onDonated?.(person, day, id, n);
    const key = p.key(person);
    const don = this.scenario.policy.donation;
    const pins = this.cast.of(person);
    const completes =
      pins?.completesAfter != null
        ? n >= pins.completesAfter
        : uniformAfter(this.D.completion, key, n) < this.completionRisk(person, n, day);
    if (completes) {
      const delay = Math.round(
        fromDistribution(don.completionAfterDays, uniformAfter(this.D.completionDelay, key, n)),
      );
      let at = day + Math.max(0, delay);
      if (pins?.completedOn != null)
        at = this.pinnedAfter(pins, 'completedOn', pins.completedOn, day - 1, `donation ${n}`);
      if (at <= this.end) this.sim.schedule(at, PRIORITY.complete, this.K.complete, person, id);
      return;
    }
    if (n >= this.maxDonations) {
      this.record(day, T.spared, person, NONE, centre, n, id, null);
      return;
    }
    const recovery = fromDistribution(don.recoveryDays, uniformAfter(this.D.recovery, key, n));
    const nextPinned = pins?.donations[n];
    this.scheduleDonation(
      person,
      nextPinned !== undefined
        ? this.pinnedAfter(pins!, `donations[${n}]`, nextPinned, day, `donation ${n}`)
        : day + Math.max(1, Math.round(recovery / this.demandIndex(day))),
    );
  }

  /** After the run: every pinned fact that falls within the calendar happened. */
  private verifyCast(): void {
    const p = this.people;
    for (const [id, pins] of this.cast.byPerson) {
      const who = `cast '${pins.member.id}' (${pins.member.name})`;
      const due = (d: number | null) => d !== null && d <= this.end;
      const fail = (detail: string) => {
        throw new RuleViolation('the world honours every pin of the storyline', detail, who);
      };
      if (due(pins.trainingOn) && p.phase(id) < PHASE_CARER)
        fail(`never left for training (pinned ${isoDate(pins.trainingOn!)})`);
      if (due(pins.donorOn) && p.phase(id) < PHASE_DONOR)
        fail(`never became a donor (pinned ${isoDate(pins.donorOn!)})`);
      const pinnedDone = pins.donations.filter((d) => d <= this.end).length;
      if (p.donations(id) < pinnedDone)
        fail(`gave ${p.donations(id)} donations, but ${pinnedDone} are pinned`);
      if (
        pins.completesAfter !== null &&
        p.phase(id) === PHASE_COMPLETED &&
        p.donations(id) !== pins.completesAfter
      ) {
        fail(`completed after ${p.donations(id)} donations, not ${pins.completesAfter}`);
      }
      if (due(pins.completedOn) && p.phase(id) !== PHASE_COMPLETED)
        fail(`did not complete (pinned ${isoDate(pins.completedOn!)})`);
    }
    for (const m of this.scenario.cast) {
      if (
        m.kind !== 'madame' &&
        !this.cast.personOf.has(m.id) &&
        (m.born === undefined || parseIsoDate(m.born)! <= this.end)
      ) {
        throw new RuleViolation(
          'the world honours every pin of the storyline',
          'never came into the world (is their school simulated in full, with room on its staff?)',
          `cast '${m.id}' (${m.name})`,
        );
      }
    }
  }

  /** The day a person reaches the youngest age at which the policy gives notice to donate. */
  private donorAgeDay(person: number): number {
    const born = this.people.born(person);
    const cached = born >= 0 && born < this.noticeDayOf.length ? this.noticeDayOf[born]! : NONE;
    if (cached !== NONE) return cached;
    const day = this.noticeDay(born);
    if (born >= 0 && born < this.noticeDayOf.length) this.noticeDayOf[born] = day;
    return day;
  }

  /** The day someone born on `born` reaches the policy's youngest age for notice. */
  private noticeDay(born: number): number {
    const [y, m, d] = ymdFromDay(born);
    const age = this.scenario.policy.ages.donorFrom;
    const whole = Math.floor(age);
    return dayFromYmd(y + whole, m, Math.min(d, 28)) + Math.round((age - whole) * DAYS_PER_YEAR);
  }

  /** A pinned day, checked to come after `after`; otherwise the storyline breaks a rule. */
  private pinnedAfter(pins: Pins, field: string, pinned: number, after: number, what: string): number {
    if (pinned <= after) {
      throw new RuleViolation(
        'a pinned day comes after what leads to it',
        `${field} ${isoDate(pinned)} is not after ${what} on ${isoDate(after)}`,
        `cast '${pins.member.id}' (${pins.member.name})`,
      );
    }
    return pinned;
  }

  // ---- storylines ----------------------------------------------------------------------------

  /** A beat of the storyline: checked against the world as it is that day, then recorded. */
  private onBeat(day: number, index: number): void {
    const beat = this.scenario.beats[index]!;
    const ids = beat.people.map((c) => this.castPerson(beat, c, day));
    for (const [castId, phase] of Object.entries(beat.requires ?? {})) {
      const id = this.castPerson(beat, castId, day);
      const actual = PHASE_LIST[this.people.phase(id)] ?? 'none';
      if (actual !== phase) {
        throw new RuleViolation(
          `beat '${beat.id}' contradicts the world`,
          `it needs ${this.people.name(id)} to be a ${phase}, but on that day they are a ${actual}`,
          beat.title,
          isoDate(day),
        );
      }
    }
    const place =
      beat.place !== undefined
        ? (this.places.find((p) => p.slug === beat.place)?.id ?? NONE)
        : this.people.place(ids[0]!);
    const data = JSON.stringify({
      beat: beat.id,
      title: beat.title,
      kind: beat.kind,
      people: ids,
      ...(beat.item ? { item: beat.item } : {}),
    });
    const id = this.record(
      day,
      T.canon_beat,
      ids[0]!,
      ids[1] ?? NONE,
      place,
      NONE,
      this.people.lastEvent(ids[0]!),
      data,
    );
    for (const extra of ids.slice(2)) this.participant(id, extra, 0);
    if (beat.kind === 'cares-for') this.beatCaresFor(beat, day, ids, id);
    for (const m of this.hooked) m.onBeat?.(beat, ids, day, id);
  }

  private castPerson(beat: Beat, castId: string, day: number): number {
    const id = this.cast.personOf.get(castId);
    if (id === undefined) {
      throw new RuleViolation(
        `beat '${beat.id}' contradicts the world`,
        `'${castId}' is not yet in the world on that day`,
        beat.title,
        isoDate(day),
      );
    }
    return id;
  }

  /** The carer (first named) takes the donor (second named): the story's choice of a friend. */
  private beatCaresFor(beat: Beat, day: number, ids: number[], cause: number): void {
    const [carer, donor] = ids;
    const p = this.people;
    if (
      carer === undefined ||
      donor === undefined ||
      p.phase(carer) !== PHASE_CARER ||
      p.phase(donor) !== PHASE_DONOR
    ) {
      throw new RuleViolation(
        `beat '${beat.id}' contradicts the world`,
        'a carer can take on only a donor: name the carer first, then the donor',
        beat.title,
        isoDate(day),
      );
    }
    if (p.carer(donor) === carer) return;
    if (!this.caring.assignChosen(day, donor, carer, cause)) {
      throw new RuleViolation(
        `beat '${beat.id}' contradicts the world`,
        `${p.name(carer)} already has the most donors a carer may hold`,
        beat.title,
        isoDate(day),
      );
    }
  }

  private onComplete(day: number, person: number, donationEvent: number): void {
    const p = this.people;
    const carer = p.carer(person);
    const n = p.donations(person);
    this.setPhase(person, PHASE_COMPLETED, day);
    const completedId = this.record(
      day,
      T.completed,
      person,
      carer,
      p.centre(person),
      n,
      donationEvent,
      null,
    );
    this.completionsAt[n]! += 1;
    if (this.followed(person)) for (const m of this.hooked) m.onCompleted?.(person, day, completedId);
    this.caring.release(person, day, true);
  }

  /**
   * The chance that donation `n` is the donor's last: the policy's risk for that number,
   * moved by the donor's health and by their carer's record. A risk of 1 stays 1: nobody
   * outlives the last donation the policy allows.
   */
  completionRisk(person: number, n: number, day: number): number {
    const base = this.risks[n - 1]!;
    if (base >= 1) return 1;
    const p = this.people;
    const don = this.scenario.policy.donation;
    const health = uniformAfter(this.D.health, p.key(person), 0);
    const carer = p.carer(person);
    const care = carer === NONE ? 0 : this.caring.careFor(person, day);
    const risk = base * (1 + don.healthEffect * (1 - 2 * health)) * (1 + don.careEffect * (1 - 2 * care));
    return Math.min(1, Math.max(0, risk));
  }

  /** Recipients' demand in force on a day (1 = the usual pace). */
  private demandIndex(day: number): number {
    const year = yearOf(day);
    const i = year - 1900;
    if (i >= 0 && i < this.demandByYear.length) return this.demandByYear[i]!;
    let index = 1;
    for (const d of this.scenario.policy.donation.demand) if (d.from <= year) index = d.index;
    return index;
  }

  // ---- carers' rounds ------------------------------------------------------------------------

  private scheduleRound(carer: number, day: number): void {
    const [y, m] = ymdFromDay(day);
    const next = m === 12 ? dayFromYmd(y + 1, 1, 1) : dayFromYmd(y, m + 1, 1);
    if (next <= this.end) this.sim.schedule(next, PRIORITY.round, this.K_round, carer, 0);
  }

  /** A month of a detailed carer's driving, recorded as one event with the legs of a round. */
  private onCarerRound(day: number, carer: number): void {
    const p = this.people;
    const caring = this.caring;
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
      this.rec.emit(
        day,
        T.carer_round,
        carer,
        NONE,
        caring.base(carer),
        Math.round(km * 10) / 10,
        NONE,
        JSON.stringify({ rounds, trips, legs, donors }),
      );
    }
    if (p.phase(carer) === PHASE_CARER) this.scheduleRound(carer, day);
    else {
      this.kmAtLastRound.delete(carer);
      this.tripsAtLastRound.delete(carer);
    }
  }

  /** Records a carer taking on a donor (the caring pool's callback). */
  recordAssignment(
    day: number,
    donor: number,
    carer: number,
    cause: number,
    previous: number,
    chosen: boolean,
  ): number {
    const value = chosen ? 1 : NONE;
    const centre = this.people.centre(donor);
    const shape = previous === NONE ? 0 : this.PREVIOUS;
    return this.rec.emit(day, T.carer_assigned, donor, carer, centre, value, cause, null, shape, previous);
  }

  // ---- summary -----------------------------------------------------------------------------

  /** The figures printed at the end of a run and stored with it. */
  summary(): WorldSummary {
    const p = this.people;
    const byPhase: Record<string, number> = { student: 0, resident: 0, carer: 0, donor: 0, completed: 0 };
    const names = ['none', 'student', 'resident', 'carer', 'donor', 'completed'];
    let clones = 0;
    for (let i = 0; i < p.count; i++) {
      if (p.kind(i) !== KIND_CLONE) continue;
      clones++;
      const name = names[p.phase(i)]!;
      byPhase[name] = (byPhase[name] ?? 0) + 1;
    }
    const completionsByDonation: Record<string, number> = {};
    for (let n = 1; n <= this.maxDonations; n++) completionsByDonation[String(n)] = this.completionsAt[n]!;
    const byYear: Record<string, number> = {};
    let count = 0;
    for (let y = 0; y < this.careerYears.length; y++) {
      const c = this.careerYears[y]!;
      if (c > 0) byYear[String(y)] = c;
      count += c;
    }
    const quantile = (q: number): number => {
      let seen = 0;
      for (let y = 0; y < this.careerYears.length; y++) {
        seen += this.careerYears[y]!;
        if (seen >= q * count && count > 0) return y;
      }
      return 0;
    };
    const firstYear = Object.keys(byYear).map(Number);
    return {
      people: p.count,
      clones,
      events: this.rec.total,
      wakeUps: this.sim.processed,
      byPhase,
      completionsByDonation,
      carerCareers: {
        count,
        minYears: firstYear.length ? Math.min(...firstYear) : 0,
        medianYears: quantile(0.5),
        maxYears: firstYear.length ? Math.max(...firstYear) : 0,
        byYear,
      },
      logSha256: this.logHash,
      start: isoDate(this.start),
      end: isoDate(this.end),
      modules: Object.fromEntries(this.modules.flatMap((m) => (m.summary ? [[m.name, m.summary()]] : []))),
    };
  }
}
