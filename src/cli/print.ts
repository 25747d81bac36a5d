/** Printers the run and stats commands share: phases, completions by donation number, histograms. */
import { bar, percent, table } from './format.js';
import type { Io } from './shared.js';

/** Prints completions by donation number, with shares and bars. */
export function printCompletions(io: Io, byDonation: Record<string, number>): void {
  const total = Object.values(byDonation).reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...Object.values(byDonation));
  io.out('\nCompletions by donation number');
  io.out(
    table(
      ['donation', 'completions', 'share', ''],
      Object.entries(byDonation).map(([k, v]) => [k, v, percent(v, total), bar(v, max, 24)]),
    ),
  );
}

/** Prints a histogram of counts keyed by whole numbers, in order. */
export function printHistogram(io: Io, label: string, counts: Record<string, number>): void {
  const keys = Object.keys(counts)
    .map(Number)
    .sort((a, b) => a - b);
  if (keys.length === 0) return;
  const max = Math.max(...keys.map((k) => counts[String(k)]!));
  io.out(
    table(
      [label, 'count', ''],
      keys.map((k) => [String(k), counts[String(k)]!, bar(counts[String(k)]!, max, 24)]),
    ),
  );
}

/** Prints how many clones are in each phase, with shares. */
export function printPhases(io: Io, title: string, byPhase: Record<string, number>): void {
  const total = Object.values(byPhase).reduce((a, b) => a + b, 0);
  io.out(title);
  io.out(
    table(
      ['phase', 'clones', 'share'],
      Object.entries(byPhase).map(([k, v]) => [k, v, percent(v, total)]),
    ),
  );
}
