/**
 * The one place errors become what a terminal user sees: a message naming what is wrong and
 * where, and an exit code (2 for bad input or a file-system problem the user can fix, 1 for anything
 * else). A failure of the file system that no layer named (an errno or SQLite code with a path)
 * is still the user's to fix, never a bug to report. Unexpected errors keep their stack so a bug
 * report carries it.
 */
import { CommanderError } from 'commander';
import {
  DatabaseError,
  HailshamError,
  IoError,
  NotFoundError,
  RuleViolation,
  ScenarioError,
  UsageError,
} from '../errors.js';
import { ioProblem } from '../io/io-error.js';

export interface Reported {
  message: string;
  exitCode: number;
}

export function reportError(e: unknown): Reported {
  if (e instanceof CommanderError) return { message: '', exitCode: e.exitCode === 0 ? 0 : 2 };
  if (e instanceof ScenarioError) return { message: `hailsham: scenario error in ${e.message}`, exitCode: 2 };
  if (e instanceof IoError) return { message: `hailsham: ${e.message}`, exitCode: 2 };
  if (e instanceof DatabaseError) return { message: `hailsham: ${e.message}`, exitCode: 2 };
  if (e instanceof UsageError) return { message: `hailsham: ${e.message}`, exitCode: 2 };
  if (e instanceof NotFoundError) return { message: `hailsham: ${e.message}`, exitCode: 2 };
  if (e instanceof RuleViolation)
    return { message: `hailsham: the world broke a rule: ${e.message}`, exitCode: 1 };
  if (e instanceof HailshamError) return { message: `hailsham: ${e.message}`, exitCode: 1 };
  const problem = ioProblem(e);
  if (problem !== null) {
    const path = (e as { path?: unknown }).path;
    const where = typeof path === 'string' ? path : 'a file';
    return { message: `hailsham: ${where}: ${problem}`, exitCode: 2 };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    message: `hailsham: unexpected error (please report it): ${err.stack ?? err.message}`,
    exitCode: 1,
  };
}
