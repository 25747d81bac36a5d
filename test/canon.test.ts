/**
 * The canon scenario: the same world every time, every beat in the log in story order, the
 * story's pinned facts honoured, and beats or pins that contradict the rules refused by name.
 */
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../src/errors.js';
import { loadScenario } from '../src/scenario/load.js';
import { Scenario } from '../src/scenario/schema.js';
import { EVENT_CODES } from '../src/world/event-types.js';
import { storylineOf } from '../src/world/canon/index.js';
import { PHASE_COMPLETED, PHASE_DONOR } from '../src/world/phases.js';
import { runInMemory } from './helpers.js';
import { isoDate } from '../src/engine/calendar.js';

const canon = loadScenario('examples/canon.yaml').scenario;

function variant(change: (s: Scenario) => void): Scenario {
  const copy = JSON.parse(JSON.stringify(canon)) as Scenario;
  change(copy);
  return Scenario.parse(copy);
}

function violation(s: Scenario): RuleViolation {
  try {
    runInMemory(s, s.seed);
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('the world ran without a violation');
}

describe('the canon', () => {
  const a = runInMemory(canon, canon.seed);

  it('gives the same world every time', () => {
    const b = runInMemory(canon, canon.seed, 4096);
    expect(b.summary.logSha256).toBe(a.summary.logSha256);
  });

  it('records every beat, in story order, on its day', () => {
    const beats = a.sink.events.filter((e) => e.type === EVENT_CODES.canon_beat);
    expect(beats.map((e) => (JSON.parse(e.data!) as { beat: string }).beat)).toEqual(
      canon.beats.map((b) => b.id),
    );
    expect(beats.map((e) => isoDate(e.day))).toEqual(canon.beats.map((b) => b.date));
  });

  it("honours the story's pins: Ruth after her second donation, Tommy after his fourth, Kathy a donor at the end of 1999", () => {
    const p = a.world.people;
    const id = (castId: string) => storylineOf(a.world)!.personOf(castId)!;
    expect(p.name(id('kathy'))).toBe('Kathy H.');
    expect([p.phase(id('ruth')), p.donations(id('ruth'))]).toEqual([PHASE_COMPLETED, 2]);
    expect([p.phase(id('tommy')), p.donations(id('tommy'))]).toEqual([PHASE_COMPLETED, 4]);
    expect(p.phase(id('kathy'))).toBe(PHASE_DONOR);
    const ruthDone = a.sink.events.find((e) => e.type === EVENT_CODES.completed && e.person === id('ruth'))!;
    expect(isoDate(ruthDone.day)).toBe('1996-03-04');
    const kathyCared = a.sink.events.filter(
      (e) => e.type === EVENT_CODES.carer_assigned && e.other === id('kathy') && e.value === 1,
    );
    expect(kathyCared.map((e) => e.person)).toEqual(expect.arrayContaining([id('ruth'), id('tommy')]));
    const became = a.sink.events.find(
      (e) => e.type === EVENT_CODES.became_donor && e.person === id('kathy'),
    )!;
    expect(became.value / 365.2425).toBeGreaterThan(11);
  });

  it('gives the tempers and the private words to the storyline alone, whatever the seed', () => {
    for (const w of [a, runInMemory(canon, 7)]) {
      const id = (castId: string) => storylineOf(w.world)!.personOf(castId)!;
      const [kathy, ruth, tommy] = ['kathy', 'ruth', 'tommy'].map(id);
      const cast = new Set(canon.cast.filter((c) => c.kind === 'clone').map((c) => id(c.id)));
      const ev = w.sink.events;
      const tantrums = ev.filter((e) => e.type === EVENT_CODES.tantrum);
      // Tommy's tempers are the book's; Kathy and Ruth never lose theirs.
      expect(tantrums.some((e) => e.person === tommy)).toBe(true);
      expect(tantrums.filter((e) => e.person === kathy || e.person === ruth)).toEqual([]);
      // After Miss Lucy's word to Tommy his tantrums stop.
      const word = ev.find((e) => e.type === EVENT_CODES.canon_beat && e.data!.includes('"lucy-to-tommy"'))!;
      expect(tantrums.filter((e) => e.person === tommy && e.day >= word.day)).toEqual([]);
      // Nobody of the cast is told by a guardian that being creative does not matter; only the
      // storyline's Miss Lucy tells Tommy, and she tells nobody else.
      const comfort = ev.filter(
        (e) => e.type === EVENT_CODES.guardian_spoke_to && e.data!.includes('"comfort"'),
      );
      expect(comfort.length).toBeGreaterThan(0);
      expect(comfort.filter((e) => cast.has(e.other) || e.person === id('lucy'))).toEqual([]);
      // The dance is the one time Madame is moved to tears, and Kathy's tape the one thing found.
      expect(ev.filter((e) => e.type === EVENT_CODES.madame_moved).map((e) => e.person)).toEqual([kathy]);
      const trip = ev.find((e) => e.type === EVENT_CODES.canon_beat && e.data!.includes('"norfolk-trip"'))!;
      expect(
        ev
          .filter((e) => e.type === EVENT_CODES.item_found && e.day === trip.day && cast.has(e.person))
          .map((e) => e.person),
      ).toEqual([kathy]);
      // Only Ruth, the storyline's unkind one, leads a teasing among the cast.
      const ringleaders = ev
        .filter((e) => e.type === EVENT_CODES.teased && cast.has(e.other))
        .map((e) => e.other);
      expect(ringleaders.filter((p) => p !== ruth)).toEqual([]);
    }
  });

  it('refuses a beat that contradicts the pins before the run, naming it', () => {
    const copy = JSON.parse(JSON.stringify(canon)) as Scenario;
    copy.beats.find((b) => b.id === 'cares-for-ruth')!.date = '1990-03-06';
    copy.beats.sort((x, y) => x.date.localeCompare(y.date));
    const r = Scenario.safeParse(copy);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join('\n')).toMatch(
      /beat 'cares-for-ruth' \(1990-03-06\) needs Ruth \('ruth'\) to be a donor, but their donorOn is 1993-06-01/,
    );
  });

  it('refuses at run time a beat the world cannot honour, naming it', () => {
    const lonely = variant((s) => {
      // Miss Lucy leaves twice: the second time she is no longer on the staff.
      s.beats.push({
        ...s.beats.find((b) => b.id === 'lucy-leaves')!,
        id: 'lucy-leaves-again',
        date: '1984-01-10',
      });
      s.beats.sort((x, y) => x.date.localeCompare(y.date));
    });
    const e = violation(lonely);
    expect(e.message).toContain("beat 'lucy-leaves-again' contradicts the world");
    expect(e.message).toContain("Miss Lucy is not on a school's staff");
  });

  it('refuses pins the policy cannot honour, naming the cast member', () => {
    const five = variant((s) => {
      const tommy = s.cast.find((c) => c.id === 'tommy')!;
      tommy.completesAfter = 5;
    });
    expect(() => runInMemory(five, five.seed)).toThrow(
      /completesAfter 5, but the policy allows 4.*cast 'tommy' \(Tommy D\.\)/,
    );
    // A training day before school ends leaves her no time at the Cottages: refused before the run.
    expect(() =>
      variant((s) => {
        s.cast.find((c) => c.id === 'ruth')!.trainingOn = '1983-01-01';
      }),
    ).toThrow(
      /needs Ruth \('ruth'\) to be a resident, but by their trainingOn \(1983-01-01\) they are past it/,
    );
  });
});
