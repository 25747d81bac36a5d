/**
 * Still lifes: three to five things from the art room's cupboard set out on a table — a jug,
 * a bottle, a vase of flowers, a cup, a bowl, apples and pears — lit from the left, each with
 * its shaded side hatched and its shadow cast across the cloth or the wood.
 */

import { clipHalfPlane, ellipsePts, FRAME, lerp, quadPts, type Pt, type Sketch } from './picture.js';
import { rect } from './scenes.js';

const X0 = FRAME.x;
const X1 = FRAME.x + FRAME.w;
const Y0 = FRAME.y;
const Y1 = FRAME.y + FRAME.h;

type Thing = 'jug' | 'bottle' | 'vase' | 'cup' | 'bowl' | 'apple' | 'pear' | 'candle';

/**
 * The outline of a turned (round) object standing at (x, y) from its profile of [radius, height]
 * pairs, drawn at `scale`.
 */
function lathe(x: number, y: number, shape: readonly (readonly [number, number])[], scale = 1): Pt[] {
  const profile = shape.map(([r, h]) => [r * scale, h * scale] as const);
  const right = profile.map(([r, h]) => [x + r, y - h] as Pt);
  const left = profile.map(([r, h]) => [x - r, y - h] as Pt).reverse();
  // The base: a shallow curve, as a round foot seen from a little above.
  const r0 = profile[0]![0];
  const base = quadPts([x - r0, y], [x, y + r0 * 0.3], [x + r0, y], 6).slice(1, -1);
  return [...base, ...right, ...left];
}

/** Shades and outlines a solid: hatching on the side away from the light, a glint on the lit side. */
function solid(sk: Sketch, outline: readonly Pt[], x: number, w: number, color: string, glint = true): void {
  sk.blank(outline);
  sk.colourIn(outline, color);
  const gap = lerp(6, 2.2, sk.hand.detail);
  sk.hatch(clipHalfPlane(outline, -1, 0, -(x + w * 0.2)), 1.1, gap, { width: 0.45, opacity: 0.8 });
  if (sk.hand.detail > 0.55)
    sk.hatch(clipHalfPlane(outline, -1, 0, -(x + w * 0.6)), -0.4, gap * 1.1, { width: 0.4, opacity: 0.7 });
  const b = outline.map((p) => p[1]);
  const top = Math.min(...b);
  const bottom = Math.max(...b);
  if (glint)
    sk.line(
      [x - w * 0.45, lerp(top, bottom, 0.3)],
      [x - w * 0.5, lerp(top, bottom, 0.55)],
      { color: '#fffdf5', width: 2.2, fixed: true, opacity: 0.8 },
      0.3,
    );
  sk.stroke(outline, { width: 1 }, { closed: true, main: true });
}

function castShadow(sk: Sketch, x: number, y: number, w: number): void {
  const sh = ellipsePts(x + w * 0.9, y - 1, w * 1.2, w * 0.22, 16);
  sk.hatch(sh, 0.2, 2.6, { width: 0.4, opacity: 0.6 });
}

function thing(sk: Sketch, kind: Thing, x: number, y: number, s: number): void {
  switch (kind) {
    case 'jug': {
      const p: [number, number][] = [
        [24, 0],
        [30, 18],
        [30, 36],
        [24, 52],
        [18, 62],
        [21, 72],
      ];
      castShadow(sk, x, y, 30 * s);
      // The handle first, so the body overlaps its roots.
      const handle = quadPts(
        [x - 24 * s, y - 58 * s],
        [x - 56 * s, y - 46 * s],
        [x - 27 * s, y - 18 * s],
        10,
      );
      sk.stroke(handle, { width: 5 * s, color: sk.ink, fixed: true });
      sk.stroke(handle, { width: 3 * s, color: sk.own(0, 0.4, 0.7), fixed: true });
      solid(sk, lathe(x, y, p, s), x, 30 * s, sk.own(0, 0.4, 0.7));
      sk.stroke(
        [
          [x + 21 * s, y - 72 * s],
          [x + 30 * s, y - 76 * s],
        ],
        { width: 1 },
      );
      sk.ellipse(x, y - 72 * s, 21 * s, 4 * s, { width: 0.8, fill: sk.tint(30, 0.2, 0.35) });
      break;
    }
    case 'bottle': {
      const p: [number, number][] = [
        [17, 0],
        [17, 60],
        [14, 72],
        [6, 82],
        [6, 104],
        [7.5, 108],
      ];
      castShadow(sk, x, y, 17 * s);
      solid(sk, lathe(x, y, p, s), x, 17 * s, sk.tint(sk.pick([130, 30, 200]), 0.45, 0.35));
      const label = rect(x - 16 * s, y - 48 * s, x + 16 * s, y - 24 * s);
      sk.stroke(label, { width: 0.7, fill: '#f1ead6' }, { closed: true, sharp: true });
      sk.marks(
        [
          [
            [x - 10 * s, y - 40 * s],
            [x + 9 * s, y - 40 * s],
          ],
          [
            [x - 8 * s, y - 33 * s],
            [x + 6 * s, y - 33 * s],
          ],
        ],
        { width: 0.6, opacity: 0.8 },
        0.3,
      );
      break;
    }
    case 'vase': {
      const p: [number, number][] = [
        [14, 0],
        [22, 14],
        [24, 30],
        [14, 46],
        [11, 54],
        [15, 60],
      ];
      // Flowers rising out of it, stems first.
      const heads: Pt[] = [];
      const n = sk.intIn(3, 7);
      for (let i = 0; i < n; i++) {
        const a = -Math.PI / 2 + sk.gauss(0.5);
        const l = sk.range(55, 95) * s;
        heads.push([x + Math.cos(a) * l, y - 58 * s + Math.sin(a) * l]);
      }
      const green = sk.tint(120, 0.45, 0.35);
      for (const hd of heads)
        sk.stroke(quadPts([x, y - 50 * s], [lerp(x, hd[0], 0.3), lerp(y - 50 * s, hd[1], 0.6)], hd, 6), {
          color: green,
          width: 1.1,
        });
      for (let i = 0; i < n; i++) {
        const hd = heads[i]!;
        const leaf = ellipsePts(
          lerp(x, hd[0], 0.5) + 6,
          lerp(y - 58 * s, hd[1], 0.5),
          8 * s,
          3 * s,
          8,
          sk.gauss(0.6),
        );
        sk.colourIn(leaf, green);
      }
      for (const hd of heads) {
        const col = sk.own(sk.pick([0, 40, -40, 180, 60]), 0.65, 0.6);
        const petals = sk.intIn(5, 8);
        const pr = sk.range(7, 11) * s;
        for (let k = 0; k < petals; k++) {
          const a = (k / petals) * Math.PI * 2;
          const petal = ellipsePts(
            hd[0] + Math.cos(a) * pr * 0.8,
            hd[1] + Math.sin(a) * pr * 0.8,
            pr * 0.6,
            pr * 0.35,
            8,
            a,
          );
          sk.colourIn(petal, col);
          sk.stroke(petal, { width: 0.5 }, { closed: true, wobble: 0.3 });
        }
        sk.dots([hd], pr * 0.35, sk.tint(45, 0.8, 0.45));
      }
      castShadow(sk, x, y, 24 * s);
      solid(sk, lathe(x, y, p, s), x, 24 * s, sk.own(180, 0.45, 0.55));
      sk.ellipse(x, y - 60 * s, 15 * s, 3.5 * s, { width: 0.8, fill: sk.tint(200, 0.2, 0.3) });
      break;
    }
    case 'cup': {
      castShadow(sk, x, y, 30 * s);
      sk.ellipse(x, y, 32 * s, 7 * s, { width: 0.9, fill: '#f2eee4' });
      sk.stroke(ellipsePts(x + 22 * s, y - 22 * s, 9 * s, 9 * s, 12, 0, -Math.PI / 2, Math.PI), {
        width: 3 * s,
        fixed: true,
      });
      const p: [number, number][] = [
        [13, 2],
        [18, 14],
        [21, 30],
        [22, 34],
      ];
      solid(sk, lathe(x, y - 2 * s, p, s), x, 22 * s, sk.own(sk.range(-30, 30), 0.35, 0.8));
      sk.ellipse(x, y - 36 * s, 22 * s, 5 * s, { width: 0.8, fill: sk.tint(25, 0.4, 0.3) });
      break;
    }
    case 'bowl': {
      castShadow(sk, x, y, 40 * s);
      const fruit = sk.intIn(2, 4);
      for (let i = 0; i < fruit; i++) {
        const fx = x + (i - (fruit - 1) / 2) * 20 * s;
        const fy = y - 36 * s - (i % 2) * 6 * s;
        const f = ellipsePts(fx, fy, 13 * s, 12 * s, 14);
        solid(sk, f, fx, 13 * s, sk.tint(sk.pick([5, 40, 90]), 0.65, 0.5), false);
      }
      const p: [number, number][] = [
        [16, 0],
        [22, 4],
        [38, 16],
        [46, 30],
      ];
      solid(sk, lathe(x, y, p, s), x, 46 * s, sk.own(160, 0.35, 0.65));
      break;
    }
    case 'apple':
    case 'pear': {
      const r = (kind === 'apple' ? 18 : 15) * s;
      castShadow(sk, x, y, r);
      const pts: Pt[] = [];
      for (let i = 0; i < 24; i++) {
        const a = (i / 24) * Math.PI * 2;
        const up = Math.max(0, -Math.sin(a));
        const rr = kind === 'apple' ? r * (1 - 0.12 * Math.abs(Math.cos(a * 2)) * up) : r * (1 - 0.45 * up);
        const yy = kind === 'apple' ? Math.sin(a) * rr * 0.92 : Math.sin(a) * r * (up > 0 ? 1.6 : 1);
        pts.push([x + Math.cos(a) * rr, y - r + yy]);
      }
      solid(
        sk,
        pts,
        x,
        r,
        kind === 'apple' ? sk.tint(sk.pick([2, 10, 80]), 0.7, 0.48) : sk.tint(70, 0.6, 0.55),
      );
      const top = kind === 'apple' ? y - r * 1.9 : y - r * 2.55;
      sk.stroke(quadPts([x, top + 3], [x + 2, top - 4], [x + 5, top - 9], 4), {
        width: 1.6,
        color: sk.tint(30, 0.5, 0.25),
        fixed: true,
      });
      const leaf = ellipsePts(x + 9, top - 6, 6 * s, 2.6 * s, 8, -0.5);
      sk.colourIn(leaf, sk.tint(120, 0.5, 0.4));
      sk.stroke(leaf, { width: 0.5 }, { closed: true, wobble: 0.2 });
      break;
    }
    case 'candle': {
      castShadow(sk, x, y, 22 * s);
      sk.ellipse(x, y, 22 * s, 5 * s, { width: 0.9, fill: sk.tint(45, 0.5, 0.55) });
      const stick = rect(x - 7 * s, y - 70 * s, x + 7 * s, y - 3 * s);
      solid(sk, stick, x, 7 * s, '#f3efe2');
      const flame: Pt[] = [
        [x, y - 92 * s],
        ...quadPts([x, y - 92 * s], [x + 7 * s, y - 78 * s], [x, y - 72 * s], 5).slice(1),
        ...quadPts([x, y - 72 * s], [x - 7 * s, y - 78 * s], [x, y - 92 * s], 5).slice(1),
      ];
      sk.colourIn(flame, sk.tint(42, 0.95, 0.6));
      sk.stroke(flame, { width: 0.6 }, { closed: true, wobble: 0.2 });
      break;
    }
  }
}

/**
 * Objects on a table against a wall.
 * @example withinFrame(sk, () => drawStillLife(sk))
 */
export function drawStillLife(sk: Sketch): void {
  const h = sk.hand;
  const tableY = Y0 + FRAME.h * sk.range(0.55, 0.64);
  const wall = sk.chance(0.5) ? sk.own(sk.range(140, 220), 0.2, 0.78) : sk.tint(45, 0.2, 0.82);
  sk.colourIn(rect(X0, Y0, X1, tableY), wall, { angle: -1.2, strength: 0.8 });
  if (sk.chance(0.45)) {
    // A drape hung behind, in folds.
    const dx = sk.range(X0 + 30, X1 - 200);
    const drape: Pt[] = [
      [dx, Y0],
      [dx + 170, Y0],
      ...quadPts([dx + 170, Y0], [dx + 150, tableY - 60], [dx + 190, tableY + 4], 6).slice(1),
      [dx - 10, tableY + 4],
    ];
    sk.colourIn(drape, sk.own(sk.range(-40, 40), 0.45, 0.55));
    const folds: Pt[][] = [];
    for (let i = 1; i < 6; i++)
      folds.push(
        quadPts(
          [dx + i * 30, Y0],
          [dx + i * 30 + sk.gauss(12), lerp(Y0, tableY, 0.5)],
          [dx + i * 32, tableY],
          6,
        ),
      );
    sk.marks(folds, { width: 0.8, opacity: 0.7 }, 0.4);
    sk.stroke(drape, { width: 0.9 }, { closed: false });
  }
  const cloth = sk.chance(0.5);
  const top = rect(X0, tableY, X1, Y1);
  if (cloth) {
    sk.colourIn(top, '#f1eee6', { strength: 0.6 });
    const stripe = sk.own(sk.range(-30, 30), 0.5, 0.6);
    const lines: Pt[][] = [];
    for (let x = X0 + 10; x < X1; x += 22)
      lines.push([
        [x, tableY],
        [x + (x - (X0 + X1) / 2) * 0.35, Y1],
      ]);
    for (let y = tableY + 12, k = 0; y < Y1; y += 12 + k * 4, k++)
      lines.push([
        [X0, y],
        [X1, y],
      ]);
    sk.marks(lines, { color: stripe, width: 3, fixed: true, opacity: 0.55 }, 0.5);
  } else {
    sk.colourIn(top, sk.tint(30, 0.45, 0.5), { angle: 0.05 });
    const grain: Pt[][] = [];
    for (let i = 0; i < 10 + 14 * h.detail; i++) {
      const y = sk.range(tableY + 4, Y1 - 4);
      const x = sk.range(X0, X1 - 60);
      grain.push(quadPts([x, y], [x + 30, y + sk.gauss(3)], [x + sk.range(40, 120), y + sk.gauss(2)], 5));
    }
    sk.marks(grain, { color: sk.tint(25, 0.5, 0.28), width: 0.6, opacity: 0.8 }, 0.3);
  }
  sk.line([X0, tableY], [X1, tableY], { width: 1 });
  const pool: Thing[] = ['jug', 'bottle', 'vase', 'cup', 'bowl', 'apple', 'pear', 'candle', 'apple'];
  const n = sk.intIn(3, 5);
  const chosen = sk.rng.shuffled(pool).slice(0, n);
  // Places across the table; nearer things lower on the page and a little bigger.
  const placed = chosen.map((k, i) => {
    const depth = sk.r();
    const x = lerp(X0 + 75, X1 - 75, n === 1 ? 0.5 : i / (n - 1)) + sk.gauss(14 + 30 * h.originality);
    const y = lerp(tableY + 30, Y1 - 22, depth);
    return {
      k,
      x,
      y,
      s: lerp(1.3, 1.75, depth) * (k === 'apple' || k === 'pear' ? 1.15 : 1) * (n > 4 ? 0.85 : 1),
    };
  });
  placed.sort((a, b) => a.y - b.y);
  for (const p of placed) thing(sk, p.k, p.x, p.y, p.s);
}
