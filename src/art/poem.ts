/**
 * Poems: a small generator of plain, quiet verse about what a student at a boarding school in
 * the country would write about (the pond, the woods, the weather, a friend, the school, the
 * fields, things that went missing), and the sheet of ruled exercise paper it is written out on
 * by hand. Young makers write rhyming couplets; older ones write short free stanzas.
 */

import { Stream, hashString } from '../engine/random.js';
import {
  escapeXml,
  fmt,
  FRAME,
  HAND_FONT,
  handOf,
  hsl,
  quadPts,
  VIEW,
  type ArtworkSpec,
  type Pt,
  type Sketch,
} from './picture.js';

type Theme = 'pond' | 'woods' | 'weather' | 'friendship' | 'lost' | 'school' | 'fields';

const THEMES: readonly Theme[] = ['pond', 'woods', 'weather', 'friendship', 'lost', 'school', 'fields'];

const WEATHER = ['rain', 'fog', 'frost', 'wind', 'snow', 'mist', 'drizzle'];
const MONTHS = ['October', 'November', 'March', 'February', 'the summer', 'the spring term'];
const THINGS = [
  'a glove',
  'a yellow button',
  'my pencil tin',
  'a hair ribbon',
  'a blue marble',
  'a library book',
  'a tape of songs',
  'my good pen',
];
const TIMES = [
  'in the morning',
  'after supper',
  'before the bell',
  'at lights out',
  'on Sunday',
  'all afternoon',
  'after games',
];

/** The colour word nearest a hue, for poems that mention the maker's favourite colour. */
function colourWord(hue: number): string {
  const names: [number, string][] = [
    [15, 'red'],
    [40, 'orange'],
    [65, 'yellow'],
    [160, 'green'],
    [200, 'sea-green'],
    [255, 'blue'],
    [290, 'violet'],
    [335, 'purple'],
    [361, 'red'],
  ];
  const h = ((hue % 360) + 360) % 360;
  for (const [limit, name] of names) if (h < limit) return name;
  return 'red';
}

/** Lines for each theme: plain statements, a few with slots filled from the lists above. */
const LINES: Record<Theme, readonly string[]> = {
  pond: [
    'Nobody swims in the pond in {month}.',
    'The reeds lean over the water as if they were listening.',
    'A moorhen draws a line across it and the line closes up.',
    'I threw a stone and it took a long time to be gone.',
    'The water holds the sky upside down and does not mind.',
    'There are more frogs in the pond than there are of us.',
    'On still days you can see the bottom, and then you cannot.',
  ],
  woods: [
    'The woods begin where the last field gives up.',
    'In the woods the light comes down in pieces.',
    'Something moves between the trees and then it is only wind.',
    'The path goes in, and I have never seen where it comes out.',
    'Every tree there is older than anyone I know.',
    'At dusk the woods come nearer to the house.',
  ],
  weather: [
    'The {weather} came over the hill before breakfast.',
    'All morning the windows ran with it.',
    'We stood in the doorway and watched it fill the yard.',
    'By tea it had gone somewhere else to be.',
    'The sky was the colour of a pencil rubbed flat.',
    'I like the {weather} best {time}.',
  ],
  friendship: [
    'My friend keeps a place for me at the long table.',
    'We walk the edge of the field and say nothing, and that is fine.',
    'If I am quiet she knows which kind of quiet it is.',
    'We swapped {thing} for {thing2} and both of us won.',
    'When the bell goes we are still talking.',
    'Some things I only tell to one person.',
  ],
  lost: [
    'I lost {thing} somewhere between the lane and the gate.',
    'Perhaps it is waiting wherever lost things wait.',
    'I looked under the benches and in my coat pockets twice.',
    'A thing you lose is still somewhere, which is something.',
    'One day I might go and find it sitting there.',
    'I did not know I liked it so much until it went.',
  ],
  school: [
    'The corridor smells of polish and wet coats.',
    'Chairs scrape, and then the whole room goes still.',
    'Chalk dust turns in the light by the tall window.',
    'Forty shoes on the stairs, and two of them are mine.',
    'The clock over the door is always a little slow.',
    'At night the building creaks like a ship.',
  ],
  fields: [
    'The field goes up to the sky and stops.',
    'The hedges sew the fields together.',
    'The hay is cut and lies in rows to dry.',
    'A tractor crawls along the top like a beetle.',
    'From the far stile you can see the whole school, small.',
    'Cows stand in the corner, thinking about rain.',
  ],
};

const ENDINGS = [
  'And that is all I wanted to say.',
  'I will remember it, I think.',
  'It was an ordinary day and I liked it.',
  'Then we went in.',
  'Tomorrow will be the same, and a little different.',
  'I wrote this down so it would stay.',
  'Everything {colour} looks like it belongs to me.',
];

/** Rhyming couplets for young makers. */
const COUPLETS: readonly (readonly [string, string])[] = [
  ['The rain came down on us today,', 'it made the puddles, then went away.'],
  ['I saw a duck upon the pond,', 'it swam into the reeds beyond.'],
  ['My friend and me ran to the tree,', 'she got there first and then came me.'],
  ['I like the colour {colour} the best,', 'much more than all of the rest.'],
  ['I lost {thing} by the gate,', 'I looked and looked until it was late.'],
  ['The wind goes running round the wall,', 'it blows the leaves and that is all.'],
  ['At night the stars come out to play,', 'and in the morning go away.'],
  ['The woods are dark and very tall,', 'I do not want to go at all.'],
  ['Our school is big and very old,', 'the halls in winter are so cold.'],
  ['I found a shell down by the sea,', 'I think the sea left it for me.'],
];

function fill(line: string, rng: Stream, hue: number): string {
  const thing = rng.pick(THINGS);
  let thing2 = rng.pick(THINGS);
  if (thing2 === thing) thing2 = THINGS[(THINGS.indexOf(thing) + 1) % THINGS.length]!;
  return line
    .replace('{weather}', rng.pick(WEATHER))
    .replace('{month}', rng.pick(MONTHS))
    .replace('{time}', rng.pick(TIMES))
    .replace('{thing}', thing)
    .replace('{thing2}', thing2)
    .replace('{colour}', colourWord(hue));
}

function sentenceCase(line: string): string {
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/**
 * The text of a poem, as lines; an empty string separates stanzas. Deterministic in the
 * spec's seed and id, and independent of how the poem is drawn.
 * @example poemLines({ ...spec, medium: 'poem', makerAge: 8 }) // ['The rain came down on us today,', …]
 */
export function poemLines(spec: ArtworkSpec): string[] {
  const rng = new Stream(spec.seed, hashString('art:poem'), spec.id);
  const hand = handOf(spec);
  if (hand.naivety > 0.5) {
    const n = 2 + rng.int(2);
    const pairs = rng.shuffled(COUPLETS).slice(0, n);
    return pairs.flatMap(([a, b]) => [sentenceCase(fill(a, rng, spec.hue)), fill(b, rng, spec.hue)]);
  }
  const main = themeOf(spec.title) ?? rng.pick(THEMES);
  const other = rng.pick(THEMES.filter((t) => t !== main));
  const stanzas = 2 + (rng.chance(0.4 + 0.3 * hand.skill) ? 1 : 0);
  const pool = rng.shuffled(LINES[main]);
  const extra = rng.shuffled(LINES[other]);
  const out: string[] = [];
  for (let s = 0; s < stanzas; s++) {
    const n = 2 + rng.int(2);
    for (let i = 0; i < n; i++) {
      const src = s === stanzas - 1 && i === 0 && extra.length ? extra : pool.length ? pool : extra;
      const line = src.shift();
      if (line !== undefined) out.push(fill(line, rng, spec.hue));
    }
    if (s < stanzas - 1) out.push('');
  }
  out.push(fill(rng.pick(ENDINGS), rng, spec.hue));
  return out;
}

/** Words in a title that point to a theme, so a poem called "The Pond" is about the pond. */
const TITLE_WORDS: readonly (readonly [RegExp, Theme])[] = [
  [/pond|water|lake|river|duck|frog/i, 'pond'],
  [/wood|tree|forest|leaf|leaves/i, 'woods'],
  [/rain|weather|snow|wind|fog|frost|storm|cloud|sky/i, 'weather'],
  [/friend|together|you\b|us\b/i, 'friendship'],
  [/lost|missing|gone|found|norfolk/i, 'lost'],
  [/school|class|lesson|corridor|bell|dormitor/i, 'school'],
  [/field|hill|hedge|farm|meadow|harvest/i, 'fields'],
];

function themeOf(title: string): Theme | undefined {
  for (const [re, theme] of TITLE_WORDS) if (re.test(title)) return theme;
  return undefined;
}

/** Splits a line into pieces that fit `maxChars`. */
function wrap(line: string, maxChars: number): string[] {
  const words = line.split(' ');
  const out: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > maxChars) {
      out.push(cur);
      cur = w;
    } else {
      cur = cur ? `${cur} ${w}` : w;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A poem written out by hand on ruled exercise paper: a title, the lines sitting (more or less)
 * on the rules, a false start crossed out here and there by an unsteady hand, a doodle in the
 * margin, and the maker's name at the end.
 * @example drawPoem(new Sketch({ ...spec, medium: 'poem' }))
 */
export function drawPoem(sk: Sketch): void {
  const h = sk.hand;
  const lines = poemLines(sk.spec);
  const size = h.naivety > 0.5 ? 19 : 15.5;
  const rule = h.naivety > 0.5 ? 30 : 24;
  const margin = 66;
  const top = 44;
  const bottom = FRAME.y + FRAME.h;
  // The ruled lines and the margin.
  let rules = '';
  for (let y = top + rule; y < bottom; y += rule) rules += `M0 ${y}H${VIEW}`;
  sk.raw(`<path d="${rules}" stroke="#8fb3d9" stroke-width="0.7" opacity="0.8"/>`);
  sk.raw(`<path d="M${margin - 8} 0V${VIEW}" stroke="#d9868a" stroke-width="0.9" opacity="0.85"/>`);
  const penInk = h.naivety > 0.5 ? '#4a4a52' : sk.chance(0.6) ? '#1f2f5c' : sk.ink;
  const title = sk.spec.title;
  const tx = margin + 8;
  let y = top + rule - 5;
  writeLine(sk, tx + 10, y, title, size + 2, penInk, 0);
  const tw = Math.min(320, title.length * (size + 2) * 0.52);
  sk.stroke(quadPts([tx + 8, y + 4], [tx + 8 + tw / 2, y + 6], [tx + 12 + tw, y + 3], 6), {
    color: penInk,
    width: 0.9,
  });
  y += rule * 2;
  // Handwriting runs wider than print: allow for it, and for a false start at the line's head.
  const maxChars = Math.floor((VIEW - margin - 70) / (size * 0.56));
  let crossed = 0;
  for (const line of lines) {
    if (y > bottom - rule) break;
    if (line === '') {
      y += rule;
      continue;
    }
    const parts = wrap(line, maxChars);
    for (let i = 0; i < parts.length && y <= bottom - rule; i++) {
      let x = tx + (i > 0 ? 24 : 0);
      if (crossed < 2 && sk.chance(0.18 * (1 - h.steadiness) + 0.04)) {
        // A false start, scribbled out.
        const w = sk.range(20, 46);
        const scrib: Pt[] = [];
        for (let k = 0; k < 9; k++) scrib.push([x + (k % 2 ? w : 0) + sk.gauss(2), y - 12 + k * 1.4]);
        sk.stroke(scrib, { color: penInk, width: 1, opacity: 0.85 }, { sharp: true });
        x += w + 8;
        crossed++;
      }
      writeLine(sk, x, y, parts[i]!, size, penInk, (1 - h.steadiness) * 1.5);
      y += rule;
    }
  }
  if (y <= bottom - 4)
    writeLine(sk, VIEW - 60, Math.min(y + 4, bottom - 2), `— ${sk.spec.maker}`, size - 1, penInk, 0, 'end');
  doodle(sk, margin, top, penInk);
  if (h.temperament > 0.65) {
    const bx = sk.range(margin + 40, VIEW - 60);
    const by = sk.range(top + 60, bottom - 40);
    const blot: Pt[] = [];
    for (let i = 0; i < 14; i++) {
      const a = (i / 14) * Math.PI * 2;
      const r = 5 + sk.range(0, 5);
      blot.push([bx + Math.cos(a) * r, by + Math.sin(a) * r]);
    }
    sk.stroke(blot, { color: 'none', fill: penInk, fillOpacity: 0.8 }, { closed: true });
  }
}

/** Writes one line by hand: each word nudged off the baseline, the whole line tilted a little. */
function writeLine(
  sk: Sketch,
  x: number,
  y: number,
  text: string,
  size: number,
  color: string,
  tilt: number,
  anchor: 'start' | 'end' = 'start',
): void {
  const words = text.split(' ');
  const jit = 0.4 + 1.6 * (1 - sk.hand.steadiness);
  let spans = '';
  let prev = 0;
  words.forEach((w, i) => {
    const dy = sk.gauss(jit * 0.5);
    spans += `<tspan dy="${fmt(dy - prev)}">${escapeXml(w)}${i < words.length - 1 ? ' ' : ''}</tspan>`;
    prev = dy;
  });
  const rot = sk.gauss(tilt);
  const fam = HAND_FONT;
  const anchorAttr = anchor === 'end' ? ' text-anchor="end"' : '';
  sk.raw(
    `<text x="${fmt(x)}" y="${fmt(y)}" font-family="${fam}" font-size="${fmt(size)}" font-style="italic" fill="${color}" stroke="none"${anchorAttr} transform="rotate(${fmt(rot)} ${fmt(x)} ${fmt(y)})">${spans}</text>`,
  );
}

/** A small doodle in the margin or a corner: a flower, a star or a bird, in the maker's colour. */
function doodle(sk: Sketch, margin: number, top: number, ink: string): void {
  const kind = sk.pick(['flower', 'star', 'bird', 'none']);
  const x = margin - 34;
  const y = sk.range(top + 40, FRAME.y + FRAME.h - 60);
  const col = hsl(sk.hue, 0.6, 0.55);
  sk.frame(x, y, 1, () => {
    if (kind === 'flower') {
      for (let i = 0; i < 5; i++) {
        const a = (i / 5) * Math.PI * 2;
        sk.ellipse(
          Math.cos(a) * 6,
          Math.sin(a) * 6,
          4.5,
          3,
          { color: ink, width: 0.6, fill: col, fillOpacity: 0.6 },
          a,
        );
      }
      sk.dots([[0, 0]], 2.4, ink);
      sk.line([0, 8], [2, 30], { color: ink, width: 0.7 });
    } else if (kind === 'star') {
      const pts: Pt[] = [];
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i / 10) * Math.PI * 2;
        pts.push([Math.cos(a) * (i % 2 ? 4 : 10), Math.sin(a) * (i % 2 ? 4 : 10)]);
      }
      sk.stroke(pts, { color: ink, width: 0.7, fill: col, fillOpacity: 0.55 }, { closed: true, sharp: true });
    } else if (kind === 'bird') {
      sk.stroke(quadPts([-10, 0], [-5, -7], [0, 0], 4), { color: ink, width: 0.8 });
      sk.stroke(quadPts([0, 0], [5, -7], [10, 0], 4), { color: ink, width: 0.8 });
    }
  });
}
