/**
 * The frame of every chart and the bridge to Observable Plot. Plot draws the axes, scales and
 * marks in Node with linkedom as its DOM; this module places that drawing inside a white page
 * with a title, a subtitle, a legend and a footnote, and prints it with two decimals at most,
 * so the same data always gives the same bytes whatever the clock or the host.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export { Plot };

/** Fonts tried in order; DejaVu Sans and Liberation Sans ship with most Linux systems. */
export const FONT = "'DejaVu Sans', 'Liberation Sans', Helvetica, Arial, sans-serif";

/** Colour-blind-safe colours (Okabe and Ito): base, what-if, then others. */
export const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

export const INK = '#222222';
export const MUTED = '#666666';

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

/** Where Plot's drawing sits on the page: its offset from the top, and the page's size. */
export interface Frame {
  width: number;
  height: number;
  /** The height of the title and subtitle above Plot's drawing. */
  top: number;
  /** The height of the footnote below it. */
  bottom: number;
}

/** The little of the DOM this module uses on Plot's output (the build has no DOM types). */
interface PlotElement {
  querySelectorAll(selector: string): Iterable<{ remove(): void }>;
  removeAttribute(name: string): void;
  setAttribute(name: string, value: string): void;
  readonly outerHTML: string;
}

/**
 * Draws with Plot in Node and returns the SVG element's markup, ready to nest in a page at
 * (0, y). Plot's style sheet goes (resvg reads presentation attributes, and the page sets the
 * font), its class is fixed so the output does not vary, and long decimals in attributes are
 * cut to two.
 */
export function plotSvg(options: Plot.PlotOptions, y: number): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, className: 'plot', document }) as unknown as PlotElement;
  for (const style of svg.querySelectorAll('style')) style.remove();
  svg.removeAttribute('class');
  svg.setAttribute('y', String(y));
  svg.setAttribute('font-family', FONT);
  svg.setAttribute('font-size', '12');
  // Plot paints with currentColor; resvg takes it from `color`.
  svg.setAttribute('color', MUTED);
  return svg.outerHTML.replace(/="([^"]*)"/g, (_: string, v: string) =>
    /\d\.\d{3,}/.test(v) ? `="${v.replace(/-?\d+\.\d{3,}/g, (m) => n2(Number(m)))}"` : `="${v}"`,
  );
}

/** A text element of the page around a chart. */
function text(x: number, y: number, content: string, size: number, fill: string, extra: string = ''): string {
  return `<text x="${n2(x)}" y="${n2(y)}" font-size="${size}" fill="${fill}"${extra}>${esc(content)}</text>`;
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
    cx -= textWidth(it.label, 12);
    parts.push(text(cx, y + 4, it.label, 12, INK));
    cx -= 22;
    parts.push(
      it.kind === 'box'
        ? `<rect x="${n2(cx)}" y="${n2(y - 6)}" width="16" height="12" fill="${it.colour}" fill-opacity="0.35"/>`
        : `<line x1="${n2(cx)}" y1="${n2(y)}" x2="${n2(cx + 16)}" y2="${n2(y)}" stroke="${it.colour}" stroke-width="3"/>`,
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
    `<rect x="0" y="0" width="${f.width}" height="${height}" fill="#ffffff"/>`,
    text(24, 32, title, 18, INK, ' font-weight="bold"'),
    // A second subtitle line sits in the gap above the plot; charts leave room for two.
    ...subs.slice(0, 2).map((l, i) => text(24, 54 + i * 16, l, 13, MUTED)),
    body,
    ...notes.map((l, i) => text(24, f.height - 12 + i * 14, l, 11, MUTED)),
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
