/**
 * Writing an ensemble directory: `runs.csv` and `cohorts.csv` (rows in ascending seed order,
 * whatever order the runs finished in), their Parquet twins, and `manifest.json`. Files are
 * written as `*.partial` and renamed; the manifest comes last, so a directory with a manifest is
 * complete and an interrupted sweep leaves none.
 */
import { createHash, type Hash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { csvLine } from './csv.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type ColumnInfo,
  type Manifest,
} from './manifest.js';
import type { Measured, Value } from './metrics.js';
import { csvToParquet } from './parquet.js';

/** The files an ensemble directory holds. */
export const ENSEMBLE_FILES = ['runs.csv', 'cohorts.csv', 'runs.parquet', 'cohorts.parquet', MANIFEST_FILE];

/**
 * Makes `dir` ready for a new ensemble: creates it, or (with force) removes a previous
 * ensemble's files from it.
 * @throws UsageError when it already holds an ensemble and force is off.
 */
export function prepareDir(dir: string, force: boolean): void {
  mkdirSync(dir, { recursive: true });
  const present = ENSEMBLE_FILES.filter((f) => existsSync(join(dir, f)));
  if (present.length === 0) return;
  if (!force) {
    throw new UsageError(
      `${dir} already holds ensemble files (${present.join(', ')}); pass --force to replace them`,
    );
  }
  // The manifest goes first, so a replacement cut short never looks complete.
  rmSync(join(dir, MANIFEST_FILE), { force: true });
  for (const f of present) rmSync(join(dir, f), { force: true });
}

/** A CSV file written through a buffer, hashed as it goes, renamed into place when done. */
export class CsvFile {
  private fd: number;
  private buf = '';
  private readonly hash: Hash = createHash('sha256');
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = openSync(`${path}.partial`, 'w');
    this.raw(csvLine(header));
  }

  /** Appends a row. */
  row(values: readonly Value[]): void {
    this.raw(csvLine(values));
    this.rows++;
  }

  /** Appends text that is already CSV lines (a merge copies shard lines through this). */
  raw(text: string): void {
    this.buf += text;
    if (this.buf.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (!this.buf) return;
    const bytes = Buffer.from(this.buf, 'utf8');
    this.hash.update(bytes);
    writeSync(this.fd, bytes);
    this.buf = '';
  }

  /** Closes the file, renames it into place and returns its SHA-256. */
  finish(): string {
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
    renameSync(`${this.path}.partial`, this.path);
    return this.hash.digest('hex');
  }

  /** Closes and removes the partial file. */
  abort(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(`${this.path}.partial`, { force: true });
  }
}

/** What the manifest needs besides the rows: everything but counts and hashes. */
export type ManifestHead = Omit<
  Manifest,
  'format' | 'formatVersion' | 'rows' | 'sha256' | 'columns' | 'parquet'
>;

/**
 * Writes the two CSVs, the Parquet files and the manifest of an ensemble directory.
 * Rows are added by position in the seed list and written in that order, whatever order they
 * arrive in.
 */
export class EnsembleWriter {
  readonly runs: CsvFile;
  readonly cohorts: CsvFile;
  private next = 0;
  private readonly pending = new Map<number, Measured>();

  constructor(
    readonly dir: string,
    readonly columns: { runs: ColumnInfo[]; cohorts: ColumnInfo[] },
  ) {
    this.runs = new CsvFile(
      join(dir, 'runs.csv'),
      columns.runs.map((c) => c.name),
    );
    this.cohorts = new CsvFile(
      join(dir, 'cohorts.csv'),
      columns.cohorts.map((c) => c.name),
    );
  }

  /** Adds the result of the run at `index` of the seed list. */
  add(index: number, m: Measured): void {
    this.pending.set(index, m);
    for (let r = this.pending.get(this.next); r; r = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      this.runs.row(r.run);
      for (const c of r.cohorts) this.cohorts.row(c);
      this.next++;
    }
  }

  /** Runs written so far (in order). */
  get written(): number {
    return this.next;
  }

  /**
   * Finishes the CSVs, writes Parquet (unless `parquet` is false) and then the manifest.
   * @throws Error if some run in the list never arrived.
   */
  async finish(head: ManifestHead, parquet = true): Promise<Manifest> {
    if (this.pending.size > 0) {
      throw new Error(`EnsembleWriter: run ${this.next} of the seed list never arrived`);
    }
    const runsSha = this.runs.finish();
    const cohortsSha = this.cohorts.finish();
    if (parquet) {
      await csvToParquet(this.runs.path, join(this.dir, 'runs.parquet'), this.columns.runs);
      await csvToParquet(this.cohorts.path, join(this.dir, 'cohorts.parquet'), this.columns.cohorts);
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      formatVersion: MANIFEST_VERSION,
      software: head.software,
      build: head.build,
      scenario: head.scenario,
      seeds: head.seeds,
      shard: head.shard,
      columns: this.columns,
      rows: { runs: this.runs.rows, cohorts: this.cohorts.rows },
      sha256: { 'runs.csv': runsSha, 'cohorts.csv': cohortsSha },
      parquet,
      run: head.run,
    };
    const file = join(this.dir, MANIFEST_FILE);
    writeFileSync(`${file}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(`${file}.partial`, file);
    return manifest;
  }

  /** Removes the partial files of a sweep that failed. */
  abort(): void {
    this.runs.abort();
    this.cohorts.abort();
  }
}
