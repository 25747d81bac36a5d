/** Event types of school life and the Cottages (codes 20–59). */
export const SCHOOL_EVENTS = {} as const;
