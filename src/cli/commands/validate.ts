/**
 * `hailsham validate <scenario>`: checks a scenario file (and the files it extends) without
 * running it, and warns of settings that would change nothing.
 */
import type { Command } from 'commander';
import { loadScenario } from '../../scenario/load.js';
import { warnSettingsWithoutEffect } from '../../scenario/no-effect.js';
import type { Io } from '../shared.js';

/** Adds `validate` to the program. */
export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check a scenario file without running it')
    .argument('<scenario>')
    .action((file: string) => {
      const loaded = loadScenario(file);
      const { scenario, files } = loaded;
      const ineffective = warnSettingsWithoutEffect(loaded);
      io.out(
        `${file}: a valid scenario '${scenario.name}' (${files.length > 1 ? `extends ${files.slice(1).join(' → ')}` : 'standalone'})${ineffective ? `, with ${ineffective} setting${ineffective > 1 ? 's' : ''} that change nothing (warnings above)` : ''}`,
      );
    });
}
