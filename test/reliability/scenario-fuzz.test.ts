/**
 * Scenario fuzzing: thousands of malformed and extreme scenario files (wrong types, missing
 * fields, negative and enormous numbers, junk keys, invalid UTF-8, empty files, overlays that
 * extend each other in cycles). Every one must end in a ScenarioError that names a field, or
 * in a valid world that runs to its end; nothing may throw anything else or hang.
 * Rerun alone with `npx vitest run test/reliability/scenario-fuzz.test.ts`; FUZZ_RUNS sets the count.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { loadScenario, validateScenario } from '../../src/scenario/load.js';
import { World } from '../../src/world/world.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Valid worlds larger than this are built but not run, to keep the suite quick. */
const RUN_LIMIT = 3_000;
const dir = mkdtempSync(join(tmpdir(), 'hailsham-fuzz-'));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BASE: Json = {
  name: 'fuzz',
  calendar: { start: '1960-01-01', end: '2012-12-31' },
  places: {
    schools: [
      {
        id: 'hailsham',
        name: 'Hailsham',
        lat: 51,
        lon: -0.5,
        detail: 'full',
        cohorts: { first: 1962, last: 1964, size: { min: 4, max: 8 } },
      },
      {
        id: 'home',
        name: 'A Home',
        kind: 'home',
        lat: 53,
        lon: -1.5,
        cohorts: { first: 1960, last: 1963, size: 6 },
      },
    ],
    residences: [{ id: 'cottages', name: 'The Cottages', lat: 52.1, lon: -2.8 }],
    centres: [{ id: 'dover', name: 'Dover', lat: 51.1, lon: 1.3 }],
  },
  policy: { caring: { maxDonors: 3 }, donation: { completionRisk: [0.2, 0.4, 1] } },
};

/** Paths to every value in the base document. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}
const ALL_PATHS = paths(BASE).filter((p) => p.length > 0);

const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, 1e9, 1e300, -0.5, 2 ** 53, 0.999999),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '1999-02-30', '2100-01-01', '1800-01-01', 'yesterday', 'ten', '\u0000', 'Ünïcødé ✓'),
  fc.array(fc.integer(), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 3 }),
);

const mutation = fc.oneof(
  fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...ALL_PATHS), value: junk }),
  fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...ALL_PATHS) }),
  fc.record({
    op: fc.constant('extra' as const),
    path: fc.constantFrom(...ALL_PATHS),
    value: junk,
    key: fc.string({ minLength: 1, maxLength: 8 }),
  }),
);

function clone(v: Json): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

function apply(
  doc: Json,
  m: { op: 'set' | 'delete' | 'extra'; path: (string | number)[]; value?: Json; key?: string },
): Json {
  if (m.path.length === 0) return doc;
  let parent: Json = doc;
  for (const k of m.path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return doc;
    parent = (parent as Record<string, Json>)[k as string] ?? null;
  }
  if (parent === null || typeof parent !== 'object') return doc;
  const last = m.path[m.path.length - 1]!;
  const obj = parent as Record<string | number, Json>;
  if (m.op === 'delete') {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete obj[last];
  } else if (m.op === 'set') obj[last] = m.value ?? null;
  else {
    const target = obj[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, Json>)[m.key ?? 'x'] = m.value ?? null;
  }
  return doc;
}

interface Tally {
  invalid: number;
  ran: number;
  built: number;
}

function check(data: unknown, tally: Tally): void {
  let scenario;
  try {
    scenario = validateScenario(data, 'fuzz.yaml');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) expect(i.message.length).toBeGreaterThan(5);
    tally.invalid++;
    return;
  }
  const world = new World(scenario, { seed: 1, hashing: false });
  if (world.expectedLives() <= RUN_LIMIT) {
    world.run();
    tally.ran++;
  } else tally.built++;
}

describe('scenario fuzzing', () => {
  it(`${RUNS} mutated scenarios each give a validation error or a valid run`, () => {
    const tally: Tally = { invalid: 0, ran: 0, built: 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        let doc = clone(BASE);
        for (const m of ms) doc = apply(doc, m);
        check(doc, tally);
      }),
      { numRuns: RUNS, seed: 20261121 },
    );
    // The report of what was tried, for the reader of the test output.
    console.log(
      `scenario fuzz: ${RUNS} cases, ${tally.invalid} refused with a ScenarioError, ${tally.ran} ran, ${tally.built} built`,
    );
    expect(tally.invalid).toBeGreaterThan(RUNS / 4);
    expect(tally.ran).toBeGreaterThan(RUNS / 20);
  }, 300_000);

  it('files that are empty, not UTF-8, not YAML or not a mapping are refused clearly', () => {
    const cases: [string, Buffer | string][] = [
      ['empty', ''],
      ['spaces', '   \n\t\n'],
      ['latin1', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a])],
      ['binary', Buffer.from(Array.from({ length: 256 }, (_, i) => i))],
      ['list', '- a\n- b\n'],
      ['scalar', '42\n'],
      ['tabs', 'name:\tx\n\tcalendar: 1\n'],
      ['anchors', 'a: &a [*a]\n'],
      ['duplicate-keys', 'name: a\nname: b\n'],
      ['json-broken', '{"name": "x", '],
      ['deep', `${'['.repeat(5000)}${']'.repeat(5000)}`],
      [
        'billion-laughs',
        `a: &a ["x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`,
      ],
    ];
    for (const [name, content] of cases) {
      const p = join(dir, `${name}.yaml`);
      writeFileSync(p, content);
      let error: unknown;
      try {
        loadScenario(p);
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).message, name).toContain(p);
    }
  });

  it('overlays that extend each other in cycles of any length are refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), (n, back) => {
        const names = Array.from({ length: n }, (_, i) => join(dir, `cycle-${n}-${back}-${i}.yaml`));
        names.forEach((file, i) => {
          const next = i + 1 < n ? names[i + 1]! : names[Math.min(back, n - 1)]!;
          writeFileSync(file, stringify({ extends: next, name: `c${i}` }));
        });
        expect(() => loadScenario(names[0]!)).toThrow(/extends itself through/);
      }),
      { numRuns: 30 },
    );
  });
});
