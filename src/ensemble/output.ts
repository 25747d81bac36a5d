/**
 * Writing an ensemble directory: `runs.csv` and `cohorts.csv` (rows in ascending seed order,
 * whatever order the runs finished in), their Parquet twins, and `manifest.json`. The directory
 * is claimed first (src/io/claim.ts), so two sweeps never write one directory; files are written
 * under partial names of the run's own and renamed; the manifest comes last, so a directory with
 * a manifest is complete and an interrupted sweep leaves none.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { claimOutput, type Claim } from '../io/claim.js';
import { ioError } from '../io/io-error.js';
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
 * Claims `dir` and makes it ready for a new ensemble: creates it, or (with force) removes a
 * previous ensemble's manifest, so a replacement cut short never looks complete (the other files
 * are replaced one by one by rename as the new ones are finished).
 * @throws UsageError when another run is writing it, or it already holds an ensemble and force is off.
 */
export function prepareDir(dir: string, force: boolean): Claim {
  const claim = claimOutput(dir, 'the ensemble', true);
  try {
    const present = ENSEMBLE_FILES.filter((f) => existsSync(join(dir, f)));
    if (present.length === 0) return claim;
    if (!force) {
      throw new UsageError(
        `${dir} already holds ensemble files (${present.join(', ')}); pass --force to replace them`,
      );
    }
    rmSync(join(dir, MANIFEST_FILE), { force: true });
    for (const f of present) rmSync(join(dir, f), { force: true });
    return claim;
  } catch (e) {
    claim.release();
    throw ioError(e, dir, 'prepare the ensemble folder');
  }
}

/** A CSV file written through a buffer, hashed as it goes, renamed into place when done. */
export class CsvFile {
  private fd: number;
  private readonly partial: string;
  private buf = '';
  private readonly hash: Hash = createHash('sha256');
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
    partial = `${path}.partial`,
  ) {
    this.partial = partial;
    try {
      this.fd = openSync(partial, 'wx');
    } catch (e) {
      throw ioError(e, path, 'write the table');
    }
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
    try {
      for (let off = 0; off < bytes.length;) off += writeSync(this.fd, bytes, off);
    } catch (e) {
      throw ioError(e, this.path, 'write the table');
    }
    this.buf = '';
  }

  /** Closes the file, renames it into place and returns its SHA-256. */
  finish(): string {
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
    try {
      renameSync(this.partial, this.path);
    } catch (e) {
      throw ioError(e, this.path, 'write the table');
    }
    return this.hash.digest('hex');
  }

  /** Closes and removes the partial file. */
  abort(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.partial, { force: true });
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

  private readonly partialOf: (path: string) => string;

  constructor(
    readonly dir: string,
    readonly columns: { runs: ColumnInfo[]; cohorts: ColumnInfo[] },
    readonly claim: Claim | null = null,
  ) {
    this.partialOf = (p) => (claim ? claim.partialPath(p) : `${p}.partial`);
    const runs = join(dir, 'runs.csv');
    const cohorts = join(dir, 'cohorts.csv');
    try {
      this.runs = new CsvFile(
        runs,
        columns.runs.map((c) => c.name),
        this.partialOf(runs),
      );
    } catch (e) {
      claim?.release();
      throw e;
    }
    try {
      this.cohorts = new CsvFile(
        cohorts,
        columns.cohorts.map((c) => c.name),
        this.partialOf(cohorts),
      );
    } catch (e) {
      this.runs.abort();
      claim?.release();
      throw e;
    }
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
      for (const [csv, name, cols] of [
        [this.runs.path, 'runs.parquet', this.columns.runs],
        [this.cohorts.path, 'cohorts.parquet', this.columns.cohorts],
      ] as const) {
        const file = join(this.dir, name);
        const partial = this.partialOf(file);
        try {
          await csvToParquet(csv, partial, cols);
          renameSync(partial, file);
        } catch (e) {
          rmSync(partial, { force: true });
          throw ioError(e, file, 'write the Parquet file');
        }
      }
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
    const partial = this.partialOf(file);
    try {
      writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
      renameSync(partial, file);
    } catch (e) {
      rmSync(partial, { force: true });
      throw ioError(e, file, 'write the manifest');
    }
    this.claim?.release();
    return manifest;
  }

  /** Removes the partial files of a sweep that failed. */
  abort(): void {
    this.runs.abort();
    this.cohorts.abort();
    this.claim?.release();
  }
}
