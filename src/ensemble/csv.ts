/**
 * CSV as the ensemble writes and reads it: RFC 4180 quoting, `\n` line ends, numbers printed
 * by JavaScript's shortest round-trip form (after reporters round them to six decimals), an
 * empty cell for no value. The same rows always give the same bytes, which is what lets a
 * sweep's hash be compared across processes, workers and shards.
 */
import type { Value } from './metrics.js';

function cell(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * One CSV line (with its newline).
 * @example csvLine([7, 'small', null, 2.5]) // '7,small,,2.5\n'
 */
export function csvLine(values: readonly Value[]): string {
  let s = '';
  for (let i = 0; i < values.length; i++) s += (i ? ',' : '') + cell(values[i]!);
  return `${s}\n`;
}

/**
 * Splits one CSV line (without its newline) into cells, undoing the quoting of csvLine.
 * @example parseCsvLine('7,"a,b",') // ['7', 'a,b', '']
 */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0)
          throw new Error(`parseCsvLine: unterminated quote in ${JSON.stringify(line.slice(0, 60))}`);
        s += line.slice(i, q);
        if (line[q + 1] === '"') {
          s += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(s);
    } else {
      const c = line.indexOf(',', i);
      out.push(c < 0 ? line.slice(i) : line.slice(i, c));
      i = c < 0 ? line.length : c;
    }
    if (i >= line.length) break;
    i++; // the comma
    if (i === line.length) {
      out.push('');
      break;
    }
  }
  return out;
}

/** Reads a whole CSV text into a header and rows of strings. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [head, ...rest] = lines;
  return { header: head === undefined ? [] : parseCsvLine(head), rows: rest.map(parseCsvLine) };
}
