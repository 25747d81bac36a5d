/** The carers table: every carer's figures at the end of the run (rounds, kilometres, donors, record). */
import { defineTable, type RowObject } from './define.js';

export const carers = defineTable(
  'carers',
  [
    ['person', 'INTEGER PRIMARY KEY'],
    ['base', 'INTEGER'],
    ['km', 'REAL'],
    ['trips', 'INTEGER'],
    ['donors_cared', 'INTEGER'],
    ['completions_in_care', 'INTEGER'],
    ['donor_days', 'INTEGER'],
    ['record', 'REAL'],
    ['still_caring', 'INTEGER'],
  ] as const,
  { indexes: ['CREATE INDEX carers_base ON carers(base)'] },
);

export type CarerRow = RowObject<typeof carers.columns>;
