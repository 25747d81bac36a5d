/**
 * The world's places: the scenario's named schools, residences, recovery centres and
 * landmarks, and the ones it asks to be generated in English towns. A place's id is its index.
 * Generated geography depends on the scenario's name, not the seed, so every seed of a
 * scenario shares one map.
 */
import { dayFromYmd, parseIsoDate, yearOf } from '../engine/calendar.js';
import { hashString } from '../engine/random.js';
import type { Distribution, Scenario } from '../scenario/schema.js';
import { meanOf } from './draw.js';
import { Streams } from './streams.js';
import { nearest } from './geography/distance.js';
import { TOWNS } from './geography/towns.js';

export type PlaceKind =
  'school' | 'home' | 'residence' | 'recovery-centre' | 'town' | 'landmark' | 'home-of-madame';

export interface Place {
  id: number;
  slug: string;
  name: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  fictional: boolean;
  /** How finely life at a school is simulated; null for other places. */
  detail: 'full' | 'lifecycle' | null;
  cohorts: { first: number; last: number; size: Distribution } | null;
  /** Day the place opened (schools), or null. */
  opened: number | null;
  /** Day a school closes for lack of funding, or null. */
  closes: number | null;
  /** Where a school's leavers go (a place id). */
  residence: number | null;
  staff: number;
  headmistress: string | null;
  /** Stable key for random streams. */
  key: number;
  generated: boolean;
}

function isSchool(p: Place): boolean {
  return p.kind === 'school' || p.kind === 'home';
}

/**
 * Builds the place table for a scenario.
 * @example const places = buildPlaces(scenario); places.filter((p) => p.kind === 'school')
 */
export function buildPlaces(scenario: Scenario): Place[] {
  const places: Place[] = [];
  const base = {
    detail: null,
    cohorts: null,
    opened: null,
    closes: null,
    residence: null,
    staff: 0,
    headmistress: null,
    generated: false,
  } as const;
  const add = (p: Omit<Place, 'id' | 'key'>): Place => {
    const place: Place = { ...p, id: places.length, key: hashString(p.slug) };
    places.push(place);
    return place;
  };
  const residenceSlugs: string[] = [];
  for (const s of scenario.places.schools) {
    add({
      ...base,
      slug: s.id,
      name: s.name,
      kind: s.kind,
      lat: s.lat,
      lon: s.lon,
      fictional: s.fictional,
      detail: s.detail,
      cohorts: s.cohorts,
      opened: s.opened !== undefined ? (parseIsoDate(s.opened) ?? null) : null,
      closes: s.closes !== undefined ? (parseIsoDate(s.closes) ?? null) : null,
      staff: s.staff,
      headmistress: s.headmistress ?? null,
    });
    residenceSlugs.push(s.residence ?? '');
  }
  for (const r of scenario.places.residences)
    add({
      ...base,
      slug: r.id,
      name: r.name,
      kind: 'residence',
      lat: r.lat,
      lon: r.lon,
      fictional: r.fictional,
    });
  for (const c of scenario.places.centres)
    add({
      ...base,
      slug: c.id,
      name: c.name,
      kind: 'recovery-centre',
      lat: c.lat,
      lon: c.lon,
      fictional: c.fictional,
    });
  for (const l of scenario.places.landmarks)
    add({ ...base, slug: l.id, name: l.name, kind: l.kind, lat: l.lat, lon: l.lon, fictional: l.fictional });

  // The geography is the scenario's own: keyed by its name, the same whatever the run's seed.
  const geo = new Streams(hashString(scenario.name)).draw('geography');
  const townFor = (purpose: string, i: number) => {
    const u = geo.at(hashString(purpose), i);
    const town = TOWNS[Math.floor(u * TOWNS.length)] ?? TOWNS[0]!;
    const jLat = (geo.at(hashString(purpose + ':lat'), i) - 0.5) * 0.06;
    const jLon = (geo.at(hashString(purpose + ':lon'), i) - 0.5) * 0.09;
    return { town, lat: round4(town.lat + jLat), lon: round4(town.lon + jLon) };
  };
  const taken = new Set(places.map((p) => p.slug));
  const uniqueSlug = (wanted: string) => {
    let slug = wanted;
    for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
    taken.add(slug);
    return slug;
  };
  const slugOf = (name: string) =>
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');

  for (let i = 0; i < scenario.generate.residences; i++) {
    const { town, lat, lon } = townFor('residence', i);
    const name = `${town.name} ${RESIDENCE_SUFFIX[i % RESIDENCE_SUFFIX.length]}`;
    add({
      ...base,
      slug: uniqueSlug(slugOf(name)),
      name,
      kind: 'residence',
      lat,
      lon,
      fictional: true,
      generated: true,
    });
  }
  for (let i = 0; i < scenario.generate.centres; i++) {
    const { town, lat, lon } = townFor('centre', i);
    const name = `${town.name} recovery centre`;
    add({
      ...base,
      slug: uniqueSlug(slugOf(name)),
      name,
      kind: 'recovery-centre',
      lat,
      lon,
      fictional: true,
      generated: true,
    });
  }
  const gen = scenario.generate.schools;
  if (gen) {
    for (let i = 0; i < gen.count; i++) {
      const { town, lat, lon } = townFor('school', i);
      const name = `${town.name} ${gen.kind === 'home' ? HOME_SUFFIX[i % HOME_SUFFIX.length] : 'House'}`;
      let closes: number | null = null;
      if (gen.closes && geo.at(hashString('closes'), i) < gen.closes.share) {
        const span = gen.closes.to - gen.closes.from + 1;
        const y = gen.closes.from + Math.floor(geo.at(hashString('closes-year'), i) * span);
        closes = dayFromYmd(y, 7, 31);
      }
      add({
        ...base,
        slug: uniqueSlug(slugOf(name)),
        name,
        kind: gen.kind,
        lat,
        lon,
        fictional: true,
        detail: 'lifecycle',
        cohorts: gen.cohorts,
        closes,
        generated: true,
      });
      residenceSlugs.push('');
    }
  }

  const residences = places.filter((p) => p.kind === 'residence');
  let schoolIndex = 0;
  for (const p of places) {
    if (!isSchool(p)) continue;
    const wanted = residenceSlugs[schoolIndex++] ?? '';
    const named = wanted ? residences.find((r) => r.slug === wanted) : undefined;
    p.residence = named ? named.id : (residences[nearest(residences, p)]?.id ?? null);
  }
  return places;
}

const RESIDENCE_SUFFIX = ['Farm', 'Cottages', 'Mansion', 'Grange', 'Barns'];
const HOME_SUFFIX = ['Home', 'House', 'Hall', 'Lodge'];

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Schools and homes, in place order. */
export function schoolsOf(places: readonly Place[]): Place[] {
  return places.filter(isSchool);
}

/**
 * About how many clones a world of these places will create between `start` and `end` (days),
 * for sizing its arrays.
 */
export function expectedLives(places: readonly Place[], start: number, end: number): number {
  let total = 0;
  const startYear = yearOf(start);
  const endYear = yearOf(end);
  for (const s of schoolsOf(places)) {
    if (!s.cohorts) continue;
    const first = Math.max(s.cohorts.first, startYear);
    const last = Math.min(s.cohorts.last, endYear);
    total += Math.max(0, last - first + 1) * meanOf(s.cohorts.size);
  }
  return Math.ceil(total);
}
