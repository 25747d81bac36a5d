/**
 * The `hailsham` command line: sets up the program (name, version, where output and warnings
 * go), adds the commands it needs from src/cli/commands/, and runs it. All errors go through
 * reportError(), which decides the message and the exit code.
 */
import { Command } from 'commander';
import { SOFTWARE_VERSION } from '../version.js';
import { warnings } from '../warnings.js';
import { commandsFor } from './commands/index.js';
import { defaultIo, type Io } from './io.js';
import { reportError } from './report-error.js';

/**
 * Runs the CLI with the given arguments and returns the exit code.
 * @example process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: string[], io: Io = defaultIo): Promise<number> {
  const program = new Command();
  program
    .name('hailsham')
    .description(
      'Simulate the national donation programme of Never Let Me Go, and read the worlds it writes.',
    )
    .version(SOFTWARE_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run hailsham --help for the commands)');
  warnings.onWarning((w) => io.err(`hailsham: warning [${w.code}]: ${w.message}`));
  try {
    for (const register of await commandsFor(argv)) register(program, io);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    const r = reportError(e);
    if (r.message) io.err(r.message);
    return r.exitCode;
  } finally {
    warnings.onWarning(null);
  }
}
