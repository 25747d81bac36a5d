/**
 * Crash safety: `hailsham run` killed with SIGKILL at 50 moments spread over a run. After each
 * kill the output is either absent or a complete, consistent world (integrity_check ok, event
 * and people counts equal to the summary), a leftover partial file is never taken for a world,
 * and a rerun succeeds and clears what the killed run left (its partial file and stale lock). Rerun alone with `npx vitest run test/reliability/crash.test.ts`.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/errors.js';
import { openWorld } from '../../src/store/reader.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'hailsham-crash-'));
/**
 * The rerun after each kill writes a much smaller world (medium's schools, 1950 to 1952, twenty
 * to a cohort): what it must show is that a run succeeds and clears whatever the killed run
 * left, which does not depend on the world's size.
 */
const MEDIUM = 'test/fixtures/medium.yaml';
const tiny = join(dir, 'tiny.yaml');
const tinyText = readFileSync(MEDIUM, 'utf8')
  .replace('end: 2004-12-31', 'end: 1975-12-31')
  .replace('last: 1975, size: { min: 150, max: 250 }', 'last: 1952, size: { min: 20, max: 20 }');
writeFileSync(tiny, tinyText);
const args = (scenario: string, out: string, force = false) => [
  'bin/hailsham.js',
  'run',
  scenario,
  '--seed',
  '3',
  '--out',
  out,
  '--quiet',
  ...(force ? ['--force'] : []),
];

function runAndKill(out: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args(MEDIUM, out), { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Files beside `out` that a run writing it leaves while working: partial files, locks. */
function leftovers(out: string): string[] {
  const base = basename(out);
  return readdirSync(dirname(out)).filter((f) => f.startsWith(`${base}.`));
}

function checkComplete(out: string): void {
  const w = openWorld(out);
  try {
    const db = new Database(out, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(w.meta.events);
      expect((db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(w.meta.people);
    } finally {
      db.close();
    }
  } finally {
    w.close();
  }
}

describe('crash safety', () => {
  it(`survives ${KILLS} kills at random moments`, async () => {
    expect(
      tinyText.match(/1952, size: \{ min: 20/),
      "the rerun's scenario is the smaller one",
    ).not.toBeNull();
    const reference = join(dir, 'reference.db');
    const t0 = performance.now();
    expect(spawnSync(process.execPath, args(MEDIUM, reference)).status).toBe(0);
    const full = performance.now() - t0;
    checkComplete(reference);
    const expectedEvents = openWorld(reference).meta.events;

    let absent = 0;
    let complete = 0;
    let partialLeft = 0;
    let partialWhole = 0;
    // A fixed sequence of kill times (a seeded LCG) spread from the start to past the end.
    let x = 20261121;
    for (let k = 0; k < KILLS; k++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const at = Math.round((x / 2 ** 32) * full * 1.1);
      const out = join(dir, `run-${k}.db`);
      await runAndKill(out, at);
      // Each run writes a partial file of its own: run-K.db.<pid>-<random>.partial.
      const partial = leftovers(out).find((f) => f.endsWith('.partial'));
      if (partial) {
        partialLeft++;
        // Killed mid-run, the leftover is refused; killed between the last commit and the
        // rename, it is a whole world that was not yet put in place.
        try {
          openWorld(join(dir, partial)).close();
          checkComplete(join(dir, partial));
          partialWhole++;
        } catch (e) {
          expect(e).toBeInstanceOf(DatabaseError);
        }
      }
      if (existsSync(out)) {
        complete++;
        checkComplete(out);
        expect(openWorld(out).meta.events).toBe(expectedEvents);
      } else absent++;
      // A rerun succeeds whatever was left behind.
      const rerun = spawnSync(process.execPath, args(tiny, out, true), { encoding: 'utf8' });
      expect(rerun.status, `rerun after a kill at ${at} ms: ${rerun.stderr}`).toBe(0);
      checkComplete(out);
      // The rerun cleared what the killed run left: its partial file and its stale lock.
      expect(leftovers(out)).toEqual([]);
      rmSync(out, { force: true });
    }
    console.log(
      `crash safety: ${KILLS} kills over a ${Math.round(full)} ms run: ${absent} left no world (${partialLeft} a .partial, ${partialWhole} of them whole but not renamed), ${complete} a complete one`,
    );
    expect(absent + complete).toBe(KILLS);
  }, 600_000);
});
