/**
 * Sweeps in this process, in shards and merged: the rows must not depend on how a sweep was
 * split. Runs from the TypeScript sources (workers are tested through the built CLI in
 * ensemble-cli.test.ts).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { runEnsemble } from './ensemble.js';
import { readManifest } from './manifest.js';
import { mergeEnsembles } from './merge.js';
import { standardReporters } from './metrics.js';
import { runSeed } from './run-seed.js';
import { parseSeeds } from './seeds.js';

const root = mkdtempSync(join(tmpdir(), 'hailsham-ensemble-'));

/**
 * small.yaml with its school's social life off (the programme only), so a run takes tens of
 * milliseconds; one test below keeps school life on, with fewer cohorts.
 */
function overlay(name: string, school: string): string {
  const file = join(root, `${name}.yaml`);
  writeFileSync(
    file,
    `extends: ${resolve('examples/small.yaml')}\nname: ${name}\nplaces:\n  schools:\n    - id: hailsham\n${school}`,
  );
  return file;
}
const loaded = loadScenario(overlay('small-lifecycle', '      detail: lifecycle\n'));
const seeds = parseSeeds('1..6');
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

describe('runEnsemble() and mergeEnsembles()', () => {
  const whole = join(root, 'whole');
  const shardDirs = [1, 2, 3].map((k) => join(root, `shard-${k}`));
  const merged = join(root, 'merged');

  beforeAll(async () => {
    await runEnsemble({ loaded, seeds, workers: 0, out: whole });
    for (let k = 1; k <= 3; k++) {
      await runEnsemble({
        loaded,
        seeds,
        shard: { k, n: 3 },
        workers: 0,
        out: shardDirs[k - 1]!,
        parquet: false,
      });
    }
    await mergeEnsembles({ dirs: [shardDirs[2]!, shardDirs[0]!, shardDirs[1]!], out: merged });
  });

  it('writes one run row per seed and a cohort row per school and birth year, sorted by seed', () => {
    const m = readManifest(whole);
    expect(m.rows.runs).toBe(6);
    const runs = read(whole, 'runs.csv').trim().split('\n');
    expect(runs[0]!.startsWith('seed,scenario,log_sha256,')).toBe(true);
    expect(runs[1]!.split(',')[1]).toBe('small-lifecycle');
    expect(runs.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([1, 2, 3, 4, 5, 6]);
    // small.yaml: one school, cohorts born 1960 to 1975.
    expect(m.rows.cohorts).toBe(6 * 16);
    expect(m.columns.runs.map((c) => c.name)).toContain('completed_at_4');
    expect(m.columns.cohorts.map((c) => c.name)).toEqual(
      expect.arrayContaining(['seed', 'school', 'cohort', 'size']),
    );
    expect(m.shard).toBeNull();
    expect(existsSync(join(whole, 'runs.parquet'))).toBe(true);
  });

  it('gives shards the seeds at positions i with i % n == k - 1', () => {
    const seedsOf = (d: string) =>
      read(d, 'runs.csv')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => Number(l.split(',')[0]));
    expect(shardDirs.map(seedsOf)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(readManifest(shardDirs[1]!).shard).toMatchObject({ k: 2, n: 3, seeds: 2 });
  });

  it('merges shards into rows byte-identical to the one-process sweep', () => {
    expect(read(merged, 'runs.csv')).toBe(read(whole, 'runs.csv'));
    expect(read(merged, 'cohorts.csv')).toBe(read(whole, 'cohorts.csv'));
    const a = readManifest(whole);
    const b = readManifest(merged);
    expect(b.sha256).toEqual(a.sha256);
    expect(b.rows).toEqual(a.rows);
    expect(b.run.mergedFrom).toHaveLength(3);
  });

  it('gives the same row for a seed run alone, after other seeds, or twice', () => {
    const reporters = standardReporters(loaded.scenario);
    const alone = runSeed(loaded.scenario, 4, reporters);
    const again = runSeed(loaded.scenario, 4, reporters);
    expect(again).toEqual(alone);
    const row = read(whole, 'runs.csv').trim().split('\n')[4]!;
    expect(row.split(',')[2]).toBe(alone.run[2]);
  });

  it('refuses a missing shard, a repeated shard, and a shard whose CSV changed', async () => {
    await expect(
      mergeEnsembles({ dirs: [shardDirs[0]!, shardDirs[2]!], out: join(root, 'm1') }),
    ).rejects.toThrow('shard 2/3 is missing (given: 1/3, 3/3)');
    await expect(
      mergeEnsembles({ dirs: [shardDirs[0]!, shardDirs[0]!, shardDirs[1]!], out: join(root, 'm2') }),
    ).rejects.toThrow('shard 1/3 is given twice');
    const tampered = join(root, 'tampered');
    await runEnsemble({ loaded, seeds, shard: { k: 2, n: 3 }, workers: 0, out: tampered, parquet: false });
    const csv = read(tampered, 'runs.csv');
    writeFileSync(join(tampered, 'runs.csv'), csv.replace(/,small-lifecycle,/, ',small-lifecycle2,'));
    await expect(
      mergeEnsembles({ dirs: [shardDirs[0]!, tampered, shardDirs[2]!], out: join(root, 'm3') }),
    ).rejects.toThrow('has changed since its sweep wrote it');
    expect(existsSync(join(root, 'm3', 'manifest.json'))).toBe(false);
  });

  it('refuses shards of different sweeps', async () => {
    const other = join(root, 'other');
    await runEnsemble({
      loaded,
      seeds: parseSeeds('1..7'),
      shard: { k: 2, n: 3 },
      workers: 0,
      out: other,
      parquet: false,
    });
    await expect(
      mergeEnsembles({ dirs: [shardDirs[0]!, other, shardDirs[2]!], out: join(root, 'm4') }),
    ).rejects.toThrow('their seeds differ (1..7 against 1..6)');
  });

  it('keeps an existing ensemble unless forced', async () => {
    await expect(runEnsemble({ loaded, seeds, workers: 0, out: whole, parquet: false })).rejects.toThrow(
      'already holds ensemble files',
    );
  });

  it('gives the same rows with school life on, whole or in shards', async () => {
    const full = loadScenario(
      overlay(
        'small-one-cohort',
        '      cohorts: { first: 1962, last: 1962, size: { min: 20, mode: 24, max: 28 } }\n',
      ),
    );
    const few = parseSeeds('1..3');
    const a = join(root, 'full-whole');
    await runEnsemble({ loaded: full, seeds: few, workers: 0, out: a, parquet: false });
    const parts = [1, 2].map((k) => join(root, `full-${k}`));
    for (let k = 1; k <= 2; k++) {
      await runEnsemble({
        loaded: full,
        seeds: few,
        shard: { k, n: 2 },
        workers: 0,
        out: parts[k - 1]!,
        parquet: false,
      });
    }
    const b = join(root, 'full-merged');
    await mergeEnsembles({ dirs: parts, out: b, parquet: false });
    expect(read(b, 'runs.csv')).toBe(read(a, 'runs.csv'));
    expect(read(b, 'cohorts.csv')).toBe(read(a, 'cohorts.csv'));
  });
});
