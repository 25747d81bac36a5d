/** `hailsham validate <scenario>`: checks a scenario file (and the files it extends) without running it. */
import type { Command } from 'commander';
import { loadScenario } from '../../scenario/load.js';
import type { Io } from '../shared.js';

/** Adds `validate` to the program. */
export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check a scenario file without running it')
    .argument('<scenario>')
    .action((file: string) => {
      const { scenario, files } = loadScenario(file);
      io.out(
        `${file}: a valid scenario '${scenario.name}' (${files.length > 1 ? `extends ${files.slice(1).join(' → ')}` : 'standalone'})`,
      );
    });
}
