/**
 * The one place errors become what a terminal user sees: a message naming what is wrong and
 * where, and an exit code (2 for bad input the user can fix, 1 for anything else). Unexpected
 * errors keep their stack so a bug report carries it.
 */
import { CommanderError } from 'commander';
import {
  DatabaseError,
  HailshamError,
  NotFoundError,
  RuleViolation,
  ScenarioError,
  UsageError,
} from '../errors.js';

export interface Reported {
  message: string;
  exitCode: number;
}

export function reportError(e: unknown): Reported {
  if (e instanceof CommanderError) return { message: '', exitCode: e.exitCode === 0 ? 0 : 2 };
  if (e instanceof ScenarioError) return { message: `hailsham: scenario error in ${e.message}`, exitCode: 2 };
  if (e instanceof DatabaseError) return { message: `hailsham: ${e.message}`, exitCode: 2 };
  if (e instanceof UsageError) return { message: `hailsham: ${e.message}`, exitCode: 2 };
  if (e instanceof NotFoundError) return { message: `hailsham: ${e.message}`, exitCode: 2 };
  if (e instanceof RuleViolation)
    return { message: `hailsham: the world broke a rule: ${e.message}`, exitCode: 1 };
  if (e instanceof HailshamError) return { message: `hailsham: ${e.message}`, exitCode: 1 };
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    message: `hailsham: unexpected error (please report it): ${err.stack ?? err.message}`,
    exitCode: 1,
  };
}
