/**
 * Making art. Each month every student old enough makes works at their own pace; a work's
 * skill grows with the maker's age towards their skill at sixteen (late bloomers, Tommy's kind,
 * find their hand only after school), its originality and temperament are the maker's with a
 * little variation, and its style and hue mostly the maker's own. A month's works at a place
 * are one `works_made` event; the works themselves are rows of the `works` table.
 */
import { NONE } from '../../engine/recorder.js';
import { EVENT_CODES } from '../event-types.js';
import type { Sequence } from '../streams.js';
import type { ArtMedium, ArtStyle } from './media.js';
import type { Life, Member, Work } from './life.js';
import { poisson, r3, unit } from './life.js';
import { titleFor } from './titles.js';

const OTHER_MEDIA: readonly ArtMedium[] = ['picture', 'poem', 'sculpture'];
const SIDE_STYLES: readonly ArtStyle[] = ['landscape', 'still-life', 'buildings', 'portrait', 'pattern'];

/**
 * The skill a maker's hand has at an age: rising from a fifth of it at five to all of it at
 * sixteen; a late bloomer's stays childish at school and arrives after.
 * @example skillAt({ talent: 0.8, late: false }, 16, false) // 0.8
 */
export function skillAt(hand: { talent: number; late: boolean }, age: number, afterSchool: boolean): number {
  const growth = Math.min(1, Math.max(0.12, (age - 3) / 13));
  if (hand.late) return afterSchool ? unit(hand.talent * 0.9 + 0.15) : hand.talent * growth * 0.5;
  return hand.talent * growth;
}

/** How good a work looks to a guardian or to Madame (0..1): mostly skill, part invention. */
export function quality(w: Pick<Work, 'skill' | 'originality'>): number {
  return 0.55 * w.skill + 0.45 * w.originality;
}

/** First name of a person's name ("Ruth" of "Ruth C."). */
export function firstName(name: string): string {
  return name.split(' ')[0] ?? name;
}

/**
 * Makes a month's works at a place and records them as one `works_made` event. `pace` gives
 * each maker's works a year. Returns the number made.
 */
export function makeWorks(
  life: Life,
  place: number,
  day: number,
  s: Sequence,
  makers: readonly Member[],
  pace: (m: Member) => number,
  ticksPerYear: number,
): number {
  const first = life.works.length + 1;
  const afterSchool = life.place(place).kind === 'residence';
  for (const m of makers) {
    const n = poisson(s, pace(m) / ticksPerYear);
    for (let i = 0; i < n; i++) makeOne(life, m, place, day, s, afterSchool);
  }
  const last = life.works.length;
  if (last < first) return 0;
  const event = life.emit(day, EVENT_CODES.works_made, NONE, NONE, place, last - first + 1, NONE, {
    first,
    last,
  });
  for (let id = first; id <= last; id++) life.works[id - 1]!.madeEvent = event;
  return last - first + 1;
}

/** Makes one work by `m` at `place` on `day` (not yet recorded: the caller emits `works_made`). */
export function makeOne(
  life: Life,
  m: Member,
  place: number,
  day: number,
  s: Sequence,
  afterSchool: boolean,
): Work {
  const hand = m.art;
  const age = life.age(m, day);
  const medium = s.chance(0.65) || hand.keepsMedium === true ? hand.medium : s.pick(OTHER_MEDIA);
  const style: ArtStyle = hand.late || s.chance(0.8) ? hand.style : s.pick(SIDE_STYLES);
  let friend = NONE;
  if (style === 'portrait') {
    let best = 0.2;
    for (const t of m.tieList) {
      if (t.f > best) {
        best = t.f;
        friend = t.who.id;
      }
    }
  }
  const work: Work = {
    id: life.works.length + 1,
    maker: m.id,
    made: day,
    place,
    medium,
    style,
    skill: r3(unit(skillAt(hand, age, afterSchool) + 0.1 * s.tri())),
    // A late bloomer's school pictures are scrawls; the invention comes out after school.
    originality: r3(unit((hand.late && !afterSchool ? 0.55 : 1) * hand.originality + 0.14 * s.tri())),
    temperament: r3(unit(hand.temperament + 0.14 * s.tri() + 0.3 * m.strain * s.next())),
    hue: Math.floor((hand.hue + 30 * s.tri() + 360) % 360),
    age: Math.round(age * 10) / 10,
    friend,
    madeEvent: NONE,
    fate: 'kept',
    owner: m.id,
    fateOn: day,
    fateEvent: NONE,
    paid: 0,
    price: 0,
  };
  life.works.push(work);
  const mine = life.worksByMaker.get(m.id);
  if (mine) mine.push(work);
  else life.worksByMaker.set(m.id, [work]);
  m.works++;
  m.recent.push(work.id);
  return work;
}

/**
 * A work's title, drawn from its own stream when asked for (the simulation never needs it, so
 * a national run does not pay for it); a portrait is of the maker's fondest friend then.
 * @example titleOf(life, work) // "The Pond after Rain"
 */
export function titleOf(life: Life, w: Work): string {
  const friend = w.friend === NONE ? null : firstName(life.ctx.people.name(w.friend));
  return titleFor(life.ctx.streams.sequence('work-title', w.id), w.medium, w.style, friend);
}
