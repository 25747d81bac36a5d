/**
 * Damaged databases: truncated, foreign, older-version, unfinished and corrupted files given to
 * the commands that read worlds (`stats`, `person`, `events`, `chronicle`, `serve`). Each gets a
 * clear error naming the file and the problem, exit code 2, no crash, and the file is not
 * written to (its bytes are unchanged and no journal appears beside it). `serve` checks the
 * file's structure quickly before its first answer and reads every page in the background: it
 * must refuse whole-file damage at startup, and for partial damage either refuse at startup or
 * report the damage on stderr soon after, and from then on answer every API request with a 503
 * naming the file and the damage.
 *
 * Two kinds of damage:
 * - **whole-file** damage (truncation, a foreign or older file, an unfinished run, noise over
 *   most pages, text): every command must refuse;
 * - **partial** damage a reader meets only when it reads that part (the pages of one table or
 *   its indexes, a missing table or column, garbled `meta` values): `chronicle` and `serve`
 *   must refuse; `stats`, `person` and `events` may succeed if they never read the damaged part,
 *   but must not crash.
 *
 * Rerun alone with `npx vitest run test/reliability/damaged-db.test.ts`.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hailsham-damaged-'));
const good = join(dir, 'good.db');
const PAGE = 4096;
/** How long `serve` may take to refuse a damaged world before it is taken to have started. */
const SERVE_DEADLINE_MS = 20_000;

interface Result {
  code: number;
  out: string;
  err: string;
}

function hailsham(...args: string[]): Result {
  const r = spawnSync(process.execPath, ['bin/hailsham.js', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 60_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** What `serve` did with a damaged world. */
interface Served extends Result {
  /** It listened (printed its address). */
  started: boolean;
  /** It reported damage on stderr after starting. */
  reported: boolean;
  /** After the report: the status and error message of API requests. */
  answers: { path: string; status: number; message: string }[];
}

/**
 * Runs `hailsham serve <file> --port 0`. If it exits, that is its answer. If it listens, waits
 * for it to report damage on stderr, then asks the API for a few things and records the
 * answers; at the deadline, or after the answers, it is killed.
 */
function serve(file: string): Promise<Served> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/hailsham.js', 'serve', file, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let started = false;
    let reported = false;
    let asking = false;
    const answers: Served['answers'] = [];
    const stop = () => child.kill('SIGKILL');
    const timer = setTimeout(stop, SERVE_DEADLINE_MS);
    const ask = async () => {
      if (asking) return;
      asking = true;
      const base = /https?:\/\/\S+\//.exec(out)![0];
      for (const path of ['api/world', 'api/people?limit=5', 'api/events?limit=5', 'api/overview']) {
        const res = await fetch(base + path);
        const body = (await res.json()) as { error?: { message?: string } };
        answers.push({ path, status: res.status, message: body.error?.message ?? '' });
      }
      stop();
    };
    const maybeAsk = () => {
      if (started && reported) void ask().catch(stop);
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/https?:\/\/\S+/.test(out)) started = true;
      maybeAsk();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (started && /answers every request with 503/.test(err)) reported = true;
      maybeAsk();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out, err, started, reported, answers });
    });
  });
}

const digest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** Leaf pages (1-based numbers) of the named tables or indexes in the good world. */
function leafPages(names: readonly string[]): number[] {
  const db = new Database(good, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT pageno FROM dbstat WHERE name IN (${names.map(() => '?').join(',')}) AND pagetype = 'leaf' ORDER BY pageno`,
      )
      .pluck()
      .all(...names) as number[];
  } finally {
    db.close();
  }
}

/** Overwrites the header of every `every`-th leaf page of the named tables with noise. */
function smashPages(names: readonly string[], every = 1) {
  return (f: string) => {
    const bytes = readFileSync(f);
    leafPages(names).forEach((p, i) => {
      if (i % every === 0) bytes.fill(0xa5, (p - 1) * PAGE, (p - 1) * PAGE + 64);
    });
    writeFileSync(f, bytes);
  };
}

/** Runs SQL on a copy of the world (as a tool or a careless user might). */
function edit(sql: string) {
  return (f: string) => {
    const db = new Database(f);
    db.exec(sql);
    db.close();
  };
}

interface Damage {
  name: string;
  make: (file: string) => void;
  /** What the error must say. */
  expected: RegExp;
  whole: boolean;
  /**
   * Damage only a read of the whole file finds (one page in the middle of a table): chronicle
   * may succeed if it never reads that page; serve must start and then report it.
   */
  hidden?: boolean;
}

const UNREADABLE = /(damaged|cannot be read|malformed|is incomplete)/;

const DAMAGES: Damage[] = [
  // Whole-file damage.
  {
    name: 'truncated-header.db',
    make: (f) => truncateSync(f, 100),
    expected: /is not a Hailsham world \(only 100 bytes/,
    whole: true,
  },
  { name: 'empty.db', make: (f) => writeFileSync(f, ''), expected: /only 0 bytes/, whole: true },
  {
    name: 'truncated-half.db',
    make: (f) => truncateSync(f, Math.floor(readFileSync(f).length / 2)),
    expected: UNREADABLE,
    whole: true,
  },
  {
    name: 'truncated-tail.db',
    make: (f) => truncateSync(f, readFileSync(f).length - 40 * PAGE),
    expected: UNREADABLE,
    whole: true,
  },
  {
    name: 'foreign.db',
    make: (f) => {
      const d = new Database(f + '.tmp');
      d.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('hello')");
      d.close();
      copyFileSync(f + '.tmp', f);
    },
    expected: /not a Hailsham world \(its application id/,
    whole: true,
  },
  {
    name: 'older.db',
    make: (f) => {
      const d = new Database(f);
      d.pragma('user_version = 0');
      d.close();
    },
    expected: /written by an older Hailsham \(database format 0/,
    whole: true,
  },
  {
    name: 'unfinished.db',
    make: edit("UPDATE meta SET value = 'running' WHERE key = 'status'"),
    expected: /is incomplete/,
    whole: true,
  },
  {
    name: 'corrupted.db',
    make: (f) => {
      const bytes = readFileSync(f);
      // Overwrite pages in the middle of the file with noise, keeping the header intact.
      for (let i = 8192; i < bytes.length - 8192; i += 4096) bytes.fill(0xa5, i, i + 512);
      writeFileSync(f, bytes);
    },
    expected: /(damaged|cannot be read|malformed)/,
    whole: true,
  },
  {
    name: 'text.db',
    make: (f) => writeFileSync(f, 'Hailsham '.repeat(500)),
    expected: /not an SQLite database/,
    whole: true,
  },
  // Partial damage: the header, meta and schema are intact.
  { name: 'events-pages.db', make: smashPages(['events']), expected: UNREADABLE, whole: false },
  { name: 'events-some-pages.db', make: smashPages(['events'], 7), expected: UNREADABLE, whole: false },
  { name: 'people-pages.db', make: smashPages(['people']), expected: UNREADABLE, whole: false },
  {
    name: 'events-middle-page.db',
    make: (f) => {
      const pages = leafPages(['events']);
      const p = pages[pages.length >> 1]!;
      const bytes = readFileSync(f);
      bytes.fill(0xa5, (p - 1) * PAGE, (p - 1) * PAGE + 64);
      writeFileSync(f, bytes);
    },
    expected: UNREADABLE,
    whole: false,
    hidden: true,
  },
  { name: 'places-pages.db', make: smashPages(['places']), expected: UNREADABLE, whole: false },
  {
    name: 'index-pages.db',
    make: smashPages(['events_person', 'events_other', 'event_people_person']),
    expected: UNREADABLE,
    whole: false,
  },
  {
    name: 'school-tables.db',
    make: smashPages(['works', 'beliefs']),
    expected: UNREADABLE,
    whole: false,
  },
  {
    name: 'no-events-table.db',
    make: edit('DROP VIEW events_readable; DROP TABLE events'),
    expected: /(no such table: events|no events table)/,
    whole: false,
  },
  {
    name: 'no-people-table.db',
    make: edit('DROP TABLE people'),
    expected: /(no such table: people|no people table)/,
    whole: false,
  },
  {
    name: 'no-event-types-table.db',
    make: edit('DROP VIEW events_readable; DROP TABLE event_types'),
    expected: /event_types/,
    whole: false,
  },
  {
    name: 'no-people-column.db',
    make: edit('DROP VIEW events_readable; ALTER TABLE people DROP COLUMN completed_on'),
    expected: /completed_on/,
    whole: false,
  },
  {
    name: 'meta-garbled.db',
    make: edit(
      "UPDATE meta SET value = 'abc' WHERE key IN ('seed', 'start_day', 'end_day', 'people', 'events');" +
        "UPDATE meta SET value = '{not json' WHERE key IN ('scenario', 'summary')",
    ),
    expected: /meta/,
    whole: false,
  },
];

/**
 * Cases that fail today because the fix lies outside this test's files (see the issue-9 report).
 * `it.fails` keeps them visible: when the fix lands, the case passes, `it.fails` turns red, and
 * the entry is removed here.
 */
// Cases that fail today and why; empty since openWorld checks structure and meta and serve
// reads every page in the background. A case listed here runs as it.fails.
const KNOWN_FAILURES: Record<string, string> = {};

/** The checks every refusal must pass. */
function expectRefusal(what: string, file: string, r: Result, expected: RegExp) {
  expect(r.code, `${what}: exit code (stderr: ${r.err})`).toBe(2);
  expect(r.err, what).toContain(file);
  expect(r.err, what).toMatch(expected);
  expect(r.err, what).not.toMatch(/unexpected error|\n\s+at .*:\d+/);
}

/** The checks for a command that may succeed on partial damage: no crash, and a clear error if any. */
function expectNoCrash(what: string, file: string, r: Result) {
  expect([0, 2], `${what}: exit code (stderr: ${r.err})`).toContain(r.code);
  expect(r.err, what).not.toMatch(/unexpected error|\n\s+at .*:\d+/);
  if (r.code === 2) expect(r.err, what).toContain(file);
}

function expectUntouched(file: string, before: string) {
  expect(digest(file), `${file} was changed`).toBe(before);
  for (const side of ['-journal', '-wal', '-shm']) expect(existsSync(file + side), file + side).toBe(false);
}

function damaged(d: Damage): { file: string; before: string } {
  const file = join(dir, d.name);
  copyFileSync(good, file);
  d.make(file);
  return { file, before: digest(file) };
}

beforeAll(() => {
  expect(hailsham('run', 'examples/small.yaml', '--seed', '7', '--out', good, '--quiet').code).toBe(0);
});

describe('damaged databases', () => {
  const tried: string[] = [];

  for (const d of DAMAGES) {
    describe(d.name, () => {
      let file = '';
      let before = '';
      beforeAll(() => ({ file, before } = damaged(d)));

      it(`stats, person and events ${d.whole ? 'refuse it clearly' : 'do not crash'} and leave it untouched`, () => {
        for (const args of [
          ['stats', file],
          ['person', file, '1'],
          ['events', file, '--limit', '5'],
          ['events', file, '--jsonl'],
        ]) {
          const r = hailsham(...args);
          tried.push(`${d.name}: ${args[0]} → ${r.code}`);
          if (d.whole) expectRefusal(args.join(' '), file, r, d.expected);
          else expectNoCrash(args.join(' '), file, r);
        }
        expectUntouched(file, before);
      });

      const chronicleCase = KNOWN_FAILURES[`${d.name} chronicle`] ? it.fails : it;
      chronicleCase('chronicle refuses it clearly and leaves it untouched', () => {
        const r = hailsham('chronicle', file);
        tried.push(`${d.name}: chronicle → ${r.code}`);
        expectUntouched(file, before);
        if (d.hidden) expectNoCrash('chronicle', file, r);
        else expectRefusal('chronicle', file, r, d.expected);
        // Other kinds of chronicle read other parts: they may succeed, but never crash.
        for (const args of [
          ['chronicle', file, '--person', '1', '--format', 'json'],
          ['chronicle', file, '--institution', 'hailsham', '--format', 'html'],
        ]) {
          const v = hailsham(...args);
          if (d.whole) expectRefusal(args.join(' '), file, v, d.expected);
          else expectNoCrash(args.join(' '), file, v);
        }
        expectUntouched(file, before);
      });

      const serveCase = KNOWN_FAILURES[`${d.name} serve`] ? it.fails : it;
      serveCase(
        `serve ${d.whole ? 'refuses it at startup' : 'refuses it, or reports it and answers 503'} and leaves it untouched`,
        async () => {
          const r = await serve(file);
          tried.push(
            `${d.name}: serve → ${r.started ? `started, ${r.reported ? 'reported' : 'NOT REPORTED'}: ${r.answers.map((a) => a.status).join(' ')}` : r.code}`,
          );
          expectUntouched(file, before);
          if (d.hidden) expect(r.started, `serve refused ${d.name} at startup: ${r.err}`).toBe(true);
          if (d.whole || !r.started) {
            expect(r.started, `serve started on ${d.name}: ${r.out}`).toBe(false);
            expectRefusal('serve', file, r, d.expected);
            return;
          }
          expect(r.reported, `serve did not report the damage of ${d.name}: ${r.err}`).toBe(true);
          expect(r.err).toContain(file);
          expect(r.err).toMatch(d.expected);
          expect(r.err).not.toMatch(/unexpected error|\n\s+at .*:\d+/);
          expect(r.answers).toHaveLength(4);
          for (const a of r.answers) {
            expect(a.status, a.path).toBe(503);
            expect(a.message, a.path).toContain(file);
            expect(a.message, a.path).toMatch(d.expected);
          }
        },
      );
    });
  }

  it('chronicle --out into a missing folder or onto a folder is a clear error', () => {
    for (const [out, why] of [
      [join(dir, 'no-such-folder', 'memoir.md'), /its folder does not exist/],
      [dir, /it is a folder/],
    ] as const) {
      const r = hailsham('chronicle', good, '--out', out);
      expectRefusal(`chronicle --out ${out}`, out, r, why);
    }
  });

  it('reports what it tried', () => {
    console.log(
      `damaged databases: ${DAMAGES.length} kinds of damage × stats, person, events, chronicle, serve\n  ` +
        tried.join('\n  '),
    );
    expect(tried.length).toBeGreaterThan(0);
  });
});
