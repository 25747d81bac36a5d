/**
 * The state of school life and the Cottages, kept in side tables for the people of full-detail
 * schools (and the veterans followed at their residence): each person's traits, art, tokens,
 * standing and ties; the works, items, couples and cliques; the guardians; and the belief book.
 * Rules (exchange.ts, social.ts, …) read and change it and record events through `emit`; the
 * ledger and holdings here are written in the same step, so every table is the fold of the log.
 */
import { DAYS_PER_YEAR } from '../../engine/calendar.js';
import { hash4 } from '../../engine/random.js';
import { NONE } from '../../engine/recorder.js';
import { RuleViolation } from '../../errors.js';
import { isoDate } from '../../engine/calendar.js';
import type { Scenario } from '../../scenario/schema.js';
import { BeliefBook } from '../beliefs/book.js';
import { HoldBack } from '../canon/hold-back.js';
import type { WorldContext } from '../module.js';
import type { Place } from '../places.js';

export type SchoolSettings = Scenario['policy']['school'];
export type CottagesSettings = Scenario['policy']['cottages'];
export type BeliefSettings = Scenario['policy']['beliefs'];

export type {
  ArtHand,
  Clique,
  Couple,
  Holding,
  Item,
  ItemFate,
  Member,
  Staff,
  Tie,
  Traits,
  Work,
  WorkFate,
} from './records.js';
import type { Clique, Couple, Holding, Item, Member, Staff, Tie, Work } from './records.js';

/** A shared handle on the state and on the world, passed to every rule. */
export class Life {
  readonly school: SchoolSettings;
  readonly cottages: CottagesSettings;
  readonly beliefSettings: BeliefSettings;
  readonly book = new BeliefBook();
  readonly members = new Map<number, Member>();
  /** People living at each detailed place, in order of arrival. */
  readonly roster = new Map<number, Member[]>();
  readonly works: Work[] = [];
  /** Each maker's works, in the order made (the same objects as in `works`). */
  readonly worksByMaker = new Map<number, Work[]>();
  readonly items: Item[] = [];
  readonly holdings: Holding[] = [];
  /** [person, day, event, delta, balance, reason] */
  readonly ledger: [number, number, number, number, number, string][] = [];
  readonly couples: Couple[] = [];
  readonly cliques: Clique[] = [];
  /** [clique, person, joined, left] */
  readonly cliqueMembers: [number, number, number, number][] = [];
  readonly staff = new Map<number, Staff[]>();
  readonly staffRows: Staff[] = [];
  /** [person, other, year, friendship, romance, trust] */
  readonly relationships: [number, number, number, number, number, number][] = [];
  madame = NONE;
  /** Pinned by a scenario (the canon): things a person will buy at their next Sale. */
  readonly wishes = new Map<number, { kind: string; label: string }[]>();
  /** Pinned: people who will find what they lost on their next trip. */
  /** People who will find a lost thing on their next trip, with the kind they will find (or null: any). */
  readonly findsOnTrip = new Map<number, string | null>();
  /** Open holding of each item (index into holdings), or NONE. */
  private readonly openHolding: number[] = [];
  readonly counts = {
    exchanges: 0,
    sales: 0,
    galleryVisits: 0,
    chosen: 0,
    rumoursStarted: 0,
    plainSpeakings: 0,
  };

  /** What the rules hold back around the storyline's beats (nothing, in a world without one). */
  readonly storyline: HoldBack;

  constructor(readonly ctx: WorldContext) {
    this.storyline = new HoldBack(ctx);
    this.school = ctx.scenario.policy.school;
    this.cottages = ctx.scenario.policy.cottages;
    this.beliefSettings = ctx.scenario.policy.beliefs;
  }

  place(id: number): Place {
    return this.ctx.places[id]!;
  }

  /** Age in years (fractional) on a day. */
  age(m: Member, day: number): number {
    return (day - m.born) / DAYS_PER_YEAR;
  }

  /**
   * Records an event (it does not become the person's latest lifecycle event: school life
   * leaves the lifecycle's chain of causes as it was) and returns its id.
   */
  emit(
    day: number,
    type: number,
    person: number,
    other: number,
    place: number,
    value: number,
    cause: number,
    data: object | null,
  ): number {
    return this.ctx.rec.emit(
      day,
      type,
      person,
      other,
      place,
      value,
      cause,
      data === null ? null : JSON.stringify(data),
    );
  }

  /** Adds participants with a role to an event. */
  involve(event: number, people: Iterable<number>, role: number): void {
    for (const p of people) this.ctx.participant(event, p, role);
  }

  /** People at a place now (empty if none). */
  at(place: number): Member[] {
    let r = this.roster.get(place);
    if (!r) {
      r = [];
      this.roster.set(place, r);
    }
    return r;
  }

  /** Moves a member to another place's roster. */
  move(m: Member, to: number): void {
    if (m.home !== NONE) {
      const r = this.at(m.home);
      const i = r.indexOf(m);
      if (i >= 0) r.splice(i, 1);
    }
    m.home = to;
    if (to !== NONE) this.at(to).push(m);
  }

  /** A's view of B, made on first meeting. */
  tie(a: Member, b: Member): Tie {
    let t = a.ties.get(b.id);
    if (!t) {
      const lo = Math.min(a.key, b.key);
      const hi = Math.max(a.key, b.key);
      t = {
        who: b,
        f: 0,
        r: 0,
        t: 0,
        friends: false,
        spark: this.ctx.streams.draw('spark').at(hash4(lo, hi, 0, 0), 0),
      };
      a.ties.set(b.id, t);
      a.tieList.push(t);
    }
    return t;
  }

  /** Changes a balance of tokens; a balance below zero is a rule error. */
  pay(m: Member, delta: number, day: number, event: number, reason: string): void {
    const balance = m.tokens + delta;
    if (balance < 0) {
      throw new RuleViolation(
        'tokens never go negative',
        `${reason} of ${-delta} with ${m.tokens} tokens`,
        this.ctx.people.name(m.id),
        isoDate(day),
      );
    }
    m.tokens = balance;
    this.ledger.push([m.id, day, event, delta, balance, reason]);
  }

  /** Puts an item into a person's collection. */
  hold(item: Item, m: Member, day: number, event: number, how: Holding['how']): void {
    if ((this.openHolding[item.id] ?? NONE) !== NONE) {
      throw new RuleViolation(
        'an item is in one collection at a time',
        `item ${item.id} is already held`,
        this.ctx.people.name(m.id),
        isoDate(day),
      );
    }
    this.openHolding[item.id] = this.holdings.length;
    this.holdings.push({
      item: item.id,
      person: m.id,
      from: day,
      until: NONE,
      eventIn: event,
      eventOut: NONE,
      how,
      howOut: null,
    });
    item.owner = m.id;
    item.fate = 'held';
    item.version++;
    m.items.push(item.id);
    this.onHold(item, day);
  }

  /** Called whenever an item comes into someone's hands (the module schedules its loss). */
  onHold: (item: Item, day: number) => void = () => {};

  /** Takes an item out of its holder's collection. */
  release(item: Item, day: number, event: number, how: 'lost' | 'given'): void {
    const h = this.openHolding[item.id] ?? NONE;
    if (h === NONE) return;
    const holding = this.holdings[h]!;
    holding.until = day;
    holding.eventOut = event;
    holding.howOut = how;
    this.openHolding[item.id] = NONE;
    const m = this.members.get(holding.person);
    if (m) {
      const i = m.items.indexOf(item.id);
      if (i >= 0) m.items.splice(i, 1);
    }
    item.version++;
  }

  /** Members of a place old enough on `day`, optionally of one cohort. */
  aged(place: number, day: number, minAge: number): Member[] {
    const out: Member[] = [];
    for (const m of this.at(place)) if (this.age(m, day) >= minAge) out.push(m);
    return out;
  }

  /** The staff at a place who are still there. */
  guardiansAt(place: number): Staff[] {
    return (this.staff.get(place) ?? []).filter((s) => s.left === NONE);
  }

  /** The current couple of a member, if any. */
  coupleOf(m: Member): Couple | undefined {
    return m.couple === NONE ? undefined : this.couples[m.couple - 1];
  }
}

/** Clamps to 0..1. */
export function unit(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Clamps to -1..1. */
export function signed(x: number): number {
  return x < -1 ? -1 : x > 1 ? 1 : x;
}

/** Rounds to three decimals, for stored qualities. */
export function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * A Poisson count with mean `lambda` from a stream (Knuth's method; the means here are small).
 * @example poisson(stream, 0.5) // 0 most of the time
 */
export function poisson(s: { next(): number }, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30)
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * (s.next() + s.next() + s.next() - 1.5) * 2));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = s.next();
  while (p > limit) {
    k++;
    p *= s.next();
  }
  return k;
}

/** True when the place is a residence (the Cottages or the like), not a school. */
export function isResidence(ctx: WorldContext, place: number): boolean {
  return ctx.places[place]!.kind === 'residence';
}
