/**
 * The scenario JSON Schema (what editors check files against) against `hailsham validate`: ajv
 * (an independent validator, draft 2020-12) accepts every example, overlays included, and
 * refuses each wrong file that the loader refuses wherever a schema can say the rule. The rules
 * only the loader can check (a day that does not exist, cross-field rules) are listed, and the
 * test checks that the schema indeed lets them through, so this list stays true.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioJsonSchema } from '../../src/scenario/schema.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const addFormats = addFormatsImport as unknown as (a: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
const schema = scenarioJsonSchema();
const check = ajv.compile(schema);
const dir = mkdtempSync(join(tmpdir(), 'hailsham-schema-'));
const SMALL = join(ROOT, 'examples', 'small.yaml');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loaderAccepts(file: string): boolean {
  try {
    loadScenario(file);
    return true;
  } catch {
    return false;
  }
}

function schemaAccepts(file: string): boolean {
  return check(parse(readFileSync(file, 'utf8')));
}

const examples = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, 'examples', f)),
  ...readdirSync(join(ROOT, 'examples', 'whatif')).map((f) => join(ROOT, 'examples', 'whatif', f)),
];

describe('the scenario JSON Schema', () => {
  it('is the file committed in schema/ (regenerate with npm run schema)', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8'))).toEqual(schema);
  });

  it(`accepts every example (${examples.length}, overlays included), as hailsham validate does`, () => {
    for (const file of examples) {
      expect(schemaAccepts(file), `${file}: ${ajv.errorsText(check.errors)}`).toBe(true);
      expect(loaderAccepts(file), file).toBe(true);
    }
  });

  const small = readFileSync(SMALL, 'utf8');
  const whole = (edit: (text: string) => string) => edit(small);
  const overlay = (body: string) => `extends: ${SMALL}\nname: an-overlay\n${body}`;
  /** Files both must refuse. */
  const wrong: Record<string, string> = {
    'a month 13': whole((t) => t.replace('start: 1958-01-01', 'start: 1958-13-01')),
    'a day 32': whole((t) => t.replace('end: 2005-12-31', 'end: 2005-12-32')),
    'words for a date': whole((t) => t.replace('start: 1958-01-01', 'start: next tuesday')),
    'a date-time': whole((t) => t.replace('start: 1958-01-01', "start: '1958-01-01T00:00:00Z'")),
    'a two-digit year': whole((t) => t.replace('start: 1958-01-01', "start: '58-01-01'")),
    'an unknown top-level key': whole((t) => `${t}\ncolour: blue\n`),
    'no calendar, no extends': whole((t) => t.replace(/calendar:\n {2}start: \S+\n {2}end: \S+\n/, '')),
    'a seed as text': whole((t) => t.replace('seed: 7', 'seed: seven')),
    'an overlay with a misspelt key': overlay('polcy: {}\n'),
    'an overlay with a date in words': overlay(
      'places:\n  schools:\n    - id: hailsham\n      closes: soon\n',
    ),
    'an overlay with a number for a date': overlay(
      'places:\n  schools:\n    - id: hailsham\n      closes: 5\n',
    ),
    'an overlay list entry without its id': overlay('places:\n  schools:\n    - closes: 1970-09-01\n'),
    'an overlay whose extends is not text': `extends: 5\nname: x\n`,
  };
  /** Files only the loader can refuse: what a JSON Schema cannot say. */
  const loaderOnly: Record<string, string> = {
    'a day that does not exist (1958-02-30)': whole((t) =>
      t.replace('start: 1958-01-01', 'start: 1958-02-30'),
    ),
    'the calendar ending before it starts': whole((t) => t.replace('end: 2005-12-31', 'end: 1950-12-31')),
    'an overlay extending a missing file': `extends: ${join(dir, 'missing.yaml')}\nname: x\n`,
  };

  it(`refuses ${Object.keys(wrong).length} wrong files that hailsham validate refuses`, () => {
    for (const [name, text] of Object.entries(wrong)) {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, text);
      expect(loaderAccepts(file), `hailsham validate accepts ${name}`).toBe(false);
      expect(schemaAccepts(file), `the schema accepts ${name}`).toBe(false);
    }
  });

  it(`lets through the ${Object.keys(loaderOnly).length} kinds of mistake a schema cannot express, which hailsham validate refuses`, () => {
    for (const [name, text] of Object.entries(loaderOnly)) {
      const file = join(dir, `only-${name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, text);
      expect(loaderAccepts(file), `hailsham validate accepts ${name}`).toBe(false);
      expect(schemaAccepts(file), `${name}: ${ajv.errorsText(check.errors)}`).toBe(true);
    }
  });
});
