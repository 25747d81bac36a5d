/**
 * Statistics of school life and the Cottages, from the tables the school-life module writes:
 * works made, tokens earned and spent, the Gallery's choices, Exchange prices (and what they
 * follow), Sales and collections, couples, and how belief in each proposition spread over
 * time. `computeSchoolStats` returns plain rows (for tables, JSON and charts);
 * `printSchoolStats` turns them into the tables `hailsham stats` prints. A world written
 * without the module (or with no full-detail school) has none: both return nothing.
 */
import { DAYS_PER_YEAR, dayFromYmd, yearOf } from '../engine/calendar.js';
import { eventData } from '../present/event-data.js';
import {
  countEvents,
  countEventsByPerson,
  eventsOfType,
  followedStudents,
  galleryWorks,
} from '../store/queries.js';
import type { WorldDb } from '../store/reader.js';
import { EVENT_CODES } from '../world/event-types.js';

export interface CohortRow {
  school: number;
  cohort: number;
  students: number;
  works: number;
  chosen: number;
  /** Share of the cohort with at least one work in the Gallery. */
  everChosen: number;
  offered: number;
  accepted: number;
  sold: number;
  meanPrice: number;
  tokensEarned: number;
  tokensSpent: number;
  itemsBought: number;
  couples: number;
  tantrums: number;
  teased: number;
}

export interface ExchangeYearRow {
  year: number;
  exchanges: number;
  offered: number;
  accepted: number;
  sold: number;
  tokensPaid: number;
  medianPrice: number;
  maxPrice: number;
}

export interface PriceRow {
  /** 1 (worst) to 5 (best) by how good the work looks. */
  quintile: number;
  offered: number;
  sold: number;
  meanPrice: number;
}

export interface BeliefSeries {
  proposition: string;
  version: string;
  text: string;
  truth: boolean | null;
  /** Share (0..1) of the followed people then alive and at least six who held it, by year. */
  byYear: Record<string, number>;
}

export interface SchoolStats {
  followed: number;
  veterans: number;
  works: { total: number; byMedium: Record<string, number>; byFate: Record<string, number> };
  tokens: { earned: number; spentAtExchanges: number; spentAtSales: number; heldAtEnd: number };
  exchanges: {
    held: number;
    byYear: ExchangeYearRow[];
    byQuality: PriceRow[];
    byMaker: { maker: string; offered: number; sold: number; meanPrice: number }[];
  };
  sales: {
    held: number;
    itemsBought: number;
    itemsLost: number;
    itemsFound: number;
    copiesFound: number;
    byKind: Record<string, number>;
  };
  gallery: {
    visits: number;
    chosen: number;
    byStyle: { style: string; made: number; chosen: number; rate: number }[];
    byYear: { year: number; visits: number; chosen: number; makers: number }[];
  };
  byCohort: CohortRow[];
  couples: {
    formed: number;
    atSchool: number;
    atResidence: number;
    ended: Record<string, number>;
    meanYears: number;
  };
  beliefs: BeliefSeries[];
  rumours: { started: number; hops: number; mutated: number; debunked: number };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** [work, maker, paid, buyer, price] of every Exchange, with its day. */
function exchangeOffers(w: WorldDb): { day: number; offered: number[][] }[] {
  return eventsOfType(w, EVENT_CODES.exchange_held).map((r) => ({
    day: r.day,
    offered: eventData<{ offered: number[][] }>(r.data).offered ?? [],
  }));
}

/**
 * School-life statistics of a world, or null when it has none.
 * @example computeSchoolStats(openWorld('world.db'))?.gallery.chosen
 */
export function computeSchoolStats(w: WorldDb): SchoolStats | null {
  const students = followedStudents(w);
  if (students.length === 0) return null;
  const followed = { n: students.length, v: students.filter((s) => s.veteran).length };

  const byMedium: Record<string, number> = {};
  for (const r of w.all<{ k: string; n: number }>(
    'SELECT medium AS k, count(*) AS n FROM works GROUP BY medium ORDER BY medium',
  ))
    byMedium[r.k] = r.n;
  const byFate: Record<string, number> = {};
  for (const r of w.all<{ k: string; n: number }>(
    'SELECT fate AS k, count(*) AS n FROM works GROUP BY fate ORDER BY fate',
  ))
    byFate[r.k] = r.n;
  const totalWorks = Object.values(byMedium).reduce((a, b) => a + b, 0);

  const ledger = (reason: string) =>
    w.get<{ s: number | null }>('SELECT sum(delta) AS s FROM ledger WHERE reason = ?', reason)!.s ?? 0;
  const tokens = {
    earned: ledger('exchange-paid'),
    spentAtExchanges: -ledger('exchange-bought'),
    spentAtSales: -ledger('sale-bought'),
    heldAtEnd: students.reduce((sum, s) => sum + s.tokens, 0),
  };

  // Exchanges: by year, by how good the work looks, by whether its maker is a Gallery maker.
  const exchanges = exchangeOffers(w);
  const quality = new Map<number, number>();
  for (const r of w.all<{ id: number; q: number }>(
    'SELECT id, 0.55 * skill + 0.45 * originality AS q FROM works',
  ))
    quality.set(r.id, r.q);
  const chosen = galleryWorks(w);
  const chosenMakers = new Set(chosen.map((r) => r.maker));
  const years = new Map<number, ExchangeYearRow & { prices: number[] }>();
  const all: { q: number; sold: boolean; price: number; gallery: boolean }[] = [];
  for (const ex of exchanges) {
    const y = yearOf(ex.day);
    let row = years.get(y);
    if (!row) {
      row = {
        year: y,
        exchanges: 0,
        offered: 0,
        accepted: 0,
        sold: 0,
        tokensPaid: 0,
        medianPrice: 0,
        maxPrice: 0,
        prices: [],
      };
      years.set(y, row);
    }
    row.exchanges++;
    for (const [work, maker, paid, buyer, price] of ex.offered as [
      number,
      number,
      number,
      number,
      number,
    ][]) {
      row.offered++;
      if (paid > 0) {
        row.accepted++;
        row.tokensPaid += paid;
        all.push({ q: quality.get(work) ?? 0, sold: buyer >= 0, price, gallery: chosenMakers.has(maker) });
      }
      if (buyer >= 0) {
        row.sold++;
        row.prices.push(price);
      }
    }
  }
  const byYear = [...years.values()]
    .sort((a, b) => a.year - b.year)
    .map(({ prices, ...r }) => ({
      ...r,
      medianPrice: median(prices),
      maxPrice: prices.length ? Math.max(...prices) : 0,
    }));
  const sortedQ = all.map((a) => a.q).sort((a, b) => a - b);
  const cut = (k: number) => sortedQ[Math.min(sortedQ.length - 1, Math.floor((k * sortedQ.length) / 5))] ?? 0;
  const byQuality: PriceRow[] = [1, 2, 3, 4, 5].map((quintile) => {
    const lo = quintile === 1 ? -Infinity : cut(quintile - 1);
    const hi = quintile === 5 ? Infinity : cut(quintile);
    const inQ = all.filter((a) => a.q >= lo && a.q < hi);
    const sold = inQ.filter((a) => a.sold);
    return {
      quintile,
      offered: inQ.length,
      sold: sold.length,
      meanPrice: round2(sold.reduce((s, a) => s + a.price, 0) / Math.max(1, sold.length)),
    };
  });
  const byMaker = [true, false].map((g) => {
    const inG = all.filter((a) => a.gallery === g);
    const sold = inG.filter((a) => a.sold);
    return {
      maker: g ? 'has work in the Gallery' : 'never chosen',
      offered: inG.length,
      sold: sold.length,
      meanPrice: round2(sold.reduce((s, a) => s + a.price, 0) / Math.max(1, sold.length)),
    };
  });

  // Sales and collections.
  const itemsBy: Record<string, number> = {};
  for (const r of w.all<{ k: string; n: number }>(
    'SELECT kind AS k, count(*) AS n FROM items WHERE copy_of IS NULL GROUP BY kind ORDER BY n DESC, kind',
  ))
    itemsBy[r.k] = r.n;
  const sales = {
    held: countEvents(w, EVENT_CODES.sale_held),
    itemsBought: w.get<{ n: number }>('SELECT count(*) AS n FROM items WHERE copy_of IS NULL')!.n,
    itemsLost: countEvents(w, EVENT_CODES.item_lost),
    itemsFound: countEvents(w, EVENT_CODES.item_found),
    copiesFound: w.get<{ n: number }>('SELECT count(*) AS n FROM items WHERE copy_of IS NOT NULL')!.n,
    byKind: itemsBy,
  };

  // The Gallery.
  const byStyle = w
    .all<{ style: string; made: number; chosen: number }>(
      "SELECT style, count(*) AS made, sum(fate = 'gallery') AS chosen FROM works WHERE medium = 'picture' GROUP BY style ORDER BY style",
    )
    .map((r) => ({ ...r, rate: round2((100 * r.chosen) / Math.max(1, r.made)) }));
  const visits = eventsOfType(w, EVENT_CODES.gallery_visit);
  const gYears = new Map<number, { year: number; visits: number; chosen: number; makers: Set<number> }>();
  const makerOf = new Map(chosen.map((r) => [r.id, r.maker]));
  for (const v of visits) {
    const y = yearOf(v.day);
    let row = gYears.get(y);
    if (!row) gYears.set(y, (row = { year: y, visits: 0, chosen: 0, makers: new Set() }));
    row.visits++;
    for (const id of eventData<{ works: number[] }>(v.data).works ?? []) {
      row.chosen++;
      const m = makerOf.get(id);
      if (m !== undefined) row.makers.add(m);
    }
  }
  const gallery = {
    visits: visits.length,
    chosen: byFate.gallery ?? 0,
    byStyle,
    byYear: [...gYears.values()]
      .sort((a, b) => a.year - b.year)
      .map((r) => ({ year: r.year, visits: r.visits, chosen: r.chosen, makers: r.makers.size })),
  };

  // Cohorts of the full-detail schools.
  const tantrums = countEventsByPerson(w, EVENT_CODES.tantrum);
  const teased = countEventsByPerson(w, EVENT_CODES.teased);
  const offeredBy = new Map<number, { offered: number; accepted: number; sold: number; prices: number }>();
  for (const ex of exchanges)
    for (const [, maker, paid, buyer, price] of ex.offered as [number, number, number, number, number][]) {
      let o = offeredBy.get(maker);
      if (!o) offeredBy.set(maker, (o = { offered: 0, accepted: 0, sold: 0, prices: 0 }));
      o.offered++;
      if (paid > 0) o.accepted++;
      if (buyer >= 0) {
        o.sold++;
        o.prices += price;
      }
    }
  const ledgerBy = new Map<number, { earned: number; spent: number }>();
  for (const r of w.all<{ p: number; e: number; s: number }>(
    'SELECT person AS p, sum(CASE WHEN delta > 0 THEN delta ELSE 0 END) AS e, -sum(CASE WHEN delta < 0 THEN delta ELSE 0 END) AS s FROM ledger GROUP BY person',
  ))
    ledgerBy.set(r.p, { earned: r.e, spent: r.s });
  const itemsOf = new Map<number, number>();
  for (const r of w.all<{ p: number; n: number }>(
    'SELECT buyer AS p, count(*) AS n FROM items WHERE copy_of IS NULL GROUP BY buyer',
  ))
    itemsOf.set(r.p, r.n);
  const schoolCouples = new Set<number>();
  for (const r of w.all<{ a: number; b: number }>(
    "SELECT c.a, c.b FROM couples c JOIN places p ON p.id = c.place WHERE p.kind IN ('school', 'home')",
  )) {
    schoolCouples.add(r.a);
    schoolCouples.add(r.b);
  }
  const cohorts = new Map<string, CohortRow & { priced: number }>();
  const ownCohorts = students
    .filter((s) => s.veteran === 0)
    .sort((a, b) => a.school - b.school || a.cohort - b.cohort || a.person - b.person);
  for (const s of ownCohorts) {
    const k = `${s.school}/${s.cohort}`;
    let c = cohorts.get(k);
    if (!c) {
      c = {
        school: s.school,
        cohort: s.cohort,
        students: 0,
        works: 0,
        chosen: 0,
        everChosen: 0,
        offered: 0,
        accepted: 0,
        sold: 0,
        meanPrice: 0,
        tokensEarned: 0,
        tokensSpent: 0,
        itemsBought: 0,
        couples: 0,
        tantrums: 0,
        teased: 0,
        priced: 0,
      };
      cohorts.set(k, c);
    }
    c.students++;
    c.works += s.works;
    c.chosen += s.chosen;
    if (s.chosen > 0) c.everChosen++;
    const o = offeredBy.get(s.person);
    if (o) {
      c.offered += o.offered;
      c.accepted += o.accepted;
      c.sold += o.sold;
      c.priced += o.prices;
    }
    const l = ledgerBy.get(s.person);
    if (l) {
      c.tokensEarned += l.earned;
      c.tokensSpent += l.spent;
    }
    c.itemsBought += itemsOf.get(s.person) ?? 0;
    if (schoolCouples.has(s.person)) c.couples++;
    c.tantrums += tantrums.get(s.person) ?? 0;
    c.teased += teased.get(s.person) ?? 0;
  }
  const byCohort = [...cohorts.values()].map(({ priced, ...c }) => ({
    ...c,
    everChosen: round2(c.everChosen / Math.max(1, c.students)),
    meanPrice: round2(priced / Math.max(1, c.sold)),
  }));

  // Couples.
  const couplesRows = w.all<{
    kind: string;
    formed_on: number;
    ended_on: number | null;
    reason: string | null;
  }>('SELECT p.kind, c.formed_on, c.ended_on, c.reason FROM couples c JOIN places p ON p.id = c.place');
  const ended: Record<string, number> = {};
  let span = 0;
  let spans = 0;
  for (const c of couplesRows) {
    ended[c.reason ?? 'together at the end'] = (ended[c.reason ?? 'together at the end'] ?? 0) + 1;
    if (c.ended_on !== null) {
      span += c.ended_on - c.formed_on;
      spans++;
    }
  }
  const couples = {
    formed: couplesRows.length,
    atSchool: couplesRows.filter((c) => c.kind !== 'residence').length,
    atResidence: couplesRows.filter((c) => c.kind === 'residence').length,
    ended,
    meanYears: round2(span / Math.max(1, spans) / DAYS_PER_YEAR),
  };

  const beliefs = beliefSeries(w);
  const rumours = {
    started: countEvents(w, EVENT_CODES.rumour_started),
    hops: countEvents(w, EVENT_CODES.rumour_heard),
    mutated: w.get<{ n: number }>(
      'SELECT count(*) AS n FROM events WHERE type = ? AND data LIKE \'%"from"%\'',
      EVENT_CODES.rumour_heard,
    )!.n,
    debunked: countEvents(w, EVENT_CODES.rumour_debunked),
  };

  return {
    followed: followed.n,
    veterans: followed.v,
    works: { total: totalWorks, byMedium, byFate },
    tokens,
    exchanges: { held: exchanges.length, byYear, byQuality, byMaker },
    sales,
    gallery,
    byCohort,
    couples,
    beliefs,
    rumours,
  };
}

/**
 * How belief in each version spread: on 1 January of each year, the share of the followed
 * people then alive (at least six, not yet completed) who held it.
 */
export function beliefSeries(w: WorldDb): BeliefSeries[] {
  const people = followedStudents(w);
  // A belief ends with its holder: nobody holds anything after completing.
  const rows = w.all<{
    proposition: string;
    version: string;
    person: number;
    held_from: number;
    held_until: number | null;
  }>(
    `SELECT b.proposition, b.version, b.person, b.held_from,
            CASE WHEN p.completed_on IS NOT NULL AND (b.held_until IS NULL OR b.held_until > p.completed_on)
                 THEN p.completed_on ELSE b.held_until END AS held_until
     FROM beliefs b JOIN people p ON p.id = b.person WHERE b.proposition <> 'my-possible'`,
  );
  if (rows.length === 0) return [];
  const first = yearOf(Math.min(...rows.map((r) => r.held_from)));
  const last = yearOf(w.meta.endDay);
  const versions = w.all<{ proposition: string; version: string; text: string; truth: number | null }>(
    "SELECT proposition, version, text, truth FROM propositions WHERE proposition <> 'my-possible'",
  );
  const out: BeliefSeries[] = [];
  const alive = new Map<number, number>();
  for (let y = first; y <= last + 1; y++) {
    const d = dayFromYmd(y, 1, 1);
    alive.set(
      y,
      people.filter((p) => p.born <= d - 6 * DAYS_PER_YEAR && (p.completed_on === null || p.completed_on > d))
        .length,
    );
  }
  for (const v of versions) {
    const mine = rows.filter((r) => r.proposition === v.proposition && r.version === v.version);
    if (mine.length === 0) continue;
    const byYear: Record<string, number> = {};
    for (let y = first + 1; y <= last + 1; y++) {
      const d = dayFromYmd(y, 1, 1);
      const n = mine.filter((r) => r.held_from <= d && (r.held_until === null || r.held_until > d)).length;
      byYear[String(y)] = round2(n / Math.max(1, alive.get(y) ?? 1));
    }
    out.push({
      proposition: v.proposition,
      version: v.version,
      text: v.text,
      truth: v.truth === null ? null : v.truth === 1,
      byYear,
    });
  }
  return out;
}

type TableFn = (head: string[], rows: (string | number)[][]) => string;

/**
 * Prints the school tables of `hailsham stats`.
 * @example printSchoolStats(io.out, computeSchoolStats(w), table)
 */
export function printSchoolStats(
  out: (text: string) => void,
  s: SchoolStats | null,
  table: TableFn,
  placeName: (id: number) => string = (id) => `#${id}`,
): void {
  if (!s) return;
  out(
    `\nSchool life (${s.followed} people followed in detail, ${s.veterans} of them veterans from other schools)`,
  );
  out(
    `${s.works.total} works: ${Object.entries(s.works.byMedium)
      .map(([k, v]) => `${v} ${k}s`)
      .join(
        ', ',
      )}; ${s.works.byFate.gallery ?? 0} taken for the Gallery, ${s.works.byFate.exchanged ?? 0} bought at Exchanges, ${s.works.byFate.kept ?? 0} kept by their makers.`,
  );
  out(
    `Tokens: ${s.tokens.earned} paid by the school for accepted work; ${s.tokens.spentAtExchanges} spent at Exchanges, ${s.tokens.spentAtSales} at Sales; ${s.tokens.heldAtEnd} left unspent.`,
  );
  out('\nGallery and Exchanges by cohort');
  out(
    table(
      [
        'school',
        'cohort',
        'students',
        'works',
        'chosen',
        'ever chosen',
        'offered',
        'accepted',
        'sold',
        'mean price',
        'tokens earned',
        'spent',
        'things bought',
        'in a couple',
        'tantrums',
        'teased',
      ],
      s.byCohort.map((c) => [
        placeName(c.school),
        String(c.cohort),
        c.students,
        c.works,
        c.chosen,
        `${Math.round(c.everChosen * 100)}%`,
        c.offered,
        c.accepted,
        c.sold,
        c.meanPrice,
        c.tokensEarned,
        c.tokensSpent,
        c.itemsBought,
        c.couples,
        c.tantrums,
        c.teased,
      ]),
    ),
  );
  out(`\nExchanges (${s.exchanges.held}): prices follow how good a work looks`);
  out(
    table(
      ['quality quintile', 'accepted', 'sold', 'share sold', 'mean price'],
      s.exchanges.byQuality.map((q) => salesRow(q.quintile, q)),
    ),
  );
  out('…and who made it');
  out(
    table(
      ['maker', 'accepted', 'sold', 'share sold', 'mean price'],
      s.exchanges.byMaker.map((q) => salesRow(q.maker, q)),
    ),
  );
  const fives = new Map<number, ExchangeYearRow>();
  for (const r of s.exchanges.byYear) {
    const k = r.year - (r.year % 5);
    const f = fives.get(k) ?? {
      year: k,
      exchanges: 0,
      offered: 0,
      accepted: 0,
      sold: 0,
      tokensPaid: 0,
      medianPrice: 0,
      maxPrice: 0,
    };
    f.exchanges += r.exchanges;
    f.offered += r.offered;
    f.accepted += r.accepted;
    f.sold += r.sold;
    f.tokensPaid += r.tokensPaid;
    f.maxPrice = Math.max(f.maxPrice, r.maxPrice);
    fives.set(k, f);
  }
  out('…and over the years');
  out(
    table(
      ['years', 'exchanges', 'offered', 'accepted', 'sold', 'tokens paid', 'top price'],
      [...fives.values()].map((f) => [
        `${f.year}–${f.year + 4}`,
        f.exchanges,
        f.offered,
        f.accepted,
        f.sold,
        f.tokensPaid,
        f.maxPrice,
      ]),
    ),
  );
  out(
    `\nThe Gallery: ${s.gallery.visits} visits by Madame, ${s.gallery.chosen} works taken. Pictures taken, by style`,
  );
  out(
    table(
      ['style', 'pictures', 'taken', 'per 100'],
      s.gallery.byStyle.map((g) => [g.style, g.made, g.chosen, g.rate]),
    ),
  );
  out(
    `\nSales: ${s.sales.held} held, ${s.sales.itemsBought} things bought (${Object.entries(s.sales.byKind)
      .slice(0, 5)
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}, …); ${s.sales.itemsLost} lost, ${s.sales.itemsFound} turned up again (${s.sales.copiesFound} of them twins of the lost thing).`,
  );
  out(
    `Couples: ${s.couples.formed} formed (${s.couples.atSchool} at school, ${s.couples.atResidence} at a residence), lasting ${s.couples.meanYears} years on average; ended: ${Object.entries(
      s.couples.ended,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  out(
    `Rumours: ${s.rumours.started} started, ${s.rumours.hops} passings-on (${s.rumours.mutated} changed in the telling), ${s.rumours.debunked} put down.`,
  );
  if (s.beliefs.length > 0) {
    const years = Object.keys(s.beliefs[0]!.byYear).map(Number);
    const step = Math.max(1, Math.ceil(years.length / 9));
    const shown = years.filter((_, i) => i % step === 0 || i === years.length - 1);
    out(
      '\nBelief over time: share of the followed people then alive (six and over) who held each version on 1 January',
    );
    out(
      table(
        ['about', 'version', 'true?', ...shown.map(String)],
        s.beliefs.map((b) => [
          b.proposition,
          b.version,
          b.truth === null ? '?' : b.truth ? 'yes' : 'no',
          ...shown.map((y) => `${Math.round((b.byYear[String(y)] ?? 0) * 100)}%`),
        ]),
      ),
    );
  }
}

/** One row of an Exchange sales table: who or what, accepted, sold, the share sold, the mean price. */
function salesRow(
  label: string | number,
  q: { offered: number; sold: number; meanPrice: number },
): (string | number)[] {
  return [label, q.offered, q.sold, `${Math.round((100 * q.sold) / Math.max(1, q.offered))}%`, q.meanPrice];
}
