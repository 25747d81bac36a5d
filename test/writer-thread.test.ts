/**
 * The writer's thread as the compiled program runs it (the thread exists only in dist/, so the
 * script runs in a child process against the build): the log's digest it keeps is the digest
 * of the simulation alone, however soon its answer comes. The answer is made to come early, with
 * a pause between the end of the events and the finish, as a tiny world gives it on a fast
 * machine: every later question to the thread must keep it, not take it for a wrong reply.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'hailsham-writer-'));

const SCRIPT = `
const [root, out, pauseMs] = process.argv.slice(2);
const { loadScenario } = await import(root + '/dist/scenario/load.js');
const { simulate } = await import(root + '/dist/run/index.js');
const { World } = await import(root + '/dist/world/world.js');
const { WorldWriter } = await import(root + '/dist/store/writer.js');
const loaded = loadScenario(root + '/examples/small.yaml');
const seed = 7;
const alone = simulate(loaded, seed).summary.logSha256;
const writer = new WorldWriter(out);
const world = new World(loaded.scenario, { seed, sink: writer });
world.runEvents();
// Block this thread while the writer's thread answers the digest it was just asked for.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(pauseMs));
writer.finish(world, () => world.summary(), {
  softwareVersion: 'test', scenarioName: 'small', scenarioSource: '{}', scenarioFile: '', seed,
});
console.log(JSON.stringify({ keeps: writer.keepsDigest, alone, written: world.summary().logSha256 }));
`;

// A file, not `node -e`: a worker thread inherits the parent's `execArgv`.
const script = join(dir, 'finish.mjs');
writeFileSync(script, SCRIPT);

describe("the writer's thread", () => {
  for (const pauseMs of [0, 500]) {
    it(`keeps the log's digest, answered ${pauseMs ? 'long before' : 'as soon as'} it is wanted`, () => {
      const r = spawnSync(process.execPath, [script, ROOT, join(dir, `w-${pauseMs}.db`), String(pauseMs)], {
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
