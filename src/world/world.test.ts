import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInMemory, tinyScenario } from '../../test/helpers.js';
import { dayFromYmd } from '../engine/calendar.js';
import { NONE } from '../engine/recorder.js';
import { loadScenario } from '../scenario/load.js';
import { auditLog } from './audit.js';
import { caringOf } from './caring/index.js';
import { EVENT_CODES } from './event-types.js';
import { PHASE_COMPLETED, PHASE_DONOR } from './phases.js';
import { World } from './world.js';

describe('the world', () => {
  it('the same scenario and seed give a byte-identical log; another seed gives another', () => {
    const s = tinyScenario();
    const a = runInMemory(s, 7);
    const b = runInMemory(s, 7, 64);
    const c = runInMemory(s, 8);
    expect(a.summary.logSha256).toBe(b.summary.logSha256);
    expect(JSON.stringify(a.sink.events)).toBe(JSON.stringify(b.sink.events));
    expect(c.summary.logSha256).not.toBe(a.summary.logSha256);
  });

  it('small.yaml follows the default policy: most complete on the third or fourth donation, none past the fourth', () => {
    const { scenario } = loadScenario('examples/small.yaml');
    const { summary } = runInMemory(scenario, 7);
    const c = summary.completionsByDonation;
    const total = Object.values(c).reduce((x, y) => x + y, 0);
    expect(Object.keys(c)).toEqual(['1', '2', '3', '4']);
    expect((c['3']! + c['4']!) / total).toBeGreaterThan(0.55);
    expect(c['1']!).toBeGreaterThan(0);
    expect(summary.carerCareers.maxYears).toBeGreaterThanOrEqual(11);
    expect(summary.carerCareers.minYears).toBeLessThanOrEqual(4);
  });

  it("a donor's copy of their carer's record agrees with the carer's own, every year of the run", () => {
    const { scenario } = loadScenario('examples/small.yaml');
    const world = new World(scenario, { seed: 7, sink: null });
    const p = world.people;
    let checked = 0;
    for (let year = 1965; year <= 2010; year++) {
      const day = dayFromYmd(year, 6, 30);
      world.sim.run(day);
      for (let d = 0; d < p.count; d++) {
        const carer = p.carer(d);
        if (carer === NONE) continue;
        expect(caringOf(world)!.pool.careFor(d, day)).toBe(caringOf(world)!.pool.record(carer, day));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("donations begin in the donors' twenties", () => {
    const { scenario } = loadScenario('examples/small.yaml');
    const { sink, world } = runInMemory(scenario, 7);
    const firsts = sink.events.filter((e) => e.type === EVENT_CODES.donated && e.value === 1);
    const ages = firsts.map((e) => (e.day - world.people.born(e.person)) / 365.2425);
    const inTwenties = ages.filter((a) => a >= 20 && a < 30).length;
    expect(inTwenties / ages.length).toBeGreaterThan(0.8);
  });

  it('the people store is the fold of the log', () => {
    const { sink, world } = runInMemory(tinyScenario(), 3);
    const p = world.people;
    for (let id = 0; id < p.count; id++) {
      const mine = sink.events.filter((e) => e.person === id);
      const donated = mine.filter((e) => e.type === EVENT_CODES.donated).length;
      expect(p.donations(id)).toBe(donated);
      if (mine.some((e) => e.type === EVENT_CODES.completed)) expect(p.phase(id)).toBe(PHASE_COMPLETED);
      else if (mine.some((e) => e.type === EVENT_CODES.became_donor)) expect(p.phase(id)).toBe(PHASE_DONOR);
    }
  });

  it('keeps every rule of the programme under random policies (property)', () => {
    const policy = fc.record({
      maxDonors: fc.integer({ min: 1, max: 8 }),
      risks: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
      careerMin: fc.double({ min: 0, max: 6, noNaN: true }),
      careerSpan: fc.double({ min: 0, max: 10, noNaN: true }),
      recoveryMax: fc.integer({ min: 1, max: 1500 }),
      skip: fc.double({ min: 0, max: 1, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    });
    fc.assert(
      fc.property(policy, (p) => {
        const s = tinyScenario((x) => {
          x.policy = {
            caring: {
              maxDonors: p.maxDonors,
              careerYears: { min: p.careerMin, max: p.careerMin + p.careerSpan },
              skipCaring: p.skip,
            },
            donation: { completionRisk: p.risks, recoveryDays: { min: 1, max: p.recoveryMax } },
          };
        });
        const { sink } = runInMemory(s, p.seed);
        const violations = auditLog(sink.events, { maxDonations: p.risks.length, maxDonors: p.maxDonors });
        expect(violations).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('auditLog() finds a carer over the cap and a donation after completion', () => {
    const e = (id: number, day: number, type: number, person: number, other = -1, value = -1) => ({
      id,
      day,
      type,
      person,
      other,
      value,
      cause: -1,
    });
    const log = [
      e(1, 0, EVENT_CODES.born, 1),
      e(2, 0, EVENT_CODES.born, 2),
      e(3, 0, EVENT_CODES.born, 3),
      e(4, 10, EVENT_CODES.became_resident, 1),
      e(5, 10, EVENT_CODES.became_resident, 2),
      e(6, 10, EVENT_CODES.became_resident, 3),
      e(7, 20, EVENT_CODES.left_for_training, 1),
      e(8, 30, EVENT_CODES.became_donor, 2),
      e(9, 30, EVENT_CODES.became_donor, 3),
      e(10, 31, EVENT_CODES.carer_assigned, 2, 1),
      e(11, 31, EVENT_CODES.carer_assigned, 3, 1),
      e(12, 40, EVENT_CODES.donated, 2, 1, 1),
      e(13, 41, EVENT_CODES.completed, 2, 1, 1),
      e(14, 42, EVENT_CODES.donated, 2, 1, 1),
    ];
    const rules = auditLog(log, { maxDonations: 4, maxDonors: 1 }).map((v) => v.rule);
    expect(rules).toContain('no carer over the cap');
    expect(rules).toContain('no event after a completion');
  });
});
