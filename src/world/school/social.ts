/**
 * Social life, one tick at a time at each full-detail place. In a tick everyone old enough has
 * a few encounters, mostly with those they already like, otherwise with someone of their own
 * year; each encounter moves both people's views of each other (friendship, romance, trust) by
 * how well their natures fit and a little luck, and may pass a belief on. Only the meaningful
 * changes become events: a friendship made or broken, a couple formed or ended, a tantrum and
 * how others answered it, a teasing, a clique gathered or left.
 */
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { eagerness, tell } from '../beliefs/rumours.js';
import { T } from '../event-types.js';
import { SCHOOL_ROLES } from './events.js';
import type { Clique, Couple, Life, Member, Staff, Tie } from './life.js';
import { poisson, signed, unit } from './life.js';

/** What a tick knows about the place it runs at. */
export interface TickScope {
  place: number;
  day: number;
  /** Ticks a year, to turn yearly rates into chances per tick. */
  perYear: number;
  /** How far one encounter moves a tie: more when ticks (and meetings) are fewer. */
  step: number;
  /** People taking part (old enough), in roster order. */
  people: Member[];
  /** The same people by year group (cohort); one group at a residence. */
  groups: Map<number, Member[]>;
  atResidence: boolean;
}

/** Builds a tick's scope. */
export function scopeOf(life: Life, place: number, day: number, perYear: number): TickScope {
  const atResidence = life.place(place).kind === 'residence';
  const people = atResidence ? life.at(place).slice() : life.aged(place, day, life.school.social.fromAge);
  for (const m of people) m.ageNow = life.age(m, day);
  const groups = new Map<number, Member[]>();
  for (const m of people) {
    const g = atResidence ? 0 : m.cohort;
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(m);
  }
  for (const m of people) m.group = groups.get(atResidence ? 0 : m.cohort)!;
  const step = Math.min(2.5, Math.sqrt(12 / (perYear * life.school.social.meetingsPerTick)));
  return { place, day, perYear, step, people, groups, atResidence };
}

const NO_ONE: Member[] = [];

function groupOf(scope: TickScope, m: Member): Member[] {
  return scope.groups.get(scope.atResidence ? 0 : m.cohort) ?? NO_ONE;
}

function partnerOf(scope: TickScope, m: Member, s: Sequence): Member | undefined {
  const r = s.next();
  const list = m.tieList;
  if (r < 0.7 && list.length > 0) {
    // A small tournament: of three ties drawn at random, the fondest present one wins.
    let best: Tie | undefined;
    let bestWeight = 0;
    for (let k = 0; k < 3; k++) {
      const t = list[s.int(list.length)]!;
      if (t.who.home !== m.home) continue;
      const w = weight(t);
      if (w > bestWeight) {
        best = t;
        bestWeight = w;
      }
    }
    if (best) return best.who;
  }
  if (r > 0.92 && !scope.atResidence) {
    const near = scope.groups.get(m.cohort + (s.chance(0.5) ? 1 : -1));
    if (near && near.length > 0) return s.pick(near);
  }
  const group = m.group;
  if (group.length < 2) return undefined;
  const i = s.int(group.length);
  const o = group[i]!;
  return o === m ? group[(i + 1) % group.length] : o;
}

function weight(t: Tie): number {
  return 0.05 + Math.max(0, t.f) + Math.max(0, t.r);
}

/**
 * A tick's talk: everyone passes on what they believe, fresh and juicy things most, to people
 * they meet, mostly those they are close to; so rumours travel along friendships.
 */
export function gossip(life: Life, scope: TickScope, s: Sequence): void {
  const perTick = life.beliefSettings.tellsPerYear / scope.perYear;
  const { day, place } = scope;
  const eager: number[] = [];
  for (const a of scope.people) {
    const mine = life.book.heldBy(a.id);
    if (mine.length === 0) continue;
    // One count of tellings for all they hold, then each telling picks a belief by eagerness.
    let total = 0;
    for (let i = 0; i < mine.length; i++) total += eager[i] = eagerness(mine[i]!, day);
    const n = poisson(s, perTick * total);
    for (let k = 0; k < n; k++) {
      let x = s.next() * total;
      let i = 0;
      while (i < mine.length - 1 && (x -= eager[i]!) >= 0) i++;
      const b = mine[i]!;
      const to = partnerOf(scope, a, s);
      // Telling may change what `a` holds (it never does today), so the list is read afresh.
      if (to && to !== a && b.spread > 0) tell(life, a, to, b, day, place, s);
    }
  }
}

/**
 * A tick's encounters: ties move, friendships and couples form and break.
 */
export function encounters(life: Life, scope: TickScope, s: Sequence): void {
  const soc = life.school.social;
  for (const a of scope.people) {
    // A fractional rate: the whole part always, the rest by chance.
    const n = Math.floor(soc.meetingsPerTick) + (s.chance(soc.meetingsPerTick % 1) ? 1 : 0);
    for (let k = 0; k < n; k++) {
      const b = partnerOf(scope, a, s);
      if (!b || b === a) continue;
      meet(life, scope, a, b, s);
    }
  }
}

function meet(life: Life, scope: TickScope, a: Member, b: Member, s: Sequence): void {
  const soc = life.school.social;
  const { day, place } = scope;
  const ta = life.tie(a, b);
  const tb = life.tie(b, a);
  const fit =
    1 -
    0.5 * Math.abs(a.traits.agreeableness - b.traits.agreeableness) -
    0.3 * Math.abs(a.traits.imagination - b.traits.imagination) +
    0.2 * (a.traits.sociability + b.traits.sociability - 1);
  let valence = fit - 0.6 + (s.next() - 0.5) * 1.2;
  const quarrel = valence < -0.35 && a.traits.temper + b.traits.temper > 0.9 && s.chance(0.5);
  if (quarrel) valence -= 0.6;
  // An encounter stands for the weeks of a tick: its steps grow with the tick's length.
  const k = scope.step;
  ta.f = signed(ta.f + 0.16 * k * valence * (0.6 + 0.4 * a.traits.agreeableness));
  tb.f = signed(tb.f + 0.16 * k * valence * (0.6 + 0.4 * b.traits.agreeableness));
  ta.t = signed(ta.t + 0.07 * k * valence);
  tb.t = signed(tb.t + 0.07 * k * valence);

  if (a.sex !== b.sex && ta.f > 0.15 && a.ageNow >= soc.romanceFromAge && b.ageNow >= soc.romanceFromAge) {
    const pull = ta.spark;
    ta.r = signed(ta.r + 0.26 * k * (pull - 0.35 + (s.next() - 0.5) * 0.6));
    tb.r = signed(tb.r + 0.26 * k * (pull - 0.35 + (s.next() - 0.5) * 0.6));
  }

  if (!ta.friends && ta.f >= soc.friendship && tb.f >= soc.friendship) {
    ta.friends = tb.friends = true;
    const [p, o] = a.id < b.id ? [a, b] : [b, a];
    life.emit(
      day,
      T.friendship_formed,
      p.id,
      o.id,
      place,
      Math.round(((ta.f + tb.f) / 2) * 100) / 100,
      NONE,
      null,
    );
  } else if (ta.friends && quarrel && (ta.f < 0.35 || tb.f < 0.35)) {
    ta.friends = tb.friends = false;
    const [p, o] = ta.f <= tb.f ? [a, b] : [b, a];
    ta.t = signed(ta.t - 0.2);
    tb.t = signed(tb.t - 0.2);
    const over = s.pick([
      'a quarrel over a game',
      'something said behind a back',
      'a broken promise',
      'a borrowed thing not returned',
    ]);
    life.emit(day, T.friendship_broken, p.id, o.id, place, NONE, NONE, { over });
  }

  if (
    a.couple === NONE &&
    b.couple === NONE &&
    ta.r >= soc.couple &&
    tb.r >= soc.couple &&
    !life.storyline.partnerHeld(a.id, b.id, day)
  )
    formCouple(life, a, b, place, day);

  if (ta.f + ta.r > 1 && a.items.length > 0 && s.chance(soc.giftChance)) give(life, a, b, day, place, s);
}

/** A gift from one's collection to someone one is fond of. */
function give(life: Life, a: Member, b: Member, day: number, place: number, s: Sequence): void {
  const item = life.items[a.items[s.int(a.items.length)]! - 1]!;
  if (life.storyline.itemHeld(a.id, item.kind, day)) return;
  const event = life.emit(day, T.item_given, a.id, b.id, place, item.id, NONE, null);
  life.release(item, day, event, 'given');
  life.hold(item, b, day, event, 'given');
  const t = life.tie(b, a);
  t.f = signed(t.f + 0.1);
  t.t = signed(t.t + 0.1);
}

export function formCouple(life: Life, a: Member, b: Member, place: number, day: number): Couple {
  const id = life.couples.length + 1;
  const [p, o] = a.id < b.id ? [a, b] : [b, a];
  const event = life.emit(day, T.couple_formed, p.id, o.id, place, id, NONE, null);
  const couple: Couple = {
    id,
    a: p.id,
    b: o.id,
    place,
    formed: day,
    formedEvent: event,
    ended: NONE,
    endedEvent: NONE,
    endedBy: NONE,
    reason: null,
  };
  life.couples.push(couple);
  a.couple = b.couple = id;
  return couple;
}

/**
 * Ends a couple, recording who ended it and why; `by` is the one who ended it or left.
 */
export function endCouple(
  life: Life,
  c: Couple,
  by: Member,
  day: number,
  place: number,
  reason: 'drifted' | 'quarrel' | 'left',
): void {
  const other = life.members.get(by.id === c.a ? c.b : c.a);
  c.ended = day;
  c.endedBy = by.id;
  c.reason = reason;
  c.endedEvent = life.emit(day, T.couple_ended, by.id, other ? other.id : NONE, place, c.id, NONE, {
    reason,
  });
  by.couple = NONE;
  const tb = other ? by.ties.get(other.id) : undefined;
  if (tb) tb.r = Math.min(tb.r, 0.1);
  if (other) {
    other.couple = NONE;
    const to = other.ties.get(by.id);
    if (to) to.r = signed(to.r - 0.3);
    other.strain = unit(other.strain + 0.2);
  }
}

/** Couples at the place may part: the less fond they are, the likelier. */
export function coupleEndings(life: Life, scope: TickScope, s: Sequence, perYear: number): void {
  const seen = new Set<number>();
  for (const m of scope.people) {
    const c = life.coupleOf(m);
    if (!c || seen.has(c.id) || c.ended !== NONE) continue;
    seen.add(c.id);
    const a = life.members.get(c.a);
    const b = life.members.get(c.b);
    if (!a || !b || a.home !== b.home || life.storyline.keepsCouple(a.id, b.id, scope.day)) continue;
    const ra = a.ties.get(b.id)?.r ?? 0;
    const rb = b.ties.get(a.id)?.r ?? 0;
    const p = (perYear / scope.perYear) * Math.max(0.1, 1.6 - ra - rb);
    if (!s.chance(p)) continue;
    const quarrel = a.traits.temper + b.traits.temper > 1 && s.chance(0.5);
    endCouple(life, c, ra <= rb ? a : b, scope.day, scope.place, quarrel ? 'quarrel' : 'drifted');
  }
}

/** Strain eases a little every tick. */
export function ease(scope: TickScope): void {
  const sd = Math.pow(0.85, 12 / scope.perYear);
  for (const m of scope.people) m.strain *= sd;
}

/**
 * Once a year ties cool (fondness unrenewed fades over a few years, romance faster) and the
 * faintest are forgotten, so nobody carries a tie to everyone they ever passed in a corridor.
 */
export function settle(people: readonly Member[]): void {
  const fd = Math.pow(0.99, 12);
  const rd = Math.pow(0.98, 12);
  const td = Math.pow(0.995, 12);
  for (const m of people) {
    let keep = 0;
    const list = m.tieList;
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      t.f *= fd;
      t.r *= rd;
      t.t *= td;
      // Ties to those still around are kept (they will meet again); faint ones to the departed go.
      if (
        t.who.home !== m.home &&
        !t.friends &&
        Math.abs(t.f) < 0.1 &&
        Math.abs(t.r) < 0.1 &&
        Math.abs(t.t) < 0.1
      ) {
        m.ties.delete(t.who.id);
        continue;
      }
      list[keep++] = t;
    }
    list.length = keep;
  }
}

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
    if (c === target) continue;
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
  life.emit(scope.day, T.teased, target.id, leader.id, scope.place, NONE, NONE, {
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
    const id = life.emit(scope.day, T.tantrum, m.id, NONE, scope.place, NONE, NONE, { trigger, answers });
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

/**
 * Once a year, in each year group old enough, the boldest of those without a clique may gather
 * their friends into one; drifting members leave, and the liked may join.
 */
export function cliqueYear(life: Life, scope: TickScope, s: Sequence): void {
  const soc = life.school.social;
  const { day, place } = scope;
  for (const group of scope.groups.values()) {
    if (group.length < 4 || life.age(group[0]!, day) < soc.cliqueFromAge) continue;
    // Members who have drifted from the leader leave; the leader's favourites join.
    for (const m of group) {
      if (m.clique === NONE) continue;
      const c = life.cliques[m.clique - 1]!;
      if (c.leader === m.id || c.ended !== NONE) continue;
      const fond = m.ties.get(c.leader)?.f ?? 0;
      if (fond < 0.1 && s.chance(0.6)) leaveClique(life, c, m, day, 'left');
    }
    for (const c of cliquesLedIn(life, group)) {
      const leader = life.members.get(c.leader)!;
      for (const m of group) {
        if (m.clique !== NONE || m === leader || c.members.length >= 7) continue;
        const mine = m.ties.get(leader.id)?.f ?? 0;
        const theirs = leader.ties.get(m.id)?.f ?? 0;
        if (mine > 0.45 && theirs > 0.3 && s.chance(0.5)) {
          c.members.push(m.id);
          m.clique = c.id;
          life.cliqueMembers.push([c.id, m.id, day, NONE]);
          life.emit(day, T.clique_changed, m.id, leader.id, place, c.id, c.foundedEvent, {
            change: 'joined',
          });
        }
      }
    }
    const n = Math.min(2, poisson(s, soc.cliquesPerYear));
    for (let k = 0; k < n; k++) {
      let leader: Member | undefined;
      let best = 0.25;
      for (const m of group) {
        if (m.clique !== NONE) continue;
        let free = 0;
        for (const t of m.ties.values())
          if (t.friends && t.who.clique === NONE && t.who.home === place) free++;
        if (free < 2) continue;
        const score = m.traits.confidence * (0.5 + m.traits.sociability) + 0.3 * m.standing + 0.1 * s.next();
        if (score > best) {
          best = score;
          leader = m;
        }
      }
      if (!leader) break;
      const members: Member[] = [];
      const friends = [...leader.ties.values()]
        .filter((t) => t.who.clique === NONE && t.who.home === place && (t.friends || t.f > 0.4))
        .sort((x, y) => y.f - x.f || x.who.id - y.who.id)
        .slice(0, 5);
      for (const t of friends) members.push(t.who);
      const id = life.cliques.length + 1;
      const event = life.emit(day, T.clique_formed, leader.id, NONE, place, id, NONE, {
        members: members.map((m) => m.id),
      });
      life.involve(
        event,
        members.map((m) => m.id),
        SCHOOL_ROLES.member,
      );
      const c: Clique = {
        id,
        place,
        leader: leader.id,
        founded: day,
        foundedEvent: event,
        ended: NONE,
        members: [],
      };
      life.cliques.push(c);
      for (const m of [leader, ...members]) {
        m.clique = id;
        c.members.push(m.id);
        life.cliqueMembers.push([id, m.id, day, NONE]);
        if (m !== leader) {
          const t = life.tie(m, leader);
          t.t = signed(t.t + 0.2);
        }
      }
      leader.standing = unit(leader.standing + 0.05);
    }
  }
}

function cliquesLedIn(life: Life, group: readonly Member[]): Clique[] {
  const out: Clique[] = [];
  for (const m of group) {
    if (m.clique === NONE) continue;
    const c = life.cliques[m.clique - 1]!;
    if (c.leader === m.id && c.ended === NONE) out.push(c);
  }
  return out;
}

/**
 * A member leaves a clique; when the leader goes, the clique breaks up.
 */
export function leaveClique(life: Life, c: Clique, m: Member, day: number, why: 'left' | 'dissolved'): void {
  const place = c.place;
  if (m.id === c.leader || why === 'dissolved') {
    c.ended = day;
    life.emit(day, T.clique_changed, c.leader, NONE, place, c.id, c.foundedEvent, { change: 'dissolved' });
    for (const id of c.members) {
      const x = life.members.get(id);
      if (x && x.clique === c.id) x.clique = NONE;
    }
    for (const row of life.cliqueMembers) if (row[0] === c.id && row[3] === NONE) row[3] = day;
    c.members = [];
    return;
  }
  life.emit(day, T.clique_changed, m.id, c.leader, place, c.id, c.foundedEvent, { change: 'left' });
  m.clique = NONE;
  c.members = c.members.filter((x) => x !== m.id);
  for (const row of life.cliqueMembers)
    if (row[0] === c.id && row[1] === m.id && row[3] === NONE) row[3] = day;
}

/** Records everyone's notable ties at a place for the year (the relationships table): friends, loves and dislikes. */
export function snapshot(life: Life, place: number, year: number): void {
  for (const m of life.at(place)) {
    for (const [other, t] of m.ties) {
      if (!t.friends && t.f > -0.3 && t.r < 0.3) continue;
      life.relationships.push([m.id, other, year, round2(t.f), round2(t.r), round2(t.t)]);
    }
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
