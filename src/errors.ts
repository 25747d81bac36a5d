/**
 * The one small error hierarchy. Each error names the thing at fault and where it is; the CLI
 * and the HTTP server turn them into what the user sees (src/cli/report-error.ts).
 */

/** Base of all errors Hailsham raises on purpose. */
export class HailshamError extends Error {
  override name = 'HailshamError';
}

/** A problem in a scenario file: which file, which field, what was expected and what was found. */
export class ScenarioError extends HailshamError {
  override name = 'ScenarioError';
  constructor(
    readonly file: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `${file}: ${issues.length === 1 ? 'invalid scenario' : `${issues.length} problems`}\n` +
        issues.map((i) => `  at ${i.path || '(top level)'}: ${i.message}`).join('\n'),
    );
  }
}

/** A rule of the world broken by a scenario's pinned facts or by a bug: names the person and date. */
export class RuleViolation extends HailshamError {
  override name = 'RuleViolation';
  constructor(
    readonly rule: string,
    readonly detail: string,
    readonly person?: string,
    readonly date?: string,
  ) {
    super(
      `${rule}: ${detail}${person ? ` (${person}` : ''}${date ? `${person ? ', ' : ' ('}${date})` : person ? ')' : ''}`,
    );
  }
}

/** A world database that cannot be used: missing, foreign, damaged, incomplete or from another version. */
export class DatabaseError extends HailshamError {
  override name = 'DatabaseError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/**
 * A failure of the file system met while reading or writing a file: the disk full, a read-only
 * folder, no permission, a folder where a file should be, a file gone. Names the file.
 */
export class IoError extends HailshamError {
  override name = 'IoError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** A bad command-line flag or argument. */
export class UsageError extends HailshamError {
  override name = 'UsageError';
}

/** Something asked for that does not exist (a person, an event, a place). */
export class NotFoundError extends HailshamError {
  override name = 'NotFoundError';
}

/** An HTTP-facing error with its status. */
export class HttpError extends HailshamError {
  override name = 'HttpError';
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 414 | 431 | 500 | 503,
    message: string,
  ) {
    super(message);
  }
}
