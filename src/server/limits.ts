/**
 * The request limits the explorer enforces, in one place so the server that applies them and
 * the OpenAPI document that states them cannot disagree.
 */

/** Longest request target (path and query) accepted, in characters; longer gets 414. */
export const MAX_URL_LENGTH = 2048;

/** Largest request header block, in bytes; larger gets 431. */
export const MAX_HEADER_BYTES = 16_384;
