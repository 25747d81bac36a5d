/**
 * How a table of the world database is declared: once, as an ordered list of columns with their
 * SQL types. From that one list come the `CREATE TABLE` statement, the row type readers get (an
 * object keyed by column name), the row type writers hand over (a tuple in column order, so a
 * million rows cost no objects), and the prepared insert. A column's TypeScript type follows
 * its SQL: `NOT NULL` and `PRIMARY KEY` columns are never null, every other column may be.
 */
import type Database from 'better-sqlite3';

/** One column: its name and its SQL type with constraints, as in `CREATE TABLE`. */
export type ColumnDecl = readonly [name: string, sql: string];

type BaseOf<S extends string> = S extends `INTEGER${string}`
  ? number
  : S extends `REAL${string}`
    ? number
    : S extends `NUMERIC${string}`
      ? number
      : S extends `TEXT${string}`
        ? string
        : unknown;

/** The TypeScript type of a value stored under an SQL column type. */
export type ValueOf<S extends string> = S extends `${string}NOT NULL${string}`
  ? BaseOf<S>
  : S extends `${string}PRIMARY KEY${string}`
    ? BaseOf<S>
    : BaseOf<S> | null;

/** A row as a reader gets it from `SELECT *`: an object keyed by column name. */
export type RowObject<C extends readonly ColumnDecl[]> = {
  [E in C[number] as E[0]]: ValueOf<E[1]>;
};

/** A row as a writer hands it over: the values in column order. */
export type RowTuple<C extends readonly ColumnDecl[]> = {
  -readonly [K in keyof C]: C[K] extends readonly [string, infer S extends string] ? ValueOf<S> : never;
};

/** A declared table. */
export interface TableDef<C extends readonly ColumnDecl[] = readonly ColumnDecl[]> {
  readonly name: string;
  readonly columns: C;
  /** The `CREATE TABLE` statement. */
  readonly create: string;
  /** `CREATE INDEX` statements, run once the rows are in (bulk loads are faster without them). */
  readonly indexes: readonly string[];
  /** The column names, in order. */
  readonly names: readonly string[];
  /** Prepares `INSERT INTO name (columns) VALUES (?, …)` repeated for `rows` rows at once. */
  insert(db: Database.Database, rows?: number): Database.Statement;
}

export interface TableOptions {
  /** Constraints after the columns, e.g. `PRIMARY KEY (a, b)`. */
  constraints?: string;
  /** Text after the closing parenthesis, e.g. `WITHOUT ROWID`. */
  suffix?: string;
  indexes?: readonly string[];
}

/**
 * Declares a table.
 * @example
 * const ledger = defineTable('ledger', [['person', 'INTEGER NOT NULL'], ['delta', 'INTEGER NOT NULL']] as const);
 * type LedgerRow = RowObject<typeof ledger.columns>; // { person: number; delta: number }
 */
export function defineTable<const C extends readonly ColumnDecl[]>(
  name: string,
  columns: C,
  options: TableOptions = {},
): TableDef<C> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`defineTable: bad table name '${name}'`);
  const parts = columns.map(([n, sql]) => `${n} ${sql}`);
  if (options.constraints) parts.push(options.constraints);
  const names = columns.map(([n]) => n);
  const suffix = options.suffix ? ` ${options.suffix}` : '';
  const row = `(${names.map(() => '?').join(',')})`;
  return {
    name,
    columns,
    create: `CREATE TABLE ${name} (${parts.join(', ')})${suffix}`,
    indexes: options.indexes ?? [],
    names,
    insert: (db, rows = 1) =>
      db.prepare(
        `INSERT INTO ${name} (${names.join(', ')}) VALUES ${Array<string>(rows).fill(row).join(',')}`,
      ),
  };
}
