import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.js';
import { warnings } from '../warnings.js';
import { loadScenarioText } from './load.js';
import { warnSettingsWithoutEffect } from './no-effect.js';

const small = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'small.yaml'), 'utf8');

/** The small example with extra YAML appended under `policy:` (it ends inside that block). Given as text, a scenario's warnings name it by its name. */
const withPolicy = (yaml: string) => `${small}\n${yaml}`;

describe('warnSettingsWithoutEffect()', () => {
  afterEach(() => warnings.clear());

  it('finds nothing in the examples', () => {
    warnings.clear();
    for (const name of ['canon', 'small', 'england']) {
      const text = readFileSync(join(import.meta.dirname, '..', '..', 'examples', `${name}.yaml`), 'utf8');
      expect(warnSettingsWithoutEffect(loadScenarioText(text, `${name}.yaml`)), name).toBe(0);
    }
    expect(warnings.count).toBe(0);
  });

  it('warns once for each deferral setting that a never-granted deferral ignores', () => {
    warnings.clear();
    const loaded = loadScenarioText(
      withPolicy('  deferral:\n    threshold: 0.6\n    years: 4\n    applyChance: 0.9\n'),
      'never.yaml',
    );
    expect(warnSettingsWithoutEffect(loaded)).toBe(2);
    expect(warnings.count).toBe(2);
    expect(warnings.list.map((w) => w.code)).toEqual(['no-effect', 'no-effect']);
    expect(warnings.list[0]!.message).toMatch(/^small: policy\.deferral\.threshold has no effect/);
    expect(warnings.list[0]!.message).toContain("set granted to 'similarity'");
    // Loading the same file again repeats nothing on the channel.
    warnSettingsWithoutEffect(loaded);
    expect(warnings.count).toBe(2);
  });

  it('says nothing of the same settings once deferrals can be granted', () => {
    warnings.clear();
    const loaded = loadScenarioText(
      withPolicy('  deferral:\n    granted: similarity\n    threshold: 0.6\n    years: 4\n'),
      'granted.yaml',
    );
    expect(warnSettingsWithoutEffect(loaded)).toBe(0);
    expect(warnings.count).toBe(0);
  });

  it('warns of school-life settings when no school is simulated in full, and of a closing after the end', () => {
    warnings.clear();
    const text = small
      .replace('detail: full', 'detail: lifecycle\n      closes: 2010-06-30')
      .concat('\n  school:\n    exchange: {}\n');
    const loaded = loadScenarioText(text, 'lifecycle.yaml');
    expect(warnSettingsWithoutEffect(loaded)).toBe(2);
    expect(warnings.list.map((w) => w.message.split(' has no effect')[0])).toEqual([
      'small: policy.school',
      "small: places.schools[0].closes (2010-06-30, 'hailsham')",
    ]);
  });

  it('hailsham validate prints each warning on stderr and still succeeds', async () => {
    warnings.clear();
    const dir = mkdtempSync(join(tmpdir(), 'no-effect-'));
    const file = join(dir, 'never.yaml');
    writeFileSync(file, withPolicy('  deferral:\n    years: 4\n'));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['validate', file], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(0);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /^hailsham: warning \[no-effect\]: .*never\.yaml: policy\.deferral\.years has no effect/,
    );
    expect(out.join('')).toContain('with 1 setting that change nothing');
  });
});
