/**
 * Stories in a world: the situations its log holds that are worth reading, found by the
 * patterns of patterns.ts and ranked by how rare they are in that world, after the idea of
 * statistical sifting (Kreminski et al.): a situation that the world had many chances to
 * produce and rarely did is news; one that happens at every chance is not.
 *
 * A match's rarity is measured in bits: -log2(matches / opportunities) for its pattern, plus
 * the pattern's own surprise for that match (a cassette found after twelve years, a true guess
 * about something rarely guessed at), less log2(k) for the k-th match of a kind, since each
 * further story of a kind is less news. Ties go to the earlier.
 *
 * The module reads only the store (src/store/reader.ts); the API and the CLI show its results.
 */
import type { WorldDb } from '../store/reader.js';
import { Log, PATTERNS, type Match, type Pattern } from './patterns.js';

export { MAX_MATCHES, PATTERNS, type Match, type Pattern } from './patterns.js';

/** A kind of story and how often the world produced it. */
export interface StoryKind {
  key: string;
  title: string;
  description: string;
  /** How many times it happened (stories keep at most MAX_MATCHES of a kind). */
  count: number;
  /** How many times the world gave it the chance. */
  opportunities: number;
  /** -log2(count / opportunities); null when it never happened. */
  bits: number | null;
}

/** One story: a match with its kind and rarity. */
export interface Story extends Match {
  kind: string;
  /** Rarity in bits (higher is rarer). */
  bits: number;
  /** 1 in how many chances the world took this turn. */
  oneIn: number;
  /** Rank among the stories, from 1. */
  rank: number;
}

/** What sifting a world finds. */
export interface Sifted {
  kinds: StoryKind[];
  /** Every story, rarest first. */
  stories: Story[];
}

/**
 * Finds and ranks a world's stories.
 * @example const { stories } = siftStories(openWorld('out/canon.db')); stories[0].kind
 */
export function siftStories(world: WorldDb, patterns: readonly Pattern[] = PATTERNS): Sifted {
  const log = new Log(world);
  const kinds: StoryKind[] = [];
  const stories: Omit<Story, 'rank'>[] = [];
  for (const p of patterns) {
    const found = p.find(log);
    if (!found) continue;
    const n = Math.max(found.count ?? 0, found.matches.length);
    const chances = Math.max(found.opportunities, n);
    const base = n === 0 || chances === 0 ? null : -Math.log2(n / chances);
    kinds.push({
      key: p.key,
      title: p.title,
      description: p.description,
      count: n,
      opportunities: found.opportunities,
      bits: base === null ? null : round(base),
    });
    if (base === null) continue;
    // Within a kind, the more surprising first; then each further one counts for less.
    const ordered = [...found.matches].sort((a, b) => (b.bits ?? 0) - (a.bits ?? 0) || a.day - b.day);
    ordered.forEach((m, k) => {
      const bits = base + (m.bits ?? 0) - Math.log2(k + 1);
      stories.push({ ...m, kind: p.key, bits: round(bits), oneIn: Math.round(chances / n) });
    });
  }
  stories.sort((a, b) => b.bits - a.bits || a.day - b.day || a.events[0]! - b.events[0]!);
  kinds.sort((a, b) => (b.bits ?? -1) - (a.bits ?? -1));
  return { kinds, stories: stories.map((s, i) => ({ ...s, rank: i + 1 })) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
