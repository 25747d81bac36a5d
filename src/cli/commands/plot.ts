/**
 * `hailsham plot`: SVG (and PNG) charts of ensemble directories and comparison reports.
 */
import type { Command } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COMPARE_FORMAT, type CompareReport } from '../../compare/index.js';
import { readManifest } from '../../ensemble/index.js';
import { UsageError } from '../../errors.js';
import { claimOutput } from '../../io/claim.js';
import { compareFigures, ensembleFigures, svgToPng, type Figure } from '../../plot/index.js';
import { writeOutput, type Io } from '../shared.js';

function readReport(file: string): CompareReport {
  let r: CompareReport;
  try {
    r = JSON.parse(readFileSync(file, 'utf8')) as CompareReport;
  } catch (e) {
    throw new UsageError(`${file}: not a JSON comparison report (${(e as Error).message})`);
  }
  if (r.format !== COMPARE_FORMAT) {
    throw new UsageError(
      `${file}: not a comparison report; write one with hailsham compare … --out report.json`,
    );
  }
  return r;
}

export function registerPlot(program: Command, io: Io): void {
  program
    .command('plot')
    .description('draw SVG and PNG charts of ensemble directories or a comparison report (JSON)')
    .argument(
      '<inputs...>',
      'ensemble directories (several overlay their survival curves) or one compare report .json',
    )
    .requiredOption('-o, --out <dir>', 'directory for the charts')
    .option('--no-png', 'write SVG only')
    .option('--scale <n>', 'PNG pixels per SVG unit', '2')
    .option('-q, --quiet', 'print nothing but errors')
    .action((inputs: string[], opts: { out: string; png: boolean; scale: string; quiet?: boolean }) => {
      const scale = Number(opts.scale);
      if (!(scale > 0 && scale <= 8))
        throw new UsageError(`--scale '${opts.scale}': expected a number from 0.1 to 8`);
      let figures: Figure[];
      const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
      if (inputs.every(isDir)) {
        figures = ensembleFigures(inputs.map((dir) => ({ dir, manifest: readManifest(dir) })));
      } else if (inputs.length === 1 && existsSync(inputs[0]!)) {
        figures = compareFigures(readReport(inputs[0]!));
      } else {
        const missing = inputs.find((p) => !existsSync(p));
        throw new UsageError(
          missing
            ? `${missing} does not exist`
            : 'give either ensemble directories or one comparison report (.json), not a mixture',
        );
      }
      if (existsSync(opts.out) && !statSync(opts.out).isDirectory())
        throw new UsageError(`--out ${opts.out} is a file; charts go in a folder`);
      const written: string[] = [];
      // One plot at a time in a folder, so two never leave a mixture of their charts.
      const claim = claimOutput(opts.out, 'the charts', true);
      try {
        for (const f of figures) {
          const svg = join(opts.out, `${f.name}.svg`);
          writeOutput(svg, f.svg, 'a chart');
          written.push(svg);
          if (opts.png) {
            const png = join(opts.out, `${f.name}.png`);
            writeOutput(png, svgToPng(f.svg, scale), 'a chart');
            written.push(png);
          }
        }
      } finally {
        claim.release();
      }
      if (!opts.quiet) io.out(`Wrote ${written.length} files:\n${written.map((w) => `  ${w}`).join('\n')}`);
    });
}
