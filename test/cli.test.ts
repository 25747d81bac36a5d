/**
 * The command line end to end, as a user runs it: the built `hailsham` binary on small.yaml.
 * `npm test` builds first, so these exercise what `npm install` puts on the PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/run/index.js';

const dir = mkdtempSync(join(tmpdir(), 'hailsham-cli-'));

function hailsham(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['bin/hailsham.js', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('hailsham run', () => {
  const a = join(dir, 'a.db');
  const b = join(dir, 'b.db');

  it('writes the same log twice for the same seed', () => {
    expect(hailsham('run', 'examples/small.yaml', '--seed', '7', '--out', a).code).toBe(0);
    expect(hailsham('run', 'examples/small.yaml', '--seed', '7', '--out', b, '--quiet').code).toBe(0);
    const la = hailsham('events', a, '--jsonl');
    const lb = hailsham('events', b, '--jsonl');
    expect(la.out.length).toBeGreaterThan(1000);
    expect(la.out).toBe(lb.out);
    const ha = JSON.parse(hailsham('stats', a, '--json').out) as {
      world: { logSha256: string; events: number };
    };
    const hb = JSON.parse(hailsham('stats', b, '--json').out) as { world: { logSha256: string } };
    expect(ha.world.logSha256).toBe(hb.world.logSha256);
    expect(la.out.trim().split('\n')).toHaveLength(ha.world.events);
  });

  it('prints a summary with people per phase, completions and careers', () => {
    const r = hailsham('run', 'examples/small.yaml', '--seed', '3', '--out', join(dir, 'c.db'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('People by phase at the end');
    expect(r.out).toContain('Completions by donation number');
    expect(r.out).toContain('Carer careers');
  });

  it('refuses to overwrite an existing world without --force', () => {
    const before = readFileSync(a);
    const r = hailsham('run', 'examples/small.yaml', '--seed', '8', '--out', a);
    expect(r.code).toBe(2);
    expect(r.err).toContain('already exists; pass --force');
    expect(readFileSync(a).equals(before)).toBe(true);
    expect(hailsham('run', 'examples/small.yaml', '--seed', '8', '--out', a, '--force', '--quiet').code).toBe(
      0,
    );
  });

  it('rejects a bad seed and a malformed scenario with exit code 2 and a clear message', () => {
    const seed = hailsham('run', 'examples/small.yaml', '--seed', 'seven');
    expect(seed.code).toBe(2);
    expect(seed.err).toContain("expected a whole number from 0 to 4294967295, found 'seven'");
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync('examples/small.yaml', 'utf8').replace('maxDonors: 5', 'maxDonors: -5'));
    const r = hailsham('run', bad, '--out', join(dir, 'never.db'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/scenario error in .*bad\.yaml/);
    expect(r.err).toMatch(/policy\.caring\.maxDonors \(line \d+\): .*found the number -5/);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });
});

describe('hailsham stats, person and events', () => {
  const db = join(dir, 'q.db');
  it('stats --json keys completions by donation number', () => {
    expect(hailsham('run', 'examples/small.yaml', '--seed', '7', '--out', db, '--quiet').code).toBe(0);
    const s = JSON.parse(hailsham('stats', db, '--json').out) as {
      completionsByDonation: Record<string, number>;
      byPhase: Record<string, number>;
    };
    expect(Object.keys(s.completionsByDonation)).toEqual(['1', '2', '3', '4']);
    expect(s.byPhase.completed).toBeGreaterThan(300);
  });

  it('person shows a timeline by id or by name', () => {
    const byName = hailsham('person', db, 'Miss Emily');
    expect(byName.code).toBe(0);
    expect(byName.out).toContain('joined Hailsham as headmistress');
    const events = JSON.parse(
      hailsham('events', db, '--type', 'completed', '--limit', '1', '--json').out,
    ) as { person: number }[];
    const life = hailsham('person', db, String(events[0]!.person));
    expect(life.out).toMatch(/was born, to be raised at Hailsham/);
    expect(life.out).toMatch(/completed after/);
    expect(hailsham('person', db, 'Nobody Atall').err).toContain("nobody called 'Nobody Atall'");
  });

  it('person shows the lasting address and finds the same life by it, with or without /p/', () => {
    const byId = JSON.parse(hailsham('person', db, '5', '--json').out) as {
      person: { id: number };
      address: string;
    };
    expect(byId.address).toMatch(/^[a-z0-9-]+-\d{4}-\d{2,}$|^[a-z0-9-]+-staff-\d{2,}$|^madame$|^k-/);
    const text = hailsham('person', db, '5');
    expect(text.out.split('\n')[0]).toContain(`(#5, /p/${byId.address})`);
    for (const given of [`/p/${byId.address}`, byId.address]) {
      const r = hailsham('person', db, given, '--json');
      expect(r.code, r.err).toBe(0);
      expect((JSON.parse(r.out) as { person: { id: number } }).person.id).toBe(5);
    }
    const ids = JSON.parse(
      hailsham('events', db, '--person', `/p/${byId.address}`, '--json', '--limit', '500').out,
    ) as { id: number }[];
    const same = JSON.parse(hailsham('events', db, '--person', '5', '--json', '--limit', '500').out) as {
      id: number;
    }[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(same);
  });

  it('names the argument when no person matches an id, an address or a name', () => {
    const nowhere = hailsham('person', db, '/p/hailsham-1850-01');
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain("<person> '/p/hailsham-1850-01': nobody in");
    expect(nowhere.err).toContain('is at the address /p/hailsham-1850-01');
    const bare = hailsham('person', db, 'hailsham-1850-01');
    expect(bare.err).toContain("<person> 'hailsham-1850-01': nobody in");
    expect(hailsham('person', db, '9999999').err).toContain(
      "<person> '9999999': no person has the id 9999999",
    );
    const events = hailsham('events', db, '--person', '/p/nowhere-1968-01');
    expect(events.code).toBe(2);
    expect(events.err).toContain("--person '/p/nowhere-1968-01'");
  });

  it('events filters by type, place and dates', () => {
    const rows = JSON.parse(
      hailsham(
        'events',
        db,
        '--type',
        'donated',
        '--place',
        'dover',
        '--from',
        '1985',
        '--to',
        '1990-12-31',
        '--limit',
        '500',
        '--json',
      ).out,
    ) as {
      type: string;
      date: string;
      place: number;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.type).toBe('donated');
      expect(r.date >= '1985-01-01' && r.date <= '1990-12-31').toBe(true);
    }
    expect(new Set(rows.map((r) => r.place)).size).toBe(1);
    const bad = hailsham('events', db, '--type', 'flew');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Allowed choices are/);
  });

  it('refuses files that are not complete Hailsham worlds, without writing to them', () => {
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'x'.repeat(4096));
    const r = hailsham('stats', text);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not a Hailsham world (not an SQLite database)');
    expect(readFileSync(text, 'utf8')).toBe('x'.repeat(4096));
    expect(hailsham('stats', join(dir, 'absent.db')).err).toContain('does not exist');
  });
});

describe('output paths', () => {
  it('an --out that cannot be written is a usage error naming it, for every command that writes one', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const under = join(blocker, 'out.json');
    for (const args of [
      ['schema', '--out', under],
      [
        'compare',
        'examples/small.yaml',
        'examples/small.yaml',
        '--seed',
        '1',
        '--out',
        join(blocker, 'r.md'),
      ],
    ]) {
      const r = hailsham(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`cannot write`);
      expect(r.err).toContain('part of its path is a file, not a folder');
      expect(r.err).not.toContain('unexpected error');
    }
  });

  it('plot refuses an --out that is a file or lies under one, and writes its charts otherwise', () => {
    const report = join(dir, 'plot-report.json');
    expect(
      hailsham('compare', 'examples/small.yaml', 'examples/small.yaml', '--seed', '1', '--out', report).code,
    ).toBe(0);
    const blocker = join(dir, 'plot-blocker');
    writeFileSync(blocker, 'x');
    const onFile = hailsham('plot', report, '--out', blocker, '--no-png');
    expect(onFile.code).toBe(2);
    expect(onFile.err).toContain(`--out ${blocker} is a file`);
    const under = hailsham('plot', report, '--out', join(blocker, 'charts'), '--no-png');
    expect(under.code).toBe(2);
    expect(under.err).toContain('part of its path is a file, not a folder');
    const ok = hailsham('plot', report, '--out', join(dir, 'charts'), '--no-png');
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'charts', 'survival.svg'), 'utf8')).toContain('<svg');
  });
});

describe('atomic writing', () => {
  it('an interrupted run leaves no output and no partial file, and keeps an earlier world intact', () => {
    const out = join(dir, 'kept.db');
    const loaded = loadScenario('examples/small.yaml');
    runScenario(loaded, { seed: 1, out });
    const before = readFileSync(out);
    expect(() =>
      runScenario(loaded, {
        seed: 2,
        out,
        force: true,
        onStage: (stage) => {
          if (stage === 'indexes') throw new Error('interrupted');
        },
      }),
    ).toThrow('interrupted');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('kept.db.'))).toEqual([]);
  });
});
