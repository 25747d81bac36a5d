/**
 * Buildings: most often the big old country house a school is kept in (a long front of sash
 * windows, a hipped slate roof crowded with chimneys, a porch with columns, wings either side,
 * a lawn and a gravel drive), sometimes a row of farm cottages. A young maker draws the house
 * every child draws: a square, a triangle roof, four windows with crosses, smoke.
 */

import { FRAME, lerp, pointInPoly, quadPts, type Pt, type Sketch } from './picture.js';
import { rect, sky, tree } from './scenes.js';

const X0 = FRAME.x;
const X1 = FRAME.x + FRAME.w;
const Y1 = FRAME.y + FRAME.h;

/** A sash window: glass, glazing bars, a sill and a lintel. */
function sash(sk: Sketch, x: number, y: number, w: number, h: number, glass: string, arch = false): void {
  const pts: Pt[] = arch
    ? [
        [x, y + h],
        [x, y + w / 2],
        ...quadPts([x, y + w / 2], [x + w / 2, y - w * 0.15], [x + w, y + w / 2], 6).slice(1),
        [x + w, y + h],
      ]
    : rect(x, y, x + w, y + h);
  sk.colourIn(pts, glass, { angle: 0.9, strength: 0.9 });
  if (sk.hand.detail > 0.35) {
    // A reflection: one pale diagonal across the glass.
    sk.line(
      [x + w * 0.2, y + h * 0.55],
      [x + w * 0.55, y + h * 0.2],
      { color: '#f4f1e8', width: 1.2, opacity: 0.7, fixed: true },
      0.2,
    );
  }
  sk.stroke(pts, { width: 0.7 }, { closed: true, sharp: !arch, wobble: 0.6 });
  const bars: Pt[][] = [
    [
      [x + w / 2, y + (arch ? w * 0.1 : 0)],
      [x + w / 2, y + h],
    ],
    [
      [x, y + h / 2],
      [x + w, y + h / 2],
    ],
  ];
  if (sk.hand.detail > 0.55 && h > 16) {
    bars.push([
      [x, y + h / 4],
      [x + w, y + h / 4],
    ]);
    bars.push([
      [x, y + (h * 3) / 4],
      [x + w, y + (h * 3) / 4],
    ]);
  }
  sk.marks(bars, { width: 0.5 }, 0.2);
  sk.line([x - 2, y + h + 1.5], [x + w + 2, y + h + 1.5], { width: 1 }, 0.3);
  if (!arch && sk.hand.detail > 0.45) sk.line([x - 1, y - 2], [x + w + 1, y - 2], { width: 0.6 }, 0.3);
}

/** A slate roof between eaves y0 and ridge y1, hatched in rows of slates. */
function roof(sk: Sketch, poly: readonly Pt[], slate: string, y0: number, y1: number): void {
  sk.colourIn(poly, slate, { angle: 0.15 });
  if (sk.hand.detail > 0.3) {
    const gap = lerp(9, 4.5, sk.hand.detail);
    const b = poly.map((p) => p[0]);
    const xl = Math.min(...b);
    const xr = Math.max(...b);
    // Rows of slates: the course lines, and short joints staggered between them.
    sk.hatch(poly, 0, gap, { color: sk.ink, width: 0.4, opacity: 0.6 });
    const joints: Pt[][] = [];
    let row = 0;
    for (let y = y1 + gap; y < y0 - gap * 0.5; y += gap, row++) {
      for (let x = xl + (row % 2 ? 5 : 0); x < xr; x += 10) {
        if (sk.chance(0.6))
          joints.push([
            [x, y],
            [x + 0.5, y + gap * 0.8],
          ]);
      }
    }
    sk.marks(
      joints.filter((j) => pointInPoly(j[0]!, poly)),
      { width: 0.35, opacity: 0.6 },
      0.1,
    );
  }
  sk.stroke(poly, { width: 1 }, { closed: true, main: true, sharp: true });
}

function chimney(
  sk: Sketch,
  x: number,
  base: number,
  w: number,
  h: number,
  wall: string,
  smoke: boolean,
): void {
  const body = rect(x, base - h, x + w, base);
  sk.colourIn(body, wall);
  sk.hatch(rect(x + w * 0.6, base - h, x + w, base), 1.2, 3, { width: 0.4 });
  sk.stroke(body, { width: 0.8 }, { closed: true, sharp: true });
  sk.stroke(
    rect(x - 1.5, base - h - 3, x + w + 1.5, base - h),
    { width: 0.7, fill: wall },
    { closed: true, sharp: true },
  );
  const pots = Math.max(1, Math.round(w / 7));
  for (let i = 0; i < pots; i++) {
    const px = x + (w * (i + 0.5)) / pots - 2;
    sk.stroke(
      rect(px, base - h - 9, px + 4, base - h - 3),
      { width: 0.6, fill: sk.tint(18, 0.5, 0.5) },
      { closed: true, sharp: true },
    );
  }
  if (smoke) {
    const puffs: Pt[] = [];
    for (let i = 0; i < 24; i++) {
      const t = i / 23;
      puffs.push([
        x + w / 2 + t * 50 + Math.sin(t * 14) * 5 * t,
        base - h - 12 - t * 50 + Math.cos(t * 14) * 4 * t,
      ]);
    }
    sk.stroke(puffs, { color: '#8d8a86', width: 1.1, opacity: 0.7 });
  }
}

/** The country house: main block, wings, porch, roof and chimneys, lawn and drive. */
function house(sk: Sketch): void {
  const h = sk.hand;
  const W = FRAME.w;
  const ground = FRAME.y + FRAME.h * sk.range(0.72, 0.78);
  sky(sk, ground - 40);
  const cx = X0 + W / 2 + sk.gauss(10);
  const mw = W * sk.range(0.46, 0.56);
  const storeys = sk.intIn(2, 3);
  const storeyH = sk.range(30, 36) * (storeys === 3 ? 0.9 : 1.05);
  const mh = storeys * storeyH + 8;
  const top = ground - mh;
  const stone = sk.chance(0.6);
  const wall = stone ? sk.tint(42, 0.25, 0.78) : sk.tint(12, 0.45, 0.55);
  const slate = sk.tint(220, 0.15, 0.42);
  const glass = sk.tint(215, 0.3, 0.3);
  // Trees behind the house first.
  for (let i = 0; i < sk.intIn(2, 4); i++) {
    const side = sk.chance(0.5) ? -1 : 1;
    tree(
      sk,
      cx + side * (mw / 2 + sk.range(20, 120)),
      ground + 2,
      sk.range(110, 170),
      sk.tint(120, 0.45, 0.3),
    );
  }
  // Wings.
  const ww = mw * sk.range(0.28, 0.36);
  const wh = mh * sk.range(0.6, 0.72);
  for (const side of [-1, 1]) {
    const x0 = side < 0 ? cx - mw / 2 - ww : cx + mw / 2;
    const body = rect(x0, ground - wh, x0 + ww, ground);
    sk.colourIn(body, wall);
    roof(
      sk,
      [
        [x0 - 3, ground - wh],
        [x0 + (side < 0 ? ww * 0.15 : 0), ground - wh - 18],
        [x0 + ww - (side > 0 ? ww * 0.15 : 0), ground - wh - 18],
        [x0 + ww + 3, ground - wh],
      ],
      slate,
      ground - wh,
      ground - wh - 18,
    );
    const cols = Math.max(2, Math.round(ww / 26));
    const rowsW = storeys - 1;
    for (let r = 0; r < rowsW; r++) {
      for (let c = 0; c < cols; c++) {
        const x = x0 + ((c + 0.5) * ww) / cols - 6 + sk.gauss((1 - h.steadiness) * 3);
        sash(sk, x, ground - wh + 10 + r * storeyH, 12, storeyH * 0.55, glass);
      }
    }
    sk.stroke(body, { width: 0.9 }, { closed: true, main: true, sharp: true });
    if (sk.chance(0.4)) {
      // Ivy climbing the wing.
      const ivy: Pt[] = [
        [x0 + (side < 0 ? 0 : ww * 0.5), ground],
        [x0 + (side < 0 ? 0 : ww * 0.45), ground - wh * 0.8],
        [x0 + (side < 0 ? ww * 0.5 : ww), ground - wh * 0.9],
        [x0 + (side < 0 ? ww * 0.55 : ww), ground],
      ];
      sk.colourIn(ivy, sk.tint(120, 0.45, 0.32), { strength: 0.8 });
    }
  }
  // The main block.
  const x0 = cx - mw / 2;
  const body = rect(x0, top, x0 + mw, ground);
  sk.colourIn(body, wall);
  if (!stone && h.detail > 0.5) {
    sk.hatch(body, 0, 4, { color: sk.tint(12, 0.4, 0.35), width: 0.3, opacity: 0.5 }, { skip: 0.4 });
  }
  const rh = mh * sk.range(0.32, 0.42);
  const roofPoly: Pt[] = [
    [x0 - 5, top],
    [x0 + mw * 0.14, top - rh],
    [x0 + mw * 0.86, top - rh],
    [x0 + mw + 5, top],
  ];
  const nCh = sk.intIn(2, 4);
  for (let i = 0; i < nCh; i++) {
    const chx = lerp(x0 + mw * 0.16, x0 + mw * 0.8, nCh === 1 ? 0.5 : i / (nCh - 1));
    chimney(
      sk,
      chx,
      top - rh * 0.5,
      sk.range(8, 14),
      rh * 0.5 + sk.range(10, 20),
      wall,
      i === 0 && sk.chance(0.6),
    );
  }
  roof(sk, roofPoly, slate, top, top - rh);
  if (sk.chance(0.5)) {
    // Dormers in the roof.
    for (let i = 0; i < sk.intIn(2, 4); i++) {
      const dx = lerp(x0 + mw * 0.25, x0 + mw * 0.72, i / 3);
      const d: Pt[] = [
        [dx, top - 2],
        [dx, top - rh * 0.55],
        [dx + 8, top - rh * 0.75],
        [dx + 16, top - rh * 0.55],
        [dx + 16, top - 2],
      ];
      sk.stroke(d, { width: 0.7, fill: wall }, { closed: true, sharp: true });
      sash(sk, dx + 4, top - rh * 0.5, 8, rh * 0.35, glass);
    }
  }
  if (sk.chance(0.4)) {
    // A clock turret on the ridge.
    const tx = cx - 9;
    const ty = top - rh;
    sk.stroke(rect(tx, ty - 22, tx + 18, ty), { width: 0.8, fill: wall }, { closed: true, sharp: true });
    sk.ellipse(tx + 9, ty - 12, 6, 6, { width: 0.6, fill: '#f6f2e6' });
    sk.marks(
      [
        [
          [tx + 9, ty - 12],
          [tx + 9, ty - 16],
        ],
        [
          [tx + 9, ty - 12],
          [tx + 12, ty - 11],
        ],
      ],
      { width: 0.6 },
      0.05,
    );
    sk.stroke(
      [
        [tx - 3, ty - 22],
        [tx + 9, ty - 38],
        [tx + 21, ty - 22],
      ],
      { width: 0.8, fill: slate },
      { closed: true, sharp: true },
    );
  }
  const cols = Math.round(mw / 30) | 1;
  const doorCol = Math.floor(cols / 2);
  for (let r = 0; r < storeys; r++) {
    for (let c = 0; c < cols; c++) {
      if (r === storeys - 1 && c === doorCol) continue;
      // An unsteady hand lets the rows drift and the windows change size.
      const jx = sk.gauss((1 - h.steadiness) * 3);
      const jy = sk.gauss((1 - h.steadiness) * 3);
      const x = x0 + ((c + 0.5) * mw) / cols - 7 + jx;
      const y = top + 10 + r * storeyH + jy;
      const wh = storeyH * (r === 0 && storeys === 3 ? 0.45 : 0.6) * (1 + sk.gauss((1 - h.steadiness) * 0.1));
      sash(sk, x, y, 14, wh, glass, r === storeys - 1 && sk.hand.detail > 0.6 && c % 2 === 0);
    }
  }
  // Door and porch.
  const dx = x0 + ((doorCol + 0.5) * mw) / cols;
  const door: Pt[] = [
    [dx - 9, ground],
    [dx - 9, ground - 26],
    ...quadPts([dx - 9, ground - 26], [dx, ground - 36], [dx + 9, ground - 26], 6).slice(1),
    [dx + 9, ground],
  ];
  sk.colourIn(door, sk.own(0, 0.45, 0.35));
  sk.stroke(door, { width: 0.9 }, { closed: true });
  sk.dots([[dx + 5, ground - 13]], 1, sk.ink);
  if (h.detail > 0.35) {
    const pw = 32;
    const ph = 42;
    for (const s of [-1, 1]) {
      const col = rect(dx + s * (pw / 2) - 2.5, ground - ph, dx + s * (pw / 2) + 2.5, ground);
      sk.stroke(col, { width: 0.7, fill: '#efe9da' }, { closed: true, sharp: true });
      sk.line(
        [dx + s * (pw / 2) + 1, ground - ph + 3],
        [dx + s * (pw / 2) + 1, ground - 3],
        { width: 0.4 },
        0.2,
      );
    }
    const ped: Pt[] = [
      [dx - pw / 2 - 6, ground - ph],
      [dx, ground - ph - 16],
      [dx + pw / 2 + 6, ground - ph],
    ];
    sk.stroke(ped, { width: 0.9, fill: '#efe9da' }, { closed: true, sharp: true });
    sk.stroke(
      rect(dx - pw / 2 - 6, ground - ph, dx + pw / 2 + 6, ground - ph + 3),
      { width: 0.7, fill: '#efe9da' },
      { closed: true, sharp: true },
    );
    for (let i = 0; i < 3; i++)
      sk.line(
        [dx - 14 - i * 3, ground + 1 + i * 2.5],
        [dx + 14 + i * 3, ground + 1 + i * 2.5],
        { width: 0.6 },
        0.3,
      );
  }
  sk.hatch(rect(x0 + mw * 0.72, top, x0 + mw, ground), 1.1, lerp(6, 3, h.detail), {
    width: 0.35,
    opacity: 0.6,
  });
  sk.stroke(body, { width: 1.1 }, { closed: true, main: true, sharp: true });
  // Lawn and a gravel drive sweeping to the door.
  const lawn = rect(X0, ground, X1, Y1);
  sk.colourIn(lawn, sk.tint(105, 0.5, 0.45));
  const drive: Pt[] = [
    ...quadPts([dx - 18, ground + 6], [dx - 30, ground + 40], [X0 + W * 0.15, Y1], 8),
    ...quadPts([X0 + W * 0.45, Y1], [dx + 10, ground + 40], [dx + 18, ground + 6], 8),
  ];
  sk.colourIn(drive, sk.tint(38, 0.3, 0.74), { angle: 1.1 });
  sk.stroke(drive.slice(0, 9), { width: 0.7 });
  sk.stroke(drive.slice(9), { width: 0.7 });
  const gravel: Pt[] = [];
  for (let i = 0; i < 60 * h.detail; i++) {
    const t = sk.r();
    const a = drive[Math.floor(t * 8)]!;
    const b = drive[17 - Math.floor(t * 8)]!;
    const p: Pt = [lerp(a[0], b[0], sk.range(0.1, 0.9)), lerp(a[1], b[1], sk.range(0.1, 0.9))];
    gravel.push(p);
  }
  sk.dots(gravel, 0.5, sk.tint(30, 0.2, 0.4));
  sk.line([X0, ground], [X1, ground], { width: 0.6, opacity: 0.7 });
  for (const side of [-1, 1])
    tree(
      sk,
      side < 0 ? X0 + sk.range(15, 50) : X1 - sk.range(15, 50),
      Y1 - sk.range(5, 30),
      sk.range(160, 230),
      sk.tint(115, 0.5, 0.3),
    );
}

/** A row of farm cottages with a barn, a yard and a cart track. */
function cottages(sk: Sketch): void {
  const ground = FRAME.y + FRAME.h * sk.range(0.7, 0.78);
  sky(sk, ground - 30);
  const n = sk.intIn(2, 4);
  let x = X0 + sk.range(20, 50);
  const wall = sk.tint(40, 0.3, 0.8);
  const glass = sk.tint(210, 0.3, 0.3);
  const yard = rect(X0, ground, X1, Y1);
  sk.colourIn(yard, sk.tint(95, 0.45, 0.48));
  for (let i = 0; i < n && x < X1 - 80; i++) {
    const w = sk.range(80, 120);
    const h = sk.range(60, 90);
    const roofH = sk.range(35, 55);
    const body = rect(x, ground - h, x + w, ground);
    sk.colourIn(body, wall);
    sk.hatch(rect(x + w * 0.7, ground - h, x + w, ground), 1.1, 4, { width: 0.35, opacity: 0.6 });
    const thatch = sk.chance(0.5);
    const r: Pt[] = [
      [x - 6, ground - h],
      [x + w * 0.2, ground - h - roofH],
      [x + w * 0.8, ground - h - roofH],
      [x + w + 6, ground - h],
    ];
    if (thatch) {
      sk.colourIn(r, sk.tint(42, 0.5, 0.55));
      sk.hatch(r, 1.5, 3, { color: sk.tint(35, 0.5, 0.3), width: 0.45 });
      sk.stroke(r, { width: 1 }, { closed: true, main: true });
    } else {
      roof(sk, r, sk.tint(10, 0.45, 0.42), ground - h, ground - h - roofH);
    }
    chimney(sk, x + w * 0.65, ground - h - roofH * 0.7, 10, roofH * 0.5, wall, sk.chance(0.5));
    sash(sk, x + w * 0.15, ground - h + 14, 16, 20, glass);
    sash(sk, x + w * 0.62, ground - h + 14, 16, 20, glass);
    const door = rect(x + w * 0.42, ground - 34, x + w * 0.42 + 16, ground);
    sk.colourIn(door, sk.own(sk.range(-40, 40), 0.5, 0.4));
    sk.stroke(door, { width: 0.8 }, { closed: true, sharp: true });
    sash(sk, x + w * 0.15, ground - 34, 16, 20, glass);
    sk.stroke(body, { width: 1 }, { closed: true, main: true, sharp: true });
    x += w + sk.range(-4, 16);
  }
  sk.line([X0, ground], [X1, ground], { width: 0.6, opacity: 0.7 });
  const track: Pt[] = [
    [X0 + FRAME.w * 0.45, ground],
    [X0 + FRAME.w * 0.52, ground],
    [X0 + FRAME.w * 0.75, Y1],
    [X0 + FRAME.w * 0.5, Y1],
  ];
  sk.colourIn(track, sk.tint(35, 0.3, 0.65), { angle: 1.2 });
  tree(sk, X1 - sk.range(20, 60), Y1 - 10, sk.range(170, 220), sk.tint(115, 0.5, 0.3));
}

/** The house every young child draws. */
function childsHouse(sk: Sketch): void {
  const ground = FRAME.y + FRAME.h * 0.8;
  sky(sk, ground - 60);
  sk.colourIn(rect(X0, ground, X1, Y1), sk.tint(110, 0.6, 0.45));
  const cx = X0 + FRAME.w * sk.range(0.4, 0.6);
  const w = sk.range(150, 200);
  const h = w * sk.range(0.75, 0.95);
  const body = rect(cx - w / 2, ground - h, cx + w / 2, ground);
  sk.colourIn(body, sk.own(0, 0.55, 0.6));
  sk.stroke(body, { width: 1.4 }, { closed: true, sharp: true });
  const r: Pt[] = [
    [cx - w / 2 - 12, ground - h],
    [cx + sk.gauss(8), ground - h - w * 0.5],
    [cx + w / 2 + 12, ground - h],
  ];
  sk.colourIn(r, sk.tint(5, 0.65, 0.5));
  sk.stroke(r, { width: 1.4 }, { closed: true, sharp: true });
  chimney(sk, cx + w * 0.2, ground - h - w * 0.2, 16, w * 0.22, sk.tint(5, 0.6, 0.45), true);
  const glass = sk.tint(200, 0.6, 0.7);
  for (const [fx, fy] of [
    [0.12, 0.15],
    [0.62, 0.15],
    [0.12, 0.55],
  ] as const) {
    const win = rect(
      cx - w / 2 + w * fx,
      ground - h + h * fy,
      cx - w / 2 + w * (fx + 0.26),
      ground - h + h * (fy + 0.26),
    );
    sk.colourIn(win, glass);
    sk.stroke(win, { width: 1.1 }, { closed: true, sharp: true });
    const m: Pt = [cx - w / 2 + w * (fx + 0.13), ground - h + h * (fy + 0.13)];
    sk.marks(
      [
        [
          [m[0], m[1] - h * 0.13],
          [m[0], m[1] + h * 0.13],
        ],
        [
          [m[0] - w * 0.13, m[1]],
          [m[0] + w * 0.13, m[1]],
        ],
      ],
      { width: 1 },
      0.5,
    );
  }
  const door = rect(cx + w * 0.12, ground - h * 0.42, cx + w * 0.34, ground);
  sk.colourIn(door, sk.tint(28, 0.6, 0.35));
  sk.stroke(door, { width: 1.2 }, { closed: true, sharp: true });
  sk.dots([[cx + w * 0.3, ground - h * 0.2]], 2, sk.ink);
  const flowers: Pt[] = [];
  for (let i = 0; i < sk.intIn(4, 9); i++)
    flowers.push([sk.range(X0 + 10, X1 - 10), sk.range(ground + 10, Y1 - 10)]);
  for (const [fx, fy] of flowers) {
    sk.line([fx, fy], [fx, fy + 12], { color: sk.tint(120, 0.6, 0.3), width: 1 });
    sk.dots([[fx, fy]], 3.5, sk.own(sk.range(-60, 60), 0.8, 0.55));
    sk.dots([[fx, fy]], 1.2, sk.tint(50, 0.9, 0.55));
  }
}

/**
 * A picture of buildings, chosen by the maker's age and a draw from the work's stream.
 * @example withinFrame(sk, () => drawBuildings(sk))
 */
export function drawBuildings(sk: Sketch): void {
  if (sk.hand.naivety > 0.6) childsHouse(sk);
  else if (sk.chance(0.68)) house(sk);
  else cottages(sk);
}
