import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CREATE_INDEXES, CREATE_TABLES } from '../schema.js';
import { CORE_TABLES, SIDE_TABLES, sideTable } from './index.js';

describe('table declarations', () => {
  const all = [...CORE_TABLES, ...Object.values(SIDE_TABLES)];

  it('each table creates, with its columns in the declared order, and its indexes build', () => {
    const db = new Database(':memory:');
    for (const t of all) {
      db.exec(t.create);
      const cols = (db.pragma(`table_info(${t.name})`) as { name: string }[]).map((c) => c.name);
      expect(cols, t.name).toEqual(t.names);
      for (const index of t.indexes) db.exec(index);
    }
    db.close();
  });

  it('the core schema and its indexes build on an empty database', () => {
    const db = new Database(':memory:');
    db.exec(CREATE_TABLES);
    db.exec(CREATE_INDEXES);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(names).toEqual(CORE_TABLES.map((t) => t.name));
    db.close();
  });

  it('every side table is found under its own name, and unknown names are not', () => {
    for (const [key, t] of Object.entries(SIDE_TABLES)) expect(sideTable(key)?.name).toBe(t.name);
    expect(sideTable('toString')).toBeUndefined();
    expect(sideTable('events')).toBeUndefined();
  });

  it('insert() takes a row in column order, and several rows at once', () => {
    const db = new Database(':memory:');
    const ledger = SIDE_TABLES.ledger;
    db.exec(ledger.create);
    ledger.insert(db).run([7, 100, 3, 2, 2, 'exchange-paid']);
    ledger.insert(db, 2).run([8, 101, 4, 1, 1, 'exchange-paid', 8, 102, 5, -1, 0, 'sale-bought']);
    expect(db.prepare('SELECT person, balance, reason FROM ledger ORDER BY rowid').all()).toEqual([
      { person: 7, balance: 2, reason: 'exchange-paid' },
      { person: 8, balance: 1, reason: 'exchange-paid' },
      { person: 8, balance: 0, reason: 'sale-bought' },
    ]);
    db.close();
  });
});
