/**
 * Two runs writing one path: `hailsham run examples/canon.yaml --out w.db` and `hailsham run
 * examples/small.yaml --seed 3 --out w.db`, started together with the second delayed by a
 * different amount each time so it meets the first at every stage (loading, simulating, writing,
 * publishing). Whatever the timing, a run that exits 0 left its own world in the file, the other
 * one stopped with one line naming the path (and the other run, when it was still writing), and
 * nothing says "please report it". PAIRS=50 runs the full check; the suite runs fewer.
 * Rerun alone with `PAIRS=50 npx vitest run test/reliability/shared-path.test.ts`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorld } from '../../src/store/reader.js';

const PAIRS = Number(process.env.PAIRS ?? 8);
const dir = mkdtempSync(join(tmpdir(), 'hailsham-shared-'));

interface Outcome {
  code: number;
  stderr: string;
}

function run(args: string[], delayMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    setTimeout(() => {
      const child = spawn(process.execPath, ['bin/hailsham.js', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
    }, delayMs);
  });
}

const CANON = { scenario: 'canon', seed: 1968 };
const SMALL = { scenario: 'small', seed: 3 };

describe('two runs writing one path', () => {
  it(
    `never exit 0 with another run's world in the file (${PAIRS} pairs)`,
    async () => {
      const messages = new Map<string, number>();
      let canonWon = 0;
      let smallWon = 0;
      // A seeded LCG spreads the second run's start over the first's whole run.
      let x = 20261202;
      for (let k = 0; k < PAIRS; k++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        // From small starting 1.5 s first to small starting after canon has finished.
        const delay = Math.round((x / 2 ** 32) * 10_500) - 1500;
        const out = join(dir, `w-${k}.db`);
        const [a, b] = await Promise.all([
          run(['run', 'examples/canon.yaml', '--out', out, '--quiet'], Math.max(0, -delay)),
          run(['run', 'examples/small.yaml', '--seed', '3', '--out', out, '--quiet'], Math.max(0, delay)),
        ]);
        const outcomes: [Outcome, typeof CANON][] = [
          [a, CANON],
          [b, SMALL],
        ];
        const winners = outcomes.filter(([o]) => o.code === 0);
        for (const o of [a, b]) if (o.code !== 0 && o.code !== 2) console.log(`pair ${k + 1}: ${o.stderr}`);
        expect(winners.length).toBe(1);
        const w = openWorld(out);
        try {
          expect({ scenario: w.meta.scenarioName, seed: w.meta.seed }).toEqual(winners[0]![1]);
        } finally {
          w.close();
        }
        if (winners[0]![1] === CANON) canonWon++;
        else smallWon++;
        console.log(
          `pair ${k + 1}: small started ${delay} ms after canon; canon exit ${a.code}, small exit ${b.code}; the file holds ${winners[0]![1].scenario}`,
        );
        for (const [o] of outcomes) {
          if (o.code === 0) continue;
          expect(o.code).toBe(2);
          const lines = o.stderr.trim().split('\n');
          expect(lines).toHaveLength(1);
          expect(o.stderr).not.toMatch(/please report/);
          expect(o.stderr).toContain(out);
          const shape = o.stderr
            .trim()
            .split(out)
            .join('w.db')
            .replace(/pid \d+ on \S+, started \S+:/, 'pid P on H, started T:')
            .replace(/run \S+ --out w\.db/, 'run S --out w.db');
          messages.set(shape, (messages.get(shape) ?? 0) + 1);
        }
        // No lock, no partial file and no draft is left behind.
        expect(readdirSync(dir).filter((f) => f.startsWith(`w-${k}.db.`))).toEqual([]);
        expect(existsSync(`${out}.lock`)).toBe(false);
      }
      console.log(
        `two runs, one path: ${PAIRS} pairs; canon's world kept ${canonWon} times, small seed 3's ${smallWon}; messages:\n` +
          [...messages].map(([m, n]) => `  ${n} × ${m}`).join('\n'),
      );
      rmSync(dir, { recursive: true, force: true });
    },
    PAIRS * 40_000,
  );
});
