/** `hailsham schema`: prints (or writes) the JSON Schema of scenario files, for editors. */
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/schema.js';
import { writeOutput, type Io } from '../shared.js';

/** Adds `schema` to the program. */
export function registerSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors)')
    .option('-o, --out <file>', 'write it to a file')
    .action((opts: { out?: string }) => {
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (opts.out) {
        writeOutput(opts.out, text, 'the schema');
      } else io.out(text);
    });
}
