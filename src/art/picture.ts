/**
 * The core of the artwork renderer: the spec of a student's work, the "hand" that its maker's
 * qualities give (how steady the line is, how heavy, how naive), and a small sketching surface
 * that turns geometry into hand-drawn SVG: wobbly pencil and ink lines, hatching, crayon
 * scribble, washes, and the sheet of paper everything sits on. Every mark draws from one seeded
 * stream, and every number is written to one decimal, so a spec always yields the same bytes.
 */

import { Stream, hashString } from '../engine/random.js';

export { ART_STYLES, type ArtMedium, type ArtStyle } from '../world/school/media.js';
import type { ArtMedium, ArtStyle } from '../world/school/media.js';

/** A student's work as the simulation records it: enough to draw it again, identically. */
export interface ArtworkSpec {
  /** Work id: with the seed, the identity of the picture. */
  id: number;
  /** World seed. */
  seed: number;
  medium: ArtMedium;
  /** Ignored for poems. */
  style: ArtStyle;
  /** 0..1: steadiness of line, proportion, finish. */
  skill: number;
  /** 0..1: unexpected composition, colour, invention. */
  originality: number;
  /** 0..1: calm (0) .. stormy (1): line energy, contrast, agitation. */
  temperament: number;
  /** 0..360: the maker's favourite colour. */
  hue: number;
  /** Years; younger makers draw more naively. */
  makerAge: number;
  /** Shown small under the work. */
  title: string;
  /** Shown as a signature, e.g. "Tommy D.". */
  maker: string;
}

/** A point in the picture's coordinates. */
export type Pt = readonly [number, number];

/** The side of the square viewBox every work is drawn in, whatever size it is shown at. */
export const VIEW = 480;

/** The area inside the paper's margins where the picture itself goes; the caption sits below. */
export const FRAME = { x: 30, y: 28, w: 420, h: 384 } as const;

/** Handwriting fonts, best first; resvg and bare systems fall back to an italic serif. */
export const HAND_FONT = "'Segoe Print','Bradley Hand','Comic Sans MS','Chalkboard SE',cursive";
/** A plain serif for printed captions. */
export const SERIF_FONT = "Georgia,'DejaVu Serif',serif";

// ---------------------------------------------------------------------------------------------
// Numbers, colours, geometry

/**
 * A number rounded to one decimal, as written into the SVG.
 * @example fmt(12.345) // '12.3'
 */
export function fmt(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r === 0 ? '0' : String(r);
}

/**
 * Clamps to [0, 1].
 * @example clamp01(1.2) // 1
 */
export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * Clamps to [lo, hi].
 * @example clamp(7, 0, 5) // 5
 */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Linear interpolation.
 * @example lerp(0, 10, 0.25) // 2.5
 */
export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/**
 * The point a fraction t of the way from a to b.
 * @example lerpPt([0, 0], [10, 20], 0.5) // [5, 10]
 */
export function lerpPt(a: Pt, b: Pt, t: number): Pt {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/**
 * Wraps a hue into [0, 360).
 * @example wrapHue(-30) // 330
 */
export function wrapHue(h: number): number {
  return ((h % 360) + 360) % 360;
}

function hex2(v: number): string {
  return Math.round(clamp01(v) * 255)
    .toString(16)
    .padStart(2, '0');
}

/**
 * An sRGB triple (0..1 each) from hue (degrees), saturation and lightness (0..1).
 * @example hslRgb(0, 1, 0.5) // [1, 0, 0]
 */
export function hslRgb(h: number, s: number, l: number): [number, number, number] {
  h = wrapHue(h);
  s = clamp01(s);
  l = clamp01(l);
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x];
  return [r + m, g + m, b + m];
}

/**
 * `#rrggbb` for an sRGB triple.
 * @example rgbHex([1, 0.5, 0]) // '#ff8000'
 */
export function rgbHex([r, g, b]: readonly [number, number, number]): string {
  return `#${hex2(r)}${hex2(g)}${hex2(b)}`;
}

/**
 * An sRGB colour from hue (degrees), saturation and lightness (0..1), as `#rrggbb`.
 * @example hsl(210, 0.5, 0.6) // '#6699cc'
 */
export function hsl(h: number, s: number, l: number): string {
  return rgbHex(hslRgb(h, s, l));
}

/**
 * Points around an ellipse (or an arc of it, from `start` through `sweep` radians).
 * @example ellipsePts(0, 0, 10, 5, 12) // 12 points round an ellipse
 */
export function ellipsePts(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  n = 24,
  rot = 0,
  start = 0,
  sweep = Math.PI * 2,
): Pt[] {
  const out: Pt[] = [];
  const full = Math.abs(sweep) >= Math.PI * 2 - 1e-9;
  const count = full ? n : n + 1;
  const cr = Math.cos(rot);
  const sr = Math.sin(rot);
  for (let i = 0; i < count; i++) {
    const a = start + (sweep * i) / n;
    const x = rx * Math.cos(a);
    const y = ry * Math.sin(a);
    out.push([cx + x * cr - y * sr, cy + x * sr + y * cr]);
  }
  return out;
}

/**
 * The part of a polygon on the side of the line where `nx*x + ny*y <= c` (Sutherland–Hodgman).
 * @example clipHalfPlane(square, 0, 1, 5) // the part of the square with y <= 5
 */
export function clipHalfPlane(poly: readonly Pt[], nx: number, ny: number, c: number): Pt[] {
  const out: Pt[] = [];
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % n]!;
    const da = nx * a[0] + ny * a[1] - c;
    const db = nx * b[0] + ny * b[1] - c;
    if (da <= 0) out.push(a);
    if (da <= 0 !== db <= 0) {
      const t = da / (da - db);
      out.push(lerpPt(a, b, t));
    }
  }
  return out;
}

/**
 * True if p lies inside the polygon (even–odd rule).
 * @example pointInPoly([1, 1], [[0, 0], [2, 0], [2, 2]]) // true
 */
export function pointInPoly(p: Pt, poly: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * The bounding box of some points.
 * @example bounds([[0, 1], [4, -2]]) // { x0: 0, y0: -2, x1: 4, y1: 1 }
 */
export function bounds(pts: readonly Pt[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of pts) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return { x0, y0, x1, y1 };
}

/**
 * A polyline moved sideways by d along its normals (positive to the left of travel in screen space).
 * @example offsetLine([[0, 0], [10, 0]], 2) // [[0, -2], [10, -2]]
 */
export function offsetLine(pts: readonly Pt[], d: number): Pt[] {
  return pts.map((p, i) => {
    const a = pts[Math.max(0, i - 1)]!;
    const b = pts[Math.min(pts.length - 1, i + 1)]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy) || 1;
    return [p[0] + (dy / len) * d, p[1] - (dx / len) * d] as Pt;
  });
}

/**
 * A quadratic Bézier from a through control c to b, sampled at n+1 points.
 * @example quadPts([0, 0], [5, 10], [10, 0], 4) // 5 points along the curve
 */
export function quadPts(a: Pt, c: Pt, b: Pt, n = 10): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    out.push([
      u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
      u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
    ]);
  }
  return out;
}

function polyLength(pts: readonly Pt[], closed: boolean): number {
  let len = 0;
  for (let i = 1; i < pts.length; i++)
    len += Math.hypot(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]);
  if (closed && pts.length > 1) {
    const a = pts[pts.length - 1]!;
    const b = pts[0]!;
    len += Math.hypot(a[0] - b[0], a[1] - b[1]);
  }
  return len;
}

/**
 * Escapes text for SVG character data and attribute values.
 * @example escapeXml('Cats & dogs') // 'Cats &amp; dogs'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// ---------------------------------------------------------------------------------------------
// The maker's hand

/** How the maker's qualities show in the marks they make. */
export interface Hand {
  skill: number;
  originality: number;
  temperament: number;
  /** 0 for a maker of fifteen or more, rising to 1 for a five-year-old. */
  naivety: number;
  /** 0..1: overall control of the line, from skill and age. */
  steadiness: number;
  /** The tremor of a long line, in px of the 480-px view. */
  wobble: number;
  /** Stroke-width multiplier: heavier for stormy and young makers. */
  weight: number;
  /** 0..1: how much fine detail the maker puts in. */
  detail: number;
}

/**
 * The hand a spec's qualities give.
 * @example handOf({ ...spec, skill: 0.9, makerAge: 16 }).wobble // about 0.6 px
 */
export function handOf(spec: ArtworkSpec): Hand {
  const skill = clamp01(spec.skill);
  const originality = clamp01(spec.originality);
  const temperament = clamp01(spec.temperament);
  const naivety = clamp01((15 - spec.makerAge) / 9);
  const steadiness = clamp01((0.1 + 0.9 * skill) * (1 - 0.45 * naivety));
  return {
    skill,
    originality,
    temperament,
    naivety,
    steadiness,
    wobble: 0.35 + 5.5 * Math.pow(1 - steadiness, 1.4) + 0.9 * temperament,
    weight: 0.85 + 0.8 * temperament + 0.7 * naivety,
    detail: clamp01(0.2 + 0.8 * steadiness - 0.15 * naivety),
  };
}

// ---------------------------------------------------------------------------------------------
// The sketching surface

/** How a mark is drawn. Widths are multiplied by the hand's weight unless `fixed` is set. */
export interface Ink {
  color?: string;
  width?: number;
  opacity?: number;
  fill?: string;
  fillOpacity?: number;
  fixed?: boolean;
}

/** How a line is traced. */
export interface Trace {
  closed?: boolean;
  /** Multiplies the hand's tremor (0 for a ruled line). */
  wobble?: number;
  /** Main outlines may be gone over twice by an unsteady or stormy hand. */
  main?: boolean;
  /** Straight segments rather than a smoothed curve. */
  sharp?: boolean;
}

/** What colour is put on with: wax crayon, coloured pencil or a child's watercolour box. */
export type Paint = 'crayon' | 'pencil' | 'watercolour';

type Affine = readonly [number, number, number, number, number, number];
const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];

/**
 * A sheet being drawn on: it owns the work's seeded stream, the maker's hand and palette, and
 * the SVG written so far. Shapes are given in local coordinates (see `frame`) and traced in page
 * coordinates, so a small creature's ink line trembles as much as a big one's.
 */
export class Sketch {
  readonly rng: Stream;
  readonly hand: Hand;
  readonly uid: string;
  /** The maker's favourite hue. */
  readonly hue: number;
  /** A hue shift an original maker applies to the world's colours. */
  readonly hueShift: number;
  /** How far natural colours lean to the maker's hue. */
  readonly pull: number;
  /** The dark ink or pencil that outlines are drawn in. */
  readonly ink: string;
  /** What this maker colours in with. */
  readonly paint: Paint;
  /** The paper's colour, for filling shapes that must hide what is behind them. */
  paper = '#f4efe4';
  private readonly out: string[] = [];
  private readonly defsOut: string[] = [];
  private tf: Affine = IDENTITY;

  constructor(
    readonly spec: ArtworkSpec,
    purpose = 'art',
  ) {
    this.rng = new Stream(spec.seed, hashString(purpose), spec.id);
    this.hand = handOf(spec);
    this.uid = `hw${(spec.seed >>> 0).toString(36)}-${(spec.id >>> 0).toString(36)}`;
    this.hue = wrapHue(spec.hue);
    const o = this.hand.originality;
    const wild = this.rng.chance(Math.max(0, o - 0.6) * 1.5);
    this.hueShift = wild
      ? (this.rng.chance(0.5) ? 1 : -1) * (90 + this.rng.next() * 120)
      : this.rng.normal(0, 20 * o);
    this.pull = 0.12 + 0.3 * o + 0.1 * this.hand.naivety;
    this.ink = hsl(this.hue, 0.3, 0.09 + 0.06 * (1 - this.hand.temperament));
    const u = this.r();
    this.paint =
      this.hand.naivety > 0.5
        ? u < 0.8
          ? 'crayon'
          : 'watercolour'
        : u < 0.42
          ? 'watercolour'
          : u < 0.78
            ? 'pencil'
            : 'crayon';
  }

  // -- randomness ---------------------------------------------------------------------------

  /** A uniform draw in [0, 1). */
  r(): number {
    return this.rng.next();
  }

  /** A uniform draw in [a, b). */
  range(a: number, b: number): number {
    return a + (b - a) * this.rng.next();
  }

  /** A normal draw. */
  gauss(sd = 1, mean = 0): number {
    return this.rng.normal(mean, sd);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.rng.chance(p);
  }

  /** An integer in [a, b]. */
  intIn(a: number, b: number): number {
    return a + this.rng.int(b - a + 1);
  }

  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }

  // -- colour -------------------------------------------------------------------------------

  /**
   * A natural colour (sky blue, grass green) as this maker sees it: leaning to their favourite
   * hue, shifted if they are original, more saturated if young or stormy, more contrasty if stormy.
   */
  tint(h: number, s: number, l: number): string {
    const t = this.hand.temperament;
    const ss = s * (0.8 + 0.35 * t + 0.3 * this.hand.naivety);
    const ll = 0.55 + (l - 0.55) * (0.85 + 0.4 * t);
    // Mixed like paint, in RGB, so a blue sky leaning to orange greys rather than turning green.
    const a = hslRgb(h + this.hueShift, ss, ll);
    const b = hslRgb(this.hue, Math.max(ss, 0.35), ll);
    const k = this.pull * 0.75;
    return rgbHex([lerp(a[0], b[0], k), lerp(a[1], b[1], k), lerp(a[2], b[2], k)]);
  }

  /** A colour in the maker's own hue (offset by some degrees), unmixed. */
  own(offset: number, s: number, l: number): string {
    const t = this.hand.temperament;
    return hsl(
      this.hue + offset,
      s * (0.85 + 0.3 * t + 0.2 * this.hand.naivety),
      0.55 + (l - 0.55) * (0.85 + 0.4 * t),
    );
  }

  // -- output -------------------------------------------------------------------------------

  /** An id unique to this work, for defs (gradients, filters) that may share a page with others. */
  id(name: string): string {
    return `${this.uid}-${name}`;
  }

  /** Appends raw SVG to the drawing. */
  raw(svg: string): void {
    this.out.push(svg);
  }

  /** Appends to `<defs>`. */
  def(svg: string): void {
    this.defsOut.push(svg);
  }

  /** Draws `fn`'s marks inside a `<g>` with the given attributes. */
  group(attrs: string, fn: () => void): void {
    this.out.push(`<g ${attrs}>`);
    fn();
    this.out.push('</g>');
  }

  /** The body drawn so far. */
  body(): string {
    return this.out.join('');
  }

  /** The defs collected so far. */
  defs(): string {
    return this.defsOut.join('');
  }

  // -- frames -------------------------------------------------------------------------------

  /**
   * Draws `fn` in a local frame: origin at (x, y), scaled by s, mirrored if `flip`, rotated by
   * `rot` radians. Frames nest.
   */
  frame(x: number, y: number, s: number, fn: () => void, flip = false, rot = 0): void {
    const saved = this.tf;
    const c = Math.cos(rot) * s;
    const si = Math.sin(rot) * s;
    const fx = flip ? -1 : 1;
    const local: Affine = [c * fx, si * fx, -si, c, x, y];
    this.tf = compose(saved, local);
    try {
      fn();
    } finally {
      this.tf = saved;
    }
  }

  /** A local point in page coordinates. */
  page(p: Pt): Pt {
    const [a, b, c, d, e, f] = this.tf;
    return [a * p[0] + c * p[1] + e, b * p[0] + d * p[1] + f];
  }

  /** The current frame's scale. */
  scale(): number {
    const [a, b, c, d] = this.tf;
    return Math.sqrt(Math.abs(a * d - b * c));
  }

  // -- tracing ------------------------------------------------------------------------------

  /**
   * Page-space points along a local polyline with the hand's tremor added: resampled so no
   * step is long, then pushed sideways by smooth (autoregressive) noise. Short marks tremble
   * less than long ones, as they do on paper.
   */
  tremble(points: readonly Pt[], closed = false, factor = 1): Pt[] {
    const pts = points.map((p) => this.page(p));
    if (pts.length < 2) return pts;
    const len = polyLength(pts, closed);
    const amp = this.hand.wobble * factor * clamp(Math.sqrt(len / 160), 0.18, 1.25);
    const step = clamp(len / 12, 3, 9);
    const src = closed ? [...pts, pts[0]!] : pts;
    const dense: Pt[] = [];
    for (let i = 0; i + 1 < src.length; i++) {
      const a = src[i]!;
      const b = src[i + 1]!;
      const k = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
      for (let j = 0; j < k; j++) dense.push(lerpPt(a, b, j / k));
    }
    if (closed) {
      // An unsteady hand overshoots where a closed shape should meet.
      const over = Math.min(dense.length - 1, Math.round(1 + (1 - this.hand.steadiness) * 3 * this.r()));
      for (let j = 0; j <= over; j++) dense.push(dense[j]!);
    } else {
      dense.push(src[src.length - 1]!);
    }
    if (amp < 0.05) return dense;
    let o = this.rng.normal();
    return dense.map((p, i) => {
      const a = dense[Math.max(0, i - 1)]!;
      const b = dense[Math.min(dense.length - 1, i + 1)]!;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const l = Math.hypot(dx, dy) || 1;
      o = 0.75 * o + 0.66 * this.rng.normal();
      return [p[0] + (dy / l) * o * amp, p[1] - (dx / l) * o * amp] as Pt;
    });
  }

  /** Path data through page points: smoothed by quadratic midpoints unless `sharp`. */
  pathData(pts: readonly Pt[], sharp = false, w: PathWriter = new PathWriter()): string {
    if (pts.length === 0) return w.toString();
    const p0 = pts[0]!;
    w.move(p0[0], p0[1]);
    if (pts.length < 3 || sharp) {
      for (let i = 1; i < pts.length; i++) w.line(pts[i]![0], pts[i]![1]);
      return w.toString();
    }
    for (let i = 1; i < pts.length - 1; i++) {
      const p = pts[i]!;
      const q = pts[i + 1]!;
      w.quad(p[0], p[1], (p[0] + q[0]) / 2, (p[1] + q[1]) / 2);
    }
    const last = pts[pts.length - 1]!;
    w.line(last[0], last[1]);
    return w.toString();
  }

  /** The SVG attributes for an ink. */
  attrs(ink: Ink): string {
    const w = (ink.width ?? 1) * (ink.fixed ? 1 : this.hand.weight);
    let a =
      ink.color === 'none'
        ? ' stroke="none"'
        : ` stroke="${ink.color ?? this.ink}" stroke-width="${fmt(Math.max(0.2, w))}"`;
    if (ink.fill) a += ` fill="${ink.fill}"`;
    if (ink.fillOpacity !== undefined) a += ` fill-opacity="${fmt2(ink.fillOpacity)}"`;
    if (ink.opacity !== undefined) a += ` opacity="${fmt2(ink.opacity)}"`;
    return a;
  }

  /** Traces a local polyline or closed shape with the hand's tremor. */
  stroke(points: readonly Pt[], ink: Ink = {}, trace: Trace = {}): void {
    const pts = this.tremble(points, trace.closed ?? false, trace.wobble ?? 1);
    this.out.push(`<path d="${this.pathData(pts, trace.sharp)}"${this.attrs(ink)}/>`);
    const h = this.hand;
    if (trace.main && this.chance(0.15 + 0.55 * (1 - h.steadiness) * 0.8 + 0.35 * h.temperament)) {
      const again = this.tremble(points, trace.closed ?? false, (trace.wobble ?? 1) * 1.3);
      const w = (ink.width ?? 1) * 0.6;
      this.out.push(
        `<path d="${this.pathData(again, trace.sharp)}"${this.attrs({ ...ink, width: w, fill: undefined, fillOpacity: undefined, opacity: (ink.opacity ?? 1) * 0.7 })}/>`,
      );
    }
  }

  /** A straight line, drawn by hand. */
  line(a: Pt, b: Pt, ink: Ink = {}, wobble = 1): void {
    this.stroke([a, b], ink, { wobble });
  }

  /** An ellipse (or circle), drawn by hand. */
  ellipse(cx: number, cy: number, rx: number, ry: number, ink: Ink = {}, rot = 0, trace: Trace = {}): void {
    const n = clamp(Math.round(Math.max(rx, ry) * this.scale() * 0.5), 8, 30);
    this.stroke(ellipsePts(cx, cy, rx, ry, n, rot, this.r() * Math.PI * 2), ink, { ...trace, closed: true });
  }

  /**
   * Many small marks (scales, rivet rings, ticks, hair) as one path: each local polyline is
   * smoothed, and its points nudged by a fraction `wob` of the hand's tremor.
   */
  marks(lines: readonly (readonly Pt[])[], ink: Ink = {}, wob = 0.25): void {
    const amp = this.hand.wobble * wob;
    const w = new PathWriter();
    for (const line of lines) {
      const pts = line.map((p) => {
        const q = this.page(p);
        return [q[0] + this.gauss(amp), q[1] + this.gauss(amp)] as Pt;
      });
      this.pathData(pts, false, w);
    }
    const d = w.toString();
    if (d) this.out.push(`<path d="${d}"${this.attrs(ink)}/>`);
  }

  /**
   * Many small filled dots (rivets, sand, stars) as one path: each a zero-length line with a
   * round cap, the smallest way to write a dot.
   */
  dots(centres: readonly Pt[], r: number, color: string, opacity = 1): void {
    const rr = Math.max(0.3, r * this.scale());
    const w = new PathWriter();
    for (const c of centres) {
      const [x, y] = this.page(c);
      w.move(x, y);
      w.raw('h0');
    }
    const d = w.toString();
    if (d) {
      this.out.push(
        `<path d="${d}" stroke="${color}" stroke-width="${fmt(2 * rr)}"${opacity < 1 ? ` opacity="${fmt2(opacity)}"` : ''}/>`,
      );
    }
  }

  /** A small exact circle (rivets, pupils): too small to tremble. */
  dot(cx: number, cy: number, r: number, color: string, ink: Ink = {}): void {
    const [x, y] = this.page([cx, cy]);
    const rr = r * this.scale();
    const extra = ink.color ? this.attrs(ink) : '';
    this.out.push(
      `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(Math.max(0.3, rr))}" fill="${color}"${extra}/>`,
    );
  }

  /** Fills a local polygon with the paper's colour, hiding whatever was drawn behind it. */
  blank(points: readonly Pt[]): void {
    const pts = points.map((p) => this.page(p));
    this.out.push(`<path d="${this.pathData(pts)}Z" fill="${this.paper}" stroke="none"/>`);
  }

  /** A flat wash of colour over a local polygon, with a soft, uneven edge. */
  wash(points: readonly Pt[], color: string, opacity = 0.55, wobble = 1.4): void {
    const pts = this.tremble(points, true, wobble);
    this.out.push(
      `<path d="${this.pathData(pts)}Z" fill="${color}" stroke="none" opacity="${fmt2(opacity)}"/>`,
    );
  }

  /**
   * Parallel hatching across a local polygon, at `angle` radians in page space and `gap` px
   * apart. Each stroke is a little flick whose ends wander with the hand; `cross` adds a second
   * layer. Returns the number of strokes drawn.
   */
  hatch(
    points: readonly Pt[],
    angle: number,
    gap: number,
    ink: Ink = {},
    opts: { cross?: number; skip?: number } = {},
  ): number {
    const poly = points.map((p) => this.page(p));
    const segs = this.scanSegments(poly, angle, gap);
    const w = new PathWriter();
    let count = 0;
    const wob = this.hand.wobble;
    const skip = opts.skip ?? 0;
    for (const [a, b] of segs) {
      if (skip > 0 && this.chance(skip)) continue;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      if (len < 0.8) continue;
      const ux = dx / len;
      const uy = dy / len;
      const e0 = this.gauss(wob * 0.45);
      const e1 = this.gauss(wob * 0.45);
      const x0 = a[0] - ux * e0;
      const y0 = a[1] - uy * e0;
      const x1 = b[0] + ux * e1;
      const y1 = b[1] + uy * e1;
      const bend = this.gauss(wob * 0.25 + len * 0.015);
      const cx = (x0 + x1) / 2 - uy * bend;
      const cy = (y0 + y1) / 2 + ux * bend;
      w.move(x0, y0);
      w.quad(cx, cy, x1, y1);
      count++;
    }
    const d = w.toString();
    if (d) this.out.push(`<path d="${d}"${this.attrs(ink)}/>`);
    if (opts.cross !== undefined) count += this.hatch(points, angle + opts.cross, gap * 1.15, ink);
    return count;
  }

  /**
   * Crayon or coloured-pencil fill: a zig-zag scribble across a local polygon, made grainy by
   * the sheet's grain filter unless `grain` is false.
   */
  crayon(
    points: readonly Pt[],
    color: string,
    opts: { angle?: number; gap?: number; width?: number; opacity?: number; grain?: boolean } = {},
  ): void {
    const poly = points.map((p) => this.page(p));
    const gap = opts.gap ?? 3.2;
    const segs = this.scanSegments(poly, opts.angle ?? -0.5 + this.gauss(0.1), gap);
    const wob = this.hand.wobble;
    const w = new PathWriter();
    let prev: Pt | undefined;
    let flip = false;
    for (const [a0, b0] of segs) {
      const [a, b] = flip ? [b0, a0] : [a0, b0];
      flip = !flip;
      const ja: Pt = [a[0] + this.gauss(wob * 0.5), a[1] + this.gauss(wob * 0.5)];
      const jb: Pt = [b[0] + this.gauss(wob * 0.5), b[1] + this.gauss(wob * 0.5)];
      if (prev && Math.hypot(ja[0] - prev[0], ja[1] - prev[1]) < gap * 3.5) {
        w.line(ja[0], ja[1]);
      } else {
        w.move(ja[0], ja[1]);
      }
      w.line(jb[0], jb[1]);
      prev = jb;
    }
    const d = w.toString();
    if (d) {
      const width = opts.width ?? gap * 1.15;
      this.out.push(
        `<path d="${d}" stroke="${color}" stroke-width="${fmt(width)}" opacity="${fmt2(opts.opacity ?? 0.6)}"${opts.grain === false ? '' : ` ${this.grain()}`}/>`,
      );
    }
  }

  /**
   * Colours a local polygon in the maker's medium: waxy crayon scribble, close coloured-pencil
   * shading, or a watercolour wash with a darker rim where the paint dried.
   */
  colourIn(points: readonly Pt[], color: string, opts: { angle?: number; strength?: number } = {}): void {
    const k = opts.strength ?? 1;
    const angle = opts.angle ?? -0.45 + this.gauss(0.12);
    const b = bounds(points.map((p) => this.page(p)));
    if (Math.max(b.x1 - b.x0, b.y1 - b.y0) < 16) {
      // Too small to scribble in: a dab of colour.
      this.wash(points, color, clamp01((this.paint === 'watercolour' ? 0.62 : 0.8) * k), 0.3);
    } else if (this.paint === 'crayon') {
      this.crayon(points, color, { angle, gap: 3.3, width: 3.9, opacity: clamp01(0.78 * k) });
    } else if (this.paint === 'pencil') {
      this.crayon(points, color, { angle, gap: 2.1, width: 1.5, opacity: clamp01(0.85 * k) });
    } else {
      this.wash(points, color, clamp01(0.62 * k), 1.1);
      this.stroke(
        points,
        { color, width: 1.1, opacity: clamp01(0.35 * k), fixed: true },
        { closed: true, wobble: 1.1 },
      );
    }
  }

  /** Segments of parallel scan lines inside a page-space polygon (even–odd). */
  private scanSegments(poly: readonly Pt[], angle: number, gap: number): [Pt, Pt][] {
    if (poly.length < 3) return [];
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    // Rotate into a frame where the hatching runs along x.
    const rot = poly.map(([x, y]) => [x * c + y * s, -x * s + y * c] as Pt);
    const b = bounds(rot);
    const out: [Pt, Pt][] = [];
    const start = b.y0 + gap * (0.3 + 0.4 * this.r());
    for (let y = start; y < b.y1; y += gap) {
      const xs: number[] = [];
      for (let i = 0; i < rot.length; i++) {
        const p = rot[i]!;
        const q = rot[(i + 1) % rot.length]!;
        if (p[1] > y !== q[1] > y) xs.push(p[0] + ((y - p[1]) * (q[0] - p[0])) / (q[1] - p[1]));
      }
      xs.sort((u, v) => u - v);
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const x0 = xs[i]!;
        const x1 = xs[i + 1]!;
        out.push([
          [x0 * c - y * s, x0 * s + y * c],
          [x1 * c - y * s, x1 * s + y * c],
        ]);
      }
    }
    return out;
  }

  /** Text in page coordinates of the current frame's origin. */
  text(
    x: number,
    y: number,
    content: string,
    opts: {
      size?: number;
      font?: string;
      color?: string;
      anchor?: 'start' | 'middle' | 'end';
      italic?: boolean;
      rotate?: number;
      opacity?: number;
    } = {},
  ): void {
    const [px, py] = this.page([x, y]);
    const rot = opts.rotate ? ` transform="rotate(${fmt(opts.rotate)} ${fmt(px)} ${fmt(py)})"` : '';
    const anchor = opts.anchor && opts.anchor !== 'start' ? ` text-anchor="${opts.anchor}"` : '';
    const italic = opts.italic ? ' font-style="italic"' : '';
    const op = opts.opacity !== undefined ? ` opacity="${fmt2(opts.opacity)}"` : '';
    this.out.push(
      `<text x="${fmt(px)}" y="${fmt(py)}" font-family="${opts.font ?? HAND_FONT}" font-size="${fmt(opts.size ?? 12)}" fill="${opts.color ?? this.ink}" stroke="none"${anchor}${italic}${op}${rot}>${escapeXml(content)}</text>`,
    );
  }

  // -- the sheet ----------------------------------------------------------------------------

  /** Defines the crayon-grain filter once and returns its `filter="url(#…)"` attribute. */
  grain(): string {
    const id = this.id('grain');
    if (!this.defsOut.some((d) => d.includes(`id="${id}"`))) {
      this.def(
        `<filter id="${id}" x="-5%" y="-5%" width="110%" height="110%"><feTurbulence type="fractalNoise" baseFrequency="0.85" numOctaves="2" seed="${this.intIn(1, 999)}" result="n"/><feColorMatrix in="n" type="matrix" values="0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -2.2 1.75" result="m"/><feComposite in="SourceGraphic" in2="m" operator="in"/></filter>`,
      );
    }
    return `filter="url(#${id})"`;
  }
}

/** A tenth-of-a-pixel integer as short path text: 12.3, -.5, 7. */
function tenths(n: number): string {
  const a = Math.abs(n);
  const i = Math.floor(a / 10);
  const f = a % 10;
  const s = f === 0 ? String(i) : i === 0 ? `.${f}` : `${i}.${f}`;
  return n < 0 ? `-${s}` : s;
}

/**
 * Compact path data: every command relative, in whole tenths of a pixel, each step measured
 * from the rounded previous point so rounding never accumulates along a long line.
 */
export class PathWriter {
  private d = '';
  private x = 0;
  private y = 0;

  private nums(cmd: string, ...ts: number[]): void {
    let out = cmd;
    ts.forEach((t, i) => {
      const s = tenths(t);
      out += i > 0 && t >= 0 ? ` ${s}` : s;
    });
    this.d += out;
  }

  /** Starts a subpath at (x, y). */
  move(x: number, y: number): void {
    const tx = Math.round(x * 10);
    const ty = Math.round(y * 10);
    this.nums('m', tx - this.x, ty - this.y);
    this.x = tx;
    this.y = ty;
  }

  /** A straight line to (x, y). */
  line(x: number, y: number): void {
    const tx = Math.round(x * 10);
    const ty = Math.round(y * 10);
    this.nums('l', tx - this.x, ty - this.y);
    this.x = tx;
    this.y = ty;
  }

  /** A quadratic curve through control (cx, cy) to (x, y). */
  quad(cx: number, cy: number, x: number, y: number): void {
    const tcx = Math.round(cx * 10);
    const tcy = Math.round(cy * 10);
    const tx = Math.round(x * 10);
    const ty = Math.round(y * 10);
    this.nums('q', tcx - this.x, tcy - this.y, tx - this.x, ty - this.y);
    this.x = tx;
    this.y = ty;
  }

  /** Raw path text that leaves the current point where it was (a closed arc, say). */
  raw(text: string): void {
    this.d += text;
  }

  toString(): string {
    return this.d;
  }
}

function fmt2(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? '0' : String(r);
}

function compose(p: Affine, q: Affine): Affine {
  const [a, b, c, d, e, f] = p;
  const [a2, b2, c2, d2, e2, f2] = q;
  return [
    a * a2 + c * b2,
    b * a2 + d * b2,
    a * c2 + c * d2,
    b * c2 + d * d2,
    a * e2 + c * f2 + e,
    b * e2 + d * f2 + f,
  ];
}

// ---------------------------------------------------------------------------------------------
// Paper and document

/** What the work is on; chosen by the medium and the maker's age. */
export type PaperKind = 'cartridge' | 'sugar' | 'sketchbook' | 'exercise';

/**
 * Lays down the sheet: an off-white (or, for the youngest, tinted sugar) paper with a faint
 * grain, darkened at the edges, with what sheets in a school art room collect: a pencilled
 * border, a spiral-bound edge, a strip of tape.
 * @example drawPaper(sk, 'sketchbook')
 */
export function drawPaper(sk: Sketch, kind: PaperKind): { color: string } {
  const warm = sk.range(38, 52);
  const color =
    kind === 'sugar'
      ? hsl(sk.pick([30, 200, 45, 0, 120]), sk.range(0.18, 0.32), sk.range(0.82, 0.88))
      : kind === 'exercise'
        ? hsl(warm, 0.3, 0.955)
        : hsl(warm, sk.range(0.25, 0.5), sk.range(0.91, 0.95));
  const vig = sk.id('vig');
  const tex = sk.id('tex');
  sk.def(
    `<radialGradient id="${vig}" cx="50%" cy="48%" r="72%"><stop offset="0.6" stop-color="#5a4630" stop-opacity="0"/><stop offset="1" stop-color="#5a4630" stop-opacity="0.16"/></radialGradient>`,
  );
  sk.def(
    `<filter id="${tex}" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="${kind === 'sugar' ? '0.55' : '0.9'}" numOctaves="3" seed="${sk.intIn(1, 999)}"/><feColorMatrix type="matrix" values="0 0 0 0 0.35 0 0 0 0 0.3 0 0 0 0 0.22 0 0 0 0.55 -0.2"/></filter>`,
  );
  sk.raw(`<rect width="${VIEW}" height="${VIEW}" fill="${color}"/>`);
  sk.raw(
    `<rect width="${VIEW}" height="${VIEW}" filter="url(#${tex})" opacity="${kind === 'sugar' ? '0.7' : '0.45'}"/>`,
  );
  sk.raw(`<rect width="${VIEW}" height="${VIEW}" fill="url(#${vig})"/>`);
  sk.paper = color;
  // A few fibres and flecks, as recycled school paper has.
  let fibres = '';
  const nf = kind === 'sugar' ? 26 : 10;
  for (let i = 0; i < nf; i++) {
    const x = sk.range(5, VIEW - 5);
    const y = sk.range(5, VIEW - 5);
    const a = sk.range(0, Math.PI);
    const l = sk.range(2, 7);
    fibres += `M${fmt(x)} ${fmt(y)}q${fmt((Math.cos(a) * l) / 2 + sk.gauss(1))} ${fmt((Math.sin(a) * l) / 2 + sk.gauss(1))} ${fmt(Math.cos(a) * l)} ${fmt(Math.sin(a) * l)}`;
  }
  sk.raw(`<path d="${fibres}" stroke="#6b5a45" stroke-width="0.4" opacity="0.35"/>`);
  if (kind === 'sketchbook') {
    // The spiral binding along the top edge, and the perforation the sheet was torn from.
    let holes = '';
    for (let x = 22; x < VIEW - 10; x += 17) holes += `<circle cx="${x}" cy="9" r="3.1"/>`;
    sk.raw(`<g fill="#d9d2c5" stroke="#a89c88" stroke-width="0.6">${holes}</g>`);
    sk.raw(`<path d="M0 17H${VIEW}" stroke="#b3a891" stroke-width="0.5" stroke-dasharray="1.2 2"/>`);
  }
  if (kind !== 'exercise' && sk.chance(0.45)) {
    const x = sk.pick([40, VIEW - 90]);
    sk.raw(
      `<rect x="${x}" y="-6" width="52" height="22" fill="#efe3b4" opacity="0.55" transform="rotate(${fmt(sk.gauss(6))} ${x + 26} 5)"/>`,
    );
  }
  if (kind !== 'exercise' && kind !== 'sketchbook' && sk.chance(0.35 + 0.3 * sk.hand.naivety)) {
    // The maker ruled (or did not quite rule) a border round the picture.
    const m = 20;
    sk.stroke(
      [
        [m, m],
        [VIEW - m, m],
        [VIEW - m, FRAME.y + FRAME.h + 8],
        [m, FRAME.y + FRAME.h + 8],
      ],
      { color: '#6d6a66', width: 0.6, opacity: 0.6 },
      { closed: true, sharp: true, wobble: 0.6 },
    );
  }
  return { color };
}

/**
 * Draws `fn` clipped to the picture's frame, whose edge is as straight as the maker's hand:
 * paint stops at the edge of the area they meant to fill, or a little short of it.
 * @example withinFrame(sk, () => drawLandscape(sk))
 */
export function withinFrame(sk: Sketch, fn: () => void): void {
  const id = sk.id('frame');
  const { x, y, w, h } = FRAME;
  const pts = sk.tremble(
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ],
    true,
    0.8,
  );
  sk.def(`<clipPath id="${id}"><path d="${sk.pathData(pts)}Z"/></clipPath>`);
  sk.group(`clip-path="url(#${id})"`, fn);
}

/**
 * The title under the work and the maker's signature beside it.
 * @example drawCaption(sk, 'The Pond', 'Kathy H.')
 */
export function drawCaption(sk: Sketch, title: string, maker: string, y = FRAME.y + FRAME.h + 30): void {
  sk.text(FRAME.x + 2, y, title, {
    size: 12,
    font: SERIF_FONT,
    italic: true,
    color: '#4a4540',
    opacity: 0.9,
  });
  sk.text(FRAME.x + FRAME.w - 2, y + 18, maker, {
    size: 15,
    color: sk.ink,
    anchor: 'end',
    italic: true,
    rotate: -3 + sk.gauss(1.5),
    opacity: 0.85,
  });
  sk.text(FRAME.x + 2, y + 18, `No. ${sk.spec.id}`, {
    size: 9,
    color: '#7a736a',
    font: SERIF_FONT,
    opacity: 0.8,
  });
}

/**
 * Wraps a finished sketch in a standalone SVG document of the given pixel size.
 * @example svgDocument(sk, 480, 'The pond, by Ruth')
 */
export function svgDocument(sk: Sketch, size: number, label: string): string {
  const s = fmt(size);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${VIEW} ${VIEW}" role="img" aria-label="${escapeXml(label)}">` +
    `<title>${escapeXml(label)}</title>` +
    `<defs>${sk.defs()}</defs>` +
    `<g fill="none" stroke-linecap="round" stroke-linejoin="round">${sk.body()}</g>` +
    `</svg>`
  );
}
