/**
 * Portraits: a head and shoulders against a coloured ground, drawn with as much care as the
 * maker has. A skilled hand places the eyes halfway down the head, hatches the shadowed cheek
 * and the underside of the chin and draws hair in strands; an unsteady one lets the features
 * drift and the proportions swell; a young child draws a round face, dot eyes and a smile.
 */

import { clipHalfPlane, ellipsePts, FRAME, lerp, quadPts, type Pt, type Sketch } from './picture.js';
import { rect } from './scenes.js';

const X0 = FRAME.x;
const X1 = FRAME.x + FRAME.w;
const Y0 = FRAME.y;
const Y1 = FRAME.y + FRAME.h;

/** An egg-shaped face outline: narrower towards the chin. */
function facePts(cx: number, cy: number, w: number, h: number, chin: number): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < 32; i++) {
    const a = (i / 32) * Math.PI * 2;
    const s = Math.sin(a);
    out.push([cx + w * Math.cos(a) * (1 - chin * Math.max(0, s) ** 1.5), cy + h * s]);
  }
  return out;
}

function eye(sk: Sketch, x: number, y: number, w: number, iris: string, lashes: boolean): void {
  const upper = quadPts([x - w, y], [x, y - w * 0.75], [x + w, y], 8);
  const lower = quadPts([x + w, y], [x, y + w * 0.5], [x - w, y], 8);
  const shape = [...upper, ...lower.slice(1)];
  sk.stroke(shape, { width: 0.5, fill: '#fbf8f0', color: 'none' }, { closed: true, wobble: 0.2 });
  const r = w * 0.42;
  sk.dots([[x, y - w * 0.05]], r, iris);
  sk.dots([[x, y - w * 0.05]], r * 0.45, sk.ink);
  sk.dots([[x - r * 0.35, y - r * 0.45]], r * 0.22, '#fffdf7');
  sk.stroke(upper, { width: 1.1 }, { wobble: 0.3 });
  sk.stroke(lower, { width: 0.5, opacity: 0.8 }, { wobble: 0.3 });
  if (sk.hand.detail > 0.45) {
    // The crease of the lid above the eye.
    sk.stroke(
      quadPts([x - w * 0.8, y - w * 0.35], [x, y - w * 1.0], [x + w * 0.85, y - w * 0.3], 6),
      { width: 0.45, opacity: 0.7 },
      { wobble: 0.3 },
    );
  }
  if (lashes) {
    const ls: Pt[][] = [];
    for (let i = 0; i < 5; i++) {
      const p = upper[2 + i]!;
      ls.push([p, [p[0] + (i - 2) * 0.8, p[1] - w * 0.3]]);
    }
    sk.marks(ls, { width: 0.5 }, 0.1);
  }
}

/** A child's face: a circle, dot eyes, a smile, spiky hair, a triangle of a body. */
function childsPortrait(sk: Sketch, hair: string, skin: string, jumper: string): void {
  const cx = X0 + FRAME.w / 2 + sk.gauss(10);
  const cy = Y0 + FRAME.h * 0.38;
  const r = sk.range(85, 105);
  const body: Pt[] = [
    [cx, cy + r * 0.8],
    [cx + r * 1.5, Y1],
    [cx - r * 1.5, Y1],
  ];
  sk.colourIn(body, jumper);
  sk.stroke(body, { width: 1.4 }, { closed: true });
  const face = ellipsePts(cx, cy, r, r * 0.95, 28);
  sk.colourIn(face, skin);
  const spikes: Pt[][] = [];
  for (let i = 0; i < 24; i++) {
    const a = Math.PI * (1.05 + (i / 23) * 0.9);
    spikes.push([
      [cx + Math.cos(a) * r * 0.92, cy + Math.sin(a) * r * 0.9],
      [cx + Math.cos(a) * r * (1.25 + 0.1 * sk.r()), cy + Math.sin(a) * r * (1.25 + 0.1 * sk.r())],
    ]);
  }
  sk.marks(spikes, { color: hair, width: 2.6 }, 0.6);
  sk.stroke(face, { width: 1.5 }, { closed: true });
  for (const s of [-1, 1]) {
    sk.dots([[cx + s * r * 0.38, cy - r * 0.15]], r * 0.09, sk.ink);
    sk.dots([[cx + s * r * 0.55, cy + r * 0.25]], r * 0.14, sk.tint(355, 0.7, 0.75), 0.7);
  }
  sk.stroke(quadPts([cx - r * 0.4, cy + r * 0.3], [cx, cy + r * 0.75], [cx + r * 0.4, cy + r * 0.3], 8), {
    width: 1.5,
    color: sk.tint(355, 0.6, 0.45),
  });
}

/**
 * A head and shoulders.
 * @example withinFrame(sk, () => drawPortrait(sk))
 */
export function drawPortrait(sk: Sketch): void {
  const h = sk.hand;
  const e = 1 - h.steadiness;
  const skin = sk.tint(
    sk.pick([22, 25, 28, 30]),
    sk.range(0.35, 0.55),
    sk.pick([0.78, 0.72, 0.62, 0.48, 0.38]),
  );
  const hair = sk.tint(
    sk.pick([25, 30, 35, 40, 15]),
    sk.range(0.3, 0.6),
    sk.pick([0.15, 0.25, 0.35, 0.5, 0.62]),
  );
  const jumper = sk.own(sk.range(-20, 20), 0.5, 0.45);
  const ground = sk.chance(0.5)
    ? sk.own(180 + sk.gauss(40 * h.originality), 0.25, 0.78)
    : sk.tint(45, 0.25, 0.8);
  sk.colourIn(rect(X0, Y0, X1, Y1), ground, { angle: -0.9, strength: 0.8 });
  if (h.temperament > 0.5) {
    // Agitated strokes in the background.
    const strokes: Pt[][] = [];
    for (let i = 0; i < 30 + h.temperament * 40; i++) {
      const x = sk.range(X0, X1);
      const y = sk.range(Y0, Y1);
      const a = sk.gauss(0.6) - 0.8;
      const l = sk.range(20, 60);
      strokes.push([
        [x, y],
        [x + Math.cos(a) * l, y + Math.sin(a) * l],
      ]);
    }
    sk.marks(strokes, { color: sk.own(200, 0.4, 0.35), width: 1.6, opacity: 0.5 }, 0.5);
  }
  if (h.naivety > 0.6) {
    childsPortrait(sk, hair, skin, jumper);
    return;
  }
  const hw = sk.range(70, 82) * (1 + 0.2 * h.naivety + sk.gauss(e * 0.06));
  const hh = hw * (1.3 - 0.15 * h.naivety + sk.gauss(e * 0.06));
  const cx = X0 + FRAME.w / 2 + sk.gauss(6 + 10 * h.originality);
  const cy = Y0 + 20 + hh;
  const longHair = sk.chance(0.5);
  // Long hair falls behind the shoulders.
  if (longHair) {
    const back: Pt[] = [
      ...ellipsePts(cx, cy - hh * 0.1, hw * 1.22, hh * 1.08, 18, 0, Math.PI, Math.PI),
      [cx + hw * 1.3, cy + hh * 1.25],
      [cx - hw * 1.3, cy + hh * 1.25],
    ];
    sk.blank(back);
    sk.colourIn(back, hair);
    sk.stroke(back, { width: 0.8 }, { closed: true });
  }
  // Shoulders and jumper, with a shirt collar.
  const neckY = cy + hh * 0.8;
  const shoulders: Pt[] = [
    [cx - hw * 0.45, neckY + 10],
    ...quadPts([cx - hw * 0.45, neckY + 16], [cx - hw * 1.9, neckY + 30], [cx - hw * 2.3, Y1 + 4], 8),
    [cx + hw * 2.3, Y1 + 4],
    ...quadPts([cx + hw * 2.3, Y1 + 4], [cx + hw * 1.9, neckY + 30], [cx + hw * 0.45, neckY + 16], 8),
  ];
  sk.blank(shoulders);
  sk.colourIn(shoulders, jumper);
  sk.hatch(clipHalfPlane(shoulders, -1, 0, -(cx + hw * 0.9)), 1.0, lerp(6, 2.6, h.detail), {
    width: 0.45,
    opacity: 0.7,
  });
  sk.stroke(shoulders, { width: 1 }, { main: true });
  const neck: Pt[] = [
    [cx - hw * 0.38, cy + hh * 0.7],
    [cx - hw * 0.42, neckY + 18],
    [cx + hw * 0.42, neckY + 18],
    [cx + hw * 0.38, cy + hh * 0.7],
  ];
  sk.blank(neck);
  sk.colourIn(neck, skin);
  // The shadow the chin throws on the neck.
  sk.hatch(clipHalfPlane(neck, 0, 1, cy + hh * 1.12), 0.9, lerp(5, 2.4, h.detail), { width: 0.45 });
  sk.stroke([neck[0]!, neck[1]!], { width: 0.8 });
  sk.stroke([neck[2]!, neck[3]!], { width: 0.8 });
  const collar: Pt[] = [
    [cx - hw * 0.48, neckY + 12],
    [cx, neckY + 40],
    [cx + hw * 0.48, neckY + 12],
    [cx + hw * 0.2, neckY + 48],
    [cx, neckY + 40],
    [cx - hw * 0.2, neckY + 48],
  ];
  sk.stroke(collar, { width: 0.8, fill: '#f5f3ec' }, { closed: true, sharp: true });
  sk.stroke(
    [
      [cx - hw * 0.6, neckY + 14],
      [cx, neckY + 58],
      [cx + hw * 0.6, neckY + 14],
    ],
    { width: 0.9 },
    { sharp: true },
  );
  // Ears, then the face over them.
  const earY = cy + sk.gauss(e * 6);
  for (const s of [-1, 1]) {
    const ear = ellipsePts(cx + s * hw * 0.97, earY, hw * 0.14, hh * 0.15, 12);
    sk.blank(ear);
    sk.colourIn(ear, skin);
    sk.stroke(ear, { width: 0.8 }, { closed: true });
  }
  const face = facePts(cx, cy, hw, hh, 0.28);
  sk.blank(face);
  sk.colourIn(face, skin);
  sk.wash(
    ellipsePts(cx - hw * 0.5, cy + hh * 0.25, hw * 0.2, hh * 0.1, 10),
    sk.tint(355, 0.6, 0.7),
    0.25,
    0.3,
  );
  sk.wash(
    ellipsePts(cx + hw * 0.5, cy + hh * 0.25, hw * 0.2, hh * 0.1, 10),
    sk.tint(355, 0.6, 0.7),
    0.25,
    0.3,
  );
  // Light from the left: hatch the right cheek, more densely the better the maker.
  if (h.detail > 0.3) {
    const gap = lerp(6.5, 2.4, h.detail);
    sk.hatch(clipHalfPlane(face, -1, 0, -(cx + hw * 0.35)), 1.05, gap, { width: 0.4, opacity: 0.75 });
    if (h.detail > 0.6)
      sk.hatch(clipHalfPlane(face, -1, 0, -(cx + hw * 0.7)), -0.5, gap * 1.1, { width: 0.35, opacity: 0.6 });
  }
  sk.stroke(face, { width: 1.1 }, { closed: true, main: true });
  // Features: eyes halfway down the head in a careful drawing, higher in a naive one.
  const eyeY = cy - hh * (0.05 + 0.22 * h.naivety) + sk.gauss(e * 8);
  const gap = hw * (0.42 + sk.gauss(e * 0.05));
  const ew = hw * 0.2;
  const iris = sk.tint(sk.pick([25, 30, 200, 210, 120]), 0.5, 0.35);
  const lashes = sk.chance(0.5);
  eye(sk, cx - gap, eyeY + sk.gauss(e * 3), ew, iris, lashes);
  eye(sk, cx + gap, eyeY + sk.gauss(e * 3), ew, iris, lashes);
  for (const s of [-1, 1]) {
    const bx = cx + s * gap;
    const by = eyeY - ew * 1.25 - sk.range(0, 3);
    sk.stroke(
      quadPts([bx - s * ew * 1.1, by + 3], [bx - s * ew * 0.2, by - 4], [bx + s * ew * 1.2, by + 1], 6),
      { color: hair, width: 2.2 },
      { wobble: 0.5 },
    );
  }
  const noseY = cy + hh * (0.3 + sk.gauss(e * 0.05));
  sk.stroke(
    quadPts([cx + ew * 0.2, eyeY + ew * 0.6], [cx + ew * 0.7, noseY - ew], [cx + ew * 0.45, noseY], 6),
    { width: 0.7, opacity: 0.8 },
  );
  sk.stroke(quadPts([cx - ew * 0.7, noseY - 1], [cx, noseY + ew * 0.45], [cx + ew * 0.75, noseY - 1], 6), {
    width: 0.8,
  });
  sk.dots(
    [
      [cx - ew * 0.35, noseY - 1.2],
      [cx + ew * 0.4, noseY - 1.2],
    ],
    1.1,
    sk.ink,
    0.7,
  );
  const mouthY = cy + hh * (0.55 + sk.gauss(e * 0.04));
  const mw = hw * sk.range(0.32, 0.42);
  const smile = sk.range(-1.5, 4) - h.temperament * 3;
  const lips: Pt[] = [
    ...quadPts([cx - mw, mouthY], [cx - mw * 0.4, mouthY - 5], [cx, mouthY - 2.5], 4),
    ...quadPts([cx, mouthY - 2.5], [cx + mw * 0.4, mouthY - 5], [cx + mw, mouthY], 4).slice(1),
    ...quadPts([cx + mw, mouthY], [cx, mouthY + 9], [cx - mw, mouthY], 6).slice(1),
  ];
  sk.colourIn(lips, sk.tint(2, 0.45, 0.62), { strength: 0.8 });
  sk.stroke(quadPts([cx - mw, mouthY], [cx, mouthY + smile], [cx + mw, mouthY], 8), { width: 1 });
  if (h.detail > 0.5)
    sk.stroke(quadPts([cx - mw * 0.5, mouthY + 7], [cx, mouthY + 10], [cx + mw * 0.5, mouthY + 7], 5), {
      width: 0.5,
      opacity: 0.6,
    });
  // Hair over the top of the head: a shape coloured in, then strands following it.
  const part = cx + sk.gauss(hw * 0.3);
  // The hairline: down over the temples, a fringe or a parting across the forehead, its lower
  // edge broken into locks.
  const fringe = sk.chance(0.5);
  const edge: Pt[] = [];
  const locks = 9;
  for (let i = 0; i <= locks; i++) {
    const u = i / locks;
    const x = lerp(cx + hw * 1.06, cx - hw * 1.06, u);
    const side = Math.abs(u - 0.5) * 2;
    const base = fringe
      ? cy - hh * (0.42 + 0.1 * (1 - side)) + side * side * hh * 0.45
      : cy - hh * (0.7 - 0.25 * side * side) + side ** 4 * hh * 0.6;
    const dip = i % 2 ? hh * 0.05 : 0;
    edge.push([x, base + dip + sk.gauss(1.5)]);
  }
  if (!fringe) edge.splice(Math.round(locks * (0.5 - (part - cx) / (2.2 * hw))), 0, [part, cy - hh * 0.86]);
  const cap: Pt[] = [
    ...ellipsePts(cx, cy - hh * 0.08, hw * 1.12, hh * 1.02, 20, 0, Math.PI * 1.0, Math.PI),
    ...edge,
  ];
  sk.colourIn(cap, hair);
  const strands: Pt[][] = [];
  const nStrands = Math.round(10 + 40 * h.detail);
  for (let i = 0; i < nStrands; i++) {
    // Each strand runs from the crown to a point on the hairline.
    const e = edge[Math.min(edge.length - 1, Math.floor(sk.r() * edge.length))]!;
    const start: Pt = [fringe ? cx + sk.gauss(hw * 0.15) : part + sk.gauss(3), cy - hh * 1.05];
    const end: Pt = [e[0] + sk.gauss(4), e[1] - sk.range(0, hh * 0.08)];
    const ctrl: Pt = [lerp(start[0], end[0], 0.8) + (end[0] - cx) * 0.25, lerp(start[1], end[1], 0.25)];
    strands.push(quadPts(start, ctrl, end, 6));
  }
  sk.marks(strands, { color: sk.tint(30, 0.4, 0.12), width: 0.5, opacity: 0.7 }, 0.4);
  sk.stroke(cap, { width: 0.9 }, { closed: true });
}
