/**
 * Damaged databases: truncated, foreign, older-version, unfinished and corrupted files given to
 * the commands that read worlds. Each gets a clear error naming the file and the problem, exit
 * code 2, no crash, and the file is not written to.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hailsham-damaged-'));
const good = join(dir, 'good.db');

function hailsham(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/hailsham.js', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const digest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

function damaged(name: string, make: (file: string) => void): string {
  const file = join(dir, name);
  copyFileSync(good, file);
  make(file);
  return file;
}

beforeAll(() => {
  expect(hailsham('run', 'examples/small.yaml', '--seed', '7', '--out', good, '--quiet').code).toBe(0);
});

describe('damaged databases', () => {
  const cases: [string, (f: string) => void, RegExp][] = [
    ['truncated-header.db', (f) => truncateSync(f, 100), /is not a Hailsham world \(only 100 bytes/],
    [
      'truncated-half.db',
      (f) => truncateSync(f, Math.floor(readFileSync(f).length / 2)),
      /(damaged|cannot be read|malformed|is incomplete)/,
    ],
    [
      'foreign.db',
      (f) => {
        const d = new Database(f + '.tmp');
        d.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('hello')");
        d.close();
        copyFileSync(f + '.tmp', f);
      },
      /not a Hailsham world \(its application id/,
    ],
    [
      'older.db',
      (f) => {
        const d = new Database(f);
        d.pragma('user_version = 0');
        d.close();
      },
      /written by an older Hailsham \(database format 0/,
    ],
    [
      'unfinished.db',
      (f) => {
        const d = new Database(f);
        d.prepare("UPDATE meta SET value = 'running' WHERE key = 'status'").run();
        d.close();
      },
      /is incomplete/,
    ],
    [
      'corrupted.db',
      (f) => {
        const bytes = readFileSync(f);
        // Overwrite pages in the middle of the file with noise, keeping the header intact.
        for (let i = 8192; i < bytes.length - 8192; i += 4096) bytes.fill(0xa5, i, i + 512);
        writeFileSync(f, bytes);
      },
      /(damaged|cannot be read|malformed)/,
    ],
    ['text.db', (f) => writeFileSync(f, 'Hailsham '.repeat(500)), /not an SQLite database/],
  ];

  for (const [name, make, expected] of cases) {
    it(`${name}: stats, person and events refuse it clearly and leave it untouched`, () => {
      const file = damaged(name, make);
      const before = digest(file);
      for (const args of [
        ['stats', file],
        ['person', file, '1'],
        ['events', file, '--limit', '5'],
        ['events', file, '--jsonl'],
      ]) {
        const r = hailsham(...args);
        expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
        expect(r.err).toContain(file);
        expect(r.err).toMatch(expected);
        expect(r.err).not.toMatch(/unexpected error|at .*\.js:\d+/);
      }
      expect(digest(file)).toBe(before);
    });
  }
});
