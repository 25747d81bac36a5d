/**
 * Commands beyond the core ones in main.ts, one file each; each exports a function that adds
 * its command to the program.
 */
import type { Command } from 'commander';
import type { Io } from '../shared.js';
import { registerChronicle } from './chronicle.js';
import { registerCompare } from './compare.js';
import { registerEnsemble } from './ensemble.js';
import { registerMerge } from './merge.js';
import { registerPlot } from './plot.js';
import { registerServe } from './serve.js';
import { registerArt } from './art.js';
import { registerRumour, registerSchool } from './school.js';

export type RegisterCommand = (program: Command, io: Io) => void;

export const EXTRA_COMMANDS: readonly RegisterCommand[] = [
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
