/// <reference lib="dom" />
/**
 * The explorer's three common charts, drawn by Observable Plot: a stacked area over the years,
 * bars, and lines with a dot at every point. Every band, bar and dot can carry a link (to the
 * people behind it) and a tooltip; Plot gives the scales, axes and ticks. Colours come from
 * the page's palette, one per phase of a life.
 */
import { chart, Plot } from './plot.js';

export interface Mark {
  href?: string;
  tip?: string;
}

/** Width of a chart's drawing: `wide` for a full column, otherwise half of one. */
export type ChartWidth = 'wide' | 'narrow' | 'small';
const widthOf = (w: ChartWidth | undefined) => (w === 'wide' ? 1000 : w === 'small' ? 330 : 480);

/** The palette, by the class names the pages use for a phase or a series. */
const COLOURS: Record<string, string> = {
  student: '#8da17b',
  resident: '#c7a35e',
  carer: '#6f8ba5',
  donor: '#b9766a',
  completed: '#a59d92',
  '0': '#4a443c',
  '1': '#6f8ba5',
  '2': '#b9766a',
  '3': '#8da17b',
  '4': '#c7a35e',
};

/** The colour of a class such as `fill-donor` or `3`. */
export function colourOf(cls: string | undefined): string {
  return COLOURS[(cls ?? '0').replace(/^(fill|stroke)-/, '')] ?? COLOURS['0']!;
}

/** Short numbers for axes: 12k, 1.2m. */
function short(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 1)}m`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  return n.toLocaleString('en-GB');
}

export interface AreaSeries {
  x: string;
  values: Record<string, number>;
}

/**
 * A stacked area of several series over time, each band of each year a link.
 * @example stackedArea(rows, ['student', 'resident'], (key, row) => ({ href: `/people?phase=${key}&on=${row.x}` }), (row) => row.x.slice(0, 4))
 */
export function stackedArea(
  rows: AreaSeries[],
  keys: string[],
  mark: (key: string, row: AreaSeries) => Mark,
  label: (row: AreaSeries) => string,
  width: ChartWidth = 'wide',
  /** The top of the scale, when charts side by side share one. */
  yMax?: number,
): Element {
  const W = widthOf(width);
  const data = rows.flatMap((row) =>
    keys.map((key) => ({ key, x: new Date(row.x), n: row.values[key] ?? 0, ...mark(key, row), row })),
  );
  return chart(
    {
      width: W,
      height: Math.round(W * (width === 'wide' ? 0.32 : 0.5)),
      marginLeft: 52,
      x: { type: 'utc', label: null },
      y: { label: null, grid: true, tickFormat: short, ...(yMax ? { domain: [0, yMax], nice: true } : {}) },
      color: { domain: keys, range: keys.map(colourOf) },
      marks: [
        Plot.areaY(data, { x: 'x', y: 'n', fill: 'key', order: keys, curve: 'linear' }),
        // Every band of every year leads to its people: a bar per band per year, clear until pointed at.
        Plot.rectY(
          // An empty band has nothing to point at, and no link to reach.
          data.filter((d) => d.n > 0),
          Plot.stackY({
            x: 'x',
            y: 'n',
            z: 'key',
            order: keys,
            interval: 'year',
            fill: 'key',
            fillOpacity: 0,
            href: 'href',
            title: (d: { tip?: string; row: AreaSeries; key: string }) =>
              d.tip ?? `${label(d.row)}: ${d.key}`,
          }),
        ),
      ],
    },
    `Stacked areas of ${keys.join(', ')} from ${rows[0] ? label(rows[0]) : ''} to ${rows.at(-1) ? label(rows.at(-1)!) : ''}`,
  );
}

export interface Bar extends Mark {
  label: string;
  value: number;
  cls?: string;
}

/**
 * Vertical bars with their values above them; each bar a link.
 * @example bars([{ label: '1', value: 70403, href: '/people?donations=1' }], 'donation')
 */
export function bars(
  data: Bar[],
  xTitle: string,
  opts: { height?: number; values?: boolean; width?: ChartWidth; yMax?: number } = {},
): Element {
  const showValues = opts.values ?? data.length <= 12;
  const numeric = data.every((d) => /^\d+$/.test(d.label));
  const every = Math.max(1, Math.ceil(data.length / 12));
  return chart(
    {
      width: widthOf(opts.width),
      height: opts.height ?? 230,
      marginLeft: 52,
      x: {
        label: xTitle,
        labelAnchor: 'center',
        labelArrow: 'none',
        domain: data.map((d) => d.label),
        padding: 0.2,
        tickFormat: (v: string, i: number) => (numeric && data.length > 12 ? (i % every === 0 ? v : '') : v),
      },
      y: {
        label: null,
        grid: true,
        tickFormat: short,
        ...(opts.yMax ? { domain: [0, opts.yMax], nice: true } : {}),
      },
      marks: [
        Plot.barY(data, {
          x: 'label',
          y: 'value',
          fill: (d: Bar) => colourOf(d.cls ?? 'fill-0'),
          // A bar of nothing cannot be seen or pointed at: it gets no link to reach by keyboard.
          href: (d: Bar) => (d.value > 0 ? (d.href ?? null) : null),
          title: (d: Bar) => d.tip ?? `${d.label}: ${d.value}`,
        }),
        showValues
          ? Plot.text(data, {
              x: 'label',
              y: 'value',
              text: (d: Bar) => short(d.value),
              dy: -7,
              fill: '#4a443c',
            })
          : null,
        Plot.ruleY([0], { stroke: '#d6cab5' }),
      ],
    },
    `Bars of ${xTitle || 'counts'}`,
  );
}

export interface LinePoint extends Mark {
  x: number;
  y: number;
}

export interface Line {
  label: string;
  cls: string;
  points: LinePoint[];
}

/**
 * Lines over a numeric x axis with a dot (and link) at every point.
 * @example lines([{ label: 'All', cls: '0', points }], { xTitle: 'age', yMax: 1, yFormat: pct })
 */
export function lines(
  data: Line[],
  opts: { xTitle: string; yMax?: number; yFormat: (v: number) => string; xMin?: number; width?: ChartWidth },
): Element {
  const points = data.flatMap((l) => l.points.map((p) => ({ ...p, series: l.label, cls: l.cls })));
  return chart(
    {
      width: widthOf(opts.width),
      height: opts.width === 'small' ? 180 : 230,
      marginLeft: 48,
      x: {
        label: opts.xTitle || null,
        labelAnchor: 'center',
        labelArrow: 'none',
        tickFormat: 'd',
        ...(opts.xMin !== undefined
          ? { domain: [opts.xMin, Math.max(opts.xMin + 1, ...points.map((p) => p.x))] }
          : {}),
      },
      y: {
        label: null,
        grid: true,
        tickFormat: opts.yFormat,
        ...(opts.yMax !== undefined ? { domain: [0, opts.yMax] } : {}),
      },
      marks: [
        Plot.lineY(points, {
          x: 'x',
          y: 'y',
          z: 'series',
          stroke: (d: { cls: string }) => colourOf(d.cls),
          strokeWidth: 1.8,
        }),
        Plot.dot(points, {
          x: 'x',
          y: 'y',
          r: 3,
          fill: (d: { cls: string }) => colourOf(d.cls),
          stroke: '#f5f0e6',
          href: 'href',
          title: (d: LinePoint & { series: string }) => d.tip ?? `${d.series}: ${d.x}, ${opts.yFormat(d.y)}`,
        }),
      ],
    },
    `Lines of ${data.map((l) => l.label).join(', ')} by ${opts.xTitle || 'year'}`,
  );
}
