/// <reference lib="dom" />
/**
 * Charts drawn as inline SVG: a stacked area, bars and lines. Every mark can carry a link (to
 * the people behind it) and a tooltip; axes are quiet rules with old-style figures. Each chart
 * draws in its own coordinate box and scales to the width of its column.
 */
import { fmt, s, type Child } from './dom.js';

export interface Mark {
  href?: string;
  tip?: string;
}

/** Charts are drawn this many units wide unless told; text keeps its size when the column is this many pixels. */
const WIDE = 1000;
const NARROW = 480;
const M = { top: 12, right: 14, bottom: 30, left: 52 };

/** Width of a chart's drawing: `wide` for a full column, otherwise half of one. */
export type ChartWidth = 'wide' | 'narrow' | 'small';
const widthOf = (w: ChartWidth | undefined) => (w === 'wide' ? WIDE : w === 'small' ? 330 : NARROW);

/** Round steps for an axis from 0 to `max`: 1, 2 or 5 times a power of ten. */
export function ticks(max: number, count = 5, whole = false): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const round = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw) ?? raw;
  const step = whole ? Math.max(1, round) : round;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  if (out[out.length - 1]! < max) out.push(out[out.length - 1]! + step);
  return out;
}

function short(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 1)}m`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  return fmt(n);
}

function linked(mark: Mark, ...children: Child[]): SVGElement {
  const g = mark.href ? s('a', { href: mark.href, 'data-tip': mark.tip }) : s('g', { 'data-tip': mark.tip });
  for (const c of children) if (c instanceof Node) g.appendChild(c);
  return g;
}

function yAxis(
  W: number,
  top: number,
  height: number,
  max: number,
  format: (v: number) => string,
): SVGElement {
  const g = s('g', { class: 'axis' });
  for (const t of ticks(max, 4)) {
    const y = top + height - (t / max) * height;
    if (y < top - 0.5) continue;
    g.appendChild(s('line', { class: 'gridline', x1: M.left, x2: W - M.right, y1: y, y2: y }));
    g.appendChild(s('text', { x: M.left - 8, y: y + 4, 'text-anchor': 'end' }, format(t)));
  }
  return g;
}

export interface AreaSeries {
  x: string;
  values: Record<string, number>;
}

/**
 * A stacked area of several series over time, each band of each year a link.
 * @example stackedArea(rows, ['student', 'resident'], (key, x) => ({ href: `/people?phase=${key}&on=${x}` }))
 */
export function stackedArea(
  rows: AreaSeries[],
  keys: string[],
  mark: (key: string, row: AreaSeries) => Mark,
  label: (row: AreaSeries) => string,
  width: ChartWidth = 'wide',
  /** The top of the scale, when charts side by side share one. */
  yMax?: number,
): SVGSVGElement {
  const W = widthOf(width);
  const H = Math.round(W * (width === 'wide' ? 0.32 : 0.5));
  const ih = H - M.top - M.bottom;
  const iw = W - M.left - M.right;
  const totals = rows.map((r) => keys.reduce((a, k) => a + (r.values[k] ?? 0), 0));
  const max = Math.max(1, yMax ?? 0, ...totals);
  const top = ticks(max, 4).at(-1)!;
  const x = (i: number) => M.left + (rows.length <= 1 ? iw / 2 : (i / (rows.length - 1)) * iw);
  const y = (v: number) => M.top + ih - (v / top) * ih;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img' });
  svg.appendChild(yAxis(W, M.top, ih, top, short));
  const lower = rows.map(() => 0);
  const bands: { key: string; lo: number[]; hi: number[] }[] = [];
  for (const key of keys) {
    const lo = [...lower];
    const hi = rows.map((r, i) => (lower[i] = lo[i]! + (r.values[key] ?? 0)));
    bands.push({ key, lo, hi });
    const d =
      rows.map((_, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(hi[i]!).toFixed(1)}`).join('') +
      rows
        .map((_, j) => {
          const i = rows.length - 1 - j;
          return `L${x(i).toFixed(1)} ${y(lo[i]!).toFixed(1)}`;
        })
        .join('') +
      'Z';
    svg.appendChild(s('path', { d, class: `fill-${key}` }));
  }
  // Hot zones: one per band per year, so every point of every band leads to its people.
  const dx = rows.length > 1 ? iw / (rows.length - 1) : iw;
  const hot = s('g');
  for (const b of bands) {
    rows.forEach((r, i) => {
      const h = y(b.lo[i]!) - y(b.hi[i]!);
      if (h < 0.5) return;
      hot.appendChild(
        linked(
          mark(b.key, r),
          s('rect', { class: 'hot', x: x(i) - dx / 2, y: y(b.hi[i]!), width: dx, height: h }),
        ),
      );
    });
  }
  svg.appendChild(hot);
  const axis = s('g', { class: 'axis' });
  axis.appendChild(s('line', { x1: M.left, x2: W - M.right, y1: M.top + ih, y2: M.top + ih }));
  // Years are labelled at round decades (or five-year marks on a short run).
  const round = rows.length > 24 ? 10 : 5;
  rows.forEach((r, i) => {
    const text = label(r);
    const year = Number(text);
    const show = Number.isFinite(year) ? year % round === 0 : i % Math.ceil(rows.length / 8) === 0;
    if (!show) return;
    axis.appendChild(s('line', { x1: x(i), x2: x(i), y1: M.top + ih, y2: M.top + ih + 4 }));
    axis.appendChild(s('text', { x: x(i), y: H - 10, 'text-anchor': 'middle' }, text));
  });
  svg.appendChild(axis);
  return svg;
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
): SVGSVGElement {
  const W = widthOf(opts.width);
  const H = opts.height ?? 230;
  const ih = H - M.top - M.bottom - 8;
  const iw = W - M.left - M.right;
  const max = Math.max(1, opts.yMax ?? 0, ...data.map((d) => d.value));
  const top = ticks(max, 4).at(-1)!;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img' });
  svg.appendChild(yAxis(W, M.top + 8, ih, top, short));
  const band = iw / Math.max(1, data.length);
  const gap = Math.min(band * 0.28, 14);
  const showValues = opts.values ?? data.length <= 12;
  data.forEach((d, i) => {
    const bh = (d.value / top) * ih;
    const x0 = M.left + i * band + gap / 2;
    const y0 = M.top + 8 + ih - bh;
    const g = linked(
      d,
      s('rect', { class: 'hot', x: M.left + i * band, y: M.top, width: band, height: ih + 8 }),
      s('rect', {
        class: `bar ${d.cls ?? 'fill-0'}`,
        x: x0,
        y: y0,
        width: band - gap,
        height: Math.max(bh, d.value > 0 ? 1 : 0),
      }),
      showValues
        ? s(
            'text',
            { class: 'value', x: x0 + (band - gap) / 2, y: y0 - 4, 'text-anchor': 'middle' },
            short(d.value),
          )
        : null,
    );
    svg.appendChild(g);
    // Numeric labels (years) at round values, others spaced to fit about ten.
    const every = Math.max(1, Math.ceil(data.length / (W / 48)));
    const n = Number(d.label);
    const step = every <= 1 ? 1 : every <= 2 ? 2 : every <= 5 ? 5 : 10;
    if (Number.isInteger(n) && data.length > 1 ? n % step === 0 : i % every === 0)
      svg.appendChild(s('text', { x: x0 + (band - gap) / 2, y: H - 14, 'text-anchor': 'middle' }, d.label));
  });
  svg.appendChild(s('text', { x: M.left + iw / 2, y: H, 'text-anchor': 'middle' }, xTitle));
  return svg;
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
): SVGSVGElement {
  const W = widthOf(opts.width);
  const H = opts.width === 'small' ? 180 : 230;
  const ih = H - M.top - M.bottom - 6;
  const iw = W - M.left - M.right;
  const all = data.flatMap((l) => l.points);
  const xMin = opts.xMin ?? Math.min(...all.map((p) => p.x));
  const xMax = Math.max(xMin + 1, ...all.map((p) => p.x));
  const yMax = opts.yMax ?? ticks(Math.max(1, ...all.map((p) => p.y)), 4, true).at(-1)!;
  const x = (v: number) => M.left + ((v - xMin) / (xMax - xMin)) * iw;
  const y = (v: number) => M.top + ih - (v / yMax) * ih;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img' });
  const g = s('g', { class: 'axis' });
  // A given maximum (a share) is split in quarters; a count gets round steps.
  const marks = opts.yMax !== undefined ? [0, 1, 2, 3, 4].map((i) => (yMax * i) / 4) : ticks(yMax, 4, true);
  for (const v of marks) {
    g.appendChild(s('line', { class: 'gridline', x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }));
    g.appendChild(s('text', { x: M.left - 8, y: y(v) + 4, 'text-anchor': 'end' }, opts.yFormat(v)));
  }
  const step = ticks(xMax - xMin, W < 400 ? 4 : 8)[1] ?? 1;
  for (let v = Math.ceil(xMin / step) * step; v <= xMax; v += step)
    g.appendChild(s('text', { x: x(v), y: H - 16, 'text-anchor': 'middle' }, String(v)));
  g.appendChild(s('text', { x: M.left + iw / 2, y: H - 1, 'text-anchor': 'middle' }, opts.xTitle));
  svg.appendChild(g);
  for (const l of data) {
    const d = l.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.x).toFixed(1)} ${y(p.y).toFixed(1)}`).join('');
    svg.appendChild(s('path', { d, class: `line stroke-${l.cls}` }));
  }
  for (const l of data)
    for (const p of l.points)
      svg.appendChild(linked(p, s('circle', { class: `dot fill-${l.cls}`, cx: x(p.x), cy: y(p.y), r: 3.2 })));
  return svg;
}
