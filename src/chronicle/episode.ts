/**
 * An episode: something in a life worth telling, built from one or more events, with the day
 * it belongs to, how much it matters (its weight), who else is in it, and a teller that writes
 * its sentences. Composers (memoir, biography) choose episodes by weight and arrange them.
 */
import type { Ctx } from './context.js';
import type { Phase } from './time.js';

export interface Episode {
  readonly kind: string;
  readonly day: number;
  readonly phase: Phase;
  readonly weight: number;
  /** Other people in it, most important first. */
  readonly people: readonly number[];
  /** Every event it rests on (used to find a storyline's beats among them). */
  readonly events: readonly number[];
  /** Writes the episode's sentences into the paragraph in progress. */
  readonly tell: (c: Ctx) => void;
}

/** Makes an episode; the phase is the clock's for its day. */
export function episode(c: Ctx, e: Omit<Episode, 'phase'> & { phase?: Phase }): Episode {
  return { ...e, phase: e.phase ?? c.clock.phase(e.day) };
}
