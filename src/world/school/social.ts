/**
 * Social life, one tick at a time at each full-detail place. In a tick everyone old enough has
 * a few encounters, mostly with those they already like, otherwise with someone of their own
 * year; each encounter moves both people's views of each other (friendship, romance, trust) by
 * how well their natures fit and a little luck, and may pass a belief on. Only the meaningful
 * changes become events: a friendship made or broken, a couple formed or ended, a tantrum and
 * how others answered it, a teasing, a clique gathered or left (tempers.ts and cliques.ts).
 */
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { eagerness, tell } from '../beliefs/rumours.js';
import { EVENT_CODES } from '../event-types.js';
import type { Couple, Life, Member, Tie } from './life.js';
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

/** The people of a person's group (their year, or everyone at a residence) in this tick. */
export function groupOf(scope: TickScope, m: Member): Member[] {
  return scope.groups.get(scope.atResidence ? 0 : m.cohort) ?? NO_ONE;
}

/** Whom a person meets in a tick: mostly someone they are fond of, else someone of their group. */
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
      EVENT_CODES.friendship_formed,
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
    life.emit(day, EVENT_CODES.friendship_broken, p.id, o.id, place, NONE, NONE, { over });
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
  const event = life.emit(day, EVENT_CODES.item_given, a.id, b.id, place, item.id, NONE, null);
  life.release(item, day, event, 'given');
  life.hold(item, b, day, event, 'given');
  const t = life.tie(b, a);
  t.f = signed(t.f + 0.1);
  t.t = signed(t.t + 0.1);
}

export function formCouple(life: Life, a: Member, b: Member, place: number, day: number): Couple {
  const id = life.couples.length + 1;
  const [p, o] = a.id < b.id ? [a, b] : [b, a];
  const event = life.emit(day, EVENT_CODES.couple_formed, p.id, o.id, place, id, NONE, null);
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
  c.endedEvent = life.emit(day, EVENT_CODES.couple_ended, by.id, other ? other.id : NONE, place, c.id, NONE, {
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
