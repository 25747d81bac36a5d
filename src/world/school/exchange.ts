/**
 * The Exchange. Students offer their best recent works; the guardians accept the better share
 * and the school pays tokens for each, more for better work; then classmates browse the tables
 * and buy with their tokens. A work's price follows what the school thinks of it and of its
 * maker (how good it looks, the maker's standing, how well liked they are); each buyer adds
 * their own liking for the maker. One `exchange_held` event carries every offer, payment and
 * sale, with sellers and buyers in `event_people`; the ledger and the works table follow it.
 */
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { fromDistribution } from '../draw.js';
import { EVENT_CODES } from '../event-types.js';
import { quality } from './art.js';
import { SCHOOL_ROLES } from './events.js';
import type { Life, Member, Work } from './life.js';
import { unit } from './life.js';

interface Offer {
  work: Work;
  maker: Member;
  paid: number;
  opinion: number;
  price: number;
  buyer: Member | null;
  /** How good it looks (to its maker, then to the guardians). */
  score: number;
}

/**
 * How well liked each of `among` is by the others: the mean fondness of those who know them,
 * mapped to 0..1 (0.3 for someone nobody knows yet).
 */
export function popularity(among: readonly Member[]): Map<Member, number> {
  // Fondness is summed into slots of the people present, found through a map built once.
  const slot = new Map<number, number>();
  among.forEach((m, i) => slot.set(m.id, i));
  const sum = new Float64Array(among.length);
  const n = new Float64Array(among.length);
  for (const o of among) {
    for (const t of o.tieList) {
      const i = slot.get(t.who.id);
      if (i === undefined) continue;
      sum[i]! += t.f;
      n[i]! += 1;
    }
  }
  const out = new Map<Member, number>();
  among.forEach((m, i) => out.set(m, n[i]! === 0 ? 0.3 : unit(0.5 + sum[i]! / n[i]! / 2)));
  return out;
}

/**
 * Holds an Exchange at a school on `day`. Returns the event id, or NONE when too few take part.
 */
export function holdExchange(life: Life, place: number, day: number, s: Sequence): number {
  const ex = life.school.exchange;
  const students = life.aged(place, day, ex.fromAge);
  if (students.length < 2) return NONE;
  const event = life.ctx.rec.nextId;

  const offers: Offer[] = [];
  for (const m of students) {
    // The maker's best recent works still in hand, best first.
    const start = offers.length;
    for (const id of m.recent) {
      const work = life.works[id - 1]!;
      if (work.fate !== 'kept' || work.owner !== m.id) continue;
      offers.push({ work, maker: m, paid: 0, opinion: 0, price: 0, buyer: null, score: quality(work) });
    }
    if (offers.length - start > ex.offeredPerStudent) {
      const mine = offers.splice(start).sort((a, b) => b.score - a.score || a.work.id - b.work.id);
      for (let i = 0; i < ex.offeredPerStudent; i++) offers.push(mine[i]!);
    }
    m.recent.length = 0;
  }
  if (offers.length === 0) return NONE;

  // The guardians accept the better share; the best accepted earn the most tokens.
  for (const o of offers) o.score += 0.12 * s.tri();
  const judged = offers.slice().sort((a, b) => b.score - a.score || a.work.id - b.work.id);
  const accepted = Math.round(judged.length * ex.acceptance);
  for (let i = 0; i < accepted; i++) {
    const o = judged[i]!;
    const rank = accepted <= 1 ? 1 : 1 - i / (accepted - 1);
    o.paid = Math.max(1, Math.round(fromDistribution(ex.tokensPerWork, rank)));
    o.work.paid = o.paid;
  }
  // A maker's offers lie together, in the order of the students: one pass pays each seller.
  const sellers: number[] = [];
  for (let i = 0; i < offers.length;) {
    const maker = offers[i]!.maker;
    let earned = 0;
    for (; i < offers.length && offers[i]!.maker === maker; i++) earned += offers[i]!.paid;
    if (earned === 0) continue;
    life.pay(maker, earned, day, event, 'exchange-paid');
    sellers.push(maker.id);
  }

  // What the school thinks of each accepted work sets its price.
  const byCohort = new Map<number, Offer[]>();
  for (const o of offers) {
    if (o.paid === 0) continue;
    const p = o.maker.popularity;
    o.opinion = unit(0.55 * quality(o.work) + 0.3 * o.maker.standing + 0.15 * p + 0.08 * s.tri());
    o.price = Math.max(1, Math.round(fromDistribution(ex.price, o.opinion)));
    let list = byCohort.get(o.maker.cohort);
    if (!list) byCohort.set(o.maker.cohort, (list = []));
    list.push(o);
  }

  // Buyers browse four works of their own years and buy what they like and can afford.
  const bands = new Map<number, Offer[]>();
  const bandOf = (cohort: number): Offer[] => {
    let pool = bands.get(cohort);
    if (!pool) {
      pool = [];
      for (let c = cohort - ex.ageBand; c <= cohort + ex.ageBand; c++) {
        const list = byCohort.get(c);
        if (list) for (const o of list) pool.push(o);
      }
      bands.set(cohort, pool);
    }
    return pool;
  };
  const buyers = s.shuffled(students);
  // What each buyer (by place in `buyers`) has spent, and the spenders in order of first purchase.
  const spent = new Float64Array(buyers.length);
  const spenders: number[] = [];
  for (let round = 0; round < ex.buysPerStudent; round++) {
    for (let j = 0; j < buyers.length; j++) {
      const b = buyers[j]!;
      const left = b.tokens - spent[j]!;
      if (left <= 0) continue;
      const pool = bandOf(b.cohort);
      if (pool.length === 0) continue;
      let best: Offer | null = null;
      let bestValue = 0.4;
      for (let k = 0; k < 4; k++) {
        const o = pool[s.int(pool.length)]!;
        if (o.buyer !== null || o.maker === b || o.price > left) continue;
        const fond = b.ties.get(o.maker.id)?.f ?? 0;
        const value = o.opinion + 0.25 * fond + 0.15 * s.tri() - 0.02 * o.price;
        if (value > bestValue) {
          bestValue = value;
          best = o;
        }
      }
      if (!best) continue;
      best.buyer = b;
      if (spent[j] === 0) spenders.push(j);
      spent[j]! += best.price;
    }
  }

  for (const j of spenders) life.pay(buyers[j]!, -spent[j]!, day, event, 'exchange-bought');
  let sold = 0;
  const buyerIds: number[] = [];
  const seenBuyer = new Set<number>();
  for (const o of offers) {
    if (!o.buyer) continue;
    sold++;
    const w = o.work;
    w.fate = 'exchanged';
    w.owner = o.buyer.id;
    w.fateOn = day;
    w.fateEvent = event;
    w.price = o.price;
    o.maker.standing = unit(o.maker.standing + 0.004 * o.price);
    // A purchase warms ties that exist; it does not make acquaintances.
    const t = o.buyer.ties.get(o.maker.id);
    if (t) t.f = Math.min(1, t.f + 0.03);
    const back = o.maker.ties.get(o.buyer.id);
    if (back) back.f = Math.min(1, back.f + 0.02);
    if (!seenBuyer.has(o.buyer.id)) {
      seenBuyer.add(o.buyer.id);
      buyerIds.push(o.buyer.id);
    }
  }
  const id = life.emit(day, EVENT_CODES.exchange_held, NONE, NONE, place, sold, NONE, {
    offered: offers.map((o) => [
      o.work.id,
      o.maker.id,
      o.paid,
      o.buyer ? o.buyer.id : NONE,
      o.buyer ? o.price : 0,
    ]),
  });
  if (id !== event) throw new Error(`holdExchange: expected event ${event}, recorded ${id}`);
  life.involve(id, sellers, SCHOOL_ROLES.seller);
  life.involve(id, buyerIds, SCHOOL_ROLES.buyer);
  life.counts.exchanges++;
  return id;
}
