/**
 * Turning one uniform draw into a value of a scenario distribution. One uniform per quantity
 * keeps draws counter-based: the n-th recovery of a donor always uses the same uniform.
 */
import type { Distribution } from '../scenario/schema.js';

/**
 * The value of `dist` at quantile `u` (inverse CDF).
 * @example fromDistribution({ min: 2, mode: 7, max: 12 }, 0.5) // ≈ 7
 */
export function fromDistribution(dist: Distribution, u: number): number {
  if (typeof dist === 'number') return dist;
  const { min, max } = dist;
  if (max === min) return min;
  const mode = dist.mode;
  if (mode === undefined) return min + u * (max - min);
  const f = (mode - min) / (max - min);
  return u < f
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Mean of a distribution. */
export function meanOf(dist: Distribution): number {
  if (typeof dist === 'number') return dist;
  return dist.mode === undefined ? (dist.min + dist.max) / 2 : (dist.min + dist.mode + dist.max) / 3;
}
