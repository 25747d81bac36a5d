/**
 * Commands beyond the core ones in main.ts, one file each; each exports a function that adds
 * its command to the program.
 */
import type { Command } from 'commander';
import type { Io } from '../shared.js';
import { registerServe } from './serve.js';

export type RegisterCommand = (program: Command, io: Io) => void;

export const EXTRA_COMMANDS: readonly RegisterCommand[] = [registerServe];
