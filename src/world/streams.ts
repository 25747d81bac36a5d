/**
 * The world's randomness, in one place. `Streams` is built once from the run's seed; rules ask
 * it for draws by purpose (a name in `PURPOSES`, the one registry of what the world draws for)
 * and key (a person's, a place's, an item's stable key), and never see the seed itself.
 *
 * Two shapes of draw serve every rule:
 * - `streams.draw(purpose)` gives a `Draw`, counter-based: `at(key, index)` is a pure function
 *   of (seed, purpose, key, index), with the (seed, purpose) half of the hashing done once. The
 *   lifecycle's hot paths use it at national scale.
 * - `streams.sequence(purpose, key)` gives an open-ended `Sequence` (sfc32 seeded from the same
 *   four words) for a rule that makes many small draws in a row (a school's month, a trip).
 *
 * The path of the seed: `hailsham run` (cli) → `runScenario` (src/run) → `new World` builds
 * `Streams` → a rule's `ctx.streams.draw('career').at(key, 0)`.
 */
import { drawPrefix, FastStream, hashString, uniformAfter, type Sequence } from '../engine/random.js';

export type { Sequence };

/**
 * Every purpose the world draws for, each hashed once into the stream's identity. A purpose's
 * text is part of every draw made for it: renaming one changes the worlds it touches.
 */
export const PURPOSES = [
  // the lifecycle: births, staff, leaving school, training, notice, donations, completion
  'cohort-size',
  'birthday',
  'sex',
  'given-name',
  'initial',
  'staff',
  'residence-years',
  'skip-caring',
  'career',
  'centre',
  'first-donation',
  'recovery',
  'completion',
  'completion-delay',
  'health',
  // caring
  'carer-talent',
  'carer-pick',
  'carer-friend',
  // school life
  'school-month',
  'school-year',
  'school-calendar',
  'exchange',
  'sale',
  'sale-likes',
  'gallery',
  'item-loss',
  'standing',
  'school-traits',
  'art-hand',
  'work-title',
  'guardian-persona',
  'spark',
  // the Cottages
  'residence-arrival',
  'residence-departure',
  'possible-report',
  'possible-trip',
  'original',
  // the storyline (Tommy's notebook of animals)
  'canon-notebook',
  // deferrals
  'deferral-apply',
  'deferral-years',
  // the scenario's generated geography (keyed by the scenario's name, not the run's seed)
  'geography',
] as const;

/** A purpose of the world's draws. */
export type Purpose = (typeof PURPOSES)[number];

/** Each purpose's text hashed, once. */
const PURPOSE_HASH = Object.fromEntries(PURPOSES.map((p) => [p, hashString(p)])) as Record<Purpose, number>;

/** Counter-based draws of one purpose: `at(key, index)` in [0, 1). */
export class Draw {
  constructor(private readonly prefix: number) {}

  /**
   * The uniform draw for (key, index); the same arguments give the same number, always.
   * @example streams.draw('recovery').at(personKey, donationNumber)
   */
  at(key: number, index = 0): number {
    return uniformAfter(this.prefix, key, index);
  }
}

/** The seeded source of every draw a world's rules make. */
export class Streams {
  private readonly draws = new Map<Purpose, Draw>();

  /** @param seed the run's seed (or, for geography, a scenario's own key) */
  constructor(private readonly seed: number) {}

  /**
   * The counter-based draws of a purpose (made once per purpose and kept).
   * @example const career = streams.draw('career'); career.at(key, 0)
   */
  draw(purpose: Purpose): Draw {
    let d = this.draws.get(purpose);
    if (!d) this.draws.set(purpose, (d = new Draw(drawPrefix(this.seed, PURPOSE_HASH[purpose]))));
    return d;
  }

  /**
   * An open-ended sequence of draws for one purpose and key: its n-th draw depends on nothing
   * but (seed, purpose, key, n).
   * @example const s = streams.sequence('exchange', hash4(placeKey, n, 0, 0)); s.next()
   */
  sequence(purpose: Purpose, key: number): Sequence {
    return new FastStream(this.seed, PURPOSE_HASH[purpose], key);
  }
}
