/**
 * `hailsham chronicle <world>`: prose from a world's event log. A memoir (`--narrator`, the
 * default), a biography (`--person`) or an institution's history (`--institution`), as
 * Markdown, HTML or the sentence model in JSON; every sentence cites its events.
 */
import { Option, type Command } from 'commander';
import {
  toHtml,
  toMarkdown,
  writeChronicle,
  type ChronicleRequest,
  type IdStyle,
} from '../../chronicle/index.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { openWorld, type WorldDb } from '../../store/reader.js';
import { resolvePerson, writeOutput, type Io } from '../shared.js';

interface ChronicleOptions {
  narrator?: string;
  person?: string;
  institution?: string;
  format: 'md' | 'html' | 'json';
  ids: IdStyle;
  links: string;
  out?: string;
}

function resolvePlace(w: WorldDb, text: string): number {
  const p = w.findPlace(text);
  if (!p) {
    const known = w
      .places()
      .filter((x) => !x.generated)
      .slice(0, 8)
      .map((x) => `${x.slug} (#${x.id})`)
      .join(', ');
    throw new NotFoundError(
      `no place '${text}' in ${w.file}; give an id, a slug or a name, such as ${known}`,
    );
  }
  return p.id;
}

/** Adds `chronicle` to the program. */
export function registerChronicle(program: Command, io: Io): void {
  program
    .command('chronicle')
    .description("write prose from a world: a memoir (default), a biography or an institution's history")
    .argument('<world>', 'world database')
    .option(
      '--narrator <person>',
      'memoir narrated by this clone (id, address or name); default: "Kathy H." or the richest life',
    )
    .option('--person <person>', 'third-person biography of anyone (id, address or name)')
    .option('--institution <place>', 'history of a school, residence or recovery centre (id, slug or name)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['md', 'html', 'json']).default('md'),
    )
    .addOption(
      new Option(
        '--ids <style>',
        'how Markdown cites events: a footnote per paragraph, [#ids] after each sentence, or none',
      )
        .choices(['notes', 'inline', 'none'])
        .default('notes'),
    )
    .option('--links <base>', 'in HTML, the start of a link to one event (the id is appended)', '/events/')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action((file: string, opts: ChronicleOptions) => {
      const chosen = [opts.narrator, opts.person, opts.institution].filter((x) => x !== undefined);
      if (chosen.length > 1) throw new UsageError('give only one of --narrator, --person and --institution');
      const world = openWorld(file);
      try {
        let req: ChronicleRequest;
        if (opts.person !== undefined)
          req = { kind: 'biography', person: resolvePerson(world, opts.person, '--person') };
        else if (opts.institution !== undefined)
          req = { kind: 'institution', place: resolvePlace(world, opts.institution) };
        else
          req = {
            kind: 'memoir',
            ...(opts.narrator !== undefined
              ? { narrator: resolvePerson(world, opts.narrator, '--narrator') }
              : {}),
          };
        const c = writeChronicle(world, req);
        const text =
          opts.format === 'html'
            ? toHtml(c, { linkBase: opts.links })
            : opts.format === 'json'
              ? `${JSON.stringify(c, null, 2)}\n`
              : toMarkdown(c, { ids: opts.ids });
        if (opts.out) {
          writeOutput(opts.out, text, 'the chronicle', false);
          const n = c.sections.reduce(
            (s, x) => s + x.paragraphs.reduce((t, p) => t + p.sentences.length, 0),
            0,
          );
          io.out(`Wrote ${opts.out}: ${c.title}, ${n} sentences`);
        } else io.out(text);
      } finally {
        world.close();
      }
    });
}
