/**
 * Determinism everywhere, the quick version: 10 seeds of examples/small.yaml, each run twice in
 * one process, once into a world database, in an ensemble in this thread, in worker threads,
 * and as three shard processes merged; every log's SHA-256 must be the same, and the rows of
 * every sweep byte-identical. It runs the same script as the full check
 * (`node bench/determinism.js`, 100 seeds), so the two cannot drift apart.
 *
 * Rerun alone with `npx vitest run test/reliability/determinism.test.ts` (`DETERMINISM_SEEDS=N`
 * for more seeds).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SEEDS = Number(process.env.DETERMINISM_SEEDS ?? 10);

describe('determinism everywhere', () => {
  it(`${SEEDS} seeds give the same log in one process, a file, a thread, workers and shards`, () => {
    const r = spawnSync(
      process.execPath,
      ['bench/determinism.js', '--seeds', String(SEEDS), '--shards', '3', '--file-seeds', '3'],
      { encoding: 'utf8', timeout: 600_000 },
    );
    console.log(r.stdout);
    expect(r.stderr).toBe('');
    expect(r.status, r.stdout).toBe(0);
    const lines = new Map(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
    );
    for (const mode of ['process', 'file', 'thread', 'workers', 'shards']) {
      expect(lines.get(mode), mode).toMatch(/ 0 mismatches,/);
    }
    expect(lines.get('process')).toContain(`${SEEDS} seeds`);
    expect(lines.get('shards')).toContain(`${SEEDS} seeds, 3 shard processes`);
    expect(lines.get('distinct_logs')).toBe(`${SEEDS} of ${SEEDS}`);
    expect(lines.get('rows_identical')).toMatch(/^true /);
    expect(lines.get('mismatches')).toBe('0');
  }, 600_000);
});
