/**
 * Paired differences across seeds and their confidence intervals. Each seed gives one
 * difference (what-if minus base, on the same random streams); the interval is Student's t
 * interval for the mean of those differences, with n − 1 degrees of freedom. The t quantile is
 * computed here (regularised incomplete beta, inverted by bisection) rather than taken from a
 * table, so any level and any n work.
 */

/** How the intervals are computed, as reports state it. */
export const CI_METHOD =
  "paired t-interval: Student's t on the per-seed differences, n − 1 degrees of freedom";

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (Numerical Recipes' betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * The CDF of Student's t with `df` degrees of freedom.
 * @example tCdf(0, 5) // 0.5
 */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom.
 * @example tQuantile(0.975, 9) // 2.2622
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** A mean paired difference with its interval. */
export interface PairedInterval {
  n: number;
  mean: number;
  /** Sample standard deviation of the differences (NaN for n < 2). */
  sd: number;
  /** Bounds of the interval (NaN for n < 2). */
  low: number;
  high: number;
  /** Two-sided p-value for a mean difference of zero (NaN for n < 2; 1 when every difference is 0). */
  p: number;
}

/**
 * The mean of per-seed differences and its t-interval at `level`.
 * @example pairedInterval([1, 2, 3]) // { n: 3, mean: 2, sd: 1, low: -0.48, high: 4.48, p: 0.074 }
 */
export function pairedInterval(diffs: readonly number[], level = 0.95): PairedInterval {
  const n = diffs.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, low: NaN, high: NaN, p: NaN };
  let sum = 0;
  for (const d of diffs) sum += d;
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: NaN, low: NaN, high: NaN, p: NaN };
  let ss = 0;
  for (const d of diffs) ss += (d - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const se = sd / Math.sqrt(n);
  if (se === 0) return { n, mean, sd: 0, low: mean, high: mean, p: mean === 0 ? 1 : 0 };
  const q = tQuantile(1 - (1 - level) / 2, n - 1);
  const t = mean / se;
  return { n, mean, sd, low: mean - q * se, high: mean + q * se, p: 2 * (1 - tCdf(Math.abs(t), n - 1)) };
}
