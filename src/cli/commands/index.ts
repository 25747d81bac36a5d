/**
 * Every command of `hailsham`, one file each; each exports a function that adds its command to
 * the program. The order here is the order of `hailsham --help`.
 *
 * A command's file is loaded only when it is needed: `hailsham stats w.db` loads the stats
 * command alone, not the simulator, the server and the plotting library, so a command that
 * reads a world starts in a fraction of the time. Help, a mistyped name or no command at all
 * loads every command, so that commander can list them and suggest the nearest name.
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';

export type RegisterCommand = (program: Command, io: Io) => void;

interface CommandFile {
  /** The commands the file adds. */
  readonly names: readonly string[];
  readonly load: () => Promise<readonly RegisterCommand[]>;
}

export const COMMAND_FILES: readonly CommandFile[] = [
  { names: ['run'], load: async () => [(await import('./run.js')).registerRun] },
  { names: ['demo'], load: async () => [(await import('./demo.js')).registerDemo] },
  { names: ['validate'], load: async () => [(await import('./validate.js')).registerValidate] },
  { names: ['schema'], load: async () => [(await import('./schema.js')).registerSchema] },
  { names: ['stats'], load: async () => [(await import('./stats.js')).registerStats] },
  { names: ['person'], load: async () => [(await import('./person.js')).registerPerson] },
  { names: ['events'], load: async () => [(await import('./events.js')).registerEvents] },
  { names: ['ensemble'], load: async () => [(await import('./ensemble.js')).registerEnsemble] },
  { names: ['merge'], load: async () => [(await import('./merge.js')).registerMerge] },
  { names: ['compare'], load: async () => [(await import('./compare.js')).registerCompare] },
  { names: ['plot'], load: async () => [(await import('./plot.js')).registerPlot] },
  { names: ['serve'], load: async () => [(await import('./serve.js')).registerServe] },
  { names: ['chronicle'], load: async () => [(await import('./chronicle.js')).registerChronicle] },
  { names: ['art'], load: async () => [(await import('./art.js')).registerArt] },
  {
    names: ['school', 'rumour'],
    load: async () => {
      const m = await import('./school.js');
      return [m.registerSchool, m.registerRumour];
    },
  },
];

/** Every command's name, in the order of `hailsham --help`. */
export const COMMAND_NAMES: readonly string[] = COMMAND_FILES.flatMap((f) => f.names);

/**
 * The commands a command line needs: the one it names, none for `--version` alone, and every
 * one otherwise (help, no command, a mistyped name).
 */
export async function commandsFor(argv: readonly string[]): Promise<RegisterCommand[]> {
  const first = argv[0];
  if (argv.length === 1 && (first === '--version' || first === '-V')) return [];
  const named = COMMAND_FILES.find((f) => first !== undefined && f.names.includes(first));
  const files = named ? [named] : COMMAND_FILES;
  const loaded = await Promise.all(files.map((f) => f.load()));
  return loaded.flat();
}
