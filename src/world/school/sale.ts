/**
 * Sales: a box of goods from outside arrives, and students buy small things with their tokens
 * into their own collections. One `sale_held` event lists what was bought, by whom and for how
 * much; unsold goods go back in the van. Every item is in one collection at a time (the
 * holdings table), can be lost, and may turn up again years later, far away.
 */
import type { Sequence } from '../streams.js';
import { NONE } from '../../engine/recorder.js';
import { fromDistribution } from '../draw.js';
import { EVENT_CODES } from '../event-types.js';
import { SCHOOL_ROLES } from './events.js';
import type { Item, Life, Member } from './life.js';

const COLOURS = ['red', 'blue', 'green', 'yellow', 'brown', 'tartan', 'grey', 'striped'];
const ARTISTS = [
  'Vera Linley',
  'The Harbourlights',
  'Gil Manning and his Orchestra',
  'Patsy Carmody',
  'Lena Shore',
  'The Westbrook Four',
  'Dot Ferrers',
];
const ALBUMS = [
  'Slow Hours',
  'Blue Window',
  'Dancing on the Pier',
  'Evening Songs',
  'The Quiet Room',
  'Lanterns',
  'Half Past Ten',
];
const BOOKS = [
  'a book of sea stories',
  'a bird-spotting guide',
  'a school story with the cover torn',
  'a book of card games',
  'an atlas of the world',
];

/** The kinds of thing a Sale box holds: kind, weight, and a label maker. */
export const SALE_KINDS: readonly (readonly [string, number, (s: Sequence) => string])[] = [
  ['cassette', 0, (s) => `"${s.pick(ALBUMS)}", songs by ${s.pick(ARTISTS)}, on cassette`],
  ['pencil case', 1, (s) => `a ${s.pick(COLOURS)} pencil case`],
  ['scarf', 1, (s) => `a ${s.pick(COLOURS)} scarf`],
  ['puzzle', 0.8, () => 'a wooden puzzle with a piece missing'],
  ['toy car', 0.7, (s) => `a ${s.pick(COLOURS)} toy car`],
  ['hair slide', 0.8, (s) => `a ${s.pick(COLOURS)} hair slide`],
  ['tin', 0.9, () => 'a tin box with a picture of a ship on the lid'],
  ['book', 0.9, (s) => s.pick(BOOKS)],
  ['badge', 0.7, (s) => `a ${s.pick(COLOURS)} enamel badge`],
  ['marbles', 0.6, () => 'a bag of marbles'],
  ['watch', 0.3, () => 'a wristwatch that stops'],
  ['gloves', 0.6, (s) => `a pair of ${s.pick(COLOURS)} gloves`],
  ['china animal', 0.6, (s) => `a little china ${s.pick(['dog', 'horse', 'cat', 'owl', 'rabbit'])}`],
];

interface Draft {
  kindIndex: number;
  kind: string;
  label: string;
  price: number;
  buyer: Member | null;
}

function drawDraft(life: Life, s: Sequence): Draft {
  const sale = life.school.sale;
  let kindIndex: number;
  if (s.chance(sale.cassetteShare)) kindIndex = 0;
  else {
    let total = 0;
    for (const [, w] of SALE_KINDS) total += w;
    let x = s.next() * total;
    kindIndex = 1;
    for (let i = 1; i < SALE_KINDS.length; i++) {
      x -= SALE_KINDS[i]![1];
      if (x < 0) {
        kindIndex = i;
        break;
      }
    }
  }
  const [kind, , label] = SALE_KINDS[kindIndex]!;
  const bump = kind === 'cassette' || kind === 'watch' ? 0.3 : 0;
  const price = Math.max(1, Math.round(fromDistribution(sale.price, Math.min(0.999, s.next() * 0.8 + bump))));
  return { kindIndex, kind, label: label(s), price, buyer: null };
}

/** How much a person likes a kind of thing (their own taste, drawn once). */
export function liking(life: Life, m: Member, kindIndex: number): number {
  return life.ctx.streams.draw('sale-likes').at(m.key, kindIndex);
}

/**
 * Holds a Sale at a school on `day`. Returns the event id, or NONE when nobody is old enough.
 */
export function holdSale(life: Life, place: number, day: number, s: Sequence): number {
  const sale = life.school.sale;
  const students = life.aged(place, day, sale.fromAge);
  if (students.length === 0) return NONE;
  const event = life.ctx.rec.nextId;
  const box: Draft[] = [];
  const size = Math.max(1, Math.round(sale.itemsPerStudent * students.length * (0.8 + 0.4 * s.next())));
  for (let i = 0; i < size; i++) box.push(drawDraft(life, s));
  // A wish pinned by the scenario is in the box, at a price its buyer can pay.
  for (const m of students) {
    const wishes = life.wishes.get(m.id);
    // The storyline's wish is granted even to an empty purse (at no price).
    if (!wishes) continue;
    for (const w of wishes.splice(0)) {
      const kindIndex = Math.max(
        0,
        SALE_KINDS.findIndex((k) => k[0] === w.kind),
      );
      box.push({
        kindIndex,
        kind: w.kind,
        label: w.label,
        price: Math.max(0, Math.min(m.tokens, 2)),
        buyer: m,
      });
    }
    if (wishes.length === 0) life.wishes.delete(m.id);
  }

  const spent = new Map<Member, number>();
  const bought: Draft[] = [];
  for (const d of box) {
    if (!d.buyer) continue;
    bought.push(d);
    spent.set(d.buyer, (spent.get(d.buyer) ?? 0) + d.price);
  }
  const buyers = s.shuffled(students);
  for (let round = 0; round < sale.buysPerStudent; round++) {
    for (const b of buyers) {
      const left = b.tokens - (spent.get(b) ?? 0);
      if (left <= 0) continue;
      let best: Draft | null = null;
      let bestValue = 0.45;
      for (let k = 0; k < 4; k++) {
        const d = box[s.int(box.length)]!;
        if (d.buyer !== null || d.price > left) continue;
        const value = liking(life, b, d.kindIndex) + 0.2 * s.next() - 0.03 * d.price;
        if (value > bestValue) {
          bestValue = value;
          best = d;
        }
      }
      if (!best) continue;
      best.buyer = b;
      bought.push(best);
      spent.set(b, (spent.get(b) ?? 0) + best.price);
    }
  }
  for (const [b, n] of spent) if (n > 0) life.pay(b, -n, day, event, 'sale-bought');
  const rows: [number, number, number][] = [];
  for (const d of bought) {
    const item: Item = {
      id: life.items.length + 1,
      kind: d.kind,
      label: d.label,
      saleEvent: event,
      bought: day,
      price: d.price,
      buyer: d.buyer!.id,
      owner: d.buyer!.id,
      fate: 'held',
      lostOn: NONE,
      version: 0,
      copyOf: NONE,
      foundOn: NONE,
      foundEvent: NONE,
    };
    life.items.push(item);
    life.hold(item, d.buyer!, day, event, 'bought');
    rows.push([item.id, d.buyer!.id, d.price]);
  }
  const id = life.emit(day, EVENT_CODES.sale_held, NONE, NONE, place, rows.length, NONE, {
    items: rows,
    unsold: box.length - bought.length,
  });
  if (id !== event) throw new Error(`holdSale: expected event ${event}, recorded ${id}`);
  life.involve(
    id,
    [...spent.keys()].map((m) => m.id),
    SCHOOL_ROLES.buyer,
  );

  life.counts.sales++;
  return id;
}
