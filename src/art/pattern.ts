/**
 * Patterns and abstracts. A pattern repeats a motif (a flower, a star, a leaf, a fish, a
 * diamond) in a grid inside a border; a careful maker keeps it regular, an original one turns,
 * swaps and recolours the motif as it goes. An abstract is colour and shape alone: a calm maker
 * stacks soft fields of colour, a stormy one slashes, splatters and spirals in hard contrast.
 */

import { clamp01, ellipsePts, FRAME, lerp, quadPts, type Pt, type Sketch } from './picture.js';
import { rect } from './scenes.js';

const X0 = FRAME.x;
const X1 = FRAME.x + FRAME.w;
const Y0 = FRAME.y;
const Y1 = FRAME.y + FRAME.h;

type Motif = 'flower' | 'star' | 'leaf' | 'fish' | 'diamond' | 'spiral' | 'bird' | 'heart';

function motif(
  sk: Sketch,
  kind: Motif,
  x: number,
  y: number,
  r: number,
  rot: number,
  a: string,
  b: string,
): void {
  sk.frame(
    x,
    y,
    r / 10,
    () => {
      switch (kind) {
        case 'flower': {
          // Six petals as one rosette outline.
          const petals: Pt[] = [];
          for (let i = 0; i < 36; i++) {
            const an = (i / 36) * Math.PI * 2;
            const rr = 10 * (0.35 + 0.65 * Math.abs(Math.cos(an * 3)) ** 0.7);
            petals.push([Math.cos(an) * rr, Math.sin(an) * rr]);
          }
          sk.colourIn(petals, a);
          sk.stroke(petals, { width: 0.6 }, { closed: true, wobble: 0.3 });
          sk.dots([[0, 0]], 2.6, b);
          break;
        }
        case 'star': {
          const pts: Pt[] = [];
          for (let i = 0; i < 10; i++) {
            const an = -Math.PI / 2 + (i / 10) * Math.PI * 2;
            const rr = i % 2 ? 4.2 : 10;
            pts.push([Math.cos(an) * rr, Math.sin(an) * rr]);
          }
          sk.colourIn(pts, a);
          sk.stroke(pts, { width: 0.7 }, { closed: true, sharp: true, wobble: 0.4 });
          sk.dots([[0, 0]], 1.4, b);
          break;
        }
        case 'leaf': {
          const leaf: Pt[] = [
            ...quadPts([0, 10], [9, 0], [0, -10], 6),
            ...quadPts([0, -10], [-9, 0], [0, 10], 6).slice(1),
          ];
          sk.colourIn(leaf, a);
          sk.stroke(leaf, { width: 0.7 }, { closed: true, wobble: 0.4 });
          const veins: Pt[][] = [
            [
              [0, 10],
              [0, -8],
            ],
          ];
          for (let i = -2; i <= 2; i++) {
            veins.push([
              [0, i * 3],
              [4, i * 3 - 3],
            ]);
            veins.push([
              [0, i * 3],
              [-4, i * 3 - 3],
            ]);
          }
          sk.marks(veins, { color: b, width: 0.5 }, 0.1);
          break;
        }
        case 'fish': {
          const body: Pt[] = [
            ...quadPts([-9, 0], [0, -9], [7, 0], 6),
            ...quadPts([7, 0], [0, 9], [-9, 0], 6).slice(1),
          ];
          const tail: Pt[] = [
            [-7, 0],
            [-12, -5],
            [-12, 5],
          ];
          sk.colourIn(tail, b);
          sk.colourIn(body, a);
          sk.stroke(body, { width: 0.7 }, { closed: true, wobble: 0.3 });
          sk.stroke(tail, { width: 0.6 }, { closed: true, sharp: true, wobble: 0.3 });
          sk.dots([[3, -1.5]], 1, sk.ink);
          break;
        }
        case 'diamond': {
          const d: Pt[] = [
            [0, -10],
            [7, 0],
            [0, 10],
            [-7, 0],
          ];
          const inner: Pt[] = d.map(([px, py]) => [px * 0.45, py * 0.45]);
          sk.colourIn(d, a);
          sk.colourIn(inner, b);
          sk.stroke(d, { width: 0.7 }, { closed: true, sharp: true, wobble: 0.4 });
          break;
        }
        case 'spiral': {
          const pts: Pt[] = [];
          for (let i = 0; i < 40; i++) {
            const an = i * 0.42;
            const rr = 1 + i * 0.24;
            pts.push([Math.cos(an) * rr, Math.sin(an) * rr]);
          }
          sk.stroke(pts, { color: a, width: 1.6 }, { wobble: 0.3 });
          sk.dots([[0, 0]], 1.3, b);
          break;
        }
        case 'bird': {
          const body = ellipsePts(0, 0, 8, 5, 14);
          sk.colourIn(body, a);
          sk.stroke(body, { width: 0.7 }, { closed: true, wobble: 0.3 });
          const wing: Pt[] = [
            [-3, -1],
            [3, -1],
            [-1, -9],
          ];
          sk.colourIn(wing, b);
          sk.stroke(wing, { width: 0.6 }, { closed: true, sharp: true });
          sk.stroke(
            [
              [8, -1],
              [11, 0],
              [8, 1],
            ],
            { width: 0.7 },
            { sharp: true },
          );
          sk.dots([[5, -1.5]], 0.8, sk.ink);
          break;
        }
        case 'heart': {
          const pts: Pt[] = [];
          for (let i = 0; i < 24; i++) {
            const t = (i / 24) * Math.PI * 2;
            pts.push([
              0.6 * 16 * Math.sin(t) ** 3,
              -0.6 * (13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t)),
            ]);
          }
          sk.colourIn(pts, a);
          sk.stroke(pts, { width: 0.7 }, { closed: true, wobble: 0.3 });
          break;
        }
      }
    },
    false,
    rot,
  );
}

/**
 * A repeating pattern in a border.
 * @example withinFrame(sk, () => drawPattern(sk))
 */
export function drawPattern(sk: Sketch): void {
  const h = sk.hand;
  const e = 1 - h.steadiness;
  const o = h.originality;
  const ground = sk.chance(0.4) ? sk.own(sk.range(150, 210), 0.3, 0.85) : sk.paper;
  if (ground !== sk.paper) sk.colourIn(rect(X0, Y0, X1, Y1), ground, { strength: 0.6 });
  const motifs: Motif[] = ['flower', 'star', 'leaf', 'fish', 'diamond', 'spiral', 'bird', 'heart'];
  const main = sk.pick(motifs);
  const second = sk.pick(motifs);
  const colours = [
    sk.own(0, 0.65, 0.55),
    sk.own(sk.pick([30, 60, 150, 180]), 0.6, 0.55),
    sk.own(sk.pick([-30, -60, 200]), 0.55, 0.45),
  ];
  // The border: two ruled lines with a run of triangles between.
  const m = 10;
  const inner = 26;
  sk.stroke(rect(X0 + m, Y0 + m, X1 - m, Y1 - m), { width: 1 }, { closed: true, sharp: true, wobble: 0.7 });
  sk.stroke(
    rect(X0 + inner, Y0 + inner, X1 - inner, Y1 - inner),
    { width: 1 },
    { closed: true, sharp: true, wobble: 0.7 },
  );
  const tri = 16;
  const band = (x0: number, y0: number, x1: number, y1: number, vertical: boolean): void => {
    const len = vertical ? y1 - y0 : x1 - x0;
    const n = Math.floor(len / tri);
    for (let i = 0; i < n; i++) {
      const t0 = i * tri;
      const pts: Pt[] = vertical
        ? [
            [x0, y0 + t0],
            [x1, y0 + t0 + tri / 2],
            [x0, y0 + t0 + tri],
          ]
        : [
            [x0 + t0, y1],
            [x0 + t0 + tri / 2, y0],
            [x0 + t0 + tri, y1],
          ];
      sk.colourIn(pts, colours[i % 2]!, { strength: 0.9 });
    }
  };
  band(X0 + m + 2, Y0 + m + 3, X1 - m - 2, Y0 + inner - 3, false);
  band(X0 + m + 2, Y1 - inner + 3, X1 - m - 2, Y1 - m - 3, false);
  band(X0 + m + 3, Y0 + inner, X0 + inner - 3, Y1 - inner, true);
  band(X1 - m - 3, Y0 + inner, X1 - inner + 3, Y1 - inner, true);
  const cols = sk.intIn(4, 6);
  const rows = Math.round(cols * (FRAME.h / FRAME.w));
  const gx = (FRAME.w - 2 * inner) / cols;
  const gy = (FRAME.h - 2 * inner) / rows;
  const brick = sk.chance(0.4 + o * 0.3);
  const turn = sk.chance(o) ? sk.range(0.2, 0.8) : 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = X0 + inner + (c + 0.5 + (brick && r % 2 ? 0.5 : 0)) * gx + sk.gauss(e * 5);
      if (x > X1 - inner - gx * 0.3) continue;
      const y = Y0 + inner + (r + 0.5) * gy + sk.gauss(e * 5);
      const odd = sk.chance(o * 0.12);
      const kind = (r + c) % 2 === 0 ? main : second;
      const ci = odd ? 2 : (r + (brick ? 0 : c)) % 2;
      const size = Math.min(gx, gy) * 0.4 * (1 + sk.gauss(e * 0.15)) * (odd ? 1.3 : 1);
      motif(
        sk,
        odd ? sk.pick(motifs) : kind,
        x,
        y,
        size,
        (r * cols + c) * turn + sk.gauss(e * 0.2),
        colours[ci]!,
        colours[(ci + 1) % 3]!,
      );
    }
  }
  if (h.detail > 0.5) {
    // Small dots in the gaps, for finish.
    const fill: Pt[] = [];
    for (let r = 0; r <= rows; r++)
      for (let c = 0; c <= cols; c++) fill.push([X0 + inner + c * gx, Y0 + inner + r * gy]);
    sk.dots(
      fill.filter(
        ([x, y]) => x > X0 + inner + 4 && x < X1 - inner - 4 && y > Y0 + inner + 4 && y < Y1 - inner - 4,
      ),
      1.6,
      colours[2]!,
    );
  }
}

/**
 * An abstract: fields, shapes and marks whose agitation follows the maker's temperament.
 * @example withinFrame(sk, () => drawAbstract(sk))
 */
export function drawAbstract(sk: Sketch): void {
  const h = sk.hand;
  const t = h.temperament;
  const o = h.originality;
  // An original maker reaches further round the wheel for colours.
  const spread = 30 + 150 * o;
  const palette = Array.from({ length: 5 }, (_, i) =>
    sk.own(
      i === 0 ? 0 : sk.gauss(spread),
      clamp01(0.4 + 0.4 * t + sk.gauss(0.1)),
      clamp01(lerp(0.7, 0.45, t) + sk.gauss(0.12)),
    ),
  );
  const ground = sk.own(sk.gauss(spread), 0.25, lerp(0.85, 0.7, t));
  sk.colourIn(rect(X0, Y0, X1, Y1), ground, { strength: 0.7 });
  // Fields: calm makers stack wide soft bands; stormy ones tilt and scatter them.
  const nFields = sk.intIn(2, 4);
  for (let i = 0; i < nFields; i++) {
    const y0 = lerp(Y0 + 12, Y1 - 60, i / nFields) + sk.gauss(8);
    const y1 = y0 + FRAME.h / nFields - 14 + sk.gauss(6);
    const tilt = sk.gauss(0.3 * t);
    const cx = (X0 + X1) / 2;
    const cy = (y0 + y1) / 2;
    const pts: Pt[] = rect(X0 + 16 + sk.gauss(4), y0, X1 - 16 + sk.gauss(4), y1).map(([x, y]) => {
      const dx = x - cx;
      const dy = y - cy;
      return [
        cx + dx * Math.cos(tilt) - dy * Math.sin(tilt),
        cy + dx * Math.sin(tilt) + dy * Math.cos(tilt),
      ] as Pt;
    });
    sk.colourIn(pts, palette[i % palette.length]!, { angle: tilt, strength: lerp(0.6, 0.9, t) });
    if (t < 0.4) sk.wash(pts, palette[(i + 1) % palette.length]!, 0.25, 2);
  }
  const nShapes = Math.round(3 + t * 12 + o * 4);
  for (let i = 0; i < nShapes; i++) {
    const x = sk.range(X0 + 30, X1 - 30);
    const y = sk.range(Y0 + 30, Y1 - 30);
    const r = sk.range(14, 60) * (1 - 0.3 * t);
    const col = sk.pick(palette);
    const sharp = sk.chance(t);
    let pts: Pt[];
    if (sharp) {
      const k = sk.intIn(3, 5);
      pts = Array.from({ length: k }, (_, j) => {
        const a = (j / k) * Math.PI * 2 + sk.gauss(0.4);
        const rr = r * sk.range(0.5, 1.4);
        return [x + Math.cos(a) * rr, y + Math.sin(a) * rr] as Pt;
      });
    } else {
      pts = sk.chance(0.5)
        ? ellipsePts(x, y, r, r * sk.range(0.6, 1), 20, sk.r() * 3)
        : rect(x - r, y - r * 0.7, x + r, y + r * 0.7);
    }
    sk.colourIn(pts, col, { angle: sk.gauss(1.2) });
    if (sk.chance(0.3 + 0.5 * t)) sk.stroke(pts, { width: lerp(0.8, 2.6, t) }, { closed: true, sharp });
  }
  // Marks: long calm curves, or slashes, zigzags and a spiral.
  const nMarks = Math.round(2 + t * 14);
  for (let i = 0; i < nMarks; i++) {
    const a: Pt = [sk.range(X0 + 10, X1 - 10), sk.range(Y0 + 10, Y1 - 10)];
    const ang = t > 0.5 ? sk.gauss(0.9) - 0.8 : sk.gauss(0.25);
    const len = sk.range(60, 260);
    const b: Pt = [a[0] + Math.cos(ang) * len, a[1] + Math.sin(ang) * len];
    const col = sk.chance(0.5 + 0.4 * t) ? sk.ink : sk.pick(palette);
    if (t > 0.5 && sk.chance(0.4)) {
      const zig: Pt[] = [];
      for (let k = 0; k <= 8; k++) {
        const p: Pt = [lerp(a[0], b[0], k / 8), lerp(a[1], b[1], k / 8)];
        const off = (k % 2 ? 1 : -1) * 10 * t;
        zig.push([p[0] - Math.sin(ang) * off, p[1] + Math.cos(ang) * off]);
      }
      sk.stroke(zig, { color: col, width: lerp(1, 3.2, t) }, { sharp: true });
    } else {
      const c: Pt = [(a[0] + b[0]) / 2 + sk.gauss(40), (a[1] + b[1]) / 2 + sk.gauss(40)];
      sk.stroke(quadPts(a, c, b, 12), { color: col, width: lerp(0.8, 3.4, t) * sk.range(0.6, 1.2) });
    }
  }
  if (t > 0.6) {
    const splat: Pt[] = [];
    const sx = sk.range(X0 + 60, X1 - 60);
    const sy = sk.range(Y0 + 60, Y1 - 60);
    for (let i = 0; i < 40; i++) splat.push([sx + sk.gauss(40), sy + sk.gauss(40)]);
    sk.dots(splat, 2, sk.ink, 0.8);
    const sp: Pt[] = [];
    const cx = sk.range(X0 + 80, X1 - 80);
    const cy = sk.range(Y0 + 80, Y1 - 80);
    for (let i = 0; i < 80; i++) {
      const a = i * 0.3;
      sp.push([cx + Math.cos(a) * i * 0.7, cy + Math.sin(a) * i * 0.7]);
    }
    sk.stroke(sp, { width: 1.6, color: sk.pick(palette) }, { wobble: 1.4 });
  }
}
