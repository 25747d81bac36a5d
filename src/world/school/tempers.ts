/**
 * Tempers: teasing and tantrums. A student with something to be teased for (no works chosen, a
 * temper, strangeness) may be teased by someone who dislikes them, and a guardian may stop it;
 * a student under strain may lose their temper, and those around answer with sympathy or scorn.
 */
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { EVENT_CODES } from '../event-types.js';
import { SCHOOL_ROLES } from './events.js';
import type { Life, Member, Staff } from './life.js';
import { poisson, signed, unit } from './life.js';
import { groupOf, type TickScope } from './social.js';

/** Why a student may be teased. */
function teasable(m: Member, atResidence: boolean): number {
  const age = m.ageNow;
  if (age < 7) return 0;
  let w = 0.15 + 0.5 * (1 - m.standing) + 0.8 * m.traits.temper;
  if (!atResidence && age >= 9 && m.chosen === 0) w += 1.2;
  if (m.art.late) w += atResidence ? 1.5 : 0.6;
  return w;
}

/**
 * Teasings at a place this tick. A ringleader of the target's years (bold and unkind) starts
 * it, their clique joins in, and a guardian nearby may stop it. Returns the events.
 */
export function teasings(life: Life, scope: TickScope, s: Sequence, guardians: readonly Staff[]): void {
  const soc = life.school.social;
  const rate =
    (soc.teasingsPerYear / scope.perYear) * (scope.people.length / 300) * (scope.atResidence ? 0.5 : 1);
  const n = poisson(s, rate);
  if (n === 0) return;
  // Weighed once a tick: a teasing changes only its target's standing, so only theirs is redone.
  const people = scope.people;
  const weights = new Float64Array(people.length);
  for (let j = 0; j < people.length; j++) weights[j] = teasable(people[j]!, scope.atResidence);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = 0; j < weights.length; j++) total += weights[j]!;
    if (total <= 0) return;
    let x = s.next() * total;
    let t = -1;
    for (let j = 0; j < weights.length; j++) {
      x -= weights[j]!;
      if (x < 0) {
        t = j;
        break;
      }
    }
    if (t < 0) continue;
    const target = people[t]!;
    tease(life, scope, target, s, guardians);
    weights[t] = teasable(target, scope.atResidence);
  }
}

function tease(life: Life, scope: TickScope, target: Member, s: Sequence, guardians: readonly Staff[]): void {
  const group = groupOf(scope, target);
  let leader: Member | undefined;
  let best = -1;
  for (let k = 0; k < 6 && group.length > 1; k++) {
    const c = s.pick(group);
    if (c === target || life.storyline.teasingHeld(c.id)) continue;
    const fond = c.ties.get(target.id)?.f ?? 0;
    const score = c.traits.confidence * (1 - c.traits.agreeableness) * (1 - Math.max(0, fond));
    if (score > best) {
      best = score;
      leader = c;
    }
  }
  if (!leader) return;
  const joined: number[] = [];
  const clique = leader.clique !== NONE ? life.cliques[leader.clique - 1] : undefined;
  if (clique) {
    for (const id of clique.members) {
      const m = life.members.get(id);
      if (m && m !== target && m !== leader && m.home === scope.place && joined.length < 3 && s.chance(0.6))
        joined.push(id);
    }
  }
  const age = life.age(target, scope.day);
  const over = scope.atResidence
    ? target.art.late
      ? 'the little animals they draw'
      : s.pick(['what they believe', 'how they talk', 'an old Hailsham habit'])
    : age >= 9 && target.chosen === 0
      ? 'never having a work chosen'
      : target.art.late
        ? 'their babyish pictures'
        : target.traits.temper > 0.6
          ? 'their temper'
          : s.pick(['their clothes', 'a mistake in class', 'nothing much']);
  let shield: Staff | undefined;
  if (!scope.atResidence && guardians.length > 0 && s.chance(life.school.guardians.shieldChance))
    shield = s.pick(guardians);
  life.emit(scope.day, EVENT_CODES.teased, target.id, leader.id, scope.place, NONE, NONE, {
    over,
    joined,
    shieldedBy: shield ? shield.id : NONE,
  });
  target.strain = unit(target.strain + (shield ? 0.12 : 0.3));
  target.standing = unit(target.standing - 0.01);
  const back = life.tie(target, leader);
  back.f = signed(back.f - 0.2);
  back.t = signed(back.t - 0.2);
  for (const id of joined) {
    const m = life.members.get(id)!;
    const t = life.tie(target, m);
    t.f = signed(t.f - 0.1);
  }
  if (shield) {
    const t = life.tie(target, leader);
    t.t = signed(t.t - 0.05);
  }
}

/**
 * Tantrums this tick: hot tempers under strain boil over; those nearby laugh, calm them,
 * ignore it or flee, and the answer moves the tantrum-thrower's view of them. Returns the
 * people who had one (for a guardian's word after).
 */
export function tantrums(life: Life, scope: TickScope, s: Sequence): Member[] {
  const soc = life.school.social;
  const out: Member[] = [];
  const base = (soc.tantrumsPerYear / scope.perYear) * (scope.atResidence ? 0.4 : 1);
  for (const m of scope.people) {
    if (life.storyline.tantrumHeld(m.id, scope.day)) continue;
    const t = m.traits.temper;
    const p = base * t * t * Math.sqrt(t) * (0.15 + m.strain) * (m.comforted ? 0.2 : 1);
    if (!s.chance(p)) continue;
    const group = groupOf(scope, m);
    const answers: [number, 'laughed' | 'calmed' | 'ignored' | 'fled'][] = [];
    const seen = new Set<Member>([m]);
    const witnesses = 2 + s.int(3);
    for (let k = 0; k < witnesses * 2 && answers.length < witnesses && group.length > 1; k++) {
      const w = s.pick(group);
      if (seen.has(w)) continue;
      seen.add(w);
      const fond = w.ties.get(m.id)?.f ?? 0;
      const u = s.next();
      const how =
        u < 0.1
          ? 'fled'
          : w.traits.agreeableness + fond > 0.95
            ? 'calmed'
            : w.traits.agreeableness + fond < 0.55 || (w.clique !== NONE && w.clique !== m.clique && u < 0.5)
              ? 'laughed'
              : 'ignored';
      answers.push([w.id, how]);
      const t = life.tie(m, w);
      if (how === 'laughed') {
        t.f = signed(t.f - 0.15);
        t.t = signed(t.t - 0.15);
      } else if (how === 'calmed') {
        t.f = signed(t.f + 0.15);
        t.t = signed(t.t + 0.2);
      }
    }
    const trigger = scope.atResidence
      ? 'being mocked'
      : m.chosen === 0 && life.age(m, scope.day) >= 9
        ? 'being left out of the Gallery'
        : m.strain > 0.4
          ? 'being teased'
          : s.pick(['a lost game', 'being picked last', 'a spoilt picture']);
    const id = life.emit(scope.day, EVENT_CODES.tantrum, m.id, NONE, scope.place, NONE, NONE, {
      trigger,
      answers,
    });
    life.involve(
      id,
      answers.map((a) => a[0]),
      SCHOOL_ROLES.answerer,
    );
    m.strain = unit(m.strain * 0.5);
    m.standing = unit(m.standing - 0.02);
    out.push(m);
  }
  return out;
}
