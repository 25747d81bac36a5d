// @ts-check
/**
 * `node bench/db-digest.js W.db`: what a world file holds, as `name: value` lines, so two files
 * written by different versions of the writer can be compared line by line (`diff <(…) <(…)`).
 *
 * - `schema`: the first 12 hex digits of the SHA-256 of every schema entry (type, name, table,
 *   SQL), sorted by name; the order of entries in the file is not part of it.
 * - `table_<name>`: the same over every row in rowid order (key order for a WITHOUT ROWID
 *   table), each value with its SQLite storage class (`typeof`), so 3 and 3.0 differ.
 *   `meta.scenario_file` (the path the scenario was read from) is left out.
 * - `application_id`, `user_version`, `page_size`, and `quick_check` (`ok` or the first problem).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

const path = process.argv[2];
if (!path) {
  console.error('usage: node bench/db-digest.js WORLD.db');
  process.exit(2);
}
const db = new Database(path, { readonly: true, fileMustExist: true });
const hash = () => createHash('sha256');
const schema = /** @type {{ type: string, name: string, tbl_name: string, sql: string | null }[]} */ (
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all()
);
console.log(`schema: ${hash().update(JSON.stringify(schema)).digest('hex').slice(0, 12)}`);
for (const t of schema.filter((e) => e.type === 'table')) {
  const cols = /** @type {string[]} */ (
    db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t.name)
  );
  const select = cols.map((c) => `"${c}", typeof("${c}")`).join(', ');
  const order = /WITHOUT ROWID/i.test(t.sql ?? '') ? '' : ' ORDER BY rowid';
  const h = hash();
  for (const row of db.prepare(`SELECT ${select} FROM "${t.name}"${order}`).raw().iterate()) {
    if (t.name === 'meta' && row[0] === 'scenario_file') continue;
    h.update(JSON.stringify(row));
  }
  console.log(`table_${t.name}: ${h.digest('hex').slice(0, 12)}`);
}
for (const p of ['application_id', 'user_version', 'page_size', 'quick_check'])
  console.log(`${p}: ${db.pragma(p, { simple: true })}`);
db.close();
