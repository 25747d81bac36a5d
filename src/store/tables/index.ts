/**
 * Every table of the world database, declared once (src/store/tables/define.ts). The core
 * tables are the store's own; the side tables are those rule modules fill, handing over rows
 * by table name (`ExtraTable` in src/world/module.ts) while the store owns their layout.
 */
import { carers } from './caring.js';
import type { RowTuple, TableDef } from './define.js';
import {
  beliefs,
  cliqueMembers,
  cliques,
  couples,
  holdings,
  items,
  ledger,
  propositions,
  relationships,
  staff,
  students,
  works,
} from './school.js';

export * from './caring.js';
export * from './core.js';
export * from './school.js';
export { defineTable, type ColumnDecl, type RowObject, type RowTuple, type TableDef } from './define.js';

/** The tables rule modules fill, by name. */
export const SIDE_TABLES = {
  carers,
  students,
  works,
  items,
  holdings,
  ledger,
  propositions,
  beliefs,
  couples,
  cliques,
  clique_members: cliqueMembers,
  relationships,
  staff,
} as const;

export type SideTableName = keyof typeof SIDE_TABLES;

/** A side table's row as a module hands it over: its values in column order. */
export type SideTableTuple<N extends SideTableName> = RowTuple<(typeof SIDE_TABLES)[N]['columns']>;

/** The declaration of a side table, by name. */
export function sideTable(name: string): TableDef | undefined {
  return Object.hasOwn(SIDE_TABLES, name) ? SIDE_TABLES[name as SideTableName] : undefined;
}
