/**
 * Claiming an output path and publishing into it. Every command that writes a file or a folder
 * first claims it: a lock file beside it (`world.db.lock`) or inside it (`sweep/.hailsham.lock`)
 * created exclusively, holding the claimant's pid, host, start time and command. A second writer
 * of the same path stops at once with an error naming the path and the run that holds it; a lock
 * left by a run that died (same host, pid gone or reused) is stale and is broken. Each run writes
 * under a name of its own (`world.db.<pid>-<random>.partial`), so two runs never share a partial
 * file, and publishes with one rename: without `--force` by a hard link that fails if the path
 * appeared meanwhile, with it by a rename that replaces the old file whole. Failures of the file
 * system become IoErrors naming the file and the problem (src/io/io-error.ts).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { IoError, UsageError } from '../errors.js';
import { ioError } from './io-error.js';

/** What a lock file holds. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the run started (ISO 8601), for the user. */
  started: string;
  /** The process's start tick from /proc (Linux), so a reused pid is not taken for the owner. */
  procStart: string | null;
  command: string;
  /** Random, so a run recognises its own lock. */
  token: string;
}

/** A claimed output path; release() gives it up (also done at process exit). */
export interface Claim {
  readonly path: string;
  readonly lockPath: string;
  readonly owner: LockOwner;
  /** A partial-file name of this run's own for `target` (default: the claimed path). */
  partialPath(target?: string): string;
  release(): void;
}

const held = new Set<Claim>();
let exitHookInstalled = false;

function procStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses; fields resume after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the run that wrote a lock is certainly gone (only decidable on the same host). */
export function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (!alive(owner.pid)) return true;
  const now = procStartOf(owner.pid);
  return owner.procStart !== null && now !== null && now !== owner.procStart;
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
    return typeof o.pid === 'number' && typeof o.token === 'string' ? o : null;
  } catch {
    return null;
  }
}

function describeOwner(o: LockOwner): string {
  return `pid ${o.pid} on ${o.host}, started ${o.started}: ${o.command}`;
}

function uniqueSuffix(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Claims `path` for writing, or throws a UsageError naming the path and the run holding it.
 * `what` says what is written ('the world', 'the ensemble'); `inside` puts the lock in the
 * folder `path` (for outputs that are folders) instead of beside it.
 * @example const claim = claimOutput('w.db', 'the world'); try { … } finally { claim.release() }
 */
export function claimOutput(path: string, what: string, inside = false): Claim {
  const lockPath = inside ? join(path, '.hailsham.lock') : `${path}.lock`;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    procStart: procStartOf(process.pid),
    command: ['hailsham', ...process.argv.slice(2)].join(' '),
    token: randomBytes(8).toString('hex'),
  };
  if (inside) {
    try {
      mkdirSync(path, { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && !isFolder(path))
        throw new IoError(path, `is a file; ${what} is a folder, choose another path`);
      if (code === 'EEXIST' || code === 'ENOTDIR')
        throw new IoError(path, `cannot write ${what}: part of its path is a file, not a folder`);
      // A recursive mkdir reports ENOENT for several causes; one level at a time tells which.
      throw ioError(code === 'ENOENT' ? (mkdirOnce(path) ?? e) : e, path, `write ${what}`);
    }
  } else {
    try {
      if (statSync(path).isDirectory())
        throw new IoError(path, `it is a folder; ${what} is a file, choose another path`);
    } catch (e) {
      if (e instanceof IoError) throw e;
      // Absent is the usual case; other problems surface when the lock is written.
    }
  }
  // The lock's content is written to a private file first and linked into place, so the lock
  // is never seen empty or half-written.
  const draft = `${lockPath}.${uniqueSuffix()}.draft`;
  try {
    writeFileSync(draft, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new IoError(path, `cannot write ${what}: its folder does not exist`);
    throw ioError(e, path, `write ${what}`);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, lockPath);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(e, lockPath, `claim ${path}`);
      }
      const other = readOwner(lockPath);
      if (other && !isStale(other)) {
        throw new UsageError(
          `${path} is being written by another run (${describeOwner(other)}); wait for it to finish or choose another path (its lock: ${lockPath})`,
        );
      }
      if (!other && attempt === 0) {
        // A lock we cannot read: possibly being replaced this instant. Look once more.
        continue;
      }
      if (attempt > 5) {
        throw new UsageError(
          `${path}: cannot claim it, its lock ${lockPath} keeps changing; remove the lock if no other run is writing`,
        );
      }
      breakStaleLock(lockPath, other);
    }
  } finally {
    rmSync(draft, { force: true });
  }
  const claim: Claim = {
    path,
    lockPath,
    owner,
    partialPath: (target = path) => `${target}.${uniqueSuffix()}.partial`,
    release() {
      if (!held.delete(claim)) return;
      const now = readOwner(lockPath);
      if (now?.token === owner.token) rmSync(lockPath, { force: true });
    },
  };
  held.add(claim);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const c of [...held]) c.release();
    });
  }
  removeLeftovers(inside ? join(path, 'x') : path, inside);
  return claim;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The error of creating just the last folder of `path` (its parent existing), or null. */
function mkdirOnce(path: string): unknown {
  try {
    mkdirSync(path);
    return null;
  } catch (e) {
    return e;
  }
}

/** Moves a stale lock aside (one rename, so only one breaker wins) and deletes it. */
function breakStaleLock(lockPath: string, seen: LockOwner | null): void {
  const aside = `${lockPath}.${uniqueSuffix()}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // Someone else broke it first; try again.
  }
  const moved = readOwner(aside);
  if (seen && moved && moved.token !== seen.token && !isStale(moved)) {
    // A live run's fresh lock was moved by mistake: put it back unless another took its place.
    try {
      linkSync(aside, lockPath);
    } catch {
      // The path was claimed again meanwhile; the retry will report that run.
    }
  }
  rmSync(aside, { force: true });
}

/**
 * Removes partial files of the claimed path left by runs that died: while we hold the claim no
 * other run can be writing them.
 */
function removeLeftovers(path: string, inside: boolean): void {
  const dir = dirname(resolve(path));
  const stem = inside ? '' : `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(stem)) continue;
    if (
      /\.\d+-[0-9a-f]{8}\.partial(-journal)?$/.test(n) ||
      /\.lock\.\d+-[0-9a-f]{8}\.(draft|stale)$/.test(n)
    ) {
      const pid = Number(/\.(\d+)-[0-9a-f]{8}\./.exec(n)?.[1]);
      if (pid !== process.pid) rmSync(join(dir, n), { force: true });
    }
  }
}

/**
 * Publishes a finished partial file as `out`: fsyncs it, then without `force` links it into
 * place (failing if `out` appeared meanwhile) or with `force` renames it over `out`, replacing
 * the old file whole. The partial file is gone afterwards either way.
 */
export function publish(partial: string, out: string, force: boolean, what: string): void {
  try {
    const fd = openSync(partial, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw ioError(e, partial, `finish ${what}`);
  }
  try {
    if (force) renameSync(partial, out);
    else {
      try {
        linkSync(partial, out);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST')
          throw new UsageError(`${out} already exists; pass --force to replace it`);
        if ((e as NodeJS.ErrnoException).code !== 'EPERM' && (e as NodeJS.ErrnoException).code !== 'ENOTSUP')
          throw e;
        // A file system without hard links: the claim still keeps other Hailsham runs out.
        renameSync(partial, out);
      }
      rmSync(partial, { force: true });
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw ioError(e, out, `put ${what} in place`);
  }
  syncFolder(dirname(resolve(out)));
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  }
}

/**
 * Writes a whole file atomically under a claim: its own partial file, synced and renamed over
 * `path`, so a reader sees the old file or the new, never a mixture, and two writers never mix.
 * @example writeFileAtomic('plots/survival.svg', svg, 'a chart')
 */
export function writeFileAtomic(path: string, data: string | Buffer, what: string): void {
  const claim = claimOutput(path, what);
  const partial = claim.partialPath();
  try {
    let fd: number;
    try {
      fd = openSync(partial, 'wx');
    } catch (e) {
      throw ioError(e, path, `write ${what}`);
    }
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
      fsyncSync(fd);
    } catch (e) {
      throw ioError(e, path, `write ${what}`);
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(partial, path);
    } catch (e) {
      throw ioError(e, path, `write ${what}`);
    }
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    claim.release();
  }
}

/** Deletes a file, ignoring one that is already gone. */
export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never made.
  }
}
