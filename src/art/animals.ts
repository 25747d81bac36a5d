/**
 * Imaginary animals in fine ink: small creatures that are part beast and part machine, built
 * from hatched plates and rows of scales drawn one by one, with gears, valves, funnels and
 * little pipes, spindly jointed legs and a small head with one careful eye. A page holds one to
 * four of them. The maker's hand decides how densely they are worked: a skilled, steady maker
 * hatches finely and adds rivets; a young or unsteady one draws fewer, rounder parts.
 */

import {
  clipHalfPlane,
  ellipsePts,
  FRAME,
  lerp,
  lerpPt,
  offsetLine,
  pointInPoly,
  bounds,
  quadPts,
  type Pt,
  type Sketch,
} from './picture.js';

type Plan = 'beetle' | 'caterpillar' | 'bird' | 'fish' | 'spider' | 'snail';
type LegStyle = 'wire' | 'jointed' | 'piston';
type Foot = 'claw' | 'wheel' | 'pad' | 'ball';
type Snout = 'beak' | 'snout' | 'trunk' | 'mandibles' | 'plain';
type Tail = 'spring' | 'segments' | 'fan' | 'tube' | 'propeller' | 'none';
type Gadget = 'gear' | 'valve' | 'funnel' | 'key' | 'dial' | 'lamp';
type Skin = 'scales' | 'plates' | 'rivets' | 'hatched';

/** One creature's make-up, drawn from the work's stream. */
interface Genome {
  plan: Plan;
  legStyle: LegStyle;
  foot: Foot;
  snout: Snout;
  tail: Tail;
  gadgets: Gadget[];
  skin: Skin;
  antennae: number;
  goggle: boolean;
  headR: number;
  bodyH: number;
  legLen: number;
  /** A wash of colour on some plates, or none. */
  wash: string | undefined;
  iris: string;
  pipe: boolean;
}

/** Where the limbs and fittings of a body go, and how to draw the body itself. */
interface Anatomy {
  hips: Pt[];
  ground: number;
  /** Where the head attaches; undefined if the head is part of the body (the fish). */
  neck: Pt | undefined;
  headDir: number;
  tailRoot: Pt;
  tailDir: number;
  /** Spots on the top surface, each with its outward normal angle. */
  mounts: { p: Pt; n: number }[];
  drawBody: () => void;
  /** Drawn after the head and near legs (eyes on a headless body). */
  drawFront?: () => void;
  /** Leg knees bend up high (insects) rather than forward and back. */
  highKnees?: boolean;
}

const LIGHT: Pt = [-0.55, -0.83];

function hatchGap(sk: Sketch): number {
  return lerp(5.2, 1.9, sk.hand.detail);
}

/** Fills a shape with paper so it hides what is behind it. */
function blank(sk: Sketch, poly: readonly Pt[]): void {
  sk.blank(poly);
}

/** Hatches the side of a shape away from the light; a second, crossing layer in the deepest part. */
function shade(sk: Sketch, poly: readonly Pt[], depth = 2, from = 0.1): void {
  const b = bounds(poly);
  const c: Pt = [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
  const ext = Math.max(b.x1 - b.x0, b.y1 - b.y0) / 2;
  const dc = c[0] * LIGHT[0] + c[1] * LIGHT[1];
  const gap = hatchGap(sk);
  const part = clipHalfPlane(poly, LIGHT[0], LIGHT[1], dc - ext * from);
  sk.hatch(part, 0.9 + sk.gauss(0.06), gap, { width: 0.42 });
  if (depth > 1 && sk.hand.detail > 0.35) {
    const core = clipHalfPlane(poly, LIGHT[0], LIGHT[1], dc - ext * 0.62);
    sk.hatch(core, -0.45 + sk.gauss(0.06), gap * 1.1, { width: 0.4 });
  }
}

/** Rows of small scale-arcs inside a polygon, drawn one by one. */
function scales(sk: Sketch, poly: readonly Pt[], size: number, open: 'down' | 'back' = 'down'): void {
  const b = bounds(poly);
  const lines: Pt[][] = [];
  const rowGap = size * 0.72;
  let row = 0;
  for (let y = b.y0 + size * 0.5; y < b.y1; y += rowGap, row++) {
    const off = row % 2 ? size / 2 : 0;
    for (let x = b.x0 + off; x < b.x1 + size; x += size) {
      const s = size * (0.48 + 0.06 * sk.r());
      const c: Pt = [x + sk.gauss(size * 0.04), y];
      const start = open === 'down' ? 0 : -Math.PI / 2;
      const arc = ellipsePts(c[0], c[1], s, s * (open === 'down' ? 0.85 : 1), 5, 0, start, Math.PI);
      if (arc.every((p) => pointInPoly(p, poly))) lines.push(arc);
    }
  }
  sk.marks(lines, { width: 0.5 }, 0.12);
}

/** Rivets along a polyline, every `step` units. */
function rivetsAlong(sk: Sketch, line: readonly Pt[], step: number, r = 0.9): void {
  const out: Pt[] = [];
  let carry = step / 2;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    let t = carry;
    while (t < len) {
      out.push(lerpPt(a, b, t / len));
      t += step;
    }
    carry = t - len;
  }
  sk.dots(out, r, sk.ink);
}

/** A polygon's band between two vertical lines. */
function band(poly: readonly Pt[], x0: number, x1: number): Pt[] {
  return clipHalfPlane(clipHalfPlane(poly, 1, 0, x1), -1, 0, -x0);
}

/** Shrinks a polygon towards its centre (for texture that should keep clear of the outline). */
function shrink(poly: readonly Pt[], by: number): Pt[] {
  const b = bounds(poly);
  const cx = (b.x0 + b.x1) / 2;
  const cy = (b.y0 + b.y1) / 2;
  const w = Math.max(1, (b.x1 - b.x0) / 2);
  const h = Math.max(1, (b.y1 - b.y0) / 2);
  return poly.map(
    ([x, y]) => [cx + (x - cx) * Math.max(0, 1 - by / w), cy + (y - cy) * Math.max(0, 1 - by / h)] as Pt,
  );
}

// ---------------------------------------------------------------------------------------------
// Parts

function gear(sk: Sketch, cx: number, cy: number, r: number, teeth: number, fill?: string): void {
  const pts: Pt[] = [];
  const rot = sk.r() * Math.PI;
  const depth = r * 0.2;
  for (let i = 0; i < teeth; i++) {
    const a = rot + (i / teeth) * Math.PI * 2;
    const w = (Math.PI * 2) / teeth;
    for (const [f, rr] of [
      [0, r - depth],
      [0.18, r],
      [0.5, r],
      [0.68, r - depth],
    ] as const) {
      pts.push([cx + Math.cos(a + f * w) * rr, cy + Math.sin(a + f * w) * rr]);
    }
  }
  blank(sk, pts);
  if (fill) sk.wash(pts, fill, 0.45, 0.3);
  sk.stroke(pts, { width: 0.7 }, { closed: true, sharp: true, wobble: 0.35 });
  sk.ellipse(cx, cy, r * 0.36, r * 0.36, { width: 0.6 }, 0, { wobble: 0.3 });
  sk.dots([[cx, cy]], Math.max(0.7, r * 0.1), sk.ink);
  if (r > 6 && sk.hand.detail > 0.3) {
    const holes: Pt[] = [];
    const n = teeth > 9 ? 5 : 4;
    for (let i = 0; i < n; i++) {
      const a = rot + (i / n) * Math.PI * 2 + 0.3;
      holes.push([cx + Math.cos(a) * r * 0.6, cy + Math.sin(a) * r * 0.6]);
    }
    for (const h of holes) sk.ellipse(h[0], h[1], r * 0.12, r * 0.12, { width: 0.45 }, 0, { wobble: 0.2 });
  }
  const lower = clipHalfPlane(pts, LIGHT[0], LIGHT[1], cx * LIGHT[0] + cy * LIGHT[1] - r * 0.35);
  sk.hatch(lower, 0.9, hatchGap(sk) * 0.9, { width: 0.35 });
}

function eye(sk: Sketch, cx: number, cy: number, r: number, g: Genome): void {
  if (g.goggle) {
    const ring = ellipsePts(cx, cy, r * 1.45, r * 1.45, 16);
    sk.stroke(ring, { fill: sk.paper, width: 0.7 }, { closed: true, wobble: 0.3 });
    const riv: Pt[] = [];
    for (let i = 0; i < 8; i++) {
      const a = (i / 8) * Math.PI * 2;
      riv.push([cx + Math.cos(a) * r * 1.22, cy + Math.sin(a) * r * 1.22]);
    }
    sk.dots(riv, r * 0.09, sk.ink);
  }
  const white = ellipsePts(cx, cy, r, r * 0.88, 16);
  sk.stroke(white, { fill: sk.paper, width: 0.65 }, { closed: true, wobble: 0.25 });
  const ix = cx + r * 0.16;
  sk.dots([[ix, cy + r * 0.05]], r * 0.62, g.iris);
  sk.dots([[ix + r * 0.05, cy + r * 0.05]], r * 0.32, sk.ink);
  sk.dots([[ix - r * 0.2, cy - r * 0.2]], r * 0.17, '#fffdf6');
  if (sk.hand.detail > 0.45) {
    // The lid, and a few lashes.
    sk.stroke(
      ellipsePts(cx, cy + r * 0.1, r * 1.15, r * 1.1, 8, 0, Math.PI * 1.1, Math.PI * 0.8),
      { width: 0.55 },
      { wobble: 0.2 },
    );
    const lashes: Pt[][] = [];
    for (let i = 0; i < 3; i++) {
      const a = Math.PI * (1.35 + i * 0.15);
      const p: Pt = [cx + Math.cos(a) * r * 1.15, cy + r * 0.1 + Math.sin(a) * r * 1.1];
      lashes.push([p, [p[0] + Math.cos(a) * r * 0.45, p[1] + Math.sin(a) * r * 0.45]]);
    }
    sk.marks(lashes, { width: 0.45 }, 0.05);
  }
}

function head(sk: Sketch, g: Genome, neck: Pt, dir: number): void {
  const r = g.headR;
  sk.frame(
    neck[0],
    neck[1],
    1,
    () => {
      const c: Pt = [r * 0.75, -r * 0.25];
      // Snout first, so the skull overlaps its root.
      if (g.snout === 'beak') {
        const beak: Pt[] = [
          [c[0] + r * 0.6, c[1] - r * 0.45],
          [c[0] + r * 2.2, c[1] + r * 0.05],
          [c[0] + r * 0.7, c[1] + r * 0.45],
        ];
        blank(sk, beak);
        sk.hatch(clipHalfPlane(beak, 0, -1, -c[1] - r * 0.05), 0.9, hatchGap(sk) * 0.8, { width: 0.4 });
        sk.stroke(beak, { width: 0.8 }, { closed: true, wobble: 0.4 });
        sk.stroke(
          [
            [c[0] + r * 0.7, c[1] + r * 0.02],
            [c[0] + r * 2.05, c[1] + r * 0.05],
          ],
          { width: 0.5 },
          { wobble: 0.3 },
        );
        sk.dots([[c[0] + r * 1.0, c[1] - r * 0.18]], r * 0.06, sk.ink);
      } else if (g.snout === 'snout') {
        const sn = ellipsePts(c[0] + r * 1.05, c[1] + r * 0.2, r * 0.72, r * 0.5, 14);
        blank(sk, sn);
        shade(sk, sn, 1, 0.2);
        sk.stroke(sn, { width: 0.8 }, { closed: true, wobble: 0.35 });
        sk.dots(
          [
            [c[0] + r * 1.6, c[1] + r * 0.08],
            [c[0] + r * 1.62, c[1] + r * 0.3],
          ],
          r * 0.07,
          sk.ink,
        );
        sk.stroke(
          quadPts(
            [c[0] + r * 0.7, c[1] + r * 0.55],
            [c[0] + r * 1.3, c[1] + r * 0.75],
            [c[0] + r * 1.7, c[1] + r * 0.5],
            6,
          ),
          { width: 0.5 },
          { wobble: 0.3 },
        );
      } else if (g.snout === 'trunk') {
        const spine = quadPts(
          [c[0] + r * 0.8, c[1] + r * 0.1],
          [c[0] + r * 2.6, c[1] + r * 0.2],
          [c[0] + r * 2.0, c[1] + r * 1.7],
          10,
        );
        const w = r * 0.28;
        const tube = [...offsetLine(spine, w), ...offsetLine(spine, -w * 0.5).reverse()];
        blank(sk, tube);
        sk.stroke(offsetLine(spine, w), { width: 0.7 }, { wobble: 0.3 });
        sk.stroke(offsetLine(spine, -w * 0.5), { width: 0.7 }, { wobble: 0.3 });
        const rings: Pt[][] = [];
        for (let i = 2; i < spine.length - 1; i += 1) {
          const a = offsetLine(spine, w)[i]!;
          const b = offsetLine(spine, -w * 0.5)[i]!;
          rings.push([a, lerpPt(a, b, 0.5), b]);
        }
        sk.marks(rings, { width: 0.4 }, 0.1);
      } else if (g.snout === 'mandibles') {
        for (const s of [-1, 1]) {
          const m = quadPts(
            [c[0] + r * 0.7, c[1] + s * r * 0.25],
            [c[0] + r * 1.9, c[1] + s * r * 0.7],
            [c[0] + r * 1.8, c[1] - s * r * 0.05],
            8,
          );
          sk.stroke(m, { width: 0.9 }, { wobble: 0.3 });
          sk.stroke(offsetLine(m, s * r * 0.1), { width: 0.45 }, { wobble: 0.3 });
        }
      }
      const skull = ellipsePts(c[0], c[1], r * 1.05, r * 0.92, 18);
      blank(sk, skull);
      if (g.wash && sk.chance(0.5)) sk.wash(skull, g.wash, 0.3, 0.4);
      shade(sk, skull, 2, 0.15);
      // An ear: a small riveted fin, or a bolt.
      if (sk.chance(0.55)) {
        // A rounded ear standing up from the back of the skull, ribbed like a shell.
        const ear = ellipsePts(c[0] - r * 0.45, c[1] - r * 1.05, r * 0.32, r * 0.55, 12, -0.35);
        blank(sk, ear);
        sk.hatch(ear, 0.3, hatchGap(sk) * 0.8, { width: 0.35 });
        sk.stroke(ear, { width: 0.65 }, { closed: true, wobble: 0.3 });
        sk.dots([[c[0] - r * 0.42, c[1] - r * 0.62]], r * 0.07, sk.ink);
      } else {
        sk.ellipse(c[0] - r * 0.45, c[1] + r * 0.05, r * 0.2, r * 0.2, { width: 0.55 }, 0, { wobble: 0.2 });
        sk.stroke(
          [
            [c[0] - r * 0.55, c[1] + r * 0.05],
            [c[0] - r * 0.35, c[1] + r * 0.05],
          ],
          { width: 0.45 },
          { wobble: 0.1 },
        );
      }
      sk.stroke(skull, { width: 1 }, { closed: true, main: true, wobble: 0.6 });
      if (g.snout === 'plain' || g.snout === 'mandibles') {
        sk.stroke(
          quadPts(
            [c[0] + r * 0.35, c[1] + r * 0.5],
            [c[0] + r * 0.75, c[1] + r * 0.62],
            [c[0] + r * 0.98, c[1] + r * 0.3],
            6,
          ),
          { width: 0.55 },
          { wobble: 0.3 },
        );
      }
      eye(sk, c[0] + r * 0.3, c[1] - r * 0.18, r * 0.36, g);
      for (let i = 0; i < g.antennae; i++) {
        const base: Pt = [c[0] - r * 0.1 + i * r * 0.35, c[1] - r * 0.85];
        const tip: Pt = [base[0] + r * (0.6 + i * 0.5), base[1] - r * (1.8 + 0.4 * sk.r())];
        const stalk = quadPts(base, [base[0] - r * 0.4, lerp(base[1], tip[1], 0.6)], tip, 8);
        sk.stroke(stalk, { width: 0.55 }, { wobble: 0.4 });
        if (sk.chance(0.5)) {
          sk.dots([tip], r * 0.16, sk.ink);
        } else {
          const sp: Pt[] = [];
          for (let k = 0; k < 14; k++) {
            const a = k * 0.7;
            const rr = r * 0.32 * (1 - k / 16);
            sp.push([tip[0] + Math.cos(a) * rr, tip[1] + Math.sin(a) * rr]);
          }
          sk.stroke(sp, { width: 0.45 }, { wobble: 0.1 });
        }
      }
    },
    false,
    dir,
  );
}

function leg(sk: Sketch, g: Genome, hip: Pt, foot: Pt, bend: number, far: boolean, high = 0): void {
  const op = far ? 0.5 : 1;
  const dx = foot[0] - hip[0];
  const dy = foot[1] - hip[1];
  const len = Math.hypot(dx, dy) || 1;
  const knee: Pt = high
    ? [lerp(hip[0], foot[0], 0.42), Math.min(hip[1], foot[1]) - high]
    : [(hip[0] + foot[0]) / 2 + (-dy / len) * bend, (hip[1] + foot[1]) / 2 + (dx / len) * bend];
  let end = foot;
  if (g.foot === 'wheel') end = [foot[0], foot[1] - 4.2];
  const w = 1.5;
  if (g.legStyle === 'wire' || far) {
    // Far legs are sketched lightly: they are half hidden, and the page has enough line in it.
    if (far && g.legStyle !== 'wire') {
      sk.stroke(offsetLine([hip, knee, end], 1), { width: 0.5, opacity: op }, { sharp: true, wobble: 0.4 });
      sk.stroke(offsetLine([hip, knee, end], -1), { width: 0.5, opacity: op }, { sharp: true, wobble: 0.4 });
    } else {
      sk.stroke([hip, knee, end], { width: 0.85, opacity: op }, { sharp: true, wobble: 0.5 });
    }
    sk.dots([knee], 1.3, sk.ink, op);
  } else {
    const thigh = [hip, knee];
    const shin = [knee, end];
    if (g.legStyle === 'piston') {
      const sleeve = [
        ...offsetLine([hip, lerpPt(hip, knee, 0.62)], w * 1.6),
        ...offsetLine([hip, lerpPt(hip, knee, 0.62)], -w * 1.6).reverse(),
      ];
      blank(sk, sleeve);
      if (!far) sk.hatch(sleeve, 0.2, hatchGap(sk) * 0.8, { width: 0.35 });
      sk.stroke(sleeve, { width: 0.6, opacity: op }, { closed: true, sharp: true, wobble: 0.3 });
      sk.stroke(
        offsetLine([lerpPt(hip, knee, 0.6), knee], w * 0.55),
        { width: 0.55, opacity: op },
        { wobble: 0.3 },
      );
      sk.stroke(
        offsetLine([lerpPt(hip, knee, 0.6), knee], -w * 0.55),
        { width: 0.55, opacity: op },
        { wobble: 0.3 },
      );
    } else {
      const tube = [...offsetLine(thigh, w), ...offsetLine(thigh, -w).reverse()];
      blank(sk, tube);
      sk.stroke(offsetLine(thigh, w), { width: 0.6, opacity: op }, { wobble: 0.35 });
      sk.stroke(offsetLine(thigh, -w), { width: 0.6, opacity: op }, { wobble: 0.35 });
    }
    const shinTube = [...offsetLine(shin, w * 0.75), ...offsetLine(shin, -w * 0.75).reverse()];
    blank(sk, shinTube);
    sk.stroke(offsetLine(shin, w * 0.75), { width: 0.55, opacity: op }, { wobble: 0.35 });
    sk.stroke(offsetLine(shin, -w * 0.75), { width: 0.55, opacity: op }, { wobble: 0.35 });
    if (!far && sk.hand.detail > 0.4) {
      const ticks: Pt[][] = [];
      for (const t of [0.35, 0.5, 0.65]) {
        const a = offsetLine(shin, w * 0.75);
        const b = offsetLine(shin, -w * 0.75);
        ticks.push([lerpPt(a[0]!, a[1]!, t), lerpPt(b[0]!, b[1]!, t)]);
      }
      sk.marks(ticks, { width: 0.4 }, 0.05);
    }
    const kr = w * 1.55;
    sk.ellipse(knee[0], knee[1], kr, kr, { width: 0.6, opacity: op, fill: sk.paper }, 0, { wobble: 0.2 });
    sk.dots([knee], 0.55, sk.ink, op);
  }
  switch (g.foot) {
    case 'claw': {
      const s = dx >= 0 ? 1 : -1;
      sk.marks(
        [
          [foot, [foot[0] + s * 5, foot[1] + 0.5]],
          [foot, [foot[0] + s * 4, foot[1] - 2.2]],
          [foot, [foot[0] - s * 3, foot[1] + 0.4]],
        ],
        { width: 0.6, opacity: op },
        0.05,
      );
      break;
    }
    case 'wheel': {
      const c: Pt = [foot[0], foot[1] - 4.2];
      sk.ellipse(c[0], c[1], 4.2, 4.2, { width: 0.65, opacity: op, fill: sk.paper }, 0, { wobble: 0.2 });
      const sp: Pt[][] = [];
      for (let i = 0; i < 3; i++) {
        const a = (i / 3) * Math.PI + sk.r();
        sp.push([
          [c[0] + Math.cos(a) * 4, c[1] + Math.sin(a) * 4],
          [c[0] - Math.cos(a) * 4, c[1] - Math.sin(a) * 4],
        ]);
      }
      sk.marks(sp, { width: 0.35, opacity: op }, 0.03);
      sk.dots([c], 0.9, sk.ink, op);
      break;
    }
    case 'pad': {
      const pad = ellipsePts(foot[0] + 1, foot[1] - 1.4, 4.4, 1.8, 10);
      blank(sk, pad);
      sk.hatch(pad, 0, 1.6, { width: 0.35, opacity: op });
      sk.stroke(pad, { width: 0.6, opacity: op }, { closed: true, wobble: 0.2 });
      break;
    }
    case 'ball':
      sk.dots([[foot[0], foot[1] - 1.6]], 1.9, sk.ink, op);
      break;
  }
}

function tail(sk: Sketch, g: Genome, root: Pt, dir: number): void {
  sk.frame(
    root[0],
    root[1],
    1,
    () => {
      switch (g.tail) {
        case 'spring': {
          const pts: Pt[] = [];
          const coils = sk.intIn(5, 8);
          const L = 34;
          for (let i = 0; i <= coils * 10; i++) {
            const t = i / (coils * 10);
            const a = t * coils * Math.PI * 2;
            const rr = 5.5 * (1 - t * 0.45);
            pts.push([t * L + Math.cos(a) * rr * 0.55 - rr * 0.55, Math.sin(a) * rr - t * t * 16]);
          }
          sk.stroke(pts, { width: 0.6 }, { wobble: 0.25 });
          sk.dots([pts[pts.length - 1]!], 2, sk.ink);
          break;
        }
        case 'segments': {
          for (let i = 7; i >= 0; i--) {
            const t = i / 8;
            const a = -t * 2.2;
            const c: Pt = [Math.cos(a) * t * 26 + t * 8, Math.sin(a) * t * 22];
            const rr = 6.5 * (1 - t * 0.7);
            const e = ellipsePts(c[0], c[1], rr, rr, 12);
            blank(sk, e);
            shade(sk, e, 1, 0.1);
            sk.stroke(e, { width: 0.6 }, { closed: true, wobble: 0.3 });
          }
          break;
        }
        case 'fan': {
          const n = 5;
          const tips: Pt[] = [];
          for (let i = 0; i < n; i++) {
            const a = -0.9 + (i / (n - 1)) * 1.3;
            const L = 30 + (i % 2) * 6;
            tips.push([Math.cos(a) * L, Math.sin(a) * L]);
          }
          const web: Pt[] = [[0, 0], ...tips.map((t) => lerpPt([0, 0], t, 0.8))];
          blank(sk, web);
          sk.hatch(web, 0.1, hatchGap(sk) * 1.1, { width: 0.35 });
          for (const t of tips) {
            sk.stroke([[0, 0], t], { width: 0.6 }, { wobble: 0.3 });
            sk.ellipse(t[0], t[1], 2.2, 2.2, { width: 0.55 }, 0, { wobble: 0.15 });
          }
          sk.stroke(web.slice(1), { width: 0.5 }, { wobble: 0.3 });
          break;
        }
        case 'tube': {
          const spine = quadPts([0, 0], [26, 4], [30, -24], 12);
          const a = offsetLine(spine, 2.6);
          const b = offsetLine(spine, -2.6);
          blank(sk, [...a, ...b.reverse()]);
          sk.stroke(offsetLine(spine, 2.6), { width: 0.6 }, { wobble: 0.3 });
          sk.stroke(offsetLine(spine, -2.6), { width: 0.6 }, { wobble: 0.3 });
          const rings: Pt[][] = [];
          const oa = offsetLine(spine, 2.6);
          const ob = offsetLine(spine, -2.6);
          for (let i = 2; i < spine.length - 1; i += 2) rings.push([oa[i]!, ob[i]!]);
          sk.marks(rings, { width: 0.45 }, 0.05);
          const end = spine[spine.length - 1]!;
          const cup: Pt[] = [
            [end[0] - 4, end[1]],
            [end[0] - 6.5, end[1] - 8],
            [end[0] + 6.5, end[1] - 8],
            [end[0] + 4, end[1]],
          ];
          blank(sk, cup);
          sk.hatch(cup, 1.3, hatchGap(sk), { width: 0.35 });
          sk.stroke(cup, { width: 0.6 }, { closed: true, sharp: true, wobble: 0.2 });
          break;
        }
        case 'propeller': {
          sk.stroke(
            [
              [0, 0],
              [14, 0],
            ],
            { width: 1.1 },
            { wobble: 0.2 },
          );
          for (const s of [-1, 1]) {
            const blade = ellipsePts(15, s * 9, 3.2, 8.5, 12, s * 0.25);
            blank(sk, blade);
            sk.hatch(blade, 0.4, hatchGap(sk) * 0.8, { width: 0.35 });
            sk.stroke(blade, { width: 0.6 }, { closed: true, wobble: 0.25 });
          }
          sk.ellipse(15, 0, 2.6, 2.6, { width: 0.6, fill: sk.paper }, 0, { wobble: 0.1 });
          break;
        }
        case 'none':
          break;
      }
    },
    false,
    dir,
  );
}

function gadget(sk: Sketch, g: Genome, kind: Gadget, at: Pt, normal: number): void {
  const brass = g.wash ?? sk.tint(45, 0.45, 0.65);
  sk.frame(
    at[0],
    at[1],
    1,
    () => {
      switch (kind) {
        case 'gear': {
          const r = sk.range(8, 12);
          gear(sk, 0, -r * 0.35, r, sk.intIn(8, 12), sk.chance(0.5) ? brass : undefined);
          if (sk.chance(0.5)) gear(sk, r * 1.25, -r * 0.95, r * 0.55, sk.intIn(6, 8));
          break;
        }
        case 'valve': {
          const stalk: Pt[] = [
            [-1.6, 1],
            [-1.6, -11],
            [1.6, -11],
            [1.6, 1],
          ];
          sk.stroke(stalk, { fill: sk.paper, width: 0.6 }, { sharp: true, wobble: 0.2 });
          sk.ellipse(0, 0.5, 4, 1.5, { width: 0.55, fill: sk.paper }, 0, { wobble: 0.15 });
          const wheel = ellipsePts(0, -12.5, 8, 2.8, 16);
          sk.stroke(wheel, { width: 0.7 }, { closed: true, wobble: 0.2 });
          sk.stroke(ellipsePts(0, -12.5, 7.2, 2.3, 16), { width: 0.35 }, { closed: true, wobble: 0.1 });
          sk.marks(
            [
              [
                [-7.5, -12.5],
                [7.5, -12.5],
              ],
              [
                [-3.5, -14.8],
                [3.5, -10.2],
              ],
              [
                [3.5, -14.8],
                [-3.5, -10.2],
              ],
            ],
            { width: 0.45 },
            0.05,
          );
          sk.dots([[0, -12.5]], 1.2, sk.ink);
          sk.dots([[7.8, -12.5]], 1.1, g.wash ?? sk.ink);
          break;
        }
        case 'funnel': {
          const f: Pt[] = [
            [-3.5, 1],
            [-6, -16],
            [6, -16],
            [3.5, 1],
          ];
          blank(sk, f);
          if (g.wash) sk.wash(f, g.wash, 0.35, 0.2);
          sk.hatch(clipHalfPlane(f, -1, 0, -1), 1.45, hatchGap(sk) * 0.8, { width: 0.4 });
          sk.stroke(f, { width: 0.7 }, { sharp: true, wobble: 0.25 });
          sk.ellipse(0, -16, 6, 1.8, { width: 0.65, fill: sk.paper }, 0, { wobble: 0.1 });
          const bands: Pt[][] = [
            [
              [-4.2, -4],
              [4.2, -4],
            ],
            [
              [-5, -10],
              [5, -10],
            ],
          ];
          sk.marks(bands, { width: 0.5 }, 0.05);
          rivetsAlong(
            sk,
            [
              [-4.2, -5.5],
              [4.2, -5.5],
            ],
            2.6,
            0.4,
          );
          // Smoke, in small loops drifting away.
          for (let i = 0; i < 3; i++) {
            const rr = 3 + i * 1.6;
            sk.ellipse(-3 - i * 6, -22 - i * 8, rr, rr * 0.8, { width: 0.45, opacity: 0.7 - i * 0.15 }, 0, {
              wobble: 0.5,
            });
          }
          break;
        }
        case 'key': {
          sk.stroke(
            [
              [0, 1],
              [0, -9],
            ],
            { width: 1.1 },
            { wobble: 0.15 },
          );
          for (const s of [-1, 1]) {
            const loop = ellipsePts(s * 5.5, -12, 5.5, 3.6, 14);
            sk.stroke(loop, { fill: sk.paper, width: 0.7 }, { closed: true, wobble: 0.2 });
            sk.ellipse(s * 5.8, -12, 1.4, 1.1, { width: 0.45 }, 0, { wobble: 0.05 });
          }
          sk.dots([[0, -12]], 1.4, sk.ink);
          break;
        }
        case 'dial': {
          sk.stroke(
            [
              [0, 1],
              [0, -5],
            ],
            { width: 1 },
            { wobble: 0.1 },
          );
          const c: Pt = [0, -12];
          const face = ellipsePts(c[0], c[1], 7.5, 7.5, 16);
          sk.stroke(face, { fill: sk.paper, width: 0.75 }, { closed: true, wobble: 0.2 });
          sk.stroke(ellipsePts(c[0], c[1], 6.2, 6.2, 16), { width: 0.35 }, { closed: true, wobble: 0.1 });
          const ticks: Pt[][] = [];
          for (let i = 0; i <= 8; i++) {
            const a = Math.PI * (0.8 + (i / 8) * 1.4);
            ticks.push([
              [c[0] + Math.cos(a) * 5, c[1] + Math.sin(a) * 5],
              [c[0] + Math.cos(a) * 6, c[1] + Math.sin(a) * 6],
            ]);
          }
          sk.marks(ticks, { width: 0.35 }, 0.02);
          const na = Math.PI * (0.9 + sk.r() * 1.2);
          sk.stroke(
            [c, [c[0] + Math.cos(na) * 5, c[1] + Math.sin(na) * 5]],
            { width: 0.6, color: g.wash ?? sk.ink },
            { wobble: 0.05 },
          );
          sk.dots([c], 0.8, sk.ink);
          break;
        }
        case 'lamp': {
          const stalk = quadPts([0, 0], [2, -16], [12, -20], 8);
          sk.stroke(stalk, { width: 0.7 }, { wobble: 0.3 });
          const c: Pt = [14, -18];
          const bulb = ellipsePts(c[0], c[1], 3.6, 3.6, 12);
          blank(sk, bulb);
          sk.wash(bulb, sk.tint(52, 0.8, 0.7), 0.6, 0.2);
          sk.stroke(bulb, { width: 0.6 }, { closed: true, wobble: 0.15 });
          const rays: Pt[][] = [];
          for (let i = 0; i < 7; i++) {
            const a = -Math.PI * 0.9 + i * 0.5;
            rays.push([
              [c[0] + Math.cos(a) * 5.5, c[1] + Math.sin(a) * 5.5],
              [c[0] + Math.cos(a) * 8, c[1] + Math.sin(a) * 8],
            ]);
          }
          sk.marks(rays, { width: 0.4 }, 0.05);
          break;
        }
      }
    },
    false,
    normal + Math.PI / 2,
  );
}

/** A pipe arching from one point of the body to another, with joints and bands. */
function pipe(sk: Sketch, a: Pt, b: Pt, lift: number): void {
  const c: Pt = [(a[0] + b[0]) / 2, Math.min(a[1], b[1]) - lift];
  const spine = quadPts(a, c, b, 14);
  const w = 1.9;
  const oa = offsetLine(spine, w);
  const ob = offsetLine(spine, -w);
  blank(sk, [...oa, ...ob.slice().reverse()]);
  sk.stroke(oa, { width: 0.6 }, { wobble: 0.3 });
  sk.stroke(ob, { width: 0.6 }, { wobble: 0.3 });
  const rings: Pt[][] = [];
  for (let i = 2; i < spine.length - 1; i += 3) rings.push([oa[i]!, ob[i]!]);
  sk.marks(rings, { width: 0.5 }, 0.05);
  for (const end of [a, b])
    sk.ellipse(end[0], end[1], w * 1.7, w * 1.1, { width: 0.6, fill: sk.paper }, 0, { wobble: 0.1 });
}

// ---------------------------------------------------------------------------------------------
// Bodies

function plateTexture(sk: Sketch, g: Genome, panel: readonly Pt[], kind: Skin, i: number): void {
  const inner = shrink(panel, 2.2);
  if (inner.length < 3) return;
  switch (kind) {
    case 'scales':
      scales(sk, inner, sk.hand.detail > 0.6 ? 5.2 : 7.5, 'down');
      break;
    case 'rivets': {
      const b = bounds(inner);
      const cols = [b.x0 + 1.5, b.x1 - 1.5];
      for (const x of cols) {
        const line: Pt[] = [];
        for (let y = b.y0 + 2; y < b.y1; y += 4) if (pointInPoly([x, y], inner)) line.push([x, y]);
        sk.dots(line, 0.75, sk.ink);
      }
      if (i % 2 === 0) {
        const p = [(b.x0 + b.x1) / 2, b.y0 * 0.4 + b.y1 * 0.6] as Pt;
        if (pointInPoly(p, inner) && b.x1 - b.x0 > 12) {
          const rr = Math.min(5.5, (b.x1 - b.x0) / 3.2);
          const hole = ellipsePts(p[0], p[1], rr, rr, 14);
          if (g.wash) sk.wash(hole, g.wash, 0.4, 0.2);
          sk.stroke(hole, { width: 0.6 }, { closed: true, wobble: 0.2 });
          sk.stroke(
            ellipsePts(p[0], p[1], rr * 0.7, rr * 0.7, 12),
            { width: 0.35 },
            { closed: true, wobble: 0.1 },
          );
          sk.stroke(
            ellipsePts(p[0], p[1], rr * 0.45, rr * 0.45, 6, 0, Math.PI * 1.1, Math.PI * 0.5),
            { width: 0.4 },
            { wobble: 0 },
          );
        }
      }
      break;
    }
    case 'plates': {
      const b = bounds(inner);
      const lines: Pt[][] = [];
      for (let y = b.y0 + 4; y < b.y1 - 1; y += 5.5) {
        const seg = clipHalfPlane(clipHalfPlane(inner, 0, 1, y + 0.01), 0, -1, -(y - 0.01));
        if (seg.length >= 2) {
          const bb = bounds(seg);
          lines.push(quadPts([bb.x0, y], [(bb.x0 + bb.x1) / 2, y + 1.8], [bb.x1, y], 4));
        }
      }
      sk.marks(lines, { width: 0.45 }, 0.1);
      break;
    }
    case 'hatched':
      sk.hatch(inner, 1.57 + sk.gauss(0.05), hatchGap(sk) * 1.3, { width: 0.35 }, { skip: 0.1 });
      break;
  }
}

function beetle(sk: Sketch, g: Genome): Anatomy {
  const H = g.bodyH;
  const bottom = (x: number): number => 3 + 6 * Math.sin(Math.PI * ((x + 50) / 100));
  const outline: Pt[] = [...ellipsePts(0, 3, 50, H, 22, 0, Math.PI, Math.PI)];
  for (let i = 1; i < 10; i++) {
    const x = 50 - i * 10;
    outline.push([x, bottom(x)]);
  }
  const top = (t: number): { p: Pt; n: number } => {
    const x = -50 + 100 * t;
    const a = 2 * Math.PI - Math.acos(Math.max(-1, Math.min(1, x / 50)));
    return { p: [50 * Math.cos(a), 3 + H * Math.sin(a)], n: Math.atan2(Math.sin(a) / H, Math.cos(a) / 50) };
  };
  const nSeams = g.skin === 'hatched' ? 2 : sk.intIn(3, 5);
  const xs: number[] = [-50];
  for (let i = 1; i <= nSeams; i++) xs.push(-50 + (100 * i) / (nSeams + 1) + sk.gauss(3));
  xs.push(50);
  const legs = g.legLen;
  const nLegs = Math.max(2, Math.min(4, Math.round(g.legStyle === 'wire' ? 2 + sk.r() * 2 : 3)));
  const hips: Pt[] = [];
  for (let i = 0; i < nLegs; i++) {
    const x = -34 + (68 * i) / Math.max(1, nLegs - 1);
    hips.push([x, bottom(x) - 2]);
  }
  return {
    hips,
    ground: 9 + legs,
    neck: [46, -3],
    headDir: -0.15,
    tailRoot: [-49, -1],
    tailDir: Math.PI + 0.35,
    mounts: [top(0.28), top(0.52), top(0.72)],
    drawBody: () => {
      blank(sk, outline);
      if (g.wash) sk.wash(outline, g.wash, 0.22, 0.6);
      const kinds: Skin[] = [g.skin, g.skin === 'scales' ? 'rivets' : 'scales', g.skin];
      for (let i = 0; i + 1 < xs.length; i++) {
        const panel = band(outline, xs[i]! + 1.2, xs[i + 1]! - 1.2);
        if (panel.length < 3) continue;
        if (g.wash && i % 2 === 1) sk.wash(panel, g.wash, 0.35, 0.3);
        plateTexture(sk, g, panel, kinds[i % kinds.length]!, i);
      }
      shade(sk, outline, 2, 0.05);
      // The skirt: a rim along the bottom with rivets.
      const skirt: Pt[] = [];
      for (let x = -47; x <= 47; x += 6) skirt.push([x, bottom(x) - 5.5]);
      sk.stroke(skirt, { width: 0.55 }, { wobble: 0.3 });
      if (sk.hand.detail > 0.3)
        rivetsAlong(
          sk,
          skirt.map(([x, y]) => [x, y + 2.7] as Pt),
          4.2,
          0.6,
        );
      for (let i = 1; i + 1 < xs.length; i++) {
        const x = xs[i]!;
        const seam = quadPts(
          [x - 2, bottom(x) - 5.5],
          [x - 7, bottom(x) - H * 0.55],
          top((x + 50) / 100).p,
          8,
        );
        sk.stroke(seam, { width: 0.7 }, { wobble: 0.4 });
        if (sk.hand.detail > 0.5) rivetsAlong(sk, offsetLine(seam, 2.2), 4.5, 0.55);
      }
      sk.stroke(outline, { width: 1.1 }, { closed: true, main: true });
    },
  };
}

function caterpillar(sk: Sketch, g: Genome): Anatomy {
  const n = sk.intIn(4, 6);
  const segs: { c: Pt; r: number }[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const r = 12 + 5 * Math.sin(Math.PI * (0.25 + 0.6 * t)) + sk.gauss(0.8);
    segs.push({ c: [lerp(-46, 30, t), -r + 4 * Math.sin(i * 1.7)], r });
  }
  const last = segs[n - 1]!;
  const first = segs[0]!;
  const ground = Math.max(...segs.map((s) => s.c[1] + s.r)) + g.legLen * 0.5;
  return {
    hips: segs.map((s) => [s.c[0], s.c[1] + s.r * 0.8] as Pt),
    ground,
    neck: [last.c[0] + last.r * 0.8, last.c[1] - last.r * 0.2],
    headDir: -0.2,
    tailRoot: [first.c[0] - first.r * 0.85, first.c[1]],
    tailDir: Math.PI + 0.3,
    mounts: segs
      .filter((_, i) => i % 2 === 1)
      .map((s) => ({ p: [s.c[0], s.c[1] - s.r * 0.96] as Pt, n: -Math.PI / 2 })),
    drawBody: () => {
      segs.forEach((s, i) => {
        const e = ellipsePts(s.c[0], s.c[1], s.r, s.r, 22);
        blank(sk, e);
        if (g.wash && i % 2 === 0) sk.wash(e, g.wash, 0.32, 0.4);
        const ring = ellipsePts(s.c[0], s.c[1], s.r * 0.64, s.r * 0.64, 18);
        if (g.skin === 'scales') {
          scales(sk, shrink(e, 2.5), sk.hand.detail > 0.6 ? 4.8 : 7, 'down');
        } else if (g.skin === 'plates') {
          const lines: Pt[][] = [];
          for (let k = 1; k < 4; k++) {
            const x = s.c[0] - s.r + (k * s.r * 2) / 4;
            const h = Math.sqrt(Math.max(0, s.r * s.r - (x - s.c[0]) ** 2)) - 1.5;
            lines.push(quadPts([x, s.c[1] - h], [x + 3, s.c[1]], [x, s.c[1] + h], 6));
          }
          sk.marks(lines, { width: 0.5 }, 0.1);
        } else {
          sk.stroke(ring, { width: 0.5 }, { closed: true, wobble: 0.3 });
          if (sk.hand.detail > 0.3) {
            const riv: Pt[] = [];
            for (let k = 0; k < 10; k++) {
              const a = (k / 10) * Math.PI * 2;
              riv.push([s.c[0] + Math.cos(a) * s.r * 0.82, s.c[1] + Math.sin(a) * s.r * 0.82]);
            }
            sk.dots(riv, 0.7, sk.ink);
          }
          if (i % 2 === 1 && sk.hand.detail > 0.5) gear(sk, s.c[0], s.c[1], s.r * 0.45, 8);
        }
        shade(sk, e, 2, 0.05);
        sk.stroke(e, { width: 1 }, { closed: true, main: true });
      });
    },
  };
}

function bird(sk: Sketch, g: Genome): Anatomy {
  const body = ellipsePts(0, -4, 34, 26, 26, -0.18);
  const wing: Pt[] = [
    ...quadPts([-24, -10], [-2, -30], [22, -6], 8),
    ...quadPts([22, -6], [0, 10], [-24, -10], 8).slice(1),
  ];
  return {
    hips: [
      [-6, 17],
      [6, 18],
    ],
    ground: 20 + g.legLen * 1.4,
    neck: [26, -20],
    headDir: -0.45,
    tailRoot: [-31, -6],
    tailDir: Math.PI + 0.45,
    mounts: [
      { p: [-10, -29], n: -Math.PI / 2 - 0.2 },
      { p: [8, -28.5], n: -Math.PI / 2 + 0.15 },
    ],
    drawBody: () => {
      blank(sk, body);
      if (g.wash) sk.wash(body, g.wash, 0.25, 0.5);
      // Breast plates, riveted, below the wing.
      const breast = clipHalfPlane(body, -0.3, -1, -8);
      const lines: Pt[][] = [];
      for (let k = 0; k < 4; k++) {
        const y = 10 + k * 4.5;
        lines.push(quadPts([-22 + k * 2, y - 2], [0, y + 3], [24 - k * 3, y - 8], 6));
      }
      sk.marks(
        lines.filter((l) => l.every((p) => pointInPoly(p, body))),
        { width: 0.45 },
        0.1,
      );
      if (sk.hand.detail > 0.35) rivetsAlong(sk, quadPts([-20, 8], [0, 14], [24, 2], 6), 4, 0.6);
      shade(sk, breast.length > 2 ? body : body, 2, 0.1);
      blank(sk, wing);
      if (g.wash) sk.wash(wing, g.wash, 0.4, 0.3);
      scales(sk, shrink(wing, 2), sk.hand.detail > 0.6 ? 4.6 : 6.8, 'back');
      sk.hatch(clipHalfPlane(wing, 0, -1, 2), 0.9, hatchGap(sk), { width: 0.35 });
      sk.stroke(wing, { width: 0.9 }, { closed: true, wobble: 0.5 });
      sk.stroke(body, { width: 1.1 }, { closed: true, main: true });
    },
  };
}

function fish(sk: Sketch, g: Genome): Anatomy {
  const h = (t: number): number => 23 * Math.pow(Math.sin(Math.PI * (0.1 + 0.9 * t)), 0.62);
  const N = 18;
  const topPts: Pt[] = [];
  const botPts: Pt[] = [];
  for (let i = 0; i <= N; i++) {
    const t = i / N;
    const x = lerp(-46, 48, t);
    topPts.push([x, -h(t) * 1.05 - 6]);
    botPts.push([x, h(t) * 0.85 - 6]);
  }
  const outline = [...topPts, ...botPts.slice(0, -1).reverse()];
  const fin: Pt[] = [
    [-14, -h(0.34) * 1.05 - 5],
    [-2, -h(0.46) * 1.05 - 22],
    [10, -h(0.6) * 1.05 - 5],
  ];
  const maxBot = Math.max(...botPts.map((p) => p[1]));
  return {
    hips: [
      [-20, maxBot - 6],
      [18, maxBot - 5],
    ],
    ground: maxBot + g.legLen * 0.65,
    neck: undefined,
    headDir: 0,
    tailRoot: [-45, -6],
    tailDir: Math.PI,
    mounts: [{ p: [-28, -h(0.2) - 7], n: -Math.PI / 2 - 0.3 }],
    drawBody: () => {
      blank(sk, fin);
      sk.hatch(fin, 1.2, hatchGap(sk) * 0.9, { width: 0.35 });
      const rays: Pt[][] = [];
      for (let k = 1; k < 4; k++)
        rays.push([lerpPt(fin[0]!, fin[2]!, k / 4), lerpPt(fin[1]!, fin[2]!, k / 5)]);
      sk.marks(rays, { width: 0.45 }, 0.1);
      sk.stroke(fin, { width: 0.8 }, { wobble: 0.4 });
      blank(sk, outline);
      if (g.wash) sk.wash(outline, g.wash, 0.28, 0.5);
      const scaled = band(outline, -40, 22);
      scales(sk, shrink(scaled, 2), sk.hand.detail > 0.6 ? 5 : 7.5, 'back');
      // The gill plate, riveted, and a porthole.
      const gill = quadPts([26, -h(0.77) - 4], [20, -6], [27, h(0.77) * 0.7 - 7], 8);
      sk.stroke(gill, { width: 0.8 }, { wobble: 0.4 });
      if (sk.hand.detail > 0.35) rivetsAlong(sk, offsetLine(gill, -2.5), 3.5, 0.6);
      if (g.skin !== 'scales' || sk.chance(0.4)) {
        const ph: Pt = [-8, -8];
        const ring = ellipsePts(ph[0], ph[1], 8, 8, 18);
        blank(sk, ring);
        if (g.wash) sk.wash(ellipsePts(ph[0], ph[1], 5.6, 5.6, 12), g.wash, 0.45, 0.2);
        sk.stroke(ring, { width: 0.75 }, { closed: true, wobble: 0.3 });
        sk.stroke(ellipsePts(ph[0], ph[1], 5.6, 5.6, 14), { width: 0.5 }, { closed: true, wobble: 0.2 });
        const riv: Pt[] = [];
        for (let k = 0; k < 10; k++)
          riv.push([ph[0] + Math.cos(k * 0.628) * 6.8, ph[1] + Math.sin(k * 0.628) * 6.8]);
        sk.dots(riv, 0.55, sk.ink);
        sk.stroke(
          ellipsePts(ph[0], ph[1], 3.6, 3.6, 6, 0, Math.PI * 1.1, Math.PI * 0.5),
          { width: 0.4 },
          { wobble: 0 },
        );
      }
      shade(sk, outline, 2, 0.0);
      sk.stroke(quadPts([44, -2], [40, 1], [35, 0], 4), { width: 0.6 }, { wobble: 0.2 });
      sk.stroke(outline, { width: 1.1 }, { closed: true, main: true });
    },
    drawFront: () => {
      eye(sk, 33, -13, 4.6, g);
      for (let i = 0; i < g.antennae; i++) {
        const tip: Pt = [44 + i * 8, -48 - i * 6];
        sk.stroke(quadPts([36 + i * 3, -h(0.85) - 5], [30, -40], tip, 8), { width: 0.55 }, { wobble: 0.4 });
        sk.dots([tip], 1.8, sk.ink);
      }
    },
  };
}

function spider(sk: Sketch, g: Genome): Anatomy {
  const abdomen = ellipsePts(-20, -24, 27, 19, 24, -0.25);
  const thorax = ellipsePts(12, -16, 13, 10, 18);
  return {
    hips: [
      [4, -10],
      [9, -9],
      [14, -9],
      [19, -10],
    ],
    ground: 12 + g.legLen * 0.3,
    neck: [22, -19],
    headDir: 0.05,
    tailRoot: [-45, -18],
    tailDir: Math.PI + 0.2,
    mounts: [
      { p: [-26, -42], n: -Math.PI / 2 - 0.3 },
      { p: [-8, -40], n: -Math.PI / 2 + 0.3 },
    ],
    highKnees: true,
    drawBody: () => {
      blank(sk, abdomen);
      const xs = [-46, -36, -26, -16, -6, 6];
      for (let i = 0; i + 1 < xs.length; i++) {
        const strip = band(abdomen, xs[i]! + 0.8, xs[i + 1]! - 0.8);
        if (strip.length < 3) continue;
        if (i % 2 === 0) {
          if (g.wash) sk.wash(strip, g.wash, 0.4, 0.2);
          sk.hatch(strip, 1.5, hatchGap(sk), { width: 0.4 });
        } else if (g.skin === 'scales') {
          scales(sk, shrink(strip, 1), 4.5, 'down');
        }
        const seam = strip.filter((p) => Math.abs(p[0] - (xs[i + 1]! - 0.8)) < 0.01);
        if (seam.length >= 2 && sk.hand.detail > 0.45)
          rivetsAlong(
            sk,
            [
              [xs[i + 1]!, bounds(seam).y0 + 3],
              [xs[i + 1]!, bounds(seam).y1 - 3],
            ],
            3.4,
            0.55,
          );
      }
      shade(sk, abdomen, 2, 0.25);
      sk.stroke(abdomen, { width: 1.1 }, { closed: true, main: true });
      blank(sk, thorax);
      if (g.wash) sk.wash(thorax, g.wash, 0.25, 0.3);
      gear(sk, 11, -17, 6, 8);
      shade(sk, thorax, 1, 0.3);
      sk.stroke(thorax, { width: 1 }, { closed: true, main: true });
    },
  };
}

function snail(sk: Sketch, g: Genome): Anatomy {
  // A soft foot along the ground that rises at the front into the neck, running on little wheels.
  const foot: Pt[] = [
    ...quadPts([-50, 4], [-8, 9], [36, 4], 8),
    ...quadPts([36, 4], [50, 0], [44, -24], 6).slice(1),
    ...quadPts([44, -24], [34, -30], [28, -16], 4).slice(1),
    ...quadPts([28, -16], [0, -12], [-30, -8], 6).slice(1),
    ...quadPts([-30, -8], [-50, -6], [-50, 4], 4).slice(1),
  ];
  const sc: Pt = [-8, -30];
  const R = 27;
  return {
    hips: [],
    ground: 16,
    neck: [40, -22],
    headDir: -0.35,
    tailRoot: [-46, 0],
    tailDir: Math.PI + 0.2,
    mounts: [
      { p: [sc[0] - 12, sc[1] - R * 0.93], n: -Math.PI / 2 - 0.45 },
      { p: [sc[0] + 14, sc[1] - R * 0.9], n: -Math.PI / 2 + 0.5 },
    ],
    drawBody: () => {
      blank(sk, foot);
      if (g.wash) sk.wash(foot, g.wash, 0.2, 0.4);
      sk.hatch(clipHalfPlane(foot, 0, -1, 0), 0.1, hatchGap(sk) * 0.9, { width: 0.35 });
      const ridges: Pt[][] = [];
      for (let x = -42; x < 30; x += 7) ridges.push(quadPts([x, 5], [x + 2, 0], [x + 1, -4], 3));
      sk.marks(ridges, { width: 0.4 }, 0.1);
      sk.stroke(foot, { width: 1 }, { closed: true, main: true });
      for (const x of [-34, -12, 10, 30]) {
        sk.ellipse(x, 10.5, 5, 5, { width: 0.7, fill: sk.paper }, 0, { wobble: 0.2 });
        const sp: Pt[][] = [];
        for (let k = 0; k < 3; k++) {
          const a = (k / 3) * Math.PI + x;
          sp.push([
            [x + Math.cos(a) * 4.6, 10.5 + Math.sin(a) * 4.6],
            [x - Math.cos(a) * 4.6, 10.5 - Math.sin(a) * 4.6],
          ]);
        }
        sk.marks(sp, { width: 0.35 }, 0.03);
        sk.dots([[x, 10.5]], 1, sk.ink);
      }
      const shell = ellipsePts(sc[0], sc[1], R, R * 0.95, 26);
      blank(sk, shell);
      if (g.wash) sk.wash(shell, g.wash, 0.3, 0.4);
      // The whorl, with radial seams between its turns, riveted.
      const spiral: Pt[] = [];
      const turns = 2.6;
      for (let i = 0; i <= 70; i++) {
        const t = i / 70;
        const a = -Math.PI / 2 + t * turns * Math.PI * 2;
        const rr = R * (1 - t * 0.9);
        spiral.push([sc[0] + Math.cos(a) * rr * 0.98, sc[1] + Math.sin(a) * rr * 0.93]);
      }
      sk.stroke(spiral, { width: 0.75 }, { wobble: 0.4 });
      const seams: Pt[][] = [];
      for (let k = 0; k < 14; k++) {
        const a = (k / 14) * Math.PI * 2;
        const r0 = R * (0.5 + 0.1 * (k % 3));
        seams.push([
          [sc[0] + Math.cos(a) * r0, sc[1] + Math.sin(a) * r0],
          [sc[0] + Math.cos(a) * (R - 1.5), sc[1] + Math.sin(a) * (R - 1.5)],
        ]);
      }
      sk.marks(seams, { width: 0.4 }, 0.1);
      if (sk.hand.detail > 0.4) gear(sk, sc[0] + 1, sc[1] + 1, R * 0.3, 9, g.wash);
      shade(sk, shell, 2, 0.1);
      sk.stroke(shell, { width: 1.1 }, { closed: true, main: true });
    },
  };
}

const PLANS: Record<Plan, (sk: Sketch, g: Genome) => Anatomy> = {
  beetle,
  caterpillar,
  bird,
  fish,
  spider,
  snail,
};

function genome(sk: Sketch): Genome {
  const h = sk.hand;
  const simple = h.detail < 0.4;
  const plan = sk.pick<Plan>(['beetle', 'beetle', 'caterpillar', 'bird', 'fish', 'spider', 'snail']);
  const gadgetPool: Gadget[] = ['gear', 'valve', 'funnel', 'key', 'dial', 'lamp', 'gear'];
  const nGadgets = Math.min(3, Math.round(h.detail * 2.4 + sk.r() * 1.2 - 0.3));
  const gadgets = sk.rng.shuffled(gadgetPool).slice(0, Math.max(0, nGadgets));
  const coloured = sk.chance(0.2 + 0.55 * h.originality + 0.35 * h.naivety);
  return {
    plan,
    legStyle: simple
      ? 'wire'
      : plan === 'spider' || h.detail > 0.75
        ? sk.pick<LegStyle>(['jointed', 'jointed', 'piston'])
        : sk.pick<LegStyle>(['jointed', 'jointed', 'piston', 'wire']),
    foot: sk.pick<Foot>(simple ? ['ball', 'claw'] : ['claw', 'claw', 'wheel', 'pad', 'ball']),
    snout: sk.pick<Snout>(['beak', 'snout', 'trunk', 'mandibles', 'plain']),
    tail:
      plan === 'fish'
        ? sk.pick<Tail>(['propeller', 'fan'])
        : sk.pick<Tail>(['spring', 'segments', 'fan', 'tube', 'propeller', 'none']),
    gadgets: [...new Set(gadgets)],
    skin: simple
      ? sk.pick<Skin>(['hatched', 'plates'])
      : sk.pick<Skin>(['scales', 'scales', 'plates', 'rivets']),
    antennae: sk.intIn(0, 2),
    goggle: !simple && sk.chance(0.35),
    headR: lerp(11, 15, sk.r()) * (1 + 0.35 * h.naivety),
    bodyH: sk.range(28, 40),
    legLen: sk.range(24, 44) * (1 - 0.3 * h.naivety),
    wash: coloured ? sk.own(sk.pick([0, 0, 0, 30, -30, 180]) * (0.3 + h.originality), 0.55, 0.6) : undefined,
    iris: sk.chance(0.5) ? sk.own(0, 0.6, 0.42) : sk.ink,
    pipe: !simple && sk.chance(0.4),
  };
}

/** Draws one creature in local coordinates (about 100 units long, facing +x, feet at `ground`). */
function creature(sk: Sketch, g: Genome): void {
  const a = PLANS[g.plan](sk, g);
  const near = a.hips;
  const spread = (i: number): number => (near.length === 1 ? 0 : (i / (near.length - 1) - 0.5) * 2);
  // A little shadow of hatching on the ground.
  if (sk.hand.detail < 0.85 && sk.chance(0.5)) {
    // The pencil ellipse the body was blocked in with, never quite rubbed out.
    sk.ellipse(
      sk.gauss(4),
      -14 + sk.gauss(3),
      56,
      34,
      { color: '#8f8a84', width: 0.4, opacity: 0.45, fixed: true },
      sk.gauss(0.1),
      {
        wobble: 1.6,
      },
    );
  }
  const sh = ellipsePts(0, a.ground + 0.5, 58, 4.5, 18);
  sk.hatch(sh, 0.05, 1.8, { width: 0.35, opacity: 0.7 }, { skip: 0.15 });
  const tufts: Pt[][] = [];
  for (let i = 0; i < sk.intIn(1, 3); i++) {
    const x = sk.range(-60, 60);
    for (let k = -1; k <= 1; k++)
      tufts.push([
        [x + k * 1.5, a.ground + 1],
        [x + k * 3.5 + sk.gauss(0.8), a.ground - 5 - sk.r() * 3],
      ]);
  }
  sk.marks(tufts, { width: 0.45 }, 0.1);
  const footAt = (hip: Pt, i: number, far: boolean): Pt =>
    a.highKnees
      ? [
          hip[0] + spread(i) * 44 + (i < near.length / 2 ? -10 : 10) + (far ? -7 : 0),
          a.ground - (far ? 3 : 0),
        ]
      : [hip[0] + spread(i) * 12 + (far ? -5 : 0), a.ground - (far ? 3 : 0)];
  const bendOf = (i: number): number =>
    a.highKnees
      ? i < near.length / 2
        ? 22
        : -22
      : (spread(i) >= 0 ? -1 : 1) * (g.legStyle === 'wire' ? 4 : 7);
  const lift = (i: number): number => (a.highKnees ? 36 + 6 * Math.sin(i * 2.1) : 0);
  near.forEach((hip, i) =>
    leg(sk, g, [hip[0] - 5, hip[1] - 3], footAt(hip, i, true), bendOf(i), true, lift(i) * 0.8),
  );
  if (g.tail !== 'none') tail(sk, g, a.tailRoot, a.tailDir);
  a.drawBody();
  if (g.pipe && a.mounts.length >= 2) {
    const m0 = a.mounts[0]!;
    const m1 = a.mounts[a.mounts.length - 1]!;
    pipe(sk, m0.p, m1.p, 22);
  }
  g.gadgets.forEach((k, i) => {
    const m = a.mounts[(i + (g.pipe ? 1 : 0)) % a.mounts.length];
    if (m && !(g.pipe && a.mounts.length <= 2)) gadget(sk, g, k, m.p, m.n);
  });
  near.forEach((hip, i) => leg(sk, g, hip, footAt(hip, i, false), bendOf(i), false, lift(i)));
  if (a.neck) {
    if (g.plan === 'bird' || g.plan === 'snail' || sk.chance(0.3)) {
      // A telescoping neck of rings.
      const n0 = a.neck;
      const rings = 3;
      for (let k = 0; k < rings; k++) {
        const c: Pt = [n0[0] + Math.cos(a.headDir) * k * 4, n0[1] + Math.sin(a.headDir) * k * 4];
        const e = ellipsePts(c[0], c[1], 3, 6 - k, 10, a.headDir);
        sk.stroke(e, { fill: sk.paper, width: 0.6 }, { closed: true, wobble: 0.2 });
      }
      head(
        sk,
        g,
        [n0[0] + Math.cos(a.headDir) * rings * 4, n0[1] + Math.sin(a.headDir) * rings * 4],
        a.headDir,
      );
    } else {
      head(sk, g, a.neck, a.headDir);
    }
  }
  a.drawFront?.();
}

/** The local bounding box of a creature, roughly: for placing it on the page. */
function reach(g: Genome): { x0: number; x1: number; y0: number; y1: number } {
  const ground = {
    beetle: 9 + g.legLen,
    caterpillar: 10 + g.legLen * 0.5,
    bird: 20 + g.legLen * 1.4,
    fish: 20 + g.legLen * 0.65,
    spider: 12 + g.legLen * 0.3,
    snail: 16,
  }[g.plan];
  return { x0: -70, x1: 80, y0: g.plan === 'bird' ? -75 : -62, y1: ground + 5 };
}

/** A small study in the margin: a gear or an eye drawn larger, ringed in pencil. */
function study(sk: Sketch, g: Genome, x: number, y: number): void {
  sk.frame(x, y, 1, () => {
    sk.ellipse(0, 0, 30, 30, { width: 0.45, color: '#8a857e', opacity: 0.7 }, 0, { wobble: 1.5 });
    if (sk.chance(0.5)) {
      gear(sk, -2, 0, 17, 12, g.wash);
      gear(sk, 15, -14, 8, 7);
    } else {
      eye(sk, 0, 0, 11, { ...g, goggle: true });
    }
  });
}

/**
 * A page of imaginary animals: one to four creatures placed in loose slots, mirrored at
 * random, with a study in a spare corner when the maker is careful.
 * @example drawAnimals(new Sketch(spec))
 */
export function drawAnimals(sk: Sketch): void {
  const h = sk.hand;
  const count = h.naivety > 0.6 ? sk.pick([1, 1, 2]) : sk.pick([1, 2, 2, 2, 3, 3, 3, 4]);
  const W = FRAME.w;
  const Hh = FRAME.h;
  const slots: [number, number, number, number][] = [];
  if (count === 1) slots.push([0.5, 0.53, 0.86, 0.9]);
  else if (count === 2) slots.push([0.36, 0.3, 0.64, 0.54], [0.64, 0.75, 0.64, 0.5]);
  else if (count === 3)
    slots.push([0.27, 0.27, 0.48, 0.48], [0.74, 0.33, 0.48, 0.48], [0.42, 0.76, 0.5, 0.48]);
  else
    slots.push(
      [0.26, 0.27, 0.48, 0.47],
      [0.74, 0.25, 0.48, 0.47],
      [0.27, 0.76, 0.48, 0.47],
      [0.74, 0.74, 0.48, 0.47],
    );
  // An original maker lets creatures crowd and tilt.
  const tilt = h.originality * 0.25;
  let spare = true;
  for (const [fx, fy, fw, fh] of slots) {
    const g = genome(sk);
    const r = reach(g);
    const k = Math.min((fw * W) / (r.x1 - r.x0), (fh * Hh) / (r.y1 - r.y0)) * sk.range(0.85, 1);
    const cx = FRAME.x + fx * W + sk.gauss(6);
    const cy = FRAME.y + fy * Hh + sk.gauss(5);
    const flip = sk.chance(0.5);
    sk.frame(
      cx - (flip ? -1 : 1) * k * (r.x0 + r.x1) * 0.5,
      cy - k * (r.y0 + r.y1) * 0.5,
      k,
      () => creature(sk, g),
      flip,
      sk.gauss(tilt),
    );
    if (spare && count <= 2 && h.detail > 0.55 && sk.chance(0.7)) {
      // The corner the creatures leave empty gets a study of one of their parts.
      spare = false;
      study(sk, g, FRAME.x + W * 0.86, FRAME.y + Hh * 0.14);
    }
  }
}
