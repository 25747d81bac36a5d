/**
 * The explorer's API in-process (Hono's app.request, no socket), on the small example world:
 * every endpoint answers and matches its schema, malformed parameters get 400 naming the
 * field, unknown ids 404, lists page consistently, and the database is never written.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromYmd } from '../engine/calendar.js';
import { runScenario } from '../run/index.js';
import { loadScenario } from '../scenario/load.js';
import { openWorld, type WorldDb } from '../store/reader.js';
import { buildSmallWorld, withModuleTables } from '../../test/browser/worlds.js';
import { API_ROUTES, createApp, startServer, type ExplorerApp } from './index.js';
import type {
  Canon,
  CarerRoutes,
  ChronicleView,
  Comparison,
  DivergedPage,
  EventDetail,
  EventsPage,
  Overview,
  PeoplePage,
  PersonDetail,
  PersonSummary,
  PlaceDetail,
  PlacesList,
  RoutesMap,
  Snapshot,
  WorldInfo,
} from '../api/schemas.js';
import type { StoriesPage } from '../api/stories.js';

let file: string;
let hashBefore: string;
let world: WorldDb;
let explorer: ExplorerApp;

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeAll(() => {
  file = buildSmallWorld();
  hashBefore = sha(file);
  world = openWorld(file);
  explorer = createApp(world, {
    checkResponses: true,
    onError: (e) => {
      throw e;
    },
  });
});

afterAll(() => {
  world?.close();
});

async function call(path: string, init?: RequestInit): Promise<Response> {
  return explorer.app.request(path, init);
}

async function json<T>(path: string, status = 200): Promise<T> {
  const res = await call(path);
  const body = (await res.json()) as T;
  expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
  return body;
}

async function fails(path: string, status: number, field?: string): Promise<string> {
  const body = await json<{ error: { status: number; message: string; field?: string } }>(path, status);
  expect(body.error.status).toBe(status);
  if (field !== undefined) {
    expect(body.error.field).toBe(field);
    expect(body.error.message).toContain(`'${field}'`);
  }
  return body.error.message;
}

describe('GET /api/world and /api/overview', () => {
  it('describe the world and what it records', async () => {
    const w = await json<WorldInfo>('/api/world');
    expect(w.scenario).toBe('small');
    expect(w.seed).toBe(7);
    expect(w.people).toBe(world.meta.people);
    const core = ['meta', 'event_types', 'places', 'people', 'events', 'event_people', 'canon_beats'];
    const tables = world
      .all<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .map((t) => t.name)
      .filter((t) => !core.includes(t));
    expect([...w.features.tables].sort()).toEqual(tables.sort());
    expect(w.features.works).toBe(tables.includes('works'));
    expect(w.features.canon).toBe(false);
    expect(w.schools.map((s) => s.name)).toContain('Hailsham');
    expect(w.eventTypes.find((t) => t.name === 'donated')?.code).toBe(6);
  });

  it('gives the statistics and series whose figures agree with the people list', async () => {
    const o = await json<Overview>('/api/overview');
    const completed = Object.values(o.stats.completionsByDonation).reduce((a, b) => a + b, 0);
    const list = await json<PeoplePage>('/api/people?fate=completed&limit=1');
    expect(list.total).toBe(completed);
    for (const [k, n] of Object.entries(o.stats.completionsByDonation)) {
      expect((await json<PeoplePage>(`/api/people?fate=completed&donations=${k}&limit=1`)).total).toBe(n);
    }
    for (const [k, n] of Object.entries(o.stats.carerCareers.byYears))
      expect((await json<PeoplePage>(`/api/people?careerYears=${k}&limit=1`)).total).toBe(n);
    for (const [k, n] of Object.entries(o.stats.donorAge.byYears))
      expect((await json<PeoplePage>(`/api/people?donorAge=${k}&limit=1`)).total).toBe(n);
    const year = o.phasesOverTime.find((r) => r.date === '1985-07-01')!;
    const snap = await json<Snapshot>('/api/snapshot?date=1985-07-01');
    expect(year.counts).toEqual(snap.phases);
    for (const phase of ['student', 'carer', 'donor'])
      expect((await json<PeoplePage>(`/api/people?phase=${phase}&on=1985-07-01&limit=1`)).total).toBe(
        snap.phases[phase],
      );
    const all = o.survival.find((g) => g.key === 'all')!;
    expect(all.points[0]!.surviving).toBe(1);
    const at = all.points.find((p) => p.completed > 0)!;
    expect((await json<PeoplePage>(`/api/people?completedAge=${at.age}&limit=1`)).total).toBe(at.completed);
    expect(o.beliefs === null).toBe(
      !world.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'beliefs'")!.n,
    );
  });
});

describe('GET /api/people', () => {
  it('finds people by the start of their name, in any case, in name order', async () => {
    const someone = world.get<{ name: string }>(
      "SELECT name FROM people WHERE kind = 'clone' ORDER BY id LIMIT 1",
    )!;
    const prefix = someone.name.slice(0, 3).toLowerCase();
    const r = await json<PeoplePage>(`/api/people?name=${encodeURIComponent(prefix)}&limit=200`);
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.every((p) => p.name.toLowerCase().startsWith(prefix))).toBe(true);
    const names = r.items.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(r.total).toBe(
      world.get<{ n: number }>('SELECT count(*) AS n FROM people WHERE name LIKE ?', `${prefix}%`)!.n,
    );
  });

  it('treats % and _ in a name as letters, not wildcards', async () => {
    expect((await json<PeoplePage>('/api/people?name=%25')).total).toBe(0);
    expect((await json<PeoplePage>('/api/people?name=_')).total).toBe(0);
  });

  it('filters by school, cohort, phase, fate and kind', async () => {
    const cohort = await json<PeoplePage>('/api/people?school=0&cohort=1965&limit=200');
    expect(cohort.total).toBeGreaterThan(10);
    expect(cohort.items.every((p) => p.cohort === 1965 && p.school?.id === 0)).toBe(true);
    const donors = await json<PeoplePage>('/api/people?phase=donor');
    expect(donors.items.every((p) => p.phase === 'donor')).toBe(true);
    const guardians = await json<PeoplePage>('/api/people?kind=guardian');
    expect(guardians.total).toBeGreaterThan(0);
    expect(guardians.items.every((p) => p.kind === 'guardian' && p.fate === null)).toBe(true);
    const living = await json<PeoplePage>('/api/people?fate=living,spared');
    const ended = await json<PeoplePage>('/api/people?fate=completed');
    const clones = await json<PeoplePage>('/api/people?kind=clone');
    expect(living.total + ended.total).toBe(clones.total);
  });

  it('lists who was at a place in a year', async () => {
    const r = await json<PeoplePage>('/api/people?place=0&year=1970&limit=200');
    const place = await json<PlaceDetail>('/api/places/0');
    expect(r.total).toBe(place.rosterByYear.find((y) => y.year === 1970)!.present);
    expect(r.items.every((p) => p.school?.id === 0 && p.born <= '1970-12-31')).toBe(true);
  });

  it('pages through a list without gaps or repeats', async () => {
    const whole = await json<PeoplePage>('/api/people?kind=clone&limit=200');
    const seen: number[] = [];
    let next: string | null = 'kind=clone&limit=37';
    while (next) {
      const page: PeoplePage = await json<PeoplePage>(`/api/people?${next}`);
      expect(page.total).toBe(whole.total);
      seen.push(...page.items.map((p) => p.id));
      next = page.next;
    }
    expect(seen).toHaveLength(whole.total);
    expect(new Set(seen).size).toBe(whole.total);
    expect(seen.slice(0, 200)).toEqual(whole.items.map((p) => p.id));
  });

  it('answers 400 naming the parameter for every malformed one', async () => {
    await fails('/api/people?limit=abc', 400, 'limit');
    await fails('/api/people?limit=0', 400, 'limit');
    await fails('/api/people?limit=201', 400, 'limit');
    await fails('/api/people?limit=12abc', 400, 'limit');
    await fails('/api/people?offset=-1', 400, 'offset');
    await fails('/api/people?cohort=nineteen', 400, 'cohort');
    await fails('/api/people?phase=dancer', 400, 'phase');
    await fails('/api/people?fate=escaped', 400, 'fate');
    await fails('/api/people?on=1985-02-30', 400, 'on');
    await fails('/api/people?kind=robot', 400, 'kind');
    await fails('/api/people?name=', 400, 'name');
    await fails(`/api/people?name=${'a'.repeat(101)}`, 400, 'name');
    await fails('/api/people?place=0', 400, 'year');
    await fails('/api/people?year=1980', 400, 'place');
    const msg = await fails('/api/people?phse=donor', 400, 'phse');
    expect(msg).toContain('not a parameter');
  });
});

describe('GET /api/people/{id}', () => {
  it("gives a clone's phases, timeline, carers, and sections only with rows in them", async () => {
    const id = world.get<{ id: number }>(
      "SELECT id FROM people WHERE phase = 'completed' AND donations >= 2 ORDER BY id LIMIT 1",
    )!.id;
    const d = await json<PersonDetail>(`/api/people/${id}`);
    expect(d.person.id).toBe(id);
    expect(d.phases.map((p) => p.phase)).toEqual(['student', 'resident', 'carer', 'donor', 'completed']);
    expect(d.timeline.total).toBe(world.eventsOfPerson(id).length);
    expect(d.timeline.items[0]!.type).toBe('born');
    expect(d.timeline.items.at(-1)!.type).toBe('completed');
    expect(d.carers.length).toBeGreaterThan(0);
    for (const sec of d.sections) {
      expect(sec.rows.length, sec.key).toBeGreaterThan(0);
      expect(sec.total).toBeGreaterThanOrEqual(sec.rows.length);
      for (const row of sec.rows) expect(row).toHaveLength(sec.columns.length);
    }
    const donation = d.timeline.items.find((e) => e.type === 'donated')!;
    expect(donation.parts.find((p) => p.person === id)?.text).toBe(d.person.name);
    expect(donation.parts.some((p) => p.place !== undefined)).toBe(true);
    expect(donation.parts.map((p) => p.text).join('')).toBe(donation.label);
  });

  it("lists a carer's donors", async () => {
    const carer = world.get<{ other: number }>(
      'SELECT other FROM events WHERE type = 5 ORDER BY id LIMIT 1',
    )!.other;
    const d = await json<PersonDetail>(`/api/people/${carer}`);
    expect(d.donors.length).toBeGreaterThan(0);
  });

  it('pages through the events of a person', async () => {
    const id = world.get<{ id: number }>(
      "SELECT id FROM people WHERE phase = 'completed' ORDER BY id LIMIT 1",
    )!.id;
    const all = world.eventsOfPerson(id).map((e) => e.id);
    const a = await json<EventsPage>(`/api/people/${id}/events?limit=3`);
    const b = await json<EventsPage>(`/api/people/${id}/events?${a.next}`);
    expect([...a.items, ...b.items].map((e) => e.id)).toEqual(all.slice(0, 6));
  });

  it('answers 404 for an unknown id and 400 for one that is not a number', async () => {
    expect(await fails('/api/people/999999', 404)).toContain('999999');
    await fails('/api/people/999999/events', 404);
    await fails('/api/people/abc', 400, 'id');
    await fails('/api/people/-3', 400, 'id');
    await fails('/api/people/99999999999999', 400, 'id');
  });
});

describe('GET /api/addresses/{address} and /p/{address}', () => {
  it('finds every person by the address their summary gives, and opens their page', async () => {
    const ids = world.all<{ id: number }>('SELECT id FROM people ORDER BY id').map((r) => r.id);
    for (const id of ids.filter((_, i) => i % 7 === 0)) {
      const { person } = await json<PersonDetail>(`/api/people/${id}`);
      expect(person.address).toMatch(/^[a-z0-9-]+$/);
      expect((await json<PersonSummary>(`/api/addresses/${person.address}`)).id).toBe(id);
      const res = await call(`/p/${person.address}`);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`/people/${id}`);
    }
    const clone = await json<PersonSummary>('/api/addresses/hailsham-1970-01');
    expect(clone.cohort).toBe(1970);
    expect((await call('/p/hailsham-1970-01/chronicle')).headers.get('location')).toBe(
      `/people/${clone.id}/chronicle`,
    );
  });

  it('answers 404 for an address nobody is at, and 400 for text that is not one', async () => {
    expect(await fails('/api/addresses/hailsham-1850-01', 404)).toContain('hailsham-1850-01');
    await fails('/api/addresses/Hailsham..1', 400, 'address');
    expect((await call('/p/hailsham-1850-01')).status).toBe(404);
  });
});

describe('GET /api/stories', () => {
  it('lists the stories rarest first, each with people at lasting addresses and its events', async () => {
    const all = await json<StoriesPage>('/api/stories?limit=100');
    expect(all.kinds.length).toBeGreaterThan(5);
    expect(all.total).toBe(all.kinds.reduce((n, k) => n + Math.min(k.count, 500), 0));
    expect(all.items.length).toBeGreaterThan(0);
    all.items.forEach((s, i) => {
      expect(s.rank).toBe(i + 1);
      if (i > 0) expect(s.bits).toBeLessThanOrEqual(all.items[i - 1]!.bits);
      expect(s.events.length).toBeGreaterThan(0);
      expect(s.events[0]!.date).toBe(s.date);
      expect(s.scene).toBe(`/people/${s.people[0]!.id}/chronicle#ev-${s.events[0]!.id}`);
    });
    const someone = all.items[0]!.people[0]!;
    expect((await json<PersonSummary>(`/api/addresses/${someone.address}`)).id).toBe(someone.id);
    const kind = all.items[0]!.kind;
    const only = await json<StoriesPage>(`/api/stories?kind=${kind}&limit=5`);
    expect(only.items.every((s) => s.kind === kind)).toBe(true);
    expect(only.total).toBe(all.kinds.find((k) => k.key === kind)!.count);
    await fails('/api/stories?kind=weather', 400, 'kind');
  });
});

describe('GET /api/people/{id}/chronicle', () => {
  const carer = () =>
    world.get<{ id: number }>(
      "SELECT id FROM people WHERE kind = 'clone' AND carer_on IS NOT NULL ORDER BY id LIMIT 1",
    )!.id;

  it("gives a carer's memoir by default, every sentence citing events of the log", async () => {
    const id = carer();
    const c = await json<ChronicleView>(`/api/people/${id}/chronicle`);
    expect(c.kind).toBe('memoir');
    expect(c.kinds).toEqual(['memoir', 'biography']);
    expect(c.person.id).toBe(id);
    const sentences = c.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
    expect(sentences.length).toBe(c.sentences);
    expect(c.sentences).toBeGreaterThan(3);
    expect(sentences[0]!.text).toMatch(/\bI\b/);
    const cited = [...new Set(sentences.flatMap((x) => x.events))];
    expect(cited.length).toBe(c.cited);
    const found = world.get<{ n: number }>(
      `SELECT count(*) AS n FROM events WHERE id IN (${cited.join(',')})`,
    )!.n;
    expect(found).toBe(cited.length);
  });

  it('is written once and then kept', async () => {
    const id = carer();
    const first = await json<ChronicleView>(`/api/people/${id}/chronicle?kind=biography`);
    const again = await json<ChronicleView>(`/api/people/${id}/chronicle?kind=biography`);
    expect(again.writtenMs).toBe(0);
    expect({ ...again, writtenMs: 0 }).toEqual({ ...first, writtenMs: 0 });
  });

  it('gives a biography to those who never cared, and 400 naming kind for their memoir', async () => {
    const student = world.get<{ id: number }>(
      "SELECT id FROM people WHERE kind = 'clone' AND carer_on IS NULL AND donor_on IS NULL ORDER BY id LIMIT 1",
    );
    const guardian = world.get<{ id: number }>("SELECT id FROM people WHERE kind = 'guardian' LIMIT 1")!.id;
    for (const id of [guardian, ...(student ? [student.id] : [])]) {
      const c = await json<ChronicleView>(`/api/people/${id}/chronicle`);
      expect(c.kind).toBe('biography');
      expect(c.kinds).toEqual(['biography']);
      expect(await fails(`/api/people/${id}/chronicle?kind=memoir`, 404, 'kind')).toContain('no memoir');
    }
    await fails(`/api/people/${guardian}/chronicle?kind=novel`, 400, 'kind');
    await fails(`/api/people/${guardian}/chronicle?format=pdf`, 400, 'format');
    await fails('/api/people/999999/chronicle', 404);
  });

  it('gives the chronicle as HTML with an anchor at the first sentence citing each event', async () => {
    const id = carer();
    const c = await json<ChronicleView>(`/api/people/${id}/chronicle`);
    const res = await call(`/api/people/${id}/chronicle?format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    const first = c.sections[0]!.paragraphs[0]!.sentences[0]!;
    expect(html).toContain(`id="ev-${first.events[0]}"`);
    expect(html).toContain(`href="/events/${first.events[0]}"`);
    const anchors = [...html.matchAll(/id="ev-(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors.length).toBe(c.cited);
  });
});

describe('GET /api/people/{id}/routes and /api/routes', () => {
  const code = () =>
    world.get<{ code: number }>("SELECT code FROM event_types WHERE name = 'carer_round'")!.code;

  it("gives a carer's roads from their rounds, and their row of the carers table", async () => {
    const busiest = world.get<{ person: number; n: number }>(
      'SELECT person, count(*) AS n FROM events WHERE type = ? GROUP BY person ORDER BY n DESC LIMIT 1',
      code(),
    )!;
    const r = await json<CarerRoutes>(`/api/people/${busiest.person}/routes`);
    expect(r.months).toBe(busiest.n);
    expect(r.record?.base).not.toBeNull();
    expect(r.routes.length).toBeGreaterThan(0);
    for (const x of r.routes) {
      expect(x.from.id).toBeLessThan(x.to.id);
      expect(x.trips).toBeGreaterThan(0);
    }
    const trips = r.routes.map((x) => x.trips);
    expect(trips).toEqual([...trips].sort((a, b) => b - a));
    const never = world.get<{ id: number }>("SELECT id FROM people WHERE kind = 'guardian' LIMIT 1")!.id;
    const none = await json<CarerRoutes>(`/api/people/${never}/routes`);
    expect(none.routes).toEqual([]);
    expect(none.months).toBe(0);
    await fails('/api/people/999999/routes', 404);
  });

  it("sums a year's roads in SQL, busiest first, agreeing with the carers' own", async () => {
    const whole = await json<RoutesMap>('/api/routes?year=1990&limit=500');
    expect(whole.year).toBe(1990);
    expect(whole.years!.first).toBeLessThanOrEqual(1990);
    expect(whole.routes.length).toBe(whole.totalRoutes);
    expect(whole.logged.months).toBe(
      world.get<{ n: number }>(
        'SELECT count(*) AS n FROM events WHERE type = ? AND day BETWEEN ? AND ?',
        code(),
        dayFromYmd(1990, 1, 1),
        dayFromYmd(1990, 12, 31),
      )!.n,
    );
    expect(whole.carersAtWork).toBeGreaterThanOrEqual(whole.logged.carers);
    for (const x of whole.routes) expect(x.from.id).not.toBe(x.to.id);
    const top = await json<RoutesMap>('/api/routes?year=1990&limit=1');
    expect(top.routes).toEqual(whole.routes.slice(0, 1));
    expect(top.totalRoutes).toBe(whole.totalRoutes);
    const empty = await json<RoutesMap>('/api/routes?year=1901');
    expect(empty.routes).toEqual([]);
    const last = await json<RoutesMap>('/api/routes');
    expect(last.year).toBe(last.years!.last);
    await fails('/api/routes?year=nineteen', 400, 'year');
    await fails('/api/routes?limit=0', 400, 'limit');
  });
});

describe('GET /api/events', () => {
  it('filters by type, in the order things happened', async () => {
    const r = await json<EventsPage>('/api/events?type=donated&limit=100');
    expect(r.items.every((e) => e.type === 'donated')).toBe(true);
    const days = r.items.map((e) => e.day);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const n = world.get<{ n: number }>('SELECT count(*) AS n FROM events WHERE type = 6')!.n;
    expect(r.total).toBe(n);
    expect(r.totalExact).toBe(true);
  });

  it('merges several types, and filters by person, place and dates', async () => {
    const both = await json<EventsPage>('/api/events?type=completed,school_opened&limit=200');
    expect(new Set(both.items.map((e) => e.type))).toEqual(new Set(['completed', 'school_opened']));
    expect(both.items.map((e) => e.id)).toEqual([...both.items.map((e) => e.id)].sort((a, b) => a - b));
    const id = world.get<{ id: number }>(
      "SELECT id FROM people WHERE phase = 'completed' ORDER BY id LIMIT 1",
    )!.id;
    const mine = await json<EventsPage>(`/api/events?person=${id}&limit=200`);
    expect(mine.items.map((e) => e.id)).toEqual(world.eventsOfPerson(id).map((e) => e.id));
    const here = await json<EventsPage>('/api/events?place=2&limit=200');
    expect(here.items.every((e) => e.place === 2)).toBe(true);
    const in1980 = await json<EventsPage>('/api/events?from=1980&to=1980-12-31&limit=200');
    expect(in1980.items.every((e) => e.date.startsWith('1980'))).toBe(true);
    expect(in1980.total).toBe(
      world.get<{ n: number }>('SELECT count(*) AS n FROM events WHERE day BETWEEN 29219 AND 29584')!.n,
    );
  });

  it('continues with the `after` cursor where the page ended', async () => {
    const first = await json<EventsPage>('/api/events?type=donated&limit=10');
    const second = await json<EventsPage>(`/api/events?${first.next}`);
    const twenty = await json<EventsPage>('/api/events?type=donated&limit=20');
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(twenty.items.map((e) => e.id));
    const plain = await json<EventsPage>('/api/events?limit=10');
    const more = await json<EventsPage>(`/api/events?${plain.next}`);
    expect(more.items[0]!.id).toBe(plain.items[9]!.id + 1);
    expect(plain.total).toBe(world.meta.events);
  });

  it('answers 400 naming the parameter for a malformed one', async () => {
    await fails('/api/events?type=dancing', 400, 'type');
    await fails('/api/events?from=yesterday', 400, 'from');
    await fails('/api/events?offset=10001', 400, 'offset');
    await fails('/api/events?person=x', 400, 'person');
  });
});

describe('GET /api/events/{id}', () => {
  it('gives the chain of causes back to its start, and the effects', async () => {
    const done = world.get<{ id: number }>('SELECT id FROM events WHERE type = 7 ORDER BY id LIMIT 1')!.id;
    const d = await json<EventDetail>(`/api/events/${done}`);
    expect(d.event.type).toBe('completed');
    expect(d.causes.length).toBeGreaterThan(2);
    expect(d.causes.at(-1)!.cause).toBeNull();
    for (let i = 0; i < d.causes.length; i++)
      expect(d.causes[i]!.id).toBe(i === 0 ? d.event.cause : d.causes[i - 1]!.cause);
    expect(d.place?.kind).toBe('recovery-centre');
    expect(d.roles.value).toBe('donations given');
    const start = d.causes.at(-1)!;
    const s = await json<EventDetail>(`/api/events/${start.id}`);
    expect(s.effects.map((e) => e.id)).toContain(d.causes.at(-2)!.id);
  });

  it('answers 404 for an unknown id', async () => {
    await fails('/api/events/0', 404);
    await fails('/api/events/123456789', 404);
  });
});

describe('GET /api/places and /api/places/{id}', () => {
  it('lists every place, filterable by kind', async () => {
    const all = await json<PlacesList>('/api/places');
    expect(all.total).toBe(world.places().length);
    const centres = await json<PlacesList>('/api/places?kind=recovery-centre');
    expect(centres.items.every((p) => p.kind === 'recovery-centre')).toBe(true);
    await fails('/api/places?kind=castle', 400, 'kind');
  });

  it("gives a place's roster by year, counting whom the place holds", async () => {
    const school = await json<PlaceDetail>('/api/places/0');
    expect(school.role).toBe('school');
    expect(Math.max(...school.rosterByYear.map((y) => y.present))).toBeGreaterThan(100);
    const centre = await json<PlaceDetail>('/api/places/2');
    expect(centre.role).toBe('centre');
    const completedThere = centre.rosterByYear.reduce((a, y) => a + y.completed, 0);
    expect(completedThere).toBe(
      world.get<{ n: number }>(
        'SELECT count(*) AS n FROM people WHERE centre = 2 AND completed_on IS NOT NULL',
      )!.n,
    );
    await fails('/api/places/4000', 404);
  });
});

describe('GET /api/snapshot', () => {
  it('counts the phases and the people at each place on a date', async () => {
    const s = await json<Snapshot>('/api/snapshot?date=1990');
    expect(s.date).toBe('1990-01-01');
    const atPlaces = s.places.reduce((a, p) => a + p.students + p.residents + p.donors, 0);
    expect(atPlaces).toBe((s.phases.student ?? 0) + (s.phases.resident ?? 0) + (s.phases.donor ?? 0));
    const before = await json<Snapshot>('/api/snapshot?date=1900-01-01');
    expect(Object.values(before.phases).every((n) => n === 0)).toBe(true);
  });

  it('needs a date, and a real one', async () => {
    expect(await fails('/api/snapshot', 400, 'date')).toContain('required');
    await fails('/api/snapshot?date=1990-13-01', 400, 'date');
    await fails('/api/snapshot?date=yesterday', 400, 'date');
  });
});

describe('GET /api/canon and /api/works/{id}.svg', () => {
  it('answer 404 with a reason on a world without them', async () => {
    expect(await fails('/api/canon', 404)).toContain('no canon storyline');
    const hasWorks =
      world.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'works'")!.n > 0;
    if (hasWorks)
      expect((await call('/api/works/1.svg')).headers.get('content-type')).toContain('image/svg+xml');
    else expect(await fails('/api/works/1.svg', 404)).toContain('no works');
  });

  describe('on a world whose modules added works, beliefs and canon beats', () => {
    let modules: ExplorerApp;
    let w: WorldDb;
    beforeAll(() => {
      w = openWorld(withModuleTables(file));
      modules = createApp(w, {
        checkResponses: true,
        onError: (e) => {
          throw e;
        },
      });
    });
    afterAll(() => w.close());
    const get = async (path: string, status = 200) => {
      const res = await modules.app.request(path);
      expect(res.status, path).toBe(status);
      return res;
    };

    it('reports the tables as features', async () => {
      const info = (await (await get('/api/world')).json()) as WorldInfo;
      expect(info.features).toEqual({
        canon: true,
        works: true,
        beliefs: true,
        tables: ['works', 'beliefs'],
      });
    });

    it('gives the canon beats in order with their people, places and events', async () => {
      const c = (await (await get('/api/canon')).json()) as Canon;
      expect(c.beats.map((b) => b.title)).toEqual(['A birth', 'A first picture', 'Leaving']);
      expect(c.beats[0]!.people).toHaveLength(1);
      expect(c.beats[0]!.place?.name).toBe('Hailsham');
      expect(c.beats[0]!.event).not.toBeNull();
      expect(c.beats[0]!.text).toContain('first of the cohort');
    });

    it('draws a work as SVG, the same each time', async () => {
      const a = await get('/api/works/2.svg');
      expect(a.headers.get('content-type')).toContain('image/svg+xml');
      const svg = await a.text();
      expect(svg).toMatch(/^<svg|^<\?xml/);
      expect(await (await get('/api/works/2.svg')).text()).toBe(svg);
      await get('/api/works/99.svg', 404);
      await get('/api/works/abc.svg', 404);
    });

    it("shows a maker's works and beliefs as sections of their page, and the works on their school's", async () => {
      const maker = w.get<{ maker: number }>('SELECT maker FROM works WHERE id = 1')!.maker;
      const d = (await (await get(`/api/people/${maker}`)).json()) as PersonDetail;
      const works = d.sections.find((s) => s.key === 'works')!;
      expect(works.pictures).toEqual([{ id: 1, title: 'Study 1' }]);
      expect(works.columns).not.toContain('Maker');
      const beliefs = d.sections.find((s) => s.key === 'beliefs')!;
      expect(beliefs.rows.length).toBeGreaterThan(0);
      expect(beliefs.columns).toContain('Source person');
      const holders = (await (await get('/api/people?belief=deferrals')).json()) as PeoplePage;
      expect(holders.total).toBe(3);
      const early = (await (await get('/api/people?belief=deferrals&on=1900')).json()) as PeoplePage;
      expect(early.total).toBe(0);
      const school = (await (await get('/api/places/0')).json()) as PlaceDetail;
      expect(school.sections.find((s) => s.key === 'works')?.pictures).toHaveLength(6);
      expect((await (await get('/api/people?belief=bad!', 400)).json()) as object).toMatchObject({
        error: { field: 'belief' },
      });
    });

    it('charts beliefs on the overview', async () => {
      const o = (await (await get('/api/overview')).json()) as Overview;
      expect(o.beliefs?.map((b) => b.proposition).sort()).toEqual(['deferrals', 'the gallery']);
      expect(o.beliefs![0]!.versions[0]!.points.at(-1)!.holders).toBe(3);
    });
  });
});

describe.skipIf(!existsSync('examples/canon.yaml'))('GET /api/canon on the canon world', () => {
  it("gives the storyline's beats from its canon_beat events, in order, with their cast", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hailsham-canon-')), 'canon.db');
    runScenario(loadScenario('examples/canon.yaml'), { out });
    const w = openWorld(out);
    try {
      const { app } = createApp(w, { checkResponses: true });
      const info = (await (await app.request('/api/world')).json()) as WorldInfo;
      expect(info.features.canon).toBe(true);
      const c = (await (await app.request('/api/canon')).json()) as Canon;
      expect(c.beats.length).toBeGreaterThan(5);
      const dates = c.beats.map((b) => b.date!);
      expect(dates).toEqual([...dates].sort());
      for (const b of c.beats) {
        expect(b.people.length).toBeGreaterThan(0);
        const e = (await (await app.request(`/api/events/${b.event}`)).json()) as EventDetail;
        expect(e.event.type).toBe('canon_beat');
      }
      // Each beat the narrator's memoir tells opens there, at an anchor named for its event.
      const told = c.beats.filter((b) => b.told !== null);
      expect(told.length).toBeGreaterThan(c.beats.length / 2);
      const narrator = told[0]!.told!.person;
      expect(narrator.name).toBe('Kathy H.');
      const html = await (await app.request(`/api/people/${narrator.id}/chronicle?format=html`)).text();
      for (const b of told) expect(html, b.title).toContain(`id="ev-${b.event}"`);
    } finally {
      w.close();
    }
  });
});

describe('GET /api/compare without a second world', () => {
  it('answers 404 saying how to start a comparison', async () => {
    expect(await fails('/api/compare', 404)).toContain('--compare');
    await fails('/api/compare/lives', 404);
    expect((await call('/b/api/world')).status).toBe(404);
  });
});

describe('two worlds compared: small.yaml and fewer-donations.yaml, seed 7', () => {
  let other: WorldDb;
  let both: ExplorerApp;
  let otherFile: string;
  let otherHash: string;
  beforeAll(() => {
    otherFile = join(mkdtempSync(join(tmpdir(), 'hailsham-compare-')), 'fewer.db');
    runScenario(loadScenario('examples/whatif/fewer-donations.yaml'), { seed: 7, out: otherFile });
    otherHash = sha(otherFile);
    other = openWorld(otherFile);
    both = createApp(world, {
      compare: other,
      checkResponses: true,
      onError: (e) => {
        throw e;
      },
    });
  });
  afterAll(() => other?.close());
  const get = async <T>(path: string, status = 200): Promise<T> => {
    const res = await both.app.request(path);
    const body = (await res.json()) as T;
    expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
    return body;
  };

  it("gives both worlds' figures and series", async () => {
    const c = await get<Comparison>('/api/compare');
    expect(c.a.scenario).toBe('small');
    expect(c.b.scenario).toBe('whatif-fewer-donations');
    expect(c.a.base).toBe('');
    expect(c.b.base).toBe('/b');
    expect(c.a.figures.completions).toBe(
      world.get<{ n: number }>("SELECT count(*) AS n FROM people WHERE phase = 'completed'")!.n,
    );
    expect(c.b.figures.spared).toBeGreaterThan(0);
    expect(Math.max(...Object.keys(c.b.completionsByDonation).map(Number))).toBeLessThanOrEqual(3);
    expect(c.a.phasesOverTime.length).toBe(c.b.phasesOverTime.length);
    expect(c.a.survival[0]!.surviving).toBe(1);
    expect(await get<Comparison>('/b/api/compare')).toEqual(c);
  });

  it('pairs lives by cohort and stable key, and lists those whose fate differs', async () => {
    const c = await get<Comparison>('/api/compare');
    const clones = world.get<{ n: number }>("SELECT count(*) AS n FROM people WHERE kind = 'clone'")!.n;
    expect(c.matching.by).toBe('key');
    expect(c.matching.note).toContain('stable key');
    expect(c.matching.matched + c.matching.onlyA).toBe(clones);
    expect(c.matching.diverged).toBeGreaterThan(10);
    const seen: number[] = [];
    let next: string | null = 'limit=37';
    while (next) {
      const page: DivergedPage = await get<DivergedPage>(`/api/compare/lives?${next}`);
      expect(page.total).toBe(c.matching.diverged);
      for (const l of page.items) {
        seen.push(l.a.id);
        expect(l.differs.length).toBeGreaterThan(0);
        const a = world.person(l.a.id)!;
        const b = other.person(l.b.id)!;
        expect(b.name).toBe(a.name);
        expect(b.cohort).toBe(a.cohort);
        expect(b.key).toBe(a.key);
        expect(l.name).toBe(a.name);
        // The address opens the same life in both worlds.
        const opened = await both.app.request(`/p/${l.address}`);
        expect(opened.status, l.address).toBe(302);
        expect(opened.headers.get('location')).toBe(`/people/${l.a.id}`);
        expect((await both.app.request(`/b/p/${l.address}`)).headers.get('location')).toBe(
          `/b/people/${l.b.id}`,
        );
        if (l.differs.includes('donations')) expect(b.donations).not.toBe(a.donations);
        else expect(b.donations).toBe(a.donations);
        if (l.differs.includes('completion')) expect(b.completed_on).not.toBe(a.completed_on);
        if (l.differs.includes('phase')) expect(b.phase).not.toBe(a.phase);
      }
      next = page.next;
    }
    expect(new Set(seen).size).toBe(c.matching.diverged);
    const spared = await get<DivergedPage>('/api/compare/lives?differs=phase&limit=200');
    expect(spared.total).toBe(c.matching.byDifference.phase);
    expect(spared.items.every((l) => l.differs.includes('phase'))).toBe(true);
    const cohort = await get<DivergedPage>('/api/compare/lives?cohort=1965&limit=200');
    expect(cohort.items.every((l) => l.cohort === 1965)).toBe(true);
    await get('/api/compare/lives?differs=weather', 400);
    await get('/api/compare/lives?cohort=abc', 400);
  });

  it("serves the second world's API and pages under /b, and the comparison page", async () => {
    const w = await get<WorldInfo>('/b/api/world');
    expect(w.scenario).toBe('whatif-fewer-donations');
    const d = await get<PersonDetail>('/b/api/people/19');
    expect(d.person.name).toBe(world.person(19)!.name);
    for (const path of ['/compare', '/b', '/b/', '/b/people/19', '/b/people/19/chronicle', '/b/places']) {
      const res = await both.app.request(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html).toContain('class="compare-link"');
      if (path.startsWith('/b')) expect(html).toContain('data-base="/b"');
    }
    expect((await both.app.request('/b/nowhere')).status).toBe(404);
    expect((await both.app.request('/b/api/nowhere')).status).toBe(404);
    expect((await both.app.request('/b/compare')).status).toBe(404);
  });

  it('leaves the second database as it was', () => {
    expect(sha(otherFile)).toBe(otherHash);
    for (const suffix of ['-journal', '-wal', '-shm'])
      expect(existsSync(`${otherFile}${suffix}`)).toBe(false);
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every route, its parameters and its responses', async () => {
    const doc = await json<{
      openapi: string;
      paths: Record<
        string,
        {
          get: {
            operationId: string;
            parameters: { name: string; in: string }[];
            responses: Record<string, unknown>;
          };
        }
      >;
      components: { schemas: Record<string, unknown> };
    }>('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    for (const r of API_ROUTES) {
      const op = doc.paths[r.path]?.get;
      expect(op?.operationId, r.path).toBe(r.operationId);
      expect(op!.responses['400']).toBeDefined();
    }
    const people = doc.paths['/api/people']!.get.parameters.map((p) => p.name);
    expect(people).toEqual(
      expect.arrayContaining(['name', 'school', 'cohort', 'phase', 'on', 'fate', 'limit', 'offset']),
    );
    expect(doc.paths['/api/people/{id}']!.get.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ]);
    expect(doc.paths['/api/people/{id}']!.get.responses['404']).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['PersonDetail', 'EventView', 'Error']),
    );
    expect(JSON.stringify(doc)).not.toContain('$defs');
  });

  it('and /api lists the endpoints', async () => {
    const index = await json<{ endpoints: { path: string }[] }>('/api');
    expect(index.endpoints).toHaveLength(API_ROUTES.length);
  });
});

describe('the web app and its limits', () => {
  it("serves the app's page at every page address, and 404 elsewhere", async () => {
    for (const path of [
      '/',
      '/people',
      '/people/3',
      '/people/3/chronicle',
      '/places/0',
      '/events/10',
      '/time',
      '/canon',
      '/compare',
    ]) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await res.text()).toContain('<main id="main"');
    }
    expect((await call('/nowhere')).status).toBe(404);
    expect((await call('/people/abc')).status).toBe(404);
    expect((await call('/api/nowhere')).status).toBe(404);
  });

  it('serves the style sheet and icon from its own table, with revalidation', async () => {
    const css = await call('/app/style.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    const again = await call('/app/style.css', { headers: { 'If-None-Match': css.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await call('/app/favicon.svg')).status).toBe(200);
    expect((await call('/app/nothing.js')).status).toBe(404);
  });

  it('answers a repeated API request with 304 when the client has it', async () => {
    const first = await call('/api/world');
    const tag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await call('/api/people?name=a', { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
  });

  it('refuses writes, bodies and over-long addresses', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await call('/api/people', { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    const body = await call('/api/world', { method: 'GET', headers: { 'content-length': '5' } });
    expect(body.status).toBe(413);
    expect((await call(`/api/people?name=${'a'.repeat(3000)}`)).status).toBe(414);
    expect((await call('/api/world', { method: 'HEAD' })).status).toBe(200);
  });

  it('serves nothing outside its own files, whatever the path', async () => {
    const attempts = [
      '/app/../package.json',
      '/app/..%2f..%2fpackage.json',
      '/app/%2e%2e/%2e%2e/package.json',
      '/app/..%5c..%5cpackage.json',
      '/app/app.js%00.css',
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '//etc/passwd',
      '/app//etc/passwd',
      '/api/../../../etc/passwd',
      '/app/style.css/..%2f..%2f..%2fsrc%2fserver%2fapp.ts',
      '/app/%252e%252e%252fpackage.json',
      '/app/.env',
      '/src/server/app.ts',
      '/dist/server/app.js',
      '/node_modules/hono/package.json',
    ];
    for (const path of attempts) {
      const res = await call(path);
      const text = await res.text();
      expect(res.status, path).toBeLessThan(500);
      expect(text, path).not.toMatch(/"name": "hailsham"|root:x:0|createApp|"version": "4\./);
    }
  });

  it('never answers 5xx to 2,000 random paths and queries', async () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const paths = API_ROUTES.map((r) =>
      r.path.replace('{id}', pick(['0', '1', '999999', 'x', '-1', '1.5', '%00', '1e3', ''])),
    );
    const keys = [
      'name',
      'limit',
      'offset',
      'type',
      'date',
      'on',
      'phase',
      'fate',
      'school',
      'cohort',
      'place',
      'year',
      'after',
      'from',
      'to',
      'person',
      'kind',
      '__proto__',
      'constructor',
    ];
    const values = [
      '',
      '0',
      '-1',
      '1',
      '9999999999',
      'abc',
      '%',
      '_',
      '1985-07-01',
      '1985',
      'donor',
      'completed,living',
      ',,',
      '\u0000',
      '%F0%9F%98%80',
      "'; DROP TABLE people; --",
      '../..',
      'null',
      'NaN',
      '1e9',
      ' 1',
      '0x10',
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor(rand() * 4);
      const q = Array.from(
        { length: n },
        () => `${pick(keys)}=${encodeURIComponent(pick(values)).replace('%25', pick(['%', '%25']))}`,
      ).join('&');
      const path = `${pick([...paths, '/', '/people', '/app/app.js', '/app/x'])}${q ? `?${q}` : ''}`;
      const res = await call(path);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, path).toBeLessThan(500);
    }
    expect(statuses.get(200)).toBeGreaterThan(50);
    expect(statuses.get(400)).toBeGreaterThan(50);
  });

  it('listens on 127.0.0.1 by default and answers over a socket', async () => {
    const s = await startServer(world, { port: 0 });
    try {
      expect(s.host).toBe('127.0.0.1');
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(`${s.url}api/world`);
      expect(res.status).toBe(200);
      expect(res.headers.get('server-timing')).toMatch(/^app;dur=/);
    } finally {
      await s.close();
    }
  });
});

describe('read-only', () => {
  it('leaves the database file byte for byte as it was, with no journal beside it', () => {
    expect(sha(file)).toBe(hashBefore);
    for (const suffix of ['-journal', '-wal', '-shm']) expect(existsSync(`${file}${suffix}`)).toBe(false);
  });
});
