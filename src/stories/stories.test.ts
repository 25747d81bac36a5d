import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../run/index.js';
import { loadScenario } from '../scenario/load.js';
import { openWorld, type WorldDb } from '../store/reader.js';
import { MAX_MATCHES, siftStories, type Sifted } from './index.js';

let world: WorldDb;
let sifted: Sifted;
const names = new Map<number, string>();

beforeAll(() => {
  const out = join(mkdtempSync(join(tmpdir(), 'hailsham-stories-')), 'canon.db');
  runScenario(loadScenario('examples/canon.yaml'), { out });
  world = openWorld(out);
  for (const r of world.all<{ id: number; name: string }>('SELECT id, name FROM people'))
    names.set(r.id, r.name);
  sifted = siftStories(world);
}, 120_000);

afterAll(() => world?.close());

describe('siftStories() on the canon', () => {
  it('finds the Kathy, Ruth and Tommy triangle', () => {
    const triangles = sifted.stories.filter((s) => s.kind === 'love-triangle');
    const cast = triangles.map((s) =>
      s.people
        .map((p) => names.get(p))
        .sort()
        .join(', '),
    );
    expect(cast).toContain('Kathy H., Ruth, Tommy D.');
  });

  it('finds the lost thing that Kathy found in Norfolk', () => {
    const found = sifted.stories.filter((s) => s.kind === 'found-in-norfolk');
    expect(found.some((s) => names.get(s.people[0]!) === 'Kathy H.')).toBe(true);
    for (const s of found) expect(world.event(s.events[0]!)?.type).toBe(WorldDbType('item_found'));
  });

  it('ranks stories by rarity: bits fall down the list, and counts agree with the kinds', () => {
    const { stories, kinds } = sifted;
    expect(stories.length).toBeGreaterThan(20);
    for (let i = 1; i < stories.length; i++)
      expect(stories[i]!.bits).toBeLessThanOrEqual(stories[i - 1]!.bits);
    for (const k of kinds) {
      expect(stories.filter((s) => s.kind === k.key)).toHaveLength(Math.min(k.count, MAX_MATCHES));
      expect(k.count).toBeLessThanOrEqual(Math.max(k.opportunities, k.count));
      if (k.count > 0)
        expect(k.bits).toBeCloseTo(-Math.log2(k.count / Math.max(k.opportunities, k.count)), 1);
    }
    // A kind that happens at most chances is no news: it ranks below a rare one.
    const rare = kinds.find((k) => k.key === 'deferral-applied')!;
    const common = kinds.find((k) => k.key === 'cared-for-old-friend')!;
    expect(rare.bits!).toBeGreaterThan(common.bits!);
  });

  it('names real events and people in every story', () => {
    for (const s of sifted.stories) {
      for (const e of s.events) expect(world.event(e), `${s.kind} event ${e}`).toBeDefined();
      for (const p of s.people) expect(names.has(p), `${s.kind} person ${p}`).toBe(true);
      expect(world.event(s.events[0]!)!.day).toBe(s.day);
    }
  });
});

function WorldDbType(name: string): number {
  return world.get<{ code: number }>('SELECT code FROM event_types WHERE name = ?', name)!.code;
}
