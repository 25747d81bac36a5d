/**
 * The writer's thread as the compiled program runs it (the thread exists only in dist/, so the
 * script runs in a child process against the build): the log's digest it keeps is the digest
 * of the simulation alone, however soon its answer comes. The answer is made to come early, with
 * a pause between the end of the events and the finish, as a tiny world gives it on a fast
 * machine: every later question to the thread must keep it, not take it for a wrong reply. The
 * same holds for the phase days, asked for just before the index build is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'hailsham-writer-'));

const SCRIPT = `
const [root, out, pauseMs, where] = process.argv.slice(2);
const { loadScenario } = await import(root + '/dist/scenario/load.js');
const { simulate } = await import(root + '/dist/run/index.js');
const { World } = await import(root + '/dist/world/world.js');
const { WorldWriter } = await import(root + '/dist/store/writer.js');
const loaded = loadScenario(root + '/examples/small.yaml');
const seed = 7;
const alone = simulate(loaded, seed).summary.logSha256;
const writer = new WorldWriter(out);
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(pauseMs));
if (where === 'phases') {
  // Block right after the phase days are asked for, so their answer is in before the next check.
  const thread = writer.thread;
  const ask = thread.askPhases.bind(thread);
  thread.askPhases = () => { ask(); pause(); };
}
const world = new World(loaded.scenario, { seed, sink: writer });
world.runEvents();
// Block this thread while the writer's thread answers the digest it was just asked for.
if (where === 'digest') pause();
writer.finish(world, () => world.summary(), {
  softwareVersion: 'test', scenarioName: 'small', scenarioSource: '{}', scenarioFile: '', seed,
});
console.log(JSON.stringify({ keeps: writer.keepsDigest, alone, written: world.summary().logSha256 }));
`;

// A file, not `node -e`: a worker thread inherits the parent's `execArgv`.
const script = join(dir, 'finish.mjs');
writeFileSync(script, SCRIPT);

describe("the writer's thread", () => {
  const cases = [
    { pauseMs: 0, where: 'digest', title: "the log's digest, answered as soon as it is wanted" },
    { pauseMs: 500, where: 'digest', title: "the log's digest, answered long before it is wanted" },
    { pauseMs: 500, where: 'phases', title: 'the phase days, answered before the next question is sent' },
  ];
  for (const { pauseMs, where, title } of cases) {
    it(`keeps ${title}`, () => {
      const out = join(dir, `w-${where}-${pauseMs}.db`);
      const r = spawnSync(process.execPath, [script, ROOT, out, String(pauseMs), where], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const got = JSON.parse(r.stdout) as { keeps: boolean; alone: string; written: string };
      expect(got.keeps).toBe(true);
      expect(got.written).toBe(got.alone);
      expect(got.alone).toMatch(/^[0-9a-f]{64}$/);
    });
  }
});
