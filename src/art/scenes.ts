/**
 * Outdoor pictures: the English countryside round a school (rolling hills, fields stitched
 * together by hedgerows, a lane, trees) and the sea (a shore, waves, a boat, sometimes one left
 * stranded). Also the shared furniture of any outdoor picture: sky, sun, clouds, birds, trees.
 * Young makers draw the sky as a strip along the top and the sun in a corner with rays, as
 * children do; stormy makers bring the weather in.
 */

import {
  clamp,
  clamp01,
  clipHalfPlane,
  ellipsePts,
  FRAME,
  lerp,
  lerpPt,
  offsetLine,
  quadPts,
  type Pt,
  type Sketch,
} from './picture.js';

const X0 = FRAME.x;
const X1 = FRAME.x + FRAME.w;
const Y0 = FRAME.y;
const Y1 = FRAME.y + FRAME.h;

/**
 * A rectangle as a polygon.
 * @example rect(0, 0, 10, 5) // [[0, 0], [10, 0], [10, 5], [0, 5]]
 */
export function rect(x0: number, y0: number, x1: number, y1: number): Pt[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

/**
 * A ridge line across the frame: smooth, with a few hills.
 * @example ridge(sk, 250, 20) // a hilly line across the frame near y = 250
 */
export function ridge(sk: Sketch, base: number, amp: number, step = 12): Pt[] {
  const f1 = sk.range(0.006, 0.014);
  const f2 = sk.range(0.015, 0.03);
  const p1 = sk.range(0, 6.3);
  const p2 = sk.range(0, 6.3);
  const out: Pt[] = [];
  for (let x = X0; x <= X1 + 0.01; x += step) {
    out.push([x, base - amp * (0.65 * Math.sin(x * f1 + p1) + 0.35 * Math.sin(x * f2 + p2))]);
  }
  return out;
}

/**
 * The height of a ridge at x, by linear interpolation.
 * @example ridgeAt(ridge(sk, 250, 20), 240) // the ridge's height in the middle
 */
export function ridgeAt(line: readonly Pt[], x: number): number {
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    if (x <= b[0]) return lerp(a[1], b[1], (x - a[0]) / (b[0] - a[0] || 1));
  }
  return line[line.length - 1]![1];
}

/**
 * A bumpy, cloud- or canopy-like outline round an ellipse.
 * @example bumpy(sk, 100, 80, 40, 16, 7) // a cloud's outline
 */
export function bumpy(
  sk: Sketch,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  bumps: number,
  depth = 0.18,
): Pt[] {
  const out: Pt[] = [];
  const n = bumps * 5;
  const ph = sk.r() * 6.28;
  const amps = Array.from({ length: bumps }, () => sk.range(0.6, 1.2));
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const b = Math.abs(Math.sin((a * bumps) / 2 + ph));
    const k = 1 + depth * (b - 0.5) * amps[Math.floor((i / n) * bumps) % bumps]!;
    out.push([cx + Math.cos(a) * rx * k, cy + Math.sin(a) * ry * k]);
  }
  return out;
}

/**
 * The sky, sun and clouds above `horizon`; returns the colour the sky was given.
 * @example sky(sk, 180) // sky, sun and clouds above y = 180
 */
export function sky(sk: Sketch, horizon: number, opts: { sun?: boolean } = {}): string {
  const h = sk.hand;
  const storm = h.temperament;
  const blue = sk.tint(212 - storm * 8, 0.6 - storm * 0.25, 0.74 - storm * 0.28);
  if (h.naivety > 0.5) {
    // A child's sky: a strip of blue along the top, white air beneath it.
    const strip = rect(X0, Y0, X1, Y0 + 30 + sk.range(0, 25));
    sk.colourIn(strip, blue, { angle: 0.1 });
  } else {
    sk.colourIn(rect(X0, Y0, X1, horizon + 4), blue, { angle: -0.15 + sk.gauss(0.1), strength: 0.8 });
    if (sk.paint !== 'crayon') {
      // Paler towards the horizon.
      sk.wash(rect(X0, horizon - (horizon - Y0) * 0.35, X1, horizon + 4), sk.paper, 0.45, 0.4);
    }
  }
  if (opts.sun !== false && storm < 0.65) {
    const corner = h.naivety > 0.5;
    const sx = corner ? sk.pick([X0 + 36, X1 - 36]) : sk.range(X0 + 60, X1 - 60);
    const sy = corner ? Y0 + 34 : lerp(Y0 + 40, horizon - 40, sk.r());
    const r = corner ? 24 : sk.range(14, 24);
    const yellow = sk.tint(48, 0.9, 0.62);
    const disc = ellipsePts(sx, sy, r, r, 20);
    sk.colourIn(disc, yellow);
    sk.stroke(disc, { color: sk.tint(38, 0.8, 0.5), width: 0.8 }, { closed: true });
    if (corner || sk.chance(0.3)) {
      const rays: Pt[][] = [];
      for (let i = 0; i < 12; i++) {
        const a = (i / 12) * Math.PI * 2 + sk.gauss(0.05);
        rays.push([
          [sx + Math.cos(a) * (r + 5), sy + Math.sin(a) * (r + 5)],
          [sx + Math.cos(a) * (r + 15 + sk.r() * 6), sy + Math.sin(a) * (r + 15 + sk.r() * 6)],
        ]);
      }
      sk.marks(rays, { color: sk.tint(40, 0.85, 0.55), width: 1.3 }, 0.4);
    }
  }
  const clouds = Math.round(1 + sk.r() * 2 + storm * 3);
  for (let i = 0; i < clouds; i++) {
    const cx = sk.range(X0 + 40, X1 - 40);
    const cy = sk.range(Y0 + 25, Math.max(Y0 + 30, horizon - 50));
    const rx = sk.range(30, 60) * (1 + storm * 0.6);
    const ry = rx * sk.range(0.32, 0.45);
    cloud(sk, cx, cy, rx, ry, storm);
  }
  if (storm > 0.7) {
    const rain: Pt[][] = [];
    for (let i = 0; i < 70; i++) {
      const x = sk.range(X0, X1);
      const y = sk.range(Y0 + 40, horizon + 40);
      rain.push([
        [x, y],
        [x - 5, y + 14],
      ]);
    }
    sk.marks(rain, { color: sk.tint(215, 0.3, 0.4), width: 0.6, opacity: 0.7 }, 0.1);
  }
  return blue;
}

/**
 * A cloud: a scalloped outline, white inside, greyer underneath when the weather is turning.
 * @example cloud(sk, 120, 70, 50, 18, 0.2)
 */
export function cloud(sk: Sketch, cx: number, cy: number, rx: number, ry: number, storm: number): void {
  const outline = bumpy(sk, cx, cy, rx, ry, 7, 0.35);
  const fill = storm > 0.45 ? sk.tint(230, 0.12, 0.62 - storm * 0.15) : sk.paper;
  sk.wash(outline, fill, storm > 0.45 ? 0.85 : 0.95, 0.6);
  const under = outline.filter((p) => p[1] > cy);
  if (under.length > 2)
    sk.hatch(under, 0.15, 3, { color: sk.tint(225, 0.2, 0.45), width: 0.45, opacity: 0.6 });
  sk.stroke(
    outline,
    { color: sk.tint(220, 0.15, 0.45 - storm * 0.2), width: 0.7, opacity: 0.8 },
    { closed: true },
  );
}

/**
 * A few birds, as the wing-shaped ticks everyone draws.
 * @example birds(sk, 300, 60, 4)
 */
export function birds(sk: Sketch, x: number, y: number, n: number): void {
  const lines: Pt[][] = [];
  for (let i = 0; i < n; i++) {
    const bx = x + sk.gauss(30);
    const by = y + sk.gauss(12);
    const s = sk.range(3, 6);
    lines.push(quadPts([bx - s, by - s * 0.3], [bx - s * 0.5, by - s * 0.8], [bx, by], 3));
    lines.push(quadPts([bx, by], [bx + s * 0.5, by - s * 0.8], [bx + s, by - s * 0.3], 3));
  }
  sk.marks(lines, { width: 0.8 }, 0.2);
}

/**
 * A tree standing at (x, y) and `h` tall: a tapering trunk with a branch or two, a canopy of
 * bumps coloured in and shaded on the side away from the sun. Young makers draw lollipops.
 * @example tree(sk, 120, 330, 90, sk.tint(115, 0.5, 0.32))
 */
export function tree(sk: Sketch, x: number, y: number, h: number, green: string): void {
  const naive = sk.hand.naivety > 0.55;
  const lean = sk.gauss(0.04) + sk.hand.temperament * 0.08;
  const trunkTop: Pt = [x + lean * h, y - h * 0.55];
  const w = h * (naive ? 0.07 : 0.06);
  const trunk: Pt[] = [
    [x - w, y],
    [trunkTop[0] - w * 0.5, trunkTop[1]],
    [trunkTop[0] + w * 0.5, trunkTop[1]],
    [x + w, y],
  ];
  const bark = sk.tint(28, 0.4, 0.3);
  sk.colourIn(trunk, bark, { angle: 1.4 });
  sk.stroke(trunk, { width: 0.8 }, { closed: false });
  const canopyC: Pt = [trunkTop[0], y - h * (naive ? 0.72 : 0.68)];
  const rx = h * (naive ? 0.32 : sk.range(0.28, 0.38));
  const ry = h * (naive ? 0.3 : sk.range(0.28, 0.34));
  if (!naive && sk.hand.detail > 0.4) {
    sk.stroke([trunkTop, [trunkTop[0] - rx * 0.5, canopyC[1] - ry * 0.2]], { width: 0.7 });
    sk.stroke([lerpPt(trunkTop, [x, y], 0.2), [trunkTop[0] + rx * 0.6, canopyC[1]]], { width: 0.6 });
  }
  const canopy = naive
    ? ellipsePts(canopyC[0], canopyC[1], rx, ry, 20)
    : bumpy(sk, canopyC[0], canopyC[1], rx, ry, sk.intIn(6, 9), 0.22);
  sk.colourIn(canopy, green);
  if (!naive) {
    const dark = canopy.filter((p) => p[0] - canopyC[0] + (p[1] - canopyC[1]) * 0.8 > -rx * 0.1);
    if (dark.length > 2)
      sk.hatch(dark, 0.9, Math.max(2, 5 - 3 * sk.hand.detail), {
        color: sk.tint(130, 0.4, 0.2),
        width: 0.5,
        opacity: 0.8,
      });
  }
  sk.stroke(canopy, { color: sk.tint(125, 0.45, 0.22), width: 0.8 }, { closed: true, main: true });
}

/**
 * A hedgerow along a line: a dark green band with a scalloped top.
 * @example hedge(sk, [40, 200], [200, 210], 3, sk.tint(118, 0.45, 0.27))
 */
export function hedge(sk: Sketch, a: Pt, b: Pt, size: number, green: string): void {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const n = Math.max(2, Math.round(len / (size * 1.2)));
  const bumps: Pt[][] = [];
  for (let i = 0; i < n; i++) {
    const p = lerpPt(a, b, (i + 0.5) / n);
    const s = size * sk.range(0.5, 0.8);
    bumps.push(ellipsePts(p[0], p[1] - s * 0.3, s, s * 0.75, 6, 0, Math.PI, Math.PI));
  }
  sk.stroke([a, b], { color: green, width: size, opacity: 0.85, fixed: true }, { wobble: 0.6 });
  sk.marks(bumps, { color: sk.tint(125, 0.45, 0.18), width: 0.55 }, 0.2);
}

/**
 * A landscape: layered hills, patchwork fields stitched with hedgerows, a lane winding away,
 * trees, sheep, birds; stormier makers bend the trees and darken the sky.
 * @example withinFrame(sk, () => drawLandscape(sk))
 */
export function drawLandscape(sk: Sketch): void {
  const h = sk.hand;
  const horizon =
    Y0 +
    FRAME.h * clamp01(0.36 + sk.gauss(0.04) + (sk.chance(h.originality * 0.5) ? sk.pick([-0.14, 0.2]) : 0));
  sky(sk, horizon);
  if (h.naivety < 0.5 || sk.chance(0.5)) birds(sk, sk.range(X0 + 80, X1 - 80), Y0 + 50, sk.intIn(2, 5));
  const layers = h.naivety > 0.6 ? 2 : sk.intIn(3, 4);
  const ridges: Pt[][] = [];
  for (let i = 0; i < layers; i++) {
    const t = i / Math.max(1, layers - 1);
    ridges.push(
      ridge(sk, lerp(horizon + 6, horizon + FRAME.h * 0.36, t), lerp(10, 26, t) * (1 + h.originality * 0.4)),
    );
  }
  const greens = [
    sk.tint(150, 0.25, 0.62),
    sk.tint(110, 0.4, 0.52),
    sk.tint(95, 0.5, 0.45),
    sk.tint(100, 0.55, 0.38),
  ];
  const fieldColours = [
    sk.tint(52, 0.6, 0.66),
    sk.tint(90, 0.45, 0.5),
    sk.tint(30, 0.35, 0.42),
    sk.tint(120, 0.4, 0.42),
  ];
  // The lane: from the bottom edge to a point on a middle ridge.
  const laneEnd = sk.range(X0 + FRAME.w * 0.3, X0 + FRAME.w * 0.7);
  const laneStart = sk.range(X0 + FRAME.w * 0.3, X0 + FRAME.w * 0.7);
  const laneLayer = Math.max(0, layers - 2);
  ridges.forEach((line, i) => {
    const poly: Pt[] = [...line, [X1, Y1], [X0, Y1]];
    const green = greens[Math.min(greens.length - 1, i + (4 - layers))]!;
    const middle = i > 0 && i < layers - 1;
    if (middle && h.detail > 0.25) {
      patchwork(sk, line, ridges[i + 1]!, green, fieldColours, 2.4 + i * 0.8);
    } else {
      sk.colourIn(poly, green, { angle: -0.2 + sk.gauss(0.2) });
    }
    if (i === laneLayer && layers > 1 && h.naivety < 0.7) {
      const endY = ridgeAt(line, laneEnd);
      const spine = quadPts(
        [laneStart, Y1],
        [lerp(laneStart, laneEnd, 0.2) + sk.gauss(80), lerp(Y1, endY, 0.6)],
        [laneEnd, endY + 2],
        14,
      );
      const widths = spine.map((_, k) => lerp(38, 2, k / (spine.length - 1)));
      const l = spine.map((p, k) => [p[0] - widths[k]!, p[1]] as Pt);
      const r = spine.map((p, k) => [p[0] + widths[k]!, p[1]] as Pt);
      const lane = [...l, ...r.reverse()];
      sk.colourIn(lane, sk.tint(38, 0.35, 0.72), { angle: 1.2 });
      sk.stroke(l, { width: 0.7 });
      sk.stroke(
        spine.map((p, k) => [p[0] + widths[k]!, p[1]] as Pt),
        { width: 0.7 },
      );
      if (h.detail > 0.5) {
        sk.stroke(offsetLine(l, 4).slice(0, -3), {
          color: sk.tint(115, 0.45, 0.3),
          width: 3,
          fixed: true,
          opacity: 0.8,
        });
      }
    }
    sk.stroke(line, { width: i === 0 ? 0.6 : 0.9, opacity: 0.85 }, { main: i > 0 });
  });
  // Trees, larger nearer.
  const nTrees = sk.intIn(2, 5);
  for (let i = 0; i < nTrees; i++) {
    const li = sk.rng.int(layers);
    const x = sk.range(X0 + 20, X1 - 20);
    const y = ridgeAt(ridges[li]!, x) + 4 + sk.range(0, 10);
    const size = lerp(40, 120, li / Math.max(1, layers - 1)) * sk.range(0.7, 1.1);
    if (y - size * 1.0 > Y0) tree(sk, x, y, size, sk.tint(115, 0.5, 0.34 + sk.r() * 0.1));
  }
  if (sk.chance(0.5) && layers > 2) {
    const line = ridges[layers - 2]!;
    const sheep: Pt[] = [];
    const x0 = sk.range(X0 + 40, X1 - 100);
    for (let i = 0; i < sk.intIn(3, 7); i++) {
      const x = x0 + sk.range(0, 80);
      sheep.push([x, ridgeAt(line, x) + sk.range(8, 26)]);
    }
    for (const [x, y] of sheep) {
      sk.ellipse(x, y, 4.2, 2.8, { width: 0.5, fill: '#f7f4ea' });
      sk.dots([[x + 4, y - 0.8]], 1.4, sk.ink);
    }
  }
  if (sk.chance(0.5)) {
    // A fence across the foreground.
    const y = Y1 - sk.range(20, 40);
    const posts: Pt[][] = [];
    for (let x = X0 + 6; x < X1; x += 32)
      posts.push([
        [x, y + 14],
        [x + 1, y - 16],
      ]);
    sk.marks(posts, { width: 1.2, color: sk.tint(28, 0.4, 0.28) }, 0.3);
    sk.stroke(
      [
        [X0, y - 10],
        [X1, y - 8],
      ],
      { width: 0.9, color: sk.tint(28, 0.4, 0.28) },
    );
    sk.stroke(
      [
        [X0, y],
        [X1, y + 1],
      ],
      { width: 0.9, color: sk.tint(28, 0.4, 0.28) },
    );
  }
}

/**
 * A hillside cut into fields: columns between slanting boundaries, rows between contours
 * that follow the ridge, each field its own green, gold or ploughed brown, with hedgerows
 * along the boundaries and here and there a hedgerow tree.
 */
function patchwork(
  sk: Sketch,
  line: readonly Pt[],
  next: readonly Pt[],
  green: string,
  colours: readonly string[],
  hedgeSize: number,
): void {
  const cuts = [X0 - 2];
  const n = sk.intIn(2, 4);
  for (let k = 1; k <= n; k++) cuts.push(lerp(X0, X1, k / (n + 1)) + sk.gauss(16));
  cuts.push(X1 + 2);
  const depthAt = (x: number): number => Math.max(12, ridgeAt(next, x) - ridgeAt(line, x) + 10);
  const rows = [0, sk.range(0.35, 0.6), 1.6];
  const mid = (X0 + X1) / 2;
  // A boundary leans outwards as it comes down the hill, as furrows do in perspective.
  const lean = (x: number, f: number): number => x + (x - mid) * 0.22 * f;
  const contour = (f: number, xa: number, xb: number): Pt[] => {
    const pts: Pt[] = [];
    const steps = 8;
    for (let s = 0; s <= steps; s++) {
      const x0 = lerp(xa, xb, s / steps);
      const x = lean(x0, f);
      pts.push([x, ridgeAt(line, x0) + depthAt(x0) * f]);
    }
    return pts;
  };
  const hedgeGreen = sk.tint(118, 0.45, 0.27);
  const hedges: [Pt, Pt][] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    for (let r = 0; r + 1 < rows.length; r++) {
      const top = contour(rows[r]!, cuts[k]!, cuts[k + 1]!);
      const bottom = contour(rows[r + 1]!, cuts[k]!, cuts[k + 1]!);
      const cell = clipHalfPlane(clipHalfPlane([...top, ...bottom.reverse()], -1, 0, -X0), 1, 0, X1);
      if (cell.length < 3) continue;
      const c = sk.chance(0.45) ? green : sk.pick(colours);
      sk.colourIn(cell, c, { angle: sk.pick([-0.3, 0.25, 1.25]) });
      if (c === colours[2] || sk.chance(0.12)) {
        // Ploughed: furrows along the contour.
        const lines: Pt[][] = [];
        for (let f = rows[r]! + 0.12; f < Math.min(1.2, rows[r + 1]!); f += 0.12)
          lines.push(contour(f, cuts[k]! + 3, cuts[k + 1]! - 3));
        sk.marks(lines, { color: sk.tint(28, 0.4, 0.3), width: 0.5, opacity: 0.8 }, 0.3);
      }
    }
  }
  for (let k = 1; k + 1 < cuts.length; k++) {
    const x = cuts[k]!;
    hedges.push([
      [x, ridgeAt(line, x)],
      [lean(x, 1.3), ridgeAt(line, x) + depthAt(x) * 1.3],
    ]);
  }
  for (const [a, b] of hedges) {
    const bx = clamp(b[0], X0, X1);
    hedge(sk, a, lerpPt(a, b, (bx - a[0]) / (b[0] - a[0] || 1)), hedgeSize, hedgeGreen);
  }
  const c1 = contour(rows[1]!, X0, X1);
  for (let i = 1; i < c1.length; i++) hedge(sk, c1[i - 1]!, c1[i]!, hedgeSize, hedgeGreen);
  if (sk.hand.detail > 0.35) {
    for (let i = 0; i < sk.intIn(1, 3); i++) {
      const p = sk.pick(c1);
      const t = hedgeSize * 4 + sk.range(4, 10);
      tree(sk, p[0], p[1], t, sk.tint(115, 0.5, 0.3));
    }
  }
}

/** A boat: hull, mast and sail, afloat or stranded on its side. */
function boat(sk: Sketch, x: number, y: number, s: number, stranded: boolean): void {
  sk.frame(
    x,
    y,
    s,
    () => {
      const hull: Pt[] = [
        [-40, -8],
        [40, -10],
        [30, 6],
        [-30, 7],
      ];
      const paint = sk.own(0, 0.55, 0.5);
      sk.colourIn(hull, stranded ? sk.tint(30, 0.25, 0.5) : paint, { angle: 0.1 });
      sk.hatch(hull.slice(1, 3).concat([[-30, 7]]), 0.9, 3, { width: 0.4 });
      sk.stroke(hull, { width: 1 }, { closed: true, main: true, sharp: true });
      sk.stroke(
        [
          [-38, -3],
          [38, -5],
        ],
        { width: 0.5 },
      );
      if (stranded) {
        // Planks showing through the paint, and a mast broken off short.
        const planks: Pt[][] = [];
        for (let i = 0; i < 4; i++)
          planks.push([
            [-30 + i * 17, -8],
            [-26 + i * 17, 6],
          ]);
        sk.marks(planks, { width: 0.5 }, 0.2);
        sk.stroke(
          [
            [2, -9],
            [8, -34],
          ],
          { width: 1.6 },
        );
        return;
      }
      sk.line([0, -9], [0, -78], { width: 1.4 }, 0.3);
      const sail: Pt[] = [
        [3, -76],
        [3, -14],
        [36, -16],
      ];
      const sailColour = sk.chance(0.5) ? sk.paper : sk.own(20, 0.6, 0.7);
      sk.colourIn(sail, sailColour);
      sk.stroke(sail, { width: 0.8 }, { closed: true });
      const jib: Pt[] = [
        [-3, -72],
        [-3, -14],
        [-30, -13],
      ];
      sk.colourIn(jib, sk.own(-20, 0.5, 0.65));
      sk.stroke(jib, { width: 0.8 }, { closed: true });
      sk.stroke(
        [
          [0, -78],
          [8, -82],
          [0, -84],
        ],
        { color: sk.own(0, 0.8, 0.45), width: 0.8 },
      );
    },
    sk.chance(0.5),
    stranded ? 0.22 : sk.gauss(0.03 + sk.hand.temperament * 0.06),
  );
}

/**
 * A seascape: sky over a sea whose waves follow the maker's temperament, a headland, a beach
 * of stippled sand, and a boat, afloat or stranded.
 * @example withinFrame(sk, () => drawSeascape(sk))
 */
export function drawSeascape(sk: Sketch): void {
  const h = sk.hand;
  const storm = h.temperament;
  const horizon = Y0 + FRAME.h * (0.4 + sk.gauss(0.03));
  sky(sk, horizon);
  const shore = ridge(sk, Y0 + FRAME.h * sk.range(0.72, 0.8), 8, 16);
  // A headland on one side, cliffs hatched.
  const left = sk.chance(0.5);
  const hw = FRAME.w * sk.range(0.25, 0.4);
  const cliffTop = horizon - sk.range(18, 40);
  const head: Pt[] = left
    ? [
        [X0, horizon + 2],
        [X0, cliffTop],
        [X0 + hw * 0.6, cliffTop + 4],
        [X0 + hw, horizon + 2],
      ]
    : [
        [X1, horizon + 2],
        [X1, cliffTop],
        [X1 - hw * 0.6, cliffTop + 4],
        [X1 - hw, horizon + 2],
      ];
  const sea = sk.tint(200, 0.55 - storm * 0.2, 0.55 - storm * 0.2);
  sk.colourIn(rect(X0, horizon, X1, Y1), sea, { angle: 0.05 });
  sk.colourIn(head, sk.tint(100, 0.3, 0.5));
  sk.hatch(head, 1.2, lerp(5, 2.4, h.detail), { width: 0.5 });
  sk.stroke(head, { width: 0.9 }, { sharp: false });
  sk.stroke(
    [
      [X0, horizon],
      [X1, horizon + 1],
    ],
    { width: 0.7, opacity: 0.8 },
  );
  // Waves: rows of strokes, longer and further apart as they come nearer.
  const rows = Math.round(8 + h.detail * 8);
  const crest: Pt[][] = [];
  const foam: Pt[][] = [];
  const shoreTop = Math.min(...shore.map((p) => p[1]));
  for (let r = 0; r < rows; r++) {
    const t = (r + 1) / (rows + 1);
    const y = lerp(horizon + 4, shoreTop - 4, t * t);
    const len = lerp(8, 46, t);
    const amp = lerp(0.6, 4 + storm * 9, t);
    for (let x = X0 + sk.range(0, len); x < X1 - len * 0.5; x += len * sk.range(1.1, 1.8)) {
      const a: Pt = [x, y + sk.gauss(1.5)];
      const b: Pt = [x + len, a[1] + sk.gauss(1)];
      crest.push(quadPts(a, [x + len * (0.5 + storm * 0.25), a[1] - amp], b, 5));
      if (storm > 0.4 && sk.chance(storm * 0.6 * t))
        foam.push(
          quadPts(
            [x + len * 0.5, a[1] - amp * 0.5],
            [x + len * 0.7, a[1] - amp * 1.1],
            [x + len * 0.9, a[1] - amp * 0.3],
            4,
          ),
        );
    }
  }
  sk.marks(crest, { color: sk.tint(205, 0.6, 0.28 - storm * 0.1), width: 0.7 + storm * 0.6 }, 0.3);
  if (foam.length) sk.marks(foam, { color: '#fbfaf5', width: 1.6 }, 0.3);
  // The beach.
  const sand: Pt[] = [...shore, [X1, Y1], [X0, Y1]];
  sk.blank(sand);
  sk.colourIn(sand, sk.tint(42, 0.5, 0.74));
  const grains: Pt[] = [];
  for (let i = 0; i < 90 + h.detail * 120; i++) {
    const x = sk.range(X0 + 2, X1 - 2);
    const y = sk.range(ridgeAt(shore, x) + 4, Y1 - 2);
    grains.push([x, y]);
  }
  sk.dots(grains, 0.55, sk.tint(35, 0.3, 0.45), 0.8);
  sk.stroke(offsetLine(shore, 2), { color: '#fbfaf5', width: 2.4, fixed: true, opacity: 0.9 });
  sk.stroke(shore, { width: 0.8 });
  if (sk.chance(0.5)) {
    // Groynes running down the beach.
    const gx = sk.range(X0 + 60, X1 - 60);
    const posts: Pt[][] = [];
    for (let i = 0; i < 6; i++) {
      const x = gx + i * 7;
      const y = ridgeAt(shore, x) + 6 + i * 9;
      posts.push([
        [x, y],
        [x, y - 8 - i],
      ]);
    }
    sk.marks(posts, { width: 1.6, color: sk.tint(28, 0.35, 0.25) }, 0.2);
  }
  const stranded = sk.chance(0.3 + h.originality * 0.3);
  if (stranded) {
    const bx = sk.range(X0 + 90, X1 - 90);
    boat(sk, bx, ridgeAt(shore, bx) + 30, 1.3, true);
  } else {
    const t = sk.range(0.25, 0.6);
    boat(sk, sk.range(X0 + 70, X1 - 70), lerp(horizon + 6, shoreTop, t), lerp(0.4, 1.2, t), false);
  }
  birds(sk, sk.range(X0 + 70, X1 - 70), Y0 + sk.range(40, 90), sk.intIn(2, 6));
}
