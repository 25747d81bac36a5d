/**
 * Who a student is: personality traits and the hand they make art with, drawn once from the
 * person's own stream (so a policy elsewhere never changes who anyone is).
 */
import type { Streams } from '../streams.js';
import type { ArtMedium, ArtStyle } from '../art/index.js';
import { fromDistribution } from '../draw.js';
import type { ArtHand, SchoolSettings, Traits } from './life.js';
import { r3, unit } from './life.js';

/** Styles other than Tommy's, with their weights. */
const ORDINARY_STYLES: readonly [ArtStyle, number][] = [
  ['landscape', 0.22],
  ['portrait', 0.14],
  ['still-life', 0.13],
  ['pattern', 0.1],
  ['abstract', 0.09],
  ['seascape', 0.14],
  ['buildings', 0.18],
];

/** Picks from weighted options with one uniform draw. */
export function weighted<T>(options: readonly (readonly [T, number])[], u: number): T {
  let total = 0;
  for (const [, w] of options) total += w;
  let x = u * total;
  for (const [o, w] of options) {
    x -= w;
    if (x < 0) return o;
  }
  return options[options.length - 1]![0];
}

/**
 * A person's traits from their key: most are middling, tempers mostly mild.
 * @example drawTraits(ctx.streams, people.key(id)).temper
 */
export function drawTraits(streams: Streams, key: number): Traits {
  const draw = streams.draw('school-traits');
  const u = (i: number) => draw.at(key, i);
  const mid = (i: number) => r3((u(2 * i) + u(2 * i + 1)) / 2);
  return {
    sociability: mid(0),
    agreeableness: mid(1),
    temper: r3(Math.pow(u(4), 1.8)),
    confidence: mid(3),
    credulity: r3(0.25 + 0.7 * mid(4)),
    imagination: mid(5),
  };
}

/**
 * The hand a person makes art with: skill at sixteen, originality, temperament, style, hue,
 * pace and favourite medium. A few have Tommy's style and bloom late.
 */
export function drawHand(streams: Streams, key: number, traits: Traits, s: SchoolSettings): ArtHand {
  const draw = streams.draw('art-hand');
  const u = (i: number) => draw.at(key, i);
  const late = u(0) < s.art.animalsShare;
  const style: ArtStyle = late ? 'animals' : weighted(ORDINARY_STYLES, u(1));
  const media: [ArtMedium, number][] = [
    ['picture', s.art.media.picture],
    ['poem', s.art.media.poem],
    ['sculpture', s.art.media.sculpture],
  ];
  return {
    talent: r3(fromDistribution(s.art.skillAtSixteen, u(2))),
    originality: r3(unit(0.55 * traits.imagination + 0.45 * u(3) + (late ? 0.25 : 0))),
    temperament: r3(unit(0.65 * traits.temper + 0.35 * u(4))),
    style,
    hue: Math.floor(u(5) * 360),
    pace: r3(fromDistribution(s.art.worksPerYear, u(6))),
    medium: late ? 'picture' : weighted(media, u(7)),
    late,
  };
}
