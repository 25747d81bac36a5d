/**
 * The charts Hailsham draws from ensemble and comparison rows: a histogram, box plots, curves
 * with bands (survival by donation number across seeds) and a forest plot of paired
 * differences. Each takes plain numbers and labels and returns an SVG document as text.
 */
import {
  axisBottom,
  axisLeft,
  circle,
  COLOURS,
  document,
  inner,
  INK,
  legend,
  line,
  linearScale,
  MUTED,
  n2,
  niceTicks,
  polyline,
  quantile,
  rect,
  text,
  textWidth,
  type Frame,
} from './svg.js';

interface Titles {
  title: string;
  subtitle?: string;
  /** A footnote: the data's source, the method. */
  note?: string;
  width?: number;
  height?: number;
}

function frame(t: Titles, margins: Partial<Frame> = {}): Frame {
  return {
    width: t.width ?? 860,
    height: t.height ?? 520,
    left: margins.left ?? 86,
    right: margins.right ?? 32,
    top: margins.top ?? 92,
    bottom: margins.bottom ?? 84,
  };
}

function finite(xs: readonly number[]): number[] {
  return xs.filter((x) => Number.isFinite(x));
}

export interface HistogramOptions extends Titles {
  values: readonly number[];
  xLabel: string;
  yLabel?: string;
  /** About how many bins (default: √n, from 6 to 30). */
  bins?: number;
  colour?: string;
}

/**
 * A histogram of values on nice bin edges, with the mean marked.
 * @example histogram({ values: [27.9, 28.1, 28.4], title: 'Mean age at completion', xLabel: 'years' })
 */
export function histogram(o: HistogramOptions): string {
  const f = frame(o);
  const { x0, x1, y0, y1 } = inner(f);
  const values = finite(o.values);
  const colour = o.colour ?? COLOURS[0];
  if (values.length === 0) {
    return document(
      f,
      o.title,
      o.subtitle ?? '',
      text((x0 + x1) / 2, (y0 + y1) / 2, 'no values', { anchor: 'middle', fill: MUTED }),
      o.note,
    );
  }
  let min = Math.min(...values);
  let max = Math.max(...values);
  const want = o.bins ?? Math.max(8, Math.min(40, Math.round(2 * Math.sqrt(values.length))));
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  let edges = niceTicks(min, max, want);
  // Whole-number data (counts) get whole-number bins, one value per bin at least.
  if (values.every(Number.isInteger) && edges.length > 1 && edges[1]! - edges[0]! < 1) {
    edges = [];
    for (let v = Math.floor(min); v <= Math.ceil(max) + 1; v++) edges.push(v);
  }
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const v of values) {
    let b = 0;
    while (b < counts.length - 1 && v >= edges[b + 1]!) b++;
    counts[b]! += 1;
  }
  const x = linearScale([edges[0]!, edges[edges.length - 1]!], [x0, x1]);
  const yTicks = niceTicks(0, Math.max(...counts), 5);
  const y = linearScale([0, yTicks[yTicks.length - 1]!], [y1, y0]);
  const parts: string[] = [axisLeft(f, y, { ticks: yTicks, label: o.yLabel ?? 'runs (seeds)', grid: true })];
  counts.forEach((c, i) => {
    const a = x(edges[i]!);
    const b = x(edges[i + 1]!);
    parts.push(rect(a + 0.5, y(c), b - a - 1, y1 - y(c), colour, 'fill-opacity="0.8"'));
  });
  const xTicks = niceTicks(edges[0]!, edges[edges.length - 1]!, 8).filter(
    (t) => t >= edges[0]! - 1e-9 && t <= edges[edges.length - 1]! + 1e-9,
  );
  parts.push(axisBottom(f, x, { ticks: xTicks, label: o.xLabel }));
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mx = x(mean);
  parts.push(line(mx, y0 - 14, mx, y1, INK, 1.5, 'stroke-dasharray="5 4"'));
  const label = `mean ${fmtStat(mean)}`;
  const right = mx + 6 + textWidth(label, 12) < x1;
  parts.push(text(right ? mx + 6 : mx - 6, y0 - 6, label, { size: 12, anchor: right ? 'start' : 'end' }));
  const summary = `${values.length.toLocaleString('en-GB')} runs; median ${fmtStat(quantile(sorted, 0.5))}, 95% of runs between ${fmtStat(quantile(sorted, 0.025))} and ${fmtStat(quantile(sorted, 0.975))}`;
  return document(f, o.title, o.subtitle ?? summary, parts.join('\n'), o.note);
}

/** A statistic in a label: up to three significant decimals. */
export function fmtStat(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  const d = Number.isInteger(v) ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
  const s = v.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

export interface BoxSeries {
  label: string;
  colour?: string;
  /** Values per category, in the order of `categories`. */
  values: readonly (readonly number[])[];
}

export interface BoxPlotOptions extends Titles {
  categories: readonly string[];
  series: readonly BoxSeries[];
  xLabel: string;
  yLabel: string;
  /** Format of the y tick labels (e.g. percentages). */
  yFormat?: (v: number) => string;
}

/**
 * Box plots per category (one box per series, side by side): the box spans the quartiles,
 * the line inside is the median, whiskers reach the furthest values within 1.5 IQR, dots
 * beyond are single runs.
 * @example boxPlot({ categories: ['1', '2'], series: [{ label: 'small', values: [[1, 2], [3, 4]] }], … })
 */
export function boxPlot(o: BoxPlotOptions): string {
  const f = frame(o);
  const { x0, x1, y0, y1 } = inner(f);
  const all = o.series.flatMap((s) => s.values.flatMap((v) => finite(v)));
  const yTicks = niceTicks(all.length ? Math.min(...all) : 0, all.length ? Math.max(...all) : 1, 6);
  const y = linearScale([yTicks[0]!, yTicks[yTicks.length - 1]!], [y1, y0]);
  const parts: string[] = [
    axisLeft(f, y, {
      ticks: yTicks,
      label: o.yLabel,
      grid: true,
      ...(o.yFormat ? { format: o.yFormat } : {}),
    }),
  ];
  const nc = o.categories.length;
  const band = (x1 - x0) / Math.max(1, nc);
  const ns = o.series.length;
  const boxW = Math.min(46, (band * 0.7) / ns);
  o.categories.forEach((_, c) => {
    const cx = x0 + band * (c + 0.5);
    o.series.forEach((s, k) => {
      const vals = finite(s.values[c] ?? []).sort((a, b) => a - b);
      if (vals.length === 0) return;
      const colour = s.colour ?? COLOURS[k % COLOURS.length]!;
      const bx = cx + (k - (ns - 1) / 2) * boxW * 1.15;
      const q1 = quantile(vals, 0.25);
      const q2 = quantile(vals, 0.5);
      const q3 = quantile(vals, 0.75);
      const iqr = q3 - q1;
      const lo = vals.find((v) => v >= q1 - 1.5 * iqr)!;
      const hi = [...vals].reverse().find((v) => v <= q3 + 1.5 * iqr)!;
      parts.push(line(bx, y(hi), bx, y(q3), colour, 1.5));
      parts.push(line(bx, y(q1), bx, y(lo), colour, 1.5));
      parts.push(line(bx - boxW * 0.25, y(hi), bx + boxW * 0.25, y(hi), colour, 1.5));
      parts.push(line(bx - boxW * 0.25, y(lo), bx + boxW * 0.25, y(lo), colour, 1.5));
      parts.push(
        rect(
          bx - boxW / 2,
          y(q3),
          boxW,
          Math.max(1, y(q1) - y(q3)),
          colour,
          `fill-opacity="0.25" stroke="${colour}" stroke-width="1.5"`,
        ),
      );
      parts.push(line(bx - boxW / 2, y(q2), bx + boxW / 2, y(q2), colour, 2.5));
      for (const v of vals)
        if (v < lo || v > hi) parts.push(circle(bx, y(v), 2.2, colour, 'fill-opacity="0.6"'));
    });
  });
  // Category labels: thin them out when they would collide.
  const widest = Math.max(...o.categories.map((c) => textWidth(c, 12)));
  const every = Math.max(1, Math.ceil((widest + 8) / band));
  o.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    const cx = x0 + band * (i + 0.5);
    parts.push(line(cx, y1, cx, y1 + 5, MUTED));
    parts.push(text(cx, y1 + 20, c, { size: 12, fill: MUTED, anchor: 'middle' }));
  });
  parts.push(line(x0, y1, x1, y1, MUTED));
  parts.push(text((x0 + x1) / 2, y1 + 44, o.xLabel, { size: 13, anchor: 'middle' }));
  if (ns > 1)
    parts.push(
      legend(
        o.series.map((s, k) => ({
          label: s.label,
          colour: s.colour ?? COLOURS[k % COLOURS.length]!,
          kind: 'box' as const,
        })),
        x1,
        74,
      ),
    );
  return document(f, o.title, o.subtitle ?? '', parts.join('\n'), o.note);
}

/** A point of a curve with its bands (inner: 50%, outer: 95%, say). */
export interface BandPoint {
  x: number;
  mid: number;
  low?: number;
  high?: number;
  innerLow?: number;
  innerHigh?: number;
}

export interface BandSeries {
  label: string;
  colour?: string;
  points: readonly BandPoint[];
}

export interface BandChartOptions extends Titles {
  series: readonly BandSeries[];
  xLabel: string;
  yLabel: string;
  /** Draw steps (a survival curve) rather than straight segments. */
  step?: boolean;
  xTicks?: readonly number[];
  yDomain?: [number, number];
  yFormat?: (v: number) => string;
  /** What the bands are, for the legend (e.g. '95% of seeds'). */
  bandLabel?: string;
  innerBandLabel?: string;
}

function stepPoints(pts: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  pts.forEach((p, i) => {
    if (i > 0) out.push([p[0], pts[i - 1]![1]]);
    out.push(p);
  });
  return out;
}

function bandPath(
  xs: readonly number[],
  lows: readonly number[],
  highs: readonly number[],
  step: boolean,
): string {
  let top: [number, number][] = xs.map((x, i) => [x, highs[i]!]);
  let bottom: [number, number][] = xs.map((x, i) => [x, lows[i]!]);
  if (step) {
    top = stepPoints(top);
    bottom = stepPoints(bottom);
  }
  return `${polyline([...top, ...bottom.reverse()])} Z`;
}

/**
 * Curves with bands: each series' middle line (the median across seeds, say) over shaded bands
 * (the spread across seeds). With `step`, each curve holds its level until the next x, as a
 * survival curve does between donations.
 */
export function bandChart(o: BandChartOptions): string {
  const f = frame(o, { right: 36 });
  const { x0, x1, y0, y1 } = inner(f);
  const xs = o.series.flatMap((s) => s.points.map((p) => p.x));
  const ys = o.series.flatMap((s) => s.points.flatMap((p) => finite([p.mid, p.low ?? NaN, p.high ?? NaN])));
  const xTicks = o.xTicks ?? niceTicks(Math.min(...xs), Math.max(...xs), 8);
  const x = linearScale([xTicks[0]!, xTicks[xTicks.length - 1]!], [x0 + 8, x1 - 8]);
  const yTicks = o.yDomain
    ? niceTicks(o.yDomain[0], o.yDomain[1], 5)
    : niceTicks(Math.min(...ys), Math.max(...ys), 6);
  const y = linearScale([yTicks[0]!, yTicks[yTicks.length - 1]!], [y1, y0]);
  const parts: string[] = [
    axisLeft(f, y, {
      ticks: yTicks,
      label: o.yLabel,
      grid: true,
      ...(o.yFormat ? { format: o.yFormat } : {}),
    }),
    axisBottom(f, x, { ticks: xTicks, label: o.xLabel }),
  ];
  const step = o.step ?? false;
  o.series.forEach((s, k) => {
    const colour = s.colour ?? COLOURS[k % COLOURS.length]!;
    const px = s.points.map((p) => x(p.x));
    // The outer interval lightly, the inner one darker, where every point has them.
    const band = (
      low: (p: (typeof s.points)[number]) => number | undefined,
      high: typeof low,
      opacity: number,
    ) => {
      const lo = s.points.map(low);
      const hi = s.points.map(high);
      if (lo.some((v) => v === undefined) || hi.some((v) => v === undefined)) return;
      const d = bandPath(
        px,
        lo.map((v) => y(v!)),
        hi.map((v) => y(v!)),
        step,
      );
      parts.push(`<path d="${d}" fill="${colour}" fill-opacity="${opacity}"/>`);
    };
    band(
      (p) => p.low,
      (p) => p.high,
      0.14,
    );
    band(
      (p) => p.innerLow,
      (p) => p.innerHigh,
      0.22,
    );
    let pts: [number, number][] = s.points.map((p) => [x(p.x), y(p.mid)]);
    if (step) pts = stepPoints(pts);
    parts.push(
      `<path d="${polyline(pts)}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linejoin="round"/>`,
    );
    for (const p of s.points) parts.push(circle(x(p.x), y(p.mid), 3.5, colour));
  });
  const items: { label: string; colour: string; kind?: 'line' | 'box' }[] = o.series.map((s, k) => ({
    label: s.label,
    colour: s.colour ?? COLOURS[k % COLOURS.length]!,
  }));
  if (o.bandLabel) items.push({ label: o.bandLabel, colour: '#888888', kind: 'box' });
  parts.push(legend(items, x1, 74));
  return document(f, o.title, o.subtitle ?? '', parts.join('\n'), o.note);
}

export interface ForestRow {
  label: string;
  mean: number;
  low: number;
  high: number;
  /** Text shown at the right (e.g. the absolute difference with its interval). */
  detail?: string;
}

export interface ForestOptions extends Titles {
  rows: readonly ForestRow[];
  xLabel: string;
  xFormat?: (v: number) => string;
  /** The axis never reaches beyond ±limit; rows beyond it point off the edge (default: no limit). */
  limit?: number;
}

/**
 * A forest plot: one row per metric, a square at the mean difference, a bar across its
 * interval, and a line at zero (no difference). Differences beyond `limit` end in an arrow at
 * the edge, so one large change does not flatten the rest.
 */
export function forestPlot(o: ForestOptions): string {
  const labelW = Math.max(120, ...o.rows.map((r) => textWidth(r.label, 13))) + 20;
  const detailW = Math.max(0, ...o.rows.map((r) => textWidth(r.detail ?? '', 12))) + 16;
  const rowH = 30;
  const height = o.height ?? 100 + 84 + rowH * Math.max(1, o.rows.length);
  const f = frame(
    { ...o, height, width: o.width ?? 960 },
    { left: 24 + labelW, right: 24 + detailW, top: 100 },
  );
  const { x0, x1, y0, y1 } = inner(f);
  const limit = o.limit ?? Infinity;
  const clip = (v: number) => Math.max(-limit, Math.min(limit, v));
  const vals = o.rows.flatMap((r) => finite([r.mean, r.low, r.high])).map(clip);
  const ticks = niceTicks(Math.min(0, ...vals), Math.max(0, ...vals), 6);
  const x = linearScale([ticks[0]!, ticks[ticks.length - 1]!], [x0, x1]);
  const parts: string[] = [
    axisBottom(f, x, { ticks, label: o.xLabel, grid: true, ...(o.xFormat ? { format: o.xFormat } : {}) }),
  ];
  const colour = COLOURS[1];
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  o.rows.forEach((r, i) => {
    const cy = y0 + rowH * (i + 0.5);
    if (i % 2 === 0) parts.push(rect(24, cy - rowH / 2, f.width - 48, rowH, '#f4f4f4'));
    parts.push(text(x0 - 14, cy + 4, r.label, { size: 13, anchor: 'end' }));
    if (Number.isFinite(r.low) && Number.isFinite(r.high) && r.high >= lo && r.low <= hi) {
      parts.push(line(x(Math.max(lo, r.low)), cy, x(Math.min(hi, r.high)), cy, colour, 2.5));
    }
    if (!Number.isFinite(r.mean)) return;
    if (r.mean > hi || r.mean < lo) {
      // Off the scale: an arrow at the edge pointing on.
      const edge = r.mean > hi ? x(hi) : x(lo);
      const d = r.mean > hi ? 1 : -1;
      parts.push(line(x(0), cy, edge - d * 4, cy, colour, 1.5, 'stroke-dasharray="4 3"'));
      parts.push(
        `<path d="M${n2(edge - d * 10)} ${n2(cy - 7)} L${n2(edge + d * 2)} ${n2(cy)} L${n2(edge - d * 10)} ${n2(cy + 7)} Z" fill="${colour}"/>`,
      );
    } else parts.push(rect(x(r.mean) - 5, cy - 5, 10, 10, colour));
    if (r.detail) parts.push(text(x1 + 16, cy + 4, r.detail, { size: 12, fill: MUTED }));
  });
  parts.push(line(x(0), y0 - 6, x(0), y1, INK, 1.2));
  parts.push(text(x(0), y0 - 12, 'no difference', { size: 11, fill: MUTED, anchor: 'middle' }));
  if (o.rows.length === 0) {
    parts.push(
      text((x0 + x1) / 2, y0 + 24, 'Nothing measured here changed.', { size: 13, anchor: 'middle' }),
    );
  }
  return document(f, o.title, o.subtitle ?? '', parts.join('\n'), o.note);
}
