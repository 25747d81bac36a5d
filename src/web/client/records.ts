/// <reference lib="dom" />
/**
 * The records a world's modules keep about a person, drawn as small pictures with Observable
 * Plot: the token ledger as a balance over time, beliefs and things kept as bars from when
 * they were taken up to when they were dropped or lost, fondness for the closest people as
 * lines, a record of traits as dots on a scale from 0 to 1. Each mark opens its event or
 * person; the tables stay on the page, folded, for every figure in full.
 */
import type { Cell, Section } from './api.js';
import { chart, Plot } from './plot.js';

type Row = Record<string, Cell>;

function rowsOf(sec: Section): Row[] {
  return sec.rows.map((r) => Object.fromEntries(sec.columns.map((c, i) => [c.toLowerCase(), r[i] ?? null])));
}

const date = (c: Cell) => (typeof c === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c) ? new Date(c) : null);
const num = (c: Cell) => (typeof c === 'number' ? c : null);
const ref = (c: Cell) => (c !== null && typeof c === 'object' ? c : null);
const hrefOf = (c: Cell) => {
  const r = ref(c);
  return r ? `/${r.ref === 'person' ? 'people' : r.ref === 'place' ? 'places' : 'events'}/${r.id}` : null;
};
const words = (c: Cell) => (c === null ? '' : typeof c === 'object' ? c.text : String(c)).replace(/-/g, ' ');
const dayText = (d: Date) => d.toISOString().slice(0, 10);

/** Exchange tokens: the balance after every change, each step opening its Exchange or Sale. */
function ledger(sec: Section): Element | null {
  const rows = rowsOf(sec)
    .map((r) => ({
      day: date(r.day ?? null),
      balance: num(r.balance ?? null),
      delta: num(r.delta ?? null) ?? 0,
      reason: words(r.reason ?? null),
      href: hrefOf(r.event ?? null),
    }))
    .filter((r): r is typeof r & { day: Date; balance: number } => r.day !== null && r.balance !== null);
  if (rows.length < 2) return null;
  return chart(
    {
      width: 520,
      height: 170,
      marginLeft: 40,
      x: { label: null },
      y: { label: 'tokens', grid: true, nice: true },
      marks: [
        Plot.lineY(rows, { x: 'day', y: 'balance', curve: 'step-after', stroke: '#6f8ba5' }),
        Plot.dot(rows, {
          x: 'day',
          y: 'balance',
          r: 3,
          fill: (d: { delta: number }) => (d.delta >= 0 ? '#5f8a52' : '#a8413a'),
          href: 'href',
          title: (d: (typeof rows)[number]) =>
            `${dayText(d.day)}: ${d.delta >= 0 ? '+' : ''}${d.delta} (${d.reason}), ${d.balance} left`,
        }),
      ],
    },
    'Exchange tokens held over time; green dots are earnings, red ones spending',
  );
}

/** Spans from a start date to an end date (or the end of the world), one row per label. */
function spans(
  items: { label: string; from: Date; to: Date | null; colour: string; href: string | null; tip: string }[],
  end: Date,
  label: string,
  colours: { domain: string[]; range: string[] },
): Element | null {
  if (items.length === 0) return null;
  const rows = items.map((d) => ({ ...d, to: d.to ?? end }));
  const order = [...new Set(rows.sort((a, b) => a.from.getTime() - b.from.getTime()).map((r) => r.label))];
  return chart(
    {
      width: 520,
      height: 30 + order.length * 22,
      marginLeft: Math.min(260, 12 + Math.max(...order.map((o) => o.length)) * 6.2),
      x: { label: null },
      y: { domain: order, label: null },
      color: { ...colours, legend: colours.domain.length > 1 },
      marks: [
        Plot.gridX({ stroke: '#e2d8c4', strokeOpacity: 1 }),
        Plot.barX(rows, {
          x1: 'from',
          x2: 'to',
          y: 'label',
          fill: 'colour',
          insetTop: 4,
          insetBottom: 4,
          href: 'href',
          title: 'tip',
        }),
      ],
    },
    label,
  );
}

/** Beliefs: each version held, from when to when, coloured by whether it was true. */
function beliefs(sec: Section, end: Date): Element | null {
  const items = rowsOf(sec).flatMap((r) => {
    const from = date(r['held from'] ?? null);
    if (!from) return [];
    const label = `${words(r.about ?? r.proposition ?? null) || words(r.proposition ?? null)}: ${words(r.version ?? null)}`;
    const truth = num(r.truth ?? null);
    const colour = truth === 1 ? 'true' : truth === 0 ? 'false' : 'unknown';
    return [
      {
        label: label.length > 44 ? `${label.slice(0, 42)}…` : label,
        from,
        to: date(r['held until'] ?? null),
        colour,
        href: hrefOf(r['source event'] ?? null),
        tip: `${label}, from ${dayText(from)}${r['held until'] ? ` to ${words(r['held until'])}` : ''}${r.via ? `, heard from ${words(r.via)}` : ''} (${colour})`,
      },
    ];
  });
  const kinds = ['true', 'false', 'unknown'].filter((k) => items.some((i) => i.colour === k));
  return spans(items, end, 'Beliefs held over time, coloured by whether they were true', {
    domain: kinds,
    range: kinds.map((k) => (k === 'true' ? '#5f8a52' : k === 'false' ? '#a8413a' : '#a59d92')),
  });
}

/** Things bought and kept: each from the Sale that brought it to its loss (or the end). */
function things(sec: Section, end: Date): Element | null {
  const items = rowsOf(sec).flatMap((r) => {
    const from = date(r['bought on'] ?? null);
    if (!from) return [];
    const label = words(r.label ?? null) || words(r.kind ?? null);
    const lost = date(r['lost on'] ?? null);
    const fate = words(r.fate ?? null) || 'held';
    return [
      {
        label: label.length > 40 ? `${label.slice(0, 38)}…` : label,
        from,
        to: lost,
        colour: fate,
        href: hrefOf(r['sale event'] ?? null),
        tip: `${label}: bought ${dayText(from)}${lost ? `, lost ${dayText(lost)}` : ''}${r['found on'] ? `, found ${words(r['found on'])}` : ''}`,
      },
    ];
  });
  const fates = [...new Set(items.map((i) => i.colour))];
  const palette = ['#c7a35e', '#a8413a', '#6f8ba5', '#8a6fa5', '#a59d92'];
  return spans(
    items,
    end,
    'Things kept, from the Sale that brought each to its loss or the end of the record',
    {
      domain: fates,
      range: fates.map((_, i) => palette[i % palette.length]!),
    },
  );
}

/** Fondness year by year for the five people this person was ever fondest of. */
function fondness(sec: Section, self: number): Element | null {
  const rows = rowsOf(sec).flatMap((r) => {
    const who = ref(r.person ?? null);
    const other = ref(r.other ?? null);
    const year = num(r.year ?? null);
    const f = num(r.friendship ?? null);
    if (!other || year === null || f === null || (who && who.id !== self)) return [];
    return [{ other: other.text, id: other.id, year, f, romance: num(r.romance ?? null) ?? 0 }];
  });
  const best = new Map<string, number>();
  for (const r of rows) best.set(r.other, Math.max(best.get(r.other) ?? 0, r.f));
  const closest = [...best]
    .filter(([name]) => rows.filter((r) => r.other === name).length > 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name]) => name);
  const kept = rows.filter((r) => closest.includes(r.other)).sort((a, b) => a.year - b.year);
  if (kept.length === 0) return null;
  return chart(
    {
      width: 520,
      height: 200,
      marginLeft: 40,
      x: { label: null, tickFormat: 'd' },
      y: { domain: [0, 1], label: 'fondness', grid: true },
      color: { legend: true, range: ['#6f8ba5', '#a8413a', '#5f8a52', '#c7a35e', '#8a6fa5'] },
      marks: [
        Plot.lineY(kept, { x: 'year', y: 'f', stroke: 'other' }),
        Plot.dot(kept, {
          x: 'year',
          y: 'f',
          fill: 'other',
          r: 3,
          href: (d: { id: number }) => `/people/${d.id}`,
          title: (d: (typeof kept)[number]) =>
            `${d.other}, ${d.year}: friendship ${d.f.toFixed(2)}${d.romance > 0.05 ? `, romance ${d.romance.toFixed(2)}` : ''}`,
        }),
      ],
    },
    'Fondness at the end of each year for the people they were ever fondest of',
  );
}

/** A single record's measures from 0 to 1 (talent, temper, …) as dots on one scale. */
function traits(sec: Section): Element | null {
  if (sec.rows.length !== 1) return null;
  const row = sec.rows[0]!;
  const points = sec.columns.flatMap((c, i) => {
    const v = row[i];
    return typeof v === 'number' && !Number.isInteger(v) && v >= 0 && v <= 1 ? [{ trait: c, v }] : [];
  });
  if (points.length < 4) return null;
  return chart(
    {
      width: 520,
      height: 26 + points.length * 20,
      marginLeft: 110,
      x: { domain: [0, 1], grid: true, label: null },
      y: { domain: points.map((p) => p.trait), label: null },
      marks: [
        Plot.ruleY(points, { y: 'trait', x1: 0, x2: 'v', stroke: '#d6cab5' }),
        Plot.dot(points, {
          x: 'v',
          y: 'trait',
          r: 4,
          fill: '#6f8ba5',
          title: (d: { trait: string; v: number }) => `${d.trait}: ${d.v.toFixed(2)}`,
        }),
      ],
    },
    `${sec.title}: measures from 0 to 1`,
  );
}

/**
 * The picture for a section, if it has one: by the table it comes from, or (for a single
 * record) its measures from 0 to 1.
 * @example recordPicture(section, person.id, world.end)
 */
export function recordPicture(sec: Section, self: number, worldEnd: string): Element | null {
  const end = new Date(worldEnd);
  switch (sec.key) {
    case 'ledger':
      return ledger(sec);
    case 'beliefs':
      return beliefs(sec, end);
    case 'items':
      return things(sec, end);
    case 'relationships':
      return fondness(sec, self);
    default:
      return traits(sec);
  }
}
