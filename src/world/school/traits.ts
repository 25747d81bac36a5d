/**
 * Who a student is: personality traits and the hand they make art with, drawn once from the
 * person's own stream (so a policy elsewhere never changes who anyone is); and a person's
 * entry among those school life follows.
 */
import { asCast } from '../canon/traits.js';
import type { Streams } from '../streams.js';
import type { ArtMedium, ArtStyle } from './media.js';
import { fromDistribution } from '../draw.js';
import { NONE } from '../../engine/recorder.js';
import type { ArtHand, Life, Member, SchoolSettings, Traits } from './life.js';
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

/**
 * Follows a person in detail from today at `home`: their traits and hand drawn once, their
 * tokens and standing set, and their place on the roster taken.
 * @example newMember(life, person, hailsham.id, false)
 */
export function newMember(life: Life, person: number, home: number, veteran: boolean): Member {
  const p = life.ctx.people;
  const key = p.key(person);
  const drawn = drawTraits(life.ctx.streams, key);
  // A cast entry lays its traits, style and medium over the drawn ones.
  const castId = life.storyline.castId(person);
  const { traits, hand } = asCast(
    castId === undefined ? undefined : life.ctx.scenario.cast.find((c) => c.id === castId),
    drawn,
    drawHand(life.ctx.streams, key, drawn, life.school),
  );
  const m: Member = {
    id: person,
    key,
    sex: p.sex(person),
    born: p.born(person),
    cohort: p.cohort(person),
    school: p.school(person),
    veteran,
    home: NONE,
    traits,
    art: hand,
    tokens: veteran ? 0 : life.school.exchange.startingTokens,
    standing: Math.round((0.2 + 0.2 * life.ctx.streams.draw('standing').at(key, 0)) * 1000) / 1000,
    strain: 0,
    chosen: 0,
    works: 0,
    ties: new Map(),
    tieList: [],
    couple: NONE,
    clique: NONE,
    recent: [],
    items: [],
    lost: [],
    comforted: false,
    ageNow: 0,
    popularity: 0.3,
    group: [],
  };
  life.members.set(person, m);
  life.move(m, home);
  return m;
}
