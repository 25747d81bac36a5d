/**
 * Choosing and arranging episodes: keep the weightiest (with a cap per kind, so that ten
 * friendships do not crowd out the one trip to the coast), tell them in the order they
 * happened, and break paragraphs where a careful writer would: after three or four sentences,
 * across a gap of years, or when the people change.
 */
import type { Ctx } from './context.js';
import type { Episode } from './episode.js';

export interface ChooseOptions {
  /** Most episodes to keep. */
  max: number;
  /** Most episodes of a kind (default 3). */
  caps?: Readonly<Record<string, number>>;
  /** Kinds always kept. */
  always?: readonly string[];
}

/**
 * The episodes to tell, in the order they happened.
 * @example choose(school, { max: 14, caps: { belief: 4 } })
 */
export function choose(eps: readonly Episode[], opts: ChooseOptions): Episode[] {
  const always = new Set(opts.always ?? []);
  const sorted = [...eps].sort(
    (a, b) => b.weight - a.weight || a.day - b.day || a.kind.localeCompare(b.kind),
  );
  const kept: Episode[] = [];
  const perKind = new Map<string, number>();
  for (const e of sorted) {
    const n = perKind.get(e.kind) ?? 0;
    const cap = opts.caps?.[e.kind] ?? 3;
    if (!always.has(e.kind) && (n >= cap || kept.length >= opts.max)) continue;
    perKind.set(e.kind, n + 1);
    kept.push(e);
  }
  return kept.sort((a, b) => a.day - b.day || a.events[0]! - b.events[0]!);
}

export interface TellOptions {
  /** Called after each episode is told (a memoir's look ahead). */
  after?: (ep: Episode, c: Ctx) => void;
  /** Sentences after which a paragraph ends (default 4). */
  paragraph?: number;
}

/** Tells episodes in order, breaking paragraphs as it goes. */
export function tellAll(c: Ctx, eps: readonly Episode[], opts: TellOptions = {}): void {
  const limit = opts.paragraph ?? 4;
  let prev: Episode | undefined;
  for (const ep of eps) {
    const n = c.w.paragraphLength;
    const shared = prev !== undefined && ep.people.some((p) => prev!.people.includes(p));
    const gap = prev !== undefined ? ep.day - prev.day : 0;
    if (
      n > 0 &&
      prev?.kind !== 'origin' &&
      ep.day !== prev?.day &&
      (n >= limit || gap > 700 || (n >= 2 && !shared && c.w.rng.chance(0.6)) || (n >= 3 && !shared))
    )
      c.para();
    ep.tell(c);
    opts.after?.(ep, c);
    prev = ep;
  }
}
