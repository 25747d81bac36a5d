/**
 * The relationships routes on the small world (seed 7), in-process: the cohorts with ties, a
 * cohort's network and a person's circle, every response checked against its schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallWorld } from '../../../test/browser/worlds.js';
import { openWorld, type WorldDb } from '../../store/reader.js';
import { createApp } from '../app.js';
import type { NetworkCohorts, RelationshipNetwork } from '../../api/relationships.js';

describe('the relationships API', () => {
  let world: WorldDb;
  let app: ReturnType<typeof createApp>['app'];

  beforeAll(() => {
    world = openWorld(buildSmallWorld());
    app = createApp(world, { checkResponses: true }).app;
  });

  afterAll(() => world.close());

  async function json<T>(path: string): Promise<T> {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  it('GET /api/relationships/cohorts lists the cohorts with ties, the most tied first', async () => {
    const { items } = await json<NetworkCohorts>('/api/relationships/cohorts');
    expect(items.length).toBeGreaterThan(0);
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.ties).toBeGreaterThanOrEqual(items[i]!.ties);
  });

  it("GET /api/relationships gives a cohort's people and ties, each tie between two of them and in order of its dates", async () => {
    const { items } = await json<NetworkCohorts>('/api/relationships/cohorts');
    const top = items[0]!;
    const net = await json<RelationshipNetwork>(
      `/api/relationships?school=${top.school.id}&cohort=${top.cohort}`,
    );
    const ids = new Set(net.people.map((p) => p.id));
    expect(net.people.filter((p) => p.member).length).toBe(top.people);
    expect(net.ties.length).toBeGreaterThan(0);
    for (const t of net.ties) {
      expect(ids.has(t.a) && ids.has(t.b), `${t.a}–${t.b}`).toBe(true);
      if (t.to !== null) expect(t.to >= t.from, `${t.kind} ${t.from}–${t.to}`).toBe(true);
    }
    // Every friendship begun by an event of the log is there.
    const members = net.people.filter((p) => p.member).map((p) => p.id);
    const formed = world.db
      .prepare(
        `SELECT count(*) FROM events WHERE type = 28 AND (person IN (${members.join(',')}) OR other IN (${members.join(',')}))`,
      )
      .pluck()
      .get() as number;
    expect(net.ties.filter((t) => t.kind === 'friends' && t.began !== null).length).toBeGreaterThanOrEqual(
      formed,
    );
  });

  it('GET /api/people/{id}/circle centres on the person and holds only ties among their circle', async () => {
    const who = world.db
      .prepare('SELECT person FROM events WHERE type = 28 ORDER BY id LIMIT 1')
      .pluck()
      .get() as number;
    const net = await json<RelationshipNetwork>(`/api/people/${who}/circle`);
    expect(net.focus).toBe(who);
    const ids = new Set(net.people.map((p) => p.id));
    expect(ids.has(who)).toBe(true);
    expect(net.ties.some((t) => t.a === who || t.b === who)).toBe(true);
    for (const t of net.ties) expect(ids.has(t.a) && ids.has(t.b)).toBe(true);
  });

  it('answers 404 for an unknown school or person, and 400 for a bad cohort', async () => {
    expect((await app.request('/api/relationships?school=999999&cohort=1970')).status).toBe(404);
    expect((await app.request('/api/people/99999999/circle')).status).toBe(404);
    expect((await app.request('/api/relationships?school=0&cohort=abc')).status).toBe(400);
  });
});
