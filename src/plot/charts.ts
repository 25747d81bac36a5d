/**
 * The charts Hailsham draws from ensemble and comparison rows: a histogram, box plots, curves
 * with bands (survival by donation number across seeds) and a forest plot of paired
 * differences. Each takes plain numbers and labels, has Observable Plot draw the scales, axes
 * and marks, and returns an SVG document as text.
 */
import { COLOURS, document, INK, legend, MUTED, Plot, plotSvg, quantile, textWidth } from './svg.js';

interface Titles {
  title: string;
  subtitle?: string;
  /** A footnote: the data's source, the method. */
  note?: string;
  width?: number;
  height?: number;
}

/** Space above Plot's drawing for the title, subtitle and legend, and below it for the footnote. */
const TOP = 82;
const BOTTOM = 30;

/** The page's frame and the size and outer margins of Plot's drawing within it. */
function layout(t: Titles, width = 860, height = 520) {
  const w = t.width ?? width;
  const h = t.height ?? height;
  return {
    frame: { width: w, height: h, top: TOP, bottom: BOTTOM },
    plot: {
      width: w,
      height: h - TOP - BOTTOM,
      marginLeft: 86,
      marginRight: 32,
      marginTop: 10,
      marginBottom: 52,
    },
  };
}

/** An axis title under the axis or beside it, centred, without Plot's arrow. */
const axisTitle = (label: string | null) =>
  ({ label, labelAnchor: 'center', labelArrow: 'none', labelOffset: 40 }) as const;

function finite(xs: readonly number[]): number[] {
  return xs.filter((x) => Number.isFinite(x));
}

export interface HistogramOptions extends Titles {
  values: readonly number[];
  xLabel: string;
  yLabel?: string;
  /** About how many bins (default: 2√n, from 8 to 40). */
  bins?: number;
  colour?: string;
}

/**
 * A histogram of values on nice bin edges, with the mean marked.
 * @example histogram({ values: [27.9, 28.1, 28.4], title: 'Mean age at completion', xLabel: 'years' })
 */
export function histogram(o: HistogramOptions): string {
  const { frame, plot } = layout(o);
  const values = finite(o.values);
  const colour = o.colour ?? COLOURS[0];
  if (values.length === 0) {
    const body = plotSvg(
      {
        ...plot,
        x: { axis: null },
        y: { axis: null },
        marks: [Plot.text(['no values'], { frameAnchor: 'middle', fill: MUTED })],
      },
      TOP,
    );
    return document(frame, o.title, o.subtitle ?? '', body, o.note);
  }
  const want = o.bins ?? Math.max(8, Math.min(40, Math.round(2 * Math.sqrt(values.length))));
  const min = Math.min(...values);
  const max = Math.max(...values);
  // Whole-number data (counts) get whole-number bins, so no bin falls between two counts.
  const whole = values.every(Number.isInteger) && max - min < want * 2;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const label = `mean ${fmtStat(mean)}`;
  // The mean's label goes right of its line unless that would run off the chart.
  const right =
    max === min || (mean - min) / (max - min) < 1 - (textWidth(label, 12) + 12) / (plot.width - 118);
  const sorted = [...values].sort((a, b) => a - b);
  const body = plotSvg(
    {
      ...plot,
      marginTop: 24,
      x: { ...axisTitle(o.xLabel), ...(min === max ? { domain: [min - 0.5, max + 0.5] } : {}) },
      marks: [
        // Counts of runs: whole-number ticks only.
        Plot.gridY({ ticks: 5, filter: Number.isInteger }),
        Plot.axisY({
          ticks: 5,
          filter: Number.isInteger,
          tickFormat: 'd',
          ...axisTitle(o.yLabel ?? 'runs (seeds)'),
          labelOffset: 56,
        }),
        Plot.rectY(
          values,
          Plot.binX<Plot.RectYOptions>(
            { y: 'count' },
            {
              x: (v: number) => v,
              fill: colour,
              fillOpacity: 0.8,
              inset: 0.5,
              ...(whole ? { interval: 1 } : { thresholds: want }),
            },
          ),
        ),
        Plot.ruleY([0], { stroke: MUTED }),
        Plot.ruleX([mean], { stroke: INK, strokeWidth: 1.5, strokeDasharray: '5 4', insetTop: -14 }),
        Plot.text([label], {
          x: () => mean,
          text: (d: string) => d,
          frameAnchor: 'top',
          dy: -12,
          dx: right ? 6 : -6,
          textAnchor: right ? 'start' : 'end',
          fill: INK,
        }),
      ],
    },
    TOP,
  );
  const summary = `${values.length.toLocaleString('en-GB')} runs; median ${fmtStat(quantile(sorted, 0.5))}, 95% of runs between ${fmtStat(quantile(sorted, 0.025))} and ${fmtStat(quantile(sorted, 0.975))}`;
  return document(frame, o.title, o.subtitle ?? summary, body, o.note);
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

const colourOf = (s: { colour?: string }, k: number) => s.colour ?? COLOURS[k % COLOURS.length]!;

/**
 * Box plots per category (one box per series, side by side): the box spans the quartiles,
 * the line inside is the median, whiskers reach the furthest values within 1.5 IQR, dots
 * beyond are single runs.
 * @example boxPlot({ categories: ['1', '2'], series: [{ label: 'small', values: [[1, 2], [3, 4]] }], … })
 */
export function boxPlot(o: BoxPlotOptions): string {
  const { frame, plot } = layout(o);
  const data = o.series.flatMap((s) =>
    o.categories.flatMap((category, c) =>
      finite(s.values[c] ?? []).map((value) => ({ category, series: s.label, value })),
    ),
  );
  const labels = o.series.map((s) => s.label);
  // Category labels: thin them out when they would collide.
  const band = (plot.width - plot.marginLeft - plot.marginRight) / Math.max(1, o.categories.length);
  const widest = Math.max(0, ...o.categories.map((c) => textWidth(c, 12)));
  const every = Math.max(1, Math.ceil((widest + 8) / band));
  const categoryAxis = {
    ...axisTitle(o.xLabel),
    domain: [...o.categories],
    tickFormat: (v: string, i: number) => (i % every === 0 ? v : ''),
  };
  const side = o.series.length > 1;
  const body = plotSvg(
    {
      ...plot,
      ...(side
        ? { fx: { ...categoryAxis, padding: 0.15 }, x: { axis: null, domain: labels, padding: 0.1 } }
        : { x: { ...categoryAxis, padding: 0.3 } }),
      y: {
        ...axisTitle(o.yLabel),
        labelOffset: 56,
        grid: true,
        nice: true,
        ...(o.yFormat ? { tickFormat: o.yFormat } : {}),
      },
      color: { domain: labels, range: o.series.map(colourOf) },
      marks: [
        Plot.boxY(data, {
          ...(side ? { fx: 'category', x: 'series' } : { x: 'category' }),
          y: 'value',
          fill: 'series',
          fillOpacity: 0.25,
          stroke: 'series',
          strokeWidth: 1.5,
          r: 2.2,
        }),
        Plot.frame({ anchor: 'bottom', stroke: MUTED }),
      ],
    },
    TOP,
  );
  const key = side
    ? legend(
        o.series.map((s, k) => ({ label: s.label, colour: colourOf(s, k), kind: 'box' as const })),
        frame.width - plot.marginRight,
        74,
      )
    : '';
  return document(frame, o.title, o.subtitle ?? '', `${body}\n${key}`.trim(), o.note);
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

/**
 * Curves with bands: each series' middle line (the median across seeds, say) over shaded bands
 * (the spread across seeds). With `step`, each curve holds its level until the next x, as a
 * survival curve does between donations.
 */
export function bandChart(o: BandChartOptions): string {
  const { frame, plot } = layout(o);
  const curve = o.step ? 'step-after' : 'linear';
  const marks: Plot.Markish[] = [];
  o.series.forEach((s, k) => {
    const colour = colourOf(s, k);
    // The outer interval lightly, the inner one darker, where every point has them.
    const band = (low: keyof BandPoint, high: keyof BandPoint, opacity: number) => {
      if (s.points.some((p) => p[low] === undefined || p[high] === undefined)) return;
      marks.push(
        Plot.areaY(s.points, { x: 'x', y1: low, y2: high, fill: colour, fillOpacity: opacity, curve }),
      );
    };
    band('low', 'high', 0.14);
    band('innerLow', 'innerHigh', 0.22);
    marks.push(Plot.lineY(s.points, { x: 'x', y: 'mid', stroke: colour, strokeWidth: 2.5, curve }));
    marks.push(Plot.dot(s.points, { x: 'x', y: 'mid', r: 3.5, fill: colour }));
  });
  const xs = o.xTicks ?? [];
  const body = plotSvg(
    {
      ...plot,
      x: {
        ...axisTitle(o.xLabel),
        inset: 8,
        ...(xs.length
          ? { ticks: [...xs], domain: [xs[0]!, xs[xs.length - 1]!], tickFormat: 'd' }
          : { nice: true }),
      },
      y: {
        ...axisTitle(o.yLabel),
        labelOffset: 56,
        grid: true,
        nice: true,
        ticks: 5,
        ...(o.yDomain ? { domain: o.yDomain } : {}),
        ...(o.yFormat ? { tickFormat: o.yFormat } : {}),
      },
      marks,
    },
    TOP,
  );
  const items: { label: string; colour: string; kind?: 'line' | 'box' }[] = o.series.map((s, k) => ({
    label: s.label,
    colour: colourOf(s, k),
  }));
  if (o.bandLabel) items.push({ label: o.bandLabel, colour: '#888888', kind: 'box' });
  const key = legend(items, frame.width - plot.marginRight, 74);
  return document(frame, o.title, o.subtitle ?? '', `${body}\n${key}`, o.note);
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
  const labelW = Math.max(120, ...o.rows.map((r) => textWidth(r.label, 12))) + 20;
  const detailW = Math.max(0, ...o.rows.map((r) => textWidth(r.detail ?? '', 12))) + 16;
  const rowH = 30;
  const { frame, plot } = layout(o, 960, TOP + BOTTOM + 76 + rowH * Math.max(1, o.rows.length));
  const limit = o.limit ?? Infinity;
  const clip = (v: number) => Math.max(-limit, Math.min(limit, v));
  const vals = o.rows.flatMap((r) => finite([r.mean, r.low, r.high])).map(clip);
  const [lo, hi] = Plot.scale({
    x: { domain: [Math.min(0, ...vals), Math.max(0, ...vals, 1e-9)], nice: true },
  }).domain as [number, number];
  const colour = COLOURS[1];
  const labels = o.rows.length ? o.rows.map((r) => r.label) : [''];
  const spans = o.rows.filter(
    (r) => Number.isFinite(r.low) && Number.isFinite(r.high) && r.high >= lo && r.low <= hi,
  );
  const shown = o.rows.filter((r) => Number.isFinite(r.mean));
  const onScale = shown.filter((r) => r.mean >= lo && r.mean <= hi);
  // Off the scale: a dashed line from zero and an arrow at the edge pointing on.
  const off = shown.filter((r) => r.mean < lo || r.mean > hi);
  const edge = (r: ForestRow) => (r.mean > hi ? hi : lo);
  const body = plotSvg(
    {
      ...plot,
      marginLeft: 24 + labelW,
      marginRight: 24 + detailW,
      marginTop: 24,
      x: { ...axisTitle(o.xLabel), domain: [lo, hi], ...(o.xFormat ? { tickFormat: o.xFormat } : {}) },
      // The rows' labels are a mark drawn over the stripes, not an axis beneath them.
      y: { domain: labels, axis: null, padding: 0 },
      marks: [
        Plot.barX(
          o.rows.filter((_, i) => i % 2 === 0),
          { y: 'label', x1: lo, x2: hi, fill: '#f4f4f4', insetLeft: -labelW, insetRight: -detailW },
        ),
        Plot.gridX(),
        Plot.text(o.rows, {
          y: 'label',
          text: 'label',
          frameAnchor: 'left',
          dx: -14,
          textAnchor: 'end',
          fill: INK,
          fontSize: 13,
        }),
        Plot.ruleX([0], { stroke: INK, strokeWidth: 1.2, insetTop: -6 }),
        Plot.text(['no difference'], { x: 0, frameAnchor: 'top', dy: -12, fill: MUTED, fontSize: 11 }),
        Plot.ruleY(spans, {
          y: 'label',
          x1: (r: ForestRow) => Math.max(lo, r.low),
          x2: (r: ForestRow) => Math.min(hi, r.high),
          stroke: colour,
          strokeWidth: 2.5,
        }),
        Plot.dot(onScale, { x: 'mean', y: 'label', symbol: 'square', r: 5, fill: colour }),
        Plot.ruleY(off, {
          y: 'label',
          x1: 0,
          x2: edge,
          stroke: colour,
          strokeWidth: 1.5,
          strokeDasharray: '4 3',
        }),
        Plot.dot(off, {
          x: edge,
          y: 'label',
          symbol: 'triangle2',
          rotate: (r: ForestRow) => (r.mean > hi ? 90 : -90),
          r: 7,
          fill: colour,
        }),
        Plot.text(
          o.rows.filter((r) => r.detail),
          { y: 'label', x: () => hi, text: 'detail', dx: 16, textAnchor: 'start', fill: MUTED },
        ),
        o.rows.length === 0
          ? Plot.text(['Nothing measured here changed.'], { frameAnchor: 'middle', fontSize: 13, fill: INK })
          : null,
      ],
    },
    TOP,
  );
  return document(frame, o.title, o.subtitle ?? '', body, o.note);
}
