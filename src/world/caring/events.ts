/** Event types of caring, donation and deferral (codes 60–89). */
export const CARING_EVENTS = {} as const;
