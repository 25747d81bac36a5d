/**
 * The cast section of a comparison: what a policy changed for the storyline's named people
 * across seeds (years granted, completion moved), summed from each seed's lives in both worlds.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../src/engine/calendar.js';
import { compareCast, renderCast, type CastLife } from '../src/compare/cast.js';

const life = (over: Partial<CastLife>): CastLife => ({
  id: 'tommy',
  name: 'Tommy D.',
  applied: true,
  yearsGranted: 0,
  donations: 4,
  completed: parseIsoDate('1999-06-03')!,
  ...over,
});

describe('compareCast()', () => {
  it('counts the worlds that granted years and how far completion moved', () => {
    const base = [[life({})], [life({})], [life({})]];
    const whatif = [
      [life({ yearsGranted: 3, completed: parseIsoDate('2002-06-03')! })],
      [life({})],
      [life({ yearsGranted: 2, completed: null, donations: 3 })],
    ];
    const [tommy] = compareCast(base, whatif);
    expect(tommy!.seeds).toBe(3);
    expect(tommy!.base.granted).toBe(0);
    expect(tommy!.whatif.granted).toBe(2);
    expect(tommy!.whatif.meanYears).toBe(2.5);
    expect(tommy!.completionMoved).toBe(2);
    expect(tommy!.completionShiftYears).toBeCloseTo(1.5, 1);
    expect(tommy!.whatif.completed).toBe(2);
    const text = renderCast([tommy!], false).join('\n');
    expect(text).toContain('Tommy D., 3 worlds:');
    expect(text).toContain('what-if: applied in 3, granted years in 2 (2.5 years on average)');
    expect(text).toContain('completion moved in 2 of 3');
  });

  it('says so when the policy changed nothing for the cast', () => {
    const same = compareCast([[life({})]], [[life({})]]);
    expect(renderCast(same, true).join('\n')).toContain('The policy changed nothing for the named people');
  });
});
