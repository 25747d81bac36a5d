/**
 * Sculptures, shown as the photograph a school would keep of one: a print with a white border,
 * held in an album by its corners, of a clay, wire or papier-mâché piece on a plinth against a
 * plain wall, lit from one side so it throws a soft shadow. The maker's skill smooths and
 * balances the form; temperament roughens it; originality twists it away from the expected.
 */

import { clamp01, ellipsePts, fmt, FRAME, lerp, quadPts, type Pt, type Sketch } from './picture.js';
import { rect } from './scenes.js';

type Material = 'clay' | 'wire' | 'papier-mache';

/** A blob: an ellipse whose edge is pushed about a little, like something modelled by thumb. */
function blob(sk: Sketch, cx: number, cy: number, rx: number, ry: number, rough: number, rot = 0): Pt[] {
  const n = 28;
  const ph = sk.r() * 6.3;
  const k = sk.intIn(2, 4);
  return ellipsePts(cx, cy, rx, ry, n, rot).map(([x, y], i) => {
    const a = (i / n) * Math.PI * 2;
    const f = 1 + rough * (0.06 * Math.sin(a * k + ph) + 0.04 * sk.gauss());
    return [cx + (x - cx) * f, cy + (y - cy) * f] as Pt;
  });
}

/** Fills a shape with a radial gradient lit from the upper left. */
function modelled(sk: Sketch, pts: readonly Pt[], light: string, dark: string, name: string): void {
  const id = sk.id(`g${name}`);
  sk.def(
    `<radialGradient id="${id}" cx="35%" cy="30%" r="80%"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></radialGradient>`,
  );
  const page = pts.map((p) => sk.page(p));
  sk.raw(`<path d="${sk.pathData(page)}Z" fill="url(#${id})" stroke="none"/>`);
}

function clay(sk: Sketch, cx: number, base: number, s: number): void {
  const rough = 0.6 + 2.2 * (1 - sk.hand.steadiness) + 1.2 * sk.hand.temperament;
  const light = sk.tint(20, 0.45, 0.62);
  const dark = sk.tint(15, 0.45, 0.28);
  const form = sk.pick(['figure', 'owl', 'pot']);
  const parts: Pt[][] = [];
  if (form === 'pot') {
    parts.push(blob(sk, cx, base - 50 * s, 48 * s, 50 * s, rough));
  } else if (form === 'owl') {
    parts.push(blob(sk, cx, base - 50 * s, 42 * s, 52 * s, rough));
    parts.push(blob(sk, cx, base - 112 * s, 34 * s, 28 * s, rough));
  } else {
    // A seated figure, knees drawn up, head bowed.
    const lean = sk.gauss(0.15 + 0.3 * sk.hand.originality);
    parts.push(blob(sk, cx, base - 28 * s, 56 * s, 28 * s, rough));
    parts.push(blob(sk, cx - 6 * s, base - 78 * s, 30 * s, 44 * s, rough, lean));
    parts.push(blob(sk, cx + 10 * s + lean * 30, base - 130 * s, 20 * s, 22 * s, rough));
  }
  parts.forEach((p, i) => {
    modelled(sk, p, light, dark, `c${i}`);
    sk.stroke(p, { color: sk.tint(15, 0.4, 0.2), width: 0.6, opacity: 0.7 }, { closed: true, wobble: 0.4 });
  });
  // Thumb marks and incised lines.
  const marks: Pt[][] = [];
  for (const p of parts) {
    const xs = p.map((q) => q[0]);
    const ys = p.map((q) => q[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    for (let i = 0; i < 6; i++) {
      const x = lerp(x0 + 8, x1 - 8, sk.r());
      const y = lerp(y0 + 8, y1 - 8, sk.r());
      marks.push(quadPts([x - 4, y], [x, y + 3], [x + 4, y], 4));
    }
  }
  sk.marks(marks, { color: sk.tint(15, 0.4, 0.22), width: 0.6, opacity: 0.6 }, 0.2);
  if (form === 'owl') {
    const hy = base - 112 * s;
    for (const dx of [-12, 12]) {
      sk.ellipse(cx + dx * s, hy, 9 * s, 9 * s, { color: sk.tint(15, 0.4, 0.2), width: 0.9 });
      sk.dots([[cx + dx * s, hy]], 2.5 * s, sk.tint(15, 0.4, 0.15));
    }
    sk.stroke(
      [
        [cx - 3 * s, hy + 8 * s],
        [cx, hy + 15 * s],
        [cx + 3 * s, hy + 8 * s],
      ],
      { color: sk.tint(15, 0.4, 0.2), width: 0.8 },
      { sharp: true },
    );
  }
  if (form === 'pot')
    sk.ellipse(cx, base - 96 * s, 26 * s, 6 * s, { color: sk.tint(15, 0.4, 0.2), width: 0.9, fill: dark });
}

function wire(sk: Sketch, cx: number, base: number, s: number): void {
  // A tower of loops, or a bird on a stand: one continuous wire.
  const pts: Pt[] = [];
  const t = sk.hand.temperament;
  const o = sk.hand.originality;
  const loops = sk.intIn(5, 9);
  const height = sk.range(120, 170) * s;
  for (let i = 0; i <= loops * 16; i++) {
    const u = i / (loops * 16);
    const a = u * loops * Math.PI * 2;
    const r = (30 + 20 * Math.sin(u * Math.PI * (1 + o * 2))) * s * (1 + sk.gauss(0.04 + 0.12 * t));
    pts.push([
      cx + Math.cos(a) * r + Math.sin(u * 7 * o) * 20 * s,
      base - u * height + Math.sin(a) * r * 0.28,
    ]);
  }
  const shadow = pts.map(([x, y]) => [x + 40 * s, y - 6 * s] as Pt);
  sk.stroke(shadow, { color: '#000', width: 1.2, opacity: 0.16, fixed: true }, { wobble: 0.4 });
  sk.stroke(pts, { color: '#2c2c2e', width: 1.2 }, { wobble: 0.4 + t });
  sk.stroke(
    offsetBy(pts, -0.8),
    { color: '#c9c6bd', width: 0.4, fixed: true, opacity: 0.8 },
    { wobble: 0.2 },
  );
  sk.stroke(
    [
      [cx, base],
      [cx, base - 8 * s],
    ],
    { color: '#2c2c2e', width: 2 },
    { wobble: 0.1 },
  );
}

function offsetBy(pts: readonly Pt[], d: number): Pt[] {
  return pts.map(([x, y]) => [x + d, y + d] as Pt);
}

function papier(sk: Sketch, cx: number, base: number, s: number): void {
  const paint = sk.own(0, 0.55, 0.55);
  const dark = sk.own(0, 0.5, 0.3);
  // A round animal: a pig, or a fish standing on its tail fin.
  const pig = sk.chance(0.55);
  const body = pig
    ? blob(sk, cx, base - 48 * s, 70 * s, 40 * s, 0.4)
    : blob(sk, cx, base - 80 * s, 38 * s, 62 * s, 0.4, 0.15);
  if (pig) {
    for (const dx of [-40, -15, 15, 40]) {
      const leg = rect(cx + dx * s - 6 * s, base - 20 * s, cx + dx * s + 6 * s, base);
      modelled(sk, leg, paint, dark, `l${dx}`);
      sk.stroke(leg, { width: 0.6, color: '#222', opacity: 0.6 }, { closed: true, sharp: true });
    }
  } else {
    const fin: Pt[] = [
      [cx - 20 * s, base],
      [cx, base - 24 * s],
      [cx + 20 * s, base],
    ];
    modelled(sk, fin, paint, dark, 'fin');
  }
  modelled(sk, body, paint, dark, 'body');
  // Newspaper strips showing through the paint.
  const strips: string[] = [];
  for (let i = 0; i < 14; i++) {
    const p = body[sk.rng.int(body.length)]!;
    const q: Pt = [
      lerp(p[0], cx, sk.range(0.1, 0.7)),
      lerp(p[1], base - (pig ? 48 : 80) * s, sk.range(0.1, 0.7)),
    ];
    const [x, y] = sk.page(q);
    const a = sk.range(-60, 60);
    strips.push(
      `<g transform="rotate(${fmt(a)} ${fmt(x)} ${fmt(y)})"><rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(18 * s)}" height="${fmt(6 * s)}" fill="#e9e4d6" opacity="0.55"/><path d="M${fmt(x + 2)} ${fmt(y + 2)}h${fmt(14 * s)}M${fmt(x + 2)} ${fmt(y + 4)}h${fmt(10 * s)}" stroke="#555" stroke-width="0.4" opacity="0.6"/></g>`,
    );
  }
  sk.raw(strips.join(''));
  sk.stroke(body, { width: 0.7, color: '#222', opacity: 0.6 }, { closed: true });
  if (pig) {
    const snout = ellipsePts(cx + 68 * s, base - 52 * s, 9 * s, 12 * s, 12);
    modelled(sk, snout, paint, dark, 'snout');
    sk.stroke(snout, { width: 0.7, color: '#222', opacity: 0.7 }, { closed: true });
    sk.dots([[cx + 50 * s, base - 64 * s]], 2.5 * s, '#1a1a1a');
    sk.stroke(
      [
        [cx + 40 * s, base - 82 * s],
        [cx + 48 * s, base - 100 * s],
        [cx + 56 * s, base - 80 * s],
      ],
      { width: 0.7, color: '#222', fill: paint },
      { sharp: true },
    );
  } else {
    sk.dots([[cx + 10 * s, base - 120 * s]], 3 * s, '#1a1a1a');
    const scalesL: Pt[][] = [];
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 3; c++)
        scalesL.push(
          quadPts(
            [cx - 20 * s + c * 14 * s, base - 40 * s - r * 16 * s],
            [cx - 13 * s + c * 14 * s, base - 34 * s - r * 16 * s],
            [cx - 6 * s + c * 14 * s, base - 40 * s - r * 16 * s],
            3,
          ),
        );
    sk.marks(scalesL, { width: 0.6, color: dark }, 0.2);
  }
}

/**
 * The photograph of a sculpture, mounted on the sheet.
 * @example drawSculpture(new Sketch({ ...spec, medium: 'sculpture' }))
 */
export function drawSculpture(sk: Sketch): void {
  const h = sk.hand;
  const px0 = FRAME.x + 36;
  const py0 = FRAME.y + 10;
  const pw = FRAME.w - 72;
  const ph = FRAME.h - 40;
  const tilt = sk.gauss(1.2);
  const cx = px0 + pw / 2;
  const cy = py0 + ph / 2;
  const shadowId = sk.id('drop');
  sk.def(
    `<filter id="${shadowId}" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="3"/></filter>`,
  );
  sk.raw(`<g transform="rotate(${fmt(tilt)} ${fmt(cx)} ${fmt(cy)})">`);
  sk.raw(
    `<rect x="${fmt(px0 + 3)}" y="${fmt(py0 + 5)}" width="${fmt(pw)}" height="${fmt(ph)}" fill="#000" opacity="0.3" filter="url(#${shadowId})"/>`,
  );
  sk.raw(`<rect x="${fmt(px0)}" y="${fmt(py0)}" width="${fmt(pw)}" height="${fmt(ph)}" fill="#fbfaf6"/>`);
  const b = 12;
  const ix = px0 + b;
  const iy = py0 + b;
  const iw = pw - 2 * b;
  const ih = ph - 2 * b;
  const clip = sk.id('photo');
  sk.def(
    `<clipPath id="${clip}"><rect x="${fmt(ix)}" y="${fmt(iy)}" width="${fmt(iw)}" height="${fmt(ih)}"/></clipPath>`,
  );
  sk.raw(`<g clip-path="url(#${clip})">`);
  // The wall and the floor, in the faded colour of an old print.
  const wallId = sk.id('wall');
  const warm = sk.tint(38, 0.18, 0.7);
  const contrast = 0.5 + 0.4 * h.temperament;
  sk.def(
    `<linearGradient id="${wallId}" x1="0" y1="0" x2="1" y2="0.3"><stop offset="0" stop-color="${sk.tint(38, 0.16, 0.82)}"/><stop offset="1" stop-color="${sk.tint(30, 0.2, lerp(0.62, 0.42, contrast))}"/></linearGradient>`,
  );
  const horizon = iy + ih * 0.68;
  sk.raw(
    `<rect x="${fmt(ix)}" y="${fmt(iy)}" width="${fmt(iw)}" height="${fmt(ih)}" fill="url(#${wallId})"/>`,
  );
  sk.raw(
    `<rect x="${fmt(ix)}" y="${fmt(horizon)}" width="${fmt(iw)}" height="${fmt(iy + ih - horizon)}" fill="${sk.tint(30, 0.2, 0.5)}" opacity="0.55"/>`,
  );
  // The plinth: a box seen a little from above and the left.
  const pcx = ix + iw / 2 + sk.gauss(8);
  const plW = 120;
  const plH = 70;
  const plTop = horizon - 20;
  const dx = 26;
  const dy = 12;
  const front = rect(pcx - plW / 2, plTop, pcx + plW / 2, plTop + plH);
  const side: Pt[] = [
    [pcx + plW / 2, plTop],
    [pcx + plW / 2 + dx, plTop - dy],
    [pcx + plW / 2 + dx, plTop + plH - dy],
    [pcx + plW / 2, plTop + plH],
  ];
  const topFace: Pt[] = [
    [pcx - plW / 2, plTop],
    [pcx - plW / 2 + dx, plTop - dy],
    [pcx + plW / 2 + dx, plTop - dy],
    [pcx + plW / 2, plTop],
  ];
  const blur = sk.id('soft');
  sk.def(
    `<filter id="${blur}" x="-30%" y="-30%" width="160%" height="160%"><feGaussianBlur stdDeviation="6"/></filter>`,
  );
  sk.raw(
    `<path d="M${fmt(pcx + plW / 2)} ${fmt(plTop + plH)}l120 -14l10 -60l-100 -10z" fill="#000" opacity="${fmt(clamp01(0.12 + 0.15 * contrast))}" filter="url(#${blur})"/>`,
  );
  sk.stroke(front, { color: 'none', fill: '#e8e4da' }, { closed: true, sharp: true, wobble: 0.2 });
  sk.stroke(side, { color: 'none', fill: '#b9b3a6' }, { closed: true, sharp: true, wobble: 0.2 });
  sk.stroke(topFace, { color: 'none', fill: '#f4f1ea' }, { closed: true, sharp: true, wobble: 0.2 });
  const base = plTop - dy / 2;
  const material: Material = sk.pick(['clay', 'clay', 'wire', 'papier-mache']);
  const s = sk.range(0.85, 1.05);
  // The piece's own shadow on the wall behind it.
  sk.raw(
    `<ellipse cx="${fmt(pcx + 60)}" cy="${fmt(base - 60)}" rx="50" ry="70" fill="#000" opacity="${fmt(0.08 + 0.1 * contrast)}" filter="url(#${blur})"/>`,
  );
  if (material === 'clay') clay(sk, pcx + dx / 2, base, s);
  else if (material === 'wire') wire(sk, pcx + dx / 2, base, s);
  else papier(sk, pcx + dx / 2, base, s);
  // A sepia cast, grain and a darker edge, as old prints have.
  const tone = sk.id('tone');
  sk.def(
    `<radialGradient id="${tone}" cx="50%" cy="45%" r="70%"><stop offset="0.55" stop-color="${warm}" stop-opacity="0"/><stop offset="1" stop-color="#3b2a18" stop-opacity="0.35"/></radialGradient>`,
  );
  sk.raw(`<rect x="${fmt(ix)}" y="${fmt(iy)}" width="${fmt(iw)}" height="${fmt(ih)}" fill="url(#${tone})"/>`);
  sk.raw(
    `<rect x="${fmt(ix)}" y="${fmt(iy)}" width="${fmt(iw)}" height="${fmt(ih)}" fill="#8a6a3a" opacity="0.12"/>`,
  );
  sk.raw('</g>');
  // Album corners.
  const corners: Pt[][] = [
    [
      [px0 - 6, py0 - 6],
      [px0 + 30, py0 - 6],
      [px0 - 6, py0 + 30],
    ],
    [
      [px0 + pw + 6, py0 - 6],
      [px0 + pw - 30, py0 - 6],
      [px0 + pw + 6, py0 + 30],
    ],
    [
      [px0 - 6, py0 + ph + 6],
      [px0 + 30, py0 + ph + 6],
      [px0 - 6, py0 + ph - 30],
    ],
    [
      [px0 + pw + 6, py0 + ph + 6],
      [px0 + pw - 30, py0 + ph + 6],
      [px0 + pw + 6, py0 + ph - 30],
    ],
  ];
  sk.text(px0 + pw - 36, py0 + ph - 3, material === 'papier-mache' ? 'papier-mâché' : material, {
    size: 8.5,
    color: '#6b655c',
    anchor: 'end',
    italic: true,
  });
  for (const c of corners)
    sk.stroke(
      c,
      { color: 'none', fill: '#2b2724', fillOpacity: 0.9 },
      { closed: true, sharp: true, wobble: 0 },
    );
  sk.raw('</g>');
}
