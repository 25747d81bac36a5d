import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyScenario } from '../../test/helpers.js';
import { personSchool } from '../present/person-school.js';
import { beliefPath, rumourSpread } from '../present/rumour-path.js';
import { runScenario } from '../run/index.js';
import { openWorld, type WorldDb } from '../store/reader.js';
import { EVENT_CODES } from '../world/event-types.js';
import { computeSchoolStats } from './school.js';

let w: WorldDb;

beforeAll(() => {
  const scenario = tinyScenario((s) => {
    s.calendar = { start: '1960-01-01', end: '1990-12-31' };
  });
  const out = join(mkdtempSync(join(tmpdir(), 'hailsham-school-')), 'w.db');
  runScenario({ scenario, source: JSON.stringify(scenario), files: [] }, { seed: 5, out });
  w = openWorld(out);
});

describe('school statistics from a world database', () => {
  it('computeSchoolStats() counts works, tokens, Exchanges, the Gallery and beliefs', () => {
    const s = computeSchoolStats(w)!;
    expect(s.works.total).toBeGreaterThan(100);
    expect(s.tokens.earned).toBeGreaterThan(0);
    expect(s.tokens.earned - s.tokens.spentAtExchanges - s.tokens.spentAtSales).toBeLessThanOrEqual(
      s.tokens.heldAtEnd,
    );
    expect(s.exchanges.held).toBeGreaterThan(10);
    expect(s.byCohort.length).toBeGreaterThan(0);
    expect(s.beliefs.length).toBeGreaterThan(3);
    for (const b of s.beliefs)
      for (const share of Object.values(b.byYear)) expect(share).toBeLessThanOrEqual(1);
  });

  it("personSchool() gives a student's works, collection and beliefs with their sources", () => {
    const student = w.get<{ person: number }>(
      'SELECT person FROM students ORDER BY works DESC LIMIT 1',
    )!.person;
    const p = personSchool(w, student)!;
    expect(p.works.total).toBeGreaterThan(0);
    expect(p.beliefs.length).toBeGreaterThan(0);
    for (const b of p.beliefs) expect(w.event(b.source)).toBeDefined();
    expect(personSchool(w, 10_000_000)).toBeNull();
  });

  it('beliefPath() traces a hop back to its origin, and rumourSpread() counts who it reached', () => {
    const hop = w.get<{ id: number; value: number }>(
      'SELECT id, value FROM events WHERE type = ? ORDER BY id DESC LIMIT 1',
      EVENT_CODES.rumour_heard,
    )!;
    const path = beliefPath(w, hop.value)!;
    expect(path.length).toBeGreaterThan(1);
    expect(path[path.length - 1]!.event).toBe(hop.id);
    for (let i = 1; i < path.length; i++) expect(path[i]!.via).toBe(path[i - 1]!.person);
    const spread = rumourSpread(w, path[0]!.event)!;
    expect(spread.reached).toBeGreaterThanOrEqual(path.length);
    expect(spread.depth[0]).toBeGreaterThan(0);
  });
});
