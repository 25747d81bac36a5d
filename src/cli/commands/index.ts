/**
 * Every command of `hailsham`, one file each; each exports a function that adds its command to
 * the program. The order here is the order of `hailsham --help`.
 */
import type { Command } from 'commander';
import type { Io } from '../shared.js';
import { registerArt } from './art.js';
import { registerChronicle } from './chronicle.js';
import { registerCompare } from './compare.js';
import { registerDemo } from './demo.js';
import { registerEnsemble } from './ensemble.js';
import { registerEvents } from './events.js';
import { registerMerge } from './merge.js';
import { registerPerson } from './person.js';
import { registerPlot } from './plot.js';
import { registerRun } from './run.js';
import { registerSchema } from './schema.js';
import { registerRumour, registerSchool } from './school.js';
import { registerServe } from './serve.js';
import { registerStats } from './stats.js';
import { registerValidate } from './validate.js';

export type RegisterCommand = (program: Command, io: Io) => void;

export const COMMANDS: readonly RegisterCommand[] = [
  registerRun,
  registerDemo,
  registerValidate,
  registerSchema,
  registerStats,
  registerPerson,
  registerEvents,
  registerEnsemble,
  registerMerge,
  registerCompare,
  registerPlot,
  registerServe,
  registerChronicle,
  registerArt,
  registerSchool,
  registerRumour,
];
