/**
 * Joining the shards of a sweep: check that their manifests agree (same scenario, seeds,
 * software and columns, every shard of n present once), that every CSV still has the hash its
 * manifest records, and that each seed of the sweep appears exactly once; then merge the rows
 * by seed into one directory. Shards' files are already in seed order, so this is a k-way
 * merge that streams line by line and never holds a shard in memory.
 *
 * The merged CSVs are byte for byte what one process would have written for the whole sweep.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { UsageError } from '../errors.js';
import { canonicalJson, readManifest, type Manifest } from './manifest.js';
import { EnsembleWriter, prepareDir } from './output.js';
import { parseSeeds } from './seeds.js';

/** Reads a text file a line at a time, hashing its bytes as it goes. */
class LineReader {
  private fd: number;
  private readonly chunk = Buffer.alloc(1 << 20);
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private pos = 0;
  private eof = false;
  readonly hash: Hash = createHash('sha256');

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  /** The next line without its newline, or null at the end. */
  next(): string | null {
    for (;;) {
      const nl = this.text.indexOf('\n', this.pos);
      if (nl >= 0) {
        const line = this.text.slice(this.pos, nl);
        this.pos = nl + 1;
        return line;
      }
      if (this.eof) {
        if (this.pos < this.text.length) {
          const line = this.text.slice(this.pos);
          this.pos = this.text.length;
          return line;
        }
        return null;
      }
      const n = readSync(this.fd, this.chunk, 0, this.chunk.length, null);
      if (n === 0) {
        this.eof = true;
        this.text = this.text.slice(this.pos) + this.decoder.end();
      } else {
        this.hash.update(this.chunk.subarray(0, n));
        this.text = this.text.slice(this.pos) + this.decoder.write(this.chunk.subarray(0, n));
      }
      this.pos = 0;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** The seed of a CSV line: its first cell (the seed column always comes first). */
function seedOf(line: string, file: string): number {
  const c = line.indexOf(',');
  const s = Number(c < 0 ? line : line.slice(0, c));
  if (!Number.isInteger(s))
    throw new UsageError(`${file}: a row does not start with a seed: ${line.slice(0, 60)}`);
  return s;
}

function describeShard(m: Manifest): string {
  return m.shard ? `shard ${m.shard.k}/${m.shard.n}` : 'a whole sweep';
}

/** Checks that the manifests describe slices of one sweep; returns the shared one. */
export function checkManifests(dirs: readonly string[], manifests: readonly Manifest[]): void {
  const first = manifests[0]!;
  const d0 = dirs[0]!;
  for (let i = 1; i < manifests.length; i++) {
    const m = manifests[i]!;
    const d = dirs[i]!;
    const differ = (what: string, a: string, b: string) =>
      new UsageError(`${d} and ${d0} are not shards of one sweep: ${what} differ (${b} against ${a})`);
    if (m.scenario.sha256 !== first.scenario.sha256) {
      throw differ(
        'their scenarios',
        `${first.scenario.name} ${first.scenario.sha256.slice(0, 12)}`,
        `${m.scenario.name} ${m.scenario.sha256.slice(0, 12)}`,
      );
    }
    if (m.seeds.spec !== first.seeds.spec) throw differ('their seeds', first.seeds.spec, m.seeds.spec);
    if (m.software !== first.software) throw differ('their software versions', first.software, m.software);
    if (m.build !== first.build) {
      throw differ(
        'the builds that ran them',
        `build ${first.build.slice(0, 12)}`,
        `build ${m.build.slice(0, 12)}`,
      );
    }
    if (canonicalJson(m.columns) !== canonicalJson(first.columns)) {
      throw differ(
        'their columns',
        first.columns.runs.map((c) => c.name).join(','),
        m.columns.runs.map((c) => c.name).join(','),
      );
    }
    if ((m.shard?.n ?? null) !== (first.shard?.n ?? null)) {
      throw differ('their shard counts', describeShard(first), describeShard(m));
    }
  }
  const n = first.shard?.n ?? null;
  if (n === null) {
    if (manifests.length > 1) {
      throw new UsageError(`${dirs[1]} and ${d0} each hold the whole sweep; there is nothing to merge`);
    }
    return;
  }
  const byK = new Map<number, string>();
  manifests.forEach((m, i) => {
    const k = m.shard!.k;
    const other = byK.get(k);
    if (other !== undefined) throw new UsageError(`shard ${k}/${n} is given twice: ${other} and ${dirs[i]}`);
    byK.set(k, dirs[i]!);
  });
  const missing: number[] = [];
  for (let k = 1; k <= n; k++) if (!byK.has(k)) missing.push(k);
  if (missing.length > 0) {
    throw new UsageError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${n}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (given: ${[
        ...byK.keys(),
      ]
        .sort((a, b) => a - b)
        .map((k) => `${k}/${n}`)
        .join(', ')})`,
    );
  }
}

export interface MergeOptions {
  dirs: readonly string[];
  out: string;
  force?: boolean;
  parquet?: boolean;
  /** The wall-clock time to stamp the manifest with, given by the front end. */
  finishedAt?: () => string;
}

/**
 * Merges shard directories into one; the result is what one process would have written.
 * @throws UsageError when the shards disagree, a shard or seed is missing or repeated, or a file
 *   no longer has the hash its manifest records.
 * @example await mergeEnsembles({ dirs: ['s1', 's2'], out: 'all' })
 */
export async function mergeEnsembles(opts: MergeOptions): Promise<Manifest> {
  const t0 = performance.now();
  if (opts.dirs.length === 0) throw new UsageError('merge needs at least one ensemble directory');
  const outAbs = resolve(opts.out);
  for (const d of opts.dirs) {
    if (resolve(d) === outAbs)
      throw new UsageError(`--out ${opts.out} is also one of the inputs; merge into a new directory`);
  }
  const manifests = opts.dirs.map(readManifest);
  checkManifests(opts.dirs, manifests);
  const first = manifests[0]!;
  const expected = parseSeeds(first.seeds.spec).seeds;

  const claim = prepareDir(opts.out, opts.force ?? false);
  const writer = new EnsembleWriter(opts.out, first.columns, claim);
  const readers: LineReader[] = [];
  try {
    for (const table of ['runs', 'cohorts'] as const) {
      const file = `${table}.csv` as const;
      const out = table === 'runs' ? writer.runs : writer.cohorts;
      const header = first.columns[table].map((c) => c.name).join(',');
      const heads: { r: LineReader; line: string | null; seed: number; rows: number }[] = [];
      for (const d of opts.dirs) {
        const r = new LineReader(join(d, file));
        readers.push(r);
        const h = r.next();
        if (h !== header) throw new UsageError(`${r.path}: its header does not match its manifest's columns`);
        const line = r.next();
        heads.push({
          r,
          line,
          seed: line === null || line === '' ? Infinity : seedOf(line, r.path),
          rows: 0,
        });
      }
      let at = 0;
      for (;;) {
        let best = -1;
        for (let i = 0; i < heads.length; i++) {
          const h = heads[i]!;
          if (h.seed === Infinity) continue;
          if (best < 0 || h.seed < heads[best]!.seed) best = i;
          else if (h.seed === heads[best]!.seed) {
            throw new UsageError(`seed ${h.seed} appears twice: in ${heads[best]!.r.path} and ${h.r.path}`);
          }
        }
        if (best < 0) break;
        const h = heads[best]!;
        const seed = h.seed;
        if (table === 'runs') {
          if (at >= expected.length || expected[at]! > seed) {
            throw new UsageError(
              `${h.r.path}: seed ${seed} is not one of the sweep's seeds (${first.seeds.spec})`,
            );
          }
          if (expected[at]! < seed) throw new UsageError(`seed ${expected[at]} is missing from every shard`);
          at++;
        }
        // Copy every line of this seed (one for runs, one per cohort for cohorts).
        while (h.line !== null && h.line !== '' && seedOf(h.line, h.r.path) === seed) {
          out.raw(`${h.line}\n`);
          out.rows++;
          h.rows++;
          h.line = h.r.next();
        }
        const nextSeed = h.line === null || h.line === '' ? Infinity : seedOf(h.line, h.r.path);
        if (nextSeed <= seed)
          throw new UsageError(`${h.r.path}: rows are not in seed order (seed ${nextSeed} after ${seed})`);
        h.seed = nextSeed;
      }
      if (table === 'runs' && at < expected.length) {
        throw new UsageError(`seed ${expected[at]} is missing from every shard`);
      }
      heads.forEach((h, i) => {
        while (h.r.next() !== null) {
          /* read to the end for the hash */
        }
        const sha = h.r.hash.digest('hex');
        const m = manifests[i]!;
        if (sha !== m.sha256[file]) {
          throw new UsageError(
            `${h.r.path} has changed since its sweep wrote it (its SHA-256 differs from the manifest's)`,
          );
        }
        if (h.rows !== m.rows[table]) {
          throw new UsageError(`${h.r.path} holds ${h.rows} rows; its manifest says ${m.rows[table]}`);
        }
        h.r.close();
      });
    }
    return await writer.finish(
      {
        software: first.software,
        build: first.build,
        scenario: first.scenario,
        seeds: first.seeds,
        shard: null,
        run: {
          workers: null,
          seconds: Math.round(performance.now() - t0) / 1000,
          finishedAt: opts.finishedAt?.() ?? null,
          mergedFrom: opts.dirs.map((d, i) => {
            const shard = manifests[i]!.shard;
            return { dir: resolve(d), shard: shard ? { k: shard.k, n: shard.n } : null };
          }),
        },
      },
      opts.parquet ?? true,
    );
  } catch (e) {
    writer.abort();
    throw e;
  } finally {
    for (const r of readers) r.close();
  }
}
