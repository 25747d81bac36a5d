/**
 * What a storyline's beats change in the world. The beat itself is recorded by the world
 * (`canon_beat`); here each kind of beat asks the module that owns the state to make its
 * consequences, as ordinary events caused by the beat: a cassette wished for at the next
 * Sale, lost, found on a trip; Madame moved; a couple formed; a guardian gone; the truth
 * learned. A beat whose consequence the world cannot make stops the run, naming the beat.
 */
import { isoDate } from '../../engine/calendar.js';
import { RuleViolation } from '../../errors.js';
import type { Beat } from '../../scenario/canon-schema.js';
import type { ModuleFactory, WorldContext, WorldModule } from '../module.js';
import { schoolLifeOf } from '../school/index.js';

/** The thing a beat names, as the kind of item the school's Sales deal in. */
function itemKind(item: string | undefined): string {
  return item !== undefined && /cassette|tape/i.test(item) ? 'cassette' : 'trinket';
}

class Consequences implements WorldModule {
  readonly name = 'storyline';
  private made = 0;

  constructor(private readonly ctx: WorldContext) {}

  onBeat(beat: Beat, people: number[], day: number, eventId: number): void {
    const life = schoolLifeOf(this.ctx);
    if (!life) return;
    const [first, second] = people;
    const fail = (detail: string): never => {
      throw new RuleViolation(`beat '${beat.id}' contradicts the world`, detail, beat.title, isoDate(day));
    };
    try {
      switch (beat.kind) {
        case 'bought':
          life.wish(first!, itemKind(beat.item), beat.item ?? 'something from a Sale box');
          break;
        case 'lost':
          life.loseOn(first!, itemKind(beat.item), day);
          break;
        case 'danced':
          life.madameMovedOn(first!, day);
          break;
        case 'possible-trip': {
          // Whoever finds something on this trip must be listening for it before the trip sets out.
          for (const b of this.ctx.scenario.beats) {
            if (b.kind === 'found' && b.date === beat.date) {
              for (const c of b.people) {
                const id = this.castId(c);
                if (id !== undefined) life.findOnNextTrip(id, itemKind(b.item));
              }
            }
          }
          if (!life.storyTripNow(first!, people, day))
            fail('the people of a trip must all be living at one residence');
          break;
        }
        case 'couple':
          if (second === undefined || !life.coupleNow(first!, second, day, this.ctx.people.place(first!))) {
            fail('a couple needs two people followed in detail');
          }
          break;
        case 'guardian-left':
          if (!life.guardianLeavesNow(first!, day, eventId))
            fail(`${this.ctx.people.name(first!)} is not on a school's staff`);
          break;
        case 'learned-truth':
          for (const who of people.filter((p) => this.ctx.people.kind(p) === 0)) {
            life.learnNow(who, 'deferral', 'no-such-thing', day, eventId, 'told by Miss Emily');
            life.learnNow(who, 'gallery-purpose', 'souls', day, eventId, 'told by Miss Emily');
          }
          break;
        case 'apology':
          for (const who of people.slice(1))
            life.learnNow(who, 'madame-address', 'seaside', day, eventId, 'given the address by Ruth');
          break;
        default:
          return;
      }
    } catch (e) {
      if (e instanceof RuleViolation) throw e;
      fail((e as Error).message);
    }
    this.made++;
  }

  private castId(castId: string): number | undefined {
    return this.ctx.personOfCast(castId);
  }

  summary(): Record<string, unknown> {
    return { beatsWithConsequences: this.made };
  }
}

/** The storyline's consequences, as a world module. */
export const storyline: ModuleFactory = (ctx) => new Consequences(ctx);
