/**
 * The phases of a clone's life in the programme, in the only order they may come. A phase
 * never runs backwards and nobody leaves the programme: `completed` is terminal.
 */

export const PHASES = ['none', 'student', 'resident', 'carer', 'donor', 'completed'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_NONE = 0;
export const PHASE_STUDENT = 1;
export const PHASE_RESIDENT = 2;
export const PHASE_CARER = 3;
export const PHASE_DONOR = 4;
export const PHASE_COMPLETED = 5;

/** Phase name of a phase code. */
export function phaseName(code: number): Phase {
  return PHASES[code] ?? 'none';
}

/** The kinds of person in the world. */
export const PERSON_KINDS = ['clone', 'guardian', 'madame', 'original'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export const KIND_CLONE = 0;
export const KIND_GUARDIAN = 1;
export const KIND_MADAME = 2;
export const KIND_ORIGINAL = 3;
