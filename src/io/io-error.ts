/**
 * Turning a failure of the file system (an errno from Node, or an SQLite result code) into an
 * IoError: the file and the problem in words a user can act on. The CLI prints it on one line
 * with exit code 2; nothing of this kind is a bug in Hailsham, so it is never "please report it".
 */
import { HailshamError, IoError } from '../errors.js';

const ERRNO: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied (the operation is not permitted)',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of its path is a file, not a folder',
  ENOENT: 'it (or its folder) does not exist',
  EEXIST: 'it already exists',
  EIO: 'an input/output error from the device',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links in its path',
  EBUSY: 'it is busy (in use or a mount point)',
  ETXTBSY: 'it is busy',
  EFBIG: 'the file is too large for the file system',
  ENXIO: 'no such device',
  ESTALE: 'a stale network file handle',
};

const SQLITE: Record<string, string> = {
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'the database or its folder is read-only',
  SQLITE_CANTOPEN: 'it cannot be opened (a missing folder, a folder in its place, or no permission)',
  SQLITE_PERM: 'permission denied',
  SQLITE_IOERR: 'an input/output error',
  SQLITE_NOTADB: 'it is not an SQLite database',
  SQLITE_CORRUPT: 'it is damaged',
};

/** The problem an I/O failure describes, or null when `e` is not an I/O failure. */
export function ioProblem(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (ERRNO[code]) return ERRNO[code];
  if (code.startsWith('SQLITE_')) {
    const base = code.replace(/^(SQLITE_[A-Z]+?)(_.*)?$/, '$1');
    if (code.startsWith('SQLITE_IOERR')) {
      if (/NOSPC|FULL/.test(code)) return 'the disk is full';
      return `an input/output error (${code})`;
    }
    if (code.startsWith('SQLITE_READONLY')) return SQLITE.SQLITE_READONLY!;
    return SQLITE[base] ?? null;
  }
  return null;
}

/**
 * Wraps an I/O failure in an IoError naming `file` and what was being done; other errors (and
 * errors Hailsham raised on purpose) pass through unchanged.
 * @example catch (e) { throw ioError(e, 'w.db', 'write the world') }
 */
export function ioError(e: unknown, file: string, doing: string): Error {
  if (e instanceof HailshamError) return e;
  const problem = ioProblem(e);
  if (problem === null) return e instanceof Error ? e : new Error(String(e));
  return new IoError(file, `cannot ${doing}: ${problem}`);
}
