/**
 * Units of curation: beats first, rare kinds of event before common ones, the people closest to
 * the narrator before strangers, caps per kind, and nothing told twice; the world's counts are
 * asked for once per world.
 */
import { describe, expect, it } from 'vitest';
import { curate, rarity, salience, typeCounts, type SalienceScale } from './curate.js';
import type { Episode } from './episode.js';
import type { Source } from './source.js';

function ep(kind: string, day: number, weight: number, events: number[], people: number[] = []): Episode {
  return { kind, day, phase: 'school', weight, people, events, tell: () => undefined };
}

/** Event 1..9 are of a common type, 100.. of a rare one. */
const scale: SalienceScale = {
  rarityOf: (e) => (e >= 100 ? 12 : 1),
  bond: (p) => (p === 7 ? 16 : 0),
};

describe('salience', () => {
  it('puts a beat above any ordinary episode', () => {
    expect(salience(ep('beat', 1, 1, [1]), scale)).toBeGreaterThan(
      salience(ep('friend', 1, 50, [100], [7]), scale),
    );
  });
  it('ranks a rare event above a common one of the same weight', () => {
    expect(salience(ep('x', 1, 3, [100]), scale)).toBeGreaterThan(salience(ep('x', 1, 3, [1]), scale));
  });
  it('ranks the narrator’s close friend above a stranger', () => {
    expect(salience(ep('x', 1, 3, [1], [7]), scale)).toBeGreaterThan(
      salience(ep('x', 1, 3, [1], [8]), scale),
    );
  });
});

describe('curate', () => {
  it('keeps the rare and the close, leaves the common out, and tells in story order', () => {
    const eps = [
      ep('rumour', 30, 3, [1]),
      ep('rumour', 10, 3, [2]),
      ep('madame', 20, 3, [100]),
      ep('friend', 40, 3, [3], [7]),
    ];
    const out = curate(eps, scale, { max: 2 });
    expect(out.map((e) => e.kind)).toEqual(['madame', 'friend']);
  });
  it('always keeps beats and the always kinds, past the maximum', () => {
    const eps = [ep('a', 1, 90, [100]), ep('beat', 5, 1, [2]), ep('origin', 0, 1, [3])];
    const out = curate(eps, scale, { max: 1, always: ['origin'] });
    expect(out.map((e) => e.kind)).toEqual(['origin', 'beat']);
  });
  it('caps a kind', () => {
    const eps = [1, 2, 3, 4, 5].map((i) => ep('belief', i, 5, [i]));
    expect(curate(eps, scale, { max: 10, caps: { belief: 2 } })).toHaveLength(2);
  });
  it('does not tell an episode whose events a more salient one already tells', () => {
    const eps = [ep('beat', 5, 1, [100, 101]), ep('trip', 5, 9, [100])];
    expect(curate(eps, scale, { max: 10 }).map((e) => e.kind)).toEqual(['beat']);
  });
});

describe('typeCounts', () => {
  it('asks the world once and caches the counts', () => {
    let asked = 0;
    const world = {
      all: () => {
        asked++;
        return [
          { type: 1, n: 1000 },
          { type: 2, n: 1 },
        ];
      },
    };
    const src = { world } as unknown as Source;
    const a = typeCounts(src);
    const b = typeCounts(src);
    expect(asked).toBe(1);
    expect(a).toBe(b);
    expect(a.total).toBe(1001);
    expect(rarity(a, 2)).toBeGreaterThan(rarity(a, 1));
    expect(rarity(a, 99)).toBeCloseTo(rarity(a, 2));
  });
});
