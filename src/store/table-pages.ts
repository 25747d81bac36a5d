/**
 * Side tables (src/store/tables) made as SQLite pages in memory from the rows modules hand over,
 * with their indexes, for the writer's thread to place whole (src/store/pages.ts). A table is made
 * here only when every value is stored exactly as `INSERT` would store it: numbers under INTEGER,
 * REAL and NUMERIC columns, texts under TEXT, nulls where allowed, rowids ascending, and indexes
 * over integer columns whose values span a range a counting sort can take. Anything else (a
 * constraint to enforce, a text that SQLite might turn into a number, a column of no declared
 * type, an index on a text column, a row too long for its page) leaves that table to SQL, which
 * also reports what is wrong with it.
 */
import {
  countingSort,
  ImageSink,
  IndexLeaves,
  intType,
  putFloat,
  putIntOfType,
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
 * The serial type a number is stored with under a column that is not TEXT (NaN being null): an
 * integer's type, 7 (an 8-byte float), 0 for null, or -1 for what SQL stores (infinities, -0,
 * integers past 2^53). Integral numbers are stored as integers, under REAL columns too (SQLite
 * keeps them so and reads them back as reals).
 */
function numberType(v: number): number {
  if (v !== v) return 0;
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
      const made = writeTable(sink, l, 'rows' in t ? byColumn(t.rows, l) : numericByColumn(l, t.columns));
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
 * A table's values by column: under a TEXT column its texts (null for NULL), under any other
 * its numbers (NaN for NULL). Rows are taken apart into this form first, so the loop that
 * encodes them reads only arrays of one kind, whatever the table: rows of different tables are
 * arrays of different kinds, which made one encoding loop over rows compiled again for each.
 */
interface ByColumn {
  count: number;
  /** Per column, its numbers; empty under a TEXT column. */
  numbers: Float64Array[];
  /** Per column, its texts under a TEXT column, else null. */
  texts: ((string | null)[] | null)[];
}

/** Rows taken apart by column (`ByColumn`); throws `LeftToSql` at a value not stored here. */
function byColumn(rows: readonly unknown[][], l: Layout): ByColumn {
  const n = rows.length;
  const width = l.affinity.length;
  for (let r = 0; r < n; r++) if (rows[r]!.length !== width) throw new LeftToSql();
  const numbers: Float64Array[] = [];
  const texts: ((string | null)[] | null)[] = [];
  for (let c = 0; c < width; c++) {
    const affinity = l.affinity[c]!;
    if (affinity === 'BLOB') throw new LeftToSql();
    if (affinity === 'TEXT') {
      numbers.push(new Float64Array(0));
      texts.push(textColumn(rows, c));
    } else {
      numbers.push(numberColumn(rows, c));
      texts.push(null);
    }
  }
  return { count: n, numbers, texts };
}

/** Column `c` of `rows` as texts: strings or nulls only. */
function textColumn(rows: readonly unknown[][], c: number): (string | null)[] {
  const n = rows.length;
  const out = new Array<string | null>(n);
  for (let r = 0; r < n; r++) {
    const v = rows[r]![c];
    if (v !== null && typeof v !== 'string') throw new LeftToSql();
    out[r] = v;
  }
  return out;
}

/** Column `c` of `rows` as numbers (NaN for null): numbers (not NaN) or nulls only. */
function numberColumn(rows: readonly unknown[][], c: number): Float64Array {
  const n = rows.length;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const v = rows[r]![c];
    if (v === null) out[r] = NaN;
    else if (typeof v === 'number' && v === v) out[r] = v;
    else throw new LeftToSql();
  }
  return out;
}

/** Columns of numbers given by a module, as `ByColumn`; a table with a TEXT column is left to SQL. */
function numericByColumn(l: Layout, given: NumericColumns): ByColumn {
  const n = given.count;
  const cols = given.columns;
  if (cols.length !== l.affinity.length || cols.some((col) => col.length < n) || l.affinity.includes('TEXT'))
    throw new LeftToSql();
  return { count: n, numbers: cols.map((col) => col.subarray(0, n)), texts: cols.map(() => null) };
}

/**
 * Writes a table's rows from its columns, then each index; returns the roots. Throws
 * `LeftToSql` at the first value it does not store.
 */
function writeTable(sink: ImageSink, l: Layout, cols: ByColumn): { root: number; indexRoots: number[] } {
  const n = cols.count;
  const rowids = rowidsOf(l, cols);
  const table = new TableTree(sink);
  layRows(table, l, cols, rowids);
  const root = sink.append(table.finish());
  const indexRoots = l.indexes.map((x) =>
    writeIndex(
      sink,
      x.columns.map((c) => cols.numbers[c]!.subarray(0, n)),
      rowids,
    ),
  );
  return { root, indexRoots };
}

/** The rows' rowids: the INTEGER PRIMARY KEY column's values (safe integers, ascending), or 1, 2, …. */
function rowidsOf(l: Layout, cols: ByColumn): Float64Array {
  const n = cols.count;
  const rowids = new Float64Array(n);
  if (l.rowidColumn < 0) {
    for (let r = 0; r < n; r++) rowids[r] = r + 1;
    return rowids;
  }
  const given = cols.numbers[l.rowidColumn]!;
  let last = -Infinity;
  for (let r = 0; r < n; r++) {
    const v = given[r]!;
    if (!Number.isSafeInteger(v) || v <= last) throw new LeftToSql();
    rowids[r] = last = v;
  }
  return rowids;
}

/** Adds the rows to `table`'s leaves, each as `INSERT` would store it. */
function layRows(table: TableTree, l: Layout, cols: ByColumn, rowids: Float64Array): void {
  const page = table.leaf.page;
  const { numbers, texts } = cols;
  const width = numbers.length;
  const n = cols.count;
  const st = new Int32Array(width);
  const notNull = l.notNull;
  const rowidColumn = l.rowidColumn;
  for (let r = 0; r < n; r++) {
    let headerLen = 1;
    let body = 0;
    for (let c = 0; c < width; c++) {
      const tc = texts[c]!;
      let t: number;
      if (c === rowidColumn) t = 0;
      else if (tc !== null) {
        const s = tc[r]!;
        t = s === null ? 0 : 2 * Buffer.byteLength(s, 'utf8') + 13;
      } else t = numberType(numbers[c]![r]!);
      if (t < 0 || (t === 0 && c !== rowidColumn && notNull[c])) throw new LeftToSql();
      st[c] = t;
      headerLen += varintLen(t);
      body += t >= 12 ? (t - 12) >> 1 : SERIAL_SIZE[t]!;
    }
    const payload = headerLen + body;
    if (payload > MAX_ROW_BYTES) throw new LeftToSql();
    let o = table.record(payload, rowids[r]!, headerLen, st);
    for (let c = 0; c < width; c++) {
      const t = st[c]!;
      if (t >= 12) o += page.write(texts[c]![r]!, o, (t - 12) >> 1, 'utf8');
      else if (t === 7) {
        putFloat(page, o, numbers[c]![r]!);
        o += 8;
      } else o = putIntOfType(page, o, numbers[c]![r]!, t);
    }
  }
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
  // Counting passes from the last column to the first; rows arrive in rowid order. One loop
  // a function (see countingSort in pages.ts).
  for (let k = cols.length - 1; k >= 0; k--) order = countingSort(order, countsOf(cols[k]!), false, []).rows;
  const leaves = new IndexLeaves(sink);
  layIndexEntries(leaves, cols, rowids, order);
  return sink.append(leaves.finish());
}

/**
 * A key column's values as counting keys (0 for null, else 1 and up from the least); throws
 * `LeftToSql` when they are not integers or span more than a counting sort takes.
 */
function countsOf(col: Float64Array): Int32Array {
  const n = col.length;
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
    counts[r] = v !== v ? 0 : v - min + 1;
  }
  return counts;
}

/** Adds the index's entries to `leaves`, rows in `order`: their keys (`cols`), then rowid. */
function layIndexEntries(
  leaves: IndexLeaves,
  cols: Float64Array[],
  rowids: Float64Array,
  order: Int32Array,
): void {
  const n = rowids.length;
  const cell = new Uint8Array(64);
  const m = cols.length;
  const types = new Int32Array(m + 1);
  for (let e = 0; e < n; e++) {
    const r = order[e]!;
    const rowid = rowids[r]!;
    let body = 0;
    for (let k = 0; k < m; k++) {
      const v = cols[k]![r]!;
      const t = v !== v ? 0 : intType(v);
      types[k] = t;
      body += SERIAL_SIZE[t]!;
    }
    const tr = intType(rowid);
    types[m] = tr;
    body += SERIAL_SIZE[tr]!;
    const headerLen = 2 + m;
    // Straight into the leaf where it fits (see IndexLeaves.reserve), else through `cell`.
    const len = 1 + headerLen + body;
    const at = e < n - 1 ? leaves.reserve(len) : -1;
    const b = at >= 0 ? leaves.page : cell;
    let o = at >= 0 ? at : 0;
    b[o++] = headerLen + body;
    b[o++] = headerLen;
    for (let k = 0; k <= m; k++) b[o++] = types[k]!;
    for (let k = 0; k < m; k++) o = putIntOfType(b, o, cols[k]![r]!, types[k]!);
    putIntOfType(b, o, rowid, tr);
    if (at < 0) leaves.add(cell, len, e === n - 1);
  }
}
