/**
 * `hailsham ensemble` and `hailsham merge` as users run them. Worker threads load the compiled
 * modules, so the sweeps here run the built CLI (`npm test` builds first) and compare one
 * process, worker threads and merged shards with each other, all from the same build. Argument
 * errors are checked in-process through runCli.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';

const root = mkdtempSync(join(tmpdir(), 'hailsham-ensemble-cli-'));
const scenario = join(root, 'small-lifecycle.yaml');
writeFileSync(
  scenario,
  `extends: ${resolve('examples/small.yaml')}\nname: small-lifecycle\nplaces:\n  schools:\n    - id: hailsham\n      detail: lifecycle\n`,
);

function hailsham(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['bin/hailsham.js', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const read = (dir: string, f: string) => readFileSync(join(root, dir, f), 'utf8');

describe('hailsham ensemble (built CLI)', () => {
  it('writes the same rows in one process, in worker threads and in merged shards', () => {
    const seeds = ['--seeds', '1..8', '--no-parquet', '--quiet'];
    expect(hailsham('ensemble', scenario, ...seeds, '--workers', '0', '--out', join(root, 'one')).code).toBe(
      0,
    );
    const w = hailsham('ensemble', scenario, ...seeds, '--workers', '2', '--out', join(root, 'workers'));
    expect(w.err).toBe('');
    expect(w.code).toBe(0);
    for (const k of [1, 2]) {
      const s = hailsham(
        'ensemble',
        scenario,
        ...seeds,
        '--workers',
        '1',
        '--shard',
        `${k}/2`,
        '--out',
        join(root, `s${k}`),
      );
      expect(s.code).toBe(0);
    }
    const m = hailsham(
      'merge',
      join(root, 's2'),
      join(root, 's1'),
      '--out',
      join(root, 'merged'),
      '--no-parquet',
    );
    expect(m.code).toBe(0);
    expect(m.out).toContain('8 run rows');
    for (const f of ['runs.csv', 'cohorts.csv']) {
      expect(read('workers', f)).toBe(read('one', f));
      expect(read('merged', f)).toBe(read('one', f));
    }
    const manifest = JSON.parse(read('merged', 'manifest.json')) as { sha256: Record<string, string> };
    expect(m.out).toContain(`runs.csv sha256 ${manifest.sha256['runs.csv']}`);
  });

  it('prints plain progress lines when stderr is not a terminal', () => {
    const r = hailsham(
      'ensemble',
      scenario,
      '--seeds',
      '1..3',
      '--workers',
      '1',
      '--no-parquet',
      '--out',
      join(root, 'progress'),
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/small-lifecycle: 3\/3 seeds \(\d+\.\d s\)/);
    expect(r.out).toMatch(/3 runs of small-lifecycle \(seeds 1\.\.3\)/);
  });
});

describe('hailsham ensemble and merge: argument errors', () => {
  it('explains a backwards seed range', async () => {
    const r = await cli('ensemble', scenario, '--seeds', '5..1', '--out', join(root, 'x'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "hailsham: --seeds '5..1': the range 5..1 runs backwards; write the smaller seed first (1..5)",
    );
  });

  it('explains a shard that does not exist', async () => {
    const r = await cli('ensemble', scenario, '--seeds', '1..5', '--shard', '3/2', '--out', join(root, 'x'));
    expect(r.code).toBe(2);
    expect(r.err).toContain("hailsham: --shard '3/2': shard 3 does not exist; shards of 2 are 1/2 to 2/2");
  });

  it('explains a bad worker count and a missing --out', async () => {
    const w = await cli('ensemble', scenario, '--workers', 'many', '--out', join(root, 'x'));
    expect(w.code).toBe(2);
    expect(w.err).toContain("--workers 'many': expected a whole number from 0 (run in this thread) to 256");
    const o = await cli('ensemble', scenario);
    expect(o.code).toBe(2);
    expect(o.err).toContain("required option '-o, --out <dir>' not specified");
  });

  it('refuses to merge a directory that holds no ensemble', async () => {
    const r = await cli('merge', root, '--out', join(root, 'y'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${root} is not an ensemble directory: it has no manifest.json`);
  });
});
