/**
 * Worlds for the explorer's tests (the API's in src/server and the browser's here): the small example run into a temporary directory, and a copy
 * of it with the tables other modules add (works, beliefs, canon beats) filled with a few rows,
 * so the API's handling of optional records is tested before every module writes them.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/load.js';

/** Runs examples/small.yaml (seed 7) into a fresh temporary file and returns its path. */
export function buildSmallWorld(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hailsham-server-'));
  const out = join(dir, 'small.db');
  runScenario(loadScenario('examples/small.yaml'), { seed: 7, out });
  return out;
}

/**
 * Copies a world and gives the copy module tables of a known shape in place of its own:
 * works by the first students, beliefs with their sources, and three canon beats. Returns the
 * copy's path.
 */
export function withModuleTables(file: string): string {
  const copy = file.replace(/\.db$/, '-modules.db');
  copyFileSync(file, copy);
  const db = new Database(copy);
  try {
    // Whatever the modules of the day wrote is replaced by tables of a known shape.
    const core = ['meta', 'event_types', 'places', 'people', 'events', 'event_people'];
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    for (const t of tables) if (!core.includes(t)) db.exec(`DROP TABLE "${t}"`);
    const students = db
      .prepare("SELECT id, born, school FROM people WHERE kind = 'clone' ORDER BY id LIMIT 6")
      .all() as { id: number; born: number; school: number }[];
    db.exec(`
      CREATE TABLE works (id INTEGER PRIMARY KEY, maker INTEGER, school INTEGER, day INTEGER, medium TEXT,
        style TEXT, skill REAL, originality REAL, temperament REAL, hue REAL, title TEXT, gallery INTEGER);
      CREATE TABLE beliefs (person INTEGER, belief TEXT, day INTEGER, source_person INTEGER, source_event INTEGER);
      CREATE TABLE canon_beats (ord INTEGER, day INTEGER, title TEXT, text TEXT, person INTEGER, place INTEGER, event INTEGER);
    `);
    const work = db.prepare('INSERT INTO works VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const belief = db.prepare('INSERT INTO beliefs VALUES (?, ?, ?, ?, ?)');
    students.forEach((s, i) => {
      const day = s.born + 365 * (8 + i);
      work.run(
        i + 1,
        s.id,
        s.school,
        day,
        'picture',
        i % 2 ? 'landscape' : 'animals',
        0.4 + i / 20,
        0.6,
        0.3,
        20 * i,
        `Study ${i + 1}`,
        i % 2,
      );
      belief.run(s.id, i % 2 ? 'the gallery' : 'deferrals', day, students[0]!.id, null);
    });
    const first = students[0]!;
    const born = db.prepare('SELECT id FROM events WHERE person = ? ORDER BY id LIMIT 1').get(first.id) as {
      id: number;
    };
    const beat = db.prepare('INSERT INTO canon_beats VALUES (?, ?, ?, ?, ?, ?, ?)');
    beat.run(1, first.born, 'A birth', 'The first of the cohort is born.', first.id, first.school, born.id);
    beat.run(2, first.born + 3000, 'A first picture', null, first.id, first.school, null);
    beat.run(3, first.born + 6000, 'Leaving', null, null, null, null);
  } finally {
    db.close();
  }
  return copy;
}
