import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors.js';
import { loadScenario, mergeOverlay } from './load.js';
import { scenarioJsonSchema } from './schema.js';

const dir = mkdtempSync(join(tmpdir(), 'hailsham-scenario-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function errorOf(path: string): ScenarioError {
  try {
    loadScenario(path);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error(`${path} loaded without error`);
}

const VALID = `
name: t
calendar: { start: 1960-01-01, end: 2000-12-31 }
places:
  schools:
    - { id: hailsham, name: Hailsham, lat: 51, lon: -0.5, cohorts: { first: 1960, last: 1965, size: 10 } }
  residences: [{ id: cottages, name: The Cottages, lat: 52.1, lon: -2.8 }]
  centres: [{ id: dover, name: Dover, lat: 51.1, lon: 1.3 }]
`;

describe('scenario files', () => {
  it('the examples are valid', () => {
    expect(loadScenario('examples/small.yaml').scenario.name).toBe('small');
    expect(loadScenario('examples/england.yaml').scenario.name).toBe('england');
  });

  it('loadScenario() fills in the default policy', () => {
    const { scenario } = loadScenario(file('ok.yaml', VALID));
    expect(scenario.policy.donation.completionRisk).toEqual([0.1, 0.2, 0.5, 1]);
    expect(scenario.policy.caring.maxDonors).toBe(5);
  });

  it('an error names the file, the field path and line, what was expected and what was found', () => {
    const e = errorOf(file('bad-type.yaml', VALID.replace('size: 10', 'size: ten')));
    expect(e.message).toContain('bad-type.yaml');
    expect(e.message).toMatch(/places\.schools\[0\]\.cohorts\.size \(line 6\)/);
    expect(e.message).toContain('expected number or a mapping such as {min, max}, found the text "ten"');
  });

  it('a misspelt setting is an error, not silently ignored', () => {
    const e = errorOf(file('typo.yaml', VALID + 'policy:\n  caring:\n    maxDonnors: 3\n'));
    expect(e.message).toMatch(/at policy\.caring \(line \d+\): unknown setting 'maxDonnors'/);
  });

  it('negative rates, impossible dates and dangling references are errors', () => {
    const e = errorOf(
      file(
        'many.yaml',
        VALID.replace('end: 2000-12-31', 'end: 1999-02-30').replace('size: 10', 'size: -3') +
          'policy:\n  donation:\n    completionRisk: [0.1, 1.5]\n',
      ),
    );
    expect(e.message).toContain('calendar.end');
    expect(e.message).toContain('expected a date as YYYY-MM-DD');
    expect(e.message).toMatch(/completionRisk\[1\].*found the number 1.5/);
    expect(e.message).toMatch(/cohorts\.size.*found the number -3/);
  });

  it('YAML syntax errors give a line and column', () => {
    const e = errorOf(file('syntax.yaml', 'name: t\ncalendar: { start: 1960\n  end: 2000 \n'));
    expect(e.message).toMatch(/line \d+, column \d+/);
  });

  it('empty, non-mapping and non-UTF-8 files are refused clearly', () => {
    expect(errorOf(file('empty.yaml', '  \n')).message).toContain('is empty');
    expect(errorOf(file('list.yaml', '- 1\n- 2\n')).message).toContain(
      'expected a mapping of settings, found a list of 2',
    );
    const p = join(dir, 'latin1.yaml');
    writeFileSync(p, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(errorOf(p).message).toContain('not valid UTF-8');
    expect(errorOf(join(dir, 'missing.yaml')).message).toContain('no such file');
  });

  it('an overlay extends its base and changes only what it says', () => {
    const base = file('base.yaml', VALID);
    const over = file('over.yaml', `extends: ${base}\nname: what-if\npolicy:\n  caring:\n    maxDonors: 2\n`);
    const { scenario, files } = loadScenario(over);
    expect(scenario.name).toBe('what-if');
    expect(scenario.policy.caring.maxDonors).toBe(2);
    expect(scenario.places.schools[0]!.id).toBe('hailsham');
    expect(files).toHaveLength(2);
  });

  it('overlays that extend each other in a cycle are an error', () => {
    file('a.yaml', `extends: b.yaml\n${VALID}`);
    file('b.yaml', `extends: a.yaml\n${VALID}`);
    expect(errorOf(join(dir, 'a.yaml')).message).toContain('extends itself through');
  });

  it('mergeOverlay() merges lists of places by id', () => {
    const merged = mergeOverlay(
      {
        list: [
          { id: 'a', x: 1 },
          { id: 'b', x: 2 },
        ],
      },
      {
        list: [
          { id: 'b', x: 3 },
          { id: 'c', x: 4 },
        ],
      },
    );
    expect(merged).toEqual({
      list: [
        { id: 'a', x: 1 },
        { id: 'b', x: 3 },
        { id: 'c', x: 4 },
      ],
    });
  });

  it('scenarioJsonSchema() describes the settings editors autocomplete, for whole files and overlays', () => {
    type Form = { properties: Record<string, unknown>; required?: string[] };
    const schema = scenarioJsonSchema() as { if: unknown; then: Form; else: Form };
    // A file with `extends:` is an overlay (every setting optional); any other is a whole scenario.
    expect(schema.if).toEqual({ type: 'object', required: ['extends'] });
    for (const form of [schema.then, schema.else])
      expect(Object.keys(form.properties)).toEqual(
        expect.arrayContaining(['name', 'calendar', 'places', 'policy', 'cast', 'beats']),
      );
    expect(schema.else.required).toEqual(expect.arrayContaining(['calendar']));
    expect(schema.then.required).toEqual(['extends']);
  });
});

describe('the committed JSON Schema', () => {
  it('schema/scenario.schema.json matches the zod schema (run `npm run schema` after changing it)', async () => {
    const { readFileSync } = await import('node:fs');
    const committed = readFileSync('schema/scenario.schema.json', 'utf8');
    expect(committed).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
});
