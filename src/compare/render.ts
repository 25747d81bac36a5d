/**
 * A comparison report in words: plain text for a terminal, or Markdown for a page. Both say the
 * same things in the same order: the two scenarios, the lives that diverged and how, the
 * statistics that changed, and (over several seeds) the paired differences with their
 * intervals. JSON is the report object itself.
 */
import type { CompareReport, MetricComparison } from './compare.js';
import type { LifeDivergence } from './pair.js';

import { renderCast } from './cast.js';

export type ReportFormat = 'text' | 'markdown';

export interface RenderOptions {
  format: ReportFormat;
  /** Most diverged lives to list (default 15). */
  limit?: number;
}

/** A number for people: whole numbers grouped, others to three significant decimals. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return x.toLocaleString('en-GB');
  const a = Math.abs(x);
  const digits = a >= 100 ? 1 : a >= 1 ? 2 : 3;
  return x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A signed difference: +3, −1.25, 0. */
export function signed(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  return x > 0 ? `+${fmt(x)}` : `−${fmt(-x)}`;
}

function pValue(p: number): string {
  if (!Number.isFinite(p)) return '–';
  if (p < 0.001) return '<0.001';
  return p.toFixed(3);
}

function table(format: ReportFormat, header: string[], rows: string[][], numeric: boolean[]): string {
  if (format === 'markdown') {
    const esc = (s: string) => s.replace(/\|/g, '\\|');
    return [
      `| ${header.map(esc).join(' | ')} |`,
      `| ${header.map((_, i) => (numeric[i] ? '---:' : '---')).join(' | ')} |`,
      ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ].join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    '  ' +
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function heading(format: ReportFormat, text: string, level = 2): string {
  return format === 'markdown'
    ? `${'#'.repeat(level)} ${text}`
    : level === 1
      ? `${text}\n${'='.repeat(text.length)}`
      : text;
}

function lifeBlock(format: ReportFormat, d: LifeDivergence): string {
  const who = `${d.name} (${d.school}${d.cohort !== null ? `, ${d.cohort}` : ''})`;
  const sideText = (event: string | null, date: string | null, outcome: string) =>
    `${event ? `${event}${date ? ` (${date})` : ''}` : 'nothing more happened'} → ${outcome}`;
  const b = sideText(d.base.event, d.base.date, d.base.outcome.text);
  const w = sideText(
    d.whatif.event ? `${d.whatif.event}${d.differs ? `, but ${d.differs}` : ''}` : null,
    d.whatif.date,
    d.whatif.outcome.text,
  );
  if (format === 'markdown') {
    return `- **${who}**, from ${d.date}\n  - base: ${b}\n  - what-if: ${w}`;
  }
  return `  ${who}, from ${d.date}\n    base:    ${b}\n    what-if: ${w}`;
}

function metricLabel(m: MetricComparison): string {
  return m.name;
}

/** Metrics worth a row: everything but the event-type counts that are zero in both worlds. */
function shown(metrics: readonly MetricComparison[]): MetricComparison[] {
  return metrics.filter((m) => !(m.name.startsWith('events_') && m.base === 0 && m.whatif === 0));
}

/**
 * Renders a comparison report.
 * @example renderReport(report, { format: 'markdown', limit: 20 })
 */
export function renderReport(r: CompareReport, opts: RenderOptions): string {
  const f = opts.format;
  const limit = opts.limit ?? 15;
  const d = r.detail;
  const md = f === 'markdown';
  const code = (s: string) => (md ? `\`${s}\`` : s);
  const out: string[] = [];
  const many = r.seeds.count > 1;
  out.push(
    heading(
      f,
      `What if: ${r.whatif.name} against ${r.base.name}, ${many ? `${r.seeds.count} seeds (${r.seeds.spec})` : `seed ${d.seed}`}`,
      1,
    ),
  );
  out.push('');
  out.push(
    `${md ? '- ' : '  '}base:    ${code(r.base.file || r.base.name)}${r.base.title ? ` — ${r.base.title}` : ''} (scenario sha256 ${r.base.sha256.slice(0, 12)}…)`,
  );
  out.push(
    `${md ? '- ' : '  '}what-if: ${code(r.whatif.file || r.whatif.name)}${r.whatif.title ? ` — ${r.whatif.title}` : ''} (scenario sha256 ${r.whatif.sha256.slice(0, 12)}…)`,
  );
  out.push('');
  out.push(
    `Both worlds ran on the same random streams${many ? ', seed by seed' : ''}: what differs comes from the policy. ` +
      `Lives are matched by who they are (school, cohort year and place in the cohort), not by row.`,
  );
  out.push('');

  out.push(heading(f, `Lives (seed ${d.seed})`));
  out.push('');
  out.push(
    `${fmt(d.lives.base)} people in base, ${fmt(d.lives.whatif)} in what-if, ${fmt(d.lives.matched)} in both. ` +
      (d.diverged.length === 0
        ? 'No life diverged: every matched life has the same events in both worlds.'
        : `${fmt(d.diverged.length)} ${d.diverged.length === 1 ? 'life' : 'lives'} diverged in their own events.`) +
      (d.touched.length > 0
        ? ` ${fmt(d.touched.length)} more ${d.touched.length === 1 ? 'was' : 'were'} touched only through others (carers whose donors changed).`
        : '') +
      (d.firstDifference
        ? ` The worlds first differ on ${d.firstDifference.date} (${d.firstDifference.name}).`
        : ''),
  );
  for (const [label, u] of [
    ['only in base', d.onlyBase],
    ['only in what-if', d.onlyWhatif],
  ] as const) {
    if (u.count === 0) continue;
    out.push('');
    out.push(
      `${fmt(u.count)} ${u.count === 1 ? 'life exists' : 'lives exist'} ${label}, e.g. ${u.examples
        .slice(0, 5)
        .map((e) => `${e.name} (${e.school}${e.cohort !== null ? `, ${e.cohort}` : ''}; ${e.outcome})`)
        .join('; ')}.`,
    );
  }
  if (d.transitions.length > 0) {
    out.push('');
    out.push(heading(f, 'Where lives first diverged', 3));
    out.push('');
    out.push(
      table(
        f,
        ['first different event in base', 'in what-if', 'lives'],
        d.transitions.slice(0, 12).map((t) => [t.base, t.whatif, fmt(t.count)]),
        [false, false, true],
      ),
    );
  }
  if (d.diverged.length > 0) {
    out.push('');
    out.push(
      heading(
        f,
        `Lives that diverged (${d.diverged.length > limit ? `first ${limit} of ${fmt(d.diverged.length)}; --limit shows more` : `all ${fmt(d.diverged.length)}`}; the named first, then by date)`,
        3,
      ),
    );
    out.push('');
    for (const x of d.diverged.slice(0, limit)) out.push(lifeBlock(f, x));
  }

  out.push('');
  const rows = shown(r.metrics);
  const changed = rows.filter((m) => m.seedsChanged > 0);
  const same = rows.filter((m) => m.seedsChanged === 0);
  if (!many) {
    out.push(heading(f, `Statistics (seed ${d.seed})`));
    out.push('');
    if (changed.length === 0) out.push('No statistic changed.');
    else
      out.push(
        table(
          f,
          ['metric', 'base', 'what-if', 'difference'],
          changed.map((m) => [metricLabel(m), fmt(m.base), fmt(m.whatif), signed(m.diff.mean)]),
          [false, true, true, true],
        ),
      );
  } else {
    out.push(heading(f, `Statistics over ${r.seeds.count} seeds`));
    out.push('');
    out.push(
      `Means over the seeds; the difference is what-if minus base, seed by seed, with its ${Math.round(r.level * 100)}% confidence interval (${r.method}) and the two-sided p-value for no difference.`,
    );
    out.push('');
    if (changed.length === 0) out.push('No statistic changed on any seed.');
    else
      out.push(
        table(
          f,
          [
            'metric',
            'base',
            'what-if',
            'difference',
            `${Math.round(r.level * 100)}% CI`,
            'p',
            'seeds changed',
          ],
          changed.map((m) => [
            metricLabel(m),
            fmt(m.base),
            fmt(m.whatif),
            signed(m.diff.mean),
            Number.isFinite(m.diff.low) ? `${signed(m.diff.low)} to ${signed(m.diff.high)}` : '–',
            pValue(m.diff.p),
            `${m.seedsChanged}/${m.diff.n}`,
          ]),
          [false, true, true, true, true, true, true],
        ),
      );
    const div = r.perSeed.map((s) => s.diverged);
    const mean = div.reduce((a, b) => a + b, 0) / Math.max(1, div.length);
    out.push('');
    out.push(
      `Diverged lives per seed: mean ${fmt(mean)}, fewest ${fmt(Math.min(...div))}, most ${fmt(Math.max(...div))}.`,
    );
  }
  if (same.length > 0) {
    out.push('');
    out.push(`Unchanged${many ? ' on every seed' : ''}: ${same.map((m) => m.name).join(', ')}.`);
  }
  if (r.cast.length > 0) out.push('', ...renderCast(r.cast, md).slice(0, -1));
  return `${out.join('\n')}\n`;
}
