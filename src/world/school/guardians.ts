/**
 * Guardians: who they are (warm or cool, inclined to speak plainly or not), what they tell each
 * class and when (the disclosure policy: "told and not told"), and what happens when one of
 * them says too much. They also comfort a student after a tantrum, praise a favourite, stop a
 * teasing, and put down school rumours they hear of.
 */
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { debunk, learn, startRumour } from '../beliefs/rumours.js';
import { PROPOSITIONS, proposition } from '../beliefs/propositions.js';
import { EVENT_CODES } from '../event-types.js';
import { hireGuardian } from '../lifecycle/staff.js';
import { SCHOOL_ROLES } from './events.js';
import type { Life, Member, Staff } from './life.js';
import { poisson, unit } from './life.js';

/** Gives a guardian at a school a persona and adds them to the staff lists. */
export function addStaff(life: Life, id: number, place: number, role: Staff['role'], day: number): Staff {
  const key = life.ctx.people.key(id);
  const g = life.school.guardians;
  const persona = life.ctx.streams.draw('guardian-persona');
  const st: Staff = {
    id,
    place,
    role,
    warmth: Math.round(persona.at(key, 0) * 1000) / 1000,
    plain: role === 'guardian' && persona.at(key, 1) < g.plainSpeakers,
    joined: day,
    left: NONE,
    leaving: false,
  };
  let list = life.staff.get(place);
  if (!list) life.staff.set(place, (list = []));
  list.push(st);
  life.staffRows.push(st);
  return st;
}

/**
 * A guardian leaves (after speaking plainly) and a new one is appointed in their place.
 */
export function guardianLeaves(life: Life, st: Staff, day: number, cause: number): void {
  if (st.left !== NONE) return;
  st.left = day;
  const left = life.emit(day, EVENT_CODES.guardian_left, st.id, NONE, st.place, NONE, cause, {
    reason: 'spoke-plainly',
  });
  const n = life.staffRows.filter((x) => x.place === st.place).length;
  const id = hireGuardian(life.ctx.people, life.ctx.streams, life.place(st.place), n, true, day);
  life.emit(day, EVENT_CODES.joined_staff, id, NONE, st.place, NONE, left, { role: 'guardian' });
  addStaff(life, id, st.place, 'guardian', day);
}

/** Age in whole years at the start of a school year (1 September). */
function yearsOld(life: Life, m: Member, day: number): number {
  return Math.floor(life.age(m, day));
}

/**
 * The disclosure policy at work: on the first school day of the year each class of the age a
 * rule names is told its version, more or less plainly; a student takes it in with about the
 * plainness's chance. One `guardian_disclosed` event per class and rule.
 */
export function disclose(
  life: Life,
  place: number,
  day: number,
  s: Sequence,
  classes: Map<number, Member[]>,
): void {
  const staff = life.guardiansAt(place);
  if (staff.length === 0) return;
  for (const rule of life.beliefSettings.disclosure) {
    proposition(rule.proposition);
    for (const [cohort, group] of classes) {
      if (group.length === 0 || yearsOld(life, group[0]!, day) !== Math.floor(rule.age)) continue;
      const g = s.pick(staff);
      const event = life.ctx.rec.nextId;
      const took: number[] = [];
      for (const m of group) {
        if (!s.chance(rule.plainness)) continue;
        const b = learn(
          life,
          m,
          rule.proposition,
          rule.version,
          day,
          event,
          'disclosure',
          0.35 + 0.6 * rule.plainness,
          {
            via: g.id,
          },
        );
        if (b) took.push(m.id);
      }
      const id = life.emit(day, EVENT_CODES.guardian_disclosed, g.id, NONE, place, cohort, NONE, {
        p: rule.proposition,
        v: rule.version,
        plainness: rule.plainness,
        tookIn: took.length,
      });
      if (id !== event) throw new Error(`disclose: expected event ${event}, recorded ${id}`);
      life.involve(id, took, SCHOOL_ROLES.listener);
    }
  }
}

/**
 * A guardian inclined to plainness may, against the policy, tell a senior class what their
 * lives will be. The class takes it in (or refuses to), grows restless, and the guardian is
 * likely to be gone within weeks. Returns the guardians who will leave, with the event.
 */
export function plainSpeaking(
  life: Life,
  place: number,
  day: number,
  s: Sequence,
  classes: Map<number, Member[]>,
): { staff: Staff; event: number }[] {
  const g = life.school.guardians;
  const out: { staff: Staff; event: number }[] = [];
  for (const st of life.guardiansAt(place)) {
    if (!st.plain || st.leaving || !s.chance(g.plainSpeakingPerYear)) continue;
    const seniors = [...classes.values()].filter((c) => c.length > 0 && yearsOld(life, c[0]!, day) >= 14);
    if (seniors.length === 0) continue;
    const group = s.pick(seniors);
    if (life.storyline.plainTalkHeld(st.id, group[0]!.cohort, day)) continue;
    const reaction = s.pick(['silence', 'silence', 'unrest', 'disbelief'] as const);
    const said: [string, string][] = [
      ['no-ordinary-future', 'yes'],
      ['we-will-donate', 'plainly'],
    ];
    const event = life.ctx.rec.nextId;
    for (const m of group) {
      if (reaction === 'disbelief' && m.traits.credulity < 0.55) continue;
      for (const [p, v] of said) learn(life, m, p, v, day, event, 'plain-speaking', 0.85, { via: st.id });
      if (reaction === 'unrest') m.strain = unit(m.strain + 0.25);
    }
    const id = life.emit(
      day,
      EVENT_CODES.guardian_spoke_plainly,
      st.id,
      NONE,
      place,
      group[0]!.cohort,
      NONE,
      {
        said,
        reaction,
      },
    );
    if (id !== event) throw new Error(`plainSpeaking: expected event ${event}, recorded ${id}`);
    life.involve(
      id,
      group.map((m) => m.id),
      SCHOOL_ROLES.listener,
    );
    life.counts.plainSpeakings++;
    // She takes back the comfort she once gave: their art did matter after all.
    for (const m of group) {
      if (!m.comforted) continue;
      m.comforted = false;
      m.strain = unit(m.strain + 0.2);
      life.emit(day, EVENT_CODES.guardian_spoke_to, st.id, m.id, place, NONE, id, {
        kind: 'truth',
        about: 'art-matters-after-all',
      });
      break;
    }
    if (s.chance(g.leaveAfterPlainSpeaking)) {
      st.leaving = true;
      out.push({ staff: st, event: id });
    }
  }
  return out;
}

/** A warm guardian comforts one who had a tantrum and was never chosen: their art need not matter. */
export function comfort(
  life: Life,
  place: number,
  day: number,
  s: Sequence,
  who: readonly Member[],
  cause: number,
): void {
  const staff = life.guardiansAt(place);
  for (const m of who) {
    if (m.comforted || m.chosen > 0 || life.age(m, day) < 10 || staff.length === 0) continue;
    const st = s.pick(staff);
    if (life.storyline.comfortHeld(st.id, m.id) || !s.chance(0.25 + 0.5 * st.warmth)) continue;
    m.comforted = true;
    m.strain = unit(m.strain * 0.4);
    life.emit(day, EVENT_CODES.guardian_spoke_to, st.id, m.id, place, NONE, cause, {
      kind: 'comfort',
      about: 'art-need-not-matter',
    });
  }
}

/** A warm guardian praises a student's work; their standing rises. */
export function favour(
  life: Life,
  place: number,
  day: number,
  s: Sequence,
  students: readonly Member[],
): void {
  if (students.length === 0) return;
  for (const st of life.guardiansAt(place)) {
    if (!s.chance(life.school.guardians.favourChance * (0.5 + st.warmth))) continue;
    let best: Member | undefined;
    let score = -1;
    for (let k = 0; k < 8; k++) {
      const m = s.pick(students);
      const v = m.art.talent + m.traits.agreeableness * 0.5 + s.next() * 0.3;
      if (v > score) {
        score = v;
        best = m;
      }
    }
    if (!best) continue;
    best.standing = unit(best.standing + 0.06);
    life.emit(day, EVENT_CODES.guardian_spoke_to, st.id, best.id, place, NONE, NONE, {
      kind: 'praise',
      about: 'their work',
    });
  }
}

/** Who may start each school rumour (ages), and how it starts. */
const ORIGINS: Record<string, { ages: [number, number]; hows: readonly string[] }> = {
  woods: {
    ages: [7, 13],
    hows: ['made it up after lights out', 'said an older student told them', 'swore they saw something'],
  },
  'gallery-purpose': { ages: [8, 16], hows: ['worked it out', 'overheard two guardians', 'guessed aloud'] },
  'madame-runs-hailsham': { ages: [6, 10], hows: ['guessed from the way the guardians look when she comes'] },
  deferral: {
    ages: [15, 17],
    hows: ['heard it from a leaver who wrote back', 'overheard it near the pavilion'],
  },
};

/**
 * Rumours begin at a school this year: for each proposition in the settings, some number of
 * imaginative students of the right age make up or mishear a false version.
 */
export function rumourOrigins(
  life: Life,
  place: number,
  day: number,
  s: Sequence,
  students: readonly Member[],
): void {
  for (const [prop, rate] of Object.entries(life.beliefSettings.originsPerYear)) {
    const origin = ORIGINS[prop];
    const p = proposition(prop);
    const n = poisson(s, rate);
    for (let k = 0; k < n; k++) {
      const eligible = students.filter((m) => {
        const a = life.age(m, day);
        return a >= (origin?.ages[0] ?? 8) && a < (origin?.ages[1] ?? 17);
      });
      if (eligible.length === 0) break;
      let who = s.pick(eligible);
      for (let j = 0; j < 3; j++) {
        const c = s.pick(eligible);
        if (c.traits.imagination > who.traits.imagination) who = c;
      }
      // What children invent is the same whatever the policy outside makes true: the catalogue's
      // falsehoods, not this world's, so a counterfactual policy leaves school rumours alone.
      const falsehoods = p.versions.filter((v) => v.spread > 0 && v.truth === false);
      const version = (falsehoods.length > 0 ? s.pick(falsehoods) : s.pick(p.versions)).id;
      startRumour(life, who, prop, version, day, place, s.pick(origin?.hows ?? ['made it up']));
    }
  }
}

/** Guardians may put down the false school rumours widely held. */
export function debunks(life: Life, place: number, day: number, s: Sequence): void {
  const staff = life.guardiansAt(place);
  if (staff.length === 0) return;
  for (const { id: p } of PROPOSITIONS.filter((x) => x.debunkable)) {
    let holders = 0;
    for (const m of life.at(place)) {
      const b = life.book.current(m.id, p);
      if (b && life.book.truthOf(p, b.version) === false) holders++;
    }
    if (holders >= 3 && s.chance(life.beliefSettings.debunkPerYear))
      debunk(life, place, day, p, s.pick(staff).id, s);
  }
}
