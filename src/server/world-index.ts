/**
 * The people of a world held in memory as columns of typed arrays (about 40 bytes a life), read
 * once when the server starts. A national world has a million lives, and the explorer's
 * filters (phase on a date, fate, career length, age at completion) and the time scrubber's
 * counts would otherwise each scan the people table; a pass over typed arrays takes a few
 * milliseconds instead. The database never changes while it is served, so nothing here goes
 * stale.
 */
import { DAYS_PER_YEAR, dayFromYmd, yearOf } from '../engine/calendar.js';
import type { WorldDb } from '../store/reader.js';
import { EVENT_CODES } from '../world/event-types.js';
import { PERSON_KINDS, PHASES } from '../world/phases.js';
import { LIFE_PHASES, type Fate, type LifePhase } from '../api/schemas.js';

/**
 * Stands for a phase never reached in the day columns: a day after every real one, so "had
 * this begun by day d" is a single comparison.
 */
export const NEVER = 2_147_483_647;
/** Marks a missing place or cohort. */
const NO_REF = -1;
/** Marks an id with no person behind it. */
const NO_KIND = 255;

const KIND_CLONE = PERSON_KINDS.indexOf('clone');

/** The filters of the people list that the index answers. */
export interface PeopleFilter {
  kind?: number;
  school?: number;
  /** Kind of the school: `school` or `home`. */
  schoolKind?: string;
  cohort?: number;
  /** Phase at the end of the world, or on `on` when given. */
  phase?: LifePhase[];
  on?: number;
  fate?: Fate[];
  donations?: number;
  /** Whole years from training to becoming a donor. */
  careerYears?: number;
  /** Whole years of age on becoming a donor. */
  donorAge?: number;
  /** Whole years of age at completion. */
  completedAge?: number;
  /** Present at a place during a year (a school's students, a residence's residents, a centre's donors). */
  at?: { place: number; year: number };
}

/** Per-place counts on one day. */
export interface PlaceCounts {
  students: Int32Array;
  residents: Int32Array;
  donors: Int32Array;
}

/**
 * The columns of a WorldIndex as plain data: what a worker thread reads from the database and
 * hands over (the typed arrays' memory is moved, not copied).
 */
export interface IndexColumns {
  size: number;
  startDay: number;
  endDay: number;
  placeCount: number;
  placeKind: string[];
  kind: Uint8Array;
  endPhase: Uint8Array;
  donations: Uint8Array;
  born: Int32Array;
  residentOn: Int32Array;
  carerOn: Int32Array;
  donorOn: Int32Array;
  completedOn: Int32Array;
  school: Int32Array;
  cohort: Int32Array;
  centre: Int32Array;
  residence: Int32Array;
  spared: Uint8Array;
  key: Uint32Array;
}

/** The typed arrays of a set of columns, to move them to another thread. */
export function columnBuffers(c: IndexColumns): ArrayBuffer[] {
  return [
    c.kind,
    c.endPhase,
    c.donations,
    c.born,
    c.residentOn,
    c.carerOn,
    c.donorOn,
    c.completedOn,
    c.school,
    c.cohort,
    c.centre,
    c.residence,
    c.spared,
    c.key,
  ].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Reads a world's people into columns: about a second and 40 MB for a million lives when the
 * file is in the page cache.
 */
export function readColumns(w: WorldDb): IndexColumns {
  const max = w.get<{ m: number | null }>('SELECT max(id) AS m FROM people')?.m ?? -1;
  const n = max + 1;
  const c: IndexColumns = {
    size: n,
    startDay: w.meta.startDay,
    endDay: w.meta.endDay,
    placeCount: 0,
    placeKind: [],
    kind: new Uint8Array(n).fill(NO_KIND),
    endPhase: new Uint8Array(n),
    donations: new Uint8Array(n),
    born: new Int32Array(n).fill(NEVER),
    residentOn: new Int32Array(n).fill(NEVER),
    carerOn: new Int32Array(n).fill(NEVER),
    donorOn: new Int32Array(n).fill(NEVER),
    completedOn: new Int32Array(n).fill(NEVER),
    school: new Int32Array(n).fill(NO_REF),
    cohort: new Int32Array(n).fill(NO_REF),
    centre: new Int32Array(n).fill(NO_REF),
    residence: new Int32Array(n).fill(NO_REF),
    spared: new Uint8Array(n),
    key: new Uint32Array(n),
  };
  const kindCode = new Map<string, number>(PERSON_KINDS.map((k, i) => [k, i]));
  const phaseCode = new Map<string, number>(PHASES.map((p, i) => [p, i]));
  const rows = w.rows<
    [
      number,
      string,
      number,
      number | null,
      number | null,
      string,
      number,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      number,
    ]
  >(
    'SELECT id, kind, born, school, cohort, phase, donations, resident_on, carer_on, donor_on, completed_on, centre, key FROM people',
  );
  for (const [id, kind, born, school, cohort, phase, donations, res, car, don, comp, centre, key] of rows) {
    c.key[id] = key;
    c.kind[id] = kindCode.get(kind) ?? NO_KIND - 1;
    c.endPhase[id] = phaseCode.get(phase) ?? 0;
    c.donations[id] = Math.min(255, donations);
    c.born[id] = born;
    if (school !== null) c.school[id] = school;
    if (cohort !== null) c.cohort[id] = cohort;
    if (res !== null) c.residentOn[id] = res;
    if (car !== null) c.carerOn[id] = car;
    if (don !== null) c.donorOn[id] = don;
    if (comp !== null) c.completedOn[id] = comp;
    if (centre !== null) c.centre[id] = centre;
  }
  const arrivals = w.rows<[number, number]>(
    'SELECT person, place FROM events WHERE type = ? AND person IS NOT NULL AND place IS NOT NULL',
    EVENT_CODES.became_resident,
  );
  for (const [person, place] of arrivals) if (person < n) c.residence[person] = place;
  const spared = w.rows<[number]>(
    'SELECT person FROM events WHERE type = ? AND person IS NOT NULL',
    EVENT_CODES.spared,
  );
  for (const [person] of spared) if (person < n) c.spared[person] = 1;
  const places = w.places();
  c.placeCount = places.reduce((m, p) => Math.max(m, p.id + 1), 0);
  for (const p of places) c.placeKind[p.id] = p.kind;
  return c;
}

/** In-memory columns of the people table, with the queries the explorer needs. */
export class WorldIndex {
  /** One past the largest person id. */
  readonly size: number;
  readonly kind: Uint8Array;
  readonly endPhase: Uint8Array;
  readonly donations: Uint8Array;
  readonly born: Int32Array;
  readonly residentOn: Int32Array;
  readonly carerOn: Int32Array;
  readonly donorOn: Int32Array;
  readonly completedOn: Int32Array;
  readonly school: Int32Array;
  readonly cohort: Int32Array;
  readonly centre: Int32Array;
  /** Where each leaver arrived, from their `became_resident` event. */
  readonly residence: Int32Array;
  readonly spared: Uint8Array;
  /** Each person's stable key (people.key), the same person's in every run of the scenario. */
  readonly key: Uint32Array;
  readonly placeCount: number;
  private readonly placeKind: string[];
  readonly endDay: number;
  readonly startDay: number;

  /** An index over columns read by readColumns() (here or in a worker thread). */
  constructor(c: IndexColumns) {
    this.size = c.size;
    this.startDay = c.startDay;
    this.endDay = c.endDay;
    this.placeCount = c.placeCount;
    this.placeKind = c.placeKind;
    this.kind = c.kind;
    this.endPhase = c.endPhase;
    this.donations = c.donations;
    this.born = c.born;
    this.residentOn = c.residentOn;
    this.carerOn = c.carerOn;
    this.donorOn = c.donorOn;
    this.completedOn = c.completedOn;
    this.school = c.school;
    this.cohort = c.cohort;
    this.centre = c.centre;
    this.residence = c.residence;
    this.spared = c.spared;
    this.key = c.key;
  }

  /**
   * Reads a world's people into memory: about a second and 40 MB for a million lives.
   * @example const index = WorldIndex.load(openWorld('world.db'))
   */
  static load(w: WorldDb): WorldIndex {
    return new WorldIndex(readColumns(w));
  }

  /** Whether an id belongs to a person. */
  has(id: number): boolean {
    return Number.isInteger(id) && id >= 0 && id < this.size && this.kind[id] !== NO_KIND;
  }

  isClone(id: number): boolean {
    return this.kind[id] === KIND_CLONE;
  }

  /** A clone's phase on a day, or null before their birth (and for people outside the programme). */
  phaseOn(id: number, day: number): LifePhase | null {
    const code = this.phaseCodeOn(id, day);
    return code === 0 ? null : LIFE_PHASES[code - 1]!;
  }

  /**
   * The phase on a day as a number: 0 for none (not a clone, or not yet born), then 1 student,
   * 2 resident, 3 carer, 4 donor, 5 completed. The scans use this form: no strings in the loop.
   */
  phaseCodeOn(id: number, day: number): number {
    if (this.kind[id] !== KIND_CLONE || this.born[id]! > day) return 0;
    if (this.completedOn[id]! <= day) return 5;
    if (this.donorOn[id]! <= day) return 4;
    if (this.carerOn[id]! <= day) return 3;
    if (this.residentOn[id]! <= day) return 2;
    return 1;
  }

  /** How a clone's story stood when the world ended. */
  fate(id: number): Fate | null {
    if (this.kind[id] !== KIND_CLONE) return null;
    if (this.completedOn[id] !== NEVER) return 'completed';
    return this.spared[id] ? 'spared' : 'living';
  }

  /** Where a clone was on a day: a school, a residence, a recovery centre, or nowhere fixed (-1). */
  placeOn(id: number, day: number): number {
    switch (this.phaseOn(id, day)) {
      case 'student':
        return this.school[id]!;
      case 'resident':
        return this.residence[id]!;
      case 'donor':
        return this.centre[id]!;
      default:
        return NO_REF;
    }
  }

  /**
   * A test of the filters for one person. One pass over a million people applies it a million
   * times, so each filter is a plain comparison on a typed array behind a flag that does not
   * change during the pass (no closures, no strings).
   */
  matcher(f: PeopleFilter): (id: number) => boolean {
    const { kind, school, cohort, endPhase, donations, born, carerOn, donorOn, completedOn } = this;
    const byKind = f.kind !== undefined;
    const wantKind = f.kind ?? 0;
    const bySchool = f.school !== undefined;
    const wantSchool = f.school ?? 0;
    const placeKind = this.placeKind;
    const bySchoolKind = f.schoolKind !== undefined;
    const byCohort = f.cohort !== undefined;
    const wantCohort = f.cohort ?? 0;
    // Bit n+1 stands for LIFE_PHASES[n], as phaseCodeOn numbers them; bit n for PHASES[n].
    const byPhaseOn = f.phase !== undefined && f.on !== undefined;
    const byEndPhase = f.phase !== undefined && f.on === undefined;
    const livingOn = f.phase === undefined && f.on !== undefined;
    const on = f.on ?? 0;
    const phaseMask = (f.phase ?? []).reduce((m, p) => m | (1 << (LIFE_PHASES.indexOf(p) + 1)), 0);
    const endMask = (f.phase ?? []).reduce((m, p) => m | (1 << PHASES.indexOf(p)), 0);
    const byFate = f.fate !== undefined;
    const fates = new Set<string>(f.fate ?? []);
    const fateMask =
      (fates.has('completed') ? 1 : 0) | (fates.has('spared') ? 2 : 0) | (fates.has('living') ? 4 : 0);
    const byDonations = f.donations !== undefined;
    const wantDonations = f.donations ?? 0;
    const years = (from: number, to: number) =>
      from === NEVER || to === NEVER ? -1 : Math.floor((to - from) / DAYS_PER_YEAR);
    const byCareer = f.careerYears !== undefined;
    const byDonorAge = f.donorAge !== undefined;
    const byCompletedAge = f.completedAge !== undefined;
    const at = f.at;
    const atFrom = at ? dayFromYmd(at.year, 1, 1) : 0;
    const atTo = at ? dayFromYmd(at.year + 1, 1, 1) - 1 : 0;
    return (id) => {
      const k = kind[id]!;
      if (k === NO_KIND) return false;
      if (byKind && k !== wantKind) return false;
      if (bySchool && school[id] !== wantSchool) return false;
      if (bySchoolKind && (school[id]! < 0 || placeKind[school[id]!] !== f.schoolKind)) return false;
      if (byCohort && cohort[id] !== wantCohort) return false;
      if (byPhaseOn && ((phaseMask >> this.phaseCodeOn(id, on)) & 1) === 0) return false;
      if (byEndPhase && (k !== KIND_CLONE || ((endMask >> endPhase[id]!) & 1) === 0)) return false;
      if (livingOn && this.phaseCodeOn(id, on) === 0) return false;
      if (byFate) {
        if (k !== KIND_CLONE) return false;
        const fate = completedOn[id] !== NEVER ? 1 : this.spared[id] ? 2 : 4;
        if ((fateMask & fate) === 0) return false;
      }
      if (byDonations && (k !== KIND_CLONE || donations[id] !== wantDonations)) return false;
      if (byCareer && years(carerOn[id]!, donorOn[id]!) !== f.careerYears) return false;
      if (byDonorAge && years(born[id]!, donorOn[id]!) !== f.donorAge) return false;
      if (byCompletedAge && years(born[id]!, completedOn[id]!) !== f.completedAge) return false;
      if (at && !this.presentAt(id, at.place, atFrom, atTo)) return false;
      return true;
    };
  }

  /** Whether a clone was at a place (as student, resident or donor) at some time in [from, to]. */
  presentAt(id: number, place: number, from: number, to: number): boolean {
    if (this.kind[id] !== KIND_CLONE) return false;
    // A stay from `a` until `b` (exclusive; NEVER when it had not ended) overlaps [from, to].
    const overlaps = (a: number, b: number) => a !== NEVER && a <= to && b > from;
    if (this.school[id] === place && overlaps(this.born[id]!, this.residentOn[id]!)) return true;
    if (
      this.residence[id] === place &&
      overlaps(this.residentOn[id]!, Math.min(this.carerOn[id]!, this.donorOn[id]!))
    )
      return true;
    // A donor is at the centre on the day they complete too.
    return this.centre[id] === place && overlaps(this.donorOn[id]!, this.completedOn[id]! + 1);
  }

  /**
   * The ids matching a filter, in id order, from `offset`, at most `limit`, and how many match
   * in all. `among` restricts the search to given ids in a given order (a name search's).
   */
  select(
    filter: PeopleFilter,
    offset: number,
    limit: number,
    among?: ArrayLike<number>,
  ): { ids: number[]; total: number } {
    const test = this.matcher(filter);
    const ids: number[] = [];
    let total = 0;
    const n = among ? among.length : this.size;
    for (let i = 0; i < n; i++) {
      const id = among ? among[i]! : i;
      if (!test(id)) continue;
      if (total >= offset && ids.length < limit) ids.push(id);
      total++;
    }
    return { ids, total };
  }

  /**
   * Clones in each phase on a day (completed: everyone completed by then), the students,
   * residents and donors at each place, and the completions of that year so far; one pass.
   */
  placeCounts(day: number): PlaceCounts & { phases: Record<LifePhase, number>; completedThisYear: number } {
    const phases: Record<LifePhase, number> = { student: 0, resident: 0, carer: 0, donor: 0, completed: 0 };
    const students = new Int32Array(this.placeCount);
    const residents = new Int32Array(this.placeCount);
    const donors = new Int32Array(this.placeCount);
    const yearStart = dayFromYmd(yearOf(day), 1, 1);
    let completedThisYear = 0;
    const byCode = new Int32Array(6);
    for (let id = 0; id < this.size; id++) {
      const p = this.phaseCodeOn(id, day);
      byCode[p]!++;
      if (p === 1) {
        if (this.school[id]! >= 0) students[this.school[id]!]!++;
      } else if (p === 2) {
        if (this.residence[id]! >= 0) residents[this.residence[id]!]!++;
      } else if (p === 4) {
        if (this.centre[id]! >= 0) donors[this.centre[id]!]!++;
      } else if (p === 5 && this.completedOn[id]! >= yearStart) completedThisYear++;
    }
    LIFE_PHASES.forEach((name, i) => (phases[name] = byCode[i + 1]!));
    return { phases, students, residents, donors, completedThisYear };
  }

  /**
   * Clones in each phase on 1 July of every year of the world, by one pass over the people:
   * each phase of each life adds one to the years it covers (a difference array per phase).
   */
  phasesOverTime(): { year: number; counts: Record<LifePhase, number> }[] {
    const first = yearOf(this.startDay);
    const last = yearOf(this.endDay);
    const years = last - first + 1;
    const sample = (y: number) => dayFromYmd(y, 7, 1);
    // Index of the first sampled year whose 1 July is on or after a day.
    const firstOnOrAfter = (day: number) => {
      let y = yearOf(day);
      if (sample(y) < day) y++;
      return Math.min(Math.max(y - first, 0), years);
    };
    const diff = LIFE_PHASES.map(() => new Int32Array(years + 1));
    for (let id = 0; id < this.size; id++) {
      if (this.kind[id] !== KIND_CLONE) continue;
      const starts = [
        this.born[id]!,
        this.residentOn[id]!,
        this.carerOn[id]!,
        this.donorOn[id]!,
        this.completedOn[id]!,
      ];
      for (let p = 0; p < 5; p++) {
        if (starts[p] === NEVER) continue;
        let next = NEVER;
        for (let q = p + 1; q < 5; q++)
          if (starts[q] !== NEVER) {
            next = starts[q]!;
            break;
          }
        const a = firstOnOrAfter(starts[p]!);
        // A phase is current on a sample day when it began on or before it and the next had not.
        const b = next === NEVER ? years : firstOnOrAfter(next);
        if (b > a) {
          diff[p]![a]!++;
          diff[p]![b]!--;
        }
      }
    }
    const out: { year: number; counts: Record<LifePhase, number> }[] = [];
    const running = [0, 0, 0, 0, 0];
    for (let i = 0; i < years; i++) {
      for (let p = 0; p < 5; p++) running[p]! += diff[p]![i]!;
      out.push({
        year: first + i,
        counts: {
          student: running[0]!,
          resident: running[1]!,
          carer: running[2]!,
          donor: running[3]!,
          completed: running[4]!,
        },
      });
    }
    return out;
  }

  /**
   * Kaplan–Meier survival by whole years of age, for the clones a test selects: each life ends
   * at completion, or is censored where the world stops.
   */
  survival(
    test: (id: number) => boolean,
  ): { age: number; surviving: number; atRisk: number; completed: number }[] {
    const deaths: number[] = [];
    const censored: number[] = [];
    let n = 0;
    for (let id = 0; id < this.size; id++) {
      if (this.kind[id] !== KIND_CLONE || !test(id)) continue;
      n++;
      const done = this.completedOn[id] !== NEVER;
      const age = Math.floor(((done ? this.completedOn[id]! : this.endDay) - this.born[id]!) / DAYS_PER_YEAR);
      const a = Math.max(0, age);
      const arr = done ? deaths : censored;
      arr[a] = (arr[a] ?? 0) + 1;
    }
    const out: { age: number; surviving: number; atRisk: number; completed: number }[] = [];
    if (n === 0) return out;
    let atRisk = n;
    let s = 1;
    const maxAge = Math.max(deaths.length, censored.length);
    for (let a = 0; a < maxAge && atRisk > 0; a++) {
      const d = deaths[a] ?? 0;
      s *= 1 - d / atRisk;
      out.push({ age: a, surviving: Math.round(s * 10_000) / 10_000, atRisk, completed: d });
      atRisk -= d + (censored[a] ?? 0);
    }
    return out;
  }

  /** Kind of a place (school, home, residence, recovery-centre…). */
  kindOfPlace(id: number): string | undefined {
    return this.placeKind[id];
  }

  /**
   * For a place, each year's count of clones present, arriving and completing there; `role`
   * says whom the place holds.
   */
  rosterByYear(place: number): {
    role: 'school' | 'residence' | 'centre' | 'other';
    years: { year: number; present: number; arrived: number; completed: number }[];
  } {
    const first = yearOf(this.startDay);
    const last = yearOf(this.endDay);
    const n = last - first + 1;
    const present = new Int32Array(n + 1);
    const arrived = new Int32Array(n);
    const completed = new Int32Array(n);
    const kind = this.placeKind[place];
    const role =
      kind === 'school' || kind === 'home'
        ? 'school'
        : kind === 'residence'
          ? 'residence'
          : kind === 'recovery-centre'
            ? 'centre'
            : 'other';
    const yi = (day: number) => Math.min(Math.max(yearOf(day) - first, 0), n - 1);
    const span = (from: number, to: number) => {
      const a = yi(from);
      const b = to === NEVER ? n : yi(to) + 1;
      present[a]!++;
      present[b]!--;
      arrived[a]!++;
    };
    if (role !== 'other') {
      for (let id = 0; id < this.size; id++) {
        if (this.kind[id] !== KIND_CLONE) continue;
        if (role === 'school' && this.school[id] === place) span(this.born[id]!, this.residentOn[id]!);
        else if (role === 'residence' && this.residence[id] === place) {
          span(this.residentOn[id]!, Math.min(this.carerOn[id]!, this.donorOn[id]!));
        } else if (role === 'centre' && this.centre[id] === place) {
          span(this.donorOn[id]!, this.completedOn[id]!);
          if (this.completedOn[id] !== NEVER) completed[yi(this.completedOn[id]!)]!++;
        }
      }
    }
    const years: { year: number; present: number; arrived: number; completed: number }[] = [];
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += present[i]!;
      years.push({ year: first + i, present: running, arrived: arrived[i]!, completed: completed[i]! });
    }
    return { role, years };
  }

  /** Clones who ever were at each place, as student, resident or donor. */
  peoplePerPlace(): Int32Array {
    const out = new Int32Array(this.placeCount);
    for (let id = 0; id < this.size; id++) {
      if (this.kind[id] !== KIND_CLONE) continue;
      if (this.school[id]! >= 0) out[this.school[id]!]!++;
      if (this.residence[id]! >= 0) out[this.residence[id]!]!++;
      if (this.centre[id]! >= 0) out[this.centre[id]!]!++;
    }
    return out;
  }
}
