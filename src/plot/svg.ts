/**
 * Chart primitives: scales, nice ticks, axes, titles and legends, each a pure function
 * returning SVG text. Coordinates are printed with at most two decimals and nothing depends on
 * the clock or the host, so the same data always gives the same bytes.
 */

/** Fonts tried in order; DejaVu Sans and Liberation Sans ship with most Linux systems. */
export const FONT = "'DejaVu Sans', 'Liberation Sans', Helvetica, Arial, sans-serif";

/** Colour-blind-safe colours (Okabe and Ito): base, what-if, then others. */
export const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

export const INK = '#222222';
export const MUTED = '#666666';
export const GRID = '#e4e4e4';

/** Escapes text for SVG content and attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate with at most two decimals, and no '-0'. */
export function n2(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Rough width of text in DejaVu Sans at a size (its glyphs average about 0.6 em). */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.6;
}

/** A linear map from a data domain to a pixel range. */
export interface Scale {
  (x: number): number;
  domain: [number, number];
  range: [number, number];
}

/**
 * Makes a linear scale.
 * @example linearScale([0, 10], [50, 550])(5) // 300
 */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = ((x: number) => r0 + (x - d0) * k) as Scale;
  f.domain = domain;
  f.range = range;
  return f;
}

/** The step of nice ticks (1, 2 or 5 times a power of ten) for about `count` ticks. */
export function tickStep(min: number, max: number, count: number): number {
  const span = Math.abs(max - min) || Math.abs(max) || 1;
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/**
 * Nice tick values covering [min, max].
 * @example niceTicks(0, 97, 5) // [0, 20, 40, 60, 80, 100]
 */
export function niceTicks(min: number, max: number, count = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const step = tickStep(min, max, count);
  const start = Math.floor(min / step + 1e-9) * step;
  const out: number[] = [];
  for (let v = start; v <= max + step * 0.5 + 1e-9 && out.length < 100; v += step) {
    out.push(Math.round(v / step) * step);
  }
  if (out.length && out[out.length - 1]! < max - 1e-9) out.push(out[out.length - 1]! + step);
  return out.map((v) => Number(v.toPrecision(12)));
}

/** Formats a tick value: grouped thousands, decimals only where the step needs them. */
export function tickFormat(ticks: readonly number[]): (v: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  let decimals = 0;
  while (decimals < 6 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-6)
    decimals++;
  return (v: number) => {
    const s = v.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    return s.startsWith('-') ? `−${s.slice(1)}` : s;
  };
}

/** The plot area inside a chart's margins. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The inner box of a frame: x0..x1 left to right, y0..y1 top to bottom. */
export function inner(f: Frame): { x0: number; x1: number; y0: number; y1: number } {
  return { x0: f.left, x1: f.width - f.right, y0: f.top, y1: f.height - f.bottom };
}

/** Attributes for text. */
function textAttrs(
  size: number,
  fill: string,
  anchor: 'start' | 'middle' | 'end',
  weight = 'normal',
): string {
  return `font-size="${size}" fill="${fill}" text-anchor="${anchor}"${weight !== 'normal' ? ` font-weight="${weight}"` : ''}`;
}

/** A text element. */
export function text(
  x: number,
  y: number,
  content: string,
  opts: {
    size?: number;
    fill?: string;
    anchor?: 'start' | 'middle' | 'end';
    weight?: string;
    rotate?: number;
  } = {},
): string {
  const size = opts.size ?? 13;
  const t = opts.rotate ? ` transform="rotate(${opts.rotate} ${n2(x)} ${n2(y)})"` : '';
  return `<text x="${n2(x)}" y="${n2(y)}" ${textAttrs(size, opts.fill ?? INK, opts.anchor ?? 'start', opts.weight)}${t}>${esc(content)}</text>`;
}

export function line(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  stroke: string,
  width = 1,
  extra = '',
): string {
  return `<line x1="${n2(x1)}" y1="${n2(y1)}" x2="${n2(x2)}" y2="${n2(y2)}" stroke="${stroke}" stroke-width="${width}"${extra ? ` ${extra}` : ''}/>`;
}

export function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${n2(x)}" y="${n2(y)}" width="${n2(Math.max(0, w))}" height="${n2(Math.max(0, h))}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

export function circle(cx: number, cy: number, r: number, fill: string, extra = ''): string {
  return `<circle cx="${n2(cx)}" cy="${n2(cy)}" r="${n2(r)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

/** A path through points ('M x y L x y …'). */
export function polyline(points: readonly [number, number][]): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${n2(x)} ${n2(y)}`).join(' ');
}

export interface AxisOptions {
  ticks: readonly number[];
  label: string;
  format?: (v: number) => string;
  /** Draw grid lines across the plot at each tick. */
  grid?: boolean;
  /** Tick labels for categories instead of numbers (same length as ticks). */
  labels?: readonly string[];
}

/** A bottom axis: baseline, ticks, tick labels and the axis title. */
export function axisBottom(f: Frame, x: Scale, o: AxisOptions): string {
  const { y0, y1, x0, x1 } = inner(f);
  const fmt = o.format ?? tickFormat(o.ticks);
  const parts: string[] = [];
  o.ticks.forEach((t, i) => {
    const px = x(t);
    if (o.grid) parts.push(line(px, y0, px, y1, GRID));
    parts.push(line(px, y1, px, y1 + 5, MUTED));
    parts.push(text(px, y1 + 20, o.labels?.[i] ?? fmt(t), { size: 12, fill: MUTED, anchor: 'middle' }));
  });
  parts.push(line(x0, y1, x1, y1, MUTED));
  parts.push(text((x0 + x1) / 2, y1 + 44, o.label, { size: 13, anchor: 'middle' }));
  return parts.join('\n');
}

/** A left axis: ticks, tick labels, optional grid and the axis title (rotated). */
export function axisLeft(f: Frame, y: Scale, o: AxisOptions): string {
  const { x0, x1, y0, y1 } = inner(f);
  const fmt = o.format ?? tickFormat(o.ticks);
  const parts: string[] = [];
  let widest = 0;
  o.ticks.forEach((t, i) => {
    const py = y(t);
    if (o.grid) parts.push(line(x0, py, x1, py, GRID));
    parts.push(line(x0 - 5, py, x0, py, MUTED));
    const label = o.labels?.[i] ?? fmt(t);
    widest = Math.max(widest, textWidth(label, 12));
    parts.push(text(x0 - 9, py + 4, label, { size: 12, fill: MUTED, anchor: 'end' }));
  });
  parts.push(line(x0, y0, x0, y1, MUTED));
  const lx = x0 - 9 - widest - 14;
  parts.push(text(lx, (y0 + y1) / 2, o.label, { size: 13, anchor: 'middle', rotate: -90 }));
  return parts.join('\n');
}

/** A legend of coloured swatches in a row, right-aligned at (x, y). */
export function legend(
  items: readonly { label: string; colour: string; kind?: 'line' | 'box' }[],
  x: number,
  y: number,
): string {
  const parts: string[] = [];
  let cx = x;
  for (const it of [...items].reverse()) {
    const w = textWidth(it.label, 12);
    cx -= w;
    parts.push(text(cx, y + 4, it.label, { size: 12, fill: INK }));
    cx -= 22;
    parts.push(
      it.kind === 'box'
        ? rect(cx, y - 6, 16, 12, it.colour, 'fill-opacity="0.35"')
        : line(cx, y, cx + 16, y, it.colour, 3),
    );
    cx -= 18;
  }
  return parts.join('\n');
}

/**
 * Splits text into lines of at most `width` pixels at `size` (by the rough width above),
 * breaking between words.
 * @example wrap('a long footnote …', 800, 11)
 */
export function wrap(content: string, width: number, size: number): string[] {
  const max = Math.max(10, Math.floor(width / (size * 0.6)));
  const lines: string[] = [];
  let cur = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + word.length > max) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}

/**
 * A whole chart: white background, title, subtitle, the body, and a footnote. Subtitle and
 * footnote wrap to the chart's width; the chart grows downwards for a footnote of several lines.
 */
export function document(f: Frame, title: string, subtitle: string, body: string, note = ''): string {
  const subs = subtitle ? wrap(subtitle, f.width - 48, 13) : [];
  const notes = note ? wrap(note, f.width - 48, 11) : [];
  const height = f.height + Math.max(0, notes.length - 1) * 14;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${height}" viewBox="0 0 ${f.width} ${height}" font-family="${esc(FONT)}">`,
    `<title>${esc(title)}</title>`,
    rect(0, 0, f.width, height, '#ffffff'),
    text(24, 32, title, { size: 18, weight: 'bold' }),
    // A second subtitle line sits in the gap above the plot; charts leave room for two.
    ...subs.slice(0, 2).map((l, i) => text(24, 54 + i * 16, l, { size: 13, fill: MUTED })),
    body,
    ...notes.map((l, i) => text(24, f.height - 12 + i * 14, l, { size: 11, fill: MUTED })),
    '</svg>',
    '',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

/** The q-quantile of ascending numbers (linear interpolation, as R's type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}
