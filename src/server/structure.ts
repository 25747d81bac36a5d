/**
 * A quick structural check of a world file, cheap enough to run before the explorer answers
 * anything (a few milliseconds even for a national world): the file is as long as its header
 * says, and the first and last entries of every table and index can be read, which walks
 * each b-tree from its root down both edges. Damage in the middle of a table is left to the
 * full check that runs in the background (warm.ts).
 */
import { DatabaseError } from '../errors.js';
import { readHeader, type WorldDb } from '../store/reader.js';
import { statSync } from 'node:fs';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Throws a DatabaseError naming the first structural problem found in the world's file. */
export function checkStructureQuickly(world: WorldDb): void {
  checkLength(world.file);
  const objects = world.all<{ type: string; name: string; tbl: string; sql: string | null }>(
    "SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'",
  );
  for (const o of objects) {
    if (o.type === 'table') {
      const withoutRowid = /WITHOUT\s+ROWID\s*$/i.test(o.sql ?? '');
      const order = withoutRowid ? '' : ' ORDER BY rowid';
      world.all(`SELECT * FROM ${quote(o.name)}${order} LIMIT 1`);
      if (!withoutRowid) world.all(`SELECT * FROM ${quote(o.name)} ORDER BY rowid DESC LIMIT 1`);
      continue;
    }
    // An index is read at both ends through itself (INDEXED BY), on its first column with its
    // collation, under its own WHERE when it is partial, or SQLite would not use it.
    const column = world.all<{ name: string | null; coll: string; key: number }>(
      `SELECT name, coll, key FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno LIMIT 1`,
      o.name,
    )[0];
    if (!column?.name) continue;
    const where = /\bWHERE\b([\s\S]*)$/i.exec(o.sql ?? '')?.[1];
    const by = `${quote(column.name)} COLLATE ${column.coll}`;
    for (const dir of ['ASC', 'DESC'])
      world.all(
        `SELECT ${quote(column.name)} FROM ${quote(o.tbl)} INDEXED BY ${quote(o.name)}${where ? ` WHERE ${where}` : ''} ORDER BY ${by} ${dir} LIMIT 1`,
      );
  }
}

/** The file holds as many pages as its header says (a truncated copy does not). */
function checkLength(file: string): void {
  const header = readHeader(file);
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  const pages = header.readUInt32BE(28);
  // The page count in the header is valid only when written by a version that keeps it.
  const valid = header.readUInt32BE(24) === header.readUInt32BE(92) && pages > 0;
  const size = statSync(file).size;
  if (valid && size < pages * pageSize)
    throw new DatabaseError(
      file,
      `is damaged: it is cut short (${size.toLocaleString('en-GB')} bytes, its header says ${(pages * pageSize).toLocaleString('en-GB')})`,
    );
}
