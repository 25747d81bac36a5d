/**
 * The chronicle's golden harness. A golden is a committed chronicle of a seeded world; a test
 * writes the chronicle again and compares. On a mismatch it writes `<name>-changed.<ext>`
 * beside the golden for review (diff the two, then copy the changed file over the golden if
 * the change is wanted, or run with UPDATE_GOLDEN=1) and fails. A missing golden is written
 * and the test passes, so a new golden only needs committing.
 *
 * `checkChronicle` asserts what must hold of every chronicle: no sentence twice, every cited
 * event in the log, and no run of eight or more words shared with the source documents
 * (`../shared/tools/seed-overlap.py`).
 *
 * @example
 *   const db = worldFor('examples/canon.yaml');
 *   const c = writeChronicle(openWorld(db), { kind: 'memoir' });
 *   checkChronicle(c, db);
 *   expectGolden('canon-memoir.md', toMarkdown(c));
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { sentencesOf, type Chronicle } from '../../src/chronicle/index.js';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/load.js';
import { openWorld } from '../../src/store/reader.js';

export const GOLDEN_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(GOLDEN_DIR, '..', '..');
/** The source documents' overlap checker, beside the repository. */
export const SEED_OVERLAP = resolve(ROOT, '..', 'shared', 'tools', 'seed-overlap.py');

const worlds = new Map<string, string>();
let scratch: string | undefined;

/** A temporary directory for this test file's worlds. */
export function scratchDir(): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'hailsham-chronicle-'));
  return scratch;
}

/**
 * Runs a scenario (path relative to the repository) into a temporary world database, once per
 * scenario and seed in a test file, and returns its path.
 */
export function worldFor(scenario: string, seed?: number): string {
  const key = `${scenario}#${seed ?? 'default'}`;
  let file = worlds.get(key);
  if (!file) {
    file = join(scratchDir(), `${basename(scenario, extname(scenario))}-${seed ?? 'default'}.db`);
    runScenario(loadScenario(resolve(ROOT, scenario)), { out: file, force: true, ...(seed !== undefined ? { seed } : {}) });
    worlds.set(key, file);
  }
  return file;
}

/** Removes the temporary worlds (call from afterAll). */
export function cleanWorlds(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
  worlds.clear();
}

/** The path of the `-changed` file written beside a golden on a mismatch. */
export function changedPath(name: string): string {
  const ext = extname(name);
  return join(GOLDEN_DIR, `${name.slice(0, name.length - ext.length)}-changed${ext}`);
}

/**
 * Compares text with the golden file `test/golden/<name>`; see the module comment.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  const changed = changedPath(name);
  if (!existsSync(file) || process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (existsSync(changed)) rmSync(changed);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) {
    if (existsSync(changed)) rmSync(changed);
    return;
  }
  writeFileSync(changed, actual);
  const a = expected.split('\n');
  const b = actual.split('\n');
  const line = a.findIndex((l, i) => l !== b[i]);
  expect.fail(
    `${name} differs from its golden (first at line ${line + 1}); the new text is in ${changed}.\n` +
      `  golden:  ${a[line] ?? '(end of file)'}\n  changed: ${b[line] ?? '(end of file)'}\n` +
      'If the change is right, copy the -changed file over the golden (or run with UPDATE_GOLDEN=1).',
  );
}

/** Runs the seed-overlap tool on some text; returns its output. */
export function seedOverlap(text: string): { code: number; out: string } {
  const file = join(scratchDir(), `overlap-${process.pid}-${Date.now()}.md`);
  writeFileSync(file, text);
  const r = spawnSync('python3', [SEED_OVERLAP, file], { encoding: 'utf8' });
  rmSync(file, { force: true });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** Sentences that occur more than once in a chronicle (normalised for case and punctuation). */
export function repeatedSentences(c: Chronicle): string[] {
  const seen = new Map<string, number>();
  for (const s of sentencesOf(c)) {
    const k = s.text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

/** Cited event ids that are not in the world's log. */
export function missingEvents(c: Chronicle, worldFile: string): number[] {
  const w = openWorld(worldFile);
  try {
    const ids = [...new Set(sentencesOf(c).flatMap((s) => s.events))];
    const missing: number[] = [];
    const q = w.db.prepare('SELECT 1 FROM events WHERE id = ?');
    for (const id of ids) if (!q.get(id)) missing.push(id);
    return missing;
  } finally {
    w.close();
  }
}

/** What must hold of every chronicle. */
export function checkChronicle(c: Chronicle, worldFile: string, text: string): void {
  expect(sentencesOf(c).length, 'the chronicle has sentences').toBeGreaterThan(0);
  expect(repeatedSentences(c), 'no sentence is written twice').toEqual([]);
  for (const s of sentencesOf(c)) expect(s.events.length, `"${s.text}" cites its events`).toBeGreaterThan(0);
  expect(missingEvents(c, worldFile), 'every cited event is in the log').toEqual([]);
  const overlap = seedOverlap(text);
  expect(overlap.out, 'no run of eight words is shared with the source documents').toContain('0 shared runs of 8+ words');
  expect(overlap.code).toBe(0);
}
