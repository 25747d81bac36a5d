/**
 * Failures of the file system, made to happen for real: a full disk (a 6 MB tmpfs, where
 * small.yaml seed 7 needs about 8 MB, and a 7 MB ext4 image, where pages are written around
 * the page cache by a thread of their own), a read-only folder (a read-only bind mount), permission
 * denied (a folder the user `nobody` may not write),
 * an immutable file (`chattr +i`), a folder where a file should be, a file where a folder should
 * be, and a world deleted under a running server. Each command exits with code 2 and one line
 * naming the file and the problem, never says "please report it", and leaves an earlier world
 * byte for byte as it was. Mounting and changing users need root: those cases are skipped, saying
 * so, when the tests do not run as root or the machine refuses the mount.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'hailsham.js');
const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'hailsham-io-'));
chmodSync(dir, 0o755);
const mounts: string[] = [];
const report: string[] = [];

function sh(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

function hailsham(args: string[], opts: { uid?: number; gid?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir, ...opts });
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The checks every failure shares; `names` is the file the message must name. */
function expectIoFailure(label: string, r: SpawnSyncReturns<string>, names: string, problem: RegExp): void {
  report.push(`${label}: exit ${r.status}: ${r.stderr.trim()}`);
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^hailsham: /);
  expect(r.stderr).toContain(names);
  expect(r.stderr).toMatch(problem);
  expect(r.stderr).not.toMatch(/please report|\n\s+at /);
}

/** No partial file, draft or lock of ours is left in a folder. */
function expectNoLeftovers(folder: string): void {
  expect(readdirSync(folder).filter((f) => /\.(partial|lock|draft|stale)$|partial-journal$/.test(f))).toEqual(
    [],
  );
}

// A world of two cohorts (about 1 MB), small enough to sit on the 6 MB disk before a bigger run.
const TINY = join(dir, 'tiny.yaml');
writeFileSync(
  TINY,
  `extends: ${join(ROOT, 'examples', 'small.yaml')}
name: tiny
calendar: { start: 1958-01-01, end: 1985-12-31 }
places:
  schools:
    - { id: hailsham, name: Hailsham, kind: school, detail: full, lat: 51.012, lon: -0.556, fictional: true,
        cohorts: { first: 1960, last: 1961, size: { min: 20, mode: 24, max: 28 } },
        residence: the-cottages, staff: 6, headmistress: Miss Emily }
`,
);
const SMALL = join(ROOT, 'examples', 'small.yaml');

/**
 * A run with `--force` over a tiny world on a disk too small for it: it fails as a full disk,
 * the tiny world stays byte for byte, nothing of the run is left; returns the world's digest.
 */
function expectFullDiskRun(label: string, folder: string): string {
  const world = join(folder, 'w.db');
  writeFileSync(world, readFileSync(join(dir, 'tiny.db')));
  const before = sha(world);
  const r = hailsham(['run', SMALL, '--seed', '7', '--out', world, '--force', '--quiet']);
  expectIoFailure(label, r, world, /the disk is full/);
  expect(sha(world)).toBe(before);
  expectNoLeftovers(folder);
  return before;
}

beforeAll(() => {
  expect(hailsham(['run', TINY, '--out', 'tiny.db', '--quiet']).status).toBe(0);
});

afterAll(() => {
  for (const m of mounts.reverse()) sh('umount', [m]);
  sh('chattr', ['-i', join(dir, 'immutable', 'w.db')]);
  rmSync(dir, { recursive: true, force: true });
  console.log(`I/O failures:\n${report.map((l) => `  ${l}`).join('\n')}`);
});

describe('failures of the file system', () => {
  it('a folder where the world file should be', () => {
    mkdirSync(join(dir, 'a-folder.db'));
    const r = hailsham(['run', SMALL, '--out', 'a-folder.db', '--quiet', '--force']);
    expectIoFailure('run --out a folder', r, 'a-folder.db', /is a folder/);
    const s = hailsham(['schema', '--out', 'a-folder.db']);
    expectIoFailure('schema --out a folder', s, 'a-folder.db', /is a folder/);
  });

  it('a file where a folder should be', () => {
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const r = hailsham([
      'ensemble',
      SMALL,
      '--seeds',
      '1..2',
      '--workers',
      '0',
      '--out',
      'not-a-folder',
      '--quiet',
    ]);
    expectIoFailure('ensemble --out a file', r, 'not-a-folder', /is a file/);
    const w = hailsham(['run', SMALL, '--out', 'not-a-folder/w.db', '--quiet']);
    expectIoFailure('run --out under a file', w, 'not-a-folder/w.db', /part of its path is a file/);
  });

  it('a world file that is missing', () => {
    const r = hailsham(['stats', 'missing.db']);
    report.push(`stats of a missing file: exit ${r.status}: ${r.stderr.trim()}`);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.db');
  });

  it.skipIf(!isRoot)(
    'a full disk (6 MB tmpfs): the earlier world stays whole (needs root to mount)',
    (ctx) => {
      const full = join(dir, 'full');
      mkdirSync(full);
      if (!sh('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', full])) {
        ctx.skip('this machine refuses to mount a tmpfs');
        return;
      }
      mounts.push(full);
      const before = expectFullDiskRun('run on a full disk', full);
      // A sweep's rows are small: fill the disk to the last byte first, so they meet it.
      spawnSync('dd', ['if=/dev/zero', `of=${join(full, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
      const e = hailsham([
        'ensemble',
        SMALL,
        '--seeds',
        '1..3',
        '--workers',
        '0',
        '--out',
        join(full, 'sweep'),
        '--quiet',
      ]);
      expectIoFailure('ensemble on a full disk', e, join(full, 'sweep'), /the disk is full/);
      expect(sha(join(full, 'w.db'))).toBe(before);
    },
    180_000,
  );

  it.skipIf(!isRoot)(
    'a full disk that takes direct writes (a 7 MB ext4 image, loop-mounted; needs root)',
    (ctx) => {
      // tmpfs refuses O_DIRECT, so the run above writes its pages itself; on ext4 they go
      // through the write-behind thread (src/store/write-behind.ts), whose error comes back.
      const img = join(dir, 'ext4.img');
      const full = join(dir, 'ext4');
      mkdirSync(full);
      writeFileSync(img, '');
      truncateSync(img, 7 * 1024 * 1024);
      if (!sh('mkfs.ext4', ['-q', '-O', '^has_journal', img]) || !sh('mount', ['-o', 'loop', img, full])) {
        ctx.skip('this machine has no mkfs.ext4 or refuses a loop mount');
        return;
      }
      mounts.push(full);
      expectFullDiskRun('run on a full ext4 disk', full);
    },
    180_000,
  );

  it.skipIf(!isRoot)('a read-only folder (a read-only bind mount; needs root)', (ctx) => {
    const src = join(dir, 'ro-src');
    const ro = join(dir, 'ro');
    mkdirSync(src);
    mkdirSync(ro);
    writeFileSync(join(src, 'w.db'), readFileSync(join(dir, 'tiny.db')));
    if (!sh('mount', ['--bind', src, ro]) || (mounts.push(ro), !sh('mount', ['-o', 'remount,ro,bind', ro]))) {
      ctx.skip('this machine refuses a read-only bind mount');
      return;
    }
    const before = sha(join(ro, 'w.db'));
    const r = hailsham(['run', SMALL, '--out', join(ro, 'w.db'), '--force', '--quiet']);
    expectIoFailure('run into a read-only folder', r, join(ro, 'w.db'), /read-only/);
    expect(sha(join(ro, 'w.db'))).toBe(before);
    const e = hailsham([
      'ensemble',
      SMALL,
      '--seeds',
      '1..2',
      '--workers',
      '0',
      '--out',
      join(ro, 'sweep'),
      '--quiet',
    ]);
    expectIoFailure('ensemble into a read-only folder', e, join(ro, 'sweep'), /read-only/);
    const s = hailsham(['schema', '--out', join(ro, 'schema.json')]);
    expectIoFailure('schema into a read-only folder', s, join(ro, 'schema.json'), /read-only/);
    const c = hailsham(['chronicle', join(ro, 'w.db'), '--out', join(ro, 'memoir.md')]);
    expectIoFailure('chronicle into a read-only folder', c, join(ro, 'memoir.md'), /read-only/);
    // Reading a world from a read-only folder is fine.
    expect(hailsham(['stats', join(ro, 'w.db')]).status).toBe(0);
  });

  it.skipIf(!isRoot)('permission denied (a folder nobody may write, run as nobody; needs root)', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'w.db'), readFileSync(join(dir, 'tiny.db')));
    chmodSync(join(locked, 'w.db'), 0o644);
    chmodSync(locked, 0o755);
    const before = sha(join(locked, 'w.db'));
    const nobody = { uid: 65534, gid: 65534 };
    const r = hailsham(['run', SMALL, '--out', join(locked, 'w.db'), '--force', '--quiet'], nobody);
    expectIoFailure('run into a folder without permission', r, join(locked, 'w.db'), /permission denied/);
    expect(sha(join(locked, 'w.db'))).toBe(before);
    const p = hailsham(['plot', join(dir, 'missing-sweep'), '--out', join(locked, 'plots')], nobody);
    expect(p.status).toBe(2);
    chmodSync(join(locked, 'w.db'), 0o600);
    const s = hailsham(['stats', join(locked, 'w.db')], nobody);
    expectIoFailure(
      'stats of a world without read permission',
      s,
      join(locked, 'w.db'),
      /permission denied|cannot be opened/,
    );
  });

  it.skipIf(!isRoot)('an immutable world (chattr +i) is not replaced (needs root)', (ctx) => {
    const imm = join(dir, 'immutable');
    mkdirSync(imm);
    writeFileSync(join(imm, 'w.db'), readFileSync(join(dir, 'tiny.db')));
    if (!sh('chattr', ['+i', join(imm, 'w.db')])) {
      ctx.skip('this file system has no immutable attribute');
      return;
    }
    const before = sha(join(imm, 'w.db'));
    const r = hailsham(['run', SMALL, '--out', join(imm, 'w.db'), '--force', '--quiet']);
    expectIoFailure(
      'run --force over an immutable world',
      r,
      join(imm, 'w.db'),
      /permission denied|not permitted/,
    );
    expect(sha(join(imm, 'w.db'))).toBe(before);
    expectNoLeftovers(imm);
  });

  it('a world deleted under a running server stops it with exit code 2', async () => {
    const file = join(dir, 'served.db');
    writeFileSync(file, readFileSync(join(dir, 'tiny.db')));
    const child = spawn(process.execPath, [CLI, 'serve', file, '--port', '0'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
    await new Promise<void>((ready) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('http://')) ready();
      }),
    );
    rmSync(file);
    const code = await Promise.race([exited, new Promise<number>((t) => setTimeout(() => t(-99), 30_000))]);
    if (code === -99) child.kill('SIGKILL');
    expectIoFailure(
      'serve, world deleted',
      { status: code, stderr } as SpawnSyncReturns<string>,
      file,
      /deleted/,
    );
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});
