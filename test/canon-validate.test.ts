/**
 * `hailsham validate` refuses a storyline no world could honour, naming the beats: a beat that
 * needs a carer before their sixteenth birthday, a beat that needs a phase the person's own pins
 * rule out, and two beats that need one person in two places on one day.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../src/errors.js';
import { loadScenario, validateScenario } from '../src/scenario/load.js';
import { checkStoryline } from '../src/scenario/canon-schema.js';
import type { Scenario } from '../src/scenario/schema.js';

const canon = loadScenario('examples/canon.yaml').scenario;

function problems(change: (s: Scenario) => void): string[] {
  const copy = JSON.parse(JSON.stringify(canon)) as Scenario;
  change(copy);
  try {
    validateScenario(copy, 'canon-variant.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  return [];
}

describe('a storyline no world could honour', () => {
  it('the canon itself has no such beat', () => {
    expect(checkStoryline(canon)).toEqual([]);
  });

  it('refuses a carer beat before the carer is sixteen, naming the beat', () => {
    const out = problems((s) => {
      const b = s.beats.find((x) => x.id === 'notice')!;
      b.date = '1983-10-04';
    });
    expect(out.join('\n')).toMatch(
      /beats\[\d+\]\.date.*beat 'notice' \(1983-10-04\) needs Kathy H\. \('kathy'\) to be a carer, before their 16th birthday \(1984-04-23\)/,
    );
  });

  it('refuses a beat that needs a phase the pins rule out', () => {
    const out = problems((s) => {
      s.beats.find((x) => x.id === 'the-boat')!.requires = { tommy: 'carer' };
    });
    expect(out.join('\n')).toMatch(
      /beat 'the-boat' \(1995-06-18\) needs Tommy D\. \('tommy'\) to be a carer, but by their donorOn \(1992-09-01\) they are past it/,
    );
  });

  it('refuses two beats on one day that need one person in two places, naming both', () => {
    const out = problems((s) => {
      s.beats.find((x) => x.id === 'the-truth')!.place = 'kingsfield';
    });
    expect(out.join('\n')).toMatch(
      /beats 'visit-madame' \(at 'littlehampton'\) and 'the-truth' \(at 'kingsfield'\) both fall on 1998-05-09 and need 'kathy', 'tommy', 'madame', 'emily' in two places at once/,
    );
  });
});
