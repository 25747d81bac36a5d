/**
 * What every handler of the API shares: the read-only world, its people in memory, its places,
 * the tables its modules added, and the helpers that turn rows into what the API returns. Built
 * once when the server starts; nothing in it changes afterwards.
 */
import { AddressBook, type AddressedPerson } from '../address/book.js';
import { isoDate } from '../engine/calendar.js';
import { describeEvent } from '../present/describe-event.js';
import { computeStats, type WorldStats } from '../stats/index.js';
import { countEvents, hasTable, metaValue } from '../store/queries.js';
import type { EventRow, PersonRow, PlaceRow, WorldDb } from '../store/reader.js';
import { EVENT_TYPE_NAMES, EVENT_TYPES, EVENT_CODES } from '../world/event-types.js';
import { PERSON_KINDS, PHASES } from '../world/phases.js';
import {
  FATES,
  LIFE_PHASES,
  type EventView,
  type LabelPart,
  type PersonSummary,
  type PlaceSummary,
  type Ref,
  type WorldInfo,
} from '../api/schemas.js';
import { discoverSideTables, type NameLookup, type SideTable } from './side-tables.js';
import { WorldIndex } from './world-index.js';

// Markers that cannot occur in names, so a label can be split where names were put in.
const OPEN = '\u0001';
const CLOSE = '\u0002';

export class ApiContext {
  readonly places: PlaceRow[];
  readonly placeById: Map<number, PlaceRow>;
  readonly sideTables: SideTable[];
  readonly info: WorldInfo;
  private readonly nameStmt;
  private indexMade: WorldIndex | undefined;
  private statsMade: WorldStats | undefined;
  private perPlace: Int32Array | undefined;

  /**
   * Reads what every page needs and is cheap even for a national world (meta, places, the
   * list of tables); the people index and the statistics are read on first use, or handed
   * over by install() when a worker thread has read them.
   */
  constructor(readonly world: WorldDb) {
    this.places = world.places();
    this.placeById = new Map(this.places.map((p) => [p.id, p]));
    this.sideTables = discoverSideTables(world);
    this.nameStmt = world.db.prepare('SELECT name FROM people WHERE id = ?').pluck();
    this.info = this.buildInfo();
  }

  /** The people in memory (src/server/world-index.ts), read now if nobody has read them yet. */
  get index(): WorldIndex {
    return (this.indexMade ??= WorldIndex.load(this.world));
  }

  /** The world's statistics, computed now if nobody has computed them yet. */
  get stats(): WorldStats {
    return (this.statsMade ??= computeStats(this.world));
  }

  /** Whether the index and statistics are in memory. */
  get warm(): boolean {
    return this.indexMade !== undefined && this.statsMade !== undefined;
  }

  /** Takes the index and statistics read elsewhere (a worker thread) from the same file. */
  install(index: WorldIndex, stats: WorldStats): void {
    this.indexMade = index;
    this.statsMade = stats;
  }

  private buildInfo(): WorldInfo {
    const w = this.world;
    let title: string | null = null;
    let description: string | null = null;
    try {
      const scenario = JSON.parse(w.meta.scenario) as { title?: unknown; description?: unknown };
      if (typeof scenario.title === 'string') title = scenario.title;
      if (typeof scenario.description === 'string') description = scenario.description.trim();
    } catch {
      // A scenario that is not JSON simply has no title to show.
    }
    const schools = this.places.filter((p) => p.kind === 'school' || p.kind === 'home');
    // One pair of index lookups a school (people_school_cohort), not a pass over the people.
    let first: number | null = null;
    let last: number | null = null;
    for (const p of schools) {
      const r = w.get<{ a: number | null; b: number | null }>(
        'SELECT min(cohort) AS a, max(cohort) AS b FROM people WHERE school = ?',
        p.id,
      );
      if (r?.a != null) first = first === null ? r.a : Math.min(first, r.a);
      if (r?.b != null) last = last === null ? r.b : Math.max(last, r.b);
    }
    return {
      scenario: w.meta.scenarioName,
      title,
      description,
      seed: w.meta.seed,
      start: isoDate(w.meta.startDay),
      end: isoDate(w.meta.endDay),
      people: w.meta.people,
      events: w.meta.events,
      places: this.places.length,
      logSha256: w.meta.logSha256,
      version: w.meta.softwareVersion,
      features: {
        canon: this.hasCanon(),
        works: this.sideTable('works') !== undefined,
        beliefs: this.sideTable('beliefs') !== undefined,
        tables: this.sideTables.map((t) => t.name),
      },
      phases: [...LIFE_PHASES],
      fates: [...FATES],
      eventTypes: EVENT_TYPE_NAMES.map((name) => ({
        name,
        code: EVENT_TYPES[name].code,
        description: EVENT_TYPES[name].description,
      })),
      schools: schools.map((p) => ({ id: p.id, name: p.name })),
      cohorts: { first, last },
    };
  }

  /** Whether the world records the canon's storyline (as beat events, a table or a meta entry). */
  hasCanon(): boolean {
    if (hasTable(this.world, 'canon_beats')) return true;
    if (metaValue(this.world, 'canon_beats') !== undefined) return true;
    const code = (EVENT_CODES as Record<string, number | undefined>).canon_beat;
    return code !== undefined && countEvents(this.world, code) > 0;
  }

  sideTable(name: string): SideTable | undefined {
    return this.sideTables.find((t) => t.name === name);
  }

  personName(id: number): string {
    return (this.nameStmt.get(id) as string | undefined) ?? `#${id}`;
  }

  placeName(id: number): string {
    return this.placeById.get(id)?.name ?? `place ${id}`;
  }

  /** Names of many people in one query. */
  peopleNames(ids: Iterable<number>): Map<number, string> {
    const unique = [...new Set(ids)].filter((id) => Number.isInteger(id));
    const out = new Map<number, string>();
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      for (const r of this.world.all<{ id: number; name: string }>(
        `SELECT id, name FROM people WHERE id IN (${chunk.map(() => '?').join(',')})`,
        ...chunk,
      ))
        out.set(r.id, r.name);
    }
    return out;
  }

  readonly names: NameLookup = {
    people: (ids) => this.peopleNames(ids),
    place: (id) => this.placeById.get(id)?.name,
  };

  personRef(id: number | null): Ref | null {
    return id === null ? null : { id, name: this.personName(id) };
  }

  placeRef(id: number | null): Ref | null {
    return id === null || id < 0 ? null : { id, name: this.placeName(id) };
  }

  private book: AddressBook | undefined;

  /** A person's address (src/address/book.ts), kept once found. */
  addressOf(p: AddressedPerson): string {
    return (this.book ??= new AddressBook(this.world, this.places)).addressOf(p);
  }

  /** The id of the person at an address, or undefined when nobody in this world is there. */
  findByAddress(text: string): number | undefined {
    return (this.book ??= new AddressBook(this.world, this.places)).find(text);
  }

  personSummary(p: PersonRow): PersonSummary {
    const d = (x: number | null) => (x === null ? null : isoDate(x));
    return {
      id: p.id,
      name: p.name,
      kind: (PERSON_KINDS as readonly string[]).includes(p.kind)
        ? (p.kind as PersonSummary['kind'])
        : 'clone',
      sex: p.sex,
      born: isoDate(p.born),
      school: this.placeRef(p.school),
      cohort: p.cohort,
      phase: (PHASES as readonly string[]).includes(p.phase) ? (p.phase as PersonSummary['phase']) : 'none',
      fate: this.index.has(p.id) ? this.index.fate(p.id) : null,
      donations: p.donations,
      residentOn: d(p.resident_on),
      carerOn: d(p.carer_on),
      donorOn: d(p.donor_on),
      completedOn: d(p.completed_on),
      address: this.addressOf(p),
    };
  }

  placeSummary(p: PlaceRow): PlaceSummary {
    return {
      id: p.id,
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      lat: p.lat,
      lon: p.lon,
      fictional: p.fictional !== 0,
      generated: p.generated !== 0,
      detail: p.detail,
      opened: p.opened === null ? null : isoDate(p.opened),
      closes: p.closes === null ? null : isoDate(p.closes),
      residence: this.placeRef(p.residence),
      people: (this.perPlace ??= this.index.peoplePerPlace())[p.id] ?? 0,
    };
  }

  /**
   * Events as the API shows them: each with its one-line label, and the label split into
   * pieces so the explorer can link every name. Names are looked up in one query per call.
   */
  eventViews(rows: readonly EventRow[]): EventView[] {
    const ids: number[] = [];
    for (const r of rows) {
      if (r.person !== null) ids.push(r.person);
      if (r.other !== null) ids.push(r.other);
    }
    const people = this.peopleNames(ids);
    const marked = {
      person: (id: number) => `${OPEN}p${id}${CLOSE}`,
      place: (id: number) => `${OPEN}l${id}${CLOSE}`,
    };
    return rows.map((row) => {
      const parts: LabelPart[] = [];
      const text = describeEvent(row, marked);
      for (const piece of text.split(OPEN)) {
        const end = piece.indexOf(CLOSE);
        if (end < 0) {
          if (piece) parts.push({ text: piece });
          continue;
        }
        const id = Number(piece.slice(1, end));
        if (piece[0] === 'p') parts.push({ text: people.get(id) ?? `#${id}`, person: id });
        else parts.push({ text: this.placeName(id), place: id });
        const rest = piece.slice(end + 1);
        if (rest) parts.push({ text: rest });
      }
      return { ...this.world.toRecord(row), label: parts.map((p) => p.text).join(''), parts };
    });
  }
}
