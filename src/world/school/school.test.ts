import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInMemory, tinyScenario } from '../../../test/helpers.js';
import { yearOf } from '../../engine/calendar.js';
import type { LoggedEvent } from '../../engine/memory-sink.js';
import { NONE } from '../../engine/recorder.js';
import { loadScenario } from '../../scenario/load.js';
import type { ScenarioInput } from '../../scenario/schema.js';
import { renderArtwork, workSpec } from '../../art/index.js';
import { auditLog } from '../audit.js';
import { eventTypeName, EVENT_CODES, validateEventData } from '../event-types.js';
import { titleOf } from './art.js';
import { MemorySink } from '../../engine/memory-sink.js';
import type { ModuleFactory } from '../module.js';
import { World } from '../world.js';
import { schoolLife, schoolLifeOf } from './index.js';

/** A short world: one full-detail school of a few small cohorts, to the end of their Cottages years. */
function shortWorld(patch: (s: ScenarioInput) => void = () => {}) {
  return tinyScenario((s) => {
    s.calendar = { start: '1960-01-01', end: '1984-12-31' };
    s.places!.schools![0]!.cohorts = { first: 1960, last: 1963, size: { min: 8, max: 12 } };
    patch(s);
  });
}

function countByYear(events: readonly LoggedEvent[], type: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of events) if (e.type === type) out.set(yearOf(e.day), (out.get(yearOf(e.day)) ?? 0) + 1);
  return out;
}

const small = (() => {
  let run: ReturnType<typeof runInMemory> | undefined;
  return () => (run ??= runInMemory(loadScenario('examples/small.yaml').scenario, 7));
})();

describe('school life on small.yaml', () => {
  it('holds Exchanges, Sales and Gallery visits at the configured rates', () => {
    const { sink, world } = small();
    const pol = world.scenario.policy.school;
    const exchanges = countByYear(sink.events, EVENT_CODES.exchange_held);
    const sales = countByYear(sink.events, EVENT_CODES.sale_held);
    const visits = countByYear(sink.events, EVENT_CODES.gallery_visit);
    // Every year with a full school (1970–1989) has exactly the whole-number rates.
    for (let y = 1970; y <= 1989; y++) {
      expect(exchanges.get(y), `Exchanges in ${y}`).toBe(pol.exchange.perYear);
      expect(sales.get(y), `Sales in ${y}`).toBe(pol.sale.perYear);
      expect(visits.get(y), `Gallery visits in ${y}`).toBe(pol.gallery.visitsPerYear);
    }
    const life = schoolLifeOf(world)!.life;
    const chosen = life.works.filter((w) => w.fate === 'gallery').length;
    const share = chosen / life.works.length;
    expect(share).toBeGreaterThan(pol.gallery.selection * 0.5);
    expect(share).toBeLessThan(pol.gallery.selection * 1.5);
  });

  it('keeps the log of school life moderate and every payload valid', () => {
    const { sink, summary } = small();
    expect(summary.events).toBeLessThan(40_000);
    for (const e of sink.events) {
      if (e.type < 20 || e.type >= 60) continue;
      const name = eventTypeName(e.type)!;
      const r = validateEventData(name, e.data === null ? null : JSON.parse(e.data));
      expect(r.success, `${name} #${e.id}: ${e.data}`).toBe(true);
    }
  });

  it('breaks no rule of the programme', () => {
    const { sink, world } = small();
    const pol = world.scenario.policy;
    expect(
      auditLog(sink.events, {
        maxDonations: pol.donation.completionRisk.length,
        maxDonors: pol.caring.maxDonors,
      }),
    ).toEqual([]);
  });

  it('prices follow what the school thinks of the work: better work sells more and dearer', () => {
    const { world } = small();
    const life = schoolLifeOf(world)!.life;
    const sold = life.works.filter((w) => w.price > 0);
    const q = (w: { skill: number; originality: number }) => 0.55 * w.skill + 0.45 * w.originality;
    const sorted = sold.slice().sort((a, b) => q(a) - q(b));
    const mean = (xs: typeof sold) => xs.reduce((s, w) => s + w.price, 0) / xs.length;
    const fifth = Math.floor(sorted.length / 5);
    expect(mean(sorted.slice(-fifth))).toBeGreaterThan(mean(sorted.slice(0, fifth)));
  });

  it('a rumour can be traced from any hop back to its origin, through causes and through parents', () => {
    const { sink, world } = small();
    const life = schoolLifeOf(world)!.life;
    const byId = new Map(sink.events.map((e) => [e.id, e]));
    const hops = sink.events.filter((e) => e.type === EVENT_CODES.rumour_heard);
    expect(hops.length).toBeGreaterThan(100);
    const origins = new Set([
      EVENT_CODES.rumour_started,
      EVENT_CODES.guardian_disclosed,
      EVENT_CODES.guardian_spoke_plainly,
      EVENT_CODES.madame_tested,
      EVENT_CODES.learned_by_experience,
      EVENT_CODES.outburst,
      EVENT_CODES.rumour_debunked,
      EVENT_CODES.possible_seen,
    ]);
    for (const hop of hops.filter((_, i) => i % 7 === 0)) {
      const belief = life.book.get(hop.value)!;
      const data = JSON.parse(hop.data!) as { origin: number };
      expect(belief.origin).toBe(data.origin);
      // Through causes: each hop's cause is how the teller came to believe it.
      let e: LoggedEvent | undefined = hop;
      let steps = 0;
      while (e && e.type === EVENT_CODES.rumour_heard && steps++ < 1000) e = byId.get(e.cause);
      expect(e, `the causes of #${hop.id} end at an origin`).toBeDefined();
      expect(origins.has(e!.type)).toBe(true);
      expect(e!.id).toBe(belief.origin);
      // Through parents: the chain of beliefs starts at the origin event.
      const path = life.book.path(belief.id);
      expect(path[0]!.source).toBe(belief.origin);
      expect(path[path.length - 1]).toBe(belief);
    }
  });

  it("Tommy's style is rare, and its makers bloom late", () => {
    const { world } = small();
    const life = schoolLifeOf(world)!.life;
    const late = [...life.members.values()].filter((m) => m.art.late);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / life.members.size).toBeLessThan(0.15);
    for (const m of late) expect(m.art.style).toBe('animals');
  });
});

describe('school life under any policy (properties)', () => {
  const policy = fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    starting: fc.integer({ min: 0, max: 20 }),
    priceMax: fc.integer({ min: 1, max: 30 }),
    tokensMax: fc.integer({ min: 1, max: 6 }),
    buys: fc.integer({ min: 0, max: 4 }),
    salePrice: fc.integer({ min: 1, max: 12 }),
    loss: fc.double({ min: 0, max: 0.6, noNaN: true }),
    exchanges: fc.integer({ min: 0, max: 8 }),
    sales: fc.integer({ min: 0, max: 12 }),
    find: fc.double({ min: 0, max: 1, noNaN: true }),
    tells: fc.integer({ min: 0, max: 60 }),
  });
  type Policy = typeof policy extends fc.Arbitrary<infer R> ? R : never;
  const world = (p: Policy) =>
    shortWorld((s) => {
      s.policy = {
        school: {
          exchange: {
            perYear: p.exchanges,
            startingTokens: p.starting,
            price: { min: 1, max: p.priceMax },
            tokensPerWork: { min: 1, max: p.tokensMax },
            buysPerStudent: p.buys,
          },
          sale: {
            perYear: p.sales,
            price: { min: 1, max: p.salePrice },
            lossPerYear: p.loss,
            buysPerStudent: p.buys,
          },
        },
        cottages: { trips: { perYear: 3, findLostChance: p.find } },
        beliefs: { tellsPerYear: p.tells },
      };
    });

  it('tokens never go negative, and every balance is the sum of its ledger', () => {
    fc.assert(
      fc.property(policy, (p) => {
        const { world: w } = runInMemory(world(p), p.seed);
        const life = schoolLifeOf(w)!.life;
        const balance = new Map<number, number>();
        for (const [person, , , delta, after] of life.ledger) {
          const before = balance.get(person) ?? (life.members.get(person)!.veteran ? 0 : p.starting);
          expect(after).toBe(before + delta);
          expect(after).toBeGreaterThanOrEqual(0);
          balance.set(person, after);
        }
        for (const m of life.members.values()) expect(m.tokens).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 12 },
    );
  });

  it('an item is in one collection at a time, and the log says so too', () => {
    fc.assert(
      fc.property(policy, (p) => {
        const { world: w, sink } = runInMemory(world(p), p.seed);
        const life = schoolLifeOf(w)!.life;
        const byItem = new Map<number, { from: number; until: number }[]>();
        for (const h of life.holdings) {
          const list = byItem.get(h.item) ?? [];
          list.push({ from: h.from, until: h.until === NONE ? Infinity : h.until });
          byItem.set(h.item, list);
        }
        for (const [item, list] of byItem) {
          list.sort((a, b) => a.from - b.from);
          for (let i = 1; i < list.length; i++)
            expect(list[i]!.from, `item ${item}`).toBeGreaterThanOrEqual(list[i - 1]!.until);
          expect(list.filter((h) => h.until === Infinity).length).toBeLessThanOrEqual(1);
        }
        // Replaying the log: bought, lost, found or given, an item has one holder at a time.
        const holder = new Map<number, number>();
        for (const e of sink.events) {
          if (e.type === EVENT_CODES.sale_held) {
            for (const [item, buyer] of (JSON.parse(e.data!) as { items: number[][] }).items) {
              expect(holder.has(item!)).toBe(false);
              holder.set(item!, buyer!);
            }
          } else if (e.type === EVENT_CODES.item_lost) {
            expect(holder.get(e.value)).toBe(e.person);
            holder.delete(e.value);
          } else if (e.type === EVENT_CODES.item_found) {
            expect(holder.has(e.value)).toBe(false);
            holder.set(e.value, e.person);
          } else if (e.type === EVENT_CODES.item_given) {
            expect(holder.get(e.value)).toBe(e.person);
            holder.set(e.value, e.other);
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('a belief never precedes its source, its parent, or its origin', () => {
    fc.assert(
      fc.property(policy, (p) => {
        const { world: w, sink } = runInMemory(world(p), p.seed);
        const life = schoolLifeOf(w)!.life;
        const day = new Map(sink.events.map((e) => [e.id, e.day]));
        for (const b of life.book.all()) {
          expect(day.has(b.source), `belief ${b.id}'s source #${b.source} is in the log`).toBe(true);
          expect(b.from).toBeGreaterThanOrEqual(day.get(b.source)!);
          expect(day.get(b.origin)!).toBeLessThanOrEqual(day.get(b.source)!);
          if (b.until !== NONE) expect(b.until).toBeGreaterThanOrEqual(b.from);
          if (b.parent !== NONE) {
            const parent = life.book.get(b.parent)!;
            expect(parent.from).toBeLessThanOrEqual(b.from);
            expect(parent.origin).toBe(b.origin);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('works', () => {
  it('render as SVG pictures, the same every time; an imaginary animal among them', () => {
    const { world } = small();
    const life = schoolLifeOf(world)!.life;
    const animal = life.works.find((w) => w.style === 'animals' && w.medium === 'picture')!;
    const other = life.works.find((w) => w.style === 'landscape' && w.medium === 'picture')!;
    for (const w of [animal, other]) {
      const spec = workSpec({ ...w, title: titleOf(life, w) }, world.seed, world.people.name(w.maker));
      const svg = renderArtwork(spec);
      expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
      expect(svg.length).toBeGreaterThan(2000);
      expect(renderArtwork(spec)).toBe(svg);
    }
  });
});

describe('pinned beats (for a scenario that fixes its story)', () => {
  it('a wished-for song is bought, lost on its day, moves Madame, and turns up on a trip', () => {
    const s = shortWorld((x) => {
      x.policy = { cottages: { trips: { perYear: 0 } } };
    });
    let kathy = -1;
    const pins: ModuleFactory = (ctx) => {
      const PIN = ctx.sim.register('pin', (day, step) => {
        const sl = schoolLifeOf(ctx)!;
        if (step === 0) {
          sl.story.madameMovedOn(kathy, day + 5);
          sl.story.loseOn(kathy, 'cassette', day + 40);
          ctx.sim.schedule(ctx.people.born(kathy) + 17 * 365, 12, PIN, 1, 0);
        } else {
          sl.story.findOnNextTrip(kathy);
          sl.story.sightingOn(kathy, day);
        }
      });
      return {
        name: 'pins',
        onBorn(person, day) {
          if (kathy >= 0) return;
          kathy = person;
          schoolLifeOf(ctx)!.story.wish(person, 'cassette', 'a cassette of slow songs');
          ctx.sim.schedule(day + 12 * 365, 12, PIN, 0, 0);
        },
      };
    };
    const sink = new MemorySink();
    const w = new World(s, { seed: 3, sink, modules: [schoolLife, pins] });
    w.run();
    const mine = sink.events.filter((e) => e.person === kathy);
    const types = mine.map((e) => eventTypeName(e.type));
    const life = schoolLifeOf(w)!.life;
    const song = life.items.find((i) => i.label === 'a cassette of slow songs')!;
    expect(song.buyer).toBe(kathy);
    const moved = mine.find((e) => e.type === EVENT_CODES.madame_moved)!;
    expect(moved.value).toBe(song.id);
    const lost = mine.find((e) => e.type === EVENT_CODES.item_lost)!;
    expect(lost.value).toBe(song.id);
    expect(lost.day).toBeGreaterThan(moved.day);
    expect(types).toContain('possible_trip');
    const found = mine.find((e) => e.type === EVENT_CODES.item_found)!;
    expect(found.day).toBeGreaterThan(lost.day);
    const again = life.items[found.value - 1]!;
    expect(again.id === song.id || again.copyOf === song.id).toBe(true);
  });
});
