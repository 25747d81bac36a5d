/**
 * `hailsham art <world> <work> [--out file.svg|file.png]`: draws a student's work again, from
 * its stored qualities and the world's seed, identically every time.
 */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { NotFoundError, UsageError } from '../../errors.js';
import { openWorld } from '../../store/reader.js';
import { renderArtwork, svgToPng, workSpec } from '../../art/index.js';
import { parseCount, writeOutput, type Io } from '../shared.js';

interface WorkRow {
  id: number;
  maker: number;
  medium: string;
  style: string;
  skill: number;
  originality: number;
  temperament: number;
  hue: number;
  maker_age: number;
  title: string;
}

export function registerArt(program: Command, io: Io): void {
  program
    .command('art')
    .description("draw a student's work as SVG or PNG (from the works table)")
    .argument('<world>', 'world database')
    .argument('<work>', 'work id', parseCount)
    .option('-o, --out <file>', 'write to a file: .svg or .png (default: SVG to standard output)')
    .addOption(new Option('--size <px>', 'width in pixels').argParser(parseCount).default(480))
    .action((file: string, id: number, opts: { out?: string; size: number }) => {
      const w = openWorld(file);
      try {
        const has =
          w.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'works'")!.n > 0;
        if (!has) throw new NotFoundError(`${file} has no works (it was written without school life)`);
        const row = w.get<WorkRow>('SELECT * FROM works WHERE id = ?', id);
        if (!row) throw new NotFoundError(`no work has the id ${id} in ${file}`);
        const maker = w.person(row.maker)?.name ?? `#${row.maker}`;
        const svg = renderArtwork(workSpec(row, w.meta.seed, maker), opts.size);
        if (!opts.out) {
          io.out(svg);
          return;
        }
        const out = resolve(opts.out);
        if (/\.png$/i.test(out)) writeOutput(out, svgToPng(svg, opts.size), 'the picture');
        else if (/\.svg$/i.test(out)) writeOutput(out, svg, 'the picture');
        else throw new UsageError(`--out must end in .svg or .png, found '${opts.out}'`);
        io.out(
          `Work #${row.id}, "${row.title}" (${row.medium}${row.medium === 'poem' ? '' : `, ${row.style}`}) by ${maker} at ${row.maker_age}, written to ${opts.out}`,
        );
      } finally {
        w.close();
      }
    });
}
