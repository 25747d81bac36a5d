/**
 * What a storyline's beats change in the world. The beat itself is recorded by the storyline
 * module (`canon_beat`, index.ts); here each kind of beat asks the module that owns the state to make its
 * consequences, as ordinary events caused by the beat: a cassette wished for at the next
 * Sale, lost, found on a trip; Madame moved; a couple formed; a guardian gone; the truth
 * learned. A beat whose consequence the world cannot make stops the run, naming the beat.
 */
import { isoDate } from '../../engine/calendar.js';
import { RuleViolation } from '../../errors.js';
import type { Beat } from '../../scenario/canon-schema.js';
import type { WorldContext } from '../module.js';
import { schoolLifeOf } from '../school/index.js';

/** The thing a beat names, as the kind of item the school's Sales deal in. */
function itemKind(item: string | undefined): string {
  return item !== undefined && /cassette|tape/i.test(item) ? 'cassette' : 'trinket';
}

/**
 * Makes the consequences of a recorded beat (`eventId`) through the module that owns their
 * state; returns false for a kind of beat with none here.
 * @example beatConsequences(ctx, beat, [kathy], day, beatEvent, (id) => cast.personOf.get(id))
 */
export function beatConsequences(
  ctx: WorldContext,
  beat: Beat,
  people: number[],
  day: number,
  eventId: number,
  personOfCast: (castId: string) => number | undefined,
): boolean {
  const story = schoolLifeOf(ctx)?.story;
  if (!story) return false;
  const [first, second] = people;
  const fail = (detail: string): never => {
    throw new RuleViolation(`beat '${beat.id}' contradicts the world`, detail, beat.title, isoDate(day));
  };
  try {
    switch (beat.kind) {
      case 'bought':
        story.wish(first!, itemKind(beat.item), beat.item ?? 'something from a Sale box');
        break;
      case 'lost':
        story.loseOn(first!, itemKind(beat.item), day);
        break;
      case 'danced':
        story.madameMovedOn(first!, day);
        break;
      case 'possible-trip': {
        // Whoever finds something on this trip must be listening for it before the trip sets out.
        for (const b of ctx.scenario.beats) {
          if (b.kind === 'found' && b.date === beat.date) {
            for (const c of b.people) {
              const id = personOfCast(c);
              if (id !== undefined) story.findOnNextTrip(id, itemKind(b.item));
            }
          }
        }
        if (!story.storyTripNow(first!, people, day))
          fail('the people of a trip must all be living at one residence');
        break;
      }
      case 'couple':
        if (second === undefined || !story.coupleNow(first!, second, day, ctx.people.place(first!))) {
          fail('a couple needs two people followed in detail');
        }
        break;
      case 'guardian-left':
        if (!story.guardianLeavesNow(first!, day, eventId))
          fail(`${ctx.people.name(first!)} is not on a school's staff`);
        break;
      case 'learned-truth':
        for (const who of people.filter((p) => ctx.people.kind(p) === 0)) {
          story.learnNow(who, 'deferral', 'no-such-thing', day, eventId, 'told by Miss Emily');
          story.learnNow(who, 'gallery-purpose', 'souls', day, eventId, 'told by Miss Emily');
        }
        break;
      case 'apology':
        for (const who of people.slice(1))
          story.learnNow(who, 'madame-address', 'seaside', day, eventId, 'given the address by Ruth');
        break;
      default:
        return false;
    }
  } catch (e) {
    if (e instanceof RuleViolation) throw e;
    fail((e as Error).message);
  }
  return true;
}
