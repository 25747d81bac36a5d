/**
 * Parquet beside the CSV, written by DuckDB from the CSV itself with the columns typed as the
 * reporters declare them, so the two files always hold the same rows. DuckDB runs on one thread
 * here: the files are small, and one thread keeps row groups in file order.
 */
import type { ColumnInfo } from './manifest.js';

const SQL_TYPES = { int: 'BIGINT', float: 'DOUBLE', text: 'VARCHAR' } as const;

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Converts a CSV the ensemble wrote into a Parquet file (zstd-compressed).
 * @example await csvToParquet('out/runs.csv', 'out/runs.parquet', manifest.columns.runs)
 */
export async function csvToParquet(
  csv: string,
  parquet: string,
  columns: readonly ColumnInfo[],
): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await db.connect();
  try {
    const types = `{${columns.map((c) => `${sqlString(c.name)}: '${SQL_TYPES[c.type]}'`).join(', ')}}`;
    await con.run(
      `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, delim = ',', quote = '"', ` +
        `escape = '"', nullstr = '', columns = ${types})) TO ${sqlString(parquet)} ` +
        `(FORMAT parquet, COMPRESSION zstd)`,
    );
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
