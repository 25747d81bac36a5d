/**
 * The chronicle on a real world (examples/small.yaml, seed 7): goldens of a memoir, a
 * biography and an institution's history, and the invariants every chronicle keeps (no
 * sentence twice, every cited event in the log, nothing shared with the source documents,
 * the same text every time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultNarrator,
  sentencesOf,
  toHtml,
  toMarkdown,
  writeChronicle,
  type Chronicle,
  type ChronicleRequest,
} from '../src/chronicle/index.js';
import { AddressBook } from '../src/address/book.js';
import { openWorld, type WorldDb } from '../src/store/reader.js';
import {
  checkChronicle,
  cleanWorlds,
  expectGolden,
  repeatedSentences,
  scratchDir,
  worldFor,
} from './golden/harness.js';

let file: string;
let world: WorldDb;

beforeAll(() => {
  file = worldFor('examples/small.yaml', 7);
  world = openWorld(file);
});

afterAll(() => {
  world.close();
  cleanWorlds();
});

function write(req: ChronicleRequest): Chronicle {
  return writeChronicle(world, req);
}

describe('chronicle goldens (small.yaml, seed 7)', () => {
  it('the default memoir matches its golden', () => {
    const c = write({ kind: 'memoir' });
    const md = toMarkdown(c);
    checkChronicle(c, file, md);
    expectGolden('small-7-memoir.md', md);
  });

  it("the default narrator's biography matches its golden", () => {
    const c = write({ kind: 'biography', person: defaultNarrator(world) });
    const md = toMarkdown(c);
    checkChronicle(c, file, md);
    expectGolden('small-7-biography.md', md);
  });

  it("Hailsham's history matches its golden", () => {
    const c = write({ kind: 'institution', place: world.findPlace('hailsham')!.id });
    const md = toMarkdown(c);
    checkChronicle(c, file, md);
    expectGolden('small-7-hailsham.md', md);
  });
});

describe('chronicle invariants', () => {
  it('writes the same text every time', () => {
    const a = JSON.stringify(write({ kind: 'memoir' }));
    const b = JSON.stringify(writeChronicle(openWorld(file), { kind: 'memoir' }));
    expect(a).toBe(b);
    const p = defaultNarrator(world);
    expect(JSON.stringify(write({ kind: 'biography', person: p }))).toBe(
      JSON.stringify(write({ kind: 'biography', person: p })),
    );
  });

  it('the default narrator is a clone of a full-detail school who was a carer', () => {
    const p = world.person(defaultNarrator(world))!;
    expect(p.kind).toBe('clone');
    expect(p.carer_on).not.toBeNull();
    expect(world.place(p.school!)!.detail).toBe('full');
  });

  it('never repeats a sentence and cites only real events, for many lives and every place', () => {
    const clones = world.all<{ id: number }>("SELECT id FROM people WHERE kind = 'clone' ORDER BY id");
    const sample = clones.filter((_, i) => i % 37 === 0).map((r) => r.id);
    const others = world
      .all<{ id: number }>("SELECT id FROM people WHERE kind <> 'clone' ORDER BY id LIMIT 4")
      .map((r) => r.id);
    const all: Chronicle[] = [
      ...sample.map((id) => write({ kind: 'memoir', narrator: id })),
      ...[...sample, ...others].map((id) => write({ kind: 'biography', person: id })),
      ...world.places().map((p) => write({ kind: 'institution', place: p.id })),
    ];
    for (const c of all) {
      expect(repeatedSentences(c), c.title).toEqual([]);
      expect(sentencesOf(c).length, c.title).toBeGreaterThan(0);
    }
    const ids = new Set(all.flatMap((c) => sentencesOf(c).flatMap((s) => s.events)));
    const q = world.db.prepare('SELECT 1 FROM events WHERE id = ?');
    expect([...ids].filter((id) => !q.get(id))).toEqual([]);
  });

  it('every carer tells a present of caring, and no paragraph is a lone sentence', () => {
    const carers = world
      .all<{ id: number }>(
        "SELECT id FROM people WHERE kind = 'clone' AND carer_on IS NOT NULL ORDER BY id LIMIT 10",
      )
      .map((r) => r.id);
    expect(carers.length).toBe(10);
    for (const id of carers) {
      const c = write({ kind: 'memoir', narrator: id });
      const caring = c.sections.find((s) => s.title === 'Caring');
      expect(caring, c.title).toBeDefined();
      expect(sentencesOf({ ...c, sections: [caring!] }).length, c.title).toBeGreaterThanOrEqual(3);
      for (const s of c.sections)
        for (const p of s.paragraphs) expect(p.sentences.length, `${c.title}: ${s.title}`).toBeGreaterThan(1);
    }
  });

  it("in every carer's memoir the caring years call up the past, at least once in three paragraphs", () => {
    // As prose-metrics.py counts it: a sentence of the caring years followed straight by one
    // wholly before them that shares a person (not the narrator) or a place.
    const ev = world.db.prepare('SELECT day, person, other, place FROM events WHERE id = ?');
    const extra = world.db.prepare('SELECT person FROM event_people WHERE event = ?');
    type Row = { day: number; person: number | null; other: number | null; place: number | null };
    const carers = world.all<{ id: number; carer_on: number }>(
      "SELECT id, carer_on FROM people WHERE kind = 'clone' AND carer_on IS NOT NULL ORDER BY id LIMIT 10",
    );
    for (const { id, carer_on } of carers) {
      const c = write({ kind: 'memoir', narrator: id });
      const info = (ids: readonly number[]) => {
        const rows = ids.map((e) => [e, ev.get(e) as Row] as const);
        const people = new Set<number>();
        const places = new Set<number>();
        for (const [e, r] of rows) {
          for (const x of [r.person, r.other, ...extra.all(e).map((q) => (q as { person: number }).person)])
            if (x !== null && x !== id) people.add(x);
          if (r.place !== null) places.add(r.place);
        }
        return { last: Math.max(...rows.map(([, r]) => r.day)), people, places };
      };
      const sents = sentencesOf(c).map((x) => info(x.events));
      let triggered = 0;
      for (let i = 0; i + 1 < sents.length; i++) {
        const [a, b] = [sents[i]!, sents[i + 1]!];
        if (a.last < carer_on || b.last >= carer_on) continue;
        if ([...a.people].some((x) => b.people.has(x)) || [...a.places].some((x) => b.places.has(x)))
          triggered++;
      }
      const paragraphs = c.sections.reduce((n, s) => n + s.paragraphs.length, 0);
      expect(triggered / paragraphs, c.title).toBeGreaterThanOrEqual(0.33);
    }
  });

  it('keeps to plain words: no sentence opens the same way three times running', () => {
    const c = write({ kind: 'memoir' });
    for (const s of c.sections)
      for (const p of s.paragraphs) {
        const first = p.sentences.map((x) => x.text.split(' ')[0]!.toLowerCase());
        for (let i = 2; i < first.length; i++)
          expect(
            first[i] === first[i - 1] && first[i] === first[i - 2] && first[i] !== 'i',
            p.sentences[i]!.text,
          ).toBe(false);
      }
  });
});

describe('chronicle rendering', () => {
  it('HTML makes every sentence a link to its events in the explorer', () => {
    const c = write({ kind: 'memoir' });
    const html = toHtml(c);
    const spans = [...html.matchAll(/<a class="s" href="\/events\/(\d+)" data-events="([\d ]+)"/g)];
    expect(spans).toHaveLength(sentencesOf(c).length);
    for (const [, first, list] of spans) expect(list!.split(' ')[0]).toBe(first);
    expect(html).toContain('<!doctype html>');
  });

  it('Markdown can cite inline or not at all', () => {
    const c = write({ kind: 'biography', person: defaultNarrator(world) });
    const inline = toMarkdown(c, { ids: 'inline' });
    expect(inline).toMatch(/\. \[#\d+(,#\d+)*\]/);
    const bare = toMarkdown(c, { ids: 'none' });
    expect(bare).not.toContain('[#');
    expect(bare).not.toContain('[^');
  });
});

describe('hailsham chronicle (the command)', () => {
  const bin = join(process.cwd(), 'bin', 'hailsham.js');
  const built = existsSync(join(process.cwd(), 'dist', 'cli', 'commands', 'chronicle.js'));

  it.runIf(built)('writes a memoir by name, a biography and a history, in md and html', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, 'chronicle', file, ...args], { encoding: 'utf8' });
    const narrator = world.person(defaultNarrator(world))!.name;
    const memoir = run('--narrator', narrator);
    expect(memoir.status, memoir.stderr).toBe(0);
    expect(memoir.stdout).toContain(`# ${narrator}: a memoir`);
    const out = join(scratchDir(), 'h.html');
    const history = run('--institution', 'hailsham', '--format', 'html', '--out', out);
    expect(history.status, history.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('data-events=');
    const both = run('--person', '1', '--institution', 'hailsham');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('only one of');
    const nobody = run('--person', 'Nobody Atall');
    expect(nobody.status).not.toBe(0);
    expect(nobody.stderr).toContain("nobody called 'Nobody Atall'");
    // The narrator by their lasting address tells the same memoir as by name.
    const address = new AddressBook(world).addressOf(world.person(defaultNarrator(world))!);
    const byAddress = run('--narrator', `/p/${address}`);
    expect(byAddress.status, byAddress.stderr).toBe(0);
    expect(byAddress.stdout).toBe(memoir.stdout);
    const nowhere = run('--narrator', '/p/nowhere-1968-01');
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain("--narrator '/p/nowhere-1968-01': nobody in");
  });
});
