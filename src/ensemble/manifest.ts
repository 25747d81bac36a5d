/**
 * The manifest of an ensemble directory: what was run (scenario hash, seeds, shard, software
 * version, columns) and what was written (row counts and SHA-256 of each CSV). `merge` checks
 * that shards' manifests agree before joining them. Timing and the host's details sit under
 * `run`, the one part expected to differ between two runs of the same sweep.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { ColumnType } from './metrics.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'hailsham-ensemble';
export const MANIFEST_VERSION = 1;
export const SHARD_RULE =
  'shard k of n runs the seeds at positions i (0-based, ascending seed list) with i % n == k - 1';

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  describe: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  software: string;
  /** SHA-256 of the code that makes the rows (see buildFingerprint()). */
  build: string;
  scenario: { name: string; sha256: string; files: string[] };
  /** The whole sweep's seeds (not just this shard's). */
  seeds: { spec: string; count: number };
  /** Which slice this directory holds; null for a whole sweep or a merge. */
  shard: { k: number; n: number; rule: string; seeds: number } | null;
  columns: { runs: ColumnInfo[]; cohorts: ColumnInfo[] };
  rows: { runs: number; cohorts: number };
  sha256: { 'runs.csv': string; 'cohorts.csv': string };
  parquet: boolean;
  /** Differs between runs of the same sweep: how and where it ran. */
  run: {
    workers: number | null;
    seconds: number;
    /** When the sweep finished, as the front end saw it (null from library calls that gave no clock). */
    finishedAt: string | null;
    mergedFrom?: { dir: string; shard: { k: number; n: number } | null }[];
  };
}

/** Canonical JSON: object keys sorted at every level, so equal data hashes equally. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

/**
 * SHA-256 of a scenario with its defaults applied: two files that say the same thing (in any
 * key order, through any chain of overlays) hash the same.
 */
export function scenarioSha256(loaded: LoadedScenario): string {
  const { extends: _drop, ...rest } = loaded.scenario;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** The parts of the program whose code decides what a row holds. */
const ROW_CODE = [
  'engine',
  'world',
  'scenario',
  'ensemble',
  'version.js',
  'version.ts',
  'errors.js',
  'errors.ts',
];
let fingerprint: string | null = null;

/**
 * SHA-256 of the code that decides the rows (the engine, the world's rules, scenario loading
 * and the reporters), as compiled into dist/ or, under the tests, as TypeScript in src/. Two
 * shards are only merged when their builds agree, since a changed rule changes rows without a
 * new version number.
 */
export function buildFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const files: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p)) walk(join(p, f));
    } else if (/\.(js|ts)$/.test(p) && !/\.(test|d)\.ts$/.test(p)) files.push(p);
  };
  for (const part of ROW_CODE) walk(join(root, part));
  const h = createHash('sha256');
  for (const f of files.map((x) => relative(root, x).split('\\').join('/')).sort()) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(root, f)));
    h.update('\0');
  }
  fingerprint = h.digest('hex');
  return fingerprint;
}

/** Reads and checks a directory's manifest. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) {
    throw new UsageError(
      `${dir} is not an ensemble directory: it has no ${MANIFEST_FILE} (an unfinished or interrupted sweep leaves none)`,
    );
  }
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (m.format !== MANIFEST_FORMAT) throw new UsageError(`${file}: not a Hailsham ensemble manifest`);
  if (m.formatVersion !== MANIFEST_VERSION) {
    throw new UsageError(
      `${file}: manifest format ${m.formatVersion}; this build reads format ${MANIFEST_VERSION}`,
    );
  }
  return m;
}
