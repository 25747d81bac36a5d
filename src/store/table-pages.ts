/**
 * Side tables (src/store/tables) made as SQLite pages in memory from the rows modules hand over,
 * with their indexes, for the writer's thread to place whole (src/store/pages.ts). A table is made
 * here only when every value is stored exactly as `INSERT` would store it: numbers under INTEGER,
 * REAL and NUMERIC columns, texts under TEXT, nulls where allowed, rowids ascending, and indexes
 * over integer columns whose values span a range a counting sort can take. Anything else (a
 * constraint to enforce, a text that SQLite might turn into a number, an index on a text column,
 * a row too long for its page) leaves that table to SQL, which also reports what is wrong with it.
 */
import {
  countingSort,
  ImageSink,
  IndexLeaves,
  intType,
  putFloat,
  putInt,
  SERIAL_SIZE,
  TableTree,
  varintLen,
  type CopiedTrees,
} from './pages.js';
import { sideTable, type TableDef } from './tables/index.js';
import type { NumericColumns } from '../world/module.js';
import type { SideRows } from './writer-worker.js';

/** Rows longer than this would overflow their page (pages.ts `TABLE_MAX_LOCAL`, less a margin). */
const MAX_ROW_BYTES = 4000;
/** The widest range of an index column's values sorted by counting. */
const MAX_KEY_RANGE = 1 << 24;

type Affinity = 'INTEGER' | 'REAL' | 'TEXT' | 'NUMERIC' | 'BLOB';

/** A column's affinity from its declared type, by SQLite's rules (https://www.sqlite.org/datatype3.html). */
function affinityOf(decl: string): Affinity {
  const d = decl.toUpperCase();
  if (d.includes('INT')) return 'INTEGER';
  if (/CHAR|CLOB|TEXT/.test(d)) return 'TEXT';
  if (d.includes('BLOB') || d.trim() === '') return 'BLOB';
  if (/REAL|FLOA|DOUB/.test(d)) return 'REAL';
  return 'NUMERIC';
}

/**
 * The serial type a value is stored with under a column of `affinity`, or -1 where this module
 * does not store it (SQL does). Integral numbers are stored as integers, under REAL columns too
 * (SQLite keeps them so and reads them back as reals); other numbers as 8-byte floats.
 */
function serialOf(v: unknown, affinity: Affinity): number {
  if (v === null) return 0;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Object.is(v, -0) || affinity === 'TEXT') return -1;
    if (Number.isInteger(v)) return Number.isSafeInteger(v) ? intType(v) : -1;
    return 7;
  }
  if (typeof v === 'string') {
    if (affinity !== 'TEXT' && affinity !== 'BLOB') return -1;
    return 2 * Buffer.byteLength(v, 'utf8') + 13;
  }
  return -1;
}

/**
 * `serialOf` for a number known not to be NaN, under a column that is not TEXT: an integer's
 * type, 7 (a float), or -1 for what SQL stores (infinities, -0, integers past 2^53).
 */
function numberType(v: number): number {
  if (v === Math.floor(v)) {
    if (v === 0) return 1 / v > 0 ? 8 : -1;
    return v >= -Number.MAX_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER ? intType(v) : -1;
  }
  return Number.isFinite(v) ? 7 : -1;
}

/** How a table is laid out: what its declaration allows to be made as pages. */
interface Layout {
  def: TableDef;
  affinity: Affinity[];
  notNull: boolean[];
  /** The INTEGER PRIMARY KEY column (the rowid), or -1 (rowids are then 1, 2, …). */
  rowidColumn: number;
  indexes: { name: string; sql: string; columns: number[] }[];
  /** The columns any index has, each once. */
  keyColumns: number[];
}

/** The layout of a side table, or null when it is left to SQL whatever its rows. */
function layout(name: string): Layout | null {
  const def = sideTable(name);
  if (!def) return null;
  if (/WITHOUT ROWID|UNIQUE|CHECK|PRIMARY KEY \(|COLLATE|DEFAULT/i.test(def.create)) return null;
  const decls = def.columns.map(([, sql]) => sql);
  const affinity = decls.map(affinityOf);
  const rowidColumn = decls.findIndex((d) => /^INTEGER PRIMARY KEY$/i.test(d.trim()));
  const indexes: Layout['indexes'] = [];
  for (const sql of def.indexes) {
    const m = /^CREATE INDEX (\w+) ON (\w+)\(([\w, ]+)\)$/.exec(sql);
    if (!m || m[2] !== def.name) return null;
    const columns = m[3]!.split(',').map((c) => def.names.indexOf(c.trim()));
    if (columns.length > 3 || columns.some((c) => c < 0 || c === rowidColumn || affinity[c] !== 'INTEGER'))
      return null;
    indexes.push({ name: m[1]!, sql, columns });
  }
  return {
    def,
    affinity,
    notNull: decls.map((d) => /NOT NULL|PRIMARY KEY/i.test(d)),
    rowidColumn,
    indexes,
    keyColumns: [...new Set(indexes.flatMap((x) => x.columns))],
  };
}

/** Raised (and caught here) when a table's rows hold what pages here do not store. */
class LeftToSql extends Error {}

/**
 * The side tables made as pages (all in one image), and those left to SQL. Tables are made in
 * the order given; none is made when none can be.
 */
export function sideTrees(tables: readonly SideRows[]): { trees: CopiedTrees | null; rest: SideRows[] } {
  const rest: SideRows[] = [];
  const rowCount = tables.reduce((n, t) => n + ('rows' in t ? t.rows.length : t.columns.count), 0);
  const sink = new ImageSink((rowCount * 80) / 4096 + 64 * tables.length);
  const schema: [string, string, string, number, string | null][] = [];
  for (const t of tables) {
    const l = layout(t.name);
    const mark = sink.next;
    try {
      if (!l) throw new LeftToSql();
      const made = 'rows' in t ? writeTable(sink, l, t.rows) : writeColumns(sink, l, t.columns);
      schema.push(['table', l.def.name, l.def.name, made.root, l.def.create]);
      l.indexes.forEach((x, i) => schema.push(['index', x.name, l.def.name, made.indexRoots[i]!, x.sql]));
    } catch (e) {
      if (!(e instanceof LeftToSql)) throw e;
      sink.truncate(mark);
      rest.push(t);
    }
  }
  if (schema.length === 0) return { trees: null, rest };
  return { trees: sink.trees(schema), rest };
}

/**
 * Writes a table's rows, keeping its rowids and its index columns' values (NaN for null) as it
 * goes, then each index; returns the roots. Throws `LeftToSql` at the first value it does not store.
 */
function writeTable(
  sink: ImageSink,
  l: Layout,
  rows: readonly unknown[][],
): { root: number; indexRoots: number[] } {
  const table = new TableTree(sink);
  const page = table.leaf.page;
  const width = l.affinity.length;
  const n = rows.length;
  const st = new Int32Array(width);
  const rowids = new Float64Array(n);
  const keys = new Map(l.keyColumns.map((c) => [c, new Float64Array(n)]));
  const keyCols = l.keyColumns.map((c) => [c, keys.get(c)!] as const);
  let lastRowid = -Infinity;
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    if (row.length !== width) throw new LeftToSql();
    let headerLen = 1;
    let body = 0;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      let t: number;
      if (c === l.rowidColumn) {
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= lastRowid) throw new LeftToSql();
        t = 0;
      } else {
        t = serialOf(v, l.affinity[c]!);
        if (t < 0 || (t === 0 && l.notNull[c])) throw new LeftToSql();
      }
      st[c] = t;
      headerLen += varintLen(t);
      body += t >= 12 ? (t - 12) >> 1 : SERIAL_SIZE[t]!;
    }
    const rowid = l.rowidColumn >= 0 ? (row[l.rowidColumn] as number) : r + 1;
    lastRowid = rowid;
    rowids[r] = rowid;
    for (const [c, into] of keyCols) {
      const v = row[c];
      // Index keys are integers (serialOf let through only integers and floats here).
      if (v !== null && !Number.isInteger(v)) throw new LeftToSql();
      into[r] = v === null ? NaN : (v as number);
    }
    const payload = headerLen + body;
    if (payload > MAX_ROW_BYTES) throw new LeftToSql();
    let o = table.record(payload, rowid, headerLen, st);
    for (let c = 0; c < width; c++) {
      const t = st[c]!;
      if (t >= 12) o += page.write(row[c] as string, o, (t - 12) >> 1, 'utf8');
      else if (t === 7) {
        putFloat(page, o, row[c] as number);
        o += 8;
      } else if (SERIAL_SIZE[t]! > 0) {
        putInt(page, o, row[c] as number, SERIAL_SIZE[t]!);
        o += SERIAL_SIZE[t]!;
      }
    }
  }
  const root = sink.append(table.finish());
  const indexRoots = l.indexes.map((x) =>
    writeIndex(
      sink,
      x.columns.map((c) => keys.get(c)!),
      rowids,
    ),
  );
  return { root, indexRoots };
}

/**
 * Writes a table given as columns of numbers (NaN for NULL), as `writeTable` writes rows; a
 * table with a text column is left to SQL.
 */
function writeColumns(
  sink: ImageSink,
  l: Layout,
  given: NumericColumns,
): { root: number; indexRoots: number[] } {
  const cols = given.columns;
  const width = l.affinity.length;
  const n = given.count;
  if (cols.length !== width || cols.some((col) => col.length < n) || l.affinity.includes('TEXT'))
    throw new LeftToSql();
  const table = new TableTree(sink);
  const page = table.leaf.page;
  const st = new Int32Array(width);
  const rowids = new Float64Array(n);
  let lastRowid = -Infinity;
  const rowidColumn = l.rowidColumn;
  const notNull = l.notNull;
  for (let r = 0; r < n; r++) {
    // Every type here is below 10, a byte of the header each.
    const headerLen = 1 + width;
    let body = 0;
    for (let c = 0; c < width; c++) {
      const v = cols[c]![r]!;
      let t: number;
      if (c === rowidColumn) {
        if (!Number.isSafeInteger(v) || v <= lastRowid) throw new LeftToSql();
        t = 0;
      } else if (v !== v) {
        if (notNull[c]) throw new LeftToSql();
        t = 0;
      } else {
        t = numberType(v);
        if (t < 0) throw new LeftToSql();
      }
      st[c] = t;
      body += SERIAL_SIZE[t]!;
    }
    const rowid = rowidColumn >= 0 ? cols[rowidColumn]![r]! : r + 1;
    lastRowid = rowid;
    rowids[r] = rowid;
    const payload = headerLen + body;
    let o = table.record(payload, rowid, headerLen, st);
    for (let c = 0; c < width; c++) {
      const t = st[c]!;
      if (t === 7) {
        putFloat(page, o, cols[c]![r]!);
        o += 8;
      } else if (SERIAL_SIZE[t]! > 0) {
        putInt(page, o, cols[c]![r]!, SERIAL_SIZE[t]!);
        o += SERIAL_SIZE[t]!;
      }
    }
  }
  const root = sink.append(table.finish());
  const indexRoots = l.indexes.map((x) =>
    writeIndex(
      sink,
      x.columns.map((c) => cols[c]!.subarray(0, n)),
      rowids,
    ),
  );
  return { root, indexRoots };
}

/**
 * Sorts entries by their key columns (`cols`, NaN for null: nulls first), then rowid, and
 * writes the index; returns its root. Throws `LeftToSql` when a column's values span more than
 * a counting sort takes.
 */
function writeIndex(sink: ImageSink, cols: Float64Array[], rowids: Float64Array): number {
  const n = rowids.length;
  let order: Int32Array = new Int32Array(n);
  for (let r = 0; r < n; r++) order[r] = r;
  // Counting passes from the last column to the first; rows arrive in rowid order.
  for (let k = cols.length - 1; k >= 0; k--) {
    const col = cols[k]!;
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < n; r++) {
      const v = col[r]!;
      if (v !== v) continue;
      // Index keys are integers (a float key is left to SQL).
      if (v !== Math.floor(v)) throw new LeftToSql();
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (max - min > MAX_KEY_RANGE) throw new LeftToSql();
    const counts = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const v = col[r]!;
      counts[r] = Number.isNaN(v) ? 0 : v - min + 1;
    }
    order = countingSort(order, counts, false, []).rows;
  }
  const leaves = new IndexLeaves(sink);
  const cell = new Uint8Array(64);
  const m = cols.length;
  const types = new Int32Array(m + 1);
  for (let e = 0; e < n; e++) {
    const r = order[e]!;
    const rowid = rowids[r]!;
    let body = 0;
    for (let k = 0; k < m; k++) {
      const v = cols[k]![r]!;
      const t = Number.isNaN(v) ? 0 : intType(v);
      types[k] = t;
      body += SERIAL_SIZE[t]!;
    }
    const tr = intType(rowid);
    types[m] = tr;
    body += SERIAL_SIZE[tr]!;
    const headerLen = 2 + m;
    cell[0] = headerLen + body;
    cell[1] = headerLen;
    let o = 2;
    for (let k = 0; k <= m; k++) cell[o++] = types[k]!;
    for (let k = 0; k < m; k++) {
      const size = SERIAL_SIZE[types[k]!]!;
      if (size > 0) putInt(cell, o, cols[k]![r]!, size);
      o += size;
    }
    const size = SERIAL_SIZE[tr]!;
    if (size > 0) putInt(cell, o, rowid, size);
    leaves.add(cell, o + size, e === n - 1);
  }
  return sink.append(leaves.finish());
}
