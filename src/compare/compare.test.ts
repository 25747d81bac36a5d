/**
 * Paired comparisons: a scenario against itself changes nothing; a policy that touches some
 * lives makes exactly those diverge; several seeds give intervals; the report reads well.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.js';
import { parseSeeds } from '../ensemble/seeds.js';
import { loadScenario } from '../scenario/load.js';
import { KIND_CLONE, PHASE_COMPLETED } from '../world/phases.js';
import { compareScenarios } from './compare.js';
import { runForComparison } from './pair.js';
import { renderReport } from './render.js';
import { pairedInterval, tCdf, tQuantile } from './stats.js';

const root = mkdtempSync(join(tmpdir(), 'hailsham-compare-'));

/** An overlay of small.yaml (school life off, so runs are fast) with extra YAML. */
function overlay(name: string, extra = ''): string {
  const file = join(root, `${name}.yaml`);
  writeFileSync(
    file,
    `extends: ${resolve('examples/small.yaml')}\nname: ${name}\nplaces:\n  schools:\n    - id: hailsham\n      detail: lifecycle\n${extra}`,
  );
  return file;
}

describe('compareScenarios()', () => {
  it('finds no divergence and no changed statistic when the two scenarios are the same', async () => {
    const a = loadScenario(overlay('same-a'));
    const b = loadScenario(overlay('same-b'));
    const r = await compareScenarios({ base: a, whatif: b, seeds: parseSeeds('7') });
    expect(r.detail.diverged).toEqual([]);
    expect(r.detail.touched).toEqual([]);
    expect(r.detail.firstDifference).toBeNull();
    expect(r.detail.onlyBase.count + r.detail.onlyWhatif.count).toBe(0);
    expect(r.detail.lives.matched).toBe(r.detail.lives.base);
    expect(r.detail.logSha256.whatif).toBe(r.detail.logSha256.base);
    expect(r.metrics.filter((m) => m.seedsChanged > 0)).toEqual([]);
    expect(renderReport(r, { format: 'text' })).toContain('No life diverged');
  });

  it('reports divergence for exactly the lives a policy touches', async () => {
    // Nobody cares for anyone here, so lives cannot touch each other: stopping at three
    // donations changes the lives of those who came through a third, and no one else's.
    const caring = 'policy:\n  caring:\n    skipCaring: 1\n';
    const base = loadScenario(overlay('independent', caring));
    const whatif = loadScenario(
      overlay('independent-three', `${caring}  donation:\n    completionRisk: [0.1, 0.2, 0.5]\n`),
    );
    const seed = 3;
    const r = await compareScenarios({ base, whatif, seeds: parseSeeds(String(seed)) });
    const w = runForComparison(base.scenario, seed);
    const p = w.world.people;
    const expected = new Set<string>();
    for (let id = 0; id < p.count; id++) {
      if (p.kind(id) !== KIND_CLONE) continue;
      const n = p.donations(id);
      if (n >= 3 && !(p.phase(id) === PHASE_COMPLETED && n === 3)) expected.add(w.identity[id]!);
    }
    expect(expected.size).toBeGreaterThan(20);
    expect(new Set(r.detail.diverged.map((d) => d.identity))).toEqual(expected);
    expect(r.detail.touched).toEqual([]);
    for (const d of r.detail.diverged) {
      expect(d.whatif.type).toBe('spared');
      expect(d.whatif.outcome.donations).toBe(3);
    }
    const spared = r.metrics.find((m) => m.name === 'events_spared')!;
    expect(spared.whatif).toBe(expected.size);
    expect(r.metrics.find((m) => m.name === 'completed_at_1')!.seedsChanged).toBe(0);
    expect(r.metrics.find((m) => m.name === 'completed_at_4')!.whatif).toBe(0);
  });

  it('gives paired differences with t-intervals over several seeds', async () => {
    const base = loadScenario(overlay('many-base'));
    const whatif = loadScenario(
      overlay('many-three', 'policy:\n  donation:\n    completionRisk: [0.1, 0.2, 0.5]\n'),
    );
    const r = await compareScenarios({ base, whatif, seeds: parseSeeds('1..4') });
    expect(r.perSeed.map((s) => s.seed)).toEqual([1, 2, 3, 4]);
    const at4 = r.metrics.find((m) => m.name === 'completed_at_4')!;
    expect(at4.diff.n).toBe(4);
    expect(at4.diff.mean).toBeCloseTo(-at4.base, 9);
    expect(at4.diff.high).toBeLessThan(0);
    expect(r.runs.base).toHaveLength(4);
    const md = renderReport(r, { format: 'markdown' });
    expect(md).toContain('## Statistics over 4 seeds');
    expect(md).toContain('| metric | base | what-if | difference | 95% CI | p | seeds changed |');
    expect(md).toContain("paired t-interval: Student's t");
  });
});

describe('paired statistics', () => {
  it("tQuantile() matches Student's t tables", () => {
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262157, 5);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.95, 30)).toBeCloseTo(1.697261, 5);
    expect(tQuantile(0.025, 9)).toBeCloseTo(-2.262157, 5);
    expect(tCdf(0, 5)).toBe(0.5);
  });

  it('pairedInterval() gives the mean, its t-interval and a p-value', () => {
    const r = pairedInterval([1, 2, 3]);
    expect(r.mean).toBe(2);
    expect(r.sd).toBe(1);
    expect(r.low).toBeCloseTo(2 - 4.302653 / Math.sqrt(3), 5);
    expect(r.high).toBeCloseTo(2 + 4.302653 / Math.sqrt(3), 5);
    expect(pairedInterval([0, 0, 0]).p).toBe(1);
    expect(Number.isNaN(pairedInterval([5]).low)).toBe(true);
  });
});

describe('hailsham compare: argument errors', () => {
  async function cli(...args: string[]) {
    let err = '';
    const code = await runCli(args, { out: () => {}, err: (t) => (err += `${t}\n`) });
    return { code, err };
  }
  const file = overlay('cli-base');

  it('refuses --seed with --seeds, and a backwards range', async () => {
    const both = await cli('compare', file, file, '--seed', '1', '--seeds', '1..3');
    expect(both.code).toBe(2);
    expect(both.err).toContain('give either --seed (one seed) or --seeds (several), not both');
    const back = await cli('compare', file, file, '--seeds', '9..2');
    expect(back.code).toBe(2);
    expect(back.err).toContain('the range 9..2 runs backwards; write the smaller seed first (2..9)');
  });

  it('names a missing scenario file', async () => {
    const r = await cli('compare', file, join(root, 'nope.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope.yaml');
  });
});

describe('examples/whatif', () => {
  const files = readdirSync('examples/whatif').filter((f) => f.endsWith('.yaml'));

  it('has at least five overlays, each a valid scenario that says what question it asks', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const path = join('examples/whatif', f);
      const text = readFileSync(path, 'utf8');
      expect(text.split('\n').slice(0, 4).join('\n'), f).toMatch(/^# Question: .*what if/m);
      expect(text, f).toMatch(/^extends: \.\.\/(small|canon)\.yaml$/m);
      const loaded = loadScenario(path);
      expect(loaded.files.length, f).toBeGreaterThan(1);
    }
  });
});
